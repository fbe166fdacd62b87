package io.upwell.launcher.app.internal;

import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.devices.simulator.SimulatorOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code simulate} command line, as the launcher and the shell take it:
 * {@code TECHNIQUE-ID [--param k=v]... [--cups N] [--region R] [--zones] [--out DIR]}.
 *
 * @param technique  what to run: an installed technique's id (see {@link Simulation#resolve})
 * @param parameters technique parameters as typed, {@code name} or {@code name@cup} for one cup alone
 * @param cups       how many cups, each on its own channel of the preview's simulator
 * @param region     where the cups sit, {@code region[/side]}; without a side the cups alternate left and right
 * @param zones      whether the cups form a chain (zones 0..N-1); lymphatic techniques always get one
 * @param out        the folder that receives {@code trace.csv} and {@code trace.svg}; empty for the default
 */
record SimulateArguments(String technique, Map<String, String> parameters, int cups, String region, boolean zones,
        Optional<Path> out) {

    static final String USAGE = "simulate TECHNIQUE-ID [--param name=value]... [--cups N] [--region R] [--zones]"
            + " [--out DIR]";
    /** The simulator's channel count bounds the cups: 1 to 16. */
    static final int MAX_CUPS = 16;
    static final int DEFAULT_CUPS = 4;
    static final String DEFAULT_REGION = "upper-back";
    /** The preview's own device: never one of the running engine's. */
    static final String DEVICE_ID = "preview-sim";

    SimulateArguments {
        parameters = Map.copyOf(parameters);
    }

    /**
     * Reads the words after {@code simulate}.
     *
     * @throws IllegalArgumentException naming the first word that is wrong, in one line
     */
    static SimulateArguments parse(List<String> words) {
        String technique = null;
        Map<String, String> parameters = new LinkedHashMap<>();
        int cups = DEFAULT_CUPS;
        String region = DEFAULT_REGION;
        boolean zones = false;
        Path out = null;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            switch (word) {
                case "--param", "-p" -> {
                    String pair = value(words, i++, word);
                    int equals = pair.indexOf('=');
                    if (equals <= 0 || equals == pair.length() - 1) {
                        throw new IllegalArgumentException("--param '" + pair + "' is not name=value (for example"
                                + " --param targetKpa=35, or targetKpa@1=30 for cup 1 alone)");
                    }
                    String name = pair.substring(0, equals);
                    if (parameters.put(name, pair.substring(equals + 1)) != null) {
                        throw new IllegalArgumentException("--param " + name + " is given twice");
                    }
                }
                case "--cups" -> {
                    String text = value(words, i++, word);
                    try {
                        cups = Integer.parseInt(text.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--cups '" + text + "' is not a whole number");
                    }
                    if (cups < 1 || cups > MAX_CUPS) {
                        throw new IllegalArgumentException("--cups " + cups + ": the simulator has 1 to " + MAX_CUPS
                                + " cups");
                    }
                }
                case "--region" -> {
                    region = value(words, i++, word);
                    StartArguments.site(region); // names a region that does not exist now, not after the run
                }
                case "--zones" -> zones = true;
                case "--out" -> {
                    String text = value(words, i++, word);
                    try {
                        out = Path.of(text);
                    } catch (java.nio.file.InvalidPathException e) {
                        throw new IllegalArgumentException("--out '" + text + "' is not a path: " + e.getReason());
                    }
                }
                default -> {
                    if (word.startsWith("-")) {
                        throw new IllegalArgumentException("unknown option '" + word + "'; usage: " + USAGE);
                    }
                    if (technique != null) {
                        throw new IllegalArgumentException("one technique at a time: '" + technique + "' and '" + word
                                + "'; usage: " + USAGE);
                    }
                    technique = word;
                }
            }
        }
        if (technique == null) {
            throw new IllegalArgumentException("which technique? usage: " + USAGE
                    + " ('techniques' lists the installed ones)");
        }
        return new SimulateArguments(technique, parameters, cups, region, zones, Optional.ofNullable(out));
    }

    private static String value(List<String> words, int at, String option) {
        if (at + 1 >= words.size() || words.get(at + 1).startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value; usage: " + USAGE);
        }
        return words.get(at + 1);
    }

    /** Where the trace goes: {@code --out}, or {@code simulation-<technique id>} in the working directory. */
    Path outDirectory(String techniqueId) {
        return out.orElse(Path.of("simulation-" + techniqueId));
    }

    /** The preview's simulator: {@value #DEVICE_ID} with one channel per cup. */
    SimulatorOptions simulator() {
        return SimulatorOptions.defaults().withId(DEVICE_ID).withChannels(cups);
    }

    /** Each cup's site: the region, on the given side, or alternating left and right when none is given. */
    List<BodySite> sites() {
        BodySite given = StartArguments.site(region);
        List<BodySite> sites = new ArrayList<>(cups);
        for (int i = 0; i < cups; i++) {
            boolean sided = region.contains("/");
            sites.add(sided ? given : new BodySite(given.region(), i % 2 == 0 ? Side.LEFT : Side.RIGHT, ""));
        }
        return sites;
    }

    /** Zones 0..N-1 when asked or when the technique works along a chain (lymphatic); none otherwise. */
    List<Integer> zonesFor(TechniqueDescriptor technique) {
        if (!zones && technique.style() != TechniqueStyle.LYMPHATIC) {
            return List.of();
        }
        List<Integer> chain = new ArrayList<>(cups);
        for (int i = 0; i < cups; i++) {
            chain.add(i);
        }
        return chain;
    }

    /**
     * The session the preview runs: cups on channels 0..N-1 of the preview's simulator, parameters read
     * as the technique declares them ({@link StartArguments#toRequest}, as the shell's {@code start} does).
     *
     * @throws IllegalArgumentException naming a parameter the technique does not have, or a value not of its kind
     */
    SessionRequest toRequest(TechniqueDescriptor technique) {
        List<Integer> channels = new ArrayList<>(cups);
        for (int i = 0; i < cups; i++) {
            channels.add(i);
        }
        return new StartArguments(technique.id(), DEVICE_ID, channels, sites(), parameters, zonesFor(technique), 100,
                "simulate", StartArguments.DEFAULT_CLIENT, null, null).toRequest(technique);
    }
}
