package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.api.device.MagnetSupport;
import io.upwell.api.safety.HardLimits;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.Screening;
import io.upwell.api.screening.ScreeningCase;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.Segment;
import io.upwell.api.records.SessionJournalFormat;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.history.OverTreatmentRules;
import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.history.PastTreatment;
import io.upwell.engine.core.internal.program.CompiledTimeline;
import io.upwell.engine.core.internal.program.Segments;
import io.upwell.engine.core.internal.session.ActiveSession;
import io.upwell.engine.core.internal.session.CupLimits;
import io.upwell.engine.core.internal.session.PlannedProgram;
import io.upwell.engine.core.internal.session.SessionCup;
import io.upwell.engine.core.internal.session.SessionHost;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Turns a session request into a ready session: checks every part of the request (and reports
 * every problem found, not just the first), works out each cup's limit (SR-01), asks the
 * technique for its program under a deadline (SR-11), checks and compiles the program.
 */
final class SessionPlanner {

    /** @param realSites the cups on real devices, which become the client's treatment history (SR-15) */
    record Plan(ActiveSession session, Map<String, Object> journalHeader, SessionPlan view,
            List<OverTreatmentRules.PlannedSite> realSites) {
    }

    private final EngineSettings settings;
    private final ScreeningRules screeningRules;
    private final TreatmentHistories histories;
    private final OverTreatmentRules overTreatment;

    SessionPlanner(EngineSettings settings, ScreeningRules screeningRules, TreatmentHistories histories) {
        this.settings = settings;
        this.screeningRules = screeningRules;
        this.histories = histories;
        this.overTreatment = new OverTreatmentRules(
                Duration.ofMillis(Math.round(settings.siteIntervalHours() * 3_600_000)),
                Duration.ofMinutes(settings.dailySiteExposureMinutes()));
    }

    Plan plan(String id, SessionRequest request, TechniqueCatalogue.Entry technique, Map<String, DeviceSlot> devices,
            PluginCaller caller, SessionHost host) throws SessionException {
        List<String> problems = new ArrayList<>();
        int cups = request.placements().size();
        DeviceSlot[] cupSlots = new DeviceSlot[cups];
        CupLimit[] limits = new CupLimit[cups];
        MagnetSupport[] magnets = new MagnetSupport[cups];
        int[] pumpGroups = new int[cups];
        checkPlacements(request, technique.descriptor(), devices, cupSlots, limits, magnets, pumpGroups, problems);
        Map<String, ParameterValue> parameters = checkParameters(request, technique.descriptor(), problems);
        ScreeningJudge.Judgement judgement = judgeScreening(request, technique, caller, limits, problems);
        if (!problems.isEmpty()) {
            throw new SessionException("session request refused: " + String.join("; ", problems));
        }

        PlanRequest planRequest = new PlanRequest(cupsOf(request, limits, magnets, pumpGroups), parameters);
        String who = "technique '" + technique.descriptor().id() + "' (module " + technique.module() + ")";
        Program program;
        try {
            program = caller.call(who, "plan", () -> technique.technique().plan(planRequest)).get();
        } catch (ExecutionException e) {
            throw new SessionException(who + " could not plan the session: " + Failures.describe(e), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SessionException("interrupted while " + who + " planned the session", e);
        }
        CompiledTimeline[] timelines = compile(who, program, cups);
        double[] cupLimitsKpa = new double[cups];
        String[] cupNames = new String[cups];
        for (int c = 0; c < cups; c++) {
            Placement placement = request.placements().get(c);
            cupLimitsKpa[c] = limits[c].kpa();
            cupNames[c] = "cup " + c + " (" + placement.deviceId() + " channel " + placement.channel() + ")";
        }
        try {
            SharedPumps.check(program, pumpGroups, cupLimitsKpa, cupNames, settings.periodNanos());
        } catch (SessionException refused) {
            throw new SessionException(who + " planned what the device cannot do: " + refused.getMessage());
        }
        List<OverTreatmentRules.PlannedSite> realSites = realSites(request, cupSlots, timelines);
        Map<String, Object> overTreatmentRecord = judgeOverTreatment(request, realSites, caller);
        ProgramPolicy policy = program.policy();
        double rise = policy.maxRiseKpaPerSecond() > 0
                ? Math.min(policy.maxRiseKpaPerSecond(), settings.rampLimitKpaPerSecond())
                : settings.rampLimitKpaPerSecond();
        double leak = policy.leakToleranceKpa() > 0
                ? Math.min(Math.max(policy.leakToleranceKpa(), settings.leakThresholdKpa()),
                        HardLimits.MAX_LEAK_TOLERANCE_KPA)
                : settings.leakThresholdKpa();
        long dwell = settings.dwellLimitSeconds() * 1_000_000_000L;
        if (!policy.maxDwell().isZero()) {
            dwell = Math.min(dwell, policy.maxDwell().toNanos());
        }
        long programNanos = 0;
        for (CompiledTimeline timeline : timelines) {
            programNanos = Math.max(programNanos, timeline.totalNanos());
        }
        CupLimits cupLimits = new CupLimits(rise, settings.rampOutKpaPerSecond(), dwell, settings.dwellThresholdKpa(),
                leak, (long) (settings.leakDelaySeconds() * 1e9), (long) (settings.frozenSensorSeconds() * 1e9));
        SessionCup[] sessionCups = new SessionCup[cups];
        for (int c = 0; c < cups; c++) {
            sessionCups[c] = new SessionCup(c, request.placements().get(c), cupSlots[c], timelines[c],
                    limits[c].kpa(), magnets[c] != MagnetSupport.NONE, cupLimits);
        }
        ActiveSession session = new ActiveSession(id, request,
                new PlannedProgram(technique.technique(), technique.module(), program.name(), programNanos,
                        planRequest, program.adaptEvery()),
                sessionCups, host, cupSlots[0].clock().nanoTime());
        List<SessionPlan.CupPlan> cupPlans = new ArrayList<>();
        double scale = request.intensity() / 100.0;
        for (int c = 0; c < cups; c++) {
            cupPlans.add(new SessionPlan.CupPlan(c, request.placements().get(c), limits[c].kpa(), limits[c].setBy(),
                    peakOf(program, c) * scale));
        }
        SessionPlan view = new SessionPlan(technique.descriptor().id(), program.name(), program.duration(), cupPlans);
        boolean[] simulated = new boolean[cups];
        for (int c = 0; c < cups; c++) {
            simulated[c] = cupSlots[c].descriptor().simulated();
        }
        Map<String, Object> journalHeader = header(request, technique, parameters, program, limits, simulated, rise,
                leak, dwell);
        if (judgement != null) {
            journalHeader.put("verdicts", judgement.verdicts().stream().map(ScreeningJudge::journaled).toList());
        }
        if (overTreatmentRecord != null) {
            journalHeader.put("overTreatment", overTreatmentRecord);
        }
        return new Plan(session, journalHeader, view, realSites);
    }

    /**
     * SR-14: judges the screening, if the request carries one; adds what refuses the request to
     * {@code problems} and lowers every cup's limit as the verdicts say.
     *
     * @return the judgement, or null without screening
     */
    private ScreeningJudge.Judgement judgeScreening(SessionRequest request, TechniqueCatalogue.Entry technique,
            PluginCaller caller, CupLimit[] limits, List<String> problems) {
        if (request.screeningGiven().isEmpty()) {
            return null;
        }
        ScreeningCase screeningCase = new ScreeningCase(request.client().id(), request.screening(),
                technique.descriptor().id(), technique.descriptor().style(),
                request.placements().stream().map(Placement::site).toList());
        ScreeningJudge.Judgement judgement = ScreeningJudge.judge(screeningCase, screeningRules.snapshot(), caller);
        problems.addAll(judgement.problems());
        if (judgement.fraction() < 1.0) {
            long percent = Math.round(judgement.fraction() * 100);
            for (int c = 0; c < limits.length; c++) {
                if (limits[c] != null) {
                    limits[c] = limits[c].lower(limits[c].kpa() * judgement.fraction(), judgement.loweredBy() + " ("
                            + percent + " % of the " + limits[c].kpa() + " kPa set by " + limits[c].setBy() + ")");
                }
            }
        }
        return judgement;
    }

    private static List<OverTreatmentRules.PlannedSite> realSites(SessionRequest request, DeviceSlot[] cupSlots,
            CompiledTimeline[] timelines) {
        List<OverTreatmentRules.PlannedSite> planned = new ArrayList<>();
        for (int c = 0; c < cupSlots.length; c++) {
            if (!cupSlots[c].descriptor().simulated()) {
                Placement placement = request.placements().get(c);
                planned.add(new OverTreatmentRules.PlannedSite(c, placement.deviceId(), placement.site(),
                        Duration.ofNanos(timelines[c].totalNanos())));
            }
        }
        return List.copyOf(planned);
    }

    /**
     * SR-15: the cups on real devices against the client's history. A site treated within the
     * minimum interval, or beyond the daily exposure with this session, refuses the start unless the
     * request carries an override; history that cannot be read refuses it whatever the request says.
     *
     * @return what the journal keeps (the rules, the warnings and the override), or null when every
     *         cup is on a simulated device
     */
    private Map<String, Object> judgeOverTreatment(SessionRequest request, List<OverTreatmentRules.PlannedSite> planned,
            PluginCaller caller) throws SessionException {
        if (planned.isEmpty()) {
            return null;
        }
        Instant now = histories.now();
        List<PastTreatment> history;
        try {
            history = histories.read(request.client().id(), now.minus(overTreatment.lookBack()), caller);
        } catch (HistoryUnavailableException e) {
            throw new SessionException("session request refused: over-treatment (SR-15): the treatment history of"
                    + " client " + request.client().id() + " cannot be read (" + e.getMessage() + "); a session on a"
                    + " real device needs it");
        }
        List<String> warnings = overTreatment.warnings(request.client().id(), planned, history, now);
        if (!warnings.isEmpty() && request.override() == null) {
            throw new SessionException("session request refused: over-treatment (SR-15): " + String.join("; ",
                    warnings) + "; to treat anyway, start with an override that names who approves it and why");
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("siteIntervalHours", settings.siteIntervalHours());
        record.put("dailySiteExposureMinutes", settings.dailySiteExposureMinutes());
        record.put("history", histories.source());
        record.put("warnings", warnings);
        record.put("override", request.overrideGiven().map(o -> (Object) Map.of("approvedBy", o.approvedBy(),
                "reason", o.reason())).orElse("none"));
        return record;
    }

    /** A cup's limit and, in words, the limit that set it. */
    record CupLimit(double kpa, String setBy) {
        CupLimit lower(double other, String why) {
            return other < kpa ? new CupLimit(other, why) : this;
        }
    }

    private void checkPlacements(SessionRequest request, TechniqueDescriptor technique,
            Map<String, DeviceSlot> devices, DeviceSlot[] cupSlots, CupLimit[] limits, MagnetSupport[] magnets,
            int[] pumpGroups, List<String> problems) {
        Set<String> used = new HashSet<>();
        Map<String, Integer> pumps = new HashMap<>();
        OptionalDouble screeningLimit = request.screeningGiven().map(s -> s.limit()).orElse(OptionalDouble.empty());
        for (int c = 0; c < request.placements().size(); c++) {
            Placement placement = request.placements().get(c);
            String where = "cup " + c + " (" + placement.deviceId() + " channel " + placement.channel() + ")";
            DeviceSlot slot = devices.get(placement.deviceId());
            if (slot == null) {
                problems.add(where + ": no device '" + placement.deviceId() + "'; connected: " + devices.keySet());
                continue;
            }
            if (slot.state() != DeviceState.READY) {
                problems.add(where + ": device is " + slot.state() + " (" + slot.stateReason() + ")");
            }
            if (placement.channel() >= slot.channels()) {
                problems.add(where + ": the device has channels 0.." + (slot.channels() - 1));
                continue;
            }
            if (!used.add(placement.deviceId() + "#" + placement.channel())) {
                problems.add(where + ": that channel is already used by another cup of this session");
            }
            if (settings.virtualClock() && !slot.descriptor().simulated()) {
                problems.add(where + ": the engine runs on the virtual clock, whose time is not the wall's;"
                        + " only a simulated device may be driven by it");
            }
            if (request.screeningGiven().isEmpty() && !slot.descriptor().simulated()) {
                problems.add(where + ": no screening given; without screening only a simulated device may be used");
            }
            BodyRegion region = placement.site().region();
            if (!technique.regions().isEmpty() && !technique.regions().contains(region)) {
                problems.add(where + ": technique '" + technique.id() + "' is meant for " + names(technique.regions())
                        + ", not " + names(List.of(region)));
            }
            ChannelDescriptor channel = slot.descriptor().channels().get(placement.channel());
            CupLimit limit = new CupLimit(HardLimits.MAX_VACUUM_KPA, "the engine's hard limit")
                    .lower(slot.descriptor().maxVacuumKpa(), "device " + placement.deviceId())
                    .lower(channel.maxVacuumKpa(), "channel " + placement.channel() + " of " + placement.deviceId())
                    .lower(region.maxVacuumKpa(), "body region " + names(List.of(region)));
            if (screeningLimit.isPresent()) {
                limit = limit.lower(screeningLimit.getAsDouble(), "screening");
            }
            cupSlots[c] = slot;
            limits[c] = limit;
            magnets[c] = channel.magnet();
            pumpGroups[c] = pumps.computeIfAbsent(placement.deviceId() + "#" + channel.pumpGroup(),
                    k -> pumps.size());
        }
    }

    private static String names(List<BodyRegion> regions) {
        return String.join(", ", regions.stream()
                .map(r -> r.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')).toList());
    }

    /** The cups as the technique sees them: neighbours are the cups one zone nearer or farther in the chain. */
    private static List<Cup> cupsOf(SessionRequest request, CupLimit[] limits, MagnetSupport[] magnets,
            int[] pumpGroups) {
        List<Placement> placements = request.placements();
        List<Cup> cups = new ArrayList<>(placements.size());
        for (int c = 0; c < placements.size(); c++) {
            Placement p = placements.get(c);
            Cup cup = Cup.of(c, p.site(), limits[c].kpa()).withMagnet(magnets[c]).withPumpGroup(pumpGroups[c])
                    .withOverrides(p.overrides());
            if (p.zone().isPresent()) {
                int zone = p.zone().getAsInt();
                List<Integer> next = new ArrayList<>();
                for (int o = 0; o < placements.size(); o++) {
                    OptionalInt other = placements.get(o).zone();
                    if (other.isPresent() && Math.abs(other.getAsInt() - zone) == 1) {
                        next.add(o);
                    }
                }
                cup = cup.inZone(zone, next);
            }
            cups.add(cup);
        }
        return cups;
    }

    private Map<String, ParameterValue> checkParameters(SessionRequest request, TechniqueDescriptor descriptor,
            List<String> problems) {
        Map<String, ParameterValue> values = new HashMap<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        for (Map.Entry<String, ParameterValue> given : request.parameters().entrySet()) {
            ParameterSpec spec = known(descriptor, given.getKey(), "", problems);
            if (spec != null && accepted(spec, given.getValue(), "", problems)) {
                values.put(spec.name(), given.getValue());
            }
        }
        for (int c = 0; c < request.placements().size(); c++) {
            String cup = "cup " + c + ": ";
            for (Map.Entry<String, ParameterValue> given : request.placements().get(c).overrides().entrySet()) {
                ParameterSpec spec = known(descriptor, given.getKey(), cup, problems);
                if (spec == null) {
                    continue;
                }
                if (!spec.isPerCup()) {
                    problems.add(cup + "parameter '" + spec.name() + "' applies to the whole session; it cannot be set"
                            + " for one cup");
                    continue;
                }
                accepted(spec, given.getValue(), cup, problems);
            }
        }
        return values;
    }

    private static ParameterSpec known(TechniqueDescriptor descriptor, String name, String where,
            List<String> problems) {
        var spec = descriptor.parameter(name);
        if (spec.isEmpty()) {
            problems.add(where + "technique '" + descriptor.id() + "' has no parameter '" + name + "'; it has "
                    + descriptor.parameters().stream().map(ParameterSpec::name).toList());
            return null;
        }
        return spec.get();
    }

    private static boolean accepted(ParameterSpec spec, ParameterValue value, String where, List<String> problems) {
        if (value == null) {
            problems.add(where + "parameter '" + spec.name() + "' has no value; it must be " + spec.allowed());
            return false;
        }
        var problem = spec.problemWith(value);
        problem.ifPresent(p -> problems.add(where + p));
        return problem.isEmpty();
    }

    /** The highest level a program asks of one cup, at nominal intensity. */
    private static double peakOf(Program program, int cup) {
        double peak = 0;
        for (Timeline timeline : program.timelines()) {
            if (timeline.cup() != cup) {
                continue;
            }
            for (Segment segment : timeline.segments()) {
                peak = Math.max(peak, Segments.peak(segment));
            }
        }
        return peak;
    }

    /**
     * Checks the program's length before anything is compiled, so that no duration a plugin made
     * up can overflow the engine's nanosecond clock, then compiles each cup's timeline.
     */
    private CompiledTimeline[] compile(String who, Program program, int cups) throws SessionException {
        if (program == null) {
            throw new SessionException(who + " returned no program");
        }
        for (Timeline timeline : program.timelines()) {
            checkTimeline(who, "planned", timeline, cups, settings);
        }
        if (program.timelines().stream().allMatch(t -> lengthOf(t).isZero())) {
            throw new SessionException(who + " returned an empty program");
        }
        CompiledTimeline[] compiled = new CompiledTimeline[cups];
        for (Timeline timeline : program.timelines()) {
            compiled[timeline.cup()] = CompiledTimeline.compile(timeline);
        }
        for (int c = 0; c < cups; c++) {
            if (compiled[c] == null) {
                compiled[c] = CompiledTimeline.idle();
            }
        }
        return compiled;
    }

    /**
     * Checks and compiles an adaptive technique's revision for a session of {@code cups} cups, off the
     * control thread, with the same bounds as a program.
     *
     * @return by cup index, the continuation each named cup takes over; null for the others
     * @throws SessionException naming the technique and what is wrong
     */
    static CompiledTimeline[] compileRevision(String who, ProgramRevision revision, int cups, EngineSettings settings)
            throws SessionException {
        if (revision == null) {
            throw new SessionException(who + " returned no revision (null instead of an empty Optional)");
        }
        for (Timeline timeline : revision.continuations()) {
            checkTimeline(who, "revised", timeline, cups, settings);
        }
        CompiledTimeline[] compiled = new CompiledTimeline[cups];
        for (Timeline timeline : revision.continuations()) {
            compiled[timeline.cup()] = CompiledTimeline.compile(timeline);
        }
        return compiled;
    }

    /** A timeline names a cup of the session and lasts no longer than a session may. */
    private static void checkTimeline(String who, String verb, Timeline timeline, int cups, EngineSettings settings)
            throws SessionException {
        if (timeline.cup() >= cups) {
            throw new SessionException(who + " " + verb + " cup " + timeline.cup() + " but the session has cups 0.."
                    + (cups - 1));
        }
        Duration length = lengthOf(who, timeline);
        if (length.compareTo(Duration.ofMinutes(settings.maxSessionMinutes())) > 0) {
            throw new SessionException(who + " " + verb + " " + describe(length) + " for cup " + timeline.cup()
                    + ", which is too long: the maximum session is " + settings.maxSessionMinutes() + " min");
        }
    }

    private static Duration lengthOf(String who, Timeline timeline) throws SessionException {
        try {
            return timeline.duration();
        } catch (ArithmeticException overflow) {
            throw new SessionException(who + " planned cup " + timeline.cup() + " longer than any clock can count,"
                    + " which is too long", overflow);
        }
    }

    /** The length of a timeline already checked by {@link #lengthOf(String, Timeline)}. */
    private static Duration lengthOf(Timeline timeline) {
        return timeline.duration();
    }

    private static String describe(Duration length) {
        return length.toDays() > 1 ? length.toDays() + " days" : length.toMinutes() + " min";
    }

    private static Object screeningRecord(Screening screening) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("conditions", screening.conditions().stream().map(Contraindication::key).sorted().toList());
        fields.put("sites", screening.sites().stream().map(f -> f.condition().key() + " on "
                + f.region().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "/"
                + f.side().name().toLowerCase(java.util.Locale.ROOT)).toList());
        fields.put("maxVacuumKpa", screening.limit().isPresent() ? (Object) screening.limit().getAsDouble() : "none");
        fields.put("screenedBy", screening.screenedBy());
        fields.put("consent", screening.consentGiven().map(c -> (Object) Map.of("givenBy", c.givenBy(), "reason",
                c.reason())).orElse("none"));
        return fields;
    }

    private Map<String, Object> header(SessionRequest request, TechniqueCatalogue.Entry technique,
            Map<String, ParameterValue> parameters, Program program, CupLimit[] limits, boolean[] simulated,
            double rise, double leak, long dwell) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put(SessionJournalFormat.FORMAT_FIELD, SessionJournalFormat.VERSION);
        header.put("operator", request.operator());
        header.put("client", request.client().id());
        header.put("screening", request.screeningGiven().map(SessionPlanner::screeningRecord)
                .orElse("none (simulated devices only)"));
        header.put("technique", technique.descriptor().id());
        header.put("techniqueVersion", technique.descriptor().version());
        header.put("origin", technique.origin());
        header.put("style", technique.descriptor().style().name());
        header.put("module", technique.module());
        header.put("program", program.name());
        header.put("plannedSeconds", program.duration().toMillis() / 1000.0);
        Map<String, Object> shown = new java.util.TreeMap<>();
        parameters.forEach((name, value) -> shown.put(name, value.toString()));
        header.put("parameters", shown);
        header.put("intensity", request.intensity());
        List<Map<String, Object>> cups = new ArrayList<>();
        for (int c = 0; c < request.placements().size(); c++) {
            Placement p = request.placements().get(c);
            Map<String, Object> overrides = new java.util.TreeMap<>();
            p.overrides().forEach((name, value) -> overrides.put(name, value.toString()));
            Map<String, Object> cup = new LinkedHashMap<>();
            cup.put("cup", c);
            cup.put("device", p.deviceId());
            cup.put("channel", p.channel());
            cup.put("simulated", simulated[c]);
            cup.put("site", p.site().toString());
            // region and side apart, so the treatment history (SR-15) reads the site without parsing text
            cup.put("region", p.site().region().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            cup.put("side", p.site().side().name().toLowerCase(java.util.Locale.ROOT));
            cup.put("zone", p.zone().isPresent() ? p.zone().getAsInt() : "none");
            cup.put("overrides", overrides);
            cup.put("limitKpa", limits[c].kpa());
            cup.put("limitSetBy", limits[c].setBy());
            cups.add(cup);
        }
        header.put("cups", cups);
        header.put("limits", Map.of("riseKpaPerSecond", rise, "leakThresholdKpa", leak, "dwellSeconds",
                dwell / 1_000_000_000L, "maxSessionMinutes", settings.maxSessionMinutes()));
        return header;
    }
}
