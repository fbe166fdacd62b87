package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.Side;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.Screening;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.screening.SiteFinding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A screening file, read into typed screening; every mistake names the file, the field and what is allowed. */
@Tag("SR-17")
class ScreeningFileTest {

    @TempDir
    Path dir;

    private Path file(String json) throws Exception {
        Path file = dir.resolve("client.json");
        Files.writeString(file, json);
        return file;
    }

    private String problem(String json) throws Exception {
        Path file = file(json);
        return assertThrows(IllegalArgumentException.class, () -> ScreeningFile.read(file)).getMessage();
    }

    @Test
    void aFullScreeningIsReadIntoItsTypes() throws Exception {
        Screening screening = ScreeningFile.read(file("""
                {"screenedBy": "nurse", "conditions": ["diabetes", "Psoriasis"],
                 "sites": [{"region": "lower-back", "side": "left", "condition": "broken-skin"}],
                 "maxVacuumKpa": 30, "consent": {"givenBy": "therapist", "reason": "GP agreed"}}
                """));

        assertEquals("nurse", screening.screenedBy());
        assertEquals(Set.of(Contraindication.DIABETES, Contraindication.PSORIASIS), screening.conditions());
        assertEquals(List.of(new SiteFinding(BodyRegion.LOWER_BACK, Side.LEFT, SiteCondition.BROKEN_SKIN)),
                screening.sites());
        assertEquals(30.0, screening.limit().getAsDouble());
        assertEquals("GP agreed", screening.consentGiven().orElseThrow().reason());
    }

    @Test
    void aClearScreeningNeedsOnlyWhoScreened() throws Exception {
        Screening screening = ScreeningFile.read(file("{\"screenedBy\": \"nurse\"}"));

        assertEquals(Set.of(), screening.conditions());
        assertTrue(screening.limit().isEmpty());
        assertTrue(screening.consentGiven().isEmpty());
    }

    @Test
    void anUnknownConditionIsNamedWithItsPlaceAndTheKnownOnes() throws Exception {
        String problem = problem("{\"screenedBy\": \"nurse\", \"conditions\": [\"diabetes\", \"gout\"]}");

        assertTrue(problem.endsWith("client.json: $.conditions[1] unknown contraindication 'gout'; known: bleeding-disorder,"
                + " deep-vein-thrombosis, organ-failure, pacemaker, active-cancer, skin-infection, undiagnosed-lump,"
                + " anticoagulants, acute-infection, pregnancy, anaemia, recent-blood-donation, psoriasis,"
                + " keloid-tendency, peripheral-vascular-disease, diabetes, congestive-heart-failure,"
                + " untreated-cellulitis, severe-arterial-disease"), problem);
    }

    @Test
    void aSiteWithAnUnknownRegionSideOrConditionIsNamed() throws Exception {
        assertTrue(problem("{\"screenedBy\": \"n\", \"sites\": [{\"region\": \"groin\", \"condition\": \"mole\"}]}")
                .contains("$.sites[0].region unknown body region 'groin'"));
        assertTrue(problem("{\"screenedBy\": \"n\", \"sites\": [{\"region\": \"calf\", \"side\": \"up\", \"condition\":"
                + " \"mole\"}]}").contains("$.sites[0].side must be left, right or centre, got 'up'"));
        assertTrue(problem("{\"screenedBy\": \"n\", \"sites\": [{\"region\": \"calf\", \"condition\": \"tattoo\"}]}")
                .contains("$.sites[0].condition unknown site condition 'tattoo'"));
    }

    @Test
    void missingBlankOrForeignFieldsAreNamed() throws Exception {
        assertTrue(problem("{}").endsWith("$.screenedBy is missing"));
        assertTrue(problem("{\"screenedBy\": \" \"}").endsWith("$.screenedBy must not be blank"));
        assertTrue(problem("{\"screenedBy\": \"n\", \"pacemaker\": true}").contains("$.pacemaker is not a screening field"));
        assertTrue(problem("{\"screenedBy\": \"n\", \"maxVacuumKpa\": -3}").contains("$.maxVacuumKpa must be a positive"));
        assertTrue(problem("{\"screenedBy\": \"n\", \"consent\": {\"givenBy\": \"t\"}}").endsWith("$.consent.reason is missing"));
    }

    @Test
    void aFileThatIsNotThereOrNotJsonSaysSo() throws Exception {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ScreeningFile.read(dir.resolve("none.json")))
                .getMessage().endsWith("none.json does not exist"));
        assertTrue(problem("{screenedBy: ").contains("not JSON"));
    }
}
