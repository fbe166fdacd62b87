package io.upwell.engine.core.internal;

import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.api.device.MagnetSupport;
import io.upwell.api.safety.HardLimits;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.Timeline;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.program.CompiledTimeline;
import io.upwell.engine.core.internal.session.ActiveSession;
import io.upwell.engine.core.internal.session.CupLimits;
import io.upwell.engine.core.internal.session.PlannedProgram;
import io.upwell.engine.core.internal.session.SessionCup;
import io.upwell.engine.core.internal.session.SessionHost;
import java.time.Duration;
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

    record Plan(ActiveSession session, Map<String, Object> journalHeader) {
    }

    private final EngineSettings settings;

    SessionPlanner(EngineSettings settings) {
        this.settings = settings;
    }

    Plan plan(String id, SessionRequest request, TechniqueCatalogue.Entry technique, Map<String, DeviceSlot> devices,
            PluginCaller caller, SessionHost host) throws SessionException {
        List<String> problems = new ArrayList<>();
        int cups = request.placements().size();
        DeviceSlot[] cupSlots = new DeviceSlot[cups];
        double[] limits = new double[cups];
        boolean[] magnetic = new boolean[cups];
        checkPlacements(request, devices, cupSlots, limits, magnetic, problems);
        Map<String, Double> parameters = checkParameters(request, technique.descriptor(), problems);
        if (!problems.isEmpty()) {
            throw new SessionException("session request refused: " + String.join("; ", problems));
        }

        List<Cup> planCups = new ArrayList<>();
        for (int c = 0; c < cups; c++) {
            planCups.add(new Cup(c, request.placements().get(c).site(), limits[c], magnetic[c]));
        }
        PlanRequest planRequest = new PlanRequest(planCups, parameters);
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
            sessionCups[c] = new SessionCup(c, request.placements().get(c), cupSlots[c], timelines[c], limits[c],
                    magnetic[c], cupLimits);
        }
        ActiveSession session = new ActiveSession(id, request,
                new PlannedProgram(technique.technique(), technique.module(), program.name(), programNanos),
                sessionCups, host, cupSlots[0].clock().nanoTime());
        return new Plan(session, header(request, technique, parameters, program, limits, rise, leak, dwell));
    }

    private void checkPlacements(SessionRequest request, Map<String, DeviceSlot> devices, DeviceSlot[] cupSlots,
            double[] limits, boolean[] magnetic, List<String> problems) {
        Set<String> used = new HashSet<>();
        double screeningLimit = request.screening().flatMap(s -> s.maxVacuumKpa().isPresent()
                ? java.util.Optional.of(s.maxVacuumKpa().getAsDouble()) : java.util.Optional.empty())
                .orElse(Double.POSITIVE_INFINITY);
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
            if (request.screening().isEmpty() && !slot.descriptor().simulated()) {
                problems.add(where + ": no screening given; without screening only a simulated device may be used");
            }
            ChannelDescriptor channel = slot.descriptor().channels().get(placement.channel());
            BodyRegion region = placement.site().region();
            double limit = Math.min(Math.min(HardLimits.MAX_VACUUM_KPA, slot.descriptor().maxVacuumKpa()),
                    Math.min(Math.min(channel.maxVacuumKpa(), region.maxVacuumKpa()), screeningLimit));
            cupSlots[c] = slot;
            limits[c] = limit;
            magnetic[c] = channel.magnet() != MagnetSupport.NONE;
        }
    }

    private Map<String, Double> checkParameters(SessionRequest request, TechniqueDescriptor descriptor,
            List<String> problems) {
        Map<String, Double> values = new HashMap<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            values.put(spec.name(), spec.defaultValue());
        }
        int cups = request.placements().size();
        for (Map.Entry<String, Double> given : request.parameters().entrySet()) {
            String key = given.getKey();
            int at = key.indexOf(PlanRequest.CUP_SEPARATOR);
            String name = at < 0 ? key : key.substring(0, at);
            var spec = descriptor.parameter(name);
            if (spec.isEmpty()) {
                problems.add("parameter '" + key + "': technique '" + descriptor.id() + "' has no parameter '" + name
                        + "'; it has " + descriptor.parameters().stream().map(ParameterSpec::name).toList());
                continue;
            }
            if (at >= 0) {
                String cupText = key.substring(at + 1);
                int cup;
                try {
                    cup = Integer.parseInt(cupText);
                } catch (NumberFormatException e) {
                    problems.add("parameter '" + key + "': '" + cupText + "' is not a cup number");
                    continue;
                }
                if (cup < 0 || cup >= cups) {
                    problems.add("parameter '" + key + "': the session has cups 0.." + (cups - 1));
                    continue;
                }
            }
            Double value = given.getValue();
            if (value == null || !spec.get().accepts(value)) {
                problems.add("parameter '" + key + "' = " + value + " " + spec.get().unit() + ": must be "
                        + spec.get().min() + " to " + spec.get().max());
                continue;
            }
            values.put(key, value);
        }
        return values;
    }

    /**
     * Checks the program's length before anything is compiled, so that no duration a plugin made
     * up can overflow the engine's nanosecond clock, then compiles each cup's timeline.
     */
    private CompiledTimeline[] compile(String who, Program program, int cups) throws SessionException {
        if (program == null) {
            throw new SessionException(who + " returned no program");
        }
        Duration max = Duration.ofMinutes(settings.maxSessionMinutes());
        for (Timeline timeline : program.timelines()) {
            if (timeline.cup() >= cups) {
                throw new SessionException(who + " planned cup " + timeline.cup() + " but the session has cups 0.."
                        + (cups - 1));
            }
            Duration length = lengthOf(who, timeline);
            if (length.compareTo(max) > 0) {
                throw new SessionException(who + " planned " + describe(length) + " for cup " + timeline.cup()
                        + ", which is too long: the maximum session is " + settings.maxSessionMinutes() + " min");
            }
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

    private Map<String, Object> header(SessionRequest request, TechniqueCatalogue.Entry technique,
            Map<String, Double> parameters, Program program, double[] limits, double rise, double leak, long dwell) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("operator", request.operator());
        header.put("client", request.client().id());
        header.put("screening", request.screening().map(s -> (Object) Map.of("answers", s.answers(),
                "maxVacuumKpa", s.maxVacuumKpa().isPresent() ? s.maxVacuumKpa().getAsDouble() : "none",
                "screenedBy", s.screenedBy())).orElse("none (simulated devices only)"));
        header.put("technique", technique.descriptor().id());
        header.put("style", technique.descriptor().style().name());
        header.put("module", technique.module());
        header.put("program", program.name());
        header.put("plannedSeconds", program.duration().toMillis() / 1000.0);
        header.put("parameters", new java.util.TreeMap<>(parameters));
        header.put("intensity", request.intensity());
        List<Map<String, Object>> cups = new ArrayList<>();
        for (int c = 0; c < request.placements().size(); c++) {
            Placement p = request.placements().get(c);
            cups.add(Map.of("cup", c, "device", p.deviceId(), "channel", p.channel(), "site", p.site().toString(),
                    "limitKpa", limits[c]));
        }
        header.put("cups", cups);
        header.put("limits", Map.of("riseKpaPerSecond", rise, "leakThresholdKpa", leak, "dwellSeconds",
                dwell / 1_000_000_000L, "maxSessionMinutes", settings.maxSessionMinutes()));
        return header;
    }
}
