package io.upwell.api.technique;

import io.upwell.api.body.BodySite;
import io.upwell.api.device.MagnetSupport;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * One cup of a session as a technique sees it: where it sits, how much vacuum it may get, what it
 * can do, where it is in a chain of cups, and the parameter values the therapist set for it alone.
 *
 * @param index        the cup's position in the session request, {@code 0 .. n-1}; a program's timelines refer to it
 * @param site         where on the body it sits
 * @param maxVacuumKpa the most the core will allow on this cup (the lowest of every limit that applies)
 * @param magnet       whether the cup has a magnet and how it is set
 * @param pumpGroup    cups with the same number share one pump: they cannot be driven against each other
 *                     (an interval vacuum system), so phase-shifted patterns need different groups
 * @param zone         the cup's place in a chain, 0 nearest the trunk (proximal) and rising outwards
 *                     (distal), as the therapist placed it; empty for a cup in no chain
 * @param neighbours   the cups next to this one in the chain: those whose zone is one less or one more,
 *                     in index order
 * @param overrides    parameter values the therapist set for this cup alone, already checked; a
 *                     technique reads them through {@link PlanRequest#number(String, Cup)} and its kin
 */
public record Cup(int index, BodySite site, double maxVacuumKpa, MagnetSupport magnet, int pumpGroup,
        OptionalInt zone, List<Integer> neighbours, Map<String, ParameterValue> overrides) {

    public Cup {
        if (index < 0) {
            throw new IllegalArgumentException("cup index must be >= 0, got " + index);
        }
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(magnet, "magnet");
        zone = zone == null ? OptionalInt.empty() : zone;
        if (zone.isPresent() && zone.getAsInt() < 0) {
            throw new IllegalArgumentException("cup " + index + ": zone must be >= 0, got " + zone.getAsInt());
        }
        neighbours = List.copyOf(neighbours);
        overrides = Map.copyOf(overrides);
    }

    /** A plain cup with its own pump, in no chain, with no overrides. */
    public static Cup of(int index, BodySite site, double maxVacuumKpa) {
        return new Cup(index, site, maxVacuumKpa, MagnetSupport.NONE, index, OptionalInt.empty(), List.of(), Map.of());
    }

    /** True when the cup has a magnet of either kind. */
    public boolean magnetic() {
        return magnet != MagnetSupport.NONE;
    }

    public Cup withMagnet(MagnetSupport kind) {
        return new Cup(index, site, maxVacuumKpa, kind, pumpGroup, zone, neighbours, overrides);
    }

    public Cup withPumpGroup(int group) {
        return new Cup(index, site, maxVacuumKpa, magnet, group, zone, neighbours, overrides);
    }

    public Cup inZone(int chainZone, List<Integer> nextTo) {
        return new Cup(index, site, maxVacuumKpa, magnet, pumpGroup, OptionalInt.of(chainZone), nextTo, overrides);
    }

    public Cup withOverrides(Map<String, ParameterValue> values) {
        return new Cup(index, site, maxVacuumKpa, magnet, pumpGroup, zone, neighbours, values);
    }
}
