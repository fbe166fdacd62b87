package io.upwell.engine.access.internal;

import io.upwell.engine.access.AccessNames;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site's page sends it),
 * Path=/, Secure when the request came over TLS, and gone at the token's absolute expiry.
 */
final class SessionCookies {

    private SessionCookies() {
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String token, Instant expires,
            Instant now) {
        long maxAge = Math.max(0, Duration.between(now, expires).toSeconds());
        response.addHeader("Set-Cookie", cookie(token, maxAge, request.isSecure()));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader("Set-Cookie", cookie("", 0, request.isSecure()));
    }

    static String cookie(String value, long maxAgeSeconds, boolean secure) {
        return AccessNames.SESSION_COOKIE + "=" + value + "; Path=/; Max-Age=" + maxAgeSeconds
                + "; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
    }
}
