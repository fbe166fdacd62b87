package io.upwell.devices.emulator;

import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.Message;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Told of each frame an emulated magnetic cup array takes from its line and each one it queues for
 * it, with the time ({@link System#nanoTime()}) it did: for timing a driver against the device from
 * the device's side of the line, as a benchmark does (over-pressure reported to vent received, say).
 * Called on the emulator's own threads, so it must be quick and must not block.
 */
@ConsumerType
public interface FrameWatcher {

    /** An intact frame from the host, before the device acts on it. */
    default void received(Message message, long nanoTime) {
    }

    /** A frame the device queued for its line (one a line fault keeps back is not told). */
    default void sent(DeviceMessage message, long nanoTime) {
    }
}
