package io.upwell.devices.emulator;

import io.upwell.devices.protocol.NakReason;
import io.upwell.devices.simulator.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;

/**
 * One fault to set or clear, as a person writes it: after {@code --fault} on the emulator's command
 * line, or typed while it runs (several on a line, separated by spaces). The same words both ways, so
 * what works at start works at run time:
 * <pre>
 * drop-bytes[=off]        every reply loses a byte
 * corrupt[=off]           every reply has a bit flipped
 * stall=SECONDS           no answers for that long (stall=0 ends it)
 * silent[=off]            no answers at all
 * over-pressure=KPA|off   report KPA more vacuum than measured
 * refuse[=CODE|off]       refuse every command with CODE in the device's protocol: a Modbus exception
 *                         code (default 6, busy), or a NAK reason by number or name (default faulted)
 * exit[=STATUS]           stop the emulator (and the launcher exits with STATUS, default 0)
 * clear                   clear every fault above and every simulator fault
 * sim:FAULT[@CH][=off]    the simulator's physics faults: leak, stuck-sensor, overshoot, silence,
 *                         disconnect, nan-sample, seal-lost; CH a channel, every channel without it
 * estop                   press the device's emergency-stop button
 * </pre>
 */
public final class FaultCommand {
    /** The grammar above, for a usage message. */
    public static final String USAGE = "drop-bytes[=off] | corrupt[=off] | stall=SECONDS | silent[=off] | over-pressure=KPA|off"
            + " | refuse[=CODE|REASON|off] | exit[=STATUS] | clear | sim:FAULT[@CHANNEL][=off] | estop"
            + " (FAULT: leak, stuck-sensor, overshoot, silence, disconnect, nan-sample, seal-lost)";

    private enum Kind { DROP_BYTES, CORRUPT, STALL, SILENT, OVER_PRESSURE, REFUSE, EXIT, CLEAR, SIMULATOR, ESTOP }

    private final String text;
    private final Kind kind;
    private final boolean on;
    private final double number;
    private final Fault simulatorFault;
    private final int channel;

    private FaultCommand(String text, Kind kind, boolean on, double number, Fault simulatorFault, int channel) {
        this.text = text;
        this.kind = kind;
        this.on = on;
        this.number = number;
        this.simulatorFault = simulatorFault;
        this.channel = channel;
    }

    /**
     * Reads one fault spec.
     *
     * @throws IllegalArgumentException naming the spec and what is wrong with it, with {@link #USAGE}
     */
    public static FaultCommand parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        String text = spec.trim().toLowerCase(Locale.ROOT);
        int eq = text.indexOf('=');
        String name = eq < 0 ? text : text.substring(0, eq);
        String value = eq < 0 ? null : text.substring(eq + 1);
        try {
            return switch (name) {
                case "drop-bytes" -> new FaultCommand(text, Kind.DROP_BYTES, onOff(value), 0, null, -1);
                case "corrupt" -> new FaultCommand(text, Kind.CORRUPT, onOff(value), 0, null, -1);
                case "silent" -> new FaultCommand(text, Kind.SILENT, onOff(value), 0, null, -1);
                case "stall" -> new FaultCommand(text, Kind.STALL, true, nonNegative(required(value, "seconds")), null, -1);
                case "over-pressure" -> "off".equals(value)
                        ? new FaultCommand(text, Kind.OVER_PRESSURE, false, 0, null, -1)
                        : new FaultCommand(text, Kind.OVER_PRESSURE, true, nonNegative(required(value, "kPa")), null, -1);
                case "refuse" -> refuse(text, value);
                case "exit" -> new FaultCommand(text, Kind.EXIT, true, value == null ? 0 : integer(value, 0, 255), null, -1);
                case "clear" -> new FaultCommand(text, Kind.CLEAR, false, 0, null, -1);
                case "estop" -> new FaultCommand(text, Kind.ESTOP, true, 0, null, -1);
                default -> {
                    if (name.startsWith("sim:")) {
                        yield simulator(text, name.substring(4), value);
                    }
                    throw new IllegalArgumentException("unknown fault '" + name + "'");
                }
            };
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("fault '" + spec.trim() + "': " + e.getMessage() + "; expected " + USAGE, e);
        }
    }

    /** Reads a line of fault specs separated by whitespace; an empty line gives none. */
    public static List<FaultCommand> parseLine(String line) {
        List<FaultCommand> commands = new ArrayList<>();
        for (String spec : line.trim().split("\\s+")) {
            if (!spec.isEmpty()) {
                commands.add(parse(spec));
            }
        }
        return commands;
    }

    /** Whether this command stops the emulator. */
    public boolean isExit() {
        return kind == Kind.EXIT;
    }

    /**
     * Applies the command to a running emulator.
     *
     * @throws IllegalArgumentException when the emulator has no such channel
     * @throws IllegalStateException    for {@code estop} while the device's physics is not running
     */
    public void applyTo(EmulatedDevice emulator) {
        EmulatorFaults faults = emulator.faults();
        switch (kind) {
            case DROP_BYTES -> faults.dropBytes(on);
            case CORRUPT -> faults.corruptFrames(on);
            case SILENT -> faults.silent(on);
            case STALL -> faults.stall(Duration.ofNanos(Math.round(number * 1e9)));
            case OVER_PRESSURE -> faults.overPressureReadback(on ? number : 0);
            case REFUSE -> {
                if (!on) {
                    faults.refuseCommands(0);
                } else if (number < 0) {
                    faults.refuseCommands();
                } else {
                    faults.refuseCommands((int) number);
                }
            }
            case EXIT -> emulator.exit((int) number);
            case CLEAR -> {
                faults.clearAll();
                emulator.simulator().clearAll();
            }
            case ESTOP -> emulator.simulator().pressEmergencyStop();
            case SIMULATOR -> {
                if (on) {
                    emulator.simulator().inject(simulatorFault, channel);
                } else {
                    emulator.simulator().clear(simulatorFault, channel);
                }
            }
        }
    }

    private static FaultCommand refuse(String text, String value) {
        if ("off".equals(value)) {
            return new FaultCommand(text, Kind.REFUSE, false, 0, null, -1);
        }
        if (value == null) {
            return new FaultCommand(text, Kind.REFUSE, true, -1, null, -1); // the protocol's usual refusal
        }
        if (!value.isEmpty() && Character.isLetter(value.charAt(0))) {
            return new FaultCommand(text, Kind.REFUSE, true, nakReason(value).code(), null, -1);
        }
        return new FaultCommand(text, Kind.REFUSE, true, integer(value, 1, 255), null, -1);
    }

    /** A NAK reason by its name in docs/protocol.md, in either case, with '-' or '_': {@code not-ready}, {@code FAULTED}. */
    private static NakReason nakReason(String name) {
        String wanted = name.replace('-', '_').toUpperCase(Locale.ROOT);
        for (NakReason reason : NakReason.values()) {
            if (reason != NakReason.UNKNOWN && reason.name().equals(wanted)) {
                return reason;
            }
        }
        StringJoiner known = new StringJoiner(", ");
        for (NakReason reason : NakReason.values()) {
            if (reason != NakReason.UNKNOWN) {
                known.add(reason.name().toLowerCase(Locale.ROOT).replace('_', '-'));
            }
        }
        throw new IllegalArgumentException("'" + name + "' is neither a code 1..255 nor a NAK reason (" + known + ")");
    }

    private static FaultCommand simulator(String text, String target, String value) {
        int at = target.indexOf('@');
        String faultName = at < 0 ? target : target.substring(0, at);
        int channel = at < 0 ? -1 : integer(target.substring(at + 1), 0, 255);
        Fault fault;
        try {
            fault = Fault.valueOf(faultName.replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + faultName + "' is not a simulator fault");
        }
        return new FaultCommand(text, Kind.SIMULATOR, onOff(value), 0, fault, channel);
    }

    private static boolean onOff(String value) {
        if (value == null || value.equals("on")) {
            return true;
        }
        if (value.equals("off")) {
            return false;
        }
        throw new IllegalArgumentException("'" + value + "' is neither on nor off");
    }

    private static String required(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("needs a value in " + what);
        }
        return value;
    }

    private static double nonNegative(String value) {
        double number;
        try {
            number = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        if (!(number >= 0) || !Double.isFinite(number)) {
            throw new IllegalArgumentException("'" + value + "' must be a finite number, 0 or more");
        }
        return number;
    }

    private static int integer(String value, int min, int max) {
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
        if (number < min || number > max) {
            throw new IllegalArgumentException(number + " is outside " + min + ".." + max);
        }
        return number;
    }

    @Override
    public String toString() {
        return text;
    }
}
