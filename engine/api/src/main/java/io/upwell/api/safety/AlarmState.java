package io.upwell.api.safety;

/** Where an alarm is in its life. Each step is journaled (SR-16). */
public enum AlarmState {
    /** Raised and not yet seen to by anyone. */
    RAISED,
    /**
     * An operator acknowledged it. A latching alarm stays here until the latch it holds is cleared,
     * which needs every latching alarm acknowledged and a control loop that ticks.
     */
    ACKNOWLEDGED,
    /** Over: acknowledged and, for a latching alarm, its latch cleared. */
    CLEARED
}
