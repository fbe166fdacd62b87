package io.upwell.devices.kit.driver;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of every answer a {@link SerialDeviceDriver}'s protocol hands over with {@code reply}, with the
 * frame the driver sent last before it and the time between the two: how long the device (and the line
 * to it) took to answer. Meant for measuring a driver against a device or an emulator, and for
 * diagnostics; the engine never sets one.
 * <p>
 * For a protocol that sends one request and waits for its answer (Modbus RTU, say) the time is that
 * request's round trip. For one that sends several frames before it collects their answers it is
 * counted from the last of them, so only the answer to the last frame sent gets its whole round trip.
 *
 * @param <R> the driver's answer type
 */
@ConsumerType
@FunctionalInterface
public interface AnswerWatcher<R> {

    /**
     * Called on the line's reader thread, once the answer is decoded: must not block.
     *
     * @param lastSent        the frame the driver queued last before the answer came; not to be changed
     * @param answer          the answer, as the protocol decoded it
     * @param nanosSinceSent  from queueing {@code lastSent} for the line to handing over {@code answer}
     */
    void answered(byte[] lastSent, R answer, long nanosSinceSent);
}
