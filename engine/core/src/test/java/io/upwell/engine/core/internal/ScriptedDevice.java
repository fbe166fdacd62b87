package io.upwell.engine.core.internal;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * A device that reports whatever the test sets, every 20 ms of engine time, whatever it is told:
 * the misbehaving hardware of the safety tests (a valve that does not open, a sensor that lies).
 */
final class ScriptedDevice implements DeviceDriver {
    static final double CHANNEL_LIMIT_KPA = 60.0;

    private final DeviceDescriptor descriptor;
    private final AtomicLongArray readings;
    private volatile Clock.Scheduled reporting;

    ScriptedDevice(String id, int channels) {
        this(id, channels, false);
    }

    /** With {@code sharedPump}, every channel hangs on one pump, as on an interval vacuum system. */
    ScriptedDevice(String id, int channels, boolean sharedPump) {
        this(id, channels, sharedPump, true);
    }

    /** With {@code simulated} false, the engine treats it as hardware on a person (screening, SR-15). */
    ScriptedDevice(String id, int channels, boolean sharedPump, boolean simulated) {
        List<ChannelDescriptor> list = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            list.add(sharedPump
                    ? new ChannelDescriptor(i, "valve " + i, CHANNEL_LIMIT_KPA, io.upwell.api.device.MagnetSupport.NONE, 0)
                    : ChannelDescriptor.plain(i, CHANNEL_LIMIT_KPA));
        }
        this.descriptor = new DeviceDescriptor(id, "test", "scripted", list, CHANNEL_LIMIT_KPA, simulated,
                Duration.ofMillis(200));
        this.readings = new AtomicLongArray(channels);
    }

    /** From now on the device reports this reading on the channel. */
    void report(int channel, double kpa) {
        readings.set(channel, Double.doubleToRawLongBits(kpa));
    }

    @Override
    public DeviceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public void connect(DeviceLink link) {
        // Reporting first, then connected: a test that waits for READY finds the samples already flowing.
        reporting = link.clock().every(20_000_000L, "scripted-device", () -> {
            for (int ch = 0; ch < readings.length(); ch++) {
                link.sample(ch, Double.longBitsToDouble(readings.get(ch)));
            }
        });
        link.connectionChanged(ConnectionState.CONNECTED, "scripted");
    }

    @Override
    public void disconnect() {
        Clock.Scheduled r = reporting;
        if (r != null) {
            r.close();
        }
    }
}
