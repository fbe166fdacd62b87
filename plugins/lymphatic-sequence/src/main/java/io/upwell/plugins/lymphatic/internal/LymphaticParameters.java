package io.upwell.plugins.lymphatic.internal;

import io.upwell.api.technique.ParameterSpec;
import java.util.List;

/**
 * The parameters a therapist may set for a lymphatic sequence. Pressures and pulse counts come from
 * a negative-pressure lymph device's reference pages (LymphaTouch), the pause between zones from
 * sequential compression (Kamm 1986; pump manuals); docs/DOMAIN.md lists both.
 */
final class LymphaticParameters {

    static final String PULSE_KPA = "pulseKpa";
    static final String PULSES_PER_ZONE = "pulsesPerZone";
    static final String PULSE_ON_SECONDS = "pulseOnSeconds";
    static final String PULSE_OFF_SECONDS = "pulseOffSeconds";
    static final String ZONE_GAP_SECONDS = "zoneGapSeconds";
    static final String WAVES = "waves";

    /**
     * 2.7 to 20 kPa (20 to 150 mmHg, the lymph device's oedema range); default 6.7 kPa (50 mmHg), the
     * bottom of its pulse mode: lymph work wants low vacuum.
     */
    static final ParameterSpec.Number PULSE = ParameterSpec.number(PULSE_KPA, "kPa", 2.7, 20, 6.7).perCup()
            .withDescription("Vacuum of each pulse, in kPa below ambient (6.7 kPa = 50 mmHg); each cup may have"
                    + " its own. Keep it low: lymph vessels lie just under the skin.")
            .withSource("LymphaTouch reference pages: oedema 20 to 150 mmHg, pulse mode 50 to 150 mmHg");

    /** 3 to 10 pulses on one zone before moving on (LymphaTouch); default 5 (judgement). */
    static final ParameterSpec.Number COUNT = ParameterSpec.number(PULSES_PER_ZONE, "", 3, 10, 5)
            .withDescription("How many pulses each zone gets before the next zone starts, a whole number.")
            .withSource("LymphaTouch reference pages: 3 to 10 pulses per zone, then move on");

    /** 1 to 5 s, default 2 s (judgement): long enough for the 5 kPa/s rise to reach the default level. */
    static final ParameterSpec.Number ON = ParameterSpec.number(PULSE_ON_SECONDS, "s", 1, 5, 2)
            .withDescription("How long each pulse pulls, in seconds. Vacuum rises at no more than 5 kPa/s in"
                    + " this technique, so the default 6.7 kPa is reached after 1.3 s.")
            .withSource("judgement");

    /** 0.5 to 5 s released between pulses, default 1 s (judgement). */
    static final ParameterSpec.Number OFF = ParameterSpec.number(PULSE_OFF_SECONDS, "s", 0.5, 5, 1)
            .withDescription("How long the cup is released to ambient after each pulse, in seconds.")
            .withSource("judgement");

    /** 0 to 0.5 s between zones, default 0.5 s (sequential compression: 0 to 0.5 s between chambers). */
    static final ParameterSpec.Number GAP = ParameterSpec.number(ZONE_GAP_SECONDS, "s", 0, 0.5, 0.5)
            .withDescription("Pause between one zone's last pulse and the next zone's first, in seconds.")
            .withSource("sequential compression: 0 to 0.5 s between chambers (Kamm 1986; pump manuals)");

    /**
     * 1 to 10 waves after the clearing pass, default 3 (judgement): with four zones at the defaults a
     * wave takes 62 s, close to the 75 s to 5 min a sequential compression cycle takes (Kamm 1986).
     */
    static final ParameterSpec.Number WAVE_COUNT = ParameterSpec.number(WAVES, "", 1, 10, 3)
            .withDescription("How many distal-to-proximal waves follow the proximal-first clearing pass, a whole"
                    + " number.")
            .withSource("judgement; a sequential compression cycle takes 75 s to 5 min (Kamm 1986; pump manuals)");

    static final String FOLLOW_THERAPIST = "followTherapist";

    /**
     * Off by default. On, the waves follow the therapist's hands: a cue on a cup starts a wave at that
     * cup's zone, running towards the trunk, then the full waves again (judgement: manual lymph
     * drainage works the limb from where the hands are towards the trunk).
     */
    static final ParameterSpec.Toggle FOLLOW = ParameterSpec.toggle(FOLLOW_THERAPIST, false)
            .withDescription("When on, a cue ('cue <cup>' in the shell) starts a wave under your hands, from that"
                    + " cup's zone towards the trunk, after the current zone's turn (within one turn; a cue during"
                    + " the clearing pass waits for it to finish); then the set number of full waves follows.")
            .withSource("judgement: manual lymph drainage works from where the hands are towards the trunk");

    static final List<ParameterSpec> ALL = List.of(PULSE, COUNT, ON, OFF, GAP, WAVE_COUNT, FOLLOW);

    private LymphaticParameters() {
    }
}
