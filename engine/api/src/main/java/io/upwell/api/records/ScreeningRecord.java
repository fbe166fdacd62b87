package io.upwell.api.records;

import java.util.List;

/**
 * The client's screening as the session recorded it.
 *
 * @param screened      false for a session without screening (simulated devices only); the other
 *                      fields are then empty
 * @param conditions    the contraindications found, by key
 * @param siteFindings  local contraindications, each as {@code condition on site}
 * @param maxVacuumKpa  the screener's limit for this client in kPa; null for none
 * @param screenedBy    who screened; empty when not screened
 * @param consentBy     who gave consent to treat despite relative contraindications; null for none
 * @param consentReason their reason; null for none
 * @param verdicts      every screening rule's verdict
 */
public record ScreeningRecord(boolean screened, List<String> conditions, List<String> siteFindings,
        Double maxVacuumKpa, String screenedBy, String consentBy, String consentReason,
        List<VerdictRecord> verdicts) {

    public ScreeningRecord {
        conditions = conditions == null ? List.of() : List.copyOf(conditions);
        siteFindings = siteFindings == null ? List.of() : List.copyOf(siteFindings);
        screenedBy = screenedBy == null ? "" : screenedBy;
        verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
    }

    /** A session that was not screened. */
    public static ScreeningRecord none() {
        return new ScreeningRecord(false, List.of(), List.of(), null, "", null, null, List.of());
    }
}
