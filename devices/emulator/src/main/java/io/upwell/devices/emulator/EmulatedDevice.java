package io.upwell.devices.emulator;

import io.upwell.devices.simulator.SimulatorControl;
import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running device emulator, whatever protocol it speaks: what the launcher's {@code emulate} command
 * needs to run one, feed it the lines a person types and stop it. Implemented by the emulators of this
 * bundle: {@link IntervalVacuumEmulator} (Modbus RTU) and {@link MagneticCupsEmulator} (the Upwell
 * device protocol); {@link EmulatorModel} starts either by its name on the command line.
 */
@ProviderType
public interface EmulatedDevice extends AutoCloseable {

    /**
     * Carries out one line typed while the emulator runs and returns what to print: {@code status}
     * gives {@link #status()}, {@code help} the fault words, an empty line nothing, and anything else
     * is read as fault words ({@link FaultCommand#parseLine}) and applied in order.
     *
     * @throws IllegalArgumentException naming the word that is wrong; nothing of the line is applied then
     */
    String execute(String line);

    /** One line on the device's state, for a console. */
    String status();

    /** The line faults, to set and clear while the emulator runs; the same words for every protocol. */
    EmulatorFaults faults();

    /** The physics behind the device: its faults (leak, stuck sensor, overshoot, ...) and its emergency-stop button. */
    SimulatorControl simulator();

    /** Stops the emulator; {@link #exited()} completes with {@code status}. Idempotent: the first status stays. */
    void exit(int status);

    /** Completes with the exit status once the emulator has stopped (by {@link #exit}, an {@code exit} fault, or close). */
    CompletableFuture<Integer> exited();

    /** As {@code exit(0)}. */
    @Override
    void close();
}
