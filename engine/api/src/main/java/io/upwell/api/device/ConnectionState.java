package io.upwell.api.device;

/** What a driver knows about its line to the device. */
public enum ConnectionState {
    /** Opening the line or waiting for the device to answer. */
    CONNECTING,
    /**
     * The line is open and the driver is settling who the device is and what it can do (a handshake);
     * a device whose answer does not match the driver's configuration never gets past this.
     */
    NEGOTIATING,
    /** The device answers and follows commands. */
    CONNECTED,
    /** The line is down; the driver is retrying with back-off. */
    DISCONNECTED
}
