package io.upwell.engine.core.internal;

import io.upwell.api.session.SessionException;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.core.internal.program.CompiledTimeline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refuses, at planning, a program that asks channels sharing one pump for what that pump cannot do
 * at once. A shared pump (an interval vacuum system: one pump, a valve per channel) holds one vacuum
 * at a time: every channel of the group that pulls at a moment must pull to the same level; a
 * channel that vents does not count. The program is read as the envelope will limit it (each cup's
 * level capped at its own limit), at every control tick of its length.
 * <p>
 * A revision an adaptive technique hands over later is not checked here (it would need the whole
 * session's future at once): a driver for a shared pump holds the group at the lowest level asked of
 * it, the safe side, and says so.
 */
final class SharedPumps {

    /** How far two levels may differ and still be one level (about 4 mmHg): well inside a pump's regulation. */
    static final double TOLERANCE_KPA = 0.5;

    private SharedPumps() {
    }

    /**
     * @param pumpGroups by cup, which pump the cup's channel hangs on (one number per device and group)
     * @param limits     by cup, the cup's effective limit in kPa
     * @param names      by cup, how the message names it, for example {@code "cup 0 (iv-1 channel 2)"}
     * @param stepNanos  the control period
     */
    static void check(Program program, int[] pumpGroups, double[] limits, String[] names, long stepNanos)
            throws SessionException {
        Map<Integer, List<Integer>> groups = new LinkedHashMap<>();
        for (int c = 0; c < pumpGroups.length; c++) {
            groups.computeIfAbsent(pumpGroups[c], g -> new ArrayList<>()).add(c);
        }
        groups.values().removeIf(cups -> cups.size() < 2);
        if (groups.isEmpty()) {
            return;
        }
        CompiledTimeline[] timelines = new CompiledTimeline[pumpGroups.length];
        long length = 0;
        for (Timeline timeline : program.timelines()) {
            // Compiled afresh: evaluating moves a timeline's cursor, and the session's own must start at 0.
            timelines[timeline.cup()] = CompiledTimeline.compile(timeline);
            length = Math.max(length, timelines[timeline.cup()].totalNanos());
        }
        for (List<Integer> cups : groups.values()) {
            check(cups, timelines, limits, names, length, stepNanos);
        }
    }

    private static void check(List<Integer> cups, CompiledTimeline[] timelines, double[] limits, String[] names,
            long length, long stepNanos) throws SessionException {
        for (long t = 0; t <= length; t += stepNanos) {
            int low = -1;
            int high = -1;
            double lowKpa = Double.POSITIVE_INFINITY;
            double highKpa = Double.NEGATIVE_INFINITY;
            for (int c : cups) {
                if (timelines[c] == null) {
                    continue;
                }
                double kpa = Math.min(timelines[c].levelAt(t), limits[c]);
                if (!(kpa > 0)) {
                    continue; // venting: its valve is shut to the pump
                }
                if (kpa < lowKpa) {
                    lowKpa = kpa;
                    low = c;
                }
                if (kpa > highKpa) {
                    highKpa = kpa;
                    high = c;
                }
            }
            if (low >= 0 && highKpa - lowKpa > TOLERANCE_KPA) {
                throw new SessionException(names[low] + " and " + names[high] + " share one pump, which holds one"
                        + " vacuum at a time, but at " + String.format(Locale.ROOT, "%.2f", t / 1e9) + " s the program"
                        + " asks " + String.format(Locale.ROOT, "%.1f and %.1f kPa", lowKpa, highKpa) + " of them;"
                        + " run them at one level, or put the cups on channels with pumps of their own");
            }
        }
    }
}
