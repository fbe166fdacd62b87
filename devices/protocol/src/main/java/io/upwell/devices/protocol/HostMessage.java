package io.upwell.devices.protocol;

/** What the host (the engine's driver) sends to the device. */
public sealed interface HostMessage extends Message permits Hello, Heartbeat, SetPoint, Vent, Magnet {
}
