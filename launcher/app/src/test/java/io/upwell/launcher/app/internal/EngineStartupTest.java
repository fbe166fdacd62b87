package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The cause the launcher prints, taken from SCR's record of the engine's failed activation. */
class EngineStartupTest {

    @Test
    void theCauseIsTheFailuresFirstLineWithoutExceptionNamesOrStackTrace() {
        // As Felix SCR records it in ComponentConfigurationDTO.failure: the exception's stack trace.
        String failure = "java.lang.IllegalStateException: the engine could not start: UncheckedIOException:"
                + " java.io.IOException: journal data directory /srv/upwell-data is unusable: cannot create or write"
                + " /srv/upwell-data (FileAlreadyExistsException: /srv/upwell-data)\n"
                + "\tat io.upwell.engine.core.internal.EngineComponent.activate(EngineComponent.java:127)\n"
                + "Caused by: java.io.UncheckedIOException: ...\n";

        assertEquals("journal data directory /srv/upwell-data is unusable: cannot create or write /srv/upwell-data"
                + " (FileAlreadyExistsException: /srv/upwell-data)", EngineStartup.cause(failure));
    }

    @Test
    void aRejectedConfigurationKeepsItsWords() {
        String failure = "java.lang.IllegalStateException: configuration io.upwell.engine rejected, the engine does"
                + " not start: clock: must be 'system' or 'virtual', got 'sundial'\n\tat ...";

        assertEquals("configuration io.upwell.engine rejected, the engine does not start: clock: must be 'system' or"
                + " 'virtual', got 'sundial'", EngineStartup.cause(failure));
    }

    @Test
    void noRecordedCauseIsSaidSo() {
        assertEquals("its component failed to activate (no cause recorded)", EngineStartup.cause(null));
        assertEquals("its component failed to activate (no cause recorded)", EngineStartup.cause(" \n"));
    }
}
