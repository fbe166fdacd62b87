package io.upwell.plugins.programs.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.safety.HardLimits;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.plugins.programs.internal.Model.Condition;
import io.upwell.plugins.programs.internal.Model.Num;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a program file's tree into a {@link Model.Program}, checking what the schema cannot: that
 * each parameter's default lies in its range, that names are unique, that every reference names a
 * declared parameter of the right kind and cannot, anywhere in that parameter's range, give a level
 * above the hard limit or a time that is absurd, and that every declared parameter is used.
 * <p>
 * It reads tolerantly: a field of the wrong shape is left out (the schema has reported it), so one
 * run reports every problem. The program it returns is usable only when no problem was found.
 */
final class ProgramReader {

    /** The longest any one step, delay or start may be: a session lasts at most an hour by default. */
    static final double MAX_STEP_SECONDS = 3600;

    /** The most rounds a repeat and the most pulses a pulse step may have. */
    static final int MAX_COUNT = 1000;

    enum Kind { KPA, SECONDS, POSITIVE_SECONDS, COUNT, FRACTION }

    private final Problems problems;
    /** Every declared name, in order; the spec is null when the declaration itself is broken. */
    private final Map<String, Declared> declared = new LinkedHashMap<>();
    private final Set<String> used = new LinkedHashSet<>();

    private record Declared(String pointer, ParameterSpec spec) {
    }

    private ProgramReader(Problems problems) {
        this.problems = problems;
    }

    /** The program, or empty when the tree is too broken to describe one; problems go to {@code problems}. */
    static Optional<Model.Program> read(JsonElement root, Problems problems) {
        if (!root.isJsonObject()) {
            return Optional.empty(); // the schema says what the file should be
        }
        return new ProgramReader(problems).program(root.getAsJsonObject());
    }

    private Optional<Model.Program> program(JsonObject root) {
        List<Model.Parameter> parameters = parameters(root);
        String id = string(root, "id");
        String name = string(root, "name");
        String version = string(root, "version");
        String author = Optional.ofNullable(string(root, "author")).orElse("");
        String description = Optional.ofNullable(string(root, "description")).orElse("");
        String styleName = string(root, "style");
        TechniqueStyle style = null;
        if (styleName != null) {
            try {
                style = TechniqueStyle.valueOf(styleName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                style = null; // the schema lists the styles
            }
        }
        List<BodyRegion> regions = new ArrayList<>();
        for (JsonElement e : array(root, "regions")) {
            if (isString(e)) {
                try {
                    regions.add(BodyRegion.parse(e.getAsString()));
                } catch (IllegalArgumentException unknown) {
                    // the schema lists the regions
                }
            }
        }
        List<String> sources = new ArrayList<>();
        for (JsonElement e : array(root, "sources")) {
            if (isString(e)) {
                sources.add(e.getAsString());
            }
        }
        int minCups = 1;
        int maxCups = 32;
        JsonObject cupCount = object(root, "cupCount");
        if (cupCount != null) {
            Double min = number(cupCount, "min");
            Double max = number(cupCount, "max");
            minCups = min != null && min >= 1 ? min.intValue() : minCups;
            maxCups = max != null && max >= 1 ? max.intValue() : maxCups;
            if (min != null && max != null && min > max) {
                problems.add("/cupCount/max", "cupCount.max " + Texts.number(max) + " is below cupCount.min "
                        + Texts.number(min) + "; max must be at least min");
            }
        }
        Num magnet = root.has("magnet") ? num(root.get("magnet"), "/magnet", Kind.FRACTION) : null;
        ProgramPolicy policy = policy(object(root, "policy"));
        List<Model.Phase> phases = phases(root, minCups);
        for (Map.Entry<String, Declared> d : declared.entrySet()) {
            if (d.getValue().spec() != null && !used.contains(d.getKey())) {
                problems.add(d.getValue().pointer(), "parameter '" + d.getKey() + "' is declared but no field uses it;"
                        + " use it (\"$" + d.getKey() + "\") or remove it, so that setting it is never without effect");
            }
        }
        if (id == null || name == null || version == null || style == null || phases.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Model.Program(id, name, version, author, description, style, regions, sources,
                minCups, maxCups, magnet, policy, parameters, phases));
    }

    // ---- parameters ----

    private List<Model.Parameter> parameters(JsonObject root) {
        List<Model.Parameter> out = new ArrayList<>();
        JsonArray list = array(root, "parameters");
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/parameters/" + i;
            if (!list.get(i).isJsonObject()) {
                continue;
            }
            JsonObject p = list.get(i).getAsJsonObject();
            String name = string(p, "name");
            String type = string(p, "type");
            if (name == null) {
                continue;
            }
            if (declared.containsKey(name)) {
                problems.add(pointer + "/name", "parameter name '" + name + "' is already used by "
                        + problems.pathOf(declared.get(name).pointer()) + "; each parameter needs its own name");
                continue;
            }
            ParameterSpec spec = type == null ? null : switch (type) {
                case "number" -> numberParameter(p, pointer, name);
                case "choice" -> choiceParameter(p, pointer, name);
                case "toggle" -> toggleParameter(p, name);
                default -> null;
            };
            declared.put(name, new Declared(pointer, spec));
            if (spec != null) {
                out.add(new Model.Parameter(pointer, spec));
            }
        }
        return out;
    }

    private ParameterSpec numberParameter(JsonObject p, String pointer, String name) {
        Double min = number(p, "min");
        Double max = number(p, "max");
        Double def = number(p, "default");
        String unit = Optional.ofNullable(string(p, "unit")).orElse("");
        if (min == null || max == null || def == null) {
            return null;
        }
        boolean ok = finite(min, pointer + "/min") & finite(max, pointer + "/max") & finite(def, pointer + "/default");
        if (!ok) {
            return null;
        }
        if (min > max) {
            problems.add(pointer + "/max", "parameter '" + name + "': max " + Texts.number(max) + " is below min "
                    + Texts.number(min) + "; max must be at least min");
            return null;
        }
        if (def < min || def > max) {
            problems.add(pointer + "/default", "parameter '" + name + "': default " + Texts.number(def)
                    + " is outside its range; it must be from " + Texts.number(min) + " to " + Texts.number(max)
                    + (unit.isEmpty() ? "" : " " + unit));
            return null;
        }
        ParameterSpec.Number spec = ParameterSpec.number(name, unit, min, max, def)
                .withDescription(string(p, "description")).withSource(string(p, "source"));
        return bool(p, "perCup") ? spec.perCup() : spec;
    }

    private ParameterSpec choiceParameter(JsonObject p, String pointer, String name) {
        List<String> options = new ArrayList<>();
        for (JsonElement e : array(p, "options")) {
            if (isString(e)) {
                options.add(e.getAsString());
            }
        }
        String def = string(p, "default");
        if (options.isEmpty() || def == null || options.stream().distinct().count() != options.size()) {
            return null; // the schema has said what is missing or repeated
        }
        if (!options.contains(def)) {
            problems.add(pointer + "/default", "parameter '" + name + "': default '" + def + "' is not one of its"
                    + " options; it must be one of " + String.join(", ", options));
            return null;
        }
        ParameterSpec.Choice spec = ParameterSpec.choice(name, options, def)
                .withDescription(string(p, "description")).withSource(string(p, "source"));
        return bool(p, "perCup") ? spec.perCup() : spec;
    }

    private ParameterSpec toggleParameter(JsonObject p, String name) {
        JsonElement def = p.get("default");
        if (def == null || !def.isJsonPrimitive() || !def.getAsJsonPrimitive().isBoolean()) {
            return null;
        }
        ParameterSpec.Toggle spec = ParameterSpec.toggle(name, def.getAsBoolean())
                .withDescription(string(p, "description")).withSource(string(p, "source"));
        return bool(p, "perCup") ? spec.perCup() : spec;
    }

    // ---- policy ----

    private static ProgramPolicy policy(JsonObject policy) {
        if (policy == null) {
            return ProgramPolicy.DEFAULT;
        }
        double rise = clamp(number(policy, "maxRiseKpaPerSecond"), HardLimits.MAX_RISE_KPA_PER_SECOND);
        double leak = clamp(number(policy, "leakToleranceKpa"), HardLimits.MAX_LEAK_TOLERANCE_KPA);
        double dwell = clamp(number(policy, "maxDwellSeconds"), MAX_STEP_SECONDS);
        return new ProgramPolicy(rise, leak, seconds(dwell));
    }

    /** A policy figure the schema has bounded; out of its bounds (already reported) it counts as the default. */
    private static double clamp(Double value, double max) {
        return value == null || !(value >= 0) || value > max ? 0 : value;
    }

    // ---- phases ----

    private List<Model.Phase> phases(JsonObject root, int minCups) {
        List<Model.Phase> out = new ArrayList<>();
        Map<String, Integer> names = new HashMap<>();
        JsonArray list = array(root, "phases");
        boolean complete = true;
        for (int i = 0; i < list.size(); i++) {
            String pointer = "/phases/" + i;
            if (!list.get(i).isJsonObject()) {
                complete = false;
                continue;
            }
            JsonObject p = list.get(i).getAsJsonObject();
            String name = string(p, "name");
            if (name != null && names.containsKey(name)) {
                problems.add(pointer + "/name", "phase name '" + name + "' is already used by $.phases["
                        + names.get(name) + "]; each phase needs its own name");
            }
            Model.Cups cups = cups(p.get("cups"), pointer + "/cups", minCups);
            Model.Start start = start(object(p, "start"), pointer + "/start", names, out.size());
            Double intensity = number(p, "intensity");
            Condition when = condition(object(p, "when"), pointer + "/when");
            List<Model.Step> steps = steps(array(p, "steps"), pointer + "/steps");
            if (name == null || cups == null || start == null || steps == null || (p.has("when") && when == null)) {
                complete = false;
            } else {
                names.putIfAbsent(name, i);
                out.add(new Model.Phase(pointer, name, cups, start,
                        intensity == null || !(intensity > 0) || intensity > 100 ? 100 : intensity, when, steps));
            }
        }
        return complete ? out : List.of();
    }

    private Model.Cups cups(JsonElement cups, String pointer, int minCups) {
        if (cups == null) {
            return new Model.AllCups(pointer);
        }
        if (isString(cups)) {
            return "all".equals(cups.getAsString()) ? new Model.AllCups(pointer) : null;
        }
        if (cups.isJsonArray()) {
            List<Integer> indexes = new ArrayList<>();
            JsonArray list = cups.getAsJsonArray();
            for (int i = 0; i < list.size(); i++) {
                JsonElement e = list.get(i);
                if (!isNumber(e) || e.getAsDouble() != Math.rint(e.getAsDouble()) || e.getAsDouble() < 0) {
                    return null;
                }
                int index = e.getAsInt();
                if (index >= minCups) {
                    problems.add(pointer + "/" + i, "cup " + index + " is named, but a session may have as few as "
                            + minCups + " cup" + (minCups == 1 ? "" : "s") + " (cupCount.min); name cups 0 to "
                            + (minCups - 1) + " or raise cupCount.min to " + (index + 1));
                }
                indexes.add(index);
            }
            return indexes.isEmpty() ? null : new Model.IndexedCups(pointer, indexes);
        }
        if (cups.isJsonObject()) {
            JsonObject zones = cups.getAsJsonObject();
            String order = string(zones, "zones");
            if (!"proximal-first".equals(order) && !"distal-first".equals(order)) {
                return null;
            }
            Num delay = zones.has("delaySeconds") ? num(zones.get("delaySeconds"), pointer + "/delaySeconds",
                    Kind.SECONDS) : null;
            if (zones.has("delaySeconds") && delay == null) {
                return null;
            }
            Double shift = number(zones, "waveShift");
            return new Model.ZoneCups(pointer, "proximal-first".equals(order), delay,
                    shift == null || !(shift >= 0 && shift < 1) ? 0 : shift);
        }
        return null;
    }

    private Model.Start start(JsonObject start, String pointer, Map<String, Integer> earlier, int count) {
        if (start == null) {
            return new Model.Start(pointer, Model.StartKind.FOLLOW, -1, null, null);
        }
        Num delay = start.has("delaySeconds") ? num(start.get("delaySeconds"), pointer + "/delaySeconds",
                Kind.SECONDS) : null;
        if (start.has("delaySeconds") && delay == null) {
            return null;
        }
        for (String key : List.of("after", "with")) {
            String name = string(start, key);
            if (name != null) {
                Integer index = earlier.get(name);
                if (index == null) {
                    problems.add(pointer + "/" + key, "no earlier phase is named '" + name + "'; a phase can start "
                            + key + " a phase above it in the file" + (earlier.isEmpty() ? ", and this is the first"
                            : ": " + String.join(", ", earlier.keySet())));
                    return null;
                }
                return new Model.Start(pointer, key.equals("after") ? Model.StartKind.AFTER : Model.StartKind.WITH,
                        index, null, delay);
            }
        }
        if (start.has("atSeconds")) {
            Num at = num(start.get("atSeconds"), pointer + "/atSeconds", Kind.SECONDS);
            return at == null ? null : new Model.Start(pointer, Model.StartKind.AT, -1, at, delay);
        }
        return null; // the schema asks for one of after, with, atSeconds
    }

    private Condition condition(JsonObject when, String pointer) {
        if (when == null) {
            return null;
        }
        String param = string(when, "param");
        JsonElement is = when.get("is");
        if (param == null || is == null || !is.isJsonPrimitive()) {
            return null;
        }
        Declared d = declared.get(param);
        if (d == null) {
            problems.add(pointer + "/param", unknown(param));
            return null;
        }
        used.add(param);
        if (d.spec() == null) {
            return null;
        }
        JsonPrimitive value = is.getAsJsonPrimitive();
        if (d.spec() instanceof ParameterSpec.Choice choice) {
            if (!value.isString() || !choice.options().contains(value.getAsString())) {
                problems.add(pointer + "/is", "'" + (value.isString() ? value.getAsString() : value.toString())
                        + "' is not an option of parameter '" + param + "'; it must be"
                        + " one of " + String.join(", ", choice.options()));
                return null;
            }
            return new Condition(pointer, param, value.getAsString(), null);
        }
        if (d.spec() instanceof ParameterSpec.Toggle) {
            if (!value.isBoolean()) {
                problems.add(pointer + "/is", "parameter '" + param + "' is on or off, so 'is' must be true or false,"
                        + " not " + value);
                return null;
            }
            return new Condition(pointer, param, null, value.getAsBoolean());
        }
        problems.add(pointer + "/param", "parameter '" + param + "' is a number; a condition needs a choice or"
                + " toggle parameter");
        return null;
    }

    // ---- steps ----

    /** The steps, or null when one of them is unusable (its problem has been reported). */
    private List<Model.Step> steps(JsonArray list, String pointer) {
        List<Model.Step> out = new ArrayList<>();
        boolean complete = !list.isEmpty();
        for (int i = 0; i < list.size(); i++) {
            Model.Step step = list.get(i).isJsonObject() ? step(list.get(i).getAsJsonObject(), pointer + "/" + i)
                    : null;
            if (step == null) {
                complete = false;
            } else {
                out.add(step);
            }
        }
        return complete ? out : null;
    }

    private Model.Step step(JsonObject s, String pointer) {
        String type = string(s, "type");
        if (type == null) {
            return null;
        }
        Condition when = condition(object(s, "when"), pointer + "/when");
        if (s.has("when") && when == null) {
            return null;
        }
        switch (type) {
            case "ramp" -> {
                Num to = field(s, pointer, "toKpa", Kind.KPA);
                Num seconds = field(s, pointer, "seconds", Kind.SECONDS);
                return to == null || seconds == null ? null : new Model.Ramp(pointer, when, to, seconds);
            }
            case "hold" -> {
                Num kpa = field(s, pointer, "kpa", Kind.KPA);
                Num seconds = field(s, pointer, "seconds", Kind.SECONDS);
                return kpa == null || seconds == null ? null : new Model.Hold(pointer, when, kpa, seconds);
            }
            case "release" -> {
                Num seconds = field(s, pointer, "seconds", Kind.SECONDS);
                return seconds == null ? null : new Model.Release(pointer, when, seconds);
            }
            case "pulse" -> {
                Num low = s.has("lowKpa") ? field(s, pointer, "lowKpa", Kind.KPA) : Num.of(pointer + "/lowKpa", 0);
                Num high = field(s, pointer, "highKpa", Kind.KPA);
                Num on = field(s, pointer, "onSeconds", Kind.POSITIVE_SECONDS);
                Num off = s.has("offSeconds") ? field(s, pointer, "offSeconds", Kind.SECONDS)
                        : Num.of(pointer + "/offSeconds", 0);
                Num count = field(s, pointer, "count", Kind.COUNT);
                if (low == null || high == null || on == null || off == null || count == null) {
                    return null;
                }
                if (!notAbove(low, high)) {
                    problems.add(low.pointer(), "lowKpa (" + low.text() + ", up to " + Texts.number(high(low))
                            + " kPa) can be above highKpa (" + high.text() + ", as low as " + Texts.number(low(high))
                            + " kPa); the level between pulses must not be above the pulse's level");
                    return null;
                }
                return new Model.Pulse(pointer, when, low, high, on, off, count);
            }
            case "wave" -> {
                Num base = field(s, pointer, "baseKpa", Kind.KPA);
                Num amplitude = field(s, pointer, "amplitudeKpa", Kind.KPA);
                Num period = field(s, pointer, "periodSeconds", Kind.POSITIVE_SECONDS);
                Num seconds = field(s, pointer, "seconds", Kind.POSITIVE_SECONDS);
                Double offset = number(s, "phaseOffset");
                if (base == null || amplitude == null || period == null || seconds == null) {
                    return null;
                }
                boolean ok = true;
                if (!notAbove(amplitude, base)) {
                    problems.add(amplitude.pointer(), "amplitudeKpa (" + amplitude.text() + ", up to "
                            + Texts.number(high(amplitude)) + " kPa) can be larger than baseKpa (" + base.text()
                            + ", as low as " + Texts.number(low(base)) + " kPa); a wave must not swing below ambient,"
                            + " so the amplitude may be at most the base");
                    ok = false;
                }
                double peak = high(base) + high(amplitude);
                if (peak > HardLimits.MAX_VACUUM_KPA && high(base) <= HardLimits.MAX_VACUUM_KPA
                        && high(amplitude) <= HardLimits.MAX_VACUUM_KPA) {
                    problems.add(amplitude.pointer(), "the wave can reach " + Texts.number(peak) + " kPa (baseKpa "
                            + base.text() + " + amplitudeKpa " + amplitude.text() + "); no level may be above the hard"
                            + " limit of " + Texts.number(HardLimits.MAX_VACUUM_KPA) + " kPa (SR-01)");
                    ok = false;
                }
                return ok ? new Model.Wave(pointer, when, base, amplitude, period,
                        offset == null || !(offset >= 0 && offset < 1) ? 0 : offset, seconds) : null;
            }
            case "repeat" -> {
                Num times = field(s, pointer, "times", Kind.COUNT);
                JsonObject intensity = object(s, "intensity");
                double from = 100;
                double to = 100;
                if (intensity != null) {
                    Double f = number(intensity, "from");
                    Double t = number(intensity, "to");
                    from = f == null || !(f > 0) || f > 100 ? 100 : f;
                    to = t == null || !(t > 0) || t > 100 ? 100 : t;
                }
                List<Model.Step> steps = steps(array(s, "steps"), pointer + "/steps");
                return times == null || steps == null ? null
                        : new Model.Repeat(pointer, when, times, from, to, steps);
            }
            default -> {
                return null;
            }
        }
    }

    private Num field(JsonObject s, String pointer, String key, Kind kind) {
        JsonElement e = s.get(key);
        return e == null ? null : num(e, pointer + "/" + key, kind);
    }

    /**
     * A number field: a literal (the schema has checked its range) or a reference, checked here across
     * the whole range of the parameter it names.
     */
    private Num num(JsonElement e, String pointer, Kind kind) {
        if (isNumber(e)) {
            double value = e.getAsDouble();
            if (!Double.isFinite(value)) {
                problems.add(pointer, "the number is too large to use");
                return null;
            }
            return Num.of(pointer, value);
        }
        String param;
        double scale = 1.0;
        String at = pointer;
        if (isString(e) && e.getAsString().startsWith("$")) {
            param = e.getAsString().substring(1);
        } else if (e.isJsonObject() && isString(e.getAsJsonObject().get("param"))) {
            param = e.getAsJsonObject().get("param").getAsString();
            at = pointer + "/param";
            Double s = number(e.getAsJsonObject(), "scale");
            if (s != null) {
                if (!(s > 0) || s > 100) {
                    used.add(param);
                    return null; // the schema bounds the scale
                }
                scale = s;
            }
        } else {
            return null; // the schema says what this field takes
        }
        Declared d = declared.get(param);
        if (d == null) {
            problems.add(at, unknown(param));
            return null;
        }
        used.add(param);
        if (d.spec() == null) {
            return null; // its declaration is broken, and said so
        }
        if (d.spec() instanceof ParameterSpec.Toggle) {
            if (kind == Kind.FRACTION) {
                if (scale > 1) {
                    problems.add(pointer, "on, parameter '" + param + "' gives " + Texts.number(scale) + "; this field"
                            + " must be from 0 to 1: use a scale from 0 to 1");
                    return null;
                }
                return new Num(pointer, 0, param, scale);
            }
            problems.add(at, "parameter '" + param + "' is on or off; this field needs a number parameter ("
                    + allowed(kind) + ")");
            return null;
        }
        if (!(d.spec() instanceof ParameterSpec.Number spec)) {
            problems.add(at, "parameter '" + param + "' is a choice; this field needs a number parameter ("
                    + allowed(kind) + ")");
            return null;
        }
        Num num = new Num(pointer, 0, param, scale);
        double lo = spec.min() * scale;
        double hi = spec.max() * scale;
        String range = "$" + param + " is " + spec.allowed() + (scale == 1.0 ? "" : ", times " + Texts.number(scale));
        String problem = switch (kind) {
            case KPA -> hi > HardLimits.MAX_VACUUM_KPA ? "can reach " + Texts.number(hi) + " kPa (" + range
                    + "); no level may be above the hard limit of " + Texts.number(HardLimits.MAX_VACUUM_KPA)
                    + " kPa (SR-01): lower the parameter's max" + (scale == 1.0 ? "" : " or the scale")
                    : lo < 0 ? "can be " + Texts.number(lo) + " kPa (" + range + "); a level is 0 kPa or more" : null;
            case SECONDS -> hi > MAX_STEP_SECONDS ? "can last " + Texts.number(hi) + " s (" + range + "); a step, delay"
                    + " or start time may be at most " + Texts.number(MAX_STEP_SECONDS) + " s (1 hour)"
                    : lo < 0 ? "can be " + Texts.number(lo) + " s (" + range + "); a time is 0 s or more" : null;
            case POSITIVE_SECONDS -> lo <= 0 ? "can be " + Texts.number(lo) + " s (" + range + "); this time must be"
                    + " more than 0 s: raise the parameter's min" : hi > MAX_STEP_SECONDS ? "can last "
                    + Texts.number(hi) + " s (" + range + "); at most " + Texts.number(MAX_STEP_SECONDS)
                    + " s (1 hour) is allowed" : null;
            case COUNT -> lo < 1 ? "can be " + Texts.number(lo) + " (" + range + "); a count must be at least 1"
                    : hi > MAX_COUNT ? "can be " + Texts.number(hi) + " (" + range + "); a count may be at most "
                    + MAX_COUNT : !whole(spec, scale) ? "must be a whole number, but " + range + " allows fractions;"
                    + " give the parameter whole-number min, max and default (and a whole scale)" : null;
            case FRACTION -> lo < 0 || hi > 1 ? "can be " + Texts.number(lo < 0 ? lo : hi) + " (" + range
                    + "); this field must be from 0 to 1" : null;
        };
        if (problem != null) {
            problems.add(pointer, problem);
            return null;
        }
        return num;
    }

    private static boolean whole(ParameterSpec.Number spec, double scale) {
        return isWhole(spec.min() * scale) && isWhole(spec.max() * scale) && isWhole(spec.defaultNumber() * scale)
                && (spec.min() == spec.max() || isWhole(scale));
    }

    private static boolean isWhole(double value) {
        return value == Math.rint(value);
    }

    private static String allowed(Kind kind) {
        return switch (kind) {
            case KPA -> "a level in kPa";
            case SECONDS, POSITIVE_SECONDS -> "a time in seconds";
            case COUNT -> "a whole number";
            case FRACTION -> "a number from 0 to 1";
        };
    }

    private String unknown(String param) {
        if (declared.isEmpty()) {
            return "unknown parameter '" + param + "': this program declares no parameters; declare it under"
                    + " \"parameters\" or give a number";
        }
        return "unknown parameter '" + param + "'; declared parameters: " + String.join(", ", declared.keySet());
    }

    /** True when {@code a} can never exceed {@code b}, whatever the parameters' values. */
    private boolean notAbove(Num a, Num b) {
        if (a.isReference() && b.isReference() && a.param().equals(b.param())) {
            return a.scale() <= b.scale();
        }
        return high(a) <= low(b);
    }

    private double low(Num n) {
        if (!n.isReference()) {
            return n.literal();
        }
        ParameterSpec spec = declared.get(n.param()).spec();
        return spec instanceof ParameterSpec.Number number ? number.min() * n.scale() : 0;
    }

    private double high(Num n) {
        if (!n.isReference()) {
            return n.literal();
        }
        ParameterSpec spec = declared.get(n.param()).spec();
        return spec instanceof ParameterSpec.Number number ? number.max() * n.scale() : n.scale();
    }

    // ---- tolerant access ----

    private boolean finite(double value, String pointer) {
        if (!Double.isFinite(value)) {
            problems.add(pointer, "the number is too large to use");
            return false;
        }
        return true;
    }

    static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    private static String string(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return isString(e) ? e.getAsString() : null;
    }

    private static Double number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return isNumber(e) ? e.getAsDouble() : null;
    }

    private static boolean bool(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isBoolean() && e.getAsBoolean();
    }

    private static JsonObject object(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonObject() ? e.getAsJsonObject() : null;
    }

    private static JsonArray array(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && e.isJsonArray() ? e.getAsJsonArray() : new JsonArray();
    }

    private static boolean isString(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static boolean isNumber(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isNumber();
    }

    static String names(Set<String> names) {
        return names.stream().collect(Collectors.joining(", "));
    }
}
