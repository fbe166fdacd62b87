package io.upwell.engine.records.internal;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A well-behaved device that is not simulated (the engine treats it as hardware on a person, so
 * screening and SR-15 apply): every 20 ms each channel reports what it is commanded, 0 when vented,
 * with a few hundredths of a kPa of noise so that a steady hold does not read as a frozen sensor.
 */
final class FollowingDevice implements DeviceDriver {
    private final DeviceDescriptor descriptor;
    private volatile Clock.Scheduled reporting;
    private long tick;

    FollowingDevice(String id, int channels) {
        List<ChannelDescriptor> list = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            list.add(ChannelDescriptor.plain(i, 60));
        }
        descriptor = new DeviceDescriptor(id, "test", "following", list, 60, false, Duration.ofMillis(200));
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void connect(DeviceLink link) {
        int channels = descriptor.channels().size();
        reporting = link.clock().every(20_000_000L, "following-device", () -> {
            double noise = (tick++ % 2 == 0) ? 0.02 : -0.02;
            for (int ch = 0; ch < channels; ch++) {
                link.sample(ch, link.vent(ch) ? 0 : Math.max(0, link.targetKpa(ch) + noise));
            }
        });
        link.connectionChanged(ConnectionState.CONNECTED, "following");
    }

    @Override
    public void disconnect() {
        Clock.Scheduled r = reporting;
        if (r != null) {
            r.close();
        }
    }
}
