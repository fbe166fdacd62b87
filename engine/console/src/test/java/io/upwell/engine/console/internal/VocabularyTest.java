package io.upwell.engine.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.Side;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.session.SessionRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The start form offers exactly the engine's words, in the engine's order, by their Java names. */
class VocabularyTest {

    private final JsonObject vocabulary = Vocabulary.json();

    @Test
    void regionsAreTheEnginesBodyRegionsWithTheirCeilings() {
        JsonArray regions = vocabulary.getAsJsonArray("regions");
        assertEquals(names(BodyRegion.values()), field(regions, "name"));
        for (BodyRegion region : BodyRegion.values()) {
            JsonObject entry = regions.get(region.ordinal()).getAsJsonObject();
            assertEquals(region.maxVacuumKpa(), entry.get("maxVacuumKpa").getAsDouble(), region.name());
        }
        assertEquals("upper back", regions.get(BodyRegion.UPPER_BACK.ordinal()).getAsJsonObject().get("label").getAsString());
    }

    @Test
    void sidesAreTheEnginesSides() {
        assertEquals(names(Side.values()), field(vocabulary.getAsJsonArray("sides"), "name"));
    }

    @Test
    void conditionsCarryTheEnginesLabelsAndKinds() {
        JsonArray conditions = vocabulary.getAsJsonArray("conditions");
        assertEquals(names(Contraindication.values()), field(conditions, "name"));
        for (Contraindication condition : Contraindication.values()) {
            JsonObject entry = conditions.get(condition.ordinal()).getAsJsonObject();
            assertEquals(condition.label(), entry.get("label").getAsString());
            assertEquals(condition.kind().name(), entry.get("kind").getAsString());
        }
    }

    @Test
    void siteFindingsCarryTheEnginesLabels() {
        JsonArray findings = vocabulary.getAsJsonArray("findings");
        assertEquals(names(SiteCondition.values()), field(findings, "name"));
        assertEquals(Arrays.stream(SiteCondition.values()).map(SiteCondition::label).toList(), field(findings, "label"));
    }

    @Test
    void intensityRangeIsTheSessionRequests() {
        JsonObject intensity = vocabulary.getAsJsonObject("intensity");
        assertEquals(SessionRequest.MIN_INTENSITY, intensity.get("min").getAsInt());
        assertEquals(SessionRequest.MAX_INTENSITY, intensity.get("max").getAsInt());
        assertEquals(SessionRequest.INTENSITY_STEP, intensity.get("step").getAsInt());
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> field(JsonArray array, String name) {
        List<String> values = new ArrayList<>();
        for (JsonElement element : array) {
            values.add(element.getAsJsonObject().get(name).getAsString());
        }
        return values;
    }
}
