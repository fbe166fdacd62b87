package io.upwell.devices.protocol.internal;

/**
 * A payload that does not fit its type. Thrown and caught within payload parsing only, never out of
 * the decoder; it carries no stack trace because it is a verdict on input, not a bug, and the fuzzer
 * makes many.
 */
final class MalformedPayload extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedPayload(String message) {
        super(message, null, false, false);
    }
}
