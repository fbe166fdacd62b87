package io.upwell.launcher.loadbench;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The integrator surface under load, beside the same session without it: does the control loop
 * keep its time while 100 clients follow the live stream and 50 requests a second arrive?
 * <p>
 * Each run starts the packaged engine afresh (launcher/target/upwell.jar, its own data directory,
 * HTTP on a free loopback port), logs a therapist in, and starts the same four-cup static-cupping
 * session on the simulator. The quiet run then waits out the window; the loaded run opens the
 * stream clients and sends the requests for the same window. At the end of the window each reads
 * the engine's loop statistics (tick lateness since the engine started: the window is most of it)
 * and the stream's counts from {@code /api/health}.
 * <p>
 * A harness, not a test: run it from the repository root (docs/BENCHMARKS.md says how) and read
 * the report; nothing here passes or fails on a time.
 */
public final class LoadBenchmark {
    private LoadBenchmark() {
    }

    record Result(String name, JsonObject loopBefore, JsonObject loopAfter, JsonObject streamAfter,
            String sessionState, int alarms, int clients, long events, long samples, long fewestSamples,
            int streamsEnded, long requestsSent, List<Long> latenciesNanos, String statuses, long requestFailures) {
    }

    public static void main(String[] args) throws Exception {
        int seconds = argument(args, "seconds", 120);
        int clients = argument(args, "clients", 100);
        int rate = argument(args, "rate", 50);
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        double loadBefore = os.getSystemLoadAverage();
        Instant began = Instant.now();
        Result quiet = run("alone", seconds, 0, 0);
        Result loaded = run(clients + " stream clients, " + rate + " requests/s", seconds, clients, rate);
        report(began, loadBefore, os.getSystemLoadAverage(), seconds, List.of(quiet, loaded));
    }

    private static int argument(String[] args, String name, int otherwise) {
        for (String arg : args) {
            if (arg.startsWith(name + "=")) {
                return Integer.parseInt(arg.substring(name.length() + 1));
            }
        }
        return otherwise;
    }

    private static Result run(String name, int seconds, int clients, int rate) throws Exception {
        System.err.println("== " + name + ": starting the engine");
        try (EngineProcess engine = EngineProcess.start()) {
            Api api = new Api(engine.base);
            api.login(EngineProcess.USER, EngineProcess.PASSWORD);
            JsonObject started = api.send("POST", "api/sessions", session(seconds + 30));
            String id = started.get("id").getAsString();
            awaitRunning(api);
            JsonObject before = api.get("api/health");
            StreamClients streams = new StreamClients();
            RequestLoad requests = new RequestLoad(api, id, Math.max(rate, 1));
            if (clients > 0) {
                streams.open(api, clients);
            }
            if (rate > 0) {
                requests.start();
            }
            System.err.println("== " + name + ": session " + id + " running; " + seconds + " s window");
            Thread.sleep(Duration.ofSeconds(seconds).toMillis()); // the benchmark's window, not a test's timing
            if (rate > 0) {
                requests.stop();
            }
            JsonObject after = api.get("api/health");
            JsonObject current = api.get("api/sessions/current");
            long events = streams.events();
            long samples = streams.samples();
            long fewest = streams.fewestSamples();
            int ended = streams.ended.get();
            streams.close();
            api.send("POST", "api/sessions/" + id + "/stop", new JsonObject());
            List<Long> latencies = new ArrayList<>(requests.latenciesNanos);
            return new Result(name, object(before, "loop"), object(after, "loop"), object(after, "stream"),
                    current.get("state").getAsString(), array(current, "alarms").size(), streams.size(), events,
                    samples, fewest, ended, rate > 0 ? requests.sent() : 0, latencies, requests.statuses.toString(),
                    requests.failures.get());
        }
    }

    private static JsonObject session(int holdSeconds) {
        JsonObject request = new JsonObject();
        JsonObject client = new JsonObject();
        client.addProperty("id", "load-bench");
        client.addProperty("displayName", "Load benchmark");
        request.add("client", client);
        request.addProperty("technique", "static-cupping");
        JsonObject parameters = new JsonObject();
        parameters.addProperty("targetKpa", 40);
        parameters.addProperty("holdSeconds", Math.min(holdSeconds, 900));
        parameters.addProperty("rampInSeconds", 5);
        parameters.addProperty("rampOutSeconds", 3);
        request.add("parameters", parameters);
        JsonArray cups = new JsonArray();
        String[][] sites = {{"UPPER_BACK", "LEFT"}, {"UPPER_BACK", "RIGHT"}, {"SHOULDER", "LEFT"}, {"SHOULDER", "RIGHT"}};
        for (int channel = 0; channel < sites.length; channel++) {
            JsonObject cup = new JsonObject();
            cup.addProperty("device", "sim-1");
            cup.addProperty("channel", channel);
            JsonObject site = new JsonObject();
            site.addProperty("region", sites[channel][0]);
            site.addProperty("side", sites[channel][1]);
            cup.add("site", site);
            cups.add(cup);
        }
        request.add("cups", cups);
        request.addProperty("intensity", 100);
        return request;
    }

    private static void awaitRunning(Api api) throws IOException, InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < end) {
            if (api.get("api/sessions/current").get("state").getAsString().equals("RUNNING")) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the session did not start running within 30 s");
    }

    private static JsonObject object(JsonObject in, String name) {
        JsonElement element = in.get(name);
        return element != null && element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
    }

    private static JsonArray array(JsonObject in, String name) {
        JsonElement element = in.get(name);
        return element != null && element.isJsonArray() ? element.getAsJsonArray() : new JsonArray();
    }

    private static String field(JsonObject object, String name) {
        JsonElement element = object.get(name);
        return element == null || element.isJsonNull() ? "n/a" : element.getAsString();
    }

    private static String millis(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return "n/a";
        }
        int index = (int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1);
        return String.format(Locale.ROOT, "%.1f ms", sorted.get(Math.max(index, 0)) / 1e6);
    }

    private static void report(Instant began, double loadBefore, double loadAfter, int seconds, List<Result> results) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf(Locale.ROOT, "Measured %s, %d s window per run; %d cores, %s %s; load average %.2f before,"
                + " %.2f after.%n%n", began, seconds, runtime.availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), loadBefore, loadAfter);
        System.out.println("| run | ticks | late ticks | lateness p50 | p99 | max | session at the end | alarms |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "| %s | %s | %s | %s ms | %s ms | %s ms | %s | %d |%n", r.name(),
                    field(r.loopAfter(), "ticks"), field(r.loopAfter(), "lateTicks"), field(r.loopAfter(), "p50Ms"),
                    field(r.loopAfter(), "p99Ms"), field(r.loopAfter(), "maxMs"), r.sessionState(), r.alarms());
        }
        System.out.println();
        for (Result r : results) {
            if (r.clients() == 0 && r.requestsSent() == 0) {
                continue;
            }
            List<Long> sorted = new ArrayList<>(r.latenciesNanos());
            Collections.sort(sorted);
            System.out.printf(Locale.ROOT, "%s: %d stream clients received %d events, %d of them samples (%.1f a"
                    + " second per client; the fewest any client got: %d); streams the engine ended: %d; the engine's"
                    + " stream counts: %s. %d requests sent, %d answered (%s), %d failed; latency p50 %s, p99 %s,"
                    + " max %s.%n", r.name(), r.clients(), r.events(), r.samples(),
                    r.clients() == 0 ? 0.0 : r.samples() / (double) r.clients() / seconds, r.fewestSamples(),
                    r.streamsEnded(), r.streamAfter(), r.requestsSent(), sorted.size(), r.statuses(),
                    r.requestFailures(), millis(sorted, 0.5), millis(sorted, 0.99), millis(sorted, 1.0));
        }
        System.out.println();
        System.out.println("Loop statistics at the start of each window, for comparison: ");
        for (Result r : results) {
            System.out.println("- " + r.name() + ": " + r.loopBefore());
        }
    }
}
