package io.upwell.api.device;

/**
 * The core's view of a device. Legal transitions are a fixed table in the core; any other is
 * refused as a bug.
 */
public enum DeviceState {
    /** Not reachable: not yet connected, lost, or silent for longer than its quiet-time. */
    DISCONNECTED,
    /** The driver is opening the line. */
    CONNECTING,
    /** Connected and delivering samples: the device may be given vacuum. */
    READY,
    /** A safety fault was found; the device is vented and stays here until acknowledged. */
    FAULTED
}
