package io.upwell.engine.records.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.preview.Preview;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TraceCsvTest {

    private static String csv(List<Preview.Sample> samples) throws IOException {
        StringWriter out = new StringWriter();
        TraceCsv.write(Trace.of(samples), out);
        return out.toString();
    }

    @Test
    void theHeaderNamesTimeInSecondsThenEachCupsTargetMeasuredAndPhaseWithUnits() throws IOException {
        String text = csv(Traces.samples(100, new double[][] {{0, 0, 0, 0}}, new String[][] {{"idle", "idle"}}));

        assertEquals("time_s,cup0_target_kPa,cup0_measured_kPa,cup0_phase,cup1_target_kPa,cup1_measured_kPa,cup1_phase",
                text.lines().findFirst().orElseThrow());
    }

    @Test
    void oneRowPerSampleTimeInTimeOrderWithThreeDecimals() throws IOException {
        List<Preview.Sample> samples = new ArrayList<>(Traces.samples(250,
                new double[][] {{0, 0.1234}, {10, 9.87654}, {20, 19.5}},
                new String[][] {{"idle"}, {"ramp"}, {"hold"}}));
        Collections.reverse(samples); // the table is ordered by time, not by arrival

        List<String> lines = csv(samples).lines().toList();

        assertEquals(List.of("time_s,cup0_target_kPa,cup0_measured_kPa,cup0_phase",
                "0.000,0.000,0.123,idle",
                "0.250,10.000,9.877,ramp",
                "0.500,20.000,19.500,hold"), lines);
    }

    @Test
    void linesEndWithCrLfAsRfc4180Says() throws IOException {
        String text = csv(Traces.samples(100, new double[][] {{1, 1}}, new String[][] {{"hold"}}));

        assertEquals("time_s,cup0_target_kPa,cup0_measured_kPa,cup0_phase\r\n0.000,1.000,1.000,hold\r\n", text);
    }

    @Test
    void nothingMeasuredIsAnEmptyFieldNeverNaN() throws IOException {
        String text = csv(Traces.samples(100, new double[][] {{0, Double.NaN}, {5, 4}},
                new String[][] {{"idle"}, {"ramp"}}));

        assertEquals("0.000,0.000,,idle", text.lines().toList().get(1));
        assertEquals(false, text.contains("NaN"));
    }

    @Test
    void aCupMissingAtOneTimeLeavesItsFieldsEmpty() throws IOException {
        List<Preview.Sample> samples = List.of(
                new Preview.Sample(Duration.ZERO, 0, 1, 1, "hold"),
                new Preview.Sample(Duration.ZERO, 1, 2, 2, "hold"),
                new Preview.Sample(Duration.ofMillis(100), 0, 3, 3, "hold"));

        assertEquals("0.100,3.000,3.000,hold,,,", csv(samples).lines().toList().get(2));
    }

    @Test
    void numbersUseAPointWhateverTheMachinesLocale() throws IOException {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            assertEquals("0.000,12.500,0.000,hold", csv(Traces.samples(100, new double[][] {{12.5, -0.0001}},
                    new String[][] {{"hold"}})).lines().toList().get(1));
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aPhaseWithACommaOrQuoteIsQuoted() {
        assertEquals("hold", TraceCsv.text("hold"));
        assertEquals("\"a,b\"", TraceCsv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", TraceCsv.text("say \"hi\""));
    }
}
