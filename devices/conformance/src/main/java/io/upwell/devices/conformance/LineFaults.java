package io.upwell.devices.conformance;

import org.osgi.annotation.versioning.ConsumerType;

/** What a test can do to the line between a driver and its device. */
@ConsumerType
public interface LineFaults {

    /** The device disappears: unplugged, powered off, or its emulator killed. */
    void breakLine() throws Exception;

    /** The device comes back where it was, as if plugged in again, knowing nothing of before. */
    void restoreLine() throws Exception;

    /** True when {@link #corruptTraffic} can garble what the device sends. */
    default boolean canCorruptTraffic() {
        return false;
    }

    /** From now on, until turned off, a share of what the device sends arrives garbled. */
    default void corruptTraffic(boolean on) throws Exception {
        throw new UnsupportedOperationException("this line cannot corrupt traffic");
    }
}
