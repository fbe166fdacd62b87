package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.safety.HardLimits;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import io.upwell.devices.simulator.Fault;
import io.upwell.engine.core.internal.device.DeviceSlot;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Throws arbitrary programs, intensities, operator commands and device faults at the core and
 * checks, after every control tick, what a driver would read from its link: no command above its
 * cup's limit or the hard limit, no rise faster than the ramp limit, and vent everywhere no
 * session is applying vacuum or a fault is latched. Seeds are fixed, so a failure replays.
 */
class EnvelopeFuzzTest {
    private static final double TICK_SECONDS = 0.02;
    private static final Fault[] FAULTS = {Fault.LEAK, Fault.STUCK_SENSOR, Fault.OVERSHOOT, Fault.SILENCE,
        Fault.DISCONNECT, Fault.NAN_SAMPLE};
    private static final BodyRegion[] REGIONS = BodyRegion.values();

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233})
    @Tag("SR-01")
    @Tag("SR-03")
    @Tag("SR-13")
    void noCommandEverLeavesTheEnvelope(long seed) throws Exception {
        Random random = new Random(seed);
        try (EngineFixture f = new EngineFixture(dir.resolve("seed-" + seed))) {
            f.technique.script(request -> randomProgram(random, request));
            Checker checker = new Checker(f);
            f.clock.every(EngineFixture.TICK, "checker", checker);
            Session session = null;
            for (int second = 0; second < 240; second++) {
                session = act(f, random, session);
                f.advance(Duration.ofMillis(200 + random.nextInt(1600)));
                assertTrue(checker.failure == null, "seed " + seed + ": " + checker.failure);
            }
            assertTrue(checker.checks > 5000, "the checker ran after every tick: " + checker.checks);
            assertTrue(checker.applied > 100, "vacuum was really applied at times: " + checker.applied);
        }
    }

    private static Session act(EngineFixture f, Random random, Session session) {
        int roll = random.nextInt(100);
        try {
            if (session == null || !session.state().equals(SessionState.RUNNING)
                    && !session.state().equals(SessionState.PAUSED) && !session.state().equals(SessionState.STOPPING)) {
                if (f.engine.latched()) {
                    f.engine.acknowledge("fuzzer");
                }
                f.simulator.clearAll();
                return f.engine.start(randomRequest(random));
            }
            if (roll < 12) {
                f.simulator.inject(FAULTS[random.nextInt(FAULTS.length)], random.nextInt(5) - 1);
            } else if (roll < 30) {
                f.simulator.clearAll();
            } else if (roll < 45) {
                session.setIntensity(10 + 10 * random.nextInt(15));
            } else if (roll < 55) {
                session.pause();
            } else if (roll < 68) {
                f.engine.acknowledge("fuzzer");
                session.resume();
            } else if (roll < 71) {
                f.engine.emergencyStop("fuzzer");
            } else if (roll < 74) {
                session.stop();
            }
        } catch (SessionException | IllegalArgumentException refused) {
            // refusals are part of the game: the envelope must hold either way
        }
        return session;
    }

    private static SessionRequest randomRequest(Random random) {
        int cups = 1 + random.nextInt(4);
        List<Placement> placements = new ArrayList<>();
        for (int c = 0; c < cups; c++) {
            placements.add(new Placement("sim-1", c, new BodySite(REGIONS[random.nextInt(REGIONS.length)],
                    Side.values()[random.nextInt(3)], "")));
        }
        Map<String, io.upwell.api.technique.ParameterValue> parameters = new HashMap<>();
        return new SessionRequest("fuzzer", new Client("c", ""), null, ScriptedTechnique.ID, parameters,
                placements, 10 + 10 * random.nextInt(15));
    }

    private static Program randomProgram(Random random, PlanRequest request) {
        List<Timeline> timelines = new ArrayList<>();
        for (var cup : request.cups()) {
            List<Segment> segments = new ArrayList<>();
            int count = 1 + random.nextInt(6);
            for (int i = 0; i < count; i++) {
                double a = random.nextDouble() * 100;
                double b = random.nextDouble() * 100;
                Duration d = Duration.ofMillis(random.nextInt(20_000));
                switch (random.nextInt(5)) {
                    case 0 -> segments.add(new Segment.Ramp(a, d));
                    case 1 -> segments.add(new Segment.Hold(a, d));
                    case 2 -> segments.add(new Segment.Pulse(Math.min(a, b), Math.max(a, b),
                            Duration.ofMillis(1 + random.nextInt(5000)), Duration.ofMillis(random.nextInt(5000)),
                            1 + random.nextInt(5)));
                    case 3 -> segments.add(new Segment.Wave(Math.max(a, b), Math.min(a, b),
                            Duration.ofMillis(1 + random.nextInt(8000)), random.nextDouble(), d));
                    default -> segments.add(new Segment.Release(d));
                }
            }
            timelines.add(new Timeline(cup.index(), segments, random.nextDouble()));
        }
        ProgramPolicy policy = new ProgramPolicy(random.nextBoolean() ? random.nextDouble() * 30 : 0,
                random.nextDouble() * 20, Duration.ZERO);
        return new Program("random", timelines, policy);
    }

    /** Runs after each control tick (scheduled later at the same due times) and remembers the first violation. */
    private static final class Checker implements Runnable {
        private final EngineFixture f;
        private final double[] previous = new double[4];
        String failure;
        long checks;
        long applied;

        Checker(EngineFixture f) {
            this.f = f;
        }

        @Override
        public void run() {
            if (failure != null) {
                return;
            }
            checks++;
            DeviceSlot[] slots = f.engine.slots();
            if (slots.length == 0) {
                java.util.Arrays.fill(previous, 0.0);
                return;
            }
            DeviceSlot slot = slots[0];
            Session session = f.engine.current().orElse(null);
            SessionState state = session == null ? null : session.state();
            boolean applying = state == SessionState.RUNNING || state == SessionState.STOPPING;
            List<ChannelStatus> cups = session == null ? List.of() : session.snapshot().channels();
            for (int ch = 0; ch < slot.channels(); ch++) {
                boolean vent = slot.vent(ch);
                double target = slot.targetKpa(ch);
                double limit = HardLimits.MAX_VACUUM_KPA;
                boolean inSession = false;
                for (ChannelStatus cup : cups) {
                    if (cup.channel() == ch) {
                        limit = Math.min(limit, cup.limitKpa());
                        inSession = true;
                    }
                }
                if (target > limit + 1e-9) {
                    failure = "channel " + ch + " commanded " + target + " kPa above its limit " + limit;
                } else if (target - previous[ch] > f.settings.rampLimitKpaPerSecond() * TICK_SECONDS + 1e-9) {
                    failure = "channel " + ch + " rose from " + previous[ch] + " to " + target + " kPa in one tick";
                } else if (!vent && (!applying || !inSession)) {
                    failure = "channel " + ch + " not vented while the session is " + state
                            + (inSession ? "" : " and the channel is not the session's");
                } else if (!vent && f.engine.latched()) {
                    failure = "channel " + ch + " not vented while a fault is latched";
                }
                if (!vent && target > 0) {
                    applied++;
                }
                previous[ch] = vent ? 0.0 : target;
            }
        }
    }
}
