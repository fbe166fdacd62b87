package io.upwell.api.device;

import io.upwell.api.time.Clock;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The core's side of a connected device: samples go in, commands come out.
 * <p>
 * Every method is non-blocking, allocation-free and safe to call from any thread. Commands are
 * the latest values the control loop has decided; a driver polls them at its own pace.
 * Channels are numbered {@code 0 .. channels-1} as in the {@link DeviceDescriptor}.
 */
@ProviderType
public interface DeviceLink {

    /** The engine's clock; {@link Clock#nanoTime()} is the time base of everything here. */
    Clock clock();

    /**
     * Reports a measured gauge vacuum for a channel, in kPa below ambient. The core stamps it with
     * its clock on arrival. Implausible values (NaN, out of physical range) are accepted here and
     * judged by the core's monitor.
     */
    void sample(int channel, double measuredKpa);

    /** Reports a change of the connection, with a reason a person can read. */
    void connectionChanged(ConnectionState state, String reason);

    /** The device's own emergency-stop button was pressed: the core vents everything and latches. */
    void emergencyStop(String source);

    /**
     * Fills {@code into} with the commands of the last tick the core published, every channel at once,
     * with every later vent applied on top. Non-blocking and allocation-free; a device whose channels
     * share a pump must read its commands this way.
     *
     * @throws IllegalArgumentException when {@code into} is not sized for this device's channels
     */
    void readCommands(CommandSet into);

    /**
     * The vacuum the channel should hold now, in kPa below ambient; zero when venting. One channel
     * alone, possibly of a newer tick than the next channel read: see {@link #readCommands}.
     */
    double targetKpa(int channel);

    /** True when the channel must be open to atmosphere with its pump off: the safe state. */
    boolean vent(int channel);

    /**
     * The magnet level for a channel with a magnet, from 0 (off) to 1 (full). For an on/off
     * magnet, on is any level of at least 0.5.
     */
    double magnetLevel(int channel);

    /**
     * A counter the core advances on every control tick. A driver that sees it stand still for
     * longer than the device's quiet-time must vent on its own: the engine has stopped.
     */
    long commandSequence();
}
