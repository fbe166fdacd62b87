package io.upwell.launcher.app.internal;

import io.upwell.devices.simulator.Fault;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The shell's {@code fault} command line: {@code fault <fault> [channel]} injects,
 * {@code fault clear [fault] [channel]} clears; {@code device=<id>} picks a simulator when there
 * are several.
 *
 * @param inject  true to inject, false to clear
 * @param fault   the fault; empty with {@code clear} means every fault
 * @param channel the channel, or -1 for every channel
 * @param device  the simulator's device id, when given
 */
record FaultArguments(boolean inject, Optional<Fault> fault, int channel, Optional<String> device) {

    static final int EVERY_CHANNEL = -1;

    static final String USAGE = "fault <fault> [channel] | fault clear [fault] [channel]  [device=<id>]; faults: "
            + Arrays.toString(Fault.values()).toLowerCase(Locale.ROOT).replace('_', '-');

    static FaultArguments parse(List<String> words) {
        List<String> rest = new ArrayList<>();
        Optional<String> device = Optional.empty();
        for (String word : words) {
            if (word.startsWith("device=") && word.length() > "device=".length()) {
                device = Optional.of(word.substring("device=".length()));
            } else {
                rest.add(word);
            }
        }
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("usage: " + USAGE);
        }
        boolean inject = !rest.get(0).equalsIgnoreCase("clear");
        List<String> operands = inject ? rest : rest.subList(1, rest.size());
        Optional<Fault> fault = Optional.empty();
        int channel = EVERY_CHANNEL;
        int next = 0;
        if (next < operands.size() && !isWholeNumber(operands.get(next))) {
            fault = Optional.of(fault(operands.get(next++)));
        }
        if (inject && fault.isEmpty()) {
            throw new IllegalArgumentException("which fault? usage: " + USAGE);
        }
        if (next < operands.size()) {
            String text = operands.get(next++);
            if (!isWholeNumber(text)) {
                throw new IllegalArgumentException("channel '" + text + "' is not a whole number");
            }
            channel = channel(text);
        }
        if (next < operands.size()) {
            throw new IllegalArgumentException("unexpected '" + operands.get(next) + "'; usage: " + USAGE);
        }
        return new FaultArguments(inject, fault, channel, device);
    }

    /** {@code leak}, {@code LEAK}, {@code stuck-sensor} or {@code stuck_sensor}. */
    static Fault fault(String text) {
        String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (Fault fault : Fault.values()) {
            if (fault.name().equals(wanted)) {
                return fault;
            }
        }
        throw new IllegalArgumentException("unknown fault '" + text + "'; faults: "
                + Arrays.toString(Fault.values()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }

    /** A channel number: a whole number from 0 to {@link Integer#MAX_VALUE}, said plainly when it is not. */
    private static int channel(String text) {
        int channel;
        try {
            channel = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("channel " + text + " is out of range (0 to " + Integer.MAX_VALUE + ")");
        }
        if (channel < 0) {
            throw new IllegalArgumentException("channel " + text + " is negative; leave the channel out for every channel");
        }
        return channel;
    }

    private static boolean isWholeNumber(String text) {
        return text.matches("-?\\d+");
    }

    /** Where the fault applies, for the confirmation line. */
    String where(String deviceId) {
        return channel == EVERY_CHANNEL ? "every channel of " + deviceId : deviceId + " channel " + channel;
    }
}
