package io.upwell.engine.rest.internal;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.EngineStatus;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.engine.rest.internal.json.Wire;
import io.upwell.engine.rest.internal.json.WireGson;
import io.upwell.engine.rest.internal.json.WireTypes.DeviceChangeJson;
import io.upwell.engine.rest.internal.json.WireTypes.HelloJson;
import io.upwell.engine.rest.internal.json.WireTypes.LatchJson;
import io.upwell.engine.rest.internal.json.WireTypes.SessionChangeJson;
import io.upwell.engine.rest.internal.stream.StreamHub;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live stream's source: an {@link EngineListener} that turns what the engine tells (samples at
 * the journal's rate, session and device state changes, alarms) into stream events, and watches the
 * latch. The engine calls it on its one event thread; every call only frames the event and queues it
 * ({@link StreamHub#publish}), so no client can hold that thread up. One thread of its own sends
 * heartbeats, checks the latch each second and writes to clients whose connection was idle.
 */
@Component(service = {EngineListener.class, StreamComponent.class}, configurationPid = RestNames.CONFIGURATION_PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = StreamConfig.class)
public final class StreamComponent implements EngineListener {

    private static final Logger LOG = LoggerFactory.getLogger(StreamComponent.class);
    /** How long an EventSource client waits before it reconnects. */
    static final long RETRY_MILLIS = 2000;

    private final StreamHub hub;
    private final StreamSettings settings;
    private final ScheduledExecutorService thread;
    private final Executor writers;
    private Boolean latched;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EngineStatus status;

    @Activate
    public StreamComponent(StreamConfig config) {
        this.settings = StreamSettings.of(config);
        this.hub = new StreamHub(settings.ringEvents(), settings.clientQueueEvents());
        this.thread = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, "upwell-stream");
            t.setDaemon(true);
            return t;
        });
        this.writers = task -> {
            try {
                thread.execute(task);
            } catch (RejectedExecutionException e) {
                // stopping: the clients are closed by the container with the servlet
            }
        };
        thread.scheduleWithFixedDelay(safely(hub::heartbeat), settings.heartbeatSeconds(),
                settings.heartbeatSeconds(), TimeUnit.SECONDS);
        thread.scheduleWithFixedDelay(safely(this::checkLatch), 1, 1, TimeUnit.SECONDS);
        LOG.info("live stream ready: {} events kept for replay, clients dropped {} events behind, heartbeat every {} s",
                settings.ringEvents(), settings.clientQueueEvents(), settings.heartbeatSeconds());
    }

    @Deactivate
    void deactivate() {
        thread.shutdownNow();
    }

    StreamHub hub() {
        return hub;
    }

    /** Where client writers run: the stream's own thread, which never blocks on a client. */
    Executor writers() {
        return writers;
    }

    /** The hello of a new client: the state now, at event {@code atId} or later. */
    String hello() {
        EngineStatus engine = status;
        if (engine == null) {
            return WireGson.GSON.toJson(new HelloJson(false, null, java.util.List.of(), java.util.List.of()));
        }
        return WireGson.GSON.toJson(new HelloJson(engine.latched(),
                engine.currentSession().map(s -> Wire.snapshot(s, engine::alarm)).orElse(null),
                engine.activeAlarms().stream().map(Wire::alarm).toList(),
                engine.devices().stream().map(Wire::device).toList()));
    }

    @Override
    public void sampled(SessionSnapshot snapshot) {
        hub.publish("sample", WireGson.GSON.toJson(Wire.sample(snapshot)));
    }

    @Override
    public void alarmChanged(AlarmStatus alarm) {
        hub.publish("alarm", WireGson.GSON.toJson(Wire.alarm(alarm)));
        checkLatch();
    }

    @Override
    public void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
        hub.publish("session", WireGson.GSON.toJson(new SessionChangeJson(sessionId, from == null ? null : from.name(),
                to.name(), reason)));
        checkLatch();
    }

    @Override
    public void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
        hub.publish("device", WireGson.GSON.toJson(new DeviceChangeJson(deviceId, from == null ? null : from.name(),
                to.name(), reason)));
    }

    /** A {@code latch} event when the latch was set or cleared since it was last looked at. */
    private synchronized void checkLatch() {
        EngineStatus engine = status;
        if (engine == null) {
            return;
        }
        boolean now = engine.latched();
        if (latched != null && latched != now) {
            hub.publish("latch", WireGson.GSON.toJson(new LatchJson(now)));
        }
        latched = now;
    }

    /** A periodic task that logs a failure instead of ending its schedule. */
    private static Runnable safely(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.error("live stream: a periodic task failed", e);
            }
        };
    }
}
