package io.upwell.api.screening;

import java.util.Locale;

/**
 * A condition of the client's that speaks against cupping, and how strongly. The list follows
 * general cupping practice; no single publication is behind it ({@link #SOURCE}).
 */
public enum Contraindication {
    BLEEDING_DISORDER(Kind.ABSOLUTE, "a bleeding disorder such as haemophilia"),
    DEEP_VEIN_THROMBOSIS(Kind.ABSOLUTE, "deep-vein thrombosis or thrombophlebitis"),
    ORGAN_FAILURE(Kind.ABSOLUTE, "heart, kidney or liver failure"),
    PACEMAKER(Kind.ABSOLUTE, "a pacemaker"),
    ACTIVE_CANCER(Kind.ABSOLUTE, "cancer that is active or being treated, without a physician's agreement"),
    SKIN_INFECTION(Kind.ABSOLUTE, "an active infection or abscess of the skin"),
    UNDIAGNOSED_LUMP(Kind.ABSOLUTE, "a lump nobody has diagnosed"),

    ANTICOAGULANTS(Kind.RELATIVE, "anticoagulant or antiplatelet medication"),
    ACUTE_INFECTION(Kind.RELATIVE, "an acute infection"),
    PREGNANCY(Kind.RELATIVE, "pregnancy (never the abdomen or lower back)"),
    ANAEMIA(Kind.RELATIVE, "anaemia"),
    RECENT_BLOOD_DONATION(Kind.RELATIVE, "a recent blood donation"),
    PSORIASIS(Kind.RELATIVE, "psoriasis"),
    KELOID_TENDENCY(Kind.RELATIVE, "a tendency to keloids"),
    PERIPHERAL_VASCULAR_DISEASE(Kind.RELATIVE, "peripheral vascular disease"),
    DIABETES(Kind.RELATIVE, "diabetes (blisters come sooner)"),

    CONGESTIVE_HEART_FAILURE(Kind.LYMPHATIC, "congestive heart failure or fluid on the lungs"),
    UNTREATED_CELLULITIS(Kind.LYMPHATIC, "cellulitis not yet treated (wait 72 h into antibiotics)"),
    SEVERE_ARTERIAL_DISEASE(Kind.LYMPHATIC, "severe arterial disease");

    /** Where the list comes from. */
    public static final String SOURCE = "general cupping practice (no single publication; see docs/DOMAIN.md)";

    /** How strongly a condition speaks against treatment. */
    public enum Kind {
        /** Do not treat. */
        ABSOLUTE,
        /** Treat gently, and only with the operator's recorded consent (a physician's agreement, say). */
        RELATIVE,
        /** Do not run a lymphatic program; any other technique treats it as relative. */
        LYMPHATIC
    }

    private final Kind kind;
    private final String label;

    Contraindication(Kind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    public Kind kind() {
        return kind;
    }

    /** In words, for the therapist. */
    public String label() {
        return label;
    }

    /** The name used in screening files and the shell: {@code deep-vein-thrombosis}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Reads a {@link #key()} (case and {@code _}/{@code -} do not matter), naming every key when unknown. */
    public static Contraindication parse(String text) {
        if (text != null) {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (Contraindication value : values()) {
                if (value.name().equals(wanted)) {
                    return value;
                }
            }
        }
        StringBuilder known = new StringBuilder();
        for (Contraindication value : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(value.key());
        }
        throw new IllegalArgumentException("unknown contraindication '" + text + "'; known: " + known);
    }
}
