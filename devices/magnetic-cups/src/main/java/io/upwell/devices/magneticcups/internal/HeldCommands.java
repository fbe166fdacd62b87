package io.upwell.devices.magneticcups.internal;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.protocol.HostMessage;
import io.upwell.devices.protocol.Magnet;
import io.upwell.devices.protocol.Protocol;
import io.upwell.devices.protocol.SetPoint;
import io.upwell.devices.protocol.Vacuum;
import io.upwell.devices.protocol.Vent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the device holds now, channel by channel, as its acknowledgements told: so that each exchange
 * sends only the commands that change something (docs/protocol.md, "Commands": the host sends
 * SET_POINT, VENT and MAGNET when the engine's command for a channel changes).
 * <p>
 * Only an ACK changes what the device holds; a command refused (NAK) or unanswered leaves it as it
 * was, so the next exchange sends it again. Used on the driver thread only.
 */
final class HeldCommands {
    /** A set point nobody knows: the device's state after a line that was lost. */
    private static final int UNKNOWN = -2;
    /** The channel vents. */
    private static final int VENTED = -1;

    private final List<MagnetSupport> magnets;
    private final int limitCentiKpa;
    private final int[] setPoint;
    private final int[] magnetLevel;
    /** Channels the device vented by itself, which pull again only after the engine has told them to vent. */
    private final boolean[] awaitingVent;

    /**
     * @param magnets      each channel's magnet; a channel without one is never sent MAGNET
     * @param maxVacuumKpa the most any set point asks for: the engine's envelope already holds commands
     *                     to the descriptor, and a set point above what the device declared would be
     *                     refused and vent the cup
     */
    HeldCommands(List<MagnetSupport> magnets, double maxVacuumKpa) {
        this.magnets = List.copyOf(magnets);
        this.limitCentiKpa = Vacuum.setPoint(maxVacuumKpa);
        this.setPoint = new int[magnets.size()];
        this.magnetLevel = new int[magnets.size()];
        this.awaitingVent = new boolean[magnets.size()];
        forget();
    }

    /** Before a handshake: nothing is known. */
    void forget() {
        Arrays.fill(setPoint, UNKNOWN);
        Arrays.fill(magnetLevel, UNKNOWN);
        Arrays.fill(awaitingVent, false);
    }

    /**
     * After HELLO_REPLY: the device has switched every magnet off. Whether it vented is not taken on
     * trust: the set points stay unknown, so the first exchange sends VENT for every channel.
     */
    void greeted() {
        Arrays.fill(setPoint, UNKNOWN);
        Arrays.fill(magnetLevel, 0);
        Arrays.fill(awaitingVent, false);
    }

    /**
     * The commands that bring the device to {@code commands}, in the order to send them: one VENT for
     * every channel when every channel must be told to vent, otherwise per channel a VENT or a MAGNET
     * and then a SET_POINT. A channel the device vented by itself is held vented until the engine
     * commands it to vent: the engine hears of the device's fault and vents, and a set point it had
     * published before must not pull the cup again meanwhile.
     */
    List<HostMessage> plan(CommandSet commands) {
        List<HostMessage> plan = new ArrayList<>();
        boolean everyChannelToVent = true;
        for (int ch = 0; ch < setPoint.length; ch++) {
            if (commands.vent(ch)) {
                awaitingVent[ch] = false;
            }
            everyChannelToVent &= vents(commands, ch) && setPoint[ch] != VENTED;
        }
        if (everyChannelToVent) {
            plan.add(Vent.all());
        }
        for (int ch = 0; ch < setPoint.length; ch++) {
            int level = level(ch, commands.magnetLevel(ch));
            if (vents(commands, ch)) {
                if (!everyChannelToVent && setPoint[ch] != VENTED) {
                    plan.add(new Vent(ch));
                }
                if (magnets.get(ch) != MagnetSupport.NONE && magnetLevel[ch] != 0) {
                    plan.add(new Magnet(ch, 0));
                }
                continue;
            }
            if (magnets.get(ch) != MagnetSupport.NONE && magnetLevel[ch] != level) {
                plan.add(new Magnet(ch, level));
            }
            int centiKpa = Math.min(limitCentiKpa, Vacuum.setPoint(commands.targetKpa(ch)));
            if (setPoint[ch] != centiKpa) {
                plan.add(new SetPoint(ch, centiKpa));
            }
        }
        return plan;
    }

    /** The device acknowledged {@code command}: it holds it now. */
    void acknowledged(HostMessage command) {
        if (command instanceof Vent vent) {
            if (vent.channel() == Protocol.ALL_CHANNELS) {
                Arrays.fill(setPoint, VENTED);
            } else {
                setPoint[vent.channel()] = VENTED;
            }
        } else if (command instanceof SetPoint set) {
            setPoint[set.channel()] = set.vacuumCentiKpa();
        } else if (command instanceof Magnet magnet) {
            magnetLevel[magnet.channel()] = magnet.level();
        }
    }

    /**
     * The device vented a channel by itself (a set point it refused as out of range, a fault on the
     * channel): what it holds there is no longer what it acknowledged. Left unknown rather than taken
     * as vented, so that the next exchange tells it again whatever the engine says.
     */
    void vented(int channel) {
        if (channel >= 0 && channel < setPoint.length) {
            setPoint[channel] = UNKNOWN;
            awaitingVent[channel] = true;
        }
    }

    /** The device vented everything and switched every magnet off by itself (a device-wide fault). */
    void deviceVented() {
        Arrays.fill(setPoint, UNKNOWN);
        Arrays.fill(magnetLevel, 0);
        Arrays.fill(awaitingVent, true);
    }

    private boolean vents(CommandSet commands, int channel) {
        return commands.vent(channel) || awaitingVent[channel];
    }

    /** The engine's magnet level (0 to 1) as the wire's: full at 0.5 or more for an on/off magnet. */
    private int level(int channel, double engineLevel) {
        return switch (magnets.get(channel)) {
            case NONE -> 0;
            case ON_OFF -> engineLevel >= 0.5 ? Magnet.FULL : 0;
            case LEVEL -> Magnet.of(channel, engineLevel).level();
        };
    }
}
