package io.upwell.plugins.staticcupping.internal;

import io.upwell.api.technique.ParameterSpec;
import java.util.List;

/**
 * The parameters a therapist may set for static cupping. Ranges and defaults come from
 * docs/DOMAIN.md in this repository; each constant says which figure.
 */
final class StaticCuppingParameters {

    static final String TARGET_KPA = "targetKpa";
    static final String HOLD_SECONDS = "holdSeconds";
    static final String RAMP_IN_SECONDS = "rampInSeconds";
    static final String RAMP_OUT_SECONDS = "rampOutSeconds";

    /**
     * 8 to 60 kPa: dry-cupping studies used 60 to 600 mmHg (8 to 80 kPa, Kim 2020); the top is kept at
     * 60 kPa (450 mmHg), above fire cupping's measured 305 to 401 mmHg. The default, 40 kPa (300 mmHg),
     * gave the largest skin blood-flow response in Wang 2020.
     */
    static final ParameterSpec.Number TARGET = ParameterSpec.number(TARGET_KPA, "kPa", 8, 60, 40).perCup()
            .withDescription("Vacuum each cup holds, in kPa below ambient (40 kPa = 300 mmHg); each cup may have"
                    + " its own. A cup never gets more than its site's and device's limit.")
            .withSource("Kim 2020 (dry cupping 8 to 80 kPa); Wang 2020 (40 kPa for 5 min gave the largest"
                    + " blood-flow response)");

    /** 10 s to 15 min: static dwell is usually 5 to 15 min; 5 min (the default) gave the best response (Wang 2020). */
    static final ParameterSpec.Number HOLD = ParameterSpec.number(HOLD_SECONDS, "s", 10, 900, 300).perCup()
            .withDescription("How long each cup holds its target, in seconds; 5 to 15 minutes is usual, and"
                    + " blister risk grows with pressure and time. A hold longer than the cup's site allows"
                    + " (face and back of the neck 5 min under vacuum; chest, abdomen and arms 10 min; elsewhere"
                    + " 15 min, ramps included) is shortened to it.")
            .withSource("cupping practice guides (5 to 15 min); Wang 2020 (5 min)");

    /** 3 to 10 s: practice guides raise suction gradually over about 3 to 10 s. */
    static final ParameterSpec.Number RAMP_IN = ParameterSpec.number(RAMP_IN_SECONDS, "s", 3, 10, 5)
            .withDescription("Time to rise from ambient to the target, in seconds. The engine never lets vacuum"
                    + " rise faster than its ramp limit (default 10 kPa/s), so a steep ramp reaches its target"
                    + " later than this.")
            .withSource("practice guides: start low and raise gradually, over about 3 to 10 s (judgement)");

    /** 0 to 10 s: release may be immediate (docs/SAFETY.md, SR-03); a gentle release is more comfortable. */
    static final ParameterSpec.Number RAMP_OUT = ParameterSpec.number(RAMP_OUT_SECONDS, "s", 0, 10, 3)
            .withDescription("Time to fall from the target back to ambient at the end, in seconds; 0 releases at"
                    + " once.")
            .withSource("release may be immediate (SR-03); a gentle release is more comfortable (judgement)");

    static final List<ParameterSpec> ALL = List.of(TARGET, HOLD, RAMP_IN, RAMP_OUT);

    private StaticCuppingParameters() {
    }
}
