package io.upwell.api.body;

import java.util.Locale;

/**
 * A body region with the most vacuum the engine allows on it.
 * <p>
 * The limits are judgement within the pressures reported for dry cupping (8 to 80 kPa, typically
 * 40 to 53 kPa; see docs/DOMAIN.md): thick muscle tolerates more than thin tissue over bone.
 * Regions where cups must never go (anterior neck, groin, eyes) are not listed, so they cannot be
 * targeted.
 */
public enum BodyRegion {
    UPPER_BACK(55),
    LOWER_BACK(50),
    SHOULDER(50),
    POSTERIOR_NECK(20),
    CHEST(30),
    ABDOMEN(25),
    GLUTES(60),
    THIGH(50),
    CALF(40),
    UPPER_ARM(35),
    FOREARM(30),
    FACE(10);

    private final double maxVacuumKpa;

    BodyRegion(double maxVacuumKpa) {
        this.maxVacuumKpa = maxVacuumKpa;
    }

    /** The most vacuum the engine commands on this region, in kPa. */
    public double maxVacuumKpa() {
        return maxVacuumKpa;
    }

    /**
     * Finds a region by name, ignoring case and accepting dashes or spaces for underscores
     * ({@code upper-back}, {@code Upper back}).
     *
     * @throws IllegalArgumentException naming the text and listing the known regions
     */
    public static BodyRegion parse(String text) {
        if (text != null) {
            String wanted = text.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
            for (BodyRegion region : values()) {
                if (region.name().equals(wanted)) {
                    return region;
                }
            }
        }
        throw new IllegalArgumentException("unknown body region '" + text + "'; known regions: "
                + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT).replace('_', '-'));
    }
}
