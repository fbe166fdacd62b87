package io.upwell.devices.kit.driver;

import io.upwell.api.device.DeviceDescriptor;
import java.util.ArrayList;
import java.util.List;

/** Compares the identity a device gave at its handshake with the configured descriptor. */
final class IdentityCheck {

    private IdentityCheck() {
    }

    /** Null when the device is the configured one; otherwise every difference, in one sentence. */
    static String mismatch(DeviceDescriptor configured, DeviceIdentity reported) {
        List<String> differences = new ArrayList<>();
        if (reported.id() != null && !reported.id().equals(configured.id())) {
            differences.add("it says it is '" + reported.id() + "', configured '" + configured.id() + "'");
        }
        if (!reported.model().equals(configured.model())) {
            differences.add("it is model '" + reported.model() + "', configured '" + configured.model() + "'");
        }
        if (reported.channels() != configured.channelCount()) {
            differences.add("it has " + reported.channels() + " channels, configured " + configured.channelCount());
        }
        return differences.isEmpty() ? null : "not the configured device: " + String.join("; ", differences);
    }
}
