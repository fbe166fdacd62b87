package io.upwell.api.session;

import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceState;

/**
 * A device as the engine sees it.
 *
 * @param descriptor what it is
 * @param state      the core's state for it
 * @param reason     why it is in that state, for a person
 */
public record DeviceStatus(DeviceDescriptor descriptor, DeviceState state, String reason) {
}
