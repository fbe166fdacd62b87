package io.upwell.devices.magneticcups.internal;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.CommandSet;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.devices.kit.driver.DeviceIdentity;
import io.upwell.devices.kit.driver.DriverOptions;
import io.upwell.devices.kit.driver.SerialDeviceDriver;
import io.upwell.devices.kit.serial.LineCounters;
import io.upwell.devices.kit.serial.LineOptions;
import io.upwell.devices.kit.serial.SerialSettings;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.FaultCode;
import io.upwell.devices.protocol.Hello;
import io.upwell.devices.protocol.HelloReply;
import io.upwell.devices.protocol.Protocol;
import io.upwell.devices.protocol.UnsupportedVersion;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's driver for a magnetic cup array speaking the Upwell device protocol (docs/protocol.md):
 * one per factory configuration, built on the driver kit's {@link SerialDeviceDriver}, which owns the
 * line, the threads, the back-off, the first vent, the failsafe and the quiet time. What is here is the
 * protocol:
 * <ul>
 * <li>{@link #decode}: the codec's frame decoder ({@link FrameIntake}); samples go to the engine, a
 * reading the device could not take as NaN; answers go to the driver thread; a FAULT goes to the engine
 * once, however often the device repeats it.</li>
 * <li>{@link #negotiate}: HELLO, up to three times, 500 ms each; the HELLO_REPLY must be version
 * {@value Protocol#VERSION} and the configured device ({@link Handshake}).</li>
 * <li>{@link #exchange}: every {@link #POLL_PERIOD}, a HEARTBEAT with the engine's command sequence and
 * the commands that changed, acknowledged ({@link CommandExchange}).</li>
 * </ul>
 * <b>Faults.</b> The device has made every fault safe before it reports it. The engine's link has one
 * way for a device to stop and latch everything, {@code emergencyStop}, and every FAULT goes through
 * it, naming the code: the device's own button as "{@code <id> button}", any other fault (an unknown
 * code included) as what it is, so that the engine vents, raises a high alarm and latches until an
 * operator acknowledges (docs/protocol.md, "Faults"). One exception: a WATCHDOG_VENT that arrives before the
 * device has answered this line's HELLO reports a host that was not feeding the watchdog (one that left, or
 * this driver between handshakes, with the engine holding the device vented and not ready); it is logged,
 * and the HELLO ends it. Escalating it would abort a session a lost device paused the moment the device
 * came back, and latch an engine that merely started beside a running device.
 * <p>
 * <b>Immediate.</b> The configuration is checked when the component activates, at once, so that a bad
 * one is logged when it is made rather than when the engine first asks for the driver (a delayed
 * component would fail only then). Either way Declarative Services hands the engine no driver for it.
 */
@Designate(ocd = MagneticCupsConfig.class, factory = true)
@Component(configurationPid = MagneticCupsDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = DeviceDriver.class, immediate = true)
public final class MagneticCupsDriver extends SerialDeviceDriver<DeviceMessage> {
    /** The Configuration Admin factory PID: one magnetic cup array per factory configuration. */
    public static final String PID = "io.upwell.devices.magneticcups";
    /** The vendor and model the engine knows the device by until the handshake names it in the log. */
    static final String VENDOR = "Upwell device protocol";
    static final String MODEL = "magnetic cup array";
    /**
     * How often the host sends its heartbeat and the commands that changed: twice as often as the
     * protocol's 50 ms, so that a device with the shortest watchdog (100 ms) still hears four a timeout.
     */
    static final Duration POLL_PERIOD = Duration.ofMillis(25);
    /** How long the host waits for HELLO_REPLY, and how many HELLOs it sends (docs/protocol.md, "Handshake"). */
    static final Duration HELLO_TIMEOUT = Duration.ofMillis(500);
    static final int HELLOS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(MagneticCupsDriver.class);

    private final MagneticCupsSettings settings;
    private final FrameIntake intake;
    private final HeldCommands held;
    private final CommandExchange commands;
    /** Set on the reader thread when the device vented by itself; the driver thread updates {@link #held}. */
    private final AtomicBoolean deviceVented = new AtomicBoolean();
    private final AtomicIntegerArray channelVented;
    /**
     * True once the device has answered this line's HELLO: from then on the host feeds its watchdog.
     * Written by the driver thread, read by the reader thread.
     */
    private volatile boolean greeted;

    /**
     * Activated by Declarative Services.
     *
     * @throws IllegalArgumentException naming the property that is wrong and its value; the component
     *                                  then stays inactive
     */
    @Activate
    public MagneticCupsDriver(MagneticCupsConfig config) {
        this(MagneticCupsSettings.from(config));
    }

    /** A driver for use without OSGi (the tests). */
    public MagneticCupsDriver(MagneticCupsSettings settings) {
        super(describe(settings), SerialSettings.of(settings.port(), settings.baud()),
                DriverOptions.defaults().withPollPeriod(POLL_PERIOD)
                        .withLine(LineOptions.defaults().withBackOff(settings.reconnectFirst(), settings.reconnectMax())));
        this.settings = settings;
        this.channelVented = new AtomicIntegerArray(settings.channels());
        this.held = new HeldCommands(settings.magnets(), settings.maxVacuumKpa());
        this.commands = new CommandExchange(settings.deviceId(), new CommandExchange.Wire() {
            @Override
            public boolean send(byte[] frame) {
                return MagneticCupsDriver.this.send(frame);
            }

            @Override
            public DeviceMessage await(Duration timeout) throws TimeoutException, InterruptedException {
                return awaitReply(timeout);
            }
        }, held);
        this.intake = new FrameIntake(settings.channels(), new FrameIntake.Sink() {
            @Override
            public void sample(int channel, double kpa) {
                MagneticCupsDriver.this.sample(channel, kpa);
            }

            @Override
            public void reply(DeviceMessage message) {
                MagneticCupsDriver.this.reply(message);
            }

            @Override
            public void fault(Fault fault, boolean isNew) {
                faultReported(fault, isNew);
            }

            @Override
            public LineCounters counters() {
                return MagneticCupsDriver.this.counters();
            }
        }, System::nanoTime);
    }

    /**
     * What the engine knows of the device before it is connected: the configuration's cups, each with
     * its own pump (the protocol declares no shared pumps) and magnet, none above the configured maximum.
     */
    static DeviceDescriptor describe(MagneticCupsSettings settings) {
        List<ChannelDescriptor> channels = new ArrayList<>();
        for (int ch = 0; ch < settings.channels(); ch++) {
            channels.add(new ChannelDescriptor(ch, "cup " + (ch + 1), settings.maxVacuumKpa(), settings.magnets().get(ch), ch));
        }
        return new DeviceDescriptor(settings.deviceId(), VENDOR, MODEL, channels, settings.maxVacuumKpa(), false,
                settings.quietTime());
    }

    @Deactivate
    void deactivate() {
        disconnect();
        LOG.info("{}: stopped ({}; {})", settings.deviceId(), commands.describe(), intake.describe());
    }

    // ---- the protocol: the kit's hooks ----

    @Override
    protected void lineOpened() {
        greeted = false;
        intake.lineOpened();
    }

    @Override
    protected void decode(byte[] buffer, int length) {
        intake.feed(buffer, length);
    }

    @Override
    protected DeviceIdentity negotiate() throws Exception {
        greeted = false;
        held.forget();
        for (int hello = 1; hello <= HELLOS; hello++) {
            commands.send(Hello.current());
            long deadline = System.nanoTime() + HELLO_TIMEOUT.toNanos();
            for (long left = HELLO_TIMEOUT.toNanos(); left > 0; left = deadline - System.nanoTime()) {
                DeviceMessage answer;
                try {
                    answer = awaitReply(Duration.ofNanos(left));
                } catch (TimeoutException e) {
                    break;
                }
                if (answer instanceof UnsupportedVersion other) {
                    throw new IOException("the device on " + serialSettings().path() + " speaks protocol version "
                            + other.protocolVersion() + ", this driver version " + Protocol.VERSION);
                }
                if (answer instanceof HelloReply reply) {
                    return greeted(reply);
                }
                // A device that was already running answers what came before HELLO: not waited for.
            }
        }
        throw new TimeoutException(settings.deviceId() + ": no HELLO_REPLY from the device on " + serialSettings().path()
                + " to " + HELLOS + " HELLOs, " + HELLO_TIMEOUT.toMillis() + " ms each");
    }

    private DeviceIdentity greeted(HelloReply reply) throws IOException {
        String mismatch = Handshake.mismatch(settings, reply);
        if (mismatch != null) {
            throw new IOException("not the configured device: " + mismatch);
        }
        held.greeted();
        deviceVented.set(false);
        for (int ch = 0; ch < settings.channels(); ch++) {
            channelVented.set(ch, 0);
        }
        commands.restart();
        greeted = true;
        LOG.info("{}: the device on {} is {}", settings.deviceId(), serialSettings().path(), Handshake.describe(reply));
        // Not the device's serial number as the id: the kit compares the id with the engine's device id,
        // and the serial number was checked above against the one configured.
        return new DeviceIdentity(null, MODEL, reply.channels().size(), Handshake.describe(reply));
    }

    @Override
    protected void exchange(CommandSet set) throws Exception {
        if (deviceVented.getAndSet(false)) {
            held.deviceVented();
        }
        for (int ch = 0; ch < settings.channels(); ch++) {
            if (channelVented.getAndSet(ch, 0) != 0) {
                held.vented(ch);
            }
        }
        commands.exchange(set);
    }

    /** A FAULT frame, on the reader thread: the device has vented what it concerns; the engine hears of it once. */
    private void faultReported(Fault fault, boolean isNew) {
        if (fault.deviceWide()) {
            deviceVented.set(true);
        } else if (fault.channel() < settings.channels()) {
            channelVented.set(fault.channel(), 1);
        }
        if (!isNew) {
            return;
        }
        if (fault.kind() == FaultCode.WATCHDOG_VENT && !greeted) {
            // The device's watchdog expired while this host was not talking to it: a host that left before
            // (a restarted engine, an unplugged cable) or this driver between handshakes. The engine holds the
            // device not ready and vented meanwhile, and HELLO ends the fault; it is no emergency.
            LOG.info("{}: the device reports WATCHDOG_VENT (detail {} ms) from before this driver's HELLO was"
                    + " answered: no host fed its watchdog; it has vented every cup", settings.deviceId(),
                    fault.detail());
            return;
        }
        String where = fault.deviceWide() ? "every cup" : "cup " + fault.channel();
        String what = fault.kind() == FaultCode.UNKNOWN ? "fault code " + fault.code() : fault.kind().name();
        LOG.warn("{}: the device reports {} on {} (detail {}); it has vented {}", settings.deviceId(), what, where,
                fault.detail(), where);
        if (fault.kind() == FaultCode.EMERGENCY_STOP) {
            emergencyStop(settings.deviceId() + " button");
        } else {
            emergencyStop(settings.deviceId() + " fault " + what + " on " + where + " (detail " + fault.detail() + ")");
        }
    }

    /** The checked configuration this driver runs with. */
    MagneticCupsSettings settings() {
        return settings;
    }
}
