package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.devices.simulator.Fault;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What happens to a start while its technique plans, and to the operator's acknowledgement of a session. */
class SessionStartRacesTest {
    @TempDir
    Path dir;
    EngineFixture f;
    final CountDownLatch release = new CountDownLatch(1);
    final CountDownLatch planning = new CountDownLatch(1);

    @BeforeEach
    void setUp() {
        f = new EngineFixture(EngineSettings.builder(dir).virtualClock(true).pluginCallTimeoutMillis(300).build(),
                SimulatorOptions.defaults());
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        f.close();
    }

    /** Starts a session on another thread whose technique plans until {@link #release} opens. */
    private CompletableFuture<Session> startWhilePlanningBlocks() throws InterruptedException {
        f.technique.script(request -> {
            planning.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return EngineFixture.holdProgram(request);
        });
        CompletableFuture<Session> starting = CompletableFuture.supplyAsync(() -> {
            try {
                return f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0));
            } catch (SessionException e) {
                throw new CompletionException(e);
            }
        });
        planning.await();
        return starting;
    }

    @Test
    void aSecondStartWhileOneIsBeingPlannedIsRefused() throws Exception {
        CompletableFuture<Session> first = startWhilePlanningBlocks();
        SessionException refused = assertThrows(SessionException.class,
                () -> f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0)));
        assertEquals("another session is being started", refused.getMessage());
        release.countDown();
        Session session = first.get();
        f.advance(Duration.ofSeconds(1));
        assertEquals(SessionState.RUNNING, session.state(), "the first start goes through");
    }

    @Test
    @Tag("SR-09")
    void aDeviceThatDropsWhileTheTechniquePlansStopsTheStart() throws Exception {
        CompletableFuture<Session> starting = startWhilePlanningBlocks();
        f.simulator.inject(Fault.DISCONNECT, -1);
        f.advanceUntil("the drop seen", Duration.ofSeconds(2), () -> f.slot("sim-1").state()
                != io.upwell.api.device.DeviceState.READY);
        String state = f.slot("sim-1").state().name();
        release.countDown();
        ExecutionException failure = assertThrows(ExecutionException.class, starting::get);
        assertEquals("session not started: device sim-1 became " + state + " while it was being planned",
                failure.getCause().getMessage());
        assertTrue(f.engine.current().isEmpty(), "nothing was published");
    }

    @Test
    @Tag("SR-11")
    void aTechniqueThatMissesItsDeadlineIsAnEngineAlarm() throws Exception {
        CompletableFuture<Session> starting = startWhilePlanningBlocks();
        ExecutionException failure = assertThrows(ExecutionException.class, starting::get);
        List<Alarm> raised = f.engineAlarms(AlarmCondition.TECHNIQUE_FAILED);
        assertEquals(1, raised.size(), raised.toString());
        assertEquals(AlarmPriority.MEDIUM, raised.get(0).priority());
        assertEquals(failure.getCause().getMessage(), raised.get(0).message());
    }

    @Test
    @Tag("SR-11")
    void aTechniqueThatFailsAtOnceIsRefusedWithoutAnEngineAlarm() {
        f.technique.script(request -> {
            throw new IllegalStateException("no plan today");
        });
        assertThrows(SessionException.class, () -> f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0)));
        assertEquals(List.of(), f.engineAlarms(AlarmCondition.TECHNIQUE_FAILED), "the operator was told by the refusal");
    }

    @Test
    @Tag("SR-16")
    void anAcknowledgementDuringASessionIsInThatSessionsRecord() throws Exception {
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(2));
        f.engine.emergencyStop("panel"); // aborts the session: its record goes to the engine file, naming it
        f.engine.acknowledge("ann");
        f.close();
        List<JsonObject> engine = SessionLifecycleTest.read(dir.resolve("engine.jsonl")).stream()
                .filter(r -> r.get("type").getAsString().equals("acknowledge")).toList();
        assertEquals(1, engine.size());
        assertEquals(session.id(), engine.get(0).get("forSession").getAsString());
        assertEquals("ann", engine.get(0).get("operator").getAsString());
    }
}
