package io.upwell.api.device;

/** Whether a channel's cup carries a magnet, and how it is driven. */
public enum MagnetSupport {
    /** A plain cup. */
    NONE,
    /** A magnet that is switched on or off. */
    ON_OFF,
    /** A magnet whose strength is set as a level from 0 to 1. */
    LEVEL
}
