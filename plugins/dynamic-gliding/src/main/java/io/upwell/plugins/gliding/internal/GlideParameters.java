package io.upwell.plugins.gliding.internal;

import io.upwell.api.technique.ParameterSpec;
import java.util.List;

/**
 * The parameters a therapist may set for dynamic gliding. No published source gives gliding
 * figures: its levels and timings are judgement, kept light (docs/techniques.md); the ramp-in
 * follows the practice guides' 3 to 10 s.
 */
final class GlideParameters {

    static final String GLIDE_KPA = "glideKpa";
    static final String GLIDE_MODE = "glideMode";
    static final String GLIDE_MINUTES = "glideMinutes";
    static final String RAMP_IN_SECONDS = "rampInSeconds";
    static final String RAMP_OUT_SECONDS = "rampOutSeconds";
    static final String SEAL_SEEK_KPA = "sealSeekKpa";
    static final String RESEAL_RISE = "resealRiseKpaPerSecond";

    static final String STEADY = "steady";
    static final String SLOW_PULSE = "slow-pulse";
    static final String FAST_PULSE = "fast-pulse";

    /** 10 to 25 kPa, default 15 kPa (judgement: lighter than static cupping's 40 kPa). */
    static final ParameterSpec.Number LEVEL = ParameterSpec.number(GLIDE_KPA, "kPa", 10, 25, 15).perCup()
            .withDescription("Vacuum while the cup glides, in kPa below ambient (15 kPa = 113 mmHg); each cup may"
                    + " have its own. Lighter than static cupping, so the cup slides over oiled skin.")
            .withSource("judgement: gliding uses lighter suction than static cupping (about 10 to 25 kPa)");

    /** Steady, or pulsing between the glide level and half of it every 2 s or every 1 s (judgement). */
    static final ParameterSpec.Choice MODE = ParameterSpec.choice(GLIDE_MODE,
            List.of(STEADY, SLOW_PULSE, FAST_PULSE), STEADY)
            .withDescription("steady: the glide level throughout, for slow strokes. slow-pulse: 1 s at the glide"
                    + " level, 1 s at half of it. fast-pulse: the same every 0.5 s, for quicker strokes.")
            .withSource("judgement");

    /** 1 to 12 min of gliding, default 5 (judgement; with the ramps, inside the engine's 15 min dwell limit). */
    static final ParameterSpec.Number MINUTES = ParameterSpec.number(GLIDE_MINUTES, "min", 1, 12, 5)
            .withDescription("How long the cups glide, in minutes, between the ramp in and the release.")
            .withSource("judgement; kept inside the engine's 15 min dwell limit (static dwell is usually 5 to 15 min)");

    /** 3 to 10 s, default 5 s: the practice guides raise suction over about 3 to 10 s. */
    static final ParameterSpec.Number RAMP_IN = ParameterSpec.number(RAMP_IN_SECONDS, "s", 3, 10, 5)
            .withDescription("Time to rise from ambient to the glide level at the start, in seconds.")
            .withSource("practice guides: start low and raise gradually, over about 3 to 10 s (judgement)");

    /** 0 to 10 s, default 3 s (release may be immediate, SR-03). */
    static final ParameterSpec.Number RAMP_OUT = ParameterSpec.number(RAMP_OUT_SECONDS, "s", 0, 10, 3)
            .withDescription("Time to fall back to ambient at the end, in seconds; 0 releases at once.")
            .withSource("release may be immediate (SR-03); a gentle release is more comfortable (judgement)");

    /** 2 to 6 kPa, default 4 kPa (judgement): at 150 % intensity still below the 12 kPa leak tolerance. */
    static final ParameterSpec.Number SEEK = ParameterSpec.number(SEAL_SEEK_KPA, "kPa", 2, 6, 4)
            .withDescription("When a cup loses its seal it drops to this low vacuum, in kPa, until it seals"
                    + " again, so it neither pulls hard on the skin as it re-seals nor raises a leak alarm.")
            .withSource("judgement: well below the glide level and the 12 kPa leak tolerance this technique"
                    + " declares");

    /** 1 to 5 kPa/s, default 2 kPa/s (judgement): gentler than the engine's 10 kPa/s ramp limit. */
    static final ParameterSpec.Number RISE = ParameterSpec.number(RESEAL_RISE, "kPa/s", 1, 5, 2)
            .withDescription("How fast vacuum climbs back to the glide level after the cup seals again, in kPa"
                    + " per second.")
            .withSource("judgement: gentler than the engine's default ramp limit of 10 kPa/s");

    static final List<ParameterSpec> ALL = List.of(LEVEL, MODE, MINUTES, RAMP_IN, RAMP_OUT, SEEK, RISE);

    private GlideParameters() {
    }
}
