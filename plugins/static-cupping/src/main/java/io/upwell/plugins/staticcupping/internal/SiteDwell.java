package io.upwell.plugins.staticcupping.internal;

import io.upwell.api.body.BodyRegion;
import java.time.Duration;

/**
 * How long a static cup may stay under vacuum at one site: ramp in, hold and release together.
 * Thin or sensitive tissue gets less. Judgement within the published figures: static cups usually
 * stay 5 to 15 min, and some people blister within 10 min (cupping practice guides; a study of
 * cupping blisters; docs/DOMAIN.md).
 */
final class SiteDwell {

    /** Face and back of the neck: thin skin over bone and nerves. */
    static final Duration SENSITIVE = Duration.ofMinutes(5);
    /** Chest, abdomen and arms: thinner tissue than the back and legs. */
    static final Duration THIN = Duration.ofMinutes(10);
    /** Back, shoulders, glutes and legs: the top of the usual dwell. */
    static final Duration THICK = Duration.ofMinutes(15);

    private SiteDwell() {
    }

    static Duration limitFor(BodyRegion region) {
        switch (region) {
            case FACE:
            case POSTERIOR_NECK:
                return SENSITIVE;
            case CHEST:
            case ABDOMEN:
            case UPPER_ARM:
            case FOREARM:
                return THIN;
            default:
                return THICK;
        }
    }
}
