package io.upwell.engine.access.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.access.Role;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SR-18")
class TokenSessionsTest {

    private final SteppingClock clock = SteppingClock.atEpochDay();
    private final TokenSessions sessions = new TokenSessions(clock, new SecureRandom(), Duration.ofMinutes(30),
            Duration.ofHours(12));

    @Test
    void aTokenIs256RandomBitsAndNeverRepeats() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String token = sessions.issue("ana", Role.ADMIN, "hash").token();
            assertEquals(32, Base64.getUrlDecoder().decode(token).length);
            assertTrue(seen.add(token));
        }
    }

    @Test
    void aTokenFindsItsUserAndExpiresAtItsLifetimeEnd() {
        TokenSessions.Issued issued = sessions.issue("ana", Role.THERAPIST, "hash");
        assertEquals(clock.instant().plus(Duration.ofHours(12)), issued.expires());
        assertEquals("ana", sessions.find(issued.token()).orElseThrow().user);
        // used every 29 minutes, it stays alive until its absolute lifetime ends
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertTrue(sessions.find(issued.token()).isPresent(), "alive after " + (i + 1) * 29 + " min");
        }
        clock.advance(Duration.ofMinutes(29)); // 12 h 05 min after it was issued
        assertFalse(sessions.find(issued.token()).isPresent());
    }

    @Test
    void anIdleTokenExpires() {
        TokenSessions.Issued issued = sessions.issue("ana", Role.ADMIN, "hash");
        clock.advance(Duration.ofMinutes(29).plusSeconds(59));
        assertTrue(sessions.find(issued.token()).isPresent());
        clock.advance(Duration.ofMinutes(30));
        assertFalse(sessions.find(issued.token()).isPresent());
    }

    @Test
    void anEndedTokenIsUnknownAndOthersLive() {
        TokenSessions.Issued first = sessions.issue("ana", Role.ADMIN, "hash");
        TokenSessions.Issued second = sessions.issue("ana", Role.ADMIN, "hash");
        assertTrue(sessions.end(first.token()));
        assertFalse(sessions.find(first.token()).isPresent());
        assertTrue(sessions.find(second.token()).isPresent());
        assertFalse(sessions.end(first.token()));
    }

    @Test
    void unknownAndEmptyTokensFindNothing() {
        sessions.issue("ana", Role.ADMIN, "hash");
        assertFalse(sessions.find("made-up").isPresent());
        assertFalse(sessions.find("").isPresent());
        assertFalse(sessions.find(null).isPresent());
    }

    @Test
    void endWhereEndsTheSessionsOfAChangedUser() {
        TokenSessions.Issued ana = sessions.issue("ana", Role.ADMIN, "hash");
        TokenSessions.Issued tom = sessions.issue("tom", Role.VIEWER, "hash");
        assertEquals(1, sessions.endWhere(session -> session.user.equals("tom")));
        assertTrue(sessions.find(ana.token()).isPresent());
        assertFalse(sessions.find(tom.token()).isPresent());
    }
}
