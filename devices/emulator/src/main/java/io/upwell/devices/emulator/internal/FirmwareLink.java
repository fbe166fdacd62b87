package io.upwell.devices.emulator.internal;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connects the simulator's physics to the emulated firmware, in the place where the engine would
 * normally sit: the simulator reads the firmware's valve and pump commands through it and delivers its
 * sensor readings into it.
 * <p>
 * The command sequence is the firmware's tick count, so the simulator's own watchdog (its quiet time)
 * trips only when the firmware itself stops; the host's silence is the firmware's watchdog's business.
 */
public final class FirmwareLink implements DeviceLink {
    private static final Logger LOG = LoggerFactory.getLogger(FirmwareLink.class);

    private final PhysicsPort firmware;
    private final Clock clock;
    private final String deviceId;

    public FirmwareLink(String deviceId, PhysicsPort firmware, Clock clock) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.firmware = Objects.requireNonNull(firmware, "firmware");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public void sample(int channel, double measuredKpa) {
        firmware.sample(channel, measuredKpa);
    }

    @Override
    public void connectionChanged(ConnectionState state, String reason) {
        LOG.debug("{}: physics {}: {}", deviceId, state, reason);
    }

    @Override
    public void emergencyStop(String source) {
        firmware.emergencyStop(source);
    }

    @Override
    public void readCommands(CommandSet into) {
        if (into.channels() != firmware.channels()) {
            throw new IllegalArgumentException(deviceId + ": a command set for " + into.channels()
                    + " channels cannot hold this device's " + firmware.channels());
        }
        firmware.readCommands(into);
    }

    @Override
    public double targetKpa(int channel) {
        return firmware.commandKpa(channel);
    }

    @Override
    public boolean vent(int channel) {
        return firmware.commandVent(channel);
    }

    @Override
    public double magnetLevel(int channel) {
        return firmware.commandMagnet(channel);
    }

    @Override
    public long commandSequence() {
        return firmware.sequence();
    }
}
