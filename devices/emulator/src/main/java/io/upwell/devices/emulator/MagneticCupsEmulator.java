package io.upwell.devices.emulator;

import io.upwell.api.device.MagnetSupport;
import io.upwell.api.time.Clock;
import io.upwell.devices.emulator.internal.DeviceClock;
import io.upwell.devices.emulator.internal.FirmwareLink;
import io.upwell.devices.emulator.internal.FrameServer;
import io.upwell.devices.emulator.internal.LineFaults;
import io.upwell.devices.emulator.internal.MagneticCupsFirmware;
import io.upwell.devices.protocol.ChannelInfo;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.HelloReply;
import io.upwell.devices.protocol.MagnetKind;
import io.upwell.devices.protocol.Message;
import io.upwell.devices.protocol.NakReason;
import io.upwell.devices.protocol.Rejection;
import io.upwell.devices.protocol.Vacuum;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorControl;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A magnetic cup array (a pump and a magnet per cup) on a serial port, speaking the Upwell device
 * protocol of docs/protocol.md with the codec the engine's driver uses, and the simulator's physics
 * behind the cups.
 * <p>
 * Inside: a {@link SimulatedDevice} connected to the emulated firmware in the engine's place, both on
 * one device thread of the emulator's own clock. The firmware answers HELLO with its identity and
 * capabilities, acknowledges or refuses each command, streams a SAMPLE of every cup
 * {@value MagneticCupsFirmware#SAMPLE_RATE_HZ} times a second, runs its watchdog
 * ({@value MagneticCupsFirmware#WATCHDOG_MILLIS} ms) on the host's heartbeats and reports its faults;
 * a frame server carries it all over the port, through the {@linkplain #faults() line faults}.
 * <pre>{@code
 * try (MagneticCupsEmulator device = MagneticCupsEmulator.start(EmulatorOptions.magneticCupsOnPort("/tmp/ptyA"))) {
 *     device.execute("corrupt");
 *     device.exited().join();
 * }
 * }</pre>
 */
public final class MagneticCupsEmulator implements EmulatedDevice {
    /** The vendor the device names in its HELLO_REPLY. */
    public static final String VENDOR = "Upwell";
    private static final Logger LOG = LoggerFactory.getLogger(MagneticCupsEmulator.class);

    private final EmulatorOptions options;
    private final HelloReply identity;
    private final SimulatedDevice simulator;
    private final DeviceClock clock;
    private final LineFaults faults;
    private final MagneticCupsFirmware firmware;
    private final FrameServer server;
    private final Clock.Scheduled ticks;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private volatile FrameWatcher watcher;

    private MagneticCupsEmulator(EmulatorOptions options) {
        this.options = options;
        this.identity = identity(options);
        // The firmware decides each cup's magnet by its kind; the physics follows the drive it is given.
        this.simulator = Simulators.create(SimulatorOptions.defaults().withId(options.deviceId)
                .withChannels(options.channels).withChannelMaxVacuumKpa(options.channelMaxVacuumKpa)
                .withDeviceMaxVacuumKpa(options.deviceMaxVacuumKpa).withSeed(options.seed)
                .withMagnet(MagnetSupport.LEVEL));
        this.clock = new DeviceClock(options.deviceId + "-device");
        this.faults = new LineFaults(options.deviceId, options.seed, clock::nanoTime, NakReason.FAULTED.code(), "NAK reason");
        this.firmware = new MagneticCupsFirmware(options.deviceId, identity, clock, this::send,
                faults::overPressureKpa, faults::refusalCode);
        this.server = new FrameServer(options.port, options.baudRate, faults, new FrameServer.Receiver() {
            @Override
            public void receive(int sequence, Message message) {
                FrameWatcher watching = watcher;
                if (watching != null) {
                    watching.received(message, System.nanoTime());
                }
                firmware.receive(sequence, message);
            }

            @Override
            public void reject(int sequence, int typeCode, Rejection rejection) {
                firmware.reject(sequence, typeCode, rejection);
            }

            @Override
            public void lineLost() {
                firmware.lineLost();
            }
        });
        this.ticks = clock.every(MagneticCupsFirmware.TICK_NANOS, options.deviceId + "-firmware", firmware::tick);
        simulator.connect(new FirmwareLink(options.deviceId, firmware, clock));
    }

    /** What the device answers HELLO with, from the options. */
    static HelloReply identity(EmulatorOptions options) {
        List<ChannelInfo> channels = new ArrayList<>();
        for (MagnetSupport magnet : options.magnets()) {
            channels.add(new ChannelInfo(Vacuum.setPoint(options.channelMaxVacuumKpa), MagnetKind.valueOf(magnet.name())));
        }
        return new HelloReply(options.serialNumber, VENDOR, "MC-" + options.channels, Vacuum.setPoint(options.deviceMaxVacuumKpa),
                MagneticCupsFirmware.SAMPLE_RATE_HZ, MagneticCupsFirmware.WATCHDOG_MILLIS, channels);
    }

    /**
     * Powers the device up (every cup vented, every magnet off, waiting for the host's HELLO), opens the
     * port and serves it, with the options' faults in effect.
     *
     * @throws IllegalArgumentException naming the first option that is wrong and its value
     * @throws IOException              naming the port when it is missing or cannot be opened
     */
    public static MagneticCupsEmulator start(EmulatorOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        options.checkMagneticCups();
        MagneticCupsEmulator emulator = new MagneticCupsEmulator(options);
        try {
            for (FaultCommand fault : options.faults) {
                if (!fault.isExit()) {
                    fault.applyTo(emulator);
                }
            }
            emulator.server.start();
        } catch (IOException | RuntimeException e) {
            emulator.shutDown();
            throw e;
        }
        LOG.info("{}: magnetic cup array {} ({} cups, serial {}) speaking the Upwell device protocol on {} at {} baud 8N1",
                options.deviceId, emulator.identity.model(), options.channels, options.serialNumber, options.port,
                options.baudRate);
        for (FaultCommand fault : options.faults) {
            if (fault.isExit()) {
                fault.applyTo(emulator);
            }
        }
        return emulator;
    }

    public EmulatorOptions options() {
        return options;
    }

    /** What the device answers HELLO with: its serial number, model, channels, maxima, magnets and pace. */
    public HelloReply identity() {
        return identity;
    }

    @Override
    public EmulatorFaults faults() {
        return faults;
    }

    @Override
    public SimulatorControl simulator() {
        return simulator;
    }

    /** Applies a fault command (see {@link FaultCommand}); for a line typed while the emulator runs. */
    public void apply(FaultCommand command) {
        command.applyTo(this);
    }

    /**
     * The drive a cup's magnet gets now, 0 (off) to 1 (full), as the physics reads it: the MAGNET level
     * over 255 for a level magnet, 1 for an on/off magnet at any level above 0, and 0 while the cup
     * vents or has no magnet.
     *
     * @throws IndexOutOfBoundsException for a channel the device does not have
     */
    public double magnetDrive(int channel) {
        Objects.checkIndex(channel, options.channels);
        return firmware.commandMagnet(channel);
    }

    /** From now on, tells {@code frames} of every frame the device takes and queues; null stops it. */
    public void watchFrames(FrameWatcher frames) {
        watcher = frames;
    }

    /** True once a HELLO has armed the device, until its line goes away. */
    public boolean conversing() {
        return firmware.ready();
    }

    @Override
    public String execute(String line) {
        String text = line.trim();
        if (text.isEmpty()) {
            return "";
        }
        if (text.equals("status")) {
            return status();
        }
        if (text.equals("help")) {
            return "status | help | " + FaultCommand.USAGE;
        }
        for (FaultCommand command : FaultCommand.parseLine(text)) {
            command.applyTo(this);
        }
        return "applied: " + text;
    }

    /**
     * One line on the device's state, for a console: whether a host has said HELLO, each cup, the faults
     * it holds, the line faults, and what went over the line.
     */
    @Override
    public String status() {
        String held = firmware.describeFaults();
        String line = faults.describe();
        return options.deviceId + " (" + identity.model() + ", serial " + options.serialNumber + ") on " + options.port
                + ": " + (firmware.ready() ? "in a conversation" : "waiting for HELLO") + "; cups: "
                + firmware.describeChannels() + "; faults: " + (held.isEmpty() ? "none" : held) + "; line faults: "
                + (line.isEmpty() ? "none" : line) + "; commands: " + firmware.describeCommands() + "; frames: "
                + server.describe();
    }

    /**
     * Stops the emulator: no more frames, every cup vented, the port closed; {@link #exited()} completes
     * with {@code status}. Idempotent: the first status stays.
     */
    @Override
    public void exit(int status) {
        if (exited.complete(status)) {
            LOG.info("{}: exiting with status {}", options.deviceId, status);
            shutDown();
        }
    }

    @Override
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** As {@code exit(0)}. */
    @Override
    public void close() {
        exit(0);
    }

    /** The firmware's way out, past the server that is made after it. */
    private void send(DeviceMessage message) {
        long queued = System.nanoTime();
        FrameWatcher watching = watcher;
        if (server.send(message) && watching != null) {
            watching.sent(message, queued);
        }
    }

    /** The frames the device received and sent: for tests in this package. */
    FrameServer server() {
        return server;
    }

    private void shutDown() {
        server.close();
        firmware.powerOff();
        simulator.disconnect();
        ticks.close();
        clock.close();
        exited.complete(0);
    }
}
