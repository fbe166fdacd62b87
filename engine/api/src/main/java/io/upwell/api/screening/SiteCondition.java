package io.upwell.api.screening;

import java.util.Locale;

/**
 * Something on one spot of the body that keeps cups off it (a local contraindication). The front
 * of the neck, the groin and the eyes need none: they are no {@code BodyRegion}, so no cup can be
 * placed there at all.
 */
public enum SiteCondition {
    BROKEN_SKIN("broken skin"),
    INFLAMED_SKIN("inflamed skin"),
    SUNBURN("sunburnt skin"),
    FRAGILE_SKIN("fragile skin"),
    VARICOSE_VEINS("varicose veins"),
    OVER_ARTERY_NERVE_OR_NODES("right over an artery, a nerve or lymph nodes"),
    MOLE("a mole"),
    BONY_PROMINENCE("bone just under the skin"),
    RECENT_SCAR_OR_SURGERY("a fresh scar, skin graft or surgical cut");

    private final String label;

    SiteCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The name used in screening files and the shell: {@code broken-skin}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a {@link #key()} (case and {@code _}/{@code -} do not matter), naming every key when unknown. */
    public static SiteCondition parse(String text) {
        if (text != null) {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (SiteCondition value : values()) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
        }
        StringBuilder known = new StringBuilder();
        for (SiteCondition value : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(value.key());
        }
        throw new IllegalArgumentException("unknown site condition '" + text + "'; known: " + known);
    }
}
