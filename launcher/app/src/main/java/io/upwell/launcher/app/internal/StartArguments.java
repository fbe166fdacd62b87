package io.upwell.launcher.app.internal;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.history.TreatmentOverride;
import io.upwell.api.screening.Screening;
import java.nio.file.Path;
import io.upwell.api.body.Side;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.TechniqueDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The shell's {@code start} command line:
 * {@code <technique> <device> <channels> <sites> [name=value ...]}, turned into a session request.
 *
 * @param techniqueId the technique
 * @param deviceId    the device every cup is on
 * @param channels    the device channels, one cup each, in order
 * @param sites       one site per channel
 * @param parameters  technique parameters as typed, {@code name} or {@code name@cup} for one cup alone;
 *                    read against the technique's declarations by {@link #toRequest}
 * @param zones       per cup its zone in a chain (lymphatic order, a row of cups), or empty for no chain
 * @param intensity   percent
 * @param operator    who starts it
 * @param clientId    who is treated
 * @param screening   the client's screening (screening=FILE.json), or null for none (simulators only)
 * @param override    the decision to treat a site sooner or longer than SR-15 allows (override=WHO because=WHY),
 *                    or null
 */
record StartArguments(String techniqueId, String deviceId, List<Integer> channels, List<BodySite> sites,
        Map<String, String> parameters, List<Integer> zones, int intensity, String operator, String clientId,
        Screening screening, TreatmentOverride override) {

    static final String USAGE = "start <technique> <device> <channels> <sites> [name=value ...]\n"
            + "  channels: 0,1,2 or 0-3; sites: region[/left|/right] per channel, or one for all,\n"
            + "  e.g. upper-back/left,upper-back/right; name=value: technique parameters (targetKpa=35,\n"
            + "  targetKpa@1=30 for cup 1 alone, glideSpeed=slow, magnets=on), zones=0,1,2 (each cup's place\n"
            + "  in a chain, 0 nearest the trunk), intensity=<10..150>, operator=<name>, client=<id>,\n"
            + "  screening=<file.json> (the client's screening; needed on any device but a simulator),\n"
            + "  override=<who> because=<why> (treat a site sooner, or longer today, than the over-treatment\n"
            + "  rules allow; journaled)";

    static final String DEFAULT_OPERATOR = "shell";
    static final String DEFAULT_CLIENT = "anonymous";

    static StartArguments parse(List<String> words) {
        if (words.size() < 4) {
            throw new IllegalArgumentException("expected at least 4 arguments, got " + words.size() + "; usage: "
                    + USAGE);
        }
        List<Integer> channels = channels(words.get(2));
        List<BodySite> sites = sites(words.get(3), channels.size());
        Map<String, String> parameters = new LinkedHashMap<>();
        List<Integer> zones = List.of();
        int intensity = 100;
        String operator = DEFAULT_OPERATOR;
        String client = DEFAULT_CLIENT;
        Screening screening = null;
        String overrideBy = null;
        String because = null;
        for (String option : words.subList(4, words.size())) {
            int equals = option.indexOf('=');
            if (equals <= 0 || equals == option.length() - 1) {
                throw new IllegalArgumentException("option '" + option + "' is not name=value");
            }
            String name = option.substring(0, equals);
            String value = option.substring(equals + 1);
            switch (name) {
                case "intensity" -> intensity = whole("intensity", value);
                case "operator" -> operator = value;
                case "client" -> client = value;
                case "zones" -> zones = zones(value, channels.size());
                case "screening" -> screening = ScreeningFile.read(Path.of(value));
                case "override" -> overrideBy = value;
                case "because" -> because = value;
                default -> parameters.put(name, value);
            }
        }
        if ((overrideBy == null) != (because == null)) {
            throw new IllegalArgumentException(overrideBy == null ? "because= needs override=<who approves it>"
                    : "override= needs because=<why>; an override is journaled with its reason");
        }
        TreatmentOverride override = overrideBy == null ? null : new TreatmentOverride(overrideBy, because);
        return new StartArguments(words.get(0), words.get(1), channels, sites, parameters, zones, intensity, operator,
                client, screening, override);
    }

    /**
     * The request, each parameter read as the technique declares it: a number, a choice or on/off.
     *
     * @throws IllegalArgumentException naming a parameter the technique does not have, a cup the
     *                                  session does not have, or text that is not of the parameter's kind
     */
    SessionRequest toRequest(TechniqueDescriptor technique) {
        Map<String, ParameterValue> session = new LinkedHashMap<>();
        List<Map<String, ParameterValue>> perCup = new ArrayList<>();
        for (int i = 0; i < channels.size(); i++) {
            perCup.add(new LinkedHashMap<>());
        }
        parameters.forEach((key, text) -> {
            int at = key.indexOf('@');
            String name = at < 0 ? key : key.substring(0, at);
            ParameterSpec spec = technique.parameter(name).orElseThrow(() -> new IllegalArgumentException(
                    "technique '" + technique.id() + "' has no parameter '" + name + "'; it has "
                            + technique.parameters().stream().map(ParameterSpec::name).toList()));
            ParameterValue value = spec.parse(text);
            if (at < 0) {
                session.put(name, value);
            } else {
                int cup = whole("cup in '" + key + "'", key.substring(at + 1));
                if (cup < 0 || cup >= channels.size()) {
                    throw new IllegalArgumentException("'" + key + "': the session has cups 0.." + (channels.size() - 1));
                }
                perCup.get(cup).put(name, value);
            }
        });
        List<Placement> placements = new ArrayList<>(channels.size());
        for (int i = 0; i < channels.size(); i++) {
            Placement placement = new Placement(deviceId, channels.get(i), sites.get(i)).withOverrides(perCup.get(i));
            placements.add(zones.isEmpty() ? placement : placement.inZone(zones.get(i)));
        }
        return new SessionRequest(operator, new Client(clientId, ""), screening, techniqueId, session,
                placements, intensity, override);
    }

    /** One zone per cup, in cup order: {@code 0,1,2}. */
    static List<Integer> zones(String text, int cups) {
        String[] parts = text.split(",", cups + 2);
        if (parts.length != cups) {
            throw new IllegalArgumentException("zones: " + (parts.length > cups ? "more than " + cups : parts.length)
                    + " zone(s) for " + cups + " cup(s); give one per cup");
        }
        List<Integer> zones = new ArrayList<>(cups);
        for (String part : parts) {
            int zone = whole("zone", part);
            if (zone < 0 || zone > Placement.MAX_ZONE) {
                throw new IllegalArgumentException("zone " + zone + " is outside 0.." + Placement.MAX_ZONE);
            }
            zones.add(zone);
        }
        return List.copyOf(zones);
    }

    /**
     * {@code 0,1,2}, {@code 0-3} or a mix such as {@code 0-1,3}. At most
     * {@link SessionRequest#MAX_PLACEMENTS} channels: the count is checked before a range is expanded,
     * so {@code 0-2147483647} is refused at once instead of building two billion entries.
     */
    static List<Integer> channels(String text) {
        String[] parts = text.split(",", SessionRequest.MAX_PLACEMENTS + 2);
        if (parts.length > SessionRequest.MAX_PLACEMENTS) {
            throw new IllegalArgumentException("more than " + SessionRequest.MAX_PLACEMENTS
                    + " channels listed; a session takes at most " + SessionRequest.MAX_PLACEMENTS + " cups");
        }
        Set<Integer> channels = new LinkedHashSet<>();
        for (String part : parts) {
            String item = part.trim();
            int dash = item.indexOf('-', 1);
            if (dash > 0) {
                int from = whole("channel range start", item.substring(0, dash));
                int to = whole("channel range end", item.substring(dash + 1));
                if (to < from) {
                    throw new IllegalArgumentException("channel range '" + item + "' runs backwards");
                }
                long count = (long) to - from + 1;
                if (channels.size() + count > SessionRequest.MAX_PLACEMENTS) {
                    throw new IllegalArgumentException("channel range '" + item + "' names " + count + " channels"
                            + (channels.isEmpty() ? "" : " after " + channels.size() + " others")
                            + "; a session takes at most " + SessionRequest.MAX_PLACEMENTS + " cups");
                }
                for (int channel = from; channel <= to; channel++) {
                    add(channels, channel);
                }
            } else {
                add(channels, whole("channel", item));
            }
        }
        return List.copyOf(channels);
    }

    private static void add(Set<Integer> channels, int channel) {
        if (channel < 0) {
            throw new IllegalArgumentException("channel " + channel + " is negative");
        }
        if (!channels.add(channel)) {
            throw new IllegalArgumentException("channel " + channel + " is listed twice");
        }
    }

    /** One site per channel, or a single site for every channel. */
    static List<BodySite> sites(String text, int channelCount) {
        String[] parts = text.split(",");
        if (parts.length != 1 && parts.length != channelCount) {
            throw new IllegalArgumentException(parts.length + " sites for " + channelCount
                    + " channels: give one site per channel, or one for all");
        }
        List<BodySite> sites = new ArrayList<>(channelCount);
        for (int i = 0; i < channelCount; i++) {
            sites.add(site(parts.length == 1 ? parts[0] : parts[i]));
        }
        return sites;
    }

    /** {@code region[/side]}, for example {@code upper-back/left} or {@code lower-back}. */
    static BodySite site(String text) {
        String item = text.trim();
        int slash = item.indexOf('/');
        BodyRegion region = BodyRegion.parse(slash < 0 ? item : item.substring(0, slash));
        Side side = Side.CENTRE;
        if (slash >= 0) {
            String sideText = item.substring(slash + 1).trim().toUpperCase(Locale.ROOT);
            try {
                side = Side.valueOf(sideText);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("site '" + item + "': side must be left, right or centre");
            }
        }
        return new BodySite(region, side, "");
    }

    private static int whole(String what, String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " '" + text + "' is not a whole number");
        }
    }
}
