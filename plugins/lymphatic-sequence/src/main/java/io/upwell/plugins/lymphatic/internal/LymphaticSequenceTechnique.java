package io.upwell.plugins.lymphatic.internal;

import io.upwell.api.technique.ParameterReader;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.PerSession;
import io.upwell.api.technique.ProgramRevision;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.Program;
import io.upwell.api.technique.ProgramPolicy;
import io.upwell.api.technique.Segment;
import io.upwell.api.technique.Technique;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueException;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.technique.Timeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.osgi.service.component.annotations.Component;

/**
 * Lymphatic sequence: the cups form a chain by zone, 0 nearest the trunk. A clearing pass works
 * from the trunk outwards (zone 0, then 1, ...), so the way is open before fluid is moved towards it;
 * then waves run from the most distal zone back to zone 0. Each zone in its turn gets a group of
 * gentle pulses at low vacuum, released to ambient between pulses, one zone at a time. Vacuum rises
 * at no more than {@link #MAX_RISE_KPA_PER_SECOND}.
 */
@Component(service = Technique.class)
public final class LymphaticSequenceTechnique implements Technique {

    static final String ID = "lymphatic-sequence";

    /** Half the engine's default ramp limit (10 kPa/s): lymph work wants gentle rises. Judgement. */
    static final double MAX_RISE_KPA_PER_SECOND = 5.0;

    private static final TechniqueDescriptor DESCRIPTOR = TechniqueDescriptor.of(ID, "Lymphatic sequence",
            TechniqueStyle.LYMPHATIC,
            "Gentle pulses of low vacuum moved along a chain of cups to help lymph drain: first zone by zone"
                    + " from the trunk outwards to clear the way, then in waves from the far end back towards the"
                    + " trunk. One zone pulls at a time, each cup is released between pulses, and vacuum rises at"
                    + " no more than 5 kPa/s. Every cup needs its zone, 0 nearest the trunk.",
            LymphaticParameters.ALL)
            .withSources(List.of(
                    "LymphaTouch reference pages: oedema 20 to 150 mmHg; pulse mode 50 to 150 mmHg, 3 to 10 pulses"
                            + " per zone, then move on",
                    "Kamm 1986; sequential compression pump manuals: 0 to 0.5 s between chambers, a cycle of 75 s"
                            + " to 5 min; for suction, proximal zones are cleared first"));

    @Override
    public TechniqueDescriptor descriptor() {
        return DESCRIPTOR;
    }

    /** How often the engine shows a following session its cups, to catch a cue soon after it is given. */
    static final Duration ADAPT_EVERY = Duration.ofMillis(250);

    private static final ProgramPolicy POLICY = new ProgramPolicy(MAX_RISE_KPA_PER_SECOND, 0, Duration.ZERO);

    private final PerSession<FollowTherapist> following = new PerSession<>(
            request -> new FollowTherapist(Schedule.of(request)));

    @Override
    public Program plan(PlanRequest request) throws TechniqueException {
        ParameterReader values = new ParameterReader(ID, request);
        if (values.toggle(LymphaticParameters.FOLLOW)) {
            Schedule schedule = Schedule.of(request);
            int zones = schedule.chain().size();
            Program program = schedule.program("Lymphatic sequence following the therapist: " + zones
                    + (zones == 1 ? " zone" : " zones") + " cleared from the trunk outwards, then waves towards the"
                    + " trunk, from the zone under the therapist's hands after a cue", POLICY)
                    .adaptingEvery(ADAPT_EVERY);
            ZoneOrder.check(program, schedule.chain(), true);
            return program;
        }
        Chain chain = Chain.of(request.cups());
        int pulses = values.count(LymphaticParameters.COUNT);
        Duration on = ParameterReader.seconds(values.number(LymphaticParameters.ON));
        Duration off = ParameterReader.seconds(values.number(LymphaticParameters.OFF));
        Duration gap = ParameterReader.seconds(values.number(LymphaticParameters.GAP));
        int waves = values.count(LymphaticParameters.WAVE_COUNT);
        int zones = chain.size();

        // The order of the zones' turns: the clearing pass, then the waves.
        List<Integer> turns = new ArrayList<>();
        for (int zone = 0; zone < zones; zone++) {
            turns.add(zone);
        }
        for (int wave = 0; wave < waves; wave++) {
            for (int zone = zones - 1; zone >= 0; zone--) {
                turns.add(zone);
            }
        }
        Duration turnLength = on.plus(off).multipliedBy(pulses);
        List<List<Segment>> segments = new ArrayList<>();
        Duration[] cursor = new Duration[zones];
        double[] level = new double[zones];
        for (int zone = 0; zone < zones; zone++) {
            segments.add(new ArrayList<>());
            cursor[zone] = Duration.ZERO;
            Cup cup = chain.cup(zone);
            level[zone] = Math.min(values.number(LymphaticParameters.PULSE, cup), values.limitOf(cup));
        }
        Duration t = Duration.ZERO;
        for (int turn = 0; turn < turns.size(); turn++) {
            int zone = turns.get(turn);
            Duration idle = t.minus(cursor[zone]);
            if (!idle.isZero()) {
                segments.get(zone).add(new Segment.Hold(0.0, idle));
            }
            segments.get(zone).add(new Segment.Pulse(0.0, level[zone], on, off, pulses));
            cursor[zone] = t.plus(turnLength);
            t = cursor[zone].plus(gap);
        }
        List<Timeline> timelines = new ArrayList<>(zones);
        for (Cup cup : request.cups()) {
            timelines.add(new Timeline(cup.index(), segments.get(chain.zoneOf(cup.index()))));
        }
        Program program = new Program("Lymphatic sequence: " + zones + (zones == 1 ? " zone" : " zones")
                + " cleared from the trunk outwards, then " + waves + (waves == 1 ? " wave" : " waves")
                + " towards the trunk", timelines, POLICY);
        ZoneOrder.check(program, chain);
        return program;
    }

    /** Only a session planned to follow the therapist adapts: a cue starts a wave under the hands. */
    @Override
    public Optional<ProgramRevision> adapt(Observation observation) throws TechniqueException {
        FollowTherapist follow = following.of(observation.request());
        synchronized (follow) {
            return follow.observe(observation, POLICY);
        }
    }

    /** The sessions followed, for tests. */
    PerSession<FollowTherapist> following() {
        return following;
    }
}
