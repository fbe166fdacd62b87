package io.upwell.api.screening;

import java.util.Objects;

/**
 * The operator's recorded consent to treat despite relative contraindications, for example after a
 * physician agreed. Journaled with the session.
 *
 * @param givenBy who takes responsibility
 * @param reason  why, in their words (a physician's name and date, say); not blank
 */
public record Consent(String givenBy, String reason) {

    public Consent {
        if (givenBy == null || givenBy.isBlank()) {
            throw new IllegalArgumentException("consent: who gives it must be named");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("consent: the reason must be given");
        }
    }
}
