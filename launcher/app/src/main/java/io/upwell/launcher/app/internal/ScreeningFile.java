package io.upwell.launcher.app.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.Side;
import io.upwell.api.screening.Consent;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.Screening;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.screening.SiteFinding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a client's screening from a JSON file, for example
 * <pre>
 * {"screenedBy": "nurse", "conditions": ["diabetes"],
 *  "sites": [{"region": "lower-back", "side": "left", "condition": "broken-skin"}],
 *  "maxVacuumKpa": 30, "consent": {"givenBy": "therapist", "reason": "GP agreed on 2026-11-20"}}
 * </pre>
 * Every problem names the file and the field ({@code $.sites[1].region}) and says what is allowed.
 */
final class ScreeningFile {

    private static final Set<String> FIELDS = Set.of("screenedBy", "conditions", "sites", "maxVacuumKpa", "consent");

    private ScreeningFile() {
    }

    static Screening read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("screening file " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("screening file " + file + " cannot be read: " + e.getMessage());
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException(file + ": not JSON: " + e.getMessage());
        }
        return parse(file.toString(), root);
    }

    static Screening parse(String where, JsonElement root) {
        if (!root.isJsonObject()) {
            throw problem(where, "$", "must be an object with screenedBy and, as found, conditions, sites,"
                    + " maxVacuumKpa and consent");
        }
        JsonObject object = root.getAsJsonObject();
        for (String key : object.keySet()) {
            if (!FIELDS.contains(key)) {
                throw problem(where, "$." + key, "is not a screening field; the fields are " + FIELDS.stream().sorted()
                        .toList());
            }
        }
        String screenedBy = text(where, object, "screenedBy", "$.screenedBy", true);
        Set<Contraindication> conditions = EnumSet.noneOf(Contraindication.class);
        JsonArray list = array(where, object, "conditions");
        for (int i = 0; i < list.size(); i++) {
            String path = "$.conditions[" + i + "]";
            try {
                conditions.add(Contraindication.parse(string(where, list.get(i), path)));
            } catch (IllegalArgumentException e) {
                throw problem(where, path, e.getMessage());
            }
        }
        List<SiteFinding> sites = new ArrayList<>();
        JsonArray found = array(where, object, "sites");
        for (int i = 0; i < found.size(); i++) {
            sites.add(site(where, found.get(i), "$.sites[" + i + "]"));
        }
        double max = Double.NaN;
        if (object.has("maxVacuumKpa")) {
            JsonElement value = object.get("maxVacuumKpa");
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber() || !(value.getAsDouble() > 0)
                    || !Double.isFinite(value.getAsDouble())) {
                throw problem(where, "$.maxVacuumKpa", "must be a positive number of kPa, got " + value);
            }
            max = value.getAsDouble();
        }
        Consent consent = null;
        if (object.has("consent")) {
            JsonElement value = object.get("consent");
            if (!value.isJsonObject()) {
                throw problem(where, "$.consent", "must be an object with givenBy and reason");
            }
            consent = new Consent(text(where, value.getAsJsonObject(), "givenBy", "$.consent.givenBy", true),
                    text(where, value.getAsJsonObject(), "reason", "$.consent.reason", true));
        }
        return new Screening(conditions, sites, max, screenedBy, consent);
    }

    private static SiteFinding site(String where, JsonElement element, String path) {
        if (!element.isJsonObject()) {
            throw problem(where, path, "must be an object with region, side and condition");
        }
        JsonObject site = element.getAsJsonObject();
        BodyRegion region;
        try {
            region = BodyRegion.parse(text(where, site, "region", path + ".region", true));
        } catch (IllegalArgumentException e) {
            throw problem(where, path + ".region", e.getMessage());
        }
        String sideText = text(where, site, "side", path + ".side", false);
        Side side;
        try {
            side = sideText == null ? Side.CENTRE : Side.valueOf(sideText.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw problem(where, path + ".side", "must be left, right or centre, got '" + sideText + "'");
        }
        try {
            return new SiteFinding(region, side, SiteCondition.parse(text(where, site, "condition", path + ".condition",
                    true)));
        } catch (IllegalArgumentException e) {
            throw problem(where, path + ".condition", e.getMessage());
        }
    }

    private static JsonArray array(String where, JsonObject object, String key) {
        if (!object.has(key)) {
            return new JsonArray();
        }
        JsonElement value = object.get(key);
        if (!value.isJsonArray()) {
            throw problem(where, "$." + key, "must be a list");
        }
        return value.getAsJsonArray();
    }

    private static String text(String where, JsonObject object, String key, String path, boolean required) {
        if (!object.has(key)) {
            if (required) {
                throw problem(where, path, "is missing");
            }
            return null;
        }
        String value = string(where, object.get(key), path);
        if (value.isBlank()) {
            throw problem(where, path, "must not be blank");
        }
        return value;
    }

    private static String string(String where, JsonElement element, String path) {
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isString()) {
            throw problem(where, path, "must be text, got " + element);
        }
        return element.getAsString();
    }

    private static IllegalArgumentException problem(String where, String path, String what) {
        return new IllegalArgumentException(where + ": " + path + " " + what);
    }
}
