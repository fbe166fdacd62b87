package io.upwell.api.device;

/** What a driver knows about its line to the device. */
public enum ConnectionState {
    /** Opening the line or waiting for the device to answer. */
    CONNECTING,
    /** The device answers and follows commands. */
    CONNECTED,
    /** The line is down; the driver is retrying with back-off. */
    DISCONNECTED
}
