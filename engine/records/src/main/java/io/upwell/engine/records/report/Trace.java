package io.upwell.engine.records.report;

import io.upwell.api.preview.Preview;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A preview's samples as a table: one row per sample time, per cup its target (the command after
 * the envelope), what it measured and its phase. A cup missing at a time reads NaN with no phase.
 */
public final class Trace {

    private final double[] seconds;
    private final int[] cups;
    private final double[][] target;
    private final double[][] measured;
    private final String[][] phase;

    private Trace(double[] seconds, int[] cups, double[][] target, double[][] measured, String[][] phase) {
        this.seconds = seconds;
        this.cups = cups;
        this.target = target;
        this.measured = measured;
        this.phase = phase;
    }

    /** The samples grouped by time, in time order; cups in index order. */
    public static Trace of(List<Preview.Sample> samples) {
        TreeSet<Integer> cupSet = new TreeSet<>();
        TreeMap<Duration, List<Preview.Sample>> byTime = new TreeMap<>();
        for (Preview.Sample sample : samples) {
            cupSet.add(sample.cup());
            byTime.computeIfAbsent(sample.time(), t -> new ArrayList<>()).add(sample);
        }
        int[] cups = cupSet.stream().mapToInt(Integer::intValue).toArray();
        int rows = byTime.size();
        double[] seconds = new double[rows];
        double[][] target = new double[cups.length][rows];
        double[][] measured = new double[cups.length][rows];
        String[][] phase = new String[cups.length][rows];
        for (int c = 0; c < cups.length; c++) {
            Arrays.fill(target[c], Double.NaN);
            Arrays.fill(measured[c], Double.NaN);
            Arrays.fill(phase[c], "");
        }
        int row = 0;
        for (var entry : byTime.entrySet()) {
            seconds[row] = entry.getKey().toNanos() / 1e9;
            for (Preview.Sample sample : entry.getValue()) {
                int c = Arrays.binarySearch(cups, sample.cup());
                target[c][row] = sample.commandKpa();
                measured[c][row] = sample.measuredKpa();
                phase[c][row] = sample.phase() == null ? "" : sample.phase();
            }
            row++;
        }
        return new Trace(seconds, cups, target, measured, phase);
    }

    public int rows() {
        return seconds.length;
    }

    /** How many cups; {@link #cup} gives each one's index in the session. */
    public int cupCount() {
        return cups.length;
    }

    public int cup(int column) {
        return cups[column];
    }

    public double seconds(int row) {
        return seconds[row];
    }

    public double target(int column, int row) {
        return target[column][row];
    }

    public double measured(int column, int row) {
        return measured[column][row];
    }

    public String phase(int column, int row) {
        return phase[column][row];
    }
}
