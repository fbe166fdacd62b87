package io.upwell.devices.emulator;

import java.util.concurrent.CompletableFuture;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A running device emulator, whatever protocol it speaks: what the launcher's {@code emulate} command
 * needs to run one, feed it the lines a person types and stop it. Implemented by the emulators of this
 * bundle ({@link IntervalVacuumEmulator}; the magnetic cup array's emulator is to follow).
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

    /** Stops the emulator; {@link #exited()} completes with {@code status}. Idempotent: the first status stays. */
    void exit(int status);

    /** Completes with the exit status once the emulator has stopped (by {@link #exit}, an {@code exit} fault, or close). */
    CompletableFuture<Integer> exited();

    /** As {@code exit(0)}. */
    @Override
    void close();
}
