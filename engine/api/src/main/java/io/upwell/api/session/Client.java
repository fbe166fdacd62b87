package io.upwell.api.session;

import java.util.Objects;

/**
 * The person being treated.
 *
 * @param id          the clinic's identifier for the client; journaled
 * @param displayName a name for the screen; may be empty
 */
public record Client(String id, String displayName) {
    public Client {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("client id must not be blank");
        }
        displayName = displayName == null ? "" : displayName;
    }
}
