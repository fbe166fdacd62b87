package io.upwell.devices.emulator.internal;

import io.upwell.api.device.CommandSet;

/**
 * What an emulated firmware offers the simulator's physics behind it, through a {@link FirmwareLink}:
 * the valve, pump and magnet commands it has decided, and a place for the sensor readings and the
 * emergency-stop button. Each emulated device's firmware implements it, so one link serves them all.
 * <p>
 * Called on the device thread (the simulator's physics step) while the firmware's own tick and the
 * host's requests run on theirs: implementations hold their own lock, briefly.
 */
public interface PhysicsPort {

    /** How many channels (cups) the firmware drives. */
    int channels();

    /** Fills {@code into} with every channel's command of one firmware tick, and that tick's count as the sequence. */
    void readCommands(CommandSet into);

    /** The vacuum the channel's pump should hold, in kPa; zero when it vents. */
    double commandKpa(int channel);

    /** True when the channel is open to the air with its pump off. */
    boolean commandVent(int channel);

    /** The magnet's drive, 0 (off) to 1 (full); zero for a cup without a magnet. */
    double commandMagnet(int channel);

    /** Advances with every firmware tick: the simulator's own watchdog trips only when the firmware stops. */
    long sequence();

    /** A measurement from the channel's sensor (NaN when the sensor gives none). */
    void sample(int channel, double kpa);

    /** The device's own emergency-stop button. */
    void emergencyStop(String source);
}
