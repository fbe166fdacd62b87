package io.upwell.devices.emulator.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.devices.emulator.internal.RequestCounters.Kind;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import org.junit.jupiter.api.Test;

/**
 * A fixed-seed slice of the fuzz campaign ({@link FuzzCampaign}; the million-input run is
 * {@link FuzzBenchmark}): no input makes the handler throw, every reply is well formed, and every frame
 * with a valid CRC for this unit draws exactly the answer the register map documents.
 */
class RequestFuzzTest {
    private static final long SEED = 20261124L;
    private static final int INPUTS = 60_000;

    @Test
    void randomAndMutatedFramesNeverBreakTheRules() {
        FuzzCampaign campaign = new FuzzCampaign(SEED);
        campaign.run(INPUTS);
        RequestCounters counters = campaign.counters();
        assertEquals(INPUTS, campaign.inputs());
        assertEquals(campaign.handled(), counters.total(), "every frame handled is counted once");
        // The slice reaches every outcome, so a rule that stopped firing would show here.
        for (Kind kind : new Kind[] {Kind.SERVED, Kind.EXCEPTION, Kind.BAD_CRC, Kind.BAD_LENGTH, Kind.OTHER_UNIT,
                Kind.BROADCAST_IGNORED}) {
            assertTrue(counters.get(kind) > 0, "no frame was " + kind + ": " + counters);
        }
        for (int code : new int[] {ExceptionCodes.ILLEGAL_FUNCTION, ExceptionCodes.ILLEGAL_DATA_ADDRESS,
                ExceptionCodes.ILLEGAL_DATA_VALUE, ExceptionCodes.SERVER_DEVICE_FAILURE}) {
            assertTrue(counters.exceptions(code) > 0, "no exception " + code + ": " + counters);
        }
        assertTrue(campaign.oracleChecked() > INPUTS / 4, "the oracle checked " + campaign.oracleChecked() + " replies");
    }

    @Test
    void theSameSeedGivesTheSameCampaign() {
        FuzzCampaign a = new FuzzCampaign(SEED);
        FuzzCampaign b = new FuzzCampaign(SEED);
        a.run(5_000);
        b.run(5_000);
        assertEquals(a.counters().toString(), b.counters().toString());
    }
}
