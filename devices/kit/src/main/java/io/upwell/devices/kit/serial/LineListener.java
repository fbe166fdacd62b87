package io.upwell.devices.kit.serial;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * What a {@link SerialLine} tells its user: the line's state and the bytes it read. Both are called
 * on the line's reader thread, one call at a time, so a protocol's decoder needs no locking of its
 * own; neither may block for long, since the line reads nothing meanwhile. An exception thrown here
 * is logged and the line goes on.
 */
@ConsumerType
public interface LineListener {

    /**
     * The line moved to {@code state}. For {@link LineState#DOWN} the reason says what went wrong,
     * naming the path, and when the next attempt is.
     */
    void stateChanged(LineState state, String reason);

    /**
     * Bytes arrived: {@code buffer[0 .. length-1]}, in the order the device sent them, in chunks of
     * whatever size the operating system delivered. The buffer is reused for the next chunk: copy
     * what you keep.
     */
    void received(byte[] buffer, int length);
}
