package io.upwell.engine.rest.internal.json;

import com.google.gson.JsonElement;
import com.google.gson.annotations.SerializedName;
import io.upwell.api.records.DeliveryStatus;
import java.util.List;

/**
 * The JSON shapes the API answers with, one record each, written by {@link WireGson}. Field names are
 * the JSON names; a {@code Double} or {@code Integer} is null where a value is unknown or not
 * measured. {@link Wire} fills them from the engine's API types.
 */
public final class WireTypes {

    private WireTypes() {
    }

    public record SiteJson(String region, String side, String label) {
    }

    /** One cup of a live session. */
    public record CupJson(int cup, String device, int channel, SiteJson site, Double targetKpa, Double measuredKpa,
            Double peakKpa, Double limitKpa, String phase) {
    }

    /** A session's live state. */
    public record SnapshotJson(String id, String technique, String state, String reason, double elapsedSeconds,
            double plannedSeconds, int intensity, List<CupJson> cups, List<AlarmJson> alarms) {
    }

    /**
     * An alarm and where it is in its life; {@code state} and the acknowledgement are null for an alarm
     * the engine no longer keeps (an old session's) or one of a preview.
     */
    public record AlarmJson(String id, String priority, String condition, String requirement, String device,
            Integer channel, String time, String message, boolean latching, String session, String state,
            String acknowledgedBy, String acknowledgedAt, String clearedAt) {
    }

    public record ChannelJson(int channel, String label, double maxVacuumKpa, String magnet, int pumpGroup) {
    }

    public record DeviceJson(String id, String name, String vendor, String model, boolean simulated,
            double maxVacuumKpa, double quietTimeSeconds, List<ChannelJson> channels, String state, String reason) {
    }

    /**
     * A technique parameter: {@code kind} is {@code number} (with unit, min and max), {@code choice}
     * (with options) or {@code toggle}; {@code default} is a number, an option or a boolean accordingly.
     */
    public record ParameterJson(String name, String kind, String unit, Double min, Double max,
            @SerializedName("default") JsonElement defaultValue, List<String> options, boolean perCup,
            String description, String source, String allowed) {
    }

    public record TechniqueJson(String id, String name, String version, String style, String description,
            String module, String origin, List<String> regions, String author, List<String> sources,
            List<ParameterJson> parameters) {
    }

    public record CupPlanJson(int cup, String device, int channel, SiteJson site, Integer zone, double limitKpa,
            String limitSetBy, double programPeakKpa, boolean clamped) {
    }

    /** What a session request would do: per cup the limit and which limit set it. */
    public record PlanJson(String technique, String program, double durationSeconds, List<CupPlanJson> cups) {
    }

    /** One cup's trace in a preview: a value per time of {@link PreviewJson#times()}. */
    public record PreviewCupJson(int cup, List<Double> commandKpa, List<Double> measuredKpa, List<String> phase) {
    }

    public record PreviewJson(PlanJson plan, String finalState, String reason, double durationSeconds,
            double sampleSeconds, List<Double> times, List<PreviewCupJson> cups, List<AlarmJson> alarms) {
    }

    public record JournalJson(boolean healthy, String problem, long lostRecords) {
    }

    public record LoopJson(double periodMs, long ticks, long lateTicks, double p50Ms, double p99Ms, double maxMs) {
    }

    public record StreamJson(int clients, long dropped) {
    }

    /** {@code status} is {@code ok}, {@code latched} or {@code degraded}; {@code records} null without the records bundle. */
    public record HealthJson(String status, boolean latched, JournalJson journal, LoopJson loop,
            DeliveryStatus records, StreamJson stream) {
    }

    public record IntensityJson(int intensity) {
    }

    public record LatchJson(boolean latched) {
    }

    public record ProgramSummaryJson(String id, String name, String version, String style, List<String> parameters,
            String cups, List<String> phases, int plannedCups, double plannedDurationSeconds) {
    }

    public record ValidationJson(boolean valid, ProgramSummaryJson summary) {
    }

    // ---------------------------------------------------------------- stream events

    public record SampleCupJson(int cup, Double targetKpa, Double measuredKpa, String phase) {
    }

    public record SampleJson(String session, double elapsedSeconds, String state, int intensity,
            List<SampleCupJson> cups) {
    }

    public record SessionChangeJson(String session, String from, String to, String reason) {
    }

    public record DeviceChangeJson(String device, String from, String to, String reason) {
    }

    public record HelloJson(boolean latched, SnapshotJson session, List<AlarmJson> alarms, List<DeviceJson> devices) {
    }

    public record ResetJson(String reason) {
    }
}
