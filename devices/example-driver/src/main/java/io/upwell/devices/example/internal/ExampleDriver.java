package io.upwell.devices.example.internal;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.CommandSet;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.devices.example.internal.ExampleProtocol.DeviceLine;
import io.upwell.devices.example.internal.ExampleProtocol.EmergencyStop;
import io.upwell.devices.example.internal.ExampleProtocol.Greeting;
import io.upwell.devices.example.internal.ExampleProtocol.Refusal;
import io.upwell.devices.example.internal.ExampleProtocol.Sample;
import io.upwell.devices.kit.driver.DeviceIdentity;
import io.upwell.devices.kit.driver.DriverOptions;
import io.upwell.devices.kit.driver.SerialDeviceDriver;
import io.upwell.devices.kit.serial.SerialSettings;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's driver for the EX-2, an imaginary two-cup vacuum device with a pump per cup, on the
 * driver kit. One driver per factory configuration ({@link ExampleConfig}); the engine finds it as a
 * {@link DeviceDriver} service.
 * <p>
 * The kit's {@link SerialDeviceDriver} owns the serial line, the threads, the reconnection with
 * back-off, the first vent after every connection, the failsafe when the engine's commands stand
 * still and the quiet time. What is left here is the protocol ({@link ExampleProtocol}), in the kit's
 * hooks:
 * <ul>
 * <li>{@link #decode}: bytes in, on the line's reader thread: samples to the engine, the handshake's
 * answer to the driver thread, the stop button to the engine;</li>
 * <li>{@link #negotiate}: HELLO until the device answers HI, and who it says it is;</li>
 * <li>{@link #exchange}: every {@link #POLL_PERIOD}, every channel's command.</li>
 * </ul>
 * <b>Immediate</b>, so that a wrong configuration is refused (and logged) when it is made, not when
 * the engine first asks for the driver.
 */
@Designate(ocd = ExampleConfig.class, factory = true)
@Component(configurationPid = ExampleDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = DeviceDriver.class, immediate = true)
public final class ExampleDriver extends SerialDeviceDriver<Greeting> {
    /** The Configuration Admin factory PID: one EX-2 per factory configuration. */
    public static final String PID = "io.upwell.devices.example";
    static final String VENDOR = "Example Instruments";
    /** The model the device must name in its HI: the kit refuses any other. */
    static final String MODEL = "EX-2";
    /** The EX-2 has two cups; the kit refuses a device that reports another number. */
    static final int CHANNELS = 2;
    /** The most the engine may ask of a cup. The device must hold at least this much (checked at HELLO). */
    static final double MAX_KPA = 60;
    /**
     * How long the device may say nothing before it is lost. It samples every 50 ms: four samples may go
     * missing before the engine hears of it, and the engine's own floor is 100 ms.
     */
    static final Duration QUIET_TIME = Duration.ofMillis(200);
    /** How often every channel's command is sent: well inside the device's own 250 ms watchdog. */
    static final Duration POLL_PERIOD = Duration.ofMillis(50);
    static final Duration HELLO_TIMEOUT = Duration.ofMillis(500);
    static final int HELLOS = 3;
    private static final Logger LOG = LoggerFactory.getLogger(ExampleDriver.class);

    private final ExampleSettings settings;
    private final LineDecoder decoder = new LineDecoder(new LineDecoder.Sink() {
        @Override
        public void line(String body) {
            received(body);
        }

        @Override
        public void badLine() {
            counters().countChecksumError();
        }

        @Override
        public void skipped() {
            counters().countResync();
        }
    });
    /** Whether a refusal was logged since the line opened: the first is news, a stream of them is not. */
    private boolean refusalLogged;

    /**
     * Activated by Declarative Services with the factory configuration's properties.
     *
     * @throws IllegalArgumentException naming the property that is wrong and its value; the component
     *                                  then stays inactive and no driver reaches the engine
     */
    @Activate
    public ExampleDriver(ExampleConfig config) {
        this(ExampleSettings.from(config));
    }

    /** A driver without OSGi: for the tests. */
    ExampleDriver(ExampleSettings settings) {
        super(describe(settings.deviceId()), SerialSettings.of(settings.port(), settings.baud()),
                DriverOptions.defaults().withPollPeriod(POLL_PERIOD));
        this.settings = settings;
    }

    /**
     * What the engine knows of the device before it is connected. Each cup has its own pump, so its own
     * pump group (the channel's index); channels that share one pump would share a group, and the
     * engine would then refuse programs that ask them for two levels at once.
     */
    static DeviceDescriptor describe(String deviceId) {
        List<ChannelDescriptor> channels = new ArrayList<>();
        for (int ch = 0; ch < CHANNELS; ch++) {
            channels.add(ChannelDescriptor.plain(ch, MAX_KPA));
        }
        return new DeviceDescriptor(deviceId, VENDOR, MODEL, channels, MAX_KPA, false, QUIET_TIME);
    }

    /** The configuration was deleted or changed: vent, stop the threads, release the port. */
    @Deactivate
    void deactivate() {
        disconnect();
    }

    // ---- the protocol: the kit's hooks ----

    @Override
    protected void lineOpened() {
        decoder.reset();
        refusalLogged = false;
    }

    @Override
    protected void decode(byte[] buffer, int length) {
        decoder.feed(buffer, length);
    }

    /** A line whose checksum was right, on the reader thread. Must not block. */
    private void received(String body) {
        DeviceLine message = ExampleProtocol.parseDeviceLine(body);
        if (message instanceof Sample s && s.channel() < CHANNELS) {
            counters().countFrame();
            sample(s.channel(), s.kpa()); // NaN too: the engine judges a sensor that gives none
        } else if (message instanceof Greeting greeting) {
            counters().countFrame();
            reply(greeting);
        } else if (message instanceof EmergencyStop) {
            counters().countFrame();
            emergencyStop(settings.deviceId() + " button");
        } else if (message instanceof Refusal refusal) {
            counters().countFrame();
            if (!refusalLogged) {
                refusalLogged = true;
                LOG.warn("{}: the device refused a command: {}", settings.deviceId(), refusal.reason());
            }
        } else {
            counters().countResync(); // a well-framed line that says nothing this driver knows
        }
    }

    /**
     * HELLO, up to {@link #HELLOS} times, until the device answers HI. The kit compares the identity
     * returned with the descriptor (model, channel count) and refuses a device that differs; what the
     * kit cannot know, such as the device's maximum, is checked here.
     */
    @Override
    protected DeviceIdentity negotiate() throws Exception {
        for (int attempt = 1; attempt <= HELLOS; attempt++) {
            send(ExampleProtocol.hello());
            Greeting hi;
            try {
                hi = awaitReply(HELLO_TIMEOUT);
            } catch (TimeoutException e) {
                continue; // a byte lost on the way: ask again
            }
            if (hi.maxKpa() < MAX_KPA) {
                throw new IOException("the device on " + serialSettings().path() + " holds at most " + hi.maxKpa()
                        + " kPa, less than the " + MAX_KPA + " kPa this driver declares to the engine");
            }
            LOG.info("{}: the device on {} is an {} with {} cups, serial {}, firmware {}", settings.deviceId(),
                    serialSettings().path(), hi.model(), hi.channels(), hi.serial(), hi.firmware());
            // The device's serial number is not the engine's id, so no id to compare (null).
            return new DeviceIdentity(null, hi.model(), hi.channels(), hi.firmware());
        }
        throw new TimeoutException(settings.deviceId() + ": no HI from the device on " + serialSettings().path() + " to "
                + HELLOS + " HELLOs, " + HELLO_TIMEOUT.toMillis() + " ms each");
    }

    /**
     * One tick's commands, every {@link #POLL_PERIOD} while connected. The kit hands this vent on every
     * channel first after each connection and while the engine's commands stand still; otherwise they
     * are the engine's, which its safety envelope has already limited. The level is capped here as well:
     * the driver is the last place before the wire.
     */
    @Override
    protected void exchange(CommandSet commands) {
        for (int ch = 0; ch < CHANNELS; ch++) {
            if (commands.vent(ch)) {
                send(ExampleProtocol.vent(ch));
            } else {
                send(ExampleProtocol.set(ch, Math.max(0, Math.min(commands.targetKpa(ch), MAX_KPA))));
            }
        }
    }
}
