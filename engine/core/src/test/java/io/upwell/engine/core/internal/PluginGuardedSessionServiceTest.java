package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceDriver;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.JournalHealth;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Technique;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/**
 * SR-18: a bundle that provides a driver or a technique may read the engine and move it toward the
 * safe state, but never start, resume, raise or acknowledge; any other bundle may do everything.
 * The guard is checked on every call and otherwise passes each call through unchanged.
 */
@Tag("SR-18")
class PluginGuardedSessionServiceTest {
    /** What reached the engine behind the guard, in order. */
    final List<String> calls = new ArrayList<>();
    final SessionRequest request = EngineFixture.request(1, Map.of());
    final LoopStatistics statistics = new LoopStatistics(20_000_000L, 7, 1, 2, 3, 4);
    final JournalHealth health = new JournalHealth(false, "disk full", 3);
    final List<DeviceStatus> devices = new ArrayList<>();
    final List<AvailableTechnique> techniques = new ArrayList<>();
    final SessionPlan plan = new SessionPlan("scripted", "p", java.time.Duration.ofSeconds(60), List.of());
    final Session session = new RecordingSession();
    boolean latched = true;
    final SessionSnapshot snapshot = new SessionSnapshot("s-1", "scripted", SessionState.RUNNING, "because",
            java.time.Duration.ofSeconds(3), java.time.Duration.ofSeconds(60), 100, List.of(), List.of());
    /** The services the calling bundle registers now: each is its objectClass property. */
    Object[] registered;

    private final SessionService engine = new SessionService() {
        @Override
        public Session start(SessionRequest r) {
            calls.add("start " + (r == request));
            return session;
        }

        @Override
        public Optional<Session> current() {
            return Optional.of(session);
        }

        @Override
        public void emergencyStop(String source) {
            calls.add("emergencyStop " + source);
        }

        @Override
        public void acknowledge(String operator) {
            calls.add("acknowledge " + operator);
        }

        @Override
        public boolean latched() {
            return latched;
        }

        @Override
        public List<DeviceStatus> devices() {
            return devices;
        }

        @Override
        public SessionPlan check(SessionRequest r) {
            calls.add("check " + (r == request));
            return plan;
        }

        @Override
        public List<AvailableTechnique> techniques() {
            return techniques;
        }

        @Override
        public LoopStatistics loopStatistics() {
            return statistics;
        }

        @Override
        public JournalHealth journalHealth() {
            return health;
        }

        @Override
        public void pause(String sessionId, String by) {
            calls.add("pause " + sessionId + " by " + by);
        }

        @Override
        public void resume(String sessionId, String by) {
            calls.add("resume " + sessionId + " by " + by);
        }

        @Override
        public void stop(String sessionId, String by) {
            calls.add("stop " + sessionId + " by " + by);
        }

        @Override
        public int setIntensity(String sessionId, int percent, String by) {
            calls.add("setIntensity " + sessionId + " " + percent + " by " + by);
            return percent;
        }

        @Override
        public void cue(String sessionId, int cup, String by) {
            calls.add("cue " + sessionId + " " + cup + " by " + by);
        }

        @Override
        public io.upwell.api.safety.AlarmStatus acknowledge(String by, String alarmId) {
            calls.add("acknowledge " + alarmId + " by " + by);
            return null;
        }

        @Override
        public Optional<SessionSnapshot> currentSession() {
            return Optional.of(snapshot);
        }

        @Override
        public Optional<SessionSnapshot> session(String sessionId) {
            return Optional.of(snapshot).filter(s -> s.sessionId().equals(sessionId));
        }

        @Override
        public List<io.upwell.api.safety.AlarmStatus> activeAlarms() {
            return List.of();
        }

        @Override
        public Optional<io.upwell.api.safety.AlarmStatus> alarm(String alarmId) {
            return Optional.empty();
        }
    };

    private final class RecordingSession implements Session {
        @Override
        public String id() {
            return "s-1";
        }

        @Override
        public SessionState state() {
            return SessionState.RUNNING;
        }

        @Override
        public String reason() {
            return "because";
        }

        @Override
        public void pause() {
            calls.add("pause");
        }

        @Override
        public void resume() {
            calls.add("resume");
        }

        @Override
        public void stop() {
            calls.add("stop");
        }

        @Override
        public void setIntensity(int percent) {
            calls.add("setIntensity " + percent);
        }

        @Override
        public int intensityUp() {
            calls.add("intensityUp");
            return 110;
        }

        @Override
        public int intensityDown() {
            calls.add("intensityDown");
            return 90;
        }

        @Override
        public void cue(int cup) {
            calls.add("cue " + cup);
        }

        @Override
        public SessionSnapshot snapshot() {
            return snapshot;
        }
    }

    /** A bundle whose registered services are {@link #registered}, read at each call. */
    private Bundle bundle() {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRegisteredServices" -> registered == null ? null : references();
                    case "getSymbolicName" -> "com.example.plugin";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "bundle com.example.plugin";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private ServiceReference<?>[] references() {
        ServiceReference<?>[] references = new ServiceReference<?>[registered.length];
        for (int i = 0; i < registered.length; i++) {
            Object objectClass = registered[i];
            references[i] = (ServiceReference<?>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                    new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getProperty")) {
                            return Constants.OBJECTCLASS.equals(args[0]) ? objectClass : null;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
        return references;
    }

    private PluginGuardedSessionService guard() {
        return new PluginGuardedSessionService(engine, bundle());
    }

    private static void assertRefused(String what, org.junit.jupiter.api.function.Executable call) {
        SessionException refused = assertThrows(SessionException.class, call, what + " is refused to a plugin");
        assertTrue(refused.getMessage().contains("com.example.plugin") && refused.getMessage().contains(what),
                refused.getMessage());
    }

    @Test
    void aBundleThatRegistersNothingIsNoPluginAndMayDoEverything() throws Exception {
        registered = null;
        PluginGuardedSessionService guard = guard();
        assertFalse(guard.callerIsPlugin());
        assertSame(session, guard.start(request));
        guard.acknowledge("therapist");
        Session seen = guard.current().orElseThrow();
        seen.resume();
        seen.setIntensity(120);
        assertEquals(110, seen.intensityUp());
        assertEquals(List.of("start true", "acknowledge therapist", "resume", "setIntensity 120", "intensityUp"),
                calls);
    }

    @Test
    void aBundleWithOtherServicesOnlyIsNoPlugin() throws Exception {
        registered = new Object[] {new String[] {"com.example.Console", Runnable.class.getName()},
                "not an array of names", null};
        PluginGuardedSessionService guard = guard();
        assertFalse(guard.callerIsPlugin());
        guard.acknowledge("therapist");
        assertEquals(List.of("acknowledge therapist"), calls);
    }

    @Test
    void aDriverProviderMayNotStartAcknowledgeResumeOrRaiseTheIntensity() throws Exception {
        registered = new Object[] {new String[] {"com.example.Console"},
                new String[] {Runnable.class.getName(), DeviceDriver.class.getName()}};
        PluginGuardedSessionService guard = guard();
        assertTrue(guard.callerIsPlugin());
        assertRefused("start a session", () -> guard.start(request));
        assertRefused("acknowledge the latch", () -> guard.acknowledge("therapist"));
        Session seen = guard.current().orElseThrow();
        assertRefused("resume a session", seen::resume);
        assertRefused("change the intensity", () -> seen.setIntensity(120));
        assertRefused("change the intensity", seen::intensityUp);
        assertRefused("cue the technique", () -> seen.cue(2));
        assertEquals(List.of(), calls, "nothing reached the engine");
    }

    @Test
    void throughEngineControlAPluginMayPauseAndStopButNotAcknowledgeResumeChangeTheIntensityOrCue() throws Exception {
        registered = new Object[] {new String[] {DeviceDriver.class.getName()}};
        PluginGuardedSessionService guard = guard();
        assertRefused("acknowledge an alarm", () -> guard.acknowledge("therapist", "al-1"));
        assertRefused("resume a session", () -> guard.resume("s-1", "driver"));
        assertRefused("change the intensity", () -> guard.setIntensity("s-1", 50, "driver"));
        assertRefused("cue the technique", () -> guard.cue("s-1", 0, "driver"));
        guard.pause("s-1", "driver");
        guard.stop("s-1", "driver");
        assertEquals(List.of("pause s-1 by driver", "stop s-1 by driver"), calls,
                "moves toward the safe state reach the engine, nothing else did");
    }

    @Test
    void throughEngineControlAnOperatorsFrontEndReachesEveryCommand() throws Exception {
        registered = null;
        PluginGuardedSessionService guard = guard();
        assertEquals(null, guard.acknowledge("ana", "al-1"));
        guard.resume("s-1", "ana");
        assertEquals(120, guard.setIntensity("s-1", 120, "ana"));
        guard.cue("s-1", 1, "ana");
        assertEquals(List.of("acknowledge al-1 by ana", "resume s-1 by ana", "setIntensity s-1 120 by ana",
                "cue s-1 1 by ana"), calls);
    }

    @Test
    void aScreeningRuleProviderIsAPluginToo() {
        registered = new Object[] {new String[] {io.upwell.api.screening.ScreeningRule.class.getName()}};
        PluginGuardedSessionService guard = guard();
        assertTrue(guard.callerIsPlugin());
        assertRefused("start a session", () -> guard.start(request));
        assertEquals(List.of(), calls);
    }

    @Test
    void aTechniqueProviderIsAPluginToo() {
        registered = new Object[] {new String[] {Technique.class.getName()}};
        PluginGuardedSessionService guard = guard();
        assertTrue(guard.callerIsPlugin());
        assertRefused("start a session", () -> guard.start(request));
        assertEquals(List.of(), calls);
    }

    @Test
    void aPluginMayMoveTowardTheSafeStateAndReadEverything() throws Exception {
        registered = new Object[] {new String[] {DeviceDriver.class.getName()}};
        PluginGuardedSessionService guard = guard();
        guard.emergencyStop("driver button");
        Session seen = guard.current().orElseThrow();
        seen.pause();
        assertEquals(90, seen.intensityDown());
        seen.stop();
        assertEquals(List.of("emergencyStop driver button", "pause", "intensityDown", "stop"), calls);

        assertEquals("s-1", seen.id());
        assertEquals(SessionState.RUNNING, seen.state());
        assertEquals("because", seen.reason());
        assertSame(snapshot, seen.snapshot());
        assertTrue(guard.latched());
        latched = false;
        assertFalse(guard.latched());
        assertSame(devices, guard.devices());
        assertSame(techniques, guard.techniques());
        assertSame(plan, guard.check(request), "checking a request starts nothing, so a plugin may");
        assertEquals("check true", calls.get(calls.size() - 1));
        assertSame(statistics, guard.loopStatistics());
        assertSame(health, guard.journalHealth());
    }

    @Test
    void theCheckIsMadeAtEachCallSoABundleThatBecomesAPluginLaterIsCaught() throws Exception {
        registered = new Object[0];
        PluginGuardedSessionService guard = guard();
        Session seen = guard.current().orElseThrow();
        seen.resume();
        registered = new Object[] {new String[] {DeviceDriver.class.getName()}};
        assertRefused("resume a session", seen::resume);
        assertEquals(List.of("resume"), calls);
    }
}
