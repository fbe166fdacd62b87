package io.upwell.engine.access.internal;

import io.upwell.engine.access.AccessNames;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

/**
 * What a request presents to prove who sends it: an {@code Authorization: Bearer} token, an
 * {@code Authorization: Basic} user and password, the session cookie, nothing, or something that
 * cannot be read. The header wins over the cookie.
 */
sealed interface Credentials {

    record Bearer(String token) implements Credentials {
    }

    record Basic(String user, char[] password) implements Credentials {
        @Override
        public String toString() {
            return "Basic " + user;
        }
    }

    record SessionCookie(String token) implements Credentials {
    }

    record None() implements Credentials {
    }

    record Unreadable(String why) implements Credentials {
    }

    static Credentials of(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization != null) {
            return fromHeader(authorization.trim());
        }
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie cookie : cookies) {
                if (AccessNames.SESSION_COOKIE.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                    return new SessionCookie(cookie.getValue());
                }
            }
        }
        return new None();
    }

    static Credentials fromHeader(String authorization) {
        int space = authorization.indexOf(' ');
        String scheme = (space < 0 ? authorization : authorization.substring(0, space)).toLowerCase(Locale.ROOT);
        String value = space < 0 ? "" : authorization.substring(space + 1).trim();
        switch (scheme) {
            case "bearer":
                return value.isEmpty() ? new Unreadable("the Bearer token is empty") : new Bearer(value);
            case "basic":
                return basic(value);
            default:
                return new Unreadable("the Authorization scheme must be Bearer or Basic");
        }
    }

    private static Credentials basic(String value) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            return new Unreadable("the Basic credentials are not Base64");
        }
        char[] text;
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(decoded));
            text = new char[chars.remaining()];
            chars.get(text);
        } catch (CharacterCodingException e) {
            return new Unreadable("the Basic credentials are not UTF-8");
        } finally {
            Arrays.fill(decoded, (byte) 0);
        }
        int colon = -1;
        for (int i = 0; i < text.length; i++) {
            if (text[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon <= 0) {
            return new Unreadable("the Basic credentials must read user:password");
        }
        String user = new String(text, 0, colon);
        char[] password = Arrays.copyOfRange(text, colon + 1, text.length);
        Arrays.fill(text, '\0');
        return new Basic(user, password);
    }
}
