package io.upwell.launcher.loadbench;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many clients of the live stream at once, each reading every event as it comes (asynchronously:
 * no thread per client), counting the events and noticing when the engine closes a stream.
 */
final class StreamClients {
    private final List<Client> clients = new ArrayList<>();
    private final List<CompletableFuture<?>> responses = new ArrayList<>();
    final AtomicInteger ended = new AtomicInteger();

    /** One stream's reader. */
    final class Client implements Flow.Subscriber<String> {
        final AtomicLong events = new AtomicLong();
        final AtomicLong samples = new AtomicLong();
        private Flow.Subscription subscription;

        @Override
        public void onSubscribe(Flow.Subscription given) {
            subscription = given;
            given.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith("event:")) {
                events.incrementAndGet();
                if (line.substring(6).trim().equals("sample")) {
                    samples.incrementAndGet();
                }
            }
        }

        @Override
        public void onError(Throwable failure) {
            ended.incrementAndGet();
        }

        @Override
        public void onComplete() {
            ended.incrementAndGet();
        }

        void cancel() {
            if (subscription != null) {
                subscription.cancel();
            }
        }
    }

    void open(Api api, int count) {
        for (int i = 0; i < count; i++) {
            Client client = new Client();
            clients.add(client);
            responses.add(api.client.sendAsync(api.request("api/stream").timeout(java.time.Duration.ofDays(1))
                    .header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.fromLineSubscriber(client)));
        }
    }

    long events() {
        return clients.stream().mapToLong(c -> c.events.get()).sum();
    }

    long samples() {
        return clients.stream().mapToLong(c -> c.samples.get()).sum();
    }

    long fewestSamples() {
        return clients.stream().mapToLong(c -> c.samples.get()).min().orElse(0);
    }

    int size() {
        return clients.size();
    }

    void close() {
        clients.forEach(Client::cancel);
        responses.forEach(r -> r.cancel(true));
    }
}
