package io.upwell.devices.magneticcups.internal;

import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.protocol.ChannelInfo;
import io.upwell.devices.protocol.HelloReply;
import io.upwell.devices.protocol.Vacuum;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Compares a device's HELLO_REPLY with the configuration: the engine must never command, under one id
 * and one set of limits, a device that is not the one they were set for (a cable moved to another
 * port, a replaced unit with fewer cups or other magnets), nor one whose pace it cannot watch.
 */
final class Handshake {
    /** The longest watchdog timeout the protocol allows a device (docs/protocol.md, "Timing"). */
    static final int MAX_WATCHDOG_MILLIS = 1000;
    /** The shortest: the host's heartbeats come at least four times per timeout. */
    static final int MIN_WATCHDOG_MILLIS = 100;
    /** How many sample periods the quiet time must cover, so that one late sample is not a silence. */
    static final int SAMPLE_PERIODS_PER_QUIET_TIME = 3;

    private Handshake() {
    }

    /**
     * Null when the device is the configured one and its pace can be watched; otherwise every
     * difference, in one sentence that names what the device said and what was configured.
     */
    static String mismatch(MagneticCupsSettings settings, HelloReply reply) {
        List<String> differences = new ArrayList<>();
        if (!settings.serial().isEmpty() && !settings.serial().equals(reply.deviceId())) {
            differences.add("its serial number is '" + reply.deviceId() + "', configured '" + settings.serial() + "'");
        }
        int channels = reply.channels().size();
        if (channels != settings.channels()) {
            differences.add("it has " + channels + " cups, configured " + settings.channels());
        } else {
            for (int ch = 0; ch < channels; ch++) {
                MagnetSupport declared = MagnetSupport.valueOf(reply.channels().get(ch).magnet().name());
                if (declared != settings.magnets().get(ch)) {
                    differences.add("cup " + ch + "'s magnet is " + declared + ", configured " + settings.magnets().get(ch));
                }
            }
        }
        if (reply.maxVacuumKpa() < settings.maxVacuumKpa()) {
            differences.add(String.format(Locale.ROOT, "its maximum vacuum is %.2f kPa, configured %.2f kPa",
                    reply.maxVacuumKpa(), settings.maxVacuumKpa()));
        }
        for (int ch = 0; ch < channels; ch++) {
            ChannelInfo channel = reply.channels().get(ch);
            if (channel.maxVacuumKpa() < settings.maxVacuumKpa()) {
                differences.add(String.format(Locale.ROOT, "cup %d's maximum vacuum is %.2f kPa, configured %.2f kPa",
                        ch, channel.maxVacuumKpa(), settings.maxVacuumKpa()));
            }
        }
        if (reply.watchdogMillis() < MIN_WATCHDOG_MILLIS || reply.watchdogMillis() > MAX_WATCHDOG_MILLIS) {
            differences.add("its watchdog timeout of " + reply.watchdogMillis() + " ms is outside the protocol's "
                    + MIN_WATCHDOG_MILLIS + " to " + MAX_WATCHDOG_MILLIS + " ms");
        }
        long periodsNanos = SAMPLE_PERIODS_PER_QUIET_TIME * TimeUnit.SECONDS.toNanos(1) / reply.sampleRateHz();
        if (periodsNanos > settings.quietTime().toNanos()) {
            differences.add("its sample rate of " + reply.sampleRateHz() + " Hz is too low for the quiet time of "
                    + settings.quietTime().toMillis() + " ms (" + SAMPLE_PERIODS_PER_QUIET_TIME
                    + " sample periods must fit in it)");
        }
        return differences.isEmpty() ? null : String.join("; ", differences);
    }

    /** What the device said, for the log: vendor, model, serial number, pace. */
    static String describe(HelloReply reply) {
        return String.format(Locale.ROOT, "%s %s, serial %s, %d cups, %.2f kPa, %d Hz, watchdog %d ms",
                reply.vendor().isEmpty() ? "(no vendor)" : reply.vendor(), reply.model().isEmpty() ? "(no model)" : reply.model(),
                reply.deviceId(), reply.channels().size(), Vacuum.kpa(reply.maxVacuumCentiKpa()), reply.sampleRateHz(),
                reply.watchdogMillis());
    }
}
