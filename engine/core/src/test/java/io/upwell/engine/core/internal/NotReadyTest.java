package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paused session resumes only onto devices that are there and ready, and says which one is not (SR-09). */
@Tag("SR-09")
class NotReadyTest {
    @TempDir
    Path dir;
    EngineFixture f;

    @AfterEach
    void tearDown() {
        f.close();
    }

    @Test
    void aSessionWhoseDeviceLeftCannotResumeEvenAfterAcknowledgement() throws Exception {
        f = new EngineFixture(dir);
        Session session = f.start(1, Map.of("targetKpa", 30.0, "holdSeconds", 60.0));
        f.advance(Duration.ofSeconds(2));
        f.engine.removeDriver(f.simulator);
        f.advanceUntil("paused", Duration.ofSeconds(10), () -> session.state() == SessionState.PAUSED);
        f.engine.acknowledge("therapist");
        SessionException refused = assertThrows(SessionException.class, session::resume);
        assertEquals("session " + session.id() + " cannot resume: device sim-1 is not connected",
                refused.getMessage());
    }
}
