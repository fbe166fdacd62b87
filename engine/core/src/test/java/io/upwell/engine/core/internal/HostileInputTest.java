package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Timeline;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hostile plugin or a careless caller hands the core is bounded and named, and disturbs nothing else. */
class HostileInputTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    /** A driver that declares a quiet time beyond the nanosecond clock. */
    private static final class AbsurdDriver implements DeviceDriver {
        @Override
        public DeviceDescriptor descriptor() {
            return new DeviceDescriptor("absurd-1", "v", "m",
                    List.of(io.upwell.api.device.ChannelDescriptor.plain(0, 50)), 50, true,
                    Duration.ofSeconds(Long.MAX_VALUE));
        }

        @Override
        public void connect(DeviceLink link) {
        }

        @Override
        public void disconnect() {
        }
    }

    @Test
    @Tag("SR-12")
    @Tag("SR-17")
    void aDriverDeclaringAnAbsurdQuietTimeIsRefusedAtTheDoorAndTheOtherDevicesRunOn() throws Exception {
        f.addDriver(new AbsurdDriver());
        EngineFixture.await("the refusal is raised", () -> !f.engineAlarms(AlarmCondition.DRIVER_FAILED).isEmpty());
        Alarm alarm = f.engineAlarms(AlarmCondition.DRIVER_FAILED).get(0);
        assertTrue(alarm.message().contains("AbsurdDriver") && alarm.message().contains("quietTime"),
                alarm.message());
        assertFalse(f.engine.latched(), "one driver's bad declaration latches nothing");
        Session session = f.start(2, Map.of("targetKpa", 30.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(5));
        assertEquals(SessionState.RUNNING, session.state());
        assertEquals(DeviceState.READY, f.slot("sim-1").state());
        assertEquals(1, f.engine.devices().size(), "the absurd device never joined");
    }

    @Test
    @Tag("SR-11")
    @Tag("SR-17")
    void aProgramWhoseLengthOverflowsTheClockIsRefusedNamingTheModule() {
        f.technique.script(request -> new Program("forever", List.of(new Timeline(0, List.of(
                new Segment.Hold(20, Duration.ofSeconds(Long.MAX_VALUE / 2)),
                new Segment.Hold(20, Duration.ofSeconds(Long.MAX_VALUE / 2)))))));
        SessionException refused = assertThrows(SessionException.class,
                () -> f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0)));
        assertTrue(refused.getMessage().contains("module test.module"), refused.getMessage());
        assertTrue(refused.getMessage().contains("too long"), refused.getMessage());
    }

    @Test
    @Tag("SR-11")
    @Tag("SR-17")
    void aProgramLongerThanTheNanosecondClockInOneSegmentIsRefusedToo() {
        f.technique.script(request -> new Program("huge", List.of(new Timeline(0, List.of(
                new Segment.Hold(20, Duration.ofDays(400 * 365L)))))));
        SessionException refused = assertThrows(SessionException.class,
                () -> f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0)));
        assertTrue(refused.getMessage().contains("module test.module"), refused.getMessage());
    }

    @Test
    @Tag("SR-01")
    void aProgramCrossingItsLimitEveryOtherTickIsToldOncePerIntervalPerCup() throws Exception {
        // 20 ms at 90 kPa, 20 ms at ambient: a request above the limit, hence a new clamp episode, every other tick.
        f.technique.script(request -> {
            List<Timeline> timelines = new ArrayList<>();
            for (var cup : request.cups()) {
                timelines.add(new Timeline(cup.index(), List.of(
                        new Segment.Pulse(0, 90, Duration.ofMillis(20), Duration.ofMillis(20), 1500))));
            }
            return new Program("flicker", timelines);
        });
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(70));
        List<Alarm> clamps = EngineFixture.alarms(session, AlarmCondition.REQUEST_CLAMPED);
        assertTrue(clamps.size() >= 5 && clamps.size() <= 7,
                "about one per 10 s over the minute of flicker, not hundreds: " + clamps.size());
        // One episode every 40 ms: 250 in 10 s, so each alarm after the first tells of the 249 between.
        assertTrue(clamps.get(1).message().contains("(249 more clamp(s) since the last alarm)"),
                clamps.get(1).message());
        assertTrue(clamps.get(0).message().endsWith("kPa"), "the first has nothing to add: " + clamps.get(0).message());
        assertTrue(clamps.get(0).message().contains("asked for 90.0 kPa"), clamps.get(0).message());
    }
}
