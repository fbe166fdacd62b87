package io.upwell.devices.magneticcups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.protocol.HostMessage;
import io.upwell.devices.protocol.Magnet;
import io.upwell.devices.protocol.SetPoint;
import io.upwell.devices.protocol.Vent;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which commands an exchange sends: only what changes what the device holds, as its ACKs told. */
class HeldCommandsTest {
    private final HeldCommands held = new HeldCommands(List.of(MagnetSupport.LEVEL, MagnetSupport.ON_OFF,
            MagnetSupport.NONE), 60);
    private final CommandSet commands = new CommandSet(3);

    private List<HostMessage> planAndAcknowledge() {
        List<HostMessage> plan = held.plan(commands);
        plan.forEach(held::acknowledged);
        return plan;
    }

    @Test
    void afterTheHandshakeTheFirstCommandIsOneVentForEveryChannelThenNothingUntilAChange() {
        held.greeted();
        commands.ventAll();
        assertEquals(List.of(Vent.all()), planAndAcknowledge());
        assertEquals(List.of(), planAndAcknowledge());
    }

    @Test
    void aPullSendsTheMagnetThenTheSetPointHeldToTheMaximum() {
        held.greeted();
        commands.ventAll();
        planAndAcknowledge();
        commands.set(0, 120, false, 0.6);
        commands.set(1, 20, false, 0.4);
        commands.set(2, 20, false, 1.0);
        assertEquals(List.of(new Magnet(0, 153), new SetPoint(0, 6000), new SetPoint(1, 2000), new SetPoint(2, 2000)),
                planAndAcknowledge(), "an on/off magnet below 0.5 stays off; a plain cup is never sent MAGNET");
        commands.set(1, 20, false, 0.5);
        assertEquals(List.of(new Magnet(1, 255)), planAndAcknowledge());
    }

    @Test
    void aRefusedCommandIsSentAgainAndAVentTurnsTheMagnetOff() {
        held.greeted();
        commands.ventAll();
        planAndAcknowledge();
        commands.set(0, 20, false, 1.0);
        List<HostMessage> refused = held.plan(commands);
        assertEquals(refused, held.plan(commands), "nothing acknowledged: the same commands again");
        refused.forEach(held::acknowledged);
        commands.set(0, 0, true, 0);
        assertEquals(List.of(new Vent(0), new Magnet(0, 0)), planAndAcknowledge());
    }

    @Test
    void whatTheDeviceVentedByItselfStaysVentedUntilTheEngineHasVentedIt() {
        held.greeted();
        commands.ventAll();
        planAndAcknowledge();
        commands.set(0, 20, false, 0);
        planAndAcknowledge();

        held.vented(0);
        assertEquals(List.of(new Vent(0)), planAndAcknowledge(), "the engine's set point from before pulls nothing");
        assertEquals(List.of(), planAndAcknowledge());
        commands.set(0, 0, true, 0);
        assertEquals(List.of(), planAndAcknowledge(), "the engine vents: nothing to tell the device");
        commands.set(0, 20, false, 0);
        assertEquals(List.of(new SetPoint(0, 2000)), planAndAcknowledge(), "a set point after that pulls again");

        held.deviceVented();
        commands.set(1, 20, false, 0);
        assertEquals(List.of(Vent.all()), planAndAcknowledge(), "every channel held vented: one VENT for all");
    }
}
