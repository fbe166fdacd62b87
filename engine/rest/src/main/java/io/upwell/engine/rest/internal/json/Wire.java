package io.upwell.engine.rest.internal.json;

import static io.upwell.engine.rest.internal.json.WireGson.finite;

import com.google.gson.JsonPrimitive;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.preview.Preview;
import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.JournalHealth;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.engine.rest.internal.json.WireTypes.AlarmJson;
import io.upwell.engine.rest.internal.json.WireTypes.ChannelJson;
import io.upwell.engine.rest.internal.json.WireTypes.CupJson;
import io.upwell.engine.rest.internal.json.WireTypes.CupPlanJson;
import io.upwell.engine.rest.internal.json.WireTypes.DeviceJson;
import io.upwell.engine.rest.internal.json.WireTypes.HealthJson;
import io.upwell.engine.rest.internal.json.WireTypes.JournalJson;
import io.upwell.engine.rest.internal.json.WireTypes.LoopJson;
import io.upwell.engine.rest.internal.json.WireTypes.ParameterJson;
import io.upwell.engine.rest.internal.json.WireTypes.PlanJson;
import io.upwell.engine.rest.internal.json.WireTypes.PreviewCupJson;
import io.upwell.engine.rest.internal.json.WireTypes.PreviewJson;
import io.upwell.engine.rest.internal.json.WireTypes.SampleCupJson;
import io.upwell.engine.rest.internal.json.WireTypes.SampleJson;
import io.upwell.engine.rest.internal.json.WireTypes.SiteJson;
import io.upwell.engine.rest.internal.json.WireTypes.SnapshotJson;
import io.upwell.engine.rest.internal.json.WireTypes.StreamJson;
import io.upwell.engine.rest.internal.json.WireTypes.TechniqueJson;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** From the engine's API types to the API's JSON shapes ({@link WireTypes}). */
public final class Wire {

    /** Looks an alarm's status up by id; empty when the engine no longer keeps it. */
    public interface AlarmLookup extends Function<String, Optional<AlarmStatus>> {
        AlarmLookup NONE = id -> Optional.empty();
    }

    private Wire() {
    }

    public static SiteJson site(BodySite site) {
        return new SiteJson(site.region().name(), site.side().name(), site.label());
    }

    public static SnapshotJson snapshot(SessionSnapshot snapshot, AlarmLookup alarms) {
        List<CupJson> cups = new ArrayList<>(snapshot.channels().size());
        for (ChannelStatus c : snapshot.channels()) {
            cups.add(new CupJson(c.cup(), c.deviceId(), c.channel(), site(c.site()), finite(c.targetKpa()),
                    finite(c.measuredKpa()), finite(c.peakKpa()), finite(c.limitKpa()), c.phase()));
        }
        List<AlarmJson> raised = new ArrayList<>(snapshot.alarms().size());
        for (Alarm alarm : snapshot.alarms()) {
            raised.add(alarm(alarm, snapshot.sessionId(), alarms.apply(alarm.id()).orElse(null)));
        }
        return new SnapshotJson(snapshot.sessionId(), snapshot.techniqueId(), snapshot.state().name(),
                snapshot.reason(), Units.seconds(snapshot.elapsed()), Units.seconds(snapshot.planned()),
                snapshot.intensity(), cups, raised);
    }

    public static AlarmJson alarm(AlarmStatus status) {
        return alarm(status.alarm(), status.sessionId(), status);
    }

    /** An alarm with its status when known ({@code status} may be null); {@code sessionId} empty for none. */
    public static AlarmJson alarm(Alarm alarm, String sessionId, AlarmStatus status) {
        String session = status != null ? status.sessionId() : sessionId;
        return new AlarmJson(alarm.id(), alarm.priority().name(), alarm.condition().name(),
                alarm.condition().requirement(), emptyToNull(alarm.deviceId()),
                alarm.channel() < 0 ? null : alarm.channel(), time(alarm.time()), alarm.message(), alarm.latching(),
                emptyToNull(session), status == null ? null : status.state().name(),
                status == null ? null : emptyToNull(status.acknowledgedBy()),
                status == null ? null : time(status.acknowledgedAt()), status == null ? null : time(status.clearedAt()));
    }

    public static DeviceJson device(DeviceStatus status) {
        DeviceDescriptor d = status.descriptor();
        List<ChannelJson> channels = new ArrayList<>(d.channels().size());
        for (ChannelDescriptor c : d.channels()) {
            channels.add(new ChannelJson(c.index(), c.label(), c.maxVacuumKpa(), c.magnet().name(), c.pumpGroup()));
        }
        String name = (d.vendor() + " " + d.model()).strip();
        return new DeviceJson(d.id(), name.isEmpty() ? d.id() : name, d.vendor(), d.model(), d.simulated(),
                d.maxVacuumKpa(), Units.seconds(d.quietTime()), channels, status.state().name(), status.reason());
    }

    public static TechniqueJson technique(AvailableTechnique available) {
        TechniqueDescriptor t = available.descriptor();
        List<ParameterJson> parameters = new ArrayList<>(t.parameters().size());
        for (ParameterSpec spec : t.parameters()) {
            parameters.add(parameter(spec));
        }
        return new TechniqueJson(t.id(), t.name(), t.version(), t.style().name(), t.description(), available.module(),
                available.origin(), t.regions().stream().map(BodyRegion::name).toList(), t.author(), t.sources(),
                parameters);
    }

    static ParameterJson parameter(ParameterSpec spec) {
        JsonPrimitive defaultValue = SessionRequestJson.value(spec.defaultValue());
        if (spec instanceof ParameterSpec.Number number) {
            return new ParameterJson(spec.name(), "number", number.unit(), number.min(), number.max(), defaultValue,
                    null, spec.isPerCup(), spec.description(), spec.source(), spec.allowed());
        }
        if (spec instanceof ParameterSpec.Choice choice) {
            return new ParameterJson(spec.name(), "choice", null, null, null, defaultValue, choice.options(),
                    spec.isPerCup(), spec.description(), spec.source(), spec.allowed());
        }
        return new ParameterJson(spec.name(), "toggle", null, null, null, defaultValue, null, spec.isPerCup(),
                spec.description(), spec.source(), spec.allowed());
    }

    public static PlanJson plan(SessionPlan plan) {
        List<CupPlanJson> cups = new ArrayList<>(plan.cups().size());
        for (SessionPlan.CupPlan cup : plan.cups()) {
            var placement = cup.placement();
            cups.add(new CupPlanJson(cup.cup(), placement.deviceId(), placement.channel(), site(placement.site()),
                    placement.zone().isPresent() ? placement.zone().getAsInt() : null, cup.limitKpa(), cup.limitSetBy(),
                    cup.programPeakKpa(), cup.clamped()));
        }
        return new PlanJson(plan.techniqueId(), plan.program(), Units.seconds(plan.duration()), cups);
    }

    /** A preview's trace by cup, one value per sample time; a cup missing at a time reads null. */
    public static PreviewJson preview(Preview preview, Duration sampleEvery) {
        TreeMap<Duration, Integer> rows = new TreeMap<>();
        TreeMap<Integer, Integer> columns = new TreeMap<>();
        for (Preview.Sample sample : preview.samples()) {
            rows.putIfAbsent(sample.time(), 0);
            columns.putIfAbsent(sample.cup(), 0);
        }
        int row = 0;
        List<Double> times = new ArrayList<>(rows.size());
        for (var entry : rows.entrySet()) {
            entry.setValue(row++);
            times.add(Units.seconds(entry.getKey()));
        }
        List<PreviewCupJson> cups = new ArrayList<>(columns.size());
        int column = 0;
        for (var entry : columns.entrySet()) {
            entry.setValue(column++);
            cups.add(new PreviewCupJson(entry.getKey(), nulls(rows.size()), nulls(rows.size()), nulls(rows.size())));
        }
        for (Preview.Sample sample : preview.samples()) {
            PreviewCupJson cup = cups.get(columns.get(sample.cup()));
            int at = rows.get(sample.time());
            cup.commandKpa().set(at, finite(sample.commandKpa()));
            cup.measuredKpa().set(at, finite(sample.measuredKpa()));
            cup.phase().set(at, sample.phase());
        }
        List<AlarmJson> alarms = preview.alarms().stream().map(a -> alarm(a, "", null)).toList();
        return new PreviewJson(plan(preview.plan()), preview.finalState().name(), preview.reason(),
                Units.seconds(preview.duration()), Units.seconds(sampleEvery), times, cups, alarms);
    }

    private static <T> List<T> nulls(int size) {
        List<T> list = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            list.add(null);
        }
        return list;
    }

    /** A live sample, as the stream sends it. */
    public static SampleJson sample(SessionSnapshot snapshot) {
        List<SampleCupJson> cups = new ArrayList<>(snapshot.channels().size());
        for (ChannelStatus c : snapshot.channels()) {
            cups.add(new SampleCupJson(c.cup(), finite(c.targetKpa()), finite(c.measuredKpa()), c.phase()));
        }
        return new SampleJson(snapshot.sessionId(), Units.seconds(snapshot.elapsed()), snapshot.state().name(),
                snapshot.intensity(), cups);
    }

    public static HealthJson health(boolean latched, JournalHealth journal, LoopStatistics loop,
            DeliveryStatus records, int streamClients, long streamDropped) {
        String status = latched ? "latched" : journal.healthy() ? "ok" : "degraded";
        return new HealthJson(status, latched, new JournalJson(journal.healthy(), journal.problem(),
                journal.lostRecords()), new LoopJson(Units.millis(loop.periodNanos()), loop.ticks(), loop.lateTicks(),
                        Units.millis(loop.p50Nanos()), Units.millis(loop.p99Nanos()), Units.millis(loop.maxNanos())),
                records, new StreamJson(streamClients, streamDropped));
    }

    static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
