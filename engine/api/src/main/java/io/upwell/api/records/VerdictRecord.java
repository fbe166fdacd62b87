package io.upwell.api.records;

/**
 * A screening rule's verdict on the session.
 *
 * @param rule            the rule's name
 * @param verdict         {@code refuse}, {@code lower}, {@code forbidsites} or another verdict kind, in
 *                        the journal's words
 * @param reason          why
 * @param source          where the rule comes from
 * @param fraction        for a lowering, the fraction of each limit left; null otherwise
 * @param consentRequired for a lowering, whether it needed the operator's consent; null otherwise
 */
public record VerdictRecord(String rule, String verdict, String reason, String source, Double fraction,
        Boolean consentRequired) {
}
