package io.upwell.api.body;

import java.util.Objects;

/**
 * A place a cup sits on.
 *
 * @param region the region, which sets its vacuum limit
 * @param side   left, right or centre
 * @param label  the therapist's own words for it, for example {@code "below left scapula"}; may be empty
 */
public record BodySite(BodyRegion region, Side side, String label) {
    public BodySite {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(side, "side");
        label = label == null ? "" : label;
    }

    @Override
    public String toString() {
        String base = region.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                + (side == Side.CENTRE ? "" : "/" + side.name().toLowerCase(java.util.Locale.ROOT));
        return label.isEmpty() ? base : base + " (" + label + ")";
    }
}
