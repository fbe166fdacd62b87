package io.upwell.devices.protocol.internal;

import io.upwell.devices.protocol.Protocol;

import java.nio.charset.StandardCharsets;

/**
 * The range checks message constructors share. Each throws {@link IllegalArgumentException} naming
 * the field; the decoder turns that into a counted malformed payload, so a check is written once and
 * guards both what is sent and what is received.
 */
public final class Checks {

    private Checks() {
    }

    /** A value that fits in {@code 0 .. max}. */
    public static int range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** One unsigned byte. */
    public static int u8(String field, int value) {
        return range(field, value, 0, 0xFF);
    }

    /** One unsigned 16-bit field. */
    public static int u16(String field, int value) {
        return range(field, value, 0, 0xFFFF);
    }

    /** A single channel's number: 0 to 254 (255 means "all" where a message allows it). */
    public static int channel(int channel) {
        return range("channel", channel, 0, Protocol.MAX_CHANNELS - 1);
    }

    /**
     * A text field: at most {@link Protocol#MAX_TEXT_BYTES} bytes of UTF-8 that decode back to the same
     * text (a lone surrogate would not).
     */
    public static String text(String field, String text, boolean mayBeBlank) {
        if (text == null) {
            throw new IllegalArgumentException(field + " must not be null");
        }
        if (!mayBeBlank && text.isBlank()) {
            throw new IllegalArgumentException(field + " must not be blank");
        }
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > Protocol.MAX_TEXT_BYTES) {
            throw new IllegalArgumentException(field + " must be at most " + Protocol.MAX_TEXT_BYTES
                    + " bytes of UTF-8, got " + utf8.length);
        }
        if (!new String(utf8, StandardCharsets.UTF_8).equals(text)) {
            throw new IllegalArgumentException(field + " is not valid Unicode text");
        }
        return text;
    }
}
