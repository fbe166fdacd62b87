package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * What the demo does with a session a fault paused, against a stand-in engine: it reports the fault,
 * waits for a lost device, never acknowledges nor resumes, and stops the session.
 */
class SessionWatchTest {

    private static final String DEVICE = "mc-1";
    private static final Duration PLANNED = Duration.ofSeconds(28);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    /** Every command the demo gave the session or the engine, in order. */
    private final List<String> commands = new ArrayList<>();

    /** The session as the stand-in engine reports it; the tests move it. */
    private volatile SessionState state = SessionState.RUNNING;
    private volatile String reason = "";
    private volatile List<Alarm> alarms = List.of();
    private volatile boolean vented;
    /** How many times the device is reported DISCONNECTED before it is READY again; -1 for never. */
    private int disconnectedReports = -1;
    private final AtomicInteger deviceQueries = new AtomicInteger();
    private volatile boolean shuttingDown;
    /** How many snapshots the session stays in its state before {@link #afterSnapshots} happens. */
    private int snapshotsLeft = Integer.MAX_VALUE;
    private Runnable afterSnapshots = () -> { };

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private void pausedBy(AlarmCondition condition, String message) {
        state = SessionState.PAUSED;
        reason = message;
        alarms = List.of(new Alarm("al-test-1", AlarmPriority.HIGH, condition, DEVICE, -1, Instant.EPOCH, message, true));
        vented = true;
    }

    @Test
    void aSessionThatRunsToItsEndIsNotInterrupted() throws Exception {
        snapshotsLeft = 3;
        afterSnapshots = () -> {
            state = SessionState.ENDED;
            reason = "program complete";
        };

        SessionWatch.Outcome outcome = watch(Duration.ofSeconds(60));

        assertEquals(SessionState.ENDED, outcome.last().state());
        assertTrue(outcome.interruption().isEmpty());
        assertEquals(List.of(), commands);
    }

    @Test
    @Tag("SR-09")
    void aLostDeviceThatComesBackIsReportedAndTheSessionIsStoppedNotResumed() throws Exception {
        pausedBy(AlarmCondition.DEVICE_LOST, "device mc-1 disconnected: line closed; session paused");
        disconnectedReports = 3;

        SessionWatch.Outcome outcome = watch(Duration.ofSeconds(60));

        String text = printed();
        assertTrue(text.contains("device mc-1 lost: session paused, every cup vented (DEVICE_LOST, SR-09: device mc-1"
                + " disconnected: line closed; session paused)"), text);
        assertTrue(text.contains("demo: waiting up to 60 s for device mc-1 to come back; the session stays paused"), text);
        assertTrue(text.contains("device mc-1 is back: the engine reconnected it (READY: connected); the session stays"
                + " paused until an operator acknowledges the fault"), text);
        assertEquals(List.of("stop"), commands, "never acknowledged, never resumed: only stopped");
        assertEquals(SessionState.ENDED, outcome.last().state());
        String interruption = outcome.interruption().orElseThrow();
        assertTrue(interruption.startsWith("device mc-1 was lost mid-session (DEVICE_LOST, SR-09: "), interruption);
        assertTrue(interruption.contains("the engine reconnected it and did not resume"), interruption);
    }

    @Test
    @Tag("SR-09")
    void aLostDeviceThatDoesNotComeBackInTimeIsSaidSoAndTheSessionStopped() throws Exception {
        pausedBy(AlarmCondition.DEVICE_LOST, "device mc-1 disconnected: line closed; session paused");

        SessionWatch.Outcome outcome = watch(Duration.ofSeconds(1));

        String text = printed();
        assertTrue(text.contains("device mc-1 did not come back within 1 s (it is DISCONNECTED: line closed); the"
                + " session stays paused, every cup vented"), text);
        assertFalse(text.contains("is back"), text);
        assertEquals(List.of("stop"), commands);
        assertTrue(outcome.interruption().orElseThrow().contains("did not come back within 1 s"));
    }

    @Test
    void aDeviceThatFellSilentIsALostDeviceToo() throws Exception {
        pausedBy(AlarmCondition.DEVICE_SILENT, "device mc-1 sent no sample for 250 ms; its channels are vented");
        disconnectedReports = 0;

        SessionWatch.Outcome outcome = watch(Duration.ofSeconds(60));

        assertTrue(printed().contains("device mc-1 lost: session paused, every cup vented (DEVICE_SILENT, SR-08: "),
                printed());
        assertTrue(outcome.interruption().orElseThrow().startsWith("device mc-1 was lost mid-session (DEVICE_SILENT"));
    }

    @Test
    void anyOtherFaultThatPausesTheSessionIsReportedAndTheSessionStopped() throws Exception {
        state = SessionState.PAUSED;
        reason = "cup 2 reading frozen";
        alarms = List.of(new Alarm("al-test-2", AlarmPriority.HIGH, AlarmCondition.SENSOR_FAULT, DEVICE, 2, Instant.EPOCH,
                "cup 2 reading frozen", true));

        SessionWatch.Outcome outcome = watch(Duration.ofSeconds(60));

        assertTrue(printed().contains("demo: a fault paused the session (cup 2 reading frozen); a session a fault"
                + " paused resumes only after an operator acknowledges it, which the demo never does"), printed());
        assertEquals(List.of("stop"), commands);
        assertEquals(0, deviceQueries.get(), "no device to wait for");
        assertEquals("a fault paused it (cup 2 reading frozen) and the demo stopped it",
                outcome.interruption().orElseThrow());
    }

    @Test
    void aSessionTheEngineEndsWhileTheDemoWaitsIsNotStoppedAgain() throws Exception {
        pausedBy(AlarmCondition.DEVICE_LOST, "device mc-1 disconnected: line closed; session paused");
        snapshotsLeft = 10;
        afterSnapshots = () -> {
            state = SessionState.ABORTED;
            reason = "the engine stopped";
        };

        SessionWatch.Outcome outcome = watch(Duration.ofSeconds(60));

        assertTrue(printed().contains("demo: the session left PAUSED while waiting for the device: ABORTED (the engine"
                + " stopped)"), printed());
        assertEquals(List.of(), commands);
        assertEquals(SessionState.ABORTED, outcome.last().state());
        assertTrue(outcome.interruption().orElseThrow().startsWith("device mc-1 was lost mid-session"));
    }

    /** Ctrl-C: the drivers leave before the engine, which aborts the session; that is no device to wait for. */
    @Test
    void aDeviceLeavingAsTheApplicationStopsIsNoLossToWaitFor() throws Exception {
        pausedBy(AlarmCondition.DEVICE_LOST, "device mc-1 disconnected: driver service left; session paused");
        shuttingDown = true;
        snapshotsLeft = 3;
        afterSnapshots = () -> {
            state = SessionState.ABORTED;
            reason = "the engine stopped";
        };

        SessionWatch.Outcome outcome = watch(Duration.ofSeconds(60));

        assertTrue(printed().contains("demo: the application is stopping (Ctrl-C or SIGTERM): the engine vents every"
                + " cup and ends the session"), printed());
        assertFalse(printed().contains("lost"), printed());
        assertEquals(List.of(), commands);
        assertEquals(0, deviceQueries.get());
        assertEquals(SessionState.ABORTED, outcome.last().state());
        assertTrue(outcome.interruption().isEmpty(), "the summary says ABORTED: the engine stopped");
    }

    @Test
    void onlyALossOfADeviceTheSessionUsesCounts() {
        Alarm other = new Alarm("al-test-3", AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, "iv-9", -1, Instant.EPOCH, "gone", false);
        SessionSnapshot snapshot = new SessionSnapshot("s-1", "static-cupping", SessionState.PAUSED, "x",
                Duration.ZERO, PLANNED, 100, List.of(cup(0)), List.of(other));
        assertTrue(SessionWatch.deviceLoss(snapshot).isEmpty());
    }

    private SessionWatch.Outcome watch(Duration reconnectWait) throws InterruptedException {
        return new SessionWatch(engine(), out, false, reconnectWait, () -> shuttingDown).watch(session(), PLANNED);
    }

    private ChannelStatus cup(int cup) {
        return vented
                ? new ChannelStatus(cup, DEVICE, cup, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""), 0.0, 0.4, 40.2,
                        55, "vent")
                : new ChannelStatus(cup, DEVICE, cup, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""), 40.0, 39.6,
                        40.2, 55, "hold");
    }

    private synchronized SessionSnapshot snapshot() {
        if (snapshotsLeft-- == 0) {
            afterSnapshots.run();
        }
        return new SessionSnapshot("s-1", "static-cupping", state, reason, Duration.ofSeconds(9), PLANNED, 100,
                List.of(cup(0), cup(1)), alarms);
    }

    private Session session() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] { Session.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "snapshot" -> snapshot();
                    case "state" -> state;
                    case "stop" -> {
                        commands.add("stop");
                        state = SessionState.ENDED;
                        reason = "stopped by the operator";
                        yield null;
                    }
                    default -> {
                        commands.add(method.getName());
                        yield null;
                    }
                });
    }

    private SessionService engine() {
        DeviceDescriptor descriptor = new DeviceDescriptor(DEVICE, "Upwell", "magnetic cups",
                List.of(ChannelDescriptor.plain(0, 60), ChannelDescriptor.plain(1, 60)), 70, false,
                Duration.ofMillis(200));
        return (SessionService) Proxy.newProxyInstance(SessionService.class.getClassLoader(),
                new Class<?>[] { SessionService.class }, (proxy, method, arguments) -> switch (method.getName()) {
                    case "devices" -> {
                        int query = deviceQueries.getAndIncrement();
                        boolean back = disconnectedReports >= 0 && query >= disconnectedReports;
                        yield List.of(back ? new DeviceStatus(descriptor, DeviceState.READY, "connected")
                                : new DeviceStatus(descriptor, DeviceState.DISCONNECTED, "line closed"));
                    }
                    case "latched" -> true;
                    case "current" -> Optional.empty();
                    default -> {
                        commands.add(method.getName());
                        yield null;
                    }
                });
    }
}
