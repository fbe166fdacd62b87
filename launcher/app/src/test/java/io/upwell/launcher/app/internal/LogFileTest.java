package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log of a run is not lost when the next run starts: slf4j-simple truncates the file it opens. */
class LogFileTest {

    @TempDir
    Path dir;

    @Test
    void theLastRunsLogsAreKeptNewestFirstAndTheOldestDropped() throws IOException {
        Path log = dir.resolve("upwell.log");
        for (int run = 1; run <= LaunchActivator.KEPT_LOGS + 2; run++) {
            assertEquals(log.toString(), LaunchActivator.logFile(log));
            Files.writeString(log, "run " + run);
        }
        int last = LaunchActivator.KEPT_LOGS + 2;
        assertEquals("run " + last, Files.readString(log));
        assertEquals("run " + (last - 1), Files.readString(dir.resolve("upwell.log.1")));
        assertEquals("run " + (last - LaunchActivator.KEPT_LOGS), Files.readString(
                dir.resolve("upwell.log." + LaunchActivator.KEPT_LOGS)));
        assertFalse(Files.exists(dir.resolve("upwell.log." + (LaunchActivator.KEPT_LOGS + 1))), "the oldest goes");
    }

    @Test
    void aFirstRunStartsAFreshLog() {
        assertEquals(dir.resolve("upwell.log").toString(), LaunchActivator.logFile(dir.resolve("upwell.log")));
        assertFalse(Files.exists(dir.resolve("upwell.log.1")));
    }
}
