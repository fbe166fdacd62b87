package io.upwell.api.screening;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import java.util.Objects;

/**
 * A local contraindication found on the client: a condition on a region and side. A cup on the
 * same region and side may not be placed: the therapist's label does not narrow it, since a
 * label says where on the region only in the therapist's words.
 */
public record SiteFinding(BodyRegion region, Side side, SiteCondition condition) {

    public SiteFinding {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(condition, "condition");
    }

    /** True when a cup at {@code site} would sit on this finding. */
    public boolean covers(BodySite site) {
        return site.region() == region && site.side() == side;
    }
}
