package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.Client;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterValue;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.EmulatorOptions;
import io.upwell.devices.emulator.MagneticCupsEmulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * SR-09 as a soak: the engine as shipped (Felix, Declarative Services, Configuration Admin) runs a
 * session on the magnetic cup array driver, over a real pseudo-terminal pair to the emulated device
 * running in the same JVM. A hundred times over, the cable is pulled (socat ended) mid-session and
 * plugged back in; every time the session must pause with every cup vented and one alarm for the loss
 * (DEVICE_LOST, or DEVICE_SILENT when the quiet-time check noticed first), the driver must find the
 * device again, and the session must still be paused when it has. Only the
 * test's own acknowledgement and resume start it again, and it must then build vacuum again before the
 * next pull. Every transition to RUNNING the engine reports is counted: one for the start and one for
 * each resume of the test's, no more.
 * <p>
 * The driver is configured to reconnect after 20 ms (doubling to 200 ms) instead of its default 0.5 s
 * to 5 s, so that a cycle is about a second rather than five. The cycle count can be lowered for a
 * quick local run with {@code -Dupwell.itest.soak.cycles=N} (failsafe passes system properties on).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SerialUnplugSoakIT {

    static final int CYCLES = Integer.getInteger("upwell.itest.soak.cycles", 100);
    static final String DEVICE_ID = "mc-soak";
    static final String MAGNETIC_CUPS_PID = "io.upwell.devices.magneticcups";
    static final int CUPS = 4;
    /** What a vented cup of the emulated device holds at most, by its own physics. */
    static final double RELEASED_KPA = 5.0;
    /** Control ticks the engine gets, with the device back and READY, to resume by itself if it would. */
    static final int TICKS_OFFERED_TO_RESUME = 10;

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return SerialFramework.options();
    }

    @Test
    public void aSessionUnpluggedAHundredTimesNeverResumesByItself_SR09() throws Exception {
        Path dir = Files.createTempDirectory("upwell-soak-");
        SessionService engine = UpwellServices.engine(context, EngineProperties.CLOCK_SYSTEM);
        RecordingListener operatorScreen = RecordingListener.register(context);
        ConfigurationAdmin configurations = UpwellServices.await(context, ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration driverConfiguration = null;
        try (PseudoTerminalPair cable = PseudoTerminalPair.start(dir);
                MagneticCupsEmulator device = MagneticCupsEmulator.start(
                        EmulatorOptions.magneticCupsOnPort(cable.deviceEnd().toString()).withSeed(9))) {
            driverConfiguration = configurations.getFactoryConfiguration(MAGNETIC_CUPS_PID, "soak", "?");
            driverConfiguration.update(driverProperties(cable.hostEnd()));
            UpwellServices.awaitDevice(engine, DEVICE_ID, DeviceState.READY);
            UpwellServices.awaitTechnique(engine, Sessions.STATIC_CUPPING);

            Session session = engine.start(staticCupping());
            Sessions.awaitHoldingVacuum(session);
            Cycles cycles = new Cycles();
            int explicitResumes = 0;
            long soakStart = System.nanoTime();
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                String at = "cycle " + cycle + " of " + CYCLES + ": ";
                long lostBefore = lossAlarms(operatorScreen);

                long pulled = System.nanoTime();
                cable.unplug();
                Sessions.awaitState(session, SessionState.PAUSED);
                cycles.pause.add(System.nanoTime() - pulled);
                Sessions.awaitVented(session);
                Await.until(at + "every cup of the device released by its own firmware", () -> allReleased(device));
                Await.until(at + "a DEVICE_LOST (or DEVICE_SILENT) alarm for " + DEVICE_ID,
                        () -> lossAlarms(operatorScreen) > lostBefore);
                assertTrue(at + "the loss latches", engine.latched());

                long plugged = System.nanoTime();
                cable.replug();
                UpwellServices.awaitDevice(engine, DEVICE_ID, DeviceState.READY);
                cycles.reconnect.add(System.nanoTime() - plugged);
                long ticksAtReady = engine.loopStatistics().ticks();
                Await.until(at + TICKS_OFFERED_TO_RESUME + " control ticks with the device back",
                        () -> engine.loopStatistics().ticks() >= ticksAtReady + TICKS_OFFERED_TO_RESUME);
                assertEquals(at + "the session once the device is back (" + session.reason() + ")", SessionState.PAUSED,
                        session.state());
                assertTrue(at + "every cup still released once the device is back: " + device.status(),
                        allReleased(device));
                assertEquals(at + "one alarm for the loss: " + operatorScreen.alarms(), lostBefore + 1,
                        lossAlarms(operatorScreen));
                assertEquals(at + "transitions to RUNNING besides the start and the test's resumes: "
                        + operatorScreen.sessionChanges(), 0, autoResumes(operatorScreen, session, explicitResumes));
                SessionException refused = assertThrows(SessionException.class, session::resume);
                assertTrue(at + "the refusal asks for acknowledgement: " + refused.getMessage(),
                        refused.getMessage().contains("acknowledge"));

                engine.acknowledge(Sessions.OPERATOR);
                assertFalse(at + "acknowledged", engine.latched());
                assertEquals(at + "acknowledging resumes nothing by itself", SessionState.PAUSED, session.state());
                long resumed = System.nanoTime();
                explicitResumes++;
                session.resume();
                Sessions.awaitHoldingVacuum(session);
                cycles.rebuild.add(System.nanoTime() - resumed);
                int expectedRunning = 1 + explicitResumes;
                Await.until(at + "the engine told of the resume", () -> running(operatorScreen, session) >= expectedRunning);
            }
            long soakNanos = System.nanoTime() - soakStart;

            assertEquals("transitions to RUNNING the test did not ask for, over " + CYCLES + " cycles", 0,
                    autoResumes(operatorScreen, session, explicitResumes));
            assertEquals(CYCLES, explicitResumes);
            System.out.println(cycles.report(CYCLES, soakNanos) + "; losses announced by DEVICE_LOST "
                    + alarmsOf(operatorScreen, AlarmCondition.DEVICE_LOST) + ", by DEVICE_SILENT "
                    + alarmsOf(operatorScreen, AlarmCondition.DEVICE_SILENT));
            session.stop();
            Sessions.awaitFinal(session);
        } finally {
            if (driverConfiguration != null) {
                driverConfiguration.delete();
            }
            operatorScreen.unregister();
        }
    }

    private static Hashtable<String, Object> driverProperties(Path port) {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("port", port.toString());
        properties.put("deviceId", DEVICE_ID);
        properties.put("channels", CUPS);
        properties.put("magnets", "LEVEL");
        properties.put("reconnectFirstMillis", 20L);
        properties.put("reconnectMaxMillis", 200L);
        return properties;
    }

    /** Static cupping at 20 kPa on the device's four cups, held 15 minutes, far longer than the soak runs, with a clear screening. */
    private static SessionRequest staticCupping() {
        List<BodyRegion> regions = List.of(BodyRegion.UPPER_BACK, BodyRegion.UPPER_BACK, BodyRegion.LOWER_BACK,
                BodyRegion.LOWER_BACK);
        List<Placement> cups = IntStream.range(0, CUPS).mapToObj(channel -> new Placement(DEVICE_ID, channel,
                new BodySite(regions.get(channel), channel % 2 == 0 ? Side.LEFT : Side.RIGHT, ""))).toList();
        return new SessionRequest(Sessions.OPERATOR, new Client("soak-client", "Serial soak"),
                Screening.clear("itest screener"), Sessions.STATIC_CUPPING,
                Map.of("targetKpa", ParameterValue.of(Sessions.HOLDING_TARGET_KPA), "rampInSeconds", ParameterValue.of(3),
                        "holdSeconds", ParameterValue.of(900), "rampOutSeconds", ParameterValue.of(3)),
                cups, 100);
    }

    private static boolean allReleased(MagneticCupsEmulator device) {
        return IntStream.range(0, CUPS).allMatch(channel -> device.simulator().truePressureKpa(channel) < RELEASED_KPA);
    }

    /**
     * The alarms that announced a loss of the device. Mostly DEVICE_LOST, from the driver's report of the
     * broken line; DEVICE_SILENT when the control loop's quiet-time check (SR-08) noticed the missing
     * samples before that report reached the engine, on a loaded machine. Either pauses the session and
     * vents its cups, and the engine raises one of the two for one loss, never both.
     */
    private static long lossAlarms(RecordingListener listener) {
        return listener.alarms().stream()
                .filter(alarm -> DEVICE_ID.equals(alarm.deviceId()) && alarm.priority() == AlarmPriority.HIGH
                        && (alarm.condition() == AlarmCondition.DEVICE_LOST
                                || alarm.condition() == AlarmCondition.DEVICE_SILENT))
                .count();
    }

    private static long alarmsOf(RecordingListener listener, AlarmCondition condition) {
        return listener.alarms().stream()
                .filter(alarm -> DEVICE_ID.equals(alarm.deviceId()) && alarm.condition() == condition).count();
    }

    private static long running(RecordingListener listener, Session session) {
        return listener.sessionChanges().stream()
                .filter(change -> change.sessionId().equals(session.id()) && change.to() == SessionState.RUNNING)
                .count();
    }

    /** Transitions to RUNNING beyond the start and the test's own resumes. */
    private static long autoResumes(RecordingListener listener, Session session, int explicitResumes) {
        return running(listener, session) - 1 - explicitResumes;
    }

    /** How long each cycle's steps took, for the report; nothing is asserted about them. */
    private static final class Cycles {
        final List<Long> pause = new ArrayList<>();
        final List<Long> reconnect = new ArrayList<>();
        final List<Long> rebuild = new ArrayList<>();

        String report(int cycles, long totalNanos) {
            return String.format(Locale.ROOT, "SerialUnplugSoakIT: %d cycles in %.1f s (%.2f s a cycle); "
                    + "cable pulled to session PAUSED %s; cable back to device READY %s; resume to vacuum held again %s",
                    cycles, totalNanos / 1e9, totalNanos / 1e9 / cycles, describe(pause), describe(reconnect),
                    describe(rebuild));
        }

        private static String describe(List<Long> nanos) {
            List<Long> sorted = new ArrayList<>(nanos);
            Collections.sort(sorted);
            return String.format(Locale.ROOT, "p50 %.0f ms, max %.0f ms", sorted.get(sorted.size() / 2) / 1e6,
                    sorted.get(sorted.size() - 1) / 1e6);
        }
    }
}
