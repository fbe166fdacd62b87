package io.upwell.launcher.app.internal;

import io.upwell.devices.emulator.EmulatedDevice;
import io.upwell.devices.emulator.EmulatorOptions;
import io.upwell.devices.emulator.FaultCommand;
import io.upwell.devices.emulator.EmulatorModel;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code emulate --port PATH --model interval-vacuum|magnetic-cups [--channels N] [--fault WORD]...}: a device on a
 * serial port, with the simulator's physics behind it, for drivers and sessions to be tried without
 * hardware. Every console line is handed to the emulator (fault words, {@code status}, {@code help});
 * {@code exit} or the end of input stops it, venting first.
 */
final class EmulateCommand {

    static final String USAGE = "emulate --port PATH --model interval-vacuum|magnetic-cups [--channels N]"
            + " [--unit-id N] [--baud N] [--fault WORD]...";

    /** The parsed command line. */
    record Arguments(String port, EmulatorModel model, EmulatorOptions options) {
    }

    private EmulateCommand() {
    }

    static Arguments parse(List<String> words) {
        String port = null;
        String model = null;
        Integer channels = null;
        Integer unitId = null;
        Integer baud = null;
        List<FaultCommand> faults = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i + 1 >= words.size()) {
                throw new IllegalArgumentException(word + " needs a value; usage: " + USAGE);
            }
            String value = words.get(++i);
            switch (word) {
                case "--port" -> port = value;
                case "--model" -> model = value;
                case "--channels" -> channels = whole("--channels", value);
                case "--unit-id" -> unitId = whole("--unit-id", value);
                case "--baud" -> baud = whole("--baud", value);
                case "--fault" -> faults.add(FaultCommand.parse(value));
                default -> throw new IllegalArgumentException("unknown option '" + word + "'; usage: " + USAGE);
            }
        }
        if (port == null) {
            throw new IllegalArgumentException("--port PATH is required; usage: " + USAGE);
        }
        if (model == null) {
            throw new IllegalArgumentException("--model is required: interval-vacuum or magnetic-cups; usage: " + USAGE);
        }
        EmulatorModel kind;
        try {
            kind = EmulatorModel.of(model);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown --model '" + model + "'; models: interval-vacuum, magnetic-cups");
        }
        EmulatorOptions options = kind.defaults(port);
        if (channels != null) {
            options = options.withChannels(channels);
        }
        if (unitId != null) {
            options = options.withUnitId(unitId);
        }
        if (baud != null) {
            options = options.withBaudRate(baud);
        }
        for (FaultCommand fault : faults) {
            options = options.withFault(fault);
        }
        return new Arguments(port, kind, options);
    }

    /** Runs until {@code exit} or the end of input; returns the emulator's exit status. */
    static int run(List<String> words, InputStream in, PrintStream out, PrintStream err) {
        Arguments arguments;
        EmulatedDevice device;
        try {
            arguments = parse(words);
            device = arguments.model().start(arguments.options());
        } catch (IllegalArgumentException | IOException e) {
            err.println("upwell: emulate: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        out.println("emulating " + arguments.model() + " on " + arguments.port() + "; type status, help, fault"
                + " words, or exit");
        try (BufferedReader console = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while (!device.exited().isDone() && (line = console.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                out.println(device.execute(line.trim()));
            }
        } catch (IOException e) {
            err.println("upwell: emulate: the console failed: " + e.getMessage());
        } finally {
            device.close();
        }
        return device.exited().join();
    }

    private static int whole(String option, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, got '" + text + "'");
        }
    }
}
