package io.upwell.devices.emulator;

import java.time.Duration;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The ways an emulated device's serial side misbehaves on purpose, so that a driver can be shown to
 * survive a real line: every one of them is something a field device or its cable does. Each method
 * takes effect with the next request and is safe from any thread. The physics' own faults (a leak, a
 * stuck sensor, a regulator that overshoots) are the simulator's: see
 * {@link IntervalVacuumEmulator#simulator()}.
 */
@ProviderType
public interface EmulatorFaults {

    /**
     * Every reply (every frame the device sends, for a device that talks unasked) loses one byte, at a
     * random place (seeded): the host sees a short frame or a bad CRC.
     */
    void dropBytes(boolean on);

    /** Every reply (every frame sent) has one bit flipped, at a random place (seeded): the host sees a bad CRC or a wrong answer. */
    void corruptFrames(boolean on);

    /**
     * The device stops answering for {@code duration}, from now: requests that arrive meanwhile are
     * lost unanswered and unexecuted (so a stall longer than the watchdog timeout vents the device).
     * Zero ends a stall at once.
     */
    void stall(Duration duration);

    /**
     * The device answers nothing, executes nothing and sends nothing (not even its samples) until this
     * is switched off; its own watchdog still runs.
     */
    void silent(boolean on);

    /**
     * The device reports {@code extraKpa} more vacuum on every channel than it measures: a readback
     * fault the host must catch. The device's own protection still acts on what it measures. Zero for a
     * true report.
     *
     * @throws IllegalArgumentException for a negative or non-finite value
     */
    void overPressureReadback(double extraKpa);

    /**
     * Every command is refused with this code, in the device's protocol, and changes nothing: over
     * Modbus every write gets this exception code (for example 6, SERVER DEVICE BUSY) while reads are
     * still served; over the Upwell device protocol every SET_POINT, VENT and MAGNET gets a NAK with this
     * reason (for example 7, FAULTED) while HELLO and HEARTBEAT are still heard. Zero serves commands again.
     *
     * @throws IllegalArgumentException for a code outside 0..255
     */
    void refuseCommands(int code);

    /**
     * Every command is refused with the protocol's usual refusal: Modbus exception 6 (SERVER DEVICE
     * BUSY), or NAK FAULTED (7) over the Upwell device protocol.
     */
    void refuseCommands();

    /** Clears every fault above. */
    void clearAll();

    /** The faults in effect, as the command-line specs that would set them (for example {@code "corrupt stall=2.5"}); empty for none. */
    String describe();
}
