package io.upwell.api.safety;

/** Alarm priorities after IEC 60601-1-8. */
public enum AlarmPriority {
    /** For awareness only; no alarm condition. */
    INFORMATION,
    /** Awareness is needed. */
    LOW,
    /** A prompt response is needed. */
    MEDIUM,
    /** An immediate response is needed: injury is possible now. */
    HIGH
}
