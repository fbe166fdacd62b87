package io.upwell.devices.kit.serial;

import java.io.IOException;

/** A serial line could not be opened; the message names the path and says why. */
public final class SerialLineException extends IOException {
    private static final long serialVersionUID = 1L;

    public SerialLineException(String message) {
        super(message);
    }

    public SerialLineException(String message, Throwable cause) {
        super(message, cause);
    }
}
