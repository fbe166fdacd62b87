package io.upwell.devices.magneticcups.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.devices.protocol.Fault;
import io.upwell.devices.protocol.FaultCode;
import io.upwell.devices.protocol.FrameEncoder;
import io.upwell.devices.protocol.Protocol;
import io.upwell.engine.testkit.RecordingLink;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which of the device's fault reports reach the engine before the device has answered this line's
 * HELLO. The frames are handed to the driver's decoder directly: the driver's line (on /dev/null,
 * which is no terminal) never opens, so no handshake can happen.
 */
class FaultsBeforeHandshakeTest {
    private final SystemClock clock = new SystemClock();
    private final MagneticCupsDriver driver = new MagneticCupsDriver(new MagneticCupsSettings("/dev/null",
            MagneticCupsSettings.DEFAULT_BAUD, "mc-1", "", EmulatedCups.MAGNETS, 60, Duration.ofMillis(200)));
    private final RecordingLink link = new RecordingLink(clock, EmulatedCups.MAGNETS.size());

    @AfterEach
    void stop() {
        try {
            driver.disconnect();
        } finally {
            clock.close();
        }
    }

    private void hear(Fault fault) {
        byte[] frame = FrameEncoder.encode(7, fault);
        driver.decode(frame, frame.length);
    }

    @Test
    void aWatchdogVentReportedBeforeTheHandshakeConcernsAHostThatWasNotThere() throws Exception {
        driver.connect(link);
        hear(Fault.of(FaultCode.WATCHDOG_VENT, Protocol.ALL_CHANNELS, 251));
        assertEquals(List.of(), link.emergencyStops());
    }

    @Test
    void anyOtherFaultBeforeTheHandshakeStillStopsTheEngine() throws Exception {
        driver.connect(link);
        hear(Fault.of(FaultCode.OVER_PRESSURE, 1, 0));
        assertEquals(List.of("mc-1 fault OVER_PRESSURE on cup 1 (detail 0)"), link.emergencyStops());
    }
}
