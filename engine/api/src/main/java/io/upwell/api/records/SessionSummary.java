package io.upwell.api.records;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One recorded session in brief, as lists show it.
 *
 * @param sessionId      the session's id
 * @param station        the engine that ran it (host and data directory), so a clinic chain can tell
 *                       its stations apart
 * @param clientId       who was treated
 * @param operator       who ran it
 * @param techniqueId    the technique
 * @param techniqueVersion the technique's version
 * @param devices        the devices its cups were on, sorted
 * @param sites          the site keys its cups were on, in cup order, without repeats
 * @param startedAt      ISO-8601 instant the session started
 * @param endedAt        ISO-8601 instant it ended (for an interrupted session: the last record that
 *                       reached the disk)
 * @param programSeconds how long the program ran, pauses excluded
 * @param outcome        how it finished
 * @param reason         why it ended, in the engine's words; empty when it ran to its end unremarked
 * @param alarms         how many alarms it raised
 */
public record SessionSummary(String sessionId, String station, String clientId, String operator, String techniqueId,
        String techniqueVersion, List<String> devices, List<String> sites, String startedAt, String endedAt,
        double programSeconds, Outcome outcome, String reason, int alarms) {

    public SessionSummary {
        Objects.requireNonNull(sessionId, "sessionId");
        devices = List.copyOf(devices);
        sites = List.copyOf(sites);
        startedAt = Times.checked("session " + sessionId + ": startedAt", startedAt, true);
        endedAt = Times.checked("session " + sessionId + ": endedAt", endedAt, true);
        Objects.requireNonNull(outcome, "outcome");
        reason = reason == null ? "" : reason;
    }

    public Instant startedInstant() {
        return Instant.parse(startedAt);
    }

    public Instant endedInstant() {
        return Instant.parse(endedAt);
    }
}
