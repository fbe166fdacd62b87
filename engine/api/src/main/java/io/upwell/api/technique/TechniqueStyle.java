package io.upwell.api.technique;

/** The family a technique belongs to; the core derives default safety margins from it. */
public enum TechniqueStyle {
    /** Cups held in place. */
    STATIC,
    /** A cup slid over oiled skin at lighter vacuum: seal loss is expected. */
    GLIDING,
    /** Short repeated suction and release at one site. */
    FLASH,
    /** Waves across many cups in zone order, at low pressure and slow ramps. */
    LYMPHATIC,
    /** Alternating vacuum and atmosphere on an interval vacuum system. */
    INTERVAL
}
