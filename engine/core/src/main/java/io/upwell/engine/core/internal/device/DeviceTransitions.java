package io.upwell.engine.core.internal.device;

import static io.upwell.api.device.DeviceState.CONNECTING;
import static io.upwell.api.device.DeviceState.DISCONNECTED;
import static io.upwell.api.device.DeviceState.FAULTED;
import static io.upwell.api.device.DeviceState.READY;

import io.upwell.api.device.DeviceState;
import io.upwell.engine.core.internal.state.Transitions;

/** The legal moves of a device's state (docs/ENGINE.md, "States"). */
final class DeviceTransitions {
    static final Transitions<DeviceState> TABLE = Transitions.of("device", DeviceState.class)
            .from(DISCONNECTED, CONNECTING)
            .from(CONNECTING, READY, DISCONNECTED, FAULTED)
            .from(READY, DISCONNECTED, FAULTED)
            // A fault stays until acknowledged; a faulted device can still be lost meanwhile.
            .from(FAULTED, READY, DISCONNECTED)
            .build();

    private DeviceTransitions() {
    }
}
