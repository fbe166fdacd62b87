package io.upwell.devices.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting, refusing to start, and coming back when the line does. */
class EmulatorStartTest {
    @TempDir
    Path dir;

    @Test
    void aMissingPortIsRefusedNamingThePath() {
        String missing = dir.resolve("no-such-tty").toString();
        IOException e = assertThrows(IOException.class, () -> IntervalVacuumEmulator.start(EmulatorOptions.onPort(missing)));
        assertTrue(e.getMessage().contains(missing), e.getMessage());
    }

    @Test
    void badOptionsAreRefusedNamingTheSettingAndTheValue() {
        String port = dir.resolve("tty").toString();
        assertEquals("unit id must be 1 to 247, got 248", assertThrows(IllegalArgumentException.class,
                () -> IntervalVacuumEmulator.start(EmulatorOptions.onPort(port).withUnitId(248))).getMessage());
        assertEquals("channels must be 1 to 16, got 17", assertThrows(IllegalArgumentException.class,
                () -> IntervalVacuumEmulator.start(EmulatorOptions.onPort(port).withChannels(17))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> IntervalVacuumEmulator.start(EmulatorOptions.onPort(port).withSerialNumber("TOO-LONG-1")))
                .getMessage().contains("serial number"));
    }

    @Test
    void aMagneticCupArrayRefusesOptionsItCannotDeclareNamingThem() {
        String port = dir.resolve("tty").toString();
        assertEquals("magnets must name one kind for every channel or one per channel (4), got 2: [LEVEL, NONE]",
                assertThrows(IllegalArgumentException.class, () -> MagneticCupsEmulator.start(EmulatorOptions
                        .magneticCupsOnPort(port).withMagnets(java.util.List.of(io.upwell.api.device.MagnetSupport.LEVEL,
                                io.upwell.api.device.MagnetSupport.NONE)))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> MagneticCupsEmulator.start(EmulatorOptions
                .magneticCupsOnPort(port).withSerialNumber(" "))).getMessage().startsWith("serial number must be 1 to 32 bytes"));
        assertEquals("channels must be 1 to 16, got 0", assertThrows(IllegalArgumentException.class,
                () -> EmulatorModel.of("magnetic-cups").start(EmulatorModel.MAGNETIC_CUPS.defaults(port).withChannels(0)))
                .getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> MagneticCupsEmulator.start(EmulatorOptions.magneticCupsOnPort(port)));
        assertTrue(missing.getMessage().contains(port), missing.getMessage());
    }

    @Test
    void aModelIsFoundByItsCommandLineName() {
        assertEquals(EmulatorModel.MAGNETIC_CUPS, EmulatorModel.of("magnetic-cups"));
        assertEquals(EmulatorModel.INTERVAL_VACUUM, EmulatorModel.of(" Interval-Vacuum "));
        assertEquals(java.util.Collections.nCopies(4, io.upwell.api.device.MagnetSupport.LEVEL),
                EmulatorModel.MAGNETIC_CUPS.defaults("/x").magnets(), "four cups with level magnets by default");
        assertEquals("unknown model 'cups'; expected interval-vacuum or magnetic-cups",
                assertThrows(IllegalArgumentException.class, () -> EmulatorModel.of("cups")).getMessage());
    }

    /**
     * The pty pair goes away and is made again under the same names (socat restarted): the emulator
     * looks the path up afresh and serves the new pty, where a handle resolved once would still point
     * at the old one.
     */
    @Test
    void theEmulatorReopensItsPortWhenTheLineComesBack() throws Exception {
        try (PseudoTerminalPair pty = PseudoTerminalPair.start(dir);
                IntervalVacuumEmulator device = IntervalVacuumEmulator.start(EmulatorOptions.onPort(pty.deviceEnd().toString()))) {
            try (HostMaster host = new HostMaster(pty.hostEnd().toString(), 1)) {
                assertEquals(InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM, host.readInput(InputRegisters.DEVICE_TYPE));
            }
            pty.unplug(); // returns once socat has ended and its links are gone
            pty.replug();
            try (HostMaster host = new HostMaster(pty.hostEnd().toString(), 1)) {
                Await.until("an answer on the new pty", Duration.ofSeconds(15),
                        () -> host.readInput(InputRegisters.DEVICE_TYPE) == InputRegisters.DEVICE_TYPE_INTERVAL_VACUUM);
            }
        }
    }
}
