package io.upwell.devices.simulator;

import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import org.osgi.annotation.versioning.ProviderType;

/**
 * One simulated device, seen from both sides: the {@link DeviceDriver} an engine connects, and the
 * {@link SimulatorControl} through which a test makes it misbehave.
 * <p>
 * In the framework the simulator registers these two services separately. Outside it (a unit test
 * of the engine or of a plug-in), {@link Simulators#create(SimulatorOptions)} returns one object that
 * is both.
 */
@ProviderType
public interface SimulatedDevice extends DeviceDriver, SimulatorControl {

    /**
     * As {@link DeviceDriver#connect}, without a checked exception: a simulated device that cannot
     * reach its engine (the {@link Fault#DISCONNECT} fault) reports DISCONNECTED and retries with
     * back-off instead of failing the call.
     *
     * @throws IllegalStateException when the device is already connected
     */
    @Override
    void connect(DeviceLink link);
}
