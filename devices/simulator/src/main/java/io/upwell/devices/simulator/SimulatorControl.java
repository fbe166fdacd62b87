package io.upwell.devices.simulator;

import java.util.Set;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Makes a simulated device misbehave, on purpose.
 * <p>
 * Registered as a service beside the simulator's {@link io.upwell.api.device.DeviceDriver}, with the
 * same device id. Every method is safe to call from any thread; an injected fault takes effect at
 * the device's next physics step (within 10 ms of engine clock time). Faults belong to the device,
 * not to a connection: they stay injected across disconnect and connect until cleared.
 * <p>
 * Channels are numbered {@code 0 .. channels-1} as in the device's descriptor; {@code -1} means
 * every channel where a method says so. A channel outside that range is refused with an
 * {@link IllegalArgumentException} naming the channel and the valid range.
 */
@ProviderType
public interface SimulatorControl {

    /** The id of the simulated device, as in its {@link io.upwell.api.device.DeviceDescriptor}. */
    String deviceId();

    /**
     * Injects a fault. {@link Fault#DISCONNECT} and {@link Fault#SILENCE} concern the whole device,
     * whatever the channel. Injecting a fault that is already active changes nothing.
     *
     * @param channel the channel, or {@code -1} for every channel
     */
    void inject(Fault fault, int channel);

    /**
     * Clears a fault. Clearing a fault that is not active changes nothing.
     *
     * @param channel the channel, or {@code -1} for every channel
     */
    void clear(Fault fault, int channel);

    /** Clears every fault on every channel. */
    void clearAll();

    /**
     * The faults active on one channel, including the device-wide ones.
     *
     * @param channel a channel, {@code 0 .. channels-1}
     * @return an unmodifiable snapshot
     */
    Set<Fault> activeFaults(int channel);

    /**
     * Presses the device's own emergency-stop button: the device tells the engine, which vents
     * every channel of every device and latches (SR-13).
     *
     * @throws IllegalStateException when the device is not connected to an engine, so that a
     *                               press nobody hears is not mistaken for one that was heard
     */
    void pressEmergencyStop();

    /**
     * The true vacuum in a channel's cup, in kPa, which a faulty sensor may no longer report: what
     * the person on the couch would feel. For tests and demonstrations; safe from any thread.
     *
     * @throws IllegalArgumentException for a channel out of range
     */
    double truePressureKpa(int channel);
}
