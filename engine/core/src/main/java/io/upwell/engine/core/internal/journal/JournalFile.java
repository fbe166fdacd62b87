package io.upwell.engine.core.internal.journal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One journal file opened for appending. Lines are buffered and only reach the disk at
 * {@link #flushAndForce()}, which the writer calls at least every flush interval for each file it
 * touched. Used by the writer thread only (and briefly by the constructor that hands it over).
 */
final class JournalFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final Writer out;
    private final boolean createdNew;
    private boolean dirty;

    private JournalFile(Path path, FileChannel channel, boolean createdNew) {
        this.path = path;
        this.channel = channel;
        this.createdNew = createdNew;
        this.out = new BufferedWriter(
                new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Opens {@code path} for appending, creating it if needed; never truncates what is there. */
    static JournalFile openForAppend(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
        boolean createdNew;
        try {
            createdNew = channel.size() == 0;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new JournalFile(path, channel, createdNew);
    }

    Path path() {
        return path;
    }

    /** True when the file was empty when opened: its directory entry may still need forcing. */
    boolean createdNew() {
        return createdNew;
    }

    void appendLine(String line) throws IOException {
        dirty = true;
        out.write(line);
        out.write('\n');
    }

    boolean dirty() {
        return dirty;
    }

    /** Hands the buffered lines to the operating system and waits until they are on the disk. */
    void flushAndForce() throws IOException {
        out.flush();
        channel.force(false);
        dirty = false;
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            channel.close();
        }
    }
}
