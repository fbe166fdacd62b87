package io.upwell.devices.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.MagnetSupport;
import io.upwell.engine.testkit.ManualClock;
import io.upwell.engine.testkit.RecordingLink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public way to make a simulated device outside the framework. */
class SimulatorsTest {

    @Test
    void theDefaultsAreTheSimulatorsConfigurationDefaults() {
        DeviceDescriptor descriptor = Simulators.create().descriptor();

        assertEquals("sim-1", descriptor.id());
        assertEquals(4, descriptor.channelCount());
        assertEquals(70, descriptor.maxVacuumKpa());
        assertEquals(Duration.ofMillis(200), descriptor.quietTime());
        assertTrue(descriptor.simulated());
        for (ChannelDescriptor channel : descriptor.channels()) {
            assertEquals(60, channel.maxVacuumKpa());
            assertEquals(MagnetSupport.NONE, channel.magnet());
        }
    }

    @Test
    void everyOptionReachesTheDevice() {
        SimulatedDevice device = Simulators.create(SimulatorOptions.defaults().withId("bench-3").withChannels(2)
                .withChannelMaxVacuumKpa(80).withDeviceMaxVacuumKpa(80).withQuietTime(Duration.ofMillis(300))
                .withSeed(7).withMagnet(MagnetSupport.LEVEL));
        DeviceDescriptor descriptor = device.descriptor();

        assertEquals("bench-3", descriptor.id());
        assertEquals("bench-3", device.deviceId());
        assertEquals(2, descriptor.channelCount());
        assertEquals(80, descriptor.maxVacuumKpa());
        assertEquals(80, descriptor.channels().get(1).maxVacuumKpa());
        assertEquals(Duration.ofMillis(300), descriptor.quietTime());
        assertEquals(MagnetSupport.LEVEL, descriptor.channels().get(1).magnet());
    }

    @Test
    void theSeedMakesTheSensorNoiseReproducible() {
        assertEquals(firstSamples(1), firstSamples(1));
        assertNotEquals(firstSamples(1), firstSamples(2), "a different seed gives different noise");
    }

    private static List<RecordingLink.Sample> firstSamples(long seed) {
        ManualClock clock = new ManualClock();
        RecordingLink link = new RecordingLink(clock, 4);
        SimulatedDevice device = Simulators.create(SimulatorOptions.defaults().withSeed(seed));
        link.startEngineTicks();
        device.connect(link);
        clock.advance(Duration.ofMillis(50));
        device.disconnect();
        return link.samples();
    }

    @Test
    void eachCallMakesANewDeviceAndOptionsAreNotChangedByAWither() {
        SimulatorOptions defaults = SimulatorOptions.defaults();
        defaults.withChannels(2);
        assertEquals(4, Simulators.create(defaults).descriptor().channelCount());
        assertNotSame(Simulators.create(), Simulators.create());
    }

    @Test
    void aBadValueIsRefusedNamingTheSettingAndTheValue() {
        assertEquals("channels must be between 1 and 16 channels, got 0", refusal(SimulatorOptions.defaults().withChannels(0)));
        assertEquals("id must be a non-blank name without whitespace, got 'sim 2'",
                refusal(SimulatorOptions.defaults().withId("sim 2")));
        assertEquals("deviceMaxVacuumKpa must be above 0 and at most 80.0 kPa, got 81.0",
                refusal(SimulatorOptions.defaults().withDeviceMaxVacuumKpa(81)));
        assertEquals("channelMaxVacuumKpa (65.0) must not exceed deviceMaxVacuumKpa (60.0)",
                refusal(SimulatorOptions.defaults().withChannelMaxVacuumKpa(65).withDeviceMaxVacuumKpa(60)));
        assertEquals("quietTimeMillis must be between 50 and 1000 ms, got 20",
                refusal(SimulatorOptions.defaults().withQuietTime(Duration.ofMillis(20))));
        NullPointerException noMagnet = assertThrows(NullPointerException.class,
                () -> SimulatorOptions.defaults().withMagnet(null));
        assertEquals("magnet", noMagnet.getMessage());
    }

    /** A seal lost from 2 s to 4 s after connection: the cup drops well below its command, then recovers. */
    @Test
    void aScriptedLeakComesAndGoesAtItsTimesOnItsChannelOnly() {
        ManualClock clock = new ManualClock();
        RecordingLink link = new RecordingLink(clock, 2);
        SimulatedDevice device = Simulators.create(SimulatorOptions.defaults().withChannels(2).withScriptedFault(
                new ScriptedFault(Fault.LEAK, 1, Duration.ofSeconds(2), Duration.ofSeconds(4))));
        link.startEngineTicks();
        device.connect(link);
        link.commandHold(0, 30);
        link.commandHold(1, 30);

        clock.advance(Duration.ofMillis(1900));
        assertEquals(30, link.lastSample(1), 2, "sealed before the script");
        clock.advance(Duration.ofMillis(2000));
        // The simulator's leak lets the pump hold only about two thirds of the command: far beyond a leak threshold.
        assertTrue(link.lastSample(1) < 24, "the seal is lost by 3.9 s: " + link.lastSample(1));
        assertEquals(30, link.lastSample(0), 2, "the other cup holds");
        clock.advance(Duration.ofMillis(2100));
        assertEquals(30, link.lastSample(1), 2, "re-sealed after 4 s: " + link.lastSample(1));
        device.disconnect();
    }

    /** A cup off the skin holds nothing while it is off, and seals again when it is back on. */
    @Test
    void aCupOffTheSkinHoldsNothingUntilItIsBack() {
        ManualClock clock = new ManualClock();
        RecordingLink link = new RecordingLink(clock, 1);
        SimulatedDevice device = Simulators.create(SimulatorOptions.defaults().withChannels(1).withScriptedFault(
                new ScriptedFault(Fault.SEAL_LOST, 0, Duration.ofSeconds(2), Duration.ofSeconds(4))));
        link.startEngineTicks();
        device.connect(link);
        link.commandHold(0, 15);

        clock.advance(Duration.ofMillis(1900));
        assertEquals(15, link.lastSample(0), 1.5, "sealed before");
        clock.advance(Duration.ofMillis(1000));
        assertEquals(0, link.lastSample(0), 0.5, "off the skin at 2.9 s");
        clock.advance(Duration.ofMillis(3000));
        assertEquals(15, link.lastSample(0), 1.5, "back on and sealed at 5.9 s");
        device.disconnect();
    }

    @Test
    void aScriptedFaultOnAChannelTheDeviceLacksOrWithItsTimesBackwardsIsRefused() {
        assertEquals("scripted LEAK: channel 4 is not one of the device's channels 0..3", refusal(SimulatorOptions
                .defaults().withScriptedFault(new ScriptedFault(Fault.LEAK, 4, Duration.ZERO, Duration.ofSeconds(1)))));
        IllegalArgumentException backwards = assertThrows(IllegalArgumentException.class,
                () -> new ScriptedFault(Fault.LEAK, 0, Duration.ofSeconds(3), Duration.ofSeconds(2)));
        assertEquals("scripted LEAK: until (PT2S) must be after from (PT3S)", backwards.getMessage());
    }

    private static String refusal(SimulatorOptions options) {
        return assertThrows(IllegalArgumentException.class, () -> Simulators.create(options)).getMessage();
    }
}
