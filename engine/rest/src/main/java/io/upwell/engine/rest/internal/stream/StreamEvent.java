package io.upwell.engine.rest.internal.stream;

import java.nio.charset.StandardCharsets;

/**
 * One event of the live stream, already framed as Server-Sent Events text:
 * {@code id: 42}, {@code event: sample}, {@code data: {...}} and a blank line.
 *
 * @param id    the event's number, one more than the event before it in this run; 0 for events
 *              outside the sequence (a reset)
 * @param type  the event's name
 * @param frame the bytes sent
 */
public record StreamEvent(long id, String type, byte[] frame) {

    /** An event of the numbered sequence. */
    static StreamEvent numbered(long id, String type, String json) {
        return new StreamEvent(id, type, ("id: " + id + "\nevent: " + type + "\ndata: " + json + "\n\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code hello} a new client gets first: the state at event {@code id}, with the reconnection
     * delay EventSource clients should wait.
     */
    static StreamEvent hello(long id, String json, long retryMillis) {
        return new StreamEvent(id, "hello", ("retry: " + retryMillis + "\nid: " + id + "\nevent: hello\ndata: " + json
                + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** An event outside the sequence: it carries no id, so the client's last event id stays as it was. */
    static StreamEvent unnumbered(String type, String json) {
        return new StreamEvent(0, type, ("event: " + type + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    /** A comment line: keeps idle connections (and proxies) open; clients ignore it. */
    static StreamEvent comment(String text) {
        return new StreamEvent(0, "", (": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
    }
}
