package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import com.google.gson.JsonObject;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionState;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import javax.inject.Inject;
import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

/**
 * The live stream ({@code GET /api/stream}) as browsers and integrators read it: the hello, samples
 * at the journal's rate while a session runs, state changes and alarms, resuming after a reconnect
 * with exactly the missed events, and a client that never reads dropped and counted while another
 * client and the control loop carry on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RestStreamIT {

    /** Two simulators with the most channels one may have, for a session that streams a lot. */
    private static final List<String> WIDE_SIMULATORS = List.of("sim-wide-a", "sim-wide-b");
    private static final int WIDE_CHANNELS = 16;
    /** The journal's sample period at its default rate of 10 Hz, in seconds. */
    private static final double SAMPLE_PERIOD_S = 0.1;

    @Inject
    private BundleContext context;

    private SessionService engine;
    private RestClient rest;
    private ApiSchemas schemas;
    private final List<SseClient> clients = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return RestFramework.options();
    }

    @Before
    public void signIn() {
        engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        rest = new RestClient(context).signIn();
        schemas = new ApiSchemas(rest.get("/api/openapi.json").body());
    }

    private void awaitApi() {
        Await.value("the REST API answering GET /api/health", () -> {
            try {
                return rest.get("/api/health");
            } catch (RuntimeException e) {
                return null;
            }
        }, answer -> answer != null && answer.status() == 200, String::valueOf);
    }

    @After
    public void leaveAtRest() throws Exception {
        clients.forEach(SseClient::close);
        RestSessions.leaveAtRest(engine);
    }

    private SseClient connect(String lastEventId) {
        SseClient client = SseClient.connect(rest.http(), rest.base(), rest.token(), lastEventId);
        clients.add(client);
        assertEquals(200, client.status());
        assertTrue(client.contentType(), client.contentType().startsWith("text/event-stream"));
        return client;
    }

    private String start() {
        RestClient.Answer answer = rest.post("/api/sessions", RestSessions.holding().toString());
        assertEquals(answer.toString(), 201, answer.status());
        return answer.object().get("id").getAsString();
    }

    /** The numbered events' ids, in the order they came. */
    private static List<Long> ids(List<SseClient.Event> events) {
        return events.stream().filter(e -> e.id() != null).map(SseClient.Event::id).toList();
    }

    private static void assertConsecutive(String what, List<Long> ids) {
        for (int i = 1; i < ids.size(); i++) {
            if (ids.get(i) != ids.get(i - 1) + 1) {
                throw new AssertionError(what + ": id " + ids.get(i) + " follows " + ids.get(i - 1) + " in " + ids);
            }
        }
    }

    @Test
    public void helloThenSamplesAtTheJournalsRateStateChangesAndAlarmsWithConsecutiveIds() {
        SseClient stream = connect(null);
        SseClient.Event hello = stream.await("hello", e -> true);
        assertEquals("the first event is the hello", "hello", hello.name());
        assertNotNull("the hello carries the id to resume from", hello.id());
        schemas.check("HelloEvent", hello.json());
        assertFalse(hello.json().get("latched").getAsBoolean());

        String id = start();
        SseClient.Event running = stream.await("session " + id + " RUNNING", e -> e.name().equals("session")
                && e.json().get("session").getAsString().equals(id) && e.json().get("to").getAsString().equals("RUNNING"));
        schemas.check("SessionChangeEvent", running.json());
        List<SseClient.Event> samples = stream.awaitCount("samples of " + id + " while it runs", 40,
                e -> e.name().equals("sample") && e.json().get("session").getAsString().equals(id)
                        && e.json().get("state").getAsString().equals("RUNNING"));
        samples.forEach(sample -> schemas.check("SampleEvent", sample.json()));
        assertEquals(4, samples.get(0).json().getAsJsonArray("cups").size());
        // At the journal's rate, in the session's own time: one sample per 0.1 s of program time.
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < samples.size(); i++) {
            gaps.add(samples.get(i).json().get("elapsedSeconds").getAsDouble()
                    - samples.get(i - 1).json().get("elapsedSeconds").getAsDouble());
        }
        List<Double> sorted = gaps.stream().sorted().toList();
        assertEquals("median time between samples, in session time: " + gaps, SAMPLE_PERIOD_S,
                sorted.get(sorted.size() / 2), 0.011);

        RestClient.Answer stop = rest.post("/api/emergency-stop", null);
        assertEquals(stop.toString(), 200, stop.status());
        SseClient.Event alarm = stream.await("the emergency stop's alarm", e -> e.name().equals("alarm")
                && e.json().get("condition").getAsString().equals(AlarmCondition.EMERGENCY_STOP.name()));
        schemas.check("Alarm", alarm.json());
        assertEquals("RAISED", alarm.json().get("state").getAsString());
        SseClient.Event latched = stream.await("latch set", e -> e.name().equals("latch")
                && e.json().get("latched").getAsBoolean());
        schemas.check("Latch", latched.json());
        stream.await("session " + id + " ABORTED", e -> e.name().equals("session")
                && e.json().get("to").getAsString().equals("ABORTED"));

        RestClient.Answer acknowledged = rest.post("/api/alarms/acknowledge", null);
        assertEquals(acknowledged.toString(), 200, acknowledged.status());
        stream.await("latch cleared", e -> e.name().equals("latch") && !e.json().get("latched").getAsBoolean());
        stream.await("the alarm cleared", e -> e.name().equals("alarm") && e.json().get("id").getAsString()
                .equals(alarm.json().get("id").getAsString()) && e.json().get("state").getAsString().equals("CLEARED"));

        List<Long> ids = ids(stream.events());
        assertEquals("the hello's id is the last event's before the first live one", hello.id() + 1,
                (long) ids.get(1));
        assertConsecutive("one connection's events", ids);
    }

    @Test
    public void aClientThatReconnectsWithItsLastEventIdGetsExactlyTheEventsItMissed() {
        start();
        SseClient reference = connect(null); // stays connected throughout
        SseClient leaving = connect(null);
        leaving.awaitCount("events before leaving", 20, e -> e.id() != null && !e.name().equals("hello"));
        leaving.close();
        List<Long> seen = ids(leaving.events());
        long lastSeen = seen.get(seen.size() - 1);
        reference.await("40 events published while the client was away", e -> e.id() != null
                && e.id() >= lastSeen + 40);

        SseClient back = connect(Long.toString(lastSeen));
        back.await("the events up to " + (lastSeen + 40), e -> e.id() != null && e.id() >= lastSeen + 40);
        List<SseClient.Event> resumed = back.events();
        assertEquals("no hello and no reset for a client that resumes", List.of(), resumed.stream()
                .filter(e -> e.name().equals("hello") || e.name().equals("reset")).toList());
        List<Long> ids = ids(resumed);
        assertEquals("resumes right after its last event", lastSeen + 1, (long) ids.get(0));
        assertConsecutive("the resumed stream", ids);
        for (SseClient.Event event : resumed) {
            if (event.id() > lastSeen + 40) {
                break;
            }
            SseClient.Event original = reference.events().stream().filter(e -> event.id().equals(e.id())).findFirst()
                    .orElseThrow(() -> new AssertionError("the reference client never saw " + event));
            assertEquals("event " + event.id() + " as replayed", original, event);
        }

        SseClient stranger = connect("987654321");
        SseClient.Event reset = stranger.await("a reset", e -> true);
        assertEquals("an id of no event of this run begins afresh", "reset", reset.name());
        schemas.check("ResetEvent", reset.json());
        assertEquals("hello", stranger.awaitCount("reset then hello", 2, e -> true).get(1).name());
    }

    /**
     * A client whose connection stops taking bytes: its operating system's buffers fill first (on the
     * loopback interface Linux lets them grow past a megabyte), then its queue, and it is dropped.
     * The session here is made to stream a lot, so that this happens within seconds: 32 cups (two
     * simulators of 16) sampled at 50 Hz rather than the journal's default 10.
     */
    @Test
    public void aClientThatNeverReadsIsDroppedAndCountedWhileAnotherClientAndTheControlLoopGoOn() throws Exception {
        ConfigurationAdmin configurationAdmin = UpwellServices.await(context, ConfigurationAdmin.class, null);
        org.osgi.service.cm.Configuration stream = configurationAdmin.getConfiguration("io.upwell.engine.rest", null);
        Dictionary<String, Object> streamSettings = new Hashtable<>();
        streamSettings.put("clientQueueEvents", 8);
        stream.update(streamSettings);
        UpwellServices.await(context, EngineListener.class, "(clientQueueEvents=8)");
        for (String id : WIDE_SIMULATORS) {
            Dictionary<String, Object> simulator = new Hashtable<>();
            simulator.put("id", id);
            simulator.put("channels", WIDE_CHANNELS);
            configurationAdmin.getFactoryConfiguration("io.upwell.devices.simulator", id, "?").update(simulator);
        }
        long before = serviceId(SessionService.class);
        UpwellServices.configure(context, "journalSampleRateHz", 50);
        Await.until("the engine restarted with the new configuration", () -> serviceId(SessionService.class) != before);
        engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        rest.signIn(); // the access bundle restarted with the engine: its logins went with it
        for (String id : WIDE_SIMULATORS) {
            UpwellServices.awaitDevice(engine, id, io.upwell.api.device.DeviceState.READY);
        }
        awaitApi();

        RestClient.Answer started = rest.post("/api/sessions", RestSessions.staticCupping(WIDE_SIMULATORS, WIDE_CHANNELS,
                Sessions.HOLDING_TARGET_KPA, 900).toString());
        assertEquals(started.toString(), 201, started.status());
        String id = started.object().get("id").getAsString();
        RestSessions.awaitHolding(rest, id);
        SseClient reader = connect(null);
        reader.await("hello", e -> e.name().equals("hello"));
        LoopStatistics loopBefore = engine.loopStatistics();

        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(1024); // set before connecting, so the window it offers stays small
            stalled.connect(new InetSocketAddress("127.0.0.1", rest.base().getPort()));
            OutputStream out = stalled.getOutputStream();
            out.write(("GET /api/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "Authorization: Bearer " + rest.token() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // ... and never reads a byte.
            Await.value("the stream has two clients", () -> streamCounts(), counts -> counts.get("clients")
                    .getAsInt() == 2);
            JsonObject dropped = Await.value("the stalled client dropped and counted", Duration.ofSeconds(300),
                    this::streamCounts, counts -> counts.get("dropped").getAsLong() == 1
                            && counts.get("clients").getAsInt() == 1, String::valueOf);
            System.out.println("RestStreamIT: stalled client dropped; stream " + dropped);
        }
        List<Long> seen = ids(reader.events());
        long lastBeforeMore = seen.get(seen.size() - 1);
        reader.await("50 more events for the client that reads", e -> e.id() != null
                && e.id() >= lastBeforeMore + 50);
        assertConsecutive("the reading client's events, through the other's drop", ids(reader.events()));

        LoopStatistics loopAfter = engine.loopStatistics();
        System.out.println("RestStreamIT: control loop while a client stalled: " + (loopAfter.ticks()
                - loopBefore.ticks()) + " ticks, " + (loopAfter.lateTicks() - loopBefore.lateTicks()) + " late; p99 "
                + loopAfter.p99Nanos() / 1e6 + " ms, max " + loopAfter.maxNanos() / 1e6 + " ms since the engine started");
        assertTrue("the loop kept ticking", loopAfter.ticks() > loopBefore.ticks());
        assertEquals("the session ran on undisturbed", SessionState.RUNNING, engine.session(id).orElseThrow().state());
        assertEquals("no alarm of the control loop", List.of(), Sessions.alarms(engine.session(id).orElseThrow(),
                AlarmCondition.LOOP_LATE));
        assertFalse(engine.latched());
    }

    private JsonObject streamCounts() {
        return rest.get("/api/health").object().getAsJsonObject("stream");
    }

    private long serviceId(Class<?> type) {
        org.osgi.framework.ServiceReference<?> reference = context.getServiceReference(type);
        return reference == null ? -1 : (Long) reference.getProperty(org.osgi.framework.Constants.SERVICE_ID);
    }
}
