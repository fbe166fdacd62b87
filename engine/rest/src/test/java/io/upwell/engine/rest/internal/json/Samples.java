package io.upwell.engine.rest.internal.json;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceState;
import io.upwell.api.device.MagnetSupport;
import io.upwell.api.history.TreatmentOverride;
import io.upwell.api.preview.Preview;
import io.upwell.api.records.AlarmRecord;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.records.OverTreatmentRecord;
import io.upwell.api.records.Outcome;
import io.upwell.api.records.ScreeningRecord;
import io.upwell.api.records.SessionEvent;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.TraceSample;
import io.upwell.api.records.VerdictRecord;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.safety.AlarmState;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.screening.Consent;
import io.upwell.api.screening.Contraindication;
import io.upwell.api.screening.Screening;
import io.upwell.api.screening.SiteCondition;
import io.upwell.api.screening.SiteFinding;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Client;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.JournalHealth;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/** The engine's API types filled in every field, some with the values that are hardest to write (NaN, empty, null). */
public final class Samples {

    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private Samples() {
    }

    public static Alarm alarm(String id, boolean latching) {
        return new Alarm(id, latching ? AlarmPriority.HIGH : AlarmPriority.LOW,
                latching ? AlarmCondition.EMERGENCY_STOP : AlarmCondition.REQUEST_CLAMPED, latching ? "" : "sim-1",
                latching ? -1 : 2, T0, "emergency stop by Ana: every channel vented", latching);
    }

    public static AlarmStatus raised(String id) {
        return new AlarmStatus(alarm(id, true), "", AlarmState.RAISED, "", null, null);
    }

    public static AlarmStatus acknowledged(String id) {
        return new AlarmStatus(alarm(id, false), "s-1", AlarmState.CLEARED, "Ana", T0.plusSeconds(3),
                T0.plusSeconds(3));
    }

    public static SessionSnapshot snapshot() {
        BodySite site = new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "below scapula");
        return new SessionSnapshot("s-1", "static-cupping", SessionState.RUNNING, "", Duration.ofMillis(12_345),
                Duration.ofSeconds(28), 90, List.of(
                        new ChannelStatus(0, "sim-1", 0, site, 36.0, 35.2, 40.1, 55, "hold"),
                        new ChannelStatus(1, "sim-1", 1, new BodySite(BodyRegion.CALF, Side.RIGHT, ""), 0, Double.NaN,
                                0, 40, "ramp")),
                List.of(alarm("a-1", false)));
    }

    public static DeviceStatus device() {
        return new DeviceStatus(new DeviceDescriptor("sim-1", "Upwell", "Simulator", List.of(
                ChannelDescriptor.plain(0, 60), new ChannelDescriptor(1, "B", 50, MagnetSupport.LEVEL, 0)), 70, true,
                Duration.ofMillis(200)), DeviceState.READY, "connected");
    }

    public static AvailableTechnique technique() {
        return new AvailableTechnique(TechniqueDescriptor.of("static-cupping", "Static cupping", TechniqueStyle.STATIC,
                "Cups held in place.", List.of(
                        ParameterSpec.number("targetKpa", "kPa", 8, 60, 40).perCup().withDescription("vacuum")
                                .withSource("judgement"),
                        ParameterSpec.choice("speed", List.of("slow", "fast"), "slow"),
                        ParameterSpec.toggle("magnets", false)))
                .withRegions(List.of(BodyRegion.UPPER_BACK)).withSources(List.of("Kim 2020")),
                "io.upwell.plugins.staticcupping 0.1.0", "bundle");
    }

    public static SessionRequest request() {
        Screening screening = new Screening(Set.of(Contraindication.ANTICOAGULANTS, Contraindication.DIABETES),
                List.of(new SiteFinding(BodyRegion.CALF, Side.LEFT, SiteCondition.VARICOSE_VEINS)), 30, "Dr Reis",
                new Consent("Ana Lima", "GP agreed"));
        return new SessionRequest("therapist", new Client("c-1", "Ana"), screening, "static-cupping",
                Map.of("targetKpa", ParameterValue.of(40), "speed", ParameterValue.of("slow"), "magnets",
                        ParameterValue.of(true)),
                List.of(new Placement("sim-1", 0, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""), OptionalInt.empty(),
                        Map.of("targetKpa", ParameterValue.of(30.5))),
                        new Placement("sim-1", 3, new BodySite(BodyRegion.SHOULDER, Side.RIGHT, "top"),
                                OptionalInt.of(2), Map.of())),
                120, new TreatmentOverride("Dr Reis", "follow-up agreed"));
    }

    public static SessionPlan plan() {
        SessionRequest request = request();
        return new SessionPlan("static-cupping", "Static cupping", Duration.ofSeconds(28), List.of(
                new SessionPlan.CupPlan(0, request.placements().get(0), 30, "screening", 36.6),
                new SessionPlan.CupPlan(1, request.placements().get(1), 50, "body region shoulder", 48)));
    }

    public static Preview preview() {
        List<Preview.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            samples.add(new Preview.Sample(Duration.ofMillis(100L * i), 0, 10 * i, i == 0 ? Double.NaN : 9 * i, "ramp"));
            if (i > 0) {
                samples.add(new Preview.Sample(Duration.ofMillis(100L * i), 1, 5 * i, 4 * i, "ramp"));
            }
        }
        return new Preview(plan(), samples, List.of(alarm("p-1", false)), SessionState.ENDED, "program complete",
                Duration.ofMillis(400));
    }

    public static DeliveryStatus delivery() {
        return new DeliveryStatus("jdbc:h2:file:/data/upwell-records", true, 3, List.of("s-9"), 12, null, null);
    }

    public static LoopStatistics loop() {
        return new LoopStatistics(20_000_000, 1500, 2, 140_000, 220_000, 6_350_000);
    }

    public static JournalHealth journal() {
        return new JournalHealth(false, "disk full at 10:00", 3);
    }

    public static SessionRecord record() {
        SessionSummary summary = new SessionSummary("s-1", "room-2", "C-17", "Ana", "static-cupping", "1.2.0",
                List.of("sim-1"), List.of("upper-back/left"), "2026-11-24T09:00:00Z", "2026-11-24T09:00:03Z", 3.0,
                Outcome.ABORTED, "leak", 1);
        return new SessionRecord(summary, "Static cupping", "io.upwell.plugins.staticcupping 0.1.0", "bundle", 10, 90,
                Map.of("targetKpa", "20"), Map.of("dwellSeconds", 900.0),
                List.of(new CupRecord(0, "sim-1", 0, "upper-back/left", "", null, Map.of(), 55, "body region", 19.5,
                        2.9, 56.55, true)),
                new ScreeningRecord(true, List.of("diabetes"), List.of(), 30.0, "Dr. Reis", "Ana", "GP agreed",
                        List.of(new VerdictRecord("relative", "lower", "diabetes", "judgement", 0.6, true))),
                List.of(new AlarmRecord("2026-11-24T09:00:02Z", "HIGH", "LEAK", "SR-06", "sim-1", 1, "seal lost", true,
                        null, null)),
                List.of(new SessionEvent("2026-11-24T09:00:01Z", "state", Map.of("to", "RUNNING"))),
                List.of(new TraceSample(0, 0, 20, null), new TraceSample(0.1, 0, 20, 19.5)), 1, 0, 0,
                new OverTreatmentRecord(48, 30, "read", List.of(), null, null));
    }
}
