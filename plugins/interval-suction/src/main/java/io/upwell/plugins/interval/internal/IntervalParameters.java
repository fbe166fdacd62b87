package io.upwell.plugins.interval.internal;

import io.upwell.api.technique.ParameterSpec;
import java.util.List;

/**
 * The parameters a therapist may set for interval suction. Ranges come from interval vacuum
 * therapy (German Wikipedia, "Intermittierende Vakuumtherapie"), defaults from intermittent
 * negative pressure on the leg (Sundby 2017); docs/DOMAIN.md lists both.
 */
final class IntervalParameters {

    static final String SUCTION_KPA = "suctionKpa";
    static final String ON_SECONDS = "onSeconds";
    static final String OFF_SECONDS = "offSeconds";
    static final String CYCLES = "cycles";
    static final String MODE = "mode";
    static final String SHIFT_SECONDS = "shiftSeconds";

    static final String TOGETHER = "together";
    static final String SHIFTED = "shifted";

    /** 2 to 7 kPa (interval vacuum therapy: 20 to 70 mbar); default 5.3 kPa (Sundby 2017: 40 mmHg). */
    static final ParameterSpec.Number SUCTION = ParameterSpec.number(SUCTION_KPA, "kPa", 2, 7, 5.3).perCup()
            .withDescription("Vacuum of each suction phase, in kPa below ambient (5.3 kPa = 40 mmHg = 53 mbar);"
                    + " each cup may have its own.")
            .withSource("interval vacuum therapy 2 to 7 kPa (Wikipedia, Intermittierende Vakuumtherapie);"
                    + " default 40 mmHg (Sundby 2017, PLoS ONE, doi 10.1371/journal.pone.0179001)");

    /** 5 to 12 s of suction (interval vacuum therapy); default 10 s (Sundby 2017). */
    static final ParameterSpec.Number ON = ParameterSpec.number(ON_SECONDS, "s", 5, 12, 10)
            .withDescription("How long each suction phase lasts, in seconds.")
            .withSource("interval vacuum therapy 5 to 12 s (Wikipedia, Intermittierende Vakuumtherapie);"
                    + " default 10 s (Sundby 2017)");

    /** 5 to 10 s at atmosphere (interval vacuum therapy); default 7 s (Sundby 2017). */
    static final ParameterSpec.Number OFF = ParameterSpec.number(OFF_SECONDS, "s", 5, 10, 7)
            .withDescription("How long each atmospheric phase (cup released to ambient) lasts, in seconds.")
            .withSource("interval vacuum therapy 5 to 10 s (Wikipedia, Intermittierende Vakuumtherapie);"
                    + " default 7 s (Sundby 2017)");

    /**
     * 1 to 180 cycles; default 35, Sundby 2017's 10 min at 17 s a cycle (9 min 55 s). 180 cycles of the
     * shortest cycle (10 s) make interval vacuum therapy's longest session, 30 min.
     */
    static final ParameterSpec.Number CYCLE_COUNT = ParameterSpec.number(CYCLES, "", 1, 180, 35)
            .withDescription("How many suction-and-release cycles, a whole number (35 cycles of 10 s + 7 s are"
                    + " about 10 min).")
            .withSource("Sundby 2017 (10 min); interval vacuum therapy sessions of 20 to 30 min (Wikipedia)");

    /** Together, or adjacent cups shifted in time (judgement: tension between neighbouring cups, DOMAIN.md). */
    static final ParameterSpec.Choice MODE_CHOICE = ParameterSpec.choice(MODE, List.of(TOGETHER, SHIFTED), TOGETHER)
            .withDescription("together: every cup pulls and releases at the same time. shifted: cups in a chain"
                    + " (zones) alternate, each odd zone starting shiftSeconds after the even ones, so the tissue"
                    + " between neighbouring cups is gently stretched sideways; shifted cups need separate pumps.")
            .withSource("judgement: neighbouring cups that stretch the tissue between them (docs/DOMAIN.md)");

    /**
     * 1 to 8 s, default 3 s: blood flow peaks 2 to 3 s after suction starts (Sundby 2017), so by default
     * a neighbour starts pulling when the first cup's flow peaks. Shorter than the shortest cycle (10 s).
     */
    static final ParameterSpec.Number SHIFT = ParameterSpec.number(SHIFT_SECONDS, "s", 1, 8, 3)
            .withDescription("In shifted mode, how much later the odd zones start than the even ones, in seconds;"
                    + " ignored when the cups run together.")
            .withSource("Sundby 2017: blood flow peaks 2 to 3 s after onset; the span is judgement");

    static final List<ParameterSpec> ALL = List.of(SUCTION, ON, OFF, CYCLE_COUNT, MODE_CHOICE, SHIFT);

    private IntervalParameters() {
    }
}
