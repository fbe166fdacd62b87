package io.upwell.engine.records.report;

import io.upwell.api.preview.Preview;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Hand-made preview samples for the trace tests. */
final class Traces {

    private Traces() {
    }

    /**
     * Samples every {@code stepMillis}: per row, per cup a target, a measurement and a phase.
     *
     * @param rows rows of {@code {target0, measured0, target1, measured1, ...}}
     */
    static List<Preview.Sample> samples(long stepMillis, double[][] rows, String[][] phases) {
        List<Preview.Sample> samples = new ArrayList<>();
        for (int row = 0; row < rows.length; row++) {
            for (int cup = 0; cup < rows[row].length / 2; cup++) {
                samples.add(new Preview.Sample(Duration.ofMillis(row * stepMillis), cup, rows[row][2 * cup],
                        rows[row][2 * cup + 1], phases[row][cup]));
            }
        }
        return samples;
    }
}
