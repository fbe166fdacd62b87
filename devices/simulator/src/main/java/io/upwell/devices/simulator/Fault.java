package io.upwell.devices.simulator;

/**
 * The ways a simulated device can fail, each one a hazard the engine's safety layers must catch.
 */
public enum Fault {

    /**
     * A large leak on a channel, as from a cup losing its seal: air flows in many times faster than
     * normal, so the pump cannot reach the commanded vacuum and the pressure settles well below it
     * (the engine should see a leak, SR-06).
     */
    LEAK,

    /**
     * The channel's pressure sensor freezes: the reported value stays at the last one reported
     * before the fault while the real pressure keeps following commands (SR-07).
     */
    STUCK_SENSOR,

    /**
     * The channel's regulator fails: the pump keeps running past the target toward the pump's
     * ultimate vacuum, so the device does not obey its commands (SR-02). The vent valve is a separate
     * path and still opens when the channel is told to vent.
     */
    OVERSHOOT,

    /**
     * The whole device goes quiet: it keeps running and following commands but delivers no samples,
     * and its connection still looks fine (SR-08).
     */
    SILENCE,

    /**
     * The whole device loses its line to the engine: the driver reports
     * {@link io.upwell.api.device.ConnectionState#DISCONNECTED}, samples stop, and the device vents
     * every channel by itself because it has lost its host. The driver retries with back-off
     * (0.5 s, 1 s, 2 s, then doubling up to 5 s), reporting CONNECTING then DISCONNECTED on each
     * failed attempt; once the fault is cleared, the next attempt succeeds and reports CONNECTED
     * (SR-09).
     */
    DISCONNECT,

    /** The channel's samples are NaN, as from a broken sensor or a corrupted reading (SR-07). */
    NAN_SAMPLE,

    /**
     * The cup is off the skin: a gliding cup lifted or slid off its oiled track. It is open to the
     * room, so no vacuum builds whatever the pump does; when the fault clears the cup is back on the
     * skin and seals again. Unlike {@link #LEAK} (a poor seal the pump fights), nothing is held at
     * all. Since 1.2.
     */
    SEAL_LOST
}
