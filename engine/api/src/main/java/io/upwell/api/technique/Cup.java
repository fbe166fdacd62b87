package io.upwell.api.technique;

import io.upwell.api.body.BodySite;
import java.util.Objects;

/**
 * One cup of a session as a technique sees it.
 *
 * @param index        the cup's position in the session request, {@code 0 .. n-1}; a program's timelines refer to it
 * @param site         where on the body it sits
 * @param maxVacuumKpa the most the core will allow on this cup (the lowest of every limit that applies)
 * @param magnetic     whether the cup carries a magnet the program may set
 */
public record Cup(int index, BodySite site, double maxVacuumKpa, boolean magnetic) {
    public Cup {
        Objects.requireNonNull(site, "site");
    }
}
