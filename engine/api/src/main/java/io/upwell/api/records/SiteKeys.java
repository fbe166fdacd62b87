package io.upwell.api.records;

import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import java.util.Locale;

/**
 * Site keys: a body site as records store and query it, the region in lower case with hyphens and
 * the side after a slash ({@code upper-back/left}, {@code shoulder/right}), the region alone for
 * the centre ({@code sacrum}). The therapist's label is not part of the key: two cups on the same
 * region and side are the same site for history and exposure.
 */
public final class SiteKeys {
    private SiteKeys() {
    }

    /** The key of a body site, without its label. */
    public static String of(BodySite site) {
        String region = site.region().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return site.side() == Side.CENTRE ? region : region + "/" + site.side().name().toLowerCase(Locale.ROOT);
    }

    /**
     * The key within a site as the journal writes it ({@code BodySite.toString()}), which may end in
     * the label in brackets: {@code "upper-back/left (below scapula)"} gives {@code upper-back/left}.
     */
    public static String ofJournaled(String journaledSite) {
        String text = journaledSite.strip();
        int label = text.indexOf(" (");
        return label < 0 ? text : text.substring(0, label);
    }

    /** The label within a journaled site, or empty. */
    public static String labelOfJournaled(String journaledSite) {
        String text = journaledSite.strip();
        int label = text.indexOf(" (");
        return label < 0 || !text.endsWith(")") ? "" : text.substring(label + 2, text.length() - 1);
    }
}
