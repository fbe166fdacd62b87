package io.upwell.api.history;

/**
 * Someone's decision to treat a site sooner, or longer today, than the over-treatment rules allow
 * (SR-15). Carried by the session request and journaled with the session and the warnings it
 * overrode.
 *
 * @param approvedBy who takes responsibility; not blank
 * @param reason     why, in their words; not blank
 */
public record TreatmentOverride(String approvedBy, String reason) {

    public TreatmentOverride {
        if (approvedBy == null || approvedBy.isBlank()) {
            throw new IllegalArgumentException("override: who approves it must be named");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("override: the reason must be given");
        }
    }
}
