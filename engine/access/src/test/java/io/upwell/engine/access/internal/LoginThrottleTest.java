package io.upwell.engine.access.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("SR-18")
class LoginThrottleTest {

    private final SteppingClock clock = SteppingClock.atEpochDay();
    private final LoginThrottle throttle = new LoginThrottle(clock,
            new LoginThrottle.Settings(3, Duration.ofSeconds(1), Duration.ofSeconds(60)));

    @Test
    void theFirstFailuresAreFreeThenTheLockOutDoublesUpToItsCap() {
        throttle.failed("ana", "10.0.0.1");
        throttle.failed("ana", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.lockedOut("ana", "10.0.0.1"));
        List<Long> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            throttle.failed("ana", "10.0.0.1");
            waits.add(throttle.lockedOut("ana", "10.0.0.1").orElseThrow().toSeconds());
            clock.advance(Duration.ofSeconds(waits.get(i))); // wait it out, then fail again
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L), waits);
    }

    @Test
    void eitherKeyLocksTheAttemptOut() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ana", "10.0.0." + i); // one user name from three addresses
        }
        assertTrue(throttle.lockedOut("ana", "10.0.0.9").isPresent(), "the user name is locked out from anywhere");
        assertEquals(Optional.empty(), throttle.lockedOut("ben", "10.0.0.9"));
        for (int i = 0; i < 3; i++) {
            throttle.failed("user" + i, "10.0.0.7"); // three user names from one address
        }
        assertTrue(throttle.lockedOut("ben", "10.0.0.7").isPresent(), "the address is locked out for anyone");
    }

    @Test
    void userNamesAreCountedWhateverTheirCase() {
        throttle.failed("Ana", "a");
        throttle.failed("ANA", "b");
        throttle.failed("ana", "c");
        assertTrue(throttle.lockedOut("aNa", "d").isPresent());
    }

    @Test
    void aSuccessClearsItsUserButNotItsAddress() {
        throttle.failed("eve", "10.0.0.1");
        throttle.failed("eve", "10.0.0.1");
        throttle.succeeded("eve");
        throttle.failed("ana", "10.0.0.1");
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isPresent(), "the address counted three failures");
        assertEquals(Optional.empty(), throttle.lockedOut("eve", "10.0.0.2"));
    }

    @Test
    void theLockOutEndsWhenItsTimeIsUpAndIdleCountsAreForgotten() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        clock.advance(Duration.ofMillis(999));
        assertTrue(throttle.lockedOut("ana", "10.0.0.1").isPresent());
        clock.advance(Duration.ofMillis(1));
        assertEquals(Optional.empty(), throttle.lockedOut("ana", "10.0.0.1"));
        clock.advance(Duration.ofSeconds(61));
        throttle.failed("ana", "10.0.0.1");
        assertEquals(Optional.empty(), throttle.lockedOut("ana", "10.0.0.1"), "the earlier failures were forgotten");
    }

    @Test
    void theStatusCountsFailuresRefusalsSuccessesAndNamesWhatIsLockedOut() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("ana", "10.0.0.1");
        }
        throttle.lockedOut("ana", "10.0.0.1");
        throttle.lockedOut("ana", "10.0.0.1");
        throttle.succeeded("tom");
        LoginThrottle.Status status = throttle.status();
        assertEquals(3, status.failures());
        assertEquals(2, status.refusedWhileLockedOut());
        assertEquals(1, status.successes());
        assertEquals(List.of("address:10.0.0.1", "user:ana"),
                status.lockedOut().stream().map(LoginThrottle.Lockout::key).toList());
    }
}
