package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.EngineListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reports run on the event thread, never the caller's; a failing listener costs only itself. */
class EngineEventsTest {
    final EngineEvents events = new EngineEvents();
    final List<String> heard = new CopyOnWriteArrayList<>();

    @AfterEach
    void tearDown() {
        events.close(1000);
    }

    private EngineListener listener(String name) {
        return new EngineListener() {
            @Override
            public void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
                heard.add(name + " " + deviceId + " on " + Thread.currentThread().getName());
            }
        };
    }

    @Test
    void everyListenerIsToldOnTheEventThreadAndOneThatThrowsIsSkipped() {
        events.addListener(listener("a"));
        events.addListener(new EngineListener() {
            @Override
            public void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
                throw new IllegalStateException("a broken listener");
            }
        });
        events.addListener(listener("c"));
        events.tell(l -> l.deviceChanged("sim-1", DeviceState.CONNECTING, DeviceState.READY, "test"));
        EngineFixture.await("both good listeners heard", () -> heard.size() == 2);
        assertTrue(heard.get(0).startsWith("a sim-1 on upwell-events"), heard.toString());
        assertTrue(heard.get(1).startsWith("c sim-1 on upwell-events"), heard.toString());
    }

    @Test
    void aRemovedListenerHearsNothingMore() {
        EngineListener a = listener("a");
        events.addListener(a);
        events.addListener(listener("b"));
        events.removeListener(a);
        events.tell(l -> l.deviceChanged("sim-1", DeviceState.CONNECTING, DeviceState.READY, "test"));
        EngineFixture.await("b heard", () -> heard.size() == 1);
        events.close(10_000);
        assertEquals(1, heard.size(), "a heard nothing: " + heard);
        assertTrue(heard.get(0).startsWith("b "), heard.toString());
    }

    @Test
    void workRunsOffTheCallersThreadWhileOpenAndOnItOnceClosed() {
        List<String> threads = new CopyOnWriteArrayList<>();
        events.run(() -> threads.add(Thread.currentThread().getName()));
        EngineFixture.await("run on the event thread", () -> threads.size() == 1);
        events.close(10_000);
        events.run(() -> threads.add(Thread.currentThread().getName()));
        assertEquals(2, threads.size(), "after close the work ran at once, on the caller's thread");
        assertTrue(threads.get(0).startsWith("upwell-events"), threads.toString());
        assertEquals(Thread.currentThread().getName(), threads.get(1));
    }

    @Test
    void closeWaitsForTheReportsQueuedBeforeIt() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        events.run(() -> {
            try {
                gate.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            order.add("queued report");
        });
        Thread closing = new Thread(() -> {
            events.close(20_000);
            order.add("closed");
        });
        closing.start();
        EngineFixture.await("close is waiting", () -> closing.getState() == Thread.State.TIMED_WAITING);
        gate.countDown();
        closing.join(20_000);
        assertEquals(List.of("queued report", "closed"), order);
    }
}
