package io.upwell.engine.core.internal;

import io.upwell.api.device.DeviceState;
import io.upwell.api.preview.Preview;
import io.upwell.api.preview.PreviewRequest;
import io.upwell.api.preview.PreviewService;
import io.upwell.api.safety.Alarm;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.clock.VirtualClock;
import io.upwell.engine.core.internal.journal.NoJournal;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Runs previews: each on a new engine with the running engine's settings but the virtual clock, no
 * journal, a latch of its own and the request's device, stepped here tick by tick as fast as the
 * machine computes. Nothing of it reaches the running engine. One preview runs at a time per
 * caller thread; several callers each get their own engine.
 */
final class Previewer implements PreviewService {

    /** How long, in wall time, a preview waits for its device to connect and its technique to describe itself. */
    static final long READY_MILLIS = 10_000;
    /** After the limit: how much more virtual time the session gets to ramp out once stopped. */
    static final Duration RAMP_OUT_ALLOWANCE = Duration.ofMinutes(2);

    private final Supplier<Engine> running;

    /** @param running the engine the therapist uses: its settings and installed techniques are the preview's */
    Previewer(Supplier<Engine> running) {
        this.running = running;
    }

    @Override
    public Preview run(PreviewRequest request) throws SessionException {
        Engine live = running.get();
        if (live == null) {
            throw new SessionException("the engine is not running; nothing can be previewed");
        }
        EngineSettings settings = live.settings().toBuilder().virtualClock(true).build();
        String techniqueId = request.session().techniqueId();
        VirtualClock clock = new VirtualClock();
        Engine engine = new Engine(settings, clock, new NoJournal());
        try {
            if (request.technique().isPresent()) {
                engine.addTechnique(request.technique().get(), "preview", "preview");
            } else {
                TechniqueCatalogue.Entry installed = live.technique(techniqueId);
                if (installed == null) {
                    throw new SessionException("unknown technique '" + techniqueId + "'; available: "
                            + live.techniques().stream().map(t -> t.descriptor().id()).toList());
                }
                engine.addTechnique(installed.technique(), installed.module(), installed.origin());
            }
            String deviceId = request.device().descriptor().id();
            engine.addDriver(request.device());
            engine.start(false);
            awaitReady(engine, techniqueId, deviceId);
            SessionPlan plan = engine.check(request.session());
            Session session = engine.start(request.session());
            return runToEnd(engine, clock, settings, session, plan, request);
        } finally {
            engine.close();
        }
    }

    private static void awaitReady(Engine engine, String techniqueId, String deviceId) throws SessionException {
        long deadline = System.nanoTime() + READY_MILLIS * 1_000_000L;
        while (true) {
            boolean described = engine.technique(techniqueId) != null;
            boolean ready = engine.devices().stream().anyMatch(d -> d.descriptor().id().equals(deviceId)
                    && d.state() == DeviceState.READY);
            if (described && ready) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new SessionException("preview: " + (described ? "device " + deviceId + " did not become ready"
                        : "technique '" + techniqueId + "' did not describe itself") + " within "
                        + READY_MILLIS / 1000 + " s");
            }
            LockSupport.parkNanos(1_000_000L); // a plugin thread connects the device; wait, do not spin
        }
    }

    private static Preview runToEnd(Engine engine, VirtualClock clock, EngineSettings settings, Session session,
            SessionPlan plan, PreviewRequest request) {
        long tick = settings.periodNanos();
        long every = Math.max(tick, request.sampleEvery().toNanos());
        long start = clock.nanoTime();
        long limit = request.limit().toNanos();
        long nextSample = 0;
        List<Preview.Sample> samples = new ArrayList<>();
        boolean stoppedAtLimit = false;
        long allowance = RAMP_OUT_ALLOWANCE.toNanos();
        while (!session.state().isFinal()) {
            long elapsed = clock.nanoTime() - start;
            if (elapsed >= nextSample) {
                sample(session.snapshot(), Duration.ofNanos(elapsed), samples);
                nextSample += every;
            }
            if (!stoppedAtLimit && elapsed >= limit) {
                stoppedAtLimit = true;
                try {
                    session.stop();
                } catch (SessionException notStoppable) {
                    break; // paused by a fault, awaiting an operator the preview does not have
                }
            }
            if (elapsed >= limit + allowance) {
                break;
            }
            clock.advanceNanos(tick);
        }
        SessionSnapshot last = session.snapshot();
        sample(last, Duration.ofNanos(clock.nanoTime() - start), samples);
        Set<Alarm> alarms = new LinkedHashSet<>(last.alarms());
        alarms.addAll(engine.engineAlarms());
        String reason = stoppedAtLimit ? "the preview's limit of " + request.limit() + " was reached; "
                + last.reason() : last.reason();
        return new Preview(plan, samples, new ArrayList<>(alarms), last.state(), reason,
                Duration.ofNanos(clock.nanoTime() - start));
    }

    private static void sample(SessionSnapshot snapshot, Duration time, List<Preview.Sample> samples) {
        for (ChannelStatus cup : snapshot.channels()) {
            samples.add(new Preview.Sample(time, cup.cup(), cup.targetKpa(), cup.measuredKpa(), cup.phase()));
        }
    }
}
