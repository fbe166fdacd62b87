package io.upwell.devices.latencybench;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.HardLimits;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.FrameWatcher;
import io.upwell.devices.emulator.MagneticCupsEmulator;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.Message;
import io.upwell.devices.protocol.Sample;
import io.upwell.devices.protocol.Vent;
import io.upwell.engine.core.internal.Engine;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * (c) Over-pressure reading to vent, seen from the device: the engine as the launcher runs it (its 50 Hz
 * control loop on the system clock, the journal writing) holds one cup at 20 kPa on the magnetic cup
 * array driver, against the emulator over a socat pair. The emulator's over-pressure readback fault then
 * makes the device report more vacuum than the cup's limit allows. Timed by the emulator's frame
 * watcher, from the device queueing the first SAMPLE above the limit to the device taking the VENT that
 * covers the cup: the line to the host, the driver's reader, the engine's monitor (SR-02 lets a reading
 * exceed the limit by its margin for {@value HardLimits#OVER_VACUUM_DELAY_MILLIS} ms before it vents, so
 * that much is in every sample by design), the next control tick, the driver's next exchange and the line
 * back. After each, the fault is switched off, the operator acknowledges, the session resumes and holds
 * again. An attempt that something else stops first (a device silent, or its watchdog tripped, on a
 * loaded machine) is not counted but listed in the report; a session that ended is replaced.
 */
final class OverPressureToVent {
    /** The client's screening limit: the cup's limit, well below the device's 60 kPa. */
    static final double LIMIT_KPA = 30;
    /** What the engine reads as over the limit: the limit and SR-02's margin. */
    static final double OVER_KPA = LIMIT_KPA + HardLimits.OVER_VACUUM_MARGIN_KPA;
    /** The readback fault: 20 kPa held reads as 40, over {@link #OVER_KPA} and still a plausible reading. */
    static final double READBACK_EXTRA_KPA = 20;
    static final String OPERATOR = "latency bench";
    static final double RELEASED_KPA = 5;

    /** Stamps from the emulator's threads; one measurement at a time. */
    private static final class Stamps implements FrameWatcher {
        volatile boolean armed;
        volatile long overAt;
        volatile long ventAt;

        void arm() {
            overAt = 0;
            ventAt = 0;
            armed = true;
        }

        @Override
        public void sent(DeviceMessage message, long nanoTime) {
            if (armed && overAt == 0 && message instanceof Sample sample && sample.kpa(0) > OVER_KPA) {
                overAt = nanoTime;
            }
        }

        @Override
        public void received(Message message, long nanoTime) {
            if (overAt != 0 && ventAt == 0 && message instanceof Vent vent && (vent.allChannels() || vent.channel() == 0)) {
                ventAt = nanoTime;
                armed = false;
            }
        }
    }

    private OverPressureToVent() {
    }

    /**
     * @param disturbances what else paused the session instead of the over-pressure, one line each: those
     *                     times are not in the figure, and the report says how many there were
     */
    static Latencies measure(Path dir, int warmUp, int samples, List<String> disturbances)
            throws IOException, SessionException {
        Latencies vents = new Latencies("magnetic cup array, engine between: first over-limit SAMPLE queued by the "
                + "device to the VENT taken by it (SR-02's " + HardLimits.OVER_VACUUM_DELAY_MILLIS + " ms included)");
        Path data = Files.createDirectories(dir.resolve("engine"));
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir);
                MagneticCupsEmulator device = MagneticCupsAcks.emulator(pair.deviceEnd())) {
            Stamps stamps = new Stamps();
            device.watchFrames(stamps);
            Engine engine = new Engine(EngineSettings.defaults(data, false), new SystemClock(), new JsonLinesJournal(data));
            try {
                engine.addTechnique(new HoldTechnique(), "latency-bench");
                engine.addDriver(MagneticCupsAcks.driver(pair.hostEnd()));
                engine.start(true);
                awaitDevice(engine, DeviceState.READY);
                Session session = engine.start(request());
                int taken = 0;
                while (taken < warmUp + samples) {
                    session = holdSteadily(engine, session, disturbances);
                    Session measured = session;
                    stamps.arm();
                    device.faults().overPressureReadback(READBACK_EXTRA_KPA);
                    // The engine pauses the session at the tick that judges the reading; the VENT reaches the
                    // device a driver exchange later.
                    Wait.until("the session paused after over-pressure " + (taken + 1),
                            () -> measured.state() != SessionState.RUNNING, device::status);
                    SessionSnapshot stopped = measured.snapshot();
                    if (stopped.state() != SessionState.PAUSED || !stopped.reason().contains("over vacuum")) {
                        // Something else stopped it first (a device silent on a loaded machine, say): not this figure.
                        device.faults().overPressureReadback(0);
                        disturbances.add("attempt " + (taken + 1) + ": " + stopped.state() + ", " + stopped.reason());
                        continue;
                    }
                    Wait.until("the VENT after over-pressure " + (taken + 1), () -> stamps.ventAt != 0, device::status);
                    device.faults().overPressureReadback(0);
                    taken++;
                    if (taken > warmUp) {
                        vents.add(stamps.ventAt - stamps.overAt);
                    }
                }
                session.stop();
            } finally {
                engine.close();
            }
        }
        return vents;
    }

    private static SessionRequest request() {
        return new SessionRequest(OPERATOR, new Client("bench", "Latency bench"),
                new Screening(Set.of(), List.of(), LIMIT_KPA, OPERATOR, null), HoldTechnique.ID, Map.of(),
                List.of(new Placement(MagneticCupsAcks.DEVICE_ID, 0, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""))),
                100);
    }

    /**
     * Brings the session back to holding its level steadily, and returns it. A paused one: once the
     * device is READY again (or FAULTED by what paused it) and the cup released, so that the next reading
     * over the limit comes from a cup holding steadily rather than one still venting, the operator
     * acknowledges and resumes. One that ended (an emergency stop, say) is noted and a new one started.
     */
    private static Session holdSteadily(Engine engine, Session session, List<String> disturbances)
            throws SessionException {
        Session current = session;
        while (true) {
            SessionState state = current.state();
            if (state.isFinal() || state == SessionState.PAUSED) {
                awaitDevice(engine, DeviceState.READY, DeviceState.FAULTED);
                Session released = current;
                Wait.until("cup 0 released", () -> cup(released.snapshot()).measuredKpa() < RELEASED_KPA
                        || released.state().isFinal());
                if (engine.latched()) {
                    engine.acknowledge(OPERATOR);
                }
                awaitDevice(engine, DeviceState.READY);
                if (current.state().isFinal()) {
                    disturbances.add("a session ended (" + current.reason() + "); a new one started");
                    current = engine.start(request());
                } else {
                    try {
                        current.resume();
                    } catch (SessionException e) {
                        continue; // it ended meanwhile: started again above
                    }
                }
            }
            Session watched = current;
            Wait.until("the session RUNNING with cup 0 near " + HoldTechnique.HOLD_KPA + " kPa, or stopped", () -> {
                SessionSnapshot now = watched.snapshot();
                return now.state() == SessionState.PAUSED || now.state().isFinal()
                        || now.state() == SessionState.RUNNING && cup(now).measuredKpa() > HoldTechnique.HOLD_KPA - 2;
            }, () -> watched.snapshot().toString());
            if (current.state() == SessionState.RUNNING) {
                return current;
            }
        }
    }

    private static void awaitDevice(Engine engine, DeviceState... states) {
        List<DeviceState> wanted = List.of(states);
        Wait.until("the device " + wanted, () -> engine.devices().stream().anyMatch(
                d -> d.descriptor().id().equals(MagneticCupsAcks.DEVICE_ID) && wanted.contains(d.state())),
                () -> engine.devices().toString());
    }

    private static ChannelStatus cup(SessionSnapshot snapshot) {
        return snapshot.channels().get(0);
    }
}
