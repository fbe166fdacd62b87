package io.upwell.api.screening;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import java.util.List;
import java.util.Objects;

/**
 * What a screening rule found, naming itself and its source. Verdicts of every rule are combined:
 * any refusal refuses; every lowering applies, the lowest wins; a forbidden site refuses a cup on
 * it; a lowering that needs consent refuses until the screening carries it.
 */
public sealed interface Verdict {

    /** The rule's name, for the journal and the operator. */
    String rule();

    /** Why, in words the operator can act on. */
    String reason();

    /** Where the rule comes from. */
    String source();

    /** Do not treat. */
    record Refuse(String rule, String reason, String source) implements Verdict {
        public Refuse {
            check(rule, reason, source);
        }
    }

    /**
     * Treat gently: every cup's limit becomes at most {@code fraction} of what it would be.
     *
     * @param consentRequired true when the session may start only with the operator's recorded consent
     */
    record Lower(String rule, String reason, String source, double fraction, boolean consentRequired)
            implements Verdict {
        public Lower {
            check(rule, reason, source);
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("verdict " + rule + ": fraction must be above 0 and at most 1, got "
                        + fraction);
            }
        }
    }

    /** Keep cups off these places (matched on region and side). */
    record ForbidSites(String rule, String reason, String source, List<Place> places) implements Verdict {
        public ForbidSites {
            check(rule, reason, source);
            places = List.copyOf(places);
        }

        /** The place a cup at {@code site} would sit on, or null. */
        public Place covering(BodySite site) {
            for (Place place : places) {
                if (place.region() == site.region() && place.side() == site.side()) {
                    return place;
                }
            }
            return null;
        }

        /** One place cups must stay off, and why, for example "broken skin". */
        public record Place(BodyRegion region, Side side, String why) {
            public Place {
                Objects.requireNonNull(region, "region");
                Objects.requireNonNull(side, "side");
                Objects.requireNonNull(why, "why");
            }
        }
    }

    /** Worth recording; changes nothing. */
    record Note(String rule, String reason, String source) implements Verdict {
        public Note {
            check(rule, reason, source);
        }
    }

    private static void check(String rule, String reason, String source) {
        if (rule == null || rule.isBlank()) {
            throw new IllegalArgumentException("a verdict names its rule");
        }
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(source, "source");
    }
}
