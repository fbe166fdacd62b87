package io.upwell.devices.kit.serial;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link LineListener} that keeps everything it is told, for the test thread to look at. */
final class Recorder implements LineListener {
    record Change(LineState state, String reason) {
    }

    private final List<Change> changes = new ArrayList<>();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private int chunks;

    @Override
    public synchronized void stateChanged(LineState state, String reason) {
        changes.add(new Change(state, reason));
    }

    @Override
    public synchronized void received(byte[] buffer, int length) {
        bytes.write(buffer, 0, length);
        chunks++;
    }

    synchronized List<Change> changes() {
        return List.copyOf(changes);
    }

    /** The reasons given for {@code state}, in order. */
    synchronized List<String> reasons(LineState state) {
        return changes.stream().filter(c -> c.state() == state).map(Change::reason).toList();
    }

    synchronized long count(LineState state) {
        return changes.stream().filter(c -> c.state() == state).count();
    }

    synchronized byte[] bytes() {
        return bytes.toByteArray();
    }

    synchronized String text() {
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    synchronized int chunks() {
        return chunks;
    }

    @Override
    public synchronized String toString() {
        return "line changes " + changes + ", " + bytes.size() + " bytes in " + chunks + " chunks";
    }
}
