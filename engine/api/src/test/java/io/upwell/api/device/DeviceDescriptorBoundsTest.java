package io.upwell.api.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** What a driver declares is bounded at the door, so one driver cannot switch a check off or break the loop. */
class DeviceDescriptorBoundsTest {

    private static DeviceDescriptor declaring(int channels, Duration quietTime) {
        List<ChannelDescriptor> list = new ArrayList<>();
        for (int i = 0; i < channels; i++) {
            list.add(ChannelDescriptor.plain(i, 60));
        }
        return new DeviceDescriptor("dev-1", "v", "m", list, 60, false, quietTime);
    }

    @Test
    @Tag("SR-08")
    void aQuietTimeBeyondOneSecondIsRefusedNamingTheDevice() {
        // Duration.ofSeconds(Long.MAX_VALUE) overflows the nanosecond clock; an hour would switch SR-08 off.
        for (Duration absurd : List.of(Duration.ofSeconds(Long.MAX_VALUE), Duration.ofHours(1), Duration.ofMillis(1001),
                Duration.ofMillis(-1))) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> declaring(2, absurd));
            assertTrue(refused.getMessage().startsWith("device dev-1: quietTime must be 0 to 1000 ms"),
                    refused.getMessage());
        }
        assertEquals(DeviceDescriptor.MAX_QUIET_TIME, declaring(2, DeviceDescriptor.MAX_QUIET_TIME).quietTime());
    }

    @Test
    @Tag("SR-17")
    void tooManyChannelsAreRefused() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> declaring(DeviceDescriptor.MAX_CHANNELS + 1, Duration.ofMillis(200)));
        assertEquals("device dev-1: at most 256 channels, got 257", refused.getMessage());
        assertEquals(DeviceDescriptor.MAX_CHANNELS,
                declaring(DeviceDescriptor.MAX_CHANNELS, Duration.ofMillis(200)).channelCount());
    }
}
