package io.upwell.plugins.flash.internal;

import io.upwell.api.technique.ParameterSpec;
import java.util.List;

/**
 * The parameters a therapist may set for flash cupping. No published source gives flash-cupping
 * figures, so its level and timing are judgement, kept light and short (docs/techniques.md); the
 * level stays inside the dry-cupping range of Kim 2020.
 */
final class FlashParameters {

    static final String LEVEL_KPA = "flashKpa";
    static final String ON_SECONDS = "onSeconds";
    static final String OFF_SECONDS = "offSeconds";
    static final String FLASHES = "flashes";

    /** 8 to 30 kPa, default 15: the bottom of the dry-cupping range (Kim 2020) to a light top (judgement). */
    static final ParameterSpec.Number LEVEL = ParameterSpec.number(LEVEL_KPA, "kPa", 8, 30, 15).perCup()
            .withDescription("Vacuum of each flash, in kPa below ambient (15 kPa = 113 mmHg); each cup may have its"
                    + " own. The engine's rise limit (10 kPa/s by default) means a short flash may end before it"
                    + " reaches a high level.")
            .withSource("judgement, kept light: within the dry-cupping range of 8 to 80 kPa (Kim 2020)");

    /** 0.5 to 2 s of suction per flash, default 1.5 s (judgement: flash cycles of about 1 to 3 s). */
    static final ParameterSpec.Number ON = ParameterSpec.number(ON_SECONDS, "s", 0.5, 2, 1.5)
            .withDescription("How long each flash pulls, in seconds.")
            .withSource("judgement: flash cycles of about 1 to 3 s");

    /** 0.5 to 2 s released between flashes, default 1 s (judgement). */
    static final ParameterSpec.Number OFF = ParameterSpec.number(OFF_SECONDS, "s", 0.5, 2, 1)
            .withDescription("How long the cup is released to ambient after each flash, in seconds.")
            .withSource("judgement: flash cycles of about 1 to 3 s");

    /** 3 to 120 flashes, default 20 (judgement): at most 8 min, well inside the engine's dwell limit. */
    static final ParameterSpec.Number COUNT = ParameterSpec.number(FLASHES, "", 3, 120, 20)
            .withDescription("How many flashes, a whole number; the session lasts this many on-and-off cycles.")
            .withSource("judgement: at most 120 cycles of at most 4 s stay inside the 15 min dwell limit");

    static final List<ParameterSpec> ALL = List.of(LEVEL, ON, OFF, COUNT);

    private FlashParameters() {
    }
}
