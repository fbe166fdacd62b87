package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import java.nio.file.Path;
import java.time.Duration;
import io.upwell.api.technique.ParameterValue;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * A real engine on the virtual clock with the real simulator and a real journal in a temporary
 * directory: what the core's unit tests drive.
 */
final class EngineFixture implements AutoCloseable {
    static final long TICK = 20_000_000L;
    /** Wall-clock bound for awaited conditions; generous, since only the plugin threads are waited for. */
    static final long AWAIT_NANOS = 20_000_000_000L;

    final VirtualClock clock;
    final EngineSettings settings;
    final Engine engine;
    final SimulatedDevice simulator;
    final ScriptedTechnique technique;

    EngineFixture(Path dir) {
        this(EngineSettings.defaults(dir, true), SimulatorOptions.defaults());
    }

    EngineFixture(EngineSettings settings, SimulatorOptions simulatorOptions) {
        this(settings, simulatorOptions, 0L);
    }

    /** @param clockStartNanos where the virtual clock starts: the engine must not assume zero */
    EngineFixture(EngineSettings settings, SimulatorOptions simulatorOptions, long clockStartNanos) {
        this.clock = new VirtualClock(clockStartNanos);
        this.settings = settings;
        this.engine = new Engine(settings, clock, new JsonLinesJournal(settings.dataDirectory(),
                Duration.ofMillis(settings.journalFlushMillis()), 1 << 14));
        this.simulator = Simulators.create(simulatorOptions);
        this.technique = new ScriptedTechnique(EngineFixture::holdProgram);
        engine.addTechnique(technique, "test.module");
        engine.addDriver(simulator);
        engine.start(false);
        awaitDevice(simulator.deviceId(), DeviceState.READY);
        await("technique available", () -> !engine.techniques().isEmpty()); // described asynchronously
    }

    /** Ramp to the target over 5 s, hold for holdSeconds, release over 3 s: on every cup. */
    static Program holdProgram(io.upwell.api.technique.PlanRequest request) {
        List<Timeline> timelines = new ArrayList<>();
        for (var cup : request.cups()) {
            double target = request.number("targetKpa", cup);
            timelines.add(new Timeline(cup.index(), List.of(new Segment.Ramp(target, Duration.ofSeconds(5)),
                    new Segment.Hold(target, Duration.ofSeconds((long) request.number("holdSeconds"))),
                    new Segment.Release(Duration.ofSeconds(3)))));
        }
        return new Program("hold", timelines);
    }

    static Program constant(io.upwell.api.technique.PlanRequest request, double kpa, Duration length) {
        List<Timeline> timelines = new ArrayList<>();
        for (var cup : request.cups()) {
            timelines.add(new Timeline(cup.index(), List.of(new Segment.Hold(kpa, length))));
        }
        return new Program("constant", timelines);
    }

    /**
     * A request for {@code cups} cups on sim-1, channels 0 up. For brevity a key {@code name@c} in
     * {@code parameters} sets the number for cup {@code c} alone (a placement override); every
     * other key is a session-wide number.
     */
    static SessionRequest request(int cups, Map<String, Double> parameters) {
        Map<String, ParameterValue> session = new HashMap<>();
        List<Map<String, ParameterValue>> perCup = new ArrayList<>();
        for (int c = 0; c < cups; c++) {
            perCup.add(new HashMap<>());
        }
        parameters.forEach((key, value) -> {
            int at = key.indexOf('@');
            if (at < 0) {
                session.put(key, ParameterValue.of(value));
            } else {
                perCup.get(Integer.parseInt(key.substring(at + 1))).put(key.substring(0, at), ParameterValue.of(value));
            }
        });
        List<Placement> placements = new ArrayList<>();
        for (int c = 0; c < cups; c++) {
            placements.add(new Placement("sim-1", c, new BodySite(BodyRegion.UPPER_BACK,
                    c % 2 == 0 ? Side.LEFT : Side.RIGHT, "")).withOverrides(perCup.get(c)));
        }
        return new SessionRequest("tester", new Client("client-1", "Test Client"), null,
                ScriptedTechnique.ID, session, placements, 100);
    }

    Session start(int cups, Map<String, Double> parameters) throws SessionException {
        return engine.start(request(cups, parameters));
    }

    void advance(Duration duration) {
        clock.advance(duration);
    }

    /** Advances virtual time one tick at a time until the condition holds, or fails after {@code limit}. */
    void advanceUntil(String what, Duration limit, BooleanSupplier condition) {
        long end = clock.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (clock.nanoTime() >= end) {
                fail("within " + limit + " of virtual time: " + what);
            }
            clock.advanceNanos(TICK);
        }
    }

    /** Waits (wall clock, bounded) for something the plugin threads do. */
    static void await(String what, BooleanSupplier condition) {
        long end = System.nanoTime() + AWAIT_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("never became true: " + what);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000L); // poll, do not spin two shared cores
        }
    }

    void awaitDevice(String id, DeviceState state) {
        await("device " + id + " is " + state, () -> engine.devices().stream()
                .anyMatch(d -> d.descriptor().id().equals(id) && d.state() == state));
    }

    DeviceSlot slot(String id) {
        for (DeviceSlot slot : engine.slots()) {
            if (slot.id().equals(id)) {
                return slot;
            }
        }
        throw new AssertionError("no device " + id);
    }

    /** What the simulator's driver reads for a channel: the command as it leaves the engine. */
    double commandedKpa(int channel) {
        return slot("sim-1").targetKpa(channel);
    }

    boolean vented(int channel) {
        return slot("sim-1").vent(channel);
    }

    void assertAllVented(String deviceId) {
        DeviceSlot slot = slot(deviceId);
        for (int ch = 0; ch < slot.channels(); ch++) {
            assertTrue(slot.vent(ch), "channel " + ch + " of " + deviceId + " is vented");
        }
    }

    static List<Alarm> alarms(Session session, AlarmCondition condition) {
        return session.snapshot().alarms().stream().filter(a -> a.condition() == condition).toList();
    }

    List<Alarm> engineAlarms(AlarmCondition condition) {
        return engine.engineAlarms().stream().filter(a -> a.condition() == condition).toList();
    }

    void addDriver(DeviceDriver driver) {
        engine.addDriver(driver);
    }

    @Override
    public void close() {
        engine.close();
    }
}
