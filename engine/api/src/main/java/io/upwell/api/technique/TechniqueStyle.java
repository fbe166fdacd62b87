package io.upwell.api.technique;

/**
 * The family a technique belongs to, shown to the therapist and journaled with each session. It
 * sets no safety margin: a program asks for those itself through its {@link ProgramPolicy}, which
 * the core bounds.
 */
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
