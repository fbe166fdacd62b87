package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.screening.Consent;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.Screening;
import io.upwell.api.screening.ScreeningCase;
import io.upwell.api.screening.ScreeningRule;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.screening.SiteFinding;
import io.upwell.api.screening.Verdict;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.TechniqueStyle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SR-14: a client's screening is judged before a session starts. Absolute contraindications refuse
 * it, naming the rule and its source; relative ones lower every cup's limit and need the operator's
 * recorded consent; local ones keep cups off their sites; a clinic's own rules join the built-in
 * ones; every verdict is journaled with the session.
 */
@Tag("SR-14")
class ScreeningTest {

    @TempDir
    Path dir;

    private EngineFixture f;

    @BeforeEach
    void setUp() {
        f = new EngineFixture(dir);
    }

    @AfterEach
    void tearDown() {
        f.close();
    }

    private static final List<BodySite> BACK = List.of(new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""),
            new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, ""));

    private static SessionRequest request(String technique, List<BodySite> sites, Screening screening) {
        List<Placement> placements = new ArrayList<>();
        for (int c = 0; c < sites.size(); c++) {
            placements.add(new Placement("sim-1", c, sites.get(c)));
        }
        return new SessionRequest("therapist", new Client("client-7", ""), screening, technique,
                Map.of(), placements, 100);
    }

    private static Screening with(Contraindication... conditions) {
        return new Screening(Set.of(conditions), List.of(), Double.NaN, "nurse", null);
    }

    private SessionException refused(SessionRequest request) {
        SessionException refused = assertThrows(SessionException.class, () -> f.engine.start(request));
        assertTrue(f.engine.current().isEmpty(), "nothing started");
        return refused;
    }

    @Test
    void anAbsoluteContraindicationRefusesNamingTheRuleAndItsSource() {
        SessionException refused = refused(request(ScriptedTechnique.ID, BACK, with(Contraindication.PACEMAKER)));

        assertTrue(refused.getMessage().contains("screening: absolute contraindications: a pacemaker (pacemaker):"
                + " do not treat (source: general cupping practice"), refused.getMessage());
    }

    @Test
    void everyAbsoluteContraindicationIsNamedNotOnlyTheFirst() {
        SessionException refused = refused(request(ScriptedTechnique.ID, BACK,
                with(Contraindication.PACEMAKER, Contraindication.BLEEDING_DISORDER)));

        assertTrue(refused.getMessage().contains("(pacemaker)") && refused.getMessage().contains("(bleeding-disorder)"),
                refused.getMessage());
    }

    @Test
    void aRelativeContraindicationWithoutConsentIsRefusedSayingConsentIsNeeded() {
        SessionException refused = refused(request(ScriptedTechnique.ID, BACK, with(Contraindication.ANTICOAGULANTS)));

        assertTrue(refused.getMessage().contains("anticoagulant or antiplatelet medication (anticoagulants)")
                && refused.getMessage().contains("needs the operator's recorded consent"), refused.getMessage());
    }

    @Test
    void withConsentARelativeContraindicationLowersEveryCupToSixtyPercentAndSaysSo() throws Exception {
        Screening screening = with(Contraindication.DIABETES).withConsent(new Consent("therapist", "GP agreed 2026-11-20"));

        SessionPlan plan = f.engine.check(request(ScriptedTechnique.ID, BACK, screening));

        for (SessionPlan.CupPlan cup : plan.cups()) {
            // upper back: 55 kPa by region; the simulator's channels allow 60
            assertEquals(0.6 * 55, cup.limitKpa(), 1e-9);
            assertTrue(cup.limitSetBy().startsWith("screening: relative contraindications (60 % of the 55.0 kPa set"
                    + " by body region upper-back)"), cup.limitSetBy());
        }
        Session session = f.engine.start(request(ScriptedTechnique.ID, BACK, screening));
        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    void aLymphaticContraindicationRefusesALymphaticProgramAndOnlyLowersAnotherTechnique() throws Exception {
        f.engine.addTechnique(new ScriptedTechnique("scripted-lymph", TechniqueStyle.LYMPHATIC,
                EngineFixture::holdProgram), "test.module");
        // A technique is described on the plugin threads after it is added.
        EngineFixture.await("scripted-lymph described", () -> f.engine.techniques().stream()
                .anyMatch(t -> t.descriptor().id().equals("scripted-lymph")));
        Screening screening = with(Contraindication.UNTREATED_CELLULITIS)
                .withConsent(new Consent("therapist", "physician agreed"));

        SessionException refused = refused(request("scripted-lymph", BACK, screening));
        assertTrue(refused.getMessage().contains("screening: lymphatic contraindications: cellulitis not yet treated"),
                refused.getMessage());

        SessionPlan plan = f.engine.check(request(ScriptedTechnique.ID, BACK, screening));
        assertEquals(0.6 * 55, plan.cups().get(0).limitKpa(), 1e-9);
    }

    @Test
    void aCupOnALocallyContraindicatedSiteIsRefusedNamingTheCupAndTheSiteAndTheOtherSideIsFine() throws Exception {
        Screening screening = new Screening(Set.of(), List.of(new SiteFinding(BodyRegion.UPPER_BACK, Side.LEFT,
                SiteCondition.VARICOSE_VEINS)), Double.NaN, "nurse", null);

        SessionException refused = refused(request(ScriptedTechnique.ID, BACK, screening));
        assertTrue(refused.getMessage().contains("cup 0 at upper-back/left: screening: local contraindications:"
                + " varicose veins there; keep cups off it"), refused.getMessage());
        assertTrue(!refused.getMessage().contains("cup 1 at"), "the right side is fine: " + refused.getMessage());

        Session session = f.engine.start(request(ScriptedTechnique.ID, BACK.subList(1, 2), screening));
        assertEquals(SessionState.RUNNING, session.state());
    }

    @Test
    void pregnancyKeepsCupsOffTheLowerBackAndTheAbdomen() {
        Screening screening = with(Contraindication.PREGNANCY).withConsent(new Consent("therapist", "midwife agreed"));

        SessionException refused = refused(request(ScriptedTechnique.ID,
                List.of(new BodySite(BodyRegion.LOWER_BACK, Side.CENTRE, "")), screening));

        assertTrue(refused.getMessage().contains("screening: pregnancy: abdomen and lower back: pregnancy there"),
                refused.getMessage());
    }

    @Test
    void aClinicRuleJoinsTheBuiltInOnesAndItsRefusalNamesIt() {
        f.engine.addScreeningRule(new ScreeningRule() {
            @Override
            public String name() {
                return "clinic: no cupping the week after surgery";
            }

            @Override
            public List<Verdict> judge(ScreeningCase c) {
                return List.of(new Verdict.Refuse(name(), "client-7 had surgery on Monday", "clinic policy 12"));
            }
        }, "com.example.clinic 1.0.0");

        SessionException refused = refused(request(ScriptedTechnique.ID, BACK, Screening.clear("nurse")));

        assertTrue(refused.getMessage().contains("screening: clinic: no cupping the week after surgery: client-7 had"
                + " surgery on Monday (source: clinic policy 12)"), refused.getMessage());
    }

    @Test
    void aClinicRuleThatFailsRefusesTheSessionNamingItsModule() {
        f.engine.addScreeningRule(new ScreeningRule() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public List<Verdict> judge(ScreeningCase c) {
                throw new IllegalStateException("lost its database");
            }
        }, "com.example.clinic 1.0.0");

        SessionException refused = refused(request(ScriptedTechnique.ID, BACK, Screening.clear("nurse")));

        assertTrue(refused.getMessage().contains("screening rule from module com.example.clinic 1.0.0 failed")
                && refused.getMessage().contains("lost its database")
                && refused.getMessage().contains("the screening cannot be judged"), refused.getMessage());
    }

    @Test
    void aClinicRuleThatAnswersNullRefusesTheSession() {
        f.engine.addScreeningRule(new ScreeningRule() {
            @Override
            public String name() {
                return "silent";
            }

            @Override
            public List<Verdict> judge(ScreeningCase c) {
                return null;
            }
        }, "com.example.clinic 1.0.0");

        SessionException refused = refused(request(ScriptedTechnique.ID, BACK, Screening.clear("nurse")));

        assertTrue(refused.getMessage().contains("screening rule 'silent' (module com.example.clinic 1.0.0) gave no"
                + " answer"), refused.getMessage());
    }

    @Test
    @Tag("SR-16")
    void everyVerdictAndTheConsentAreJournaledWithTheSession() throws Exception {
        Screening screening = with(Contraindication.PSORIASIS).withConsent(new Consent("therapist", "dermatologist ok"));
        Session session = f.engine.start(request(ScriptedTechnique.ID, BACK, screening));
        session.stop();
        f.advanceUntil("ended", Duration.ofSeconds(60), () -> session.state().isFinal());
        f.close();

        JsonObject begin = SessionLifecycleTest.read(dir.resolve("sessions").resolve(session.id() + ".jsonl")).get(0);
        JsonObject journaled = begin.getAsJsonObject("screening");
        assertEquals("psoriasis", journaled.getAsJsonArray("conditions").get(0).getAsString());
        assertEquals("dermatologist ok", journaled.getAsJsonObject("consent").get("reason").getAsString());
        JsonArray verdicts = begin.getAsJsonArray("verdicts");
        assertEquals(1, verdicts.size());
        JsonObject verdict = verdicts.get(0).getAsJsonObject();
        assertEquals("relative contraindications", verdict.get("rule").getAsString());
        assertEquals("lower", verdict.get("verdict").getAsString());
        assertEquals(0.6, verdict.get("fraction").getAsDouble(), 1e-12);
    }

    @Test
    void aClearScreeningChangesNoLimit() throws Exception {
        SessionPlan plan = f.engine.check(request(ScriptedTechnique.ID, BACK, Screening.clear("nurse")));

        assertEquals(55.0, plan.cups().get(0).limitKpa(), 1e-9);
    }
}
