package io.upwell.api.screening;

import io.upwell.api.body.BodySite;
import io.upwell.api.technique.TechniqueStyle;
import java.util.List;
import java.util.Objects;

/**
 * What a screening rule judges: a client's screening and the session asked for.
 *
 * @param clientId  who is to be treated: the clinic's id for them
 * @param screening their screening
 * @param technique the technique's id
 * @param style     the technique's style (some conditions matter to lymphatic programs only)
 * @param sites     where the cups go, in cup order
 */
public record ScreeningCase(String clientId, Screening screening, String technique, TechniqueStyle style,
        List<BodySite> sites) {

    public ScreeningCase {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(screening, "screening");
        Objects.requireNonNull(technique, "technique");
        Objects.requireNonNull(style, "style");
        sites = List.copyOf(sites);
    }
}
