package io.upwell.devices.emulator;

import io.upwell.api.time.Clock;
import io.upwell.devices.emulator.internal.DeviceClock;
import io.upwell.devices.emulator.internal.FirmwareLink;
import io.upwell.devices.emulator.internal.IntervalVacuumFirmware;
import io.upwell.devices.emulator.internal.LineFaults;
import io.upwell.devices.emulator.internal.RequestCounters;
import io.upwell.devices.emulator.internal.RequestProcessor;
import io.upwell.devices.emulator.internal.SerialRtuServer;
import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.PumpState;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorControl;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import java.io.IOException;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An interval vacuum system (one pump, a valve per channel) on a serial port, speaking the Modbus RTU
 * register map of docs/interval-vacuum.md, with the simulator's physics behind the valves.
 * <p>
 * Inside: a {@link SimulatedDevice} connected to the emulated firmware in the engine's place, both on
 * one device thread of the emulator's own clock; the firmware turns the host's register writes into
 * one pump level and the valves, and the simulator's readings into input registers; a Modbus RTU slave
 * serves those registers on the port, through the {@linkplain #faults() line faults}.
 * <pre>{@code
 * try (IntervalVacuumEmulator device = IntervalVacuumEmulator.start(EmulatorOptions.onPort("/tmp/ptyA").withChannels(2))) {
 *     device.faults().corruptFrames(true);
 *     device.exited().join();
 * }
 * }</pre>
 */
public final class IntervalVacuumEmulator implements EmulatedDevice {
    /** The firmware version the identity registers report: 1.0. */
    public static final int FIRMWARE_VERSION = 0x0100;
    private static final Logger LOG = LoggerFactory.getLogger(IntervalVacuumEmulator.class);

    private final EmulatorOptions options;
    private final SimulatedDevice simulator;
    private final DeviceClock clock;
    private final LineFaults faults;
    private final IntervalVacuumFirmware firmware;
    private final RequestCounters counters = new RequestCounters();
    private final Clock.Scheduled ticks;
    private final SerialRtuServer server;
    private final CompletableFuture<Integer> exited = new CompletableFuture<>();
    private final byte[] statusBuffer = new byte[2 * InputRegisters.END];

    private IntervalVacuumEmulator(EmulatorOptions options) {
        this.options = options;
        this.simulator = Simulators.create(SimulatorOptions.defaults().withId(options.deviceId)
                .withChannels(options.channels).withChannelMaxVacuumKpa(options.channelMaxVacuumKpa)
                .withDeviceMaxVacuumKpa(options.deviceMaxVacuumKpa).withSeed(options.seed));
        this.clock = new DeviceClock(options.deviceId + "-device");
        this.faults = new LineFaults(options.deviceId, options.seed, clock::nanoTime);
        this.firmware = new IntervalVacuumFirmware(options.deviceId, options.channels, options.channelMaxVacuumKpa,
                options.deviceMaxVacuumKpa, options.serialNumber, FIRMWARE_VERSION, clock, faults::overPressureKpa);
        RequestProcessor processor = new RequestProcessor(options.unitId, firmware, faults::refusalCode, counters);
        this.server = new SerialRtuServer(options.port, options.baudRate, processor, faults);
        this.ticks = clock.every(IntervalVacuumFirmware.TICK_NANOS, options.deviceId + "-firmware", firmware::tick);
        simulator.connect(new FirmwareLink(options.deviceId, firmware, clock));
    }

    /**
     * Powers the device up (every channel vented, the pump off, the watchdog unarmed), opens the port
     * and serves it, with the options' faults in effect.
     *
     * @throws IllegalArgumentException naming the first option that is wrong and its value
     * @throws IOException              naming the port when it is missing or cannot be opened
     */
    public static IntervalVacuumEmulator start(EmulatorOptions options) throws IOException {
        Objects.requireNonNull(options, "options");
        options.check();
        IntervalVacuumEmulator emulator = new IntervalVacuumEmulator(options);
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
        LOG.info("{}: interval vacuum system with {} channels serving Modbus RTU unit {} on {} at {} baud 8N1",
                options.deviceId, options.channels, options.unitId, options.port, options.baudRate);
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

    /** The line faults, to set and clear while the emulator runs. */
    @Override
    public EmulatorFaults faults() {
        return faults;
    }

    /** The physics behind the valves: its faults (leak, stuck sensor, overshoot, ...) and its emergency-stop button. */
    @Override
    public SimulatorControl simulator() {
        return simulator;
    }

    /** Applies a fault command (see {@link FaultCommand}); for a line typed while the emulator runs. */
    public void apply(FaultCommand command) {
        command.applyTo(this);
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
        java.util.List<FaultCommand> commands = FaultCommand.parseLine(text);
        for (FaultCommand command : commands) {
            command.applyTo(this);
        }
        return "applied: " + text;
    }

    /**
     * Stops the emulator: no more answers, every channel vented, the port closed; {@link #exited()}
     * completes with {@code status}. Idempotent: the first status stays.
     */
    @Override
    public void exit(int status) {
        if (exited.complete(status)) {
            LOG.info("{}: exiting with status {}", options.deviceId, status);
            shutDown();
        }
    }

    /** Completes with the status given to {@link #exit} once the emulator has stopped. */
    @Override
    public CompletableFuture<Integer> exited() {
        return exited;
    }

    /** As {@code exit(0)}. */
    @Override
    public void close() {
        exit(0);
    }

    /**
     * One line on the device's state, for a console: the pump, the fault word, the line faults and the
     * frames seen so far.
     */
    @Override
    public synchronized String status() {
        firmware.readInput(0, InputRegisters.END, statusBuffer, 0);
        int faultWord = register(InputRegisters.FAULT_WORD);
        String line = faults.describe();
        return String.format(Locale.ROOT, "%s on %s unit %d: pump %s at %.2f kPa; faults: %s; line faults: %s; frames: %s",
                options.deviceId, options.port, options.unitId,
                PumpState.of(register(InputRegisters.PUMP_STATE)).name().toLowerCase(Locale.ROOT),
                VacuumScaling.setPointKpa(register(InputRegisters.PUMP_LEVEL)),
                faultWord == 0 ? "none" : String.join(", ", FaultWord.names(faultWord)),
                line.isEmpty() ? "none" : line, counters);
    }

    /** What the request handling has seen: for tests in this package. */
    RequestCounters counters() {
        return counters;
    }

    private int register(int address) {
        return ((statusBuffer[2 * address] & 0xFF) << 8) | (statusBuffer[2 * address + 1] & 0xFF);
    }

    private void shutDown() {
        server.close();
        simulator.disconnect();
        ticks.close();
        clock.close();
        exited.complete(0);
    }
}
