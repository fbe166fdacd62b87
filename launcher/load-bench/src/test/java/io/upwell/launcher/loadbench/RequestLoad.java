package io.upwell.launcher.loadbench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady rate of REST requests, what a clinic's screens and a practice system would send: mostly
 * reads of the live session, the alarms, the devices and the health, and once a second an intensity
 * change on the running session (a real command, so the control path is loaded too). Each request
 * is sent asynchronously at its due time, whether or not earlier ones have answered.
 */
final class RequestLoad {
    private static final String[] READS = {"api/sessions/current", "api/alarms", "api/devices", "api/health"};

    private final Api api;
    private final String sessionId;
    private final int perSecond;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong sent = new AtomicLong();
    final ConcurrentLinkedQueue<Long> latenciesNanos = new ConcurrentLinkedQueue<>();
    final Map<Integer, AtomicLong> statuses = new TreeMap<>();
    final AtomicLong failures = new AtomicLong();

    RequestLoad(Api api, String sessionId, int perSecond) {
        this.api = api;
        this.sessionId = sessionId;
        this.perSecond = perSecond;
    }

    void start() {
        ticker.scheduleAtFixedRate(this::sendOne, 0, 1_000_000_000L / perSecond, TimeUnit.NANOSECONDS);
    }

    private void sendOne() {
        long n = sent.getAndIncrement();
        HttpRequest request;
        if (n % perSecond == 0) {
            int percent = (n / perSecond) % 2 == 0 ? 90 : 100;
            request = api.request("api/sessions/" + sessionId + "/intensity").header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"percent\":" + percent + "}")).build();
        } else {
            request = api.request(READS[(int) (n % READS.length)]).GET().build();
        }
        long begun = System.nanoTime();
        api.client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failure) -> {
            if (failure != null) {
                failures.incrementAndGet();
                return;
            }
            latenciesNanos.add(System.nanoTime() - begun);
            synchronized (statuses) {
                statuses.computeIfAbsent(answer.statusCode(), s -> new AtomicLong()).incrementAndGet();
            }
        });
    }

    long sent() {
        return sent.get();
    }

    void stop() throws InterruptedException {
        ticker.shutdown();
        ticker.awaitTermination(5, TimeUnit.SECONDS);
    }
}
