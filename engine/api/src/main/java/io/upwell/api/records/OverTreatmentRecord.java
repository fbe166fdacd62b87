package io.upwell.api.records;

import java.util.List;

/**
 * How the over-treatment guard (SR-15) judged a session before it started, as its journal keeps it.
 *
 * @param siteIntervalHours        the minimum interval between sessions on a site, in hours
 * @param dailySiteExposureMinutes the most program time on a site in any 24 h, in minutes
 * @param history                  which history was asked, in the engine's words
 * @param warnings                 every rule the start broke, each naming the earlier session; empty
 *                                 when none
 * @param overrideApprovedBy       who approved treating anyway; null without an override
 * @param overrideReason           why, in their words; null without an override
 */
public record OverTreatmentRecord(double siteIntervalHours, double dailySiteExposureMinutes, String history,
        List<String> warnings, String overrideApprovedBy, String overrideReason) {

    public OverTreatmentRecord {
        history = history == null ? "" : history;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** Whether the session started on someone's override of the rules. */
    public boolean overridden() {
        return overrideApprovedBy != null;
    }
}
