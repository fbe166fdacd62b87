package io.upwell.devices.magneticcups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.protocol.ChannelInfo;
import io.upwell.devices.protocol.HelloReply;
import io.upwell.devices.protocol.MagnetKind;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A HELLO_REPLY held against the configuration: every difference named, with both sides. */
class HandshakeTest {
    private static final MagneticCupsSettings SETTINGS = new MagneticCupsSettings("/dev/null", 115_200, "mc-1", "SN-0042",
            List.of(MagnetSupport.LEVEL, MagnetSupport.ON_OFF), 60, Duration.ofMillis(200));

    private static HelloReply reply(String serial, int maxCentiKpa, int rateHz, int watchdogMs, List<ChannelInfo> channels) {
        return new HelloReply(serial, "Upwell", "MC-2", maxCentiKpa, rateHz, watchdogMs, channels);
    }

    private static final List<ChannelInfo> CHANNELS = List.of(new ChannelInfo(6000, MagnetKind.LEVEL),
            new ChannelInfo(6000, MagnetKind.ON_OFF));

    @Test
    void theConfiguredDeviceIsAccepted() {
        assertNull(Handshake.mismatch(SETTINGS, reply("SN-0042", 7000, 50, 250, CHANNELS)));
    }

    @Test
    void anotherSerialNumberIsRefusedNamingBoth() {
        assertEquals("its serial number is 'SN-0043', configured 'SN-0042'",
                Handshake.mismatch(SETTINGS, reply("SN-0043", 7000, 50, 250, CHANNELS)));
    }

    @Test
    void otherCupsMagnetsOrLimitsAreRefusedNamingEach() {
        assertEquals("it has 3 cups, configured 2", Handshake.mismatch(SETTINGS,
                reply("SN-0042", 7000, 50, 250, Collections.nCopies(3, new ChannelInfo(6000, MagnetKind.LEVEL)))));
        assertEquals("cup 1's magnet is NONE, configured ON_OFF", Handshake.mismatch(SETTINGS, reply("SN-0042", 7000, 50, 250,
                List.of(new ChannelInfo(6000, MagnetKind.LEVEL), new ChannelInfo(6000, MagnetKind.NONE)))));
        String limits = Handshake.mismatch(SETTINGS, reply("SN-0042", 5000, 50, 250,
                List.of(new ChannelInfo(4000, MagnetKind.LEVEL), new ChannelInfo(6000, MagnetKind.ON_OFF))));
        assertTrue(limits.contains("its maximum vacuum is 50.00 kPa, configured 60.00 kPa"), limits);
        assertTrue(limits.contains("cup 0's maximum vacuum is 40.00 kPa, configured 60.00 kPa"), limits);
    }

    @Test
    void aPaceTheEngineCannotWatchIsRefusedNamingTheValue() {
        assertEquals("its watchdog timeout of 2000 ms is outside the protocol's 100 to 1000 ms",
                Handshake.mismatch(SETTINGS, reply("SN-0042", 7000, 50, 2000, CHANNELS)));
        assertEquals("its sample rate of 10 Hz is too low for the quiet time of 200 ms (3 sample periods must fit in it)",
                Handshake.mismatch(SETTINGS, reply("SN-0042", 7000, 10, 250, CHANNELS)));
    }

    @Test
    void anySerialNumberWhenNoneIsConfigured() {
        MagneticCupsSettings any = new MagneticCupsSettings("/dev/null", 115_200, "mc-1", "", SETTINGS.magnets(), 60,
                Duration.ofMillis(200));
        assertNull(Handshake.mismatch(any, reply("whatever", 7000, 50, 250, CHANNELS)));
    }
}
