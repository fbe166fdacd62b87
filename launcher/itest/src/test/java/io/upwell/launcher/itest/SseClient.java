package io.upwell.launcher.itest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A client of the live stream, as a browser's EventSource reads it: events by id, name and data, read
 * on a thread of its own into a list the test looks at. Closing it closes the connection.
 */
public final class SseClient implements AutoCloseable {

    /** One event; {@code id} is null for an event without one (a reset). */
    public record Event(Long id, String name, String data) {
        public JsonObject json() {
            return JsonParser.parseString(data).getAsJsonObject();
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final InputStream body;
    private final Thread reader;
    private final int status;
    private final String contentType;
    private volatile IOException failure;
    private volatile boolean ended;

    private SseClient(HttpResponse<InputStream> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.body = response.body();
        this.reader = new Thread(this::read, "itest-sse");
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects with the token {@code bearer}, resuming after {@code lastEventId} when it is not null. */
    public static SseClient connect(HttpClient http, URI base, String bearer, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/api/stream")).GET()
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + bearer);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        try {
            return new SseClient(http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream()));
        } catch (IOException e) {
            throw new AssertionError("cannot connect to the stream", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            Long id = null;
            String name = "message";
            StringBuilder data = null;
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, name, data.toString()));
                    }
                    id = null;
                    name = "message";
                    data = null;
                } else if (line.startsWith("id: ")) {
                    id = Long.parseLong(line.substring(4));
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = data == null ? new StringBuilder(line.substring(6)) : data.append('\n').append(line.substring(6));
                }
                // comments (": heartbeat") and "retry:" carry no event
            }
        } catch (IOException e) {
            failure = e;
        } finally {
            ended = true;
        }
    }

    /** Every event so far, in the order they came. */
    public List<Event> events() {
        return new ArrayList<>(events);
    }

    /** Waits until some event matches, and returns the first that does. */
    public Event await(String what, Predicate<Event> wanted) {
        return Await.value("stream event: " + what, Duration.ofSeconds(60), () -> events().stream().filter(wanted)
                .findFirst().orElse(null), e -> e != null, e -> "events so far: " + describe());
    }

    /** Waits until {@code count} events match. */
    public List<Event> awaitCount(String what, int count, Predicate<Event> wanted) {
        return Await.value(count + " stream events: " + what, Duration.ofSeconds(60),
                () -> events().stream().filter(wanted).toList(), list -> list.size() >= count,
                list -> list.size() + " so far; " + describe());
    }

    public boolean ended() {
        return ended;
    }

    public String describe() {
        List<Event> all = events();
        return all.size() + " events" + (all.isEmpty() ? "" : ", last " + all.get(all.size() - 1))
                + (ended ? ", stream ended" + (failure == null ? "" : " (" + failure + ")") : "");
    }

    @Override
    public void close() {
        try {
            body.close();
        } catch (IOException e) {
            // closing anyway
        }
        reader.interrupt();
    }
}
