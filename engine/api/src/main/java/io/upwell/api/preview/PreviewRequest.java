package io.upwell.api.preview;

import io.upwell.api.device.DeviceDriver;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.Technique;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What to preview.
 *
 * @param session     the session, as it would be started; its placements name {@code device}'s id
 * @param technique   a technique to run that need not be installed (a program file being written); empty
 *                    to run the installed technique the session names
 * @param device      the device the preview drives, used by the preview alone: a simulator, never a real
 *                    device (the virtual clock refuses real devices)
 * @param sampleEvery how often the trace records every cup; at least one control period
 * @param limit       the longest virtual time the preview runs before it stops the session
 */
public record PreviewRequest(SessionRequest session, Optional<Technique> technique, DeviceDriver device,
        Duration sampleEvery, Duration limit) {

    /** The longest preview: a session can last no longer in any configuration the engine accepts. */
    public static final Duration MAX_LIMIT = Duration.ofHours(4);

    public PreviewRequest {
        Objects.requireNonNull(session, "session");
        technique = technique == null ? Optional.empty() : technique;
        Objects.requireNonNull(device, "device");
        if (sampleEvery == null || sampleEvery.isNegative() || sampleEvery.isZero()) {
            throw new IllegalArgumentException("preview: sampleEvery must be positive, got " + sampleEvery);
        }
        if (limit == null || limit.isNegative() || limit.isZero() || limit.compareTo(MAX_LIMIT) > 0) {
            throw new IllegalArgumentException("preview: limit must be positive and at most " + MAX_LIMIT + ", got "
                    + limit);
        }
    }
}
