package io.upwell.devices.kit.serial;

/** Where a {@link SerialLine} stands. */
public enum LineState {
    /** Resolving the path and opening the port. */
    OPENING,
    /** Open: bytes are read and written. */
    OPEN,
    /** Lost, or an open failed: waiting out the back-off before the next attempt. */
    DOWN,
    /** Not started yet, or closed for good. */
    CLOSED
}
