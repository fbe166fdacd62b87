package io.upwell.engine.core.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.history.PastTreatment;
import io.upwell.engine.core.internal.history.OverTreatmentRules.PlannedSite;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** SR-15's two rules on fixed times: the minimum interval per site and the daily exposure per site. */
@Tag("SR-15")
class OverTreatmentRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");
    private static final BodySite LEFT = new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "");
    private static final BodySite RIGHT = new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, "");
    private static final OverTreatmentRules RULES = new OverTreatmentRules(Duration.ofHours(72), Duration.ofMinutes(30));

    private static PastTreatment treated(String id, BodySite site, Duration endedAgo, Duration exposure) {
        Instant ended = NOW.minus(endedAgo);
        return new PastTreatment(id, "iv-1", site, ended.minus(exposure), ended, exposure);
    }

    private static List<PlannedSite> planned(BodySite site, Duration length) {
        return List.of(new PlannedSite(0, "iv-1", site, length));
    }

    @Test
    void withinTheIntervalTheLatestSessionIsNamedWithWhenTheSiteMayBeTreatedAgain() {
        List<String> warnings = RULES.warnings("c-1", planned(LEFT, Duration.ofMinutes(10)),
                List.of(treated("s-old", LEFT, Duration.ofHours(60), Duration.ofMinutes(10)),
                        treated("s-new", LEFT, Duration.ofHours(30), Duration.ofMinutes(10))), NOW);

        assertEquals(List.of("cup 0 at upper-back/left: client c-1 had session s-new on device iv-1 on this site, ended"
                + " 2026-11-23T06:00:00Z (30 h ago); the minimum interval is 72 h, so the site may be treated again"
                + " from 2026-11-26T06:00:00Z"), warnings);
    }

    @Test
    void exactlyTheIntervalAfterTheEndIsAllowed() {
        assertEquals(List.of(), RULES.warnings("c-1", planned(LEFT, Duration.ofMinutes(10)),
                List.of(treated("s-1", LEFT, Duration.ofHours(72), Duration.ofMinutes(10))), NOW));
        assertEquals(1, RULES.warnings("c-1", planned(LEFT, Duration.ofMinutes(10)),
                List.of(treated("s-1", LEFT, Duration.ofHours(72).minusSeconds(1), Duration.ofMinutes(10))), NOW)
                .size());
    }

    @Test
    void anotherSideIsAnotherSiteAndTheLabelDoesNotMatter() {
        assertEquals(List.of(), RULES.warnings("c-1", planned(RIGHT, Duration.ofMinutes(10)),
                List.of(treated("s-1", LEFT, Duration.ofHours(1), Duration.ofMinutes(10))), NOW));
        BodySite labelled = new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "below the scapula");
        assertEquals(1, RULES.warnings("c-1", planned(labelled, Duration.ofMinutes(10)),
                List.of(treated("s-1", LEFT, Duration.ofHours(1), Duration.ofMinutes(10))), NOW).size());
    }

    @Test
    void aZeroIntervalTurnsTheIntervalCheckOff() {
        OverTreatmentRules noInterval = new OverTreatmentRules(Duration.ZERO, Duration.ofMinutes(30));

        assertEquals(List.of(), noInterval.warnings("c-1", planned(LEFT, Duration.ofMinutes(10)),
                List.of(treated("s-1", LEFT, Duration.ofMinutes(5), Duration.ofMinutes(10))), NOW));
    }

    @Test
    void theDailyExposureCountsTheLast24HoursAndSaysWhenTheSessionFitsAgain() {
        OverTreatmentRules noInterval = new OverTreatmentRules(Duration.ZERO, Duration.ofMinutes(30));
        List<PastTreatment> today = List.of(
                treated("s-a", LEFT, Duration.ofHours(20), Duration.ofMinutes(12)),
                treated("s-b", LEFT, Duration.ofHours(2), Duration.ofMinutes(12)),
                treated("s-yesterday", LEFT, Duration.ofHours(25), Duration.ofMinutes(25)));

        List<String> warnings = noInterval.warnings("c-1", planned(LEFT, Duration.ofMinutes(10)), today, NOW);

        // 24 min today + 10 planned > 30; once s-a (ended 20 h ago) leaves the window 12 + 10 fits
        assertEquals(List.of("cup 0 at upper-back/left: client c-1 had 24.0 min on this site in the last 24 h"
                + " (sessions [s-a, s-b]); with the 10.0 min planned that is more than the daily exposure of 30.0 min;"
                + " a session this long fits again from 2026-11-24T16:00:00Z"), warnings);
        assertEquals(List.of(), noInterval.warnings("c-1", planned(LEFT, Duration.ofMinutes(6)), today, NOW),
                "24 + 6 is the limit, not beyond it");
    }

    @Test
    void aSessionLongerThanTheDailyExposureIsNamedAsSuch() {
        List<String> warnings = RULES.warnings("c-1", planned(LEFT, Duration.ofMinutes(31)), List.of(), NOW);

        assertEquals(List.of("cup 0 at upper-back/left: the 31.0 min planned are more than the daily exposure of"
                + " 30.0 min on one site"), warnings);
    }

    @Test
    void cupsOnOneSiteAreJudgedOnceByTheLongest() {
        List<PlannedSite> two = List.of(new PlannedSite(0, "iv-1", LEFT, Duration.ofMinutes(5)),
                new PlannedSite(1, "iv-1", new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "lower"), Duration.ofMinutes(25)));

        List<String> warnings = new OverTreatmentRules(Duration.ZERO, Duration.ofMinutes(30)).warnings("c-1", two,
                List.of(treated("s-1", LEFT, Duration.ofHours(1), Duration.ofMinutes(10))), NOW);

        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("cup 0 at upper-back/left: client c-1 had 10.0 min")
                && warnings.get(0).contains("with the 25.0 min planned"), warnings.get(0));
    }

    @Test
    void theLookBackCoversTheLongerOfTheIntervalAndADay() {
        assertEquals(Duration.ofHours(72), RULES.lookBack());
        assertEquals(Duration.ofHours(24), new OverTreatmentRules(Duration.ofHours(5), Duration.ofMinutes(30)).lookBack());
    }
}
