package io.upwell.engine.core.internal.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.engine.core.internal.safety.SafetyLatch.Cause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The latch on disk: read back as it was written; on doubt, latched. */
@Tag("SR-13")
class LatchFileTest {
    @TempDir
    Path dir;

    @Test
    void noFileMeansNothingLatched() {
        assertTrue(new LatchFile(dir).read().isEmpty());
    }

    @Test
    void causesWrittenAreReadBackAndClearingRemovesTheFile() throws Exception {
        LatchFile file = new LatchFile(dir);
        assertEquals(dir.resolve("latch.json"), file.path());
        file.write(EnumSet.of(Cause.EMERGENCY_STOP, Cause.LOOP_STOPPED));
        assertEquals(EnumSet.of(Cause.EMERGENCY_STOP, Cause.LOOP_STOPPED), new LatchFile(dir).read());
        file.write(EnumSet.noneOf(Cause.class));
        assertFalse(Files.exists(file.path()));
        assertTrue(file.read().isEmpty());
    }

    @Test
    void aFileThatCannotBeUnderstoodCountsAsALatchedFault() throws Exception {
        Path path = new LatchFile(dir).path();
        Files.writeString(path, "{not json");
        assertEquals(EnumSet.of(Cause.FAULT), new LatchFile(dir).read());
        Files.writeString(path, "{\"causes\":[\"NO_SUCH_CAUSE\"]}");
        assertEquals(EnumSet.of(Cause.FAULT), new LatchFile(dir).read());
        Files.writeString(path, "{\"causes\":[]}");
        assertEquals(EnumSet.of(Cause.FAULT), new LatchFile(dir).read(), "a file is only written when latched");
        Files.writeString(path, "{}");
        assertEquals(EnumSet.of(Cause.FAULT), new LatchFile(dir).read());
    }

    @Test
    void anUnreadableFileCountsAsALatchedFault() throws Exception {
        Files.createDirectory(new LatchFile(dir).path()); // a directory where the file should be
        assertEquals(EnumSet.of(Cause.FAULT), new LatchFile(dir).read());
    }
}
