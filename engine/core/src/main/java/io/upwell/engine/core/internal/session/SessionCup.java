package io.upwell.engine.core.internal.session;

import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Placement;
import io.upwell.api.technique.Observation;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.program.CompiledTimeline;
import io.upwell.engine.core.internal.program.Phase;
import io.upwell.engine.core.internal.safety.EnvelopeChannel;
import io.upwell.engine.core.internal.safety.MonitorChannel;
import io.upwell.engine.core.internal.safety.VentWatch;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One cup of a session: where it sits, the program it runs, its envelope and monitor, and what it
 * did on the last tick. Its per-tick methods run on the control thread and allocate nothing; what
 * they write is read by snapshots on other threads for display only.
 */
public final class SessionCup {

    /** What the judge of a tick found; the session decides what follows. */
    enum Finding {
        OK,
        /** SR-07: vacuum held on the cup while it is vented. */
        NOT_RELEASED,
        /** SR-02. */
        OVER_VACUUM,
        /** SR-07. */
        SENSOR_FAULT,
        /** SR-06: the first tick of a lost seal; the cup is stopped and vented. */
        LEAK
    }

    private final int index;
    private final Placement placement;
    private final int channel;
    /** The program the cup runs; a revision replaces it at a segment boundary, on the control thread. */
    private CompiledTimeline timeline;
    /** A revision waiting for the current segment to end; set from the adaptation thread. */
    private final AtomicReference<CompiledTimeline> pending = new AtomicReference<>();
    private boolean swapped;
    private final boolean magnetic;
    private final EnvelopeChannel envelope;
    private final MonitorChannel monitor;
    private volatile DeviceSlot slot;

    private double commanded;
    private double programKpa;
    private double measured = Double.NaN;
    private double peak;
    private Phase phase = Phase.IDLE;
    private boolean stopped;
    private boolean faulted;
    private String detail = "";
    /** Program time at which the current segment ends: where a revision would take over. */
    private volatile long segmentEnd;

    public SessionCup(int index, Placement placement, DeviceSlot slot, CompiledTimeline timeline, double limitKpa,
            boolean magnetic, CupLimits limits) {
        this.index = index;
        this.placement = placement;
        this.channel = placement.channel();
        this.slot = slot;
        this.timeline = timeline;
        this.magnetic = magnetic;
        this.envelope = new EnvelopeChannel(limitKpa, limits.riseKpaPerSecond(), limits.rampOutKpaPerSecond(),
                limits.dwellLimitNanos(), limits.dwellThresholdKpa());
        this.monitor = new MonitorChannel(limitKpa, limits.leakThresholdKpa(), limits.leakDelayNanos(),
                limits.frozenNanos());
    }

    // ---------------------------------------------------------------- control thread

    /** Vented this tick: by the session's state, or because the cup was stopped. */
    void holdVented() {
        envelope.vented();
        send(0.0, stopped ? phase : Phase.VENT);
    }

    /** Ramping out at the session's end. */
    void rampOut(long now, long dtNanos) {
        send(envelope.step(0.0, true, now, dtNanos), Phase.RAMP_OUT);
    }

    /**
     * Runs the program at {@code programTime}, scaled by intensity, through the envelope.
     *
     * @return what was asked before the envelope, for the clamp alarm
     */
    double run(long programTime, double scale, long now, long dtNanos) {
        CompiledTimeline next = pending.get();
        if (next != null && timeline.boundaryReached(programTime) && pending.compareAndSet(next, null)) {
            next.startAt(timeline.boundary(programTime), timeline.levelAtBoundary());
            timeline = next;
            swapped = true;
        }
        programKpa = timeline.levelAt(programTime);
        segmentEnd = timeline.boundary(programTime);
        double requested = programKpa * scale;
        double command = envelope.step(requested, false, now, dtNanos);
        Phase cupPhase = timeline.phaseAt(programTime);
        if (envelope.dwellExpired()) {
            cupPhase = command > 0 ? Phase.RAMP_OUT : Phase.DWELL_LIMIT;
        }
        send(command, cupPhase);
        return requested;
    }

    /** At the session's final tick: commanded to vent for good. */
    void ventForGood() {
        slot.command(channel, 0.0, true, 0.0);
        commanded = 0.0;
    }

    private void send(double command, Phase cupPhase) {
        // An ambient command vents by itself (DeviceSlot.command): no separate flag to keep in step.
        slot.command(channel, command, false, magnetic ? timeline.magnetLevel() : 0.0);
        commanded = command;
        phase = cupPhase;
    }

    /** Judges the cup's reading after this tick's command; one finding per fault until {@link #clearFault()}. */
    Finding judge(long now) {
        DeviceSlot s = slot;
        double reading = s.measuredKpa(channel);
        boolean hasSample = s.sampleTimeNanos(channel) != Long.MIN_VALUE;
        measured = reading;
        if (reading > peak) {
            peak = reading;
        }
        VentWatch watch = s.ventWatch(channel);
        if (!s.vent(channel)) { // the link is vented whenever the command is ambient, so this is "applying"
            watch.applying();
        } else if (watch.checkHeld(reading, hasSample, now) == VentWatch.Verdict.NOT_RELEASED) {
            faulted = true;
            detail = watch.detail();
            return Finding.NOT_RELEASED;
        }
        MonitorChannel.Verdict verdict = monitor.check(reading, hasSample, commanded, now);
        if (faulted && verdict != MonitorChannel.Verdict.LEAK) {
            return Finding.OK; // one alarm per fault; it is judged afresh after the operator resumes
        }
        switch (verdict) {
            case OVER_VACUUM:
                faulted = true;
                detail = monitor.detail();
                return Finding.OVER_VACUUM;
            case SENSOR_FAULT:
                faulted = true;
                detail = monitor.detail();
                return Finding.SENSOR_FAULT;
            case LEAK:
                if (stopped) {
                    return Finding.OK;
                }
                stopped = true;
                phase = Phase.LEAK;
                s.forceVent(channel);
                detail = monitor.detail();
                return Finding.LEAK;
            default:
                return Finding.OK;
        }
    }

    /** True once after a revision took over: the session's length may have changed. */
    boolean takeSwapped() {
        boolean was = swapped;
        swapped = false;
        return was;
    }

    /** Program time at which this cup's program, revisions included, ends. */
    long endNanos() {
        return timeline.endNanos();
    }

    // ---------------------------------------------------------------- any thread

    /** A revision to take over when the cup's current segment ends; a later one replaces one not yet taken. */
    void offer(CompiledTimeline continuation) {
        pending.set(continuation);
    }

    /**
     * The cup as an adaptive technique sees it at program time {@code programTime}; read from another
     * thread, so it may lag a tick.
     */
    Observation.CupState observe(long programTime) {
        long left = Math.max(0, segmentEnd - programTime);
        return new Observation.CupState(index, timeline.segmentIndex(), programKpa, commanded, measured, stopped,
                Duration.ofNanos(left));
    }

    /** Forces the cup's channel to vent at once, whatever the tick does. */
    void forceVent() {
        slot.forceVent(channel);
    }

    /** Hands the channel to the session: claimed, and no longer forced to vent unless the cup was stopped. */
    void claim(long sessionSerial) {
        slot.claim(channel, sessionSerial);
        if (!stopped) {
            slot.releaseForcedVent(channel);
        }
    }

    /** Back to therapy after a pause: judged afresh, re-entering with a ramp from ambient. */
    void resume() {
        faulted = false;
        envelope.vented();
        if (!stopped) {
            slot.releaseForcedVent(channel);
        }
    }

    /** The device came back under a new slot: the cup follows it, force-vented until resumed. */
    void rebind(DeviceSlot next, long sessionSerial) {
        next.forceVent(channel);
        next.claim(channel, sessionSerial);
        slot = next;
    }

    void clearFault() {
        faulted = false;
    }

    // ---------------------------------------------------------------- reading

    int index() {
        return index;
    }

    /** True once the cup lost its seal: it stays vented for the rest of the session. */
    boolean isStopped() {
        return stopped;
    }

    int channel() {
        return channel;
    }

    String deviceId() {
        return placement.deviceId();
    }

    double commanded() {
        return commanded;
    }

    double measured() {
        return measured;
    }

    EnvelopeChannel envelope() {
        return envelope;
    }

    /** Why the last finding other than OK was made. */
    String detail() {
        return detail;
    }

    /** What the cup shows: what the device is told, not what the last tick computed (a safety path may have vented it since). */
    ChannelStatus status() {
        DeviceSlot s = slot;
        boolean vented = s.vent(channel);
        Phase shown = vented && phase.isApplying() ? Phase.VENT : phase;
        return new ChannelStatus(index, placement.deviceId(), placement.channel(), placement.site(),
                vented ? 0.0 : commanded, s.measuredKpa(channel), peak, envelope.limitKpa(), shown.label());
    }
}
