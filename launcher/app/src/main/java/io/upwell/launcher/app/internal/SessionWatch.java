package io.upwell.launcher.app.internal;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * Follows the demo's session to its end, printing its progress, and deals with a session a fault
 * paused. The demo never pauses a session, so a pause is always a fault's, and the demo never
 * acknowledges a fault nor resumes: it reports what happened and stops the session. When the fault is
 * the device's loss (SR-09: its line dropped, or it fell silent), the demo first waits, bounded, for
 * the engine to reconnect the device, and says whether it did.
 */
final class SessionWatch {

    /** How the session ended, and what interrupted it, if anything did. */
    record Outcome(SessionSnapshot last, Optional<String> interruption) {
    }

    /** How long past its plan the session may take before the demo gives up on it. */
    static final Duration OVERRUN_BOUND = Duration.ofSeconds(60);
    /** How long the engine may take to show every cup vented after a fault, and a session to end once stopped. */
    static final Duration SETTLE_BOUND = Duration.ofSeconds(30);

    private final SessionService engine;
    private final PrintStream out;
    private final long pollMillis;
    private final Duration reconnectWait;
    private final BooleanSupplier shuttingDown;
    private final SessionProgress progress = new SessionProgress();

    /**
     * @param virtual       true on the virtual clock, where whole seconds pass in milliseconds
     * @param reconnectWait how long to wait for a lost device to come back
     * @param shuttingDown  true once the application is stopping (Ctrl-C, SIGTERM): its drivers leave before
     *                      the engine, which then ends the session, so a device leaving is no loss to report
     */
    SessionWatch(SessionService engine, PrintStream out, boolean virtual, Duration reconnectWait,
            BooleanSupplier shuttingDown) {
        this.engine = engine;
        this.out = out;
        // Under the virtual clock whole seconds pass in milliseconds: poll often to see some of them.
        this.pollMillis = virtual ? 1 : 20;
        this.reconnectWait = reconnectWait;
        this.shuttingDown = shuttingDown;
    }

    /** Polls the session until it is over, printing progress. */
    Outcome watch(Session session, Duration planned) throws InterruptedException {
        long deadline = System.nanoTime() + planned.plus(OVERRUN_BOUND).toNanos();
        while (true) {
            SessionSnapshot snapshot = show(session);
            if (snapshot.state().isFinal()) {
                return new Outcome(snapshot, Optional.empty());
            }
            if (snapshot.state() == SessionState.PAUSED) {
                return paused(session, snapshot);
            }
            if (System.nanoTime() - deadline > 0) {
                engine.emergencyStop("demo: the session overran its plan by " + OVERRUN_BOUND.toSeconds() + " s");
                out.println("demo: the session did not finish within " + OVERRUN_BOUND.toSeconds()
                        + " s after its planned end; emergency stop pressed");
                return new Outcome(awaitFinal(session), Optional.empty());
            }
            Thread.sleep(pollMillis);
        }
    }

    private SessionSnapshot show(Session session) {
        SessionSnapshot snapshot = session.snapshot();
        progress.update(snapshot).forEach(out::println);
        return snapshot;
    }

    /** A fault paused the session: report it, wait for a lost device, and stop the session. */
    private Outcome paused(Session session, SessionSnapshot snapshot) throws InterruptedException {
        if (shuttingDown.getAsBoolean()) {
            out.println("demo: the application is stopping (Ctrl-C or SIGTERM): the engine vents every cup and ends"
                    + " the session");
            return new Outcome(awaitFinal(session), Optional.empty());
        }
        Optional<Alarm> loss = deviceLoss(snapshot);
        if (loss.isEmpty()) {
            out.println("demo: a fault paused the session (" + snapshot.reason() + "); a session a fault paused"
                    + " resumes only after an operator acknowledges it, which the demo never does");
            return stop(session, "a fault paused it (" + snapshot.reason() + ") and the demo stopped it");
        }
        Alarm alarm = loss.get();
        String device = alarm.deviceId();
        String cause = alarm.condition() + ", " + alarm.condition().requirement() + ": " + alarm.message();
        List<ChannelStatus> notVented = awaitVented(session);
        if (notVented.isEmpty()) {
            out.println("device " + device + " lost: session paused, every cup vented (" + cause + ")");
        } else {
            out.println("device " + device + " lost: session paused; the engine commanded every cup to vent, but "
                    + describe(notVented) + " did not show it within " + SETTLE_BOUND.toSeconds() + " s (" + cause
                    + ")");
        }
        out.println("demo: waiting up to " + reconnectWait.toSeconds() + " s for device " + device
                + " to come back; the session stays paused");
        Optional<DeviceStatus> back = awaitReconnect(session, device);
        SessionSnapshot now = show(session);
        String lost = "device " + device + " was lost mid-session (" + cause + ")";
        if (now.state() != SessionState.PAUSED) {
            out.println("demo: the session left PAUSED while waiting for the device: " + now.state()
                    + (now.reason().isEmpty() ? "" : " (" + now.reason() + ")"));
            return new Outcome(awaitFinal(session), Optional.of(lost));
        }
        if (back.isPresent()) {
            out.println("device " + device + " is back: the engine reconnected it (" + back.get().state()
                    + (back.get().reason().isEmpty() ? "" : ": " + back.get().reason()) + "); the session stays"
                    + " paused until an operator acknowledges the fault, and the demo never acknowledges or resumes");
            return stop(session, lost + "; the engine reconnected it and did not resume, and the demo stopped the"
                    + " paused session");
        }
        out.println("device " + device + " did not come back within " + reconnectWait.toSeconds() + " s ("
                + deviceState(device) + "); the session stays paused, every cup vented");
        return stop(session, lost + " and did not come back within " + reconnectWait.toSeconds()
                + " s; the demo stopped the paused session");
    }

    /** The newest alarm that says the session's device was lost or fell silent, if that is what paused it. */
    static Optional<Alarm> deviceLoss(SessionSnapshot snapshot) {
        List<Alarm> alarms = snapshot.alarms();
        for (int i = alarms.size() - 1; i >= 0; i--) {
            Alarm alarm = alarms.get(i);
            boolean lost = alarm.condition() == AlarmCondition.DEVICE_LOST
                    || alarm.condition() == AlarmCondition.DEVICE_SILENT;
            if (lost && snapshot.channels().stream().anyMatch(c -> c.deviceId().equals(alarm.deviceId()))) {
                return Optional.of(alarm);
            }
        }
        return Optional.empty();
    }

    /** Waits, bounded, until every cup shows vent commanded; returns the cups that never did. */
    private List<ChannelStatus> awaitVented(Session session) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
        while (true) {
            List<ChannelStatus> notVented = show(session).channels().stream().filter(c -> !vented(c)).toList();
            if (notVented.isEmpty() || System.nanoTime() - deadline > 0) {
                return notVented;
            }
            Thread.sleep(pollMillis);
        }
    }

    static boolean vented(ChannelStatus channel) {
        return channel.targetKpa() == 0.0 && "vent".equals(channel.phase());
    }

    /** Waits, bounded, for the device to be READY again; gives up early once the session is no longer paused. */
    private Optional<DeviceStatus> awaitReconnect(Session session, String device) throws InterruptedException {
        long deadline = System.nanoTime() + reconnectWait.toNanos();
        while (System.nanoTime() - deadline < 0 && !shuttingDown.getAsBoolean()) {
            if (show(session).state() != SessionState.PAUSED) {
                return Optional.empty();
            }
            Optional<DeviceStatus> status = status(device);
            if (status.isPresent() && status.get().state() == DeviceState.READY) {
                return status;
            }
            Thread.sleep(pollMillis);
        }
        return Optional.empty();
    }

    private Optional<DeviceStatus> status(String device) {
        try {
            return engine.devices().stream().filter(d -> d.descriptor().id().equals(device)).findFirst();
        } catch (RuntimeException stopping) {
            // The engine is going away (Ctrl-C): the session's own state says so on the next poll.
            return Optional.empty();
        }
    }

    private String deviceState(String device) {
        return status(device).map(s -> "it is " + s.state() + (s.reason().isEmpty() ? "" : ": " + s.reason()))
                .orElse("the engine no longer knows it");
    }

    private Outcome stop(Session session, String interruption) throws InterruptedException {
        out.println("demo: stopping the paused session");
        try {
            session.stop();
        } catch (SessionException e) {
            out.println("demo: the session could not be stopped: " + e.getMessage());
        }
        return new Outcome(awaitFinal(session), Optional.of(interruption));
    }

    private SessionSnapshot awaitFinal(Session session) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
        SessionSnapshot snapshot = show(session);
        while (!snapshot.state().isFinal() && System.nanoTime() - deadline < 0) {
            Thread.sleep(pollMillis);
            snapshot = show(session);
        }
        return snapshot;
    }

    private static String describe(List<ChannelStatus> cups) {
        return cups.stream().map(c -> "cup " + c.cup() + " (" + c.phase() + ", " + Formats.kpa(c.targetKpa()).trim()
                + ")").collect(Collectors.joining(", "));
    }
}
