package io.upwell.engine.rest.internal.json;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.history.TreatmentOverride;
import io.upwell.api.screening.Consent;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.Screening;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.screening.SiteFinding;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterValue;
import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.JsonPaths;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A session request as JSON, both ways:
 * <pre>
 * {"client":{"id","displayName"}, "technique", "parameters":{name: number|option|true/false},
 *  "cups":[{"device","channel","site":{"region","side","label"},"zone","overrides":{..}}],
 *  "intensity", "screening":{"conditions","sites":[{"region","side","finding"}],"maxVacuumKpa",
 *  "screenedBy","consent":{"by","reason"}}, "override":{"by","because"}}
 * </pre>
 * The operator is never read from the body: it is the signed-in user. Everything optional may be
 * left out or null: {@code intensity} is then 100, {@code parameters} and {@code overrides} empty,
 * {@code zone}, {@code screening} and {@code override} none.
 */
public final class SessionRequestJson {

    /** Intensity when the request gives none, in percent. */
    public static final int DEFAULT_INTENSITY = 100;
    /** The most contraindications or site findings one screening may list. */
    static final int MAX_FINDINGS = 64;

    private SessionRequestJson() {
    }

    /**
     * The request the body describes, started by {@code operator}.
     *
     * @throws ApiException 400 naming every field that is missing, of the wrong type or unknown
     */
    public static SessionRequest read(JsonElement body, String operator) {
        JsonInput input = new JsonInput();
        JsonInput.Obj root = input.object(body, "");
        if (root == null) {
            input.throwIfFailed("the session request");
            return null;
        }
        if (!root.absent("operator")) {
            input.error("operator", "is not taken from the body: the operator is the signed-in user");
        }
        root.only("client", "technique", "parameters", "cups", "intensity", "screening", "override", "operator");
        Client client = client(input, root.object("client", true));
        String technique = root.string("technique", true);
        Map<String, ParameterValue> parameters = parameters(input, root, "parameters");
        List<Placement> cups = cups(input, root);
        Integer intensity = root.integer("intensity", false, SessionRequest.MIN_INTENSITY,
                SessionRequest.MAX_INTENSITY);
        Screening screening = screening(input, root.object("screening", false));
        TreatmentOverride override = override(input, root.object("override", false));
        input.throwIfFailed("the session request");
        try {
            return new SessionRequest(operator, client, screening, technique, parameters, cups,
                    intensity == null ? DEFAULT_INTENSITY : intensity, override);
        } catch (IllegalArgumentException e) {
            throw ApiException.refused("the session request: " + e.getMessage(), java.util.List.of());
        }
    }

    private static Client client(JsonInput input, JsonInput.Obj json) {
        if (json == null) {
            return null;
        }
        json.only("id", "displayName");
        String id = json.string("id", true);
        String displayName = json.string("displayName", false);
        return id == null ? null : new Client(id, displayName);
    }

    /** Parameter values by name: a number, an option's name or true/false. */
    static Map<String, ParameterValue> parameters(JsonInput input, JsonInput.Obj parent, String name) {
        JsonInput.Obj json = parent.object(name, false);
        Map<String, ParameterValue> values = new LinkedHashMap<>();
        if (json == null) {
            return values;
        }
        if (json.json().size() > SessionRequest.MAX_PARAMETERS) {
            input.outOfRange(json.path(), "must have at most " + SessionRequest.MAX_PARAMETERS + " parameters, got "
                    + json.json().size());
            return values;
        }
        for (Map.Entry<String, JsonElement> entry : json.json().entrySet()) {
            String path = json.at(entry.getKey());
            ParameterValue value = parameterValue(input, entry.getValue(), path);
            if (value != null) {
                values.put(entry.getKey(), value);
            }
        }
        return values;
    }

    private static ParameterValue parameterValue(JsonInput input, JsonElement value, String path) {
        if (value != null && value.isJsonPrimitive()) {
            JsonPrimitive primitive = value.getAsJsonPrimitive();
            if (primitive.isBoolean()) {
                return ParameterValue.of(primitive.getAsBoolean());
            }
            if (primitive.isString()) {
                String option = primitive.getAsString();
                if (option.length() > JsonInput.MAX_TEXT) {
                    input.outOfRange(path, "must be at most " + JsonInput.MAX_TEXT + " characters");
                    return null;
                }
                return ParameterValue.of(option);
            }
            double number = primitive.getAsDouble();
            if (Double.isFinite(number)) {
                return ParameterValue.of(number);
            }
            input.error(path, "must be a finite number");
            return null;
        }
        input.error(path, "must be a number, an option's name (a string) or true/false, got " + JsonInput.kind(value));
        return null;
    }

    private static List<Placement> cups(JsonInput input, JsonInput.Obj root) {
        JsonArray array = root.array("cups", true, SessionRequest.MAX_PLACEMENTS);
        List<Placement> cups = new ArrayList<>();
        if (array == null) {
            return cups;
        }
        if (array.isEmpty()) {
            input.outOfRange("cups", "must name at least one cup");
        }
        for (int i = 0; i < array.size(); i++) {
            JsonInput.Obj cup = input.object(array.get(i), JsonPaths.element("cups", i));
            if (cup == null) {
                continue;
            }
            cup.only("device", "channel", "site", "zone", "overrides");
            String device = cup.string("device", true);
            Integer channel = cup.integer("channel", true, 0, Integer.MAX_VALUE);
            BodySite site = site(input, cup.object("site", true));
            Integer zone = cup.integer("zone", false, 0, Placement.MAX_ZONE);
            Map<String, ParameterValue> overrides = parameters(input, cup, "overrides");
            if (device != null && channel != null && site != null) {
                cups.add(new Placement(device, channel, site, zone == null ? OptionalInt.empty() : OptionalInt.of(zone),
                        overrides));
            }
        }
        return cups;
    }

    private static BodySite site(JsonInput input, JsonInput.Obj json) {
        if (json == null) {
            return null;
        }
        json.only("region", "side", "label");
        BodyRegion region = json.enumeration("region", BodyRegion.class, true);
        Side side = json.enumeration("side", Side.class, true);
        String label = json.string("label", false);
        return region == null || side == null ? null : new BodySite(region, side, label);
    }

    private static Screening screening(JsonInput input, JsonInput.Obj json) {
        if (json == null) {
            return null;
        }
        json.only("conditions", "sites", "maxVacuumKpa", "screenedBy", "consent");
        Set<Contraindication> conditions = EnumSet.noneOf(Contraindication.class);
        JsonArray given = json.array("conditions", false, MAX_FINDINGS);
        if (given != null) {
            for (int i = 0; i < given.size(); i++) {
                Contraindication condition = input.enumeration(given.get(i), JsonPaths.element(json.at("conditions"), i),
                        Contraindication.class);
                if (condition != null) {
                    conditions.add(condition);
                }
            }
        }
        List<SiteFinding> findings = new ArrayList<>();
        JsonArray sites = json.array("sites", false, MAX_FINDINGS);
        if (sites != null) {
            for (int i = 0; i < sites.size(); i++) {
                JsonInput.Obj site = input.object(sites.get(i), JsonPaths.element(json.at("sites"), i));
                if (site == null) {
                    continue;
                }
                site.only("region", "side", "finding");
                BodyRegion region = site.enumeration("region", BodyRegion.class, true);
                Side side = site.enumeration("side", Side.class, true);
                SiteCondition finding = site.enumeration("finding", SiteCondition.class, true);
                if (region != null && side != null && finding != null) {
                    findings.add(new SiteFinding(region, side, finding));
                }
            }
        }
        Double limit = json.number("maxVacuumKpa", false);
        if (limit != null && !(limit > 0)) {
            input.outOfRange(json.at("maxVacuumKpa"), "must be a positive number of kPa, or null for no limit");
            limit = null;
        }
        String screenedBy = json.string("screenedBy", true);
        Consent consent = null;
        JsonInput.Obj consentJson = json.object("consent", false);
        if (consentJson != null) {
            consentJson.only("by", "reason");
            String by = consentJson.string("by", true);
            String reason = consentJson.string("reason", true);
            consent = by == null || reason == null ? null : new Consent(by, reason);
        }
        if (screenedBy == null) {
            return null;
        }
        return new Screening(conditions, findings, limit == null ? Double.NaN : limit, screenedBy, consent);
    }

    private static TreatmentOverride override(JsonInput input, JsonInput.Obj json) {
        if (json == null) {
            return null;
        }
        json.only("by", "because");
        String by = json.string("by", true);
        String because = json.string("because", true);
        return by == null || because == null ? null : new TreatmentOverride(by, because);
    }

    /** The request as JSON, without its operator: what {@link #read} reads back to an equal request. */
    public static JsonObject write(SessionRequest request) {
        JsonObject json = new JsonObject();
        JsonObject client = new JsonObject();
        client.addProperty("id", request.client().id());
        client.addProperty("displayName", request.client().displayName());
        json.add("client", client);
        json.addProperty("technique", request.techniqueId());
        json.add("parameters", parameters(request.parameters()));
        JsonArray cups = new JsonArray();
        for (Placement placement : request.placements()) {
            JsonObject cup = new JsonObject();
            cup.addProperty("device", placement.deviceId());
            cup.addProperty("channel", placement.channel());
            cup.add("site", site(placement.site()));
            cup.add("zone", placement.zone().isPresent() ? new JsonPrimitive(placement.zone().getAsInt())
                    : JsonNull.INSTANCE);
            cup.add("overrides", parameters(placement.overrides()));
            cups.add(cup);
        }
        json.add("cups", cups);
        json.addProperty("intensity", request.intensity());
        json.add("screening", request.screening() == null ? JsonNull.INSTANCE : screening(request.screening()));
        if (request.override() == null) {
            json.add("override", JsonNull.INSTANCE);
        } else {
            JsonObject override = new JsonObject();
            override.addProperty("by", request.override().approvedBy());
            override.addProperty("because", request.override().reason());
            json.add("override", override);
        }
        return json;
    }

    static JsonObject site(BodySite site) {
        JsonObject json = new JsonObject();
        json.addProperty("region", site.region().name());
        json.addProperty("side", site.side().name());
        json.addProperty("label", site.label());
        return json;
    }

    /** A parameter value as JSON: a number, an option's name or a boolean. */
    public static JsonPrimitive value(ParameterValue value) {
        if (value instanceof ParameterValue.Number number) {
            return new JsonPrimitive(number.value());
        }
        if (value instanceof ParameterValue.Toggle toggle) {
            return new JsonPrimitive(toggle.on());
        }
        return new JsonPrimitive(((ParameterValue.Choice) value).option());
    }

    private static JsonObject parameters(Map<String, ParameterValue> values) {
        JsonObject json = new JsonObject();
        new java.util.TreeMap<>(values).forEach((name, value) -> json.add(name, value(value)));
        return json;
    }

    private static JsonObject screening(Screening screening) {
        JsonObject json = new JsonObject();
        JsonArray conditions = new JsonArray();
        screening.conditions().stream().sorted().forEach(c -> conditions.add(c.name()));
        json.add("conditions", conditions);
        JsonArray sites = new JsonArray();
        for (SiteFinding finding : screening.sites()) {
            JsonObject site = new JsonObject();
            site.addProperty("region", finding.region().name());
            site.addProperty("side", finding.side().name());
            site.addProperty("finding", finding.condition().name());
            sites.add(site);
        }
        json.add("sites", sites);
        json.add("maxVacuumKpa", Double.isNaN(screening.maxVacuumKpa()) ? JsonNull.INSTANCE
                : new JsonPrimitive(screening.maxVacuumKpa()));
        json.addProperty("screenedBy", screening.screenedBy());
        if (screening.consent() == null) {
            json.add("consent", JsonNull.INSTANCE);
        } else {
            JsonObject consent = new JsonObject();
            consent.addProperty("by", screening.consent().givenBy());
            consent.addProperty("reason", screening.consent().reason());
            json.add("consent", consent);
        }
        return json;
    }
}
