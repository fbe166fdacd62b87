package io.upwell.engine.core.internal.safety;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The latch on disk, {@code <dataDirectory>/latch.json}, so that it outlives the engine's bundle
 * being restarted or the process dying: an engine that starts finds the machine as it was left,
 * latched until an operator acknowledges. Written whole and moved into place, so a crash leaves the
 * old file or the new one, never half of one. A file that cannot be read counts as latched for a
 * fault: on doubt, vent.
 */
public final class LatchFile {
    private static final Logger LOG = LoggerFactory.getLogger(LatchFile.class);
    public static final String NAME = "latch.json";

    private static final Gson GSON = new Gson();

    /** What is written: the causes latched, and when. */
    private record Content(List<String> causes, String written) {
    }

    private final Path file;

    public LatchFile(Path dataDirectory) {
        this.file = dataDirectory.resolve(NAME);
    }

    public Path path() {
        return file;
    }

    /** The causes left latched, empty when there is no file. */
    public Set<SafetyLatch.Cause> read() {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException absent) {
            return EnumSet.noneOf(SafetyLatch.Cause.class);
        } catch (IOException e) {
            LOG.error("the latch file {} cannot be read ({}); the engine starts latched", file, e.toString());
            return EnumSet.of(SafetyLatch.Cause.FAULT);
        }
        try {
            Content content = GSON.fromJson(text, Content.class);
            Set<SafetyLatch.Cause> causes = EnumSet.noneOf(SafetyLatch.Cause.class);
            for (String cause : content.causes()) {
                causes.add(SafetyLatch.Cause.valueOf(cause));
            }
            return causes.isEmpty() ? EnumSet.of(SafetyLatch.Cause.FAULT) : causes;
        } catch (JsonParseException | IllegalArgumentException | NullPointerException e) {
            LOG.error("the latch file {} is not readable ({}); the engine starts latched", file, e.toString());
            return EnumSet.of(SafetyLatch.Cause.FAULT);
        }
    }

    /** Writes the causes, or removes the file when there are none. */
    public void write(Set<SafetyLatch.Cause> causes) throws IOException {
        if (causes.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        Files.createDirectories(file.getParent());
        Path next = Files.createTempFile(file.getParent(), ".latch-", ".tmp");
        Files.writeString(next, GSON.toJson(new Content(causes.stream().map(Enum::name).toList(),
                Instant.now().toString())));
        try {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
