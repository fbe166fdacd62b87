package io.upwell.engine.records.internal.journal;

import com.google.gson.JsonObject;
import io.upwell.api.records.SessionJournalFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The session files of a data directory, and whether each is settled (see {@link SessionJournalFormat}). */
public final class JournalFiles {
    private static final Set<String> SETTLING = Set.of(SessionJournalFormat.SESSION_END, SessionJournalFormat.RECOVERED);
    /** A settling record is one short line; this much of the tail holds it with room to spare. */
    private static final int TAIL_BYTES = 1 << 16;

    private final Path sessionsDirectory;

    public JournalFiles(Path dataDirectory) {
        this.sessionsDirectory = dataDirectory.resolve(SessionJournalFormat.SESSIONS_DIRECTORY);
    }

    public Path sessionsDirectory() {
        return sessionsDirectory;
    }

    public Path file(String sessionId) {
        return sessionsDirectory.resolve(sessionId + SessionJournalFormat.FILE_SUFFIX);
    }

    /** The ids of every session file, in name order (which is start order); none when the directory is missing. */
    public List<String> sessionIds() throws IOException {
        List<String> ids = new ArrayList<>();
        if (!Files.isDirectory(sessionsDirectory)) {
            return ids;
        }
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(sessionsDirectory,
                "*" + SessionJournalFormat.FILE_SUFFIX)) {
            for (Path file : listing) {
                if (Files.isRegularFile(file)) {
                    String name = file.getFileName().toString();
                    ids.add(name.substring(0, name.length() - SessionJournalFormat.FILE_SUFFIX.length()));
                }
            }
        }
        ids.sort(null);
        return ids;
    }

    /**
     * True when the file's last readable record ends the session: it will not grow and may be read.
     * Only the file's tail is read, so asking about a running session's file costs little and
     * changes nothing.
     */
    public boolean settled(String sessionId) throws IOException {
        try (FileChannel channel = FileChannel.open(file(sessionId), StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate(length);
            while (buffer.hasRemaining() && channel.read(buffer, size - length + buffer.position()) >= 0) {
                // reads until the tail is in
            }
            String[] lines = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n");
            for (int i = lines.length - 1; i >= 0; i--) {
                String type = typeOf(lines[i]);
                if (type != null) {
                    return SETTLING.contains(type);
                }
            }
            return false;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    private static String typeOf(String line) {
        JsonObject record = JsonLine.parse(line);
        return record == null ? null : record.get("type").getAsString();
    }
}
