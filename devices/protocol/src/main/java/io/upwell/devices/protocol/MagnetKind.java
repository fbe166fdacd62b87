package io.upwell.devices.protocol;

/**
 * How a channel's magnet is driven, as a device declares it in HELLO_REPLY. A driver maps it onto the
 * engine's {@code MagnetSupport}; the protocol keeps its own copy so that it depends on nothing.
 */
public enum MagnetKind {
    /** A plain cup: MAGNET commands for it are refused. */
    NONE(0),
    /** A magnet switched on (any level above 0) or off (level 0). */
    ON_OFF(1),
    /** A magnet whose strength follows the level, 0 (off) to 255 (full). */
    LEVEL(2);

    private final int code;

    MagnetKind(int code) {
        this.code = code;
    }

    /** The kind's byte on the wire. */
    public int code() {
        return code;
    }

    /** The kind with this code, or null: an unknown kind makes the HELLO_REPLY malformed. */
    public static MagnetKind of(int code) {
        for (MagnetKind kind : values()) {
            if (kind.code == code) {
                return kind;
            }
        }
        return null;
    }
}
