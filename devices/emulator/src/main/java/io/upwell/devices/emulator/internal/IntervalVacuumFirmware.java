package io.upwell.devices.emulator.internal;

import static io.upwell.devices.emulator.intervalvacuum.HoldingRegisters.CHANNEL_MODE_BASE;
import static io.upwell.devices.emulator.intervalvacuum.HoldingRegisters.CHANNEL_SET_POINT_BASE;
import static io.upwell.devices.emulator.intervalvacuum.HoldingRegisters.PULSE_OFF_MS_BASE;
import static io.upwell.devices.emulator.intervalvacuum.HoldingRegisters.PULSE_ON_MS_BASE;

import io.upwell.api.device.CommandSet;
import io.upwell.api.time.Clock;
import io.upwell.devices.emulator.intervalvacuum.ChannelMode;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.PumpState;
import io.upwell.devices.emulator.intervalvacuum.VacuumScaling;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interval vacuum system's controller: what the device's firmware does with its registers
 * (docs/interval-vacuum.md). It owns the holding registers the host writes, turns them every
 * {@link #TICK_NANOS} into one pump level and a valve per channel, watches the host (the watchdog)
 * and its own readings (over-pressure, pump fault), and publishes the input registers in one piece.
 * <p>
 * The pump is shared: every open valve sees the pump's one level, the lowest of the pump set point and
 * the set points of the channels that pull, so that when the host asks for different levels the
 * device holds the safe one.
 * <p>
 * Thread use: the host's requests arrive on the serial thread, ticks and samples on the device thread;
 * every method holds this object's lock, briefly, and no method blocks.
 */
public final class IntervalVacuumFirmware implements RegisterSpace, PhysicsPort {
    /** The controller's period: the same 10 ms as the measurements, so each tick sees fresh ones. */
    public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(IntervalVacuumFirmware.class);
    private static final long PUMP_FAULT_NANOS = TimeUnit.SECONDS.toNanos(FaultWord.PUMP_FAULT_SECONDS);

    private final String deviceId;
    private final int channels;
    private final int channelMaxCounts;
    private final int deviceMaxCounts;
    private final double channelMaxKpa;
    private final Clock clock;
    private final ReadbackFault readback;

    private final int[] holding = new int[HoldingRegisters.END];
    private final int[] scratch = new int[HoldingRegisters.END];
    private final int[] input = new int[InputRegisters.END];
    private final double[] measuredKpa;
    private final long[] phaseStart;
    private final double[] commandKpa;
    private final boolean[] commandVent;
    private final boolean[] valveOpen;

    private int latched;
    private boolean hostVent;
    private boolean watchdogArmed;
    private long lastKickNanos;
    private long pumpStruggleSince;
    private boolean pumpStruggling;
    private long sequence;
    private int sampleCounter;

    /**
     * Over-pressure readback: the only emulator fault the firmware sees. It falsifies what the input
     * registers report, never what the firmware itself measures and protects against.
     */
    @FunctionalInterface
    public interface ReadbackFault {
        /** The kPa added to every measured vacuum the device reports; 0 for a true report. */
        double extraKpa();
    }

    /**
     * A device at power-up: every channel vented, the pump off, the watchdog unarmed.
     *
     * @param serialNumber up to 8 ASCII characters
     */
    public IntervalVacuumFirmware(String deviceId, int channels, double channelMaxKpa, double deviceMaxKpa,
            String serialNumber, int firmwareVersion, Clock clock, ReadbackFault readback) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        if (channels < 1 || channels > HoldingRegisters.MAX_CHANNELS) {
            throw new IllegalArgumentException(deviceId + ": an interval vacuum system has 1 to "
                    + HoldingRegisters.MAX_CHANNELS + " channels, got " + channels);
        }
        this.channels = channels;
        this.channelMaxKpa = channelMaxKpa;
        this.channelMaxCounts = VacuumScaling.setPointCounts(channelMaxKpa);
        this.deviceMaxCounts = VacuumScaling.setPointCounts(deviceMaxKpa);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.readback = Objects.requireNonNull(readback, "readback");
        this.measuredKpa = new double[channels];
        this.phaseStart = new long[channels];
        this.commandKpa = new double[channels];
        this.commandVent = new boolean[channels];
        this.valveOpen = new boolean[channels];
        Arrays.fill(commandVent, true);
        holding[HoldingRegisters.WATCHDOG_TIMEOUT_MS] = HoldingRegisters.DEFAULT_WATCHDOG_MS;
        for (int ch = 0; ch < channels; ch++) {
            holding[PULSE_ON_MS_BASE + ch] = HoldingRegisters.DEFAULT_PULSE_MS;
            holding[PULSE_OFF_MS_BASE + ch] = HoldingRegisters.DEFAULT_PULSE_MS;
        }
        input[InputRegisters.DEVICE_TYPE] = InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM;
        input[InputRegisters.PROTOCOL_VERSION] = InputRegisters.PROTOCOL_VERSION_1_0;
        input[InputRegisters.FIRMWARE_VERSION] = firmwareVersion & 0xFFFF;
        input[InputRegisters.CHANNEL_COUNT] = channels;
        input[InputRegisters.DEVICE_MAX_VACUUM] = deviceMaxCounts;
        input[InputRegisters.CHANNEL_MAX_VACUUM] = channelMaxCounts;
        writeSerialNumber(serialNumber);
    }

    private void writeSerialNumber(String serialNumber) {
        Objects.requireNonNull(serialNumber, "serialNumber");
        int chars = InputRegisters.SERIAL_NUMBER_WORDS * 2;
        if (serialNumber.length() > chars || !serialNumber.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            throw new IllegalArgumentException(deviceId + ": the serial number must be at most " + chars
                    + " printable ASCII characters, got '" + serialNumber + "'");
        }
        String padded = String.format("%-" + chars + "s", serialNumber);
        for (int w = 0; w < InputRegisters.SERIAL_NUMBER_WORDS; w++) {
            input[InputRegisters.SERIAL_NUMBER + w] = (padded.charAt(2 * w) << 8) | padded.charAt(2 * w + 1);
        }
    }

    @Override
    public int channels() {
        return channels;
    }

    // ---- the host's side: Modbus registers -------------------------------------------------------

    @Override
    public synchronized int readHolding(int address, int quantity, byte[] out, int offset) {
        if (address < 0 || quantity < 1 || address + quantity > HoldingRegisters.END) {
            return ExceptionCodes.ILLEGAL_DATA_ADDRESS;
        }
        for (int i = 0; i < quantity; i++) {
            putWord(out, offset + 2 * i, holding[address + i]);
        }
        return 0;
    }

    @Override
    public synchronized int readInput(int address, int quantity, byte[] out, int offset) {
        if (address < 0 || quantity < 1 || address + quantity > InputRegisters.END) {
            return ExceptionCodes.ILLEGAL_DATA_ADDRESS;
        }
        for (int i = 0; i < quantity; i++) {
            putWord(out, offset + 2 * i, input[address + i]);
        }
        return 0;
    }

    /**
     * Validates every value, applies them in address order to a copy, refuses the lot if the result
     * would pull while a latched fault stands, and only then makes the copy current: a frame is one
     * command, applied whole or not at all.
     */
    @Override
    public synchronized int writeHolding(int address, int quantity, byte[] in, int offset) {
        if (address < 0 || quantity < 1 || address + quantity > HoldingRegisters.END) {
            return ExceptionCodes.ILLEGAL_DATA_ADDRESS;
        }
        System.arraycopy(holding, 0, scratch, 0, scratch.length);
        int newLatched = latched;
        boolean newHostVent = hostVent;
        boolean cleared = false;
        boolean kicked = false;
        for (int i = 0; i < quantity; i++) {
            int reg = address + i;
            int value = word(in, offset + 2 * i);
            if (!isValid(reg, value)) {
                return ExceptionCodes.ILLEGAL_DATA_VALUE;
            }
            switch (reg) {
                case HoldingRegisters.VENT_ALL -> {
                    if (value == HoldingRegisters.VENT_ALL_KEY) {
                        ventAllInto(scratch);
                        newHostVent = true;
                    }
                }
                case HoldingRegisters.FAULT_CLEAR -> {
                    int clearing = value & newLatched;
                    if (clearing != 0) {
                        newLatched &= ~clearing;
                        ventAllInto(scratch);
                        cleared = true;
                    }
                }
                case HoldingRegisters.WATCHDOG_KICK -> {
                    kicked |= value != scratch[reg];
                    scratch[reg] = value;
                }
                default -> scratch[reg] = value;
            }
        }
        boolean pulls = false;
        for (int ch = 0; ch < channels; ch++) {
            pulls |= scratch[CHANNEL_MODE_BASE + ch] != ChannelMode.VENT.code();
        }
        if (newLatched != 0 && pulls) {
            return ExceptionCodes.SERVER_DEVICE_FAILURE;
        }
        long now = clock.nanoTime();
        for (int ch = 0; ch < channels; ch++) {
            if (scratch[CHANNEL_MODE_BASE + ch] == ChannelMode.INTERVAL.code()
                    && holding[CHANNEL_MODE_BASE + ch] != ChannelMode.INTERVAL.code()) {
                phaseStart[ch] = now;
            }
        }
        System.arraycopy(scratch, 0, holding, 0, holding.length);
        if (cleared) {
            LOG.info("{}: the host cleared {}; still latched: {}", deviceId, FaultWord.names(latched & ~newLatched),
                    FaultWord.names(newLatched));
            // A cleared device starts afresh: nothing pulls until the host kicks and commands again.
            watchdogArmed = false;
        }
        latched = newLatched;
        hostVent = newHostVent && !pulls;
        if (kicked) {
            watchdogArmed = true;
            lastKickNanos = now;
        }
        // The fault word shows a clear or a vent-all at once: a host that reads right after its write
        // must not see the state from before it.
        input[InputRegisters.FAULT_WORD] = latched | (input[InputRegisters.FAULT_WORD] & FaultWord.SENSOR_FAULT)
                | (hostVent ? FaultWord.HOST_VENT : 0);
        return 0;
    }

    private boolean isValid(int reg, int value) {
        if (reg >= CHANNEL_MODE_BASE) {
            int ch = reg & 0x0F;
            if (ch >= channels) {
                return value == 0;
            }
            int block = reg & 0xF0;
            return switch (block) {
                case CHANNEL_MODE_BASE -> ChannelMode.isValid(value);
                case CHANNEL_SET_POINT_BASE -> value <= channelMaxCounts;
                default -> value >= HoldingRegisters.MIN_PULSE_MS && value <= HoldingRegisters.MAX_PULSE_MS;
            };
        }
        return switch (reg) {
            case HoldingRegisters.WATCHDOG_TIMEOUT_MS ->
                    value >= HoldingRegisters.MIN_WATCHDOG_MS && value <= HoldingRegisters.MAX_WATCHDOG_MS;
            case HoldingRegisters.WATCHDOG_KICK, HoldingRegisters.FAULT_CLEAR -> true;
            case HoldingRegisters.PUMP_SET_POINT -> value <= deviceMaxCounts;
            case HoldingRegisters.VENT_ALL -> value == 0 || value == HoldingRegisters.VENT_ALL_KEY;
            default -> value == 0;
        };
    }

    private void ventAllInto(int[] registers) {
        registers[HoldingRegisters.PUMP_SET_POINT] = 0;
        for (int ch = 0; ch < channels; ch++) {
            registers[CHANNEL_MODE_BASE + ch] = ChannelMode.VENT.code();
        }
    }

    // ---- the device's side: samples in, valve and pump commands out ------------------------------

    /** A measurement from the channel's sensor (the simulator's reading; NaN when the sensor fails). */
    @Override
    public synchronized void sample(int channel, double kpa) {
        if (channel >= 0 && channel < channels) {
            measuredKpa[channel] = kpa;
        }
    }

    /** The device's own emergency-stop button: vent everything and latch until the host clears it. */
    @Override
    public synchronized void emergencyStop(String source) {
        latch(FaultWord.EMERGENCY_STOP, "emergency stop (" + source + ")");
    }

    /**
     * One controller cycle: watchdog, protections, the pump level and each valve, then the input
     * registers. Runs on the device thread every {@link #TICK_NANOS}.
     */
    public synchronized void tick() {
        long now = clock.nanoTime();
        long timeoutNanos = TimeUnit.MILLISECONDS.toNanos(holding[HoldingRegisters.WATCHDOG_TIMEOUT_MS]);
        if (watchdogArmed && now - lastKickNanos > timeoutNanos) {
            watchdogArmed = false;
            latch(FaultWord.WATCHDOG_VENT, "no watchdog kick for " + holding[HoldingRegisters.WATCHDOG_TIMEOUT_MS]
                    + " ms: the host has fallen silent");
        }
        boolean sensorFault = false;
        for (int ch = 0; ch < channels; ch++) {
            double kpa = measuredKpa[ch];
            sensorFault |= Double.isNaN(kpa);
            if (kpa > channelMaxKpa + FaultWord.OVER_PRESSURE_MARGIN_KPA && (latched & FaultWord.OVER_PRESSURE) == 0) {
                latch(FaultWord.OVER_PRESSURE, String.format(java.util.Locale.ROOT,
                        "channel %d measures %.2f kPa, above its maximum %.2f kPa", ch, kpa, channelMaxKpa));
            }
        }
        int level = pumpLevel(now);
        boolean anyOpen = false;
        for (int ch = 0; ch < channels; ch++) {
            valveOpen[ch] = level > 0 && opensNow(ch, now);
            anyOpen |= valveOpen[ch];
        }
        int levelCounts = anyOpen ? level : 0;
        watchPump(now, levelCounts);
        double levelKpa = VacuumScaling.setPointKpa(levelCounts);
        for (int ch = 0; ch < channels; ch++) {
            commandVent[ch] = !valveOpen[ch] || levelCounts == 0;
            commandKpa[ch] = commandVent[ch] ? 0.0 : levelKpa;
        }
        sequence++;
        sampleCounter = (sampleCounter + 1) & 0xFFFF;
        publishInputs(now, timeoutNanos, levelCounts, sensorFault);
    }

    /** The lowest level asked for by the pump set point and every channel that would pull now; 0 for none. */
    private int pumpLevel(long now) {
        if (latched != 0 || !watchdogArmed) {
            return 0;
        }
        int level = holding[HoldingRegisters.PUMP_SET_POINT];
        for (int ch = 0; ch < channels; ch++) {
            if (opensNow(ch, now)) {
                level = Math.min(level, holding[CHANNEL_SET_POINT_BASE + ch]);
            }
        }
        return level;
    }

    private boolean opensNow(int ch, long now) {
        int mode = holding[CHANNEL_MODE_BASE + ch];
        if (mode == ChannelMode.VENT.code() || holding[CHANNEL_SET_POINT_BASE + ch] == 0) {
            return false;
        }
        if (mode == ChannelMode.HOLD.code()) {
            return true;
        }
        long on = TimeUnit.MILLISECONDS.toNanos(holding[PULSE_ON_MS_BASE + ch]);
        long off = TimeUnit.MILLISECONDS.toNanos(holding[PULSE_OFF_MS_BASE + ch]);
        return Math.floorMod(now - phaseStart[ch], on + off) < on;
    }

    /** Latches a pump fault when the pump runs for too long without any open channel reaching half its level. */
    private void watchPump(long now, int levelCounts) {
        boolean struggling = levelCounts > 0;
        if (struggling) {
            double half = VacuumScaling.setPointKpa(levelCounts) / 2;
            for (int ch = 0; ch < channels && struggling; ch++) {
                struggling = !(valveOpen[ch] && measuredKpa[ch] >= half);
            }
        }
        if (!struggling) {
            pumpStruggling = false;
        } else if (!pumpStruggling) {
            pumpStruggling = true;
            pumpStruggleSince = now;
        } else if (now - pumpStruggleSince > PUMP_FAULT_NANOS) {
            pumpStruggling = false;
            latch(FaultWord.PUMP_FAULT, "the pump ran " + FaultWord.PUMP_FAULT_SECONDS
                    + " s without any open channel reaching half its level");
        }
    }

    private void latch(int bit, String why) {
        if ((latched & bit) == 0) {
            LOG.warn("{}: {}; venting every channel and latching '{}' until the host clears it", deviceId, why,
                    FaultWord.names(bit).get(0));
        }
        latched |= bit;
        ventAllInto(holding);
        for (int ch = 0; ch < channels; ch++) {
            valveOpen[ch] = false;
            commandVent[ch] = true;
            commandKpa[ch] = 0.0;
        }
    }

    private void publishInputs(long now, long timeoutNanos, int levelCounts, boolean sensorFault) {
        int faults = latched | (sensorFault ? FaultWord.SENSOR_FAULT : 0) | (hostVent ? FaultWord.HOST_VENT : 0);
        input[InputRegisters.FAULT_WORD] = faults;
        input[InputRegisters.PUMP_STATE] = (latched != 0 ? PumpState.FAULTED : levelCounts > 0 ? PumpState.RUNNING
                : PumpState.OFF).code();
        input[InputRegisters.PUMP_LEVEL] = levelCounts;
        input[InputRegisters.SAMPLE_COUNTER] = sampleCounter;
        long remaining = watchdogArmed ? Math.max(0, timeoutNanos - (now - lastKickNanos)) : 0;
        input[InputRegisters.WATCHDOG_REMAINING_MS] = (int) TimeUnit.NANOSECONDS.toMillis(remaining);
        double extra = readback.extraKpa();
        for (int ch = 0; ch < channels; ch++) {
            input[InputRegisters.MEASURED_VACUUM_BASE + ch] = VacuumScaling.measuredCounts(measuredKpa[ch] + extra);
            input[InputRegisters.VALVE_STATE_BASE + ch] = valveOpen[ch] ? InputRegisters.VALVE_TO_PUMP
                    : InputRegisters.VALVE_TO_ATMOSPHERE;
        }
    }

    // ---- what the simulator reads: the link's commands --------------------------------------------

    @Override
    public synchronized void readCommands(CommandSet into) {
        for (int ch = 0; ch < into.channels(); ch++) {
            into.set(ch, commandKpa[ch], commandVent[ch], 0.0);
        }
        into.setSequence(sequence);
    }

    @Override
    public synchronized double commandKpa(int channel) {
        return commandKpa[channel];
    }

    @Override
    public synchronized boolean commandVent(int channel) {
        return commandVent[channel];
    }

    /** The interval vacuum system's cups carry no magnets. */
    @Override
    public double commandMagnet(int channel) {
        return 0.0;
    }

    @Override
    public synchronized long sequence() {
        return sequence;
    }

    /** The latched fault bits, for the emulator's status line. */
    public synchronized int latchedFaults() {
        return latched;
    }

    private static void putWord(byte[] out, int at, int value) {
        out[at] = (byte) (value >>> 8);
        out[at + 1] = (byte) value;
    }

    private static int word(byte[] in, int at) {
        return ((in[at] & 0xFF) << 8) | (in[at + 1] & 0xFF);
    }
}
