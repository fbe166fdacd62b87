package io.upwell.api.screening;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The client's screening, carried with the session request and journaled with the session.
 *
 * @param conditions   the client's contraindications; empty when none were found
 * @param sites        local contraindications, each on a region and side
 * @param maxVacuumKpa a limit the screener set for this client, in kPa; NaN for none (a number rather
 *                     than an optional, so the record reads and writes as plain JSON)
 * @param screenedBy   who screened the client; not blank
 * @param consent      the operator's consent to treat despite relative contraindications; null for none
 */
public record Screening(Set<Contraindication> conditions, List<SiteFinding> sites, double maxVacuumKpa,
        String screenedBy, Consent consent) {

    public Screening {
        conditions = conditions == null ? Set.of() : Set.copyOf(conditions);
        sites = sites == null ? List.of() : List.copyOf(sites);
        if (!Double.isNaN(maxVacuumKpa) && !(maxVacuumKpa > 0 && Double.isFinite(maxVacuumKpa))) {
            throw new IllegalArgumentException("screening: maxVacuumKpa must be a positive number of kPa, got "
                    + maxVacuumKpa);
        }
        if (screenedBy == null || screenedBy.isBlank()) {
            throw new IllegalArgumentException("screening: who screened the client must be named");
        }
    }

    /** A screening that found nothing. */
    public static Screening clear(String screenedBy) {
        return new Screening(Set.of(), List.of(), Double.NaN, screenedBy, null);
    }

    public OptionalDouble limit() {
        return Double.isNaN(maxVacuumKpa) ? OptionalDouble.empty() : OptionalDouble.of(maxVacuumKpa);
    }

    public Optional<Consent> consentGiven() {
        return Optional.ofNullable(consent);
    }

    public Screening withConsent(Consent given) {
        return new Screening(conditions, sites, maxVacuumKpa, screenedBy, given);
    }
}
