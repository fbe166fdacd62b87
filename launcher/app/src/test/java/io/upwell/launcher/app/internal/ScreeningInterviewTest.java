package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.Side;
import io.upwell.api.screening.Consent;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.screening.SiteFinding;
import io.upwell.launcher.app.internal.ScreeningInterview.ScreenedClient;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The shell's screening questions, answered from a script as an operator would type them. */
class ScreeningInterviewTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    private Optional<ScreenedClient> answer(String clientId, String... lines) {
        BufferedReader answers = new BufferedReader(new StringReader(String.join("\n", lines) + "\n"));
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
        return new ScreeningInterview(answers, out).run(clientId, "ana");
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static int number(Contraindication condition) {
        return condition.ordinal() + 1;
    }

    @Test
    @Tag("SR-14")
    void aRelativeConditionWithAFindingALimitAndConsentIsKeptAsTyped() {
        ScreenedClient screened = answer(null,
                "c-17", "Jo Doe", "",
                number(Contraindication.DIABETES) + ", anticoagulants",
                "lower-back/left broken-skin", "shoulder varicose-veins", "",
                "30",
                "Dr Lee", "GP agreed on 2026-11-20").orElseThrow();

        assertEquals("c-17", screened.client().id());
        assertEquals("Jo Doe", screened.client().displayName());
        assertEquals("ana", screened.screening().screenedBy(), "an empty answer takes the default screener");
        assertEquals(Set.of(Contraindication.DIABETES, Contraindication.ANTICOAGULANTS),
                screened.screening().conditions());
        assertEquals(List.of(new SiteFinding(BodyRegion.LOWER_BACK, Side.LEFT, SiteCondition.BROKEN_SKIN),
                new SiteFinding(BodyRegion.SHOULDER, Side.CENTRE, SiteCondition.VARICOSE_VEINS)),
                screened.screening().sites());
        assertEquals(30.0, screened.screening().maxVacuumKpa());
        assertEquals(Optional.of(new Consent("Dr Lee", "GP agreed on 2026-11-20")), screened.screening().consentGiven());
        assertTrue(printed().contains("kept for this shell: start ... client=c-17 uses it"), printed());
    }

    @Test
    void nothingFoundAsksNoConsentAndSetsNoLimit() {
        ScreenedClient screened = answer("c-1", "", "ben", "none", "", "").orElseThrow();

        assertEquals("c-1", screened.client().id(), "the id given with the command is not asked again");
        assertEquals("ben", screened.screening().screenedBy());
        assertTrue(screened.screening().conditions().isEmpty());
        assertTrue(screened.screening().sites().isEmpty());
        assertTrue(screened.screening().limit().isEmpty());
        assertNull(screened.screening().consent());
        assertTrue(!printed().contains("consent given by"), "no relative condition, no consent question");
    }

    @Test
    @Tag("SR-14")
    void aWrongAnswerIsNamedAndAskedAgain() {
        ScreenedClient screened = answer("c-2", "", "",
                "99", "not-a-condition", "pacemaker",
                "elbow/up broken-skin", "", "-5", "").orElseThrow();

        assertEquals(Set.of(Contraindication.PACEMAKER), screened.screening().conditions());
        String printed = printed();
        assertTrue(printed.contains("'99' is not on the list: numbers run 1.." + Contraindication.values().length),
                printed);
        assertTrue(printed.contains("unknown contraindication 'not-a-condition'"), printed);
        assertTrue(printed.contains("limit must be a positive number of kPa, got -5"), printed);
        assertTrue(printed.contains("an absolute contraindication: the engine will refuse any session"), printed);
    }

    @Test
    void threeWrongAnswersToOneQuestionAbandonIt() {
        Optional<ScreenedClient> screened = answer("c-3", "", "", "x", "y", "z", "none");

        assertTrue(screened.isEmpty());
        assertTrue(printed().contains("screening abandoned: 3 wrong answers"), printed());
    }

    @Test
    void cancelAbandonsWithoutKeepingAnything() {
        assertTrue(answer(null, "c-4", "", "", "cancel").isEmpty());
        assertTrue(printed().contains("screening abandoned: cancelled; nothing kept"), printed());
    }

    @Test
    void theEndOfInputAbandons() {
        assertTrue(answer("c-5", "", "").isEmpty());
        assertTrue(printed().contains("screening abandoned: the input ended"), printed());
    }

    @Test
    void noClientIdAbandons() {
        assertTrue(answer(null, "").isEmpty());
        assertTrue(printed().contains("no client named"), printed());
    }

    @Test
    @Tag("SR-14")
    void aRelativeConditionWithoutConsentIsKeptAndSaidToBeRefused() {
        ScreenedClient screened = answer("c-6", "", "", "psoriasis", "", "", "").orElseThrow();

        assertNull(screened.screening().consent());
        assertTrue(printed().contains("no consent for the relative contraindications: the engine will refuse"),
                printed());
    }

    @Test
    void aConsentNeedsAReason() {
        ScreenedClient screened = answer("c-7", "", "", "anaemia", "", "", "Dr Lee", "", "bloods fine").orElseThrow();

        assertEquals(Optional.of(new Consent("Dr Lee", "bloods fine")), screened.screening().consentGiven());
        assertTrue(printed().contains("the reason must be given"), printed());
    }

    @Test
    void aFindingNeedsASiteAndACondition() {
        assertThrows(IllegalArgumentException.class, () -> ScreeningInterview.finding("lower-back"));
        assertEquals(Optional.empty(), ScreeningInterview.finding(""));
    }
}
