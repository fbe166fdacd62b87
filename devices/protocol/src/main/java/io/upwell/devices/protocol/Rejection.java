package io.upwell.devices.protocol;

/**
 * Why a frame that arrived intact (its CRC matched) still carried no message. Unlike a corrupted
 * frame, its sequence number can be trusted, so a device answers it with a NAK.
 */
public enum Rejection {
    /** A type this version does not know: ignored by a host, refused with NAK UNKNOWN_TYPE by a device. */
    UNKNOWN_TYPE,
    /** A payload whose length or values do not fit its type: refused with NAK MALFORMED by a device. */
    MALFORMED_PAYLOAD
}
