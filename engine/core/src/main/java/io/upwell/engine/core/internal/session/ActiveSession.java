package io.upwell.engine.core.internal.session;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Technique;
import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.program.CompiledTimeline;
import io.upwell.engine.core.internal.program.Phase;
import io.upwell.engine.core.internal.safety.EnvelopeChannel;
import io.upwell.engine.core.internal.safety.MonitorChannel;
import io.upwell.engine.core.internal.safety.VentWatch;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One session: its cups, program, envelope and monitor, and its state machine.
 * <p>
 * {@link #tick} runs on the control thread and allocates nothing in steady state. Operator
 * commands and safety paths come from other threads and change state only through
 * {@link #moveTo}, under the session's lock; the control thread reads the state as a volatile
 * and takes the lock only when it itself moves the session (rare events, never steady state).
 */
public final class ActiveSession implements Session {

    /** The owner a channel has when no session ever claimed it; no session has this serial. */
    public static final long NO_SESSION = 0;

    /**
     * The shortest time between two alarms of one condition on one cup: a program that crosses its
     * limit every other tick is told once per interval, with the count of episodes in between.
     */
    static final long ALARM_REPEAT_NANOS = 10_000_000_000L;

    private static final java.util.concurrent.atomic.AtomicLong SERIALS = new java.util.concurrent.atomic.AtomicLong();

    private final long serial = SERIALS.incrementAndGet();
    private final String id;
    private final SessionRequest request;
    private final Technique technique;
    private final String techniqueModule;
    private final String programName;
    private final SessionHost host;
    private final int cups;
    private final CompiledTimeline[] timelines;
    private final AtomicReferenceArray<DeviceSlot> slots;
    private final int[] channel;
    private final boolean[] magnetic;
    private final EnvelopeChannel[] envelope;
    private final MonitorChannel[] monitor;
    private final long programNanos;
    private final long timeLimitNanos;
    private final String timeLimitReason;
    private final long startedAt;

    // Written by the control thread, read by snapshots on other threads (display only).
    private final double[] commanded;
    private final double[] measured;
    private final double[] peak;
    private final byte[] phase;
    private final boolean[] cupStopped;
    private final boolean[] cupFaulted;
    private final long[] lastClampAlarm;
    private final int[] clampsSinceAlarm;
    private long programTime;
    private volatile long publishedProgramTime;

    private volatile SessionState state = SessionState.SCREENING;
    private volatile String reason = "";
    private volatile int intensity;
    private final List<Alarm> alarms = new ArrayList<>();

    public ActiveSession(String id, SessionRequest request, Technique technique, String techniqueModule,
            String programName, CompiledTimeline[] timelines, DeviceSlot[] cupSlots, double[] cupLimits,
            boolean[] cupMagnetic, double riseLimitKpaPerSecond, double leakThresholdKpa, long dwellLimitNanos,
            long programNanos, SessionHost host, long now) {
        this.id = id;
        this.request = request;
        this.technique = technique;
        this.techniqueModule = techniqueModule;
        this.programName = programName;
        this.host = host;
        this.cups = request.placements().size();
        this.timelines = timelines;
        this.slots = new AtomicReferenceArray<>(cupSlots);
        this.channel = new int[cups];
        this.magnetic = cupMagnetic.clone();
        this.envelope = new EnvelopeChannel[cups];
        this.monitor = new MonitorChannel[cups];
        this.commanded = new double[cups];
        this.measured = new double[cups];
        this.peak = new double[cups];
        this.phase = new byte[cups];
        this.cupStopped = new boolean[cups];
        this.cupFaulted = new boolean[cups];
        this.lastClampAlarm = new long[cups];
        this.clampsSinceAlarm = new int[cups];
        java.util.Arrays.fill(lastClampAlarm, Long.MIN_VALUE);
        EngineSettings s = host.settings();
        for (int c = 0; c < cups; c++) {
            channel[c] = request.placements().get(c).channel();
            envelope[c] = new EnvelopeChannel(cupLimits[c], riseLimitKpaPerSecond, s.rampOutKpaPerSecond(),
                    dwellLimitNanos, s.dwellThresholdKpa());
            monitor[c] = new MonitorChannel(cupLimits[c], leakThresholdKpa, (long) (s.leakDelaySeconds() * 1e9),
                    (long) (s.frozenSensorSeconds() * 1e9));
            measured[c] = Double.NaN;
        }
        this.programNanos = programNanos;
        long planned = programNanos + s.sessionGraceSeconds() * 1_000_000_000L;
        long max = s.maxSessionMinutes() * 60_000_000_000L;
        this.timeLimitNanos = Math.min(planned, max);
        this.timeLimitReason = planned <= max
                ? "planned end plus " + s.sessionGraceSeconds() + " s grace reached"
                : "maximum session length of " + s.maxSessionMinutes() + " min reached";
        this.intensity = request.intensity();
        this.startedAt = now;
    }

    // ---------------------------------------------------------------- control thread

    /**
     * One control tick. Commands every cup through the envelope and judges every reading.
     *
     * @return true while the session still owns its channels
     */
    public boolean tick(long now, long dtNanos) {
        SessionState current = state;
        if (current.isFinal()) {
            ventAll();
            return false;
        }
        // While the latch is set every link reads vent: the session must not ramp on unseen, or the
        // first tick after an acknowledgement would hand the device a level the envelope never let it reach.
        boolean latched = host.latched();
        boolean running = current == SessionState.RUNNING && !latched;
        boolean stopping = current == SessionState.STOPPING && !latched;
        if (running) {
            programTime += dtNanos;
        }
        double scale = intensity / 100.0;
        boolean allOut = true;
        for (int c = 0; c < cups; c++) {
            DeviceSlot slot = slots.get(c);
            int ch = channel[c];
            double command;
            byte cupPhase;
            if (cupStopped[c] || !(running || stopping)) {
                envelope[c].vented();
                command = 0.0;
                cupPhase = cupStopped[c] ? phase[c] : Phase.VENT;
            } else if (stopping) {
                command = envelope[c].step(0.0, true, now, dtNanos);
                cupPhase = Phase.RAMP_OUT;
            } else {
                CompiledTimeline timeline = timelines[c];
                double requested = timeline.levelAt(programTime) * scale;
                cupPhase = timeline.phaseAt(programTime);
                command = envelope[c].step(requested, false, now, dtNanos);
                if (envelope[c].clampStarted()) {
                    clampStarted(c, slot, ch, requested, now);
                }
                if (envelope[c].dwellExpiredNow()) {
                    host.raise(this, AlarmPriority.MEDIUM, AlarmCondition.DWELL_LIMIT, slot.id(), ch,
                            "cup " + c + " reached the dwell limit at one site; ramping it out", false);
                }
                if (envelope[c].dwellExpired()) {
                    cupPhase = command > 0 ? Phase.RAMP_OUT : Phase.DWELL_LIMIT;
                }
            }
            if (command > 0) {
                allOut = false;
            }
            slot.command(ch, command, command <= 0.0, magnetic[c] ? timelines[c].magnetLevel() : 0.0);
            commanded[c] = command;
            phase[c] = cupPhase;
            judge(c, slot, ch, command, now);
        }
        publishedProgramTime = programTime;
        if (state != current) {
            return !state.isFinal(); // a fault moved the session during this tick
        }
        if (running && programTime >= programNanos) {
            moveToIf(SessionState.RUNNING, SessionState.STOPPING, "program complete");
        } else if (stopping && allOut) {
            moveToIf(SessionState.STOPPING, SessionState.ENDED, reasonOrDefault("program complete"));
        }
        if (!state.isFinal() && state != SessionState.STOPPING && now - startedAt >= timeLimitNanos) {
            host.raise(this, AlarmPriority.MEDIUM, AlarmCondition.SESSION_TIME_LIMIT, "", -1,
                    "session " + timeLimitReason + "; ramping out", false);
            if (state == SessionState.RUNNING || state == SessionState.PAUSED) {
                moveToIf(state, SessionState.STOPPING, timeLimitReason);
            }
        }
        return true;
    }

    /** SR-01: each clamp episode is told, but no more often than {@link #ALARM_REPEAT_NANOS} per cup. */
    private void clampStarted(int c, DeviceSlot slot, int ch, double requested, long now) {
        if (lastClampAlarm[c] != Long.MIN_VALUE && now - lastClampAlarm[c] < ALARM_REPEAT_NANOS) {
            clampsSinceAlarm[c]++;
            return;
        }
        int since = clampsSinceAlarm[c];
        lastClampAlarm[c] = now;
        clampsSinceAlarm[c] = 0;
        host.raise(this, AlarmPriority.MEDIUM, AlarmCondition.REQUEST_CLAMPED, slot.id(), ch,
                String.format(Locale.ROOT, "cup %d asked for %.1f kPa; clamped to its limit of %.1f kPa%s", c,
                        requested, envelope[c].limitKpa(),
                        since == 0 ? "" : " (" + since + " more clamp(s) since the last alarm)"), false);
    }

    private void judge(int c, DeviceSlot slot, int ch, double command, long now) {
        double reading = slot.measuredKpa(ch);
        boolean hasSample = slot.sampleTimeNanos(ch) != Long.MIN_VALUE;
        measured[c] = reading;
        if (reading > peak[c]) {
            peak[c] = reading;
        }
        VentWatch watch = slot.ventWatch(ch);
        if (command > 0.0 && !slot.vent(ch)) {
            watch.applying();
        } else if (watch.checkHeld(reading, hasSample, now) == VentWatch.Verdict.NOT_RELEASED) {
            cupFaulted[c] = true;
            fault(AlarmCondition.VACUUM_NOT_RELEASED, slot.id(), ch,
                    "cup " + c + " does not release: " + watch.detail() + "; remove the cup by hand");
            host.deviceFaulted(slot.id(), "vacuum held on vented channel " + ch);
            return;
        }
        MonitorChannel.Verdict verdict = monitor[c].check(reading, hasSample, command, now);
        if (cupFaulted[c] && verdict != MonitorChannel.Verdict.LEAK) {
            return; // one alarm per fault; it is judged afresh after the operator resumes
        }
        switch (verdict) {
            case OVER_VACUUM:
                cupFaulted[c] = true;
                fault(AlarmCondition.OVER_VACUUM, slot.id(), ch,
                        "cup " + c + " over vacuum: " + monitor[c].detail() + "; vented");
                host.deviceFaulted(slot.id(), "over vacuum on channel " + ch);
                break;
            case SENSOR_FAULT:
                cupFaulted[c] = true;
                fault(AlarmCondition.SENSOR_FAULT, slot.id(), ch,
                        "cup " + c + " sensor fault: " + monitor[c].detail() + "; vented");
                host.deviceFaulted(slot.id(), "sensor fault on channel " + ch);
                break;
            case LEAK:
                if (!cupStopped[c]) {
                    cupStopped[c] = true;
                    phase[c] = Phase.LEAK;
                    slot.forceVent(ch);
                    host.raise(this, AlarmPriority.MEDIUM, AlarmCondition.LEAK, slot.id(), ch,
                            "cup " + c + " lost its seal: " + monitor[c].detail()
                                    + "; pumping stopped on this cup, re-seat it and start again", false);
                }
                break;
            default:
                break;
        }
    }

    private void ventAll() {
        for (int c = 0; c < cups; c++) {
            DeviceSlot slot = slots.get(c);
            slot.command(channel[c], 0.0, true, 0.0);
            commanded[c] = 0.0;
            envelope[c].vented();
        }
    }

    /** Journal samples of every cup: called by the loop at the journal's rate. */
    public void journalSamples(long now) {
        for (int c = 0; c < cups; c++) {
            host.journal().sample(now, c, commanded[c], measured[c]);
        }
    }

    // ---------------------------------------------------------------- safety paths (any thread)

    /**
     * A high-priority fault: every cup is force-vented at once, the engine latches, and the session
     * pauses (or is aborted if it was not running). It never resumes by itself.
     */
    public void fault(AlarmCondition condition, String deviceId, int deviceChannel, String message) {
        forceVentAll();
        host.raise(this, AlarmPriority.HIGH, condition, deviceId, deviceChannel, message, true);
        synchronized (this) {
            if (state == SessionState.RUNNING) {
                moveTo(SessionState.PAUSED, message);
            } else if (state == SessionState.PAUSED) {
                reason = message;
            } else if (!state.isFinal()) {
                moveTo(SessionState.ABORTED, message);
            }
        }
    }

    /** Ends the session as aborted, every cup force-vented first. */
    public void abort(String why) {
        forceVentAll();
        synchronized (this) {
            if (!state.isFinal()) {
                moveTo(SessionState.ABORTED, why);
            }
        }
    }

    /** Force-vents every cup at once, from any thread, before anything else is done about a fault. */
    public void ventNow() {
        forceVentAll();
    }

    private void forceVentAll() {
        for (int c = 0; c < cups; c++) {
            slots.get(c).forceVent(channel[c]);
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** SCREENING -> READY -> RUNNING, claiming and releasing the session's channels. */
    public void begin() {
        for (int c = 0; c < cups; c++) {
            slots.get(c).claim(channel[c], serial);
            if (!cupStopped[c]) {
                slots.get(c).releaseForcedVent(channel[c]);
            }
        }
        synchronized (this) {
            moveTo(SessionState.READY, "");
            moveTo(SessionState.RUNNING, "");
        }
    }

    /** Points the cups of a device that came back at its new slot; they stay force-vented until resumed. */
    public void rebind(DeviceSlot slot) {
        for (int c = 0; c < cups; c++) {
            if (slots.get(c).id().equals(slot.id())) {
                slot.forceVent(channel[c]);
                slot.claim(channel[c], serial);
                slots.set(c, slot);
            }
        }
    }

    public boolean uses(String deviceId) {
        for (Placement placement : request.placements()) {
            if (placement.deviceId().equals(deviceId)) {
                return true;
            }
        }
        return false;
    }

    /** Unique in this JVM, never {@link #NO_SESSION}: what the session's channels are claimed with. */
    public long serial() {
        return serial;
    }

    public Technique technique() {
        return technique;
    }

    public String techniqueModule() {
        return techniqueModule;
    }

    public SessionRequest request() {
        return request;
    }

    public String programName() {
        return programName;
    }

    public boolean isLive() {
        return !state.isFinal();
    }

    /** True while time should run fast under the virtual clock: something is being applied or ramped. */
    public boolean isActive() {
        SessionState s = state;
        return s == SessionState.RUNNING || s == SessionState.STOPPING || s == SessionState.READY;
    }


    public synchronized List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** Records an alarm raised for this session (called by the host). */
    public synchronized void recordAlarm(Alarm alarm) {
        alarms.add(alarm);
    }

    private boolean moveToIf(SessionState expected, SessionState to, String why) {
        synchronized (this) {
            if (state != expected) {
                return false;
            }
            moveTo(to, why);
            return true;
        }
    }

    private void moveTo(SessionState to, String why) {
        assert Thread.holdsLock(this);
        SessionState from = state;
        SessionTransitions.TABLE.check(from, to);
        reason = why;
        state = to;
        host.sessionChanged(this, from, to, why);
    }

    private String reasonOrDefault(String fallback) {
        String r = reason;
        return r.isEmpty() ? fallback : r;
    }

    // ---------------------------------------------------------------- Session

    @Override
    public String id() {
        return id;
    }

    @Override
    public SessionState state() {
        return state;
    }

    @Override
    public String reason() {
        return reason;
    }

    @Override
    public synchronized void pause() throws SessionException {
        if (state != SessionState.RUNNING) {
            throw new SessionException("session " + id + " is " + state + "; only a running session can pause");
        }
        moveTo(SessionState.PAUSED, "paused by the operator");
    }

    @Override
    public void resume() throws SessionException {
        synchronized (this) {
            if (state != SessionState.PAUSED) {
                throw new SessionException("session " + id + " is " + state + "; only a paused session can resume");
            }
            if (host.latched()) {
                throw new SessionException("session " + id + " was paused by a fault (" + reason
                        + "); the operator must acknowledge it before resuming");
            }
            String notReady = host.deviceNotReady(this);
            if (notReady != null) {
                throw new SessionException("session " + id + " cannot resume: " + notReady);
            }
            for (int c = 0; c < cups; c++) {
                cupFaulted[c] = false;
                envelope[c].vented(); // re-enter with a ramp from ambient
                if (!cupStopped[c]) {
                    slots.get(c).releaseForcedVent(channel[c]);
                }
            }
            moveTo(SessionState.RUNNING, "resumed by the operator");
        }
    }

    @Override
    public synchronized void stop() throws SessionException {
        if (state != SessionState.RUNNING && state != SessionState.PAUSED) {
            throw new SessionException("session " + id + " is " + state + "; only a running or paused session can stop");
        }
        moveTo(SessionState.STOPPING, "stopped by the operator");
    }

    @Override
    public void setIntensity(int percent) throws SessionException {
        if (percent < SessionRequest.MIN_INTENSITY || percent > SessionRequest.MAX_INTENSITY) {
            throw new SessionException("intensity must be " + SessionRequest.MIN_INTENSITY + " to "
                    + SessionRequest.MAX_INTENSITY + " %, got " + percent);
        }
        synchronized (this) {
            if (state.isFinal()) {
                throw new SessionException("session " + id + " is " + state + "; intensity cannot change");
            }
            int before = intensity;
            intensity = percent;
            host.journal().event(id, "intensity", java.util.Map.of("from", before, "to", percent));
        }
    }

    @Override
    public int intensityUp() throws SessionException {
        int next = Math.min(SessionRequest.MAX_INTENSITY, intensity + SessionRequest.INTENSITY_STEP);
        setIntensity(next);
        return next;
    }

    @Override
    public int intensityDown() throws SessionException {
        int next = Math.max(SessionRequest.MIN_INTENSITY, intensity - SessionRequest.INTENSITY_STEP);
        setIntensity(next);
        return next;
    }

    @Override
    public SessionSnapshot snapshot() {
        long elapsed = publishedProgramTime; // volatile read first: the arrays below are at least this fresh
        List<ChannelStatus> channels = new ArrayList<>(cups);
        for (int c = 0; c < cups; c++) {
            Placement placement = request.placements().get(c);
            // What the device is told, not what the last tick computed: a safety path may have
            // force-vented the channel since.
            DeviceSlot slot = slots.get(c);
            boolean vented = slot.vent(channel[c]);
            byte shown = vented && Phase.isApplying(phase[c]) ? Phase.VENT : phase[c];
            channels.add(new ChannelStatus(c, placement.deviceId(), placement.channel(), placement.site(),
                    vented ? 0.0 : commanded[c], slot.measuredKpa(channel[c]), peak[c], envelope[c].limitKpa(),
                    Phase.name(shown)));
        }
        return new SessionSnapshot(id, request.techniqueId(), state, reason, Duration.ofNanos(elapsed),
                Duration.ofNanos(programNanos), intensity, channels, alarms());
    }
}
