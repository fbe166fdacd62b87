package io.upwell.engine.console.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.Side;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.session.SessionRequest;
import java.util.Locale;

/**
 * The words the start form offers, taken from the engine's API so that the console never lists a body
 * region, side, condition or finding the engine does not know, nor misses a new one: each with its
 * Java name (what the REST API takes) and a label for people.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static JsonObject json() {
        JsonObject vocabulary = new JsonObject();
        JsonArray regions = new JsonArray();
        for (BodyRegion region : BodyRegion.values()) {
            JsonObject entry = named(region.name(), words(region.name()));
            entry.addProperty("maxVacuumKpa", region.maxVacuumKpa());
            regions.add(entry);
        }
        vocabulary.add("regions", regions);
        JsonArray sides = new JsonArray();
        for (Side side : Side.values()) {
            sides.add(named(side.name(), words(side.name())));
        }
        vocabulary.add("sides", sides);
        JsonArray conditions = new JsonArray();
        for (Contraindication condition : Contraindication.values()) {
            JsonObject entry = named(condition.name(), condition.label());
            entry.addProperty("kind", condition.kind().name());
            conditions.add(entry);
        }
        vocabulary.add("conditions", conditions);
        JsonArray findings = new JsonArray();
        for (SiteCondition finding : SiteCondition.values()) {
            findings.add(named(finding.name(), finding.label()));
        }
        vocabulary.add("findings", findings);
        JsonObject intensity = new JsonObject();
        intensity.addProperty("min", SessionRequest.MIN_INTENSITY);
        intensity.addProperty("max", SessionRequest.MAX_INTENSITY);
        intensity.addProperty("step", SessionRequest.INTENSITY_STEP);
        vocabulary.add("intensity", intensity);
        return vocabulary;
    }

    private static JsonObject named(String name, String label) {
        JsonObject entry = new JsonObject();
        entry.addProperty("name", name);
        entry.addProperty("label", label);
        return entry;
    }

    /** {@code UPPER_BACK} as {@code upper back}. */
    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
