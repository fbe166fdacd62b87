package io.upwell.devices.intervalvacuum;

import io.upwell.devices.conformance.LineFaults;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.EmulatorOptions;
import io.upwell.devices.emulator.IntervalVacuumEmulator;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

/**
 * An emulated interval vacuum system at one end of a socat pseudo-terminal pair, the driver's end
 * free: the bench the serial tests drive the driver against. As {@link LineFaults}: breaking the line
 * stops the emulator and ends socat (a device unplugged and powered off); restoring it makes a new pair
 * behind the same links and powers up a new emulator there, which knows nothing of before; corrupting
 * traffic flips a bit in every answer (the emulator's {@code corrupt} fault).
 */
final class EmulatorBench implements LineFaults, AutoCloseable {
    private final PseudoTerminalPair pty;
    private final EmulatorOptions options;
    private volatile IntervalVacuumEmulator emulator;

    private EmulatorBench(PseudoTerminalPair pty, EmulatorOptions options) {
        this.pty = pty;
        this.options = options;
    }

    /** The emulator's factory settings (4 channels of 60 kPa on a 70 kPa pump, unit 1), changed by {@code setup}. */
    static EmulatorBench start(Path dir, UnaryOperator<EmulatorOptions> setup) throws IOException {
        PseudoTerminalPair pty = PseudoTerminalPair.start(dir);
        EmulatorBench bench = new EmulatorBench(pty, setup.apply(EmulatorOptions.onPort(pty.deviceEnd().toString())));
        try {
            bench.emulator = IntervalVacuumEmulator.start(bench.options);
        } catch (IOException | RuntimeException e) {
            pty.close();
            throw e;
        }
        return bench;
    }

    static EmulatorBench start(Path dir) throws IOException {
        return start(dir, options -> options);
    }

    /** Where the driver talks. */
    String hostEnd() {
        return pty.hostEnd().toString();
    }

    IntervalVacuumEmulator emulator() {
        return emulator;
    }

    /** Ends socat only: the cable is pulled while the device stays on (and its watchdog runs out). */
    void unplug() {
        pty.unplug();
    }

    /** A new pair behind the same links, the same emulator serving it: the cable is plugged in again. */
    void plugIn() {
        pty.replug();
    }

    /** Powers the device off and on: a new emulator, which knows nothing of before, on the same line. */
    void powerCycle() throws IOException {
        emulator.close();
        emulator = IntervalVacuumEmulator.start(options);
    }

    @Override
    public void breakLine() {
        emulator.close();
        pty.unplug();
    }

    @Override
    public void restoreLine() throws IOException {
        pty.replug();
        emulator = IntervalVacuumEmulator.start(options);
    }

    @Override
    public boolean canCorruptTraffic() {
        return true;
    }

    @Override
    public void corruptTraffic(boolean on) {
        emulator.faults().corruptFrames(on);
    }

    @Override
    public void close() {
        try {
            emulator.close();
        } finally {
            pty.close();
        }
    }
}
