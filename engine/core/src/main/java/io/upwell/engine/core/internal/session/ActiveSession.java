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
import io.upwell.api.technique.Observation;
import io.upwell.api.technique.TherapistCue;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.program.CompiledTimeline;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One session: its cups ({@link SessionCup}), the program they run, and its state machine.
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

    /**
     * How long a session goes on after the technique it runs left, for the same technique to come
     * back: a module being updated leaves and returns within this, one being removed does not, and
     * the session then ramps out (SR-11). The program is compiled data, so nothing the session does
     * needs the technique meanwhile; an adaptive one is not asked to adapt until it is back.
     */
    public static final long TECHNIQUE_RETURN_NANOS = 5_000_000_000L;
    private static final long NOT_LEFT = Long.MIN_VALUE;

    private static final AtomicLong SERIALS = new AtomicLong();

    private final long serial = SERIALS.incrementAndGet();
    private final String id;
    private final SessionRequest request;
    private final PlannedProgram program;
    private final SessionHost host;
    private final SessionCup[] cups;
    private volatile long programLengthNanos;
    private long timeLimitNanos;
    private String timeLimitReason;
    private final long startedAt;
    /** Per cup: when the last clamp alarm was raised, and how many clamp episodes were not told since. */
    private final long[] lastClampAlarm;
    private final int[] clampsSinceAlarm;

    private long programTime;
    private volatile long publishedProgramTime;
    /** The therapist's latest cue, not yet handed to the technique. */
    private final AtomicReference<TherapistCue> cue = new AtomicReference<>();
    private volatile SessionState state = SessionState.SCREENING;
    private volatile String reason = "";
    private volatile int intensity;
    /** The technique whose program runs; a module updated mid-session brings a new service for it. */
    private volatile Technique technique;
    /** Set from the catalogue's thread when the technique left, with why; cleared when it came back. */
    private volatile String techniqueLeft;
    /** When the control thread first saw {@link #techniqueLeft}, or {@link #NOT_LEFT}. */
    private long techniqueLeftAt = NOT_LEFT;
    private volatile int revisions;
    private final List<Alarm> alarms = new ArrayList<>();

    /** @param cups one per placement of the request, in its order */
    public ActiveSession(String id, SessionRequest request, PlannedProgram program, SessionCup[] cups,
            SessionHost host, long now) {
        this.id = id;
        this.request = request;
        this.program = program;
        this.cups = cups.clone();
        this.host = host;
        this.lastClampAlarm = new long[cups.length];
        this.clampsSinceAlarm = new int[cups.length];
        java.util.Arrays.fill(lastClampAlarm, Long.MIN_VALUE);
        this.technique = program.technique();
        setProgramLength(program.lengthNanos());
        this.intensity = request.intensity();
        this.startedAt = now;
    }

    /** SR-05: the time limit follows the planned end (a revision may move it), never past the maximum. */
    private void setProgramLength(long lengthNanos) {
        EngineSettings s = host.settings();
        programLengthNanos = lengthNanos;
        long planned = lengthNanos + s.sessionGraceSeconds() * 1_000_000_000L;
        long max = s.maxSessionMinutes() * 60_000_000_000L;
        timeLimitNanos = Math.min(planned, max);
        timeLimitReason = planned <= max
                ? "planned end plus " + s.sessionGraceSeconds() + " s grace reached"
                : "maximum session length of " + s.maxSessionMinutes() + " min reached";
    }

    // ---------------------------------------------------------------- control thread

    /**
     * One control tick. Commands every cup through its envelope and judges every reading.
     *
     * @return true while the session still owns its channels
     */
    public boolean tick(long now, long dtNanos) {
        SessionState current = state;
        if (current.isFinal()) {
            for (SessionCup cup : cups) {
                cup.ventForGood();
            }
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
        boolean revised = false;
        for (SessionCup cup : cups) {
            if (cup.isStopped() || !(running || stopping)) {
                cup.holdVented();
            } else if (stopping) {
                cup.rampOut(now, dtNanos);
            } else {
                double requested = cup.run(programTime, scale, now, dtNanos);
                revised |= cup.takeSwapped();
                if (cup.envelope().clampStarted()) {
                    clampStarted(cup, requested, now);
                }
                if (cup.envelope().dwellExpiredNow()) {
                    host.raise(this, AlarmPriority.MEDIUM, AlarmCondition.DWELL_LIMIT, cup.deviceId(), cup.channel(),
                            "cup " + cup.index() + " reached the dwell limit at one site; ramping it out", false);
                }
            }
            if (cup.commanded() > 0) {
                allOut = false;
            }
            act(cup, cup.judge(now));
        }
        publishedProgramTime = programTime;
        if (revised) {
            long length = 0;
            for (SessionCup cup : cups) {
                length = Math.max(length, cup.endNanos());
            }
            setProgramLength(length);
        }
        checkTechniqueGone(now);
        if (state != current) {
            return !state.isFinal(); // a fault moved the session during this tick
        }
        if (running && programTime >= programLengthNanos) {
            moveToIf(SessionState.RUNNING, SessionState.STOPPING, "program complete");
        } else if (current == SessionState.STOPPING && allOut) {
            // Under the latch every cup is held vented, so a session stopped then (one a fault paused) has
            // nothing to ramp out and ends now; waiting for the acknowledgement would keep it STOPPING.
            moveToIf(SessionState.STOPPING, SessionState.ENDED, reason); // why it began stopping
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

    /** SR-11: a technique that left and did not come back in time ends the session with a ramp-out. */
    private void checkTechniqueGone(long now) {
        String left = techniqueLeft;
        if (left == null) {
            techniqueLeftAt = NOT_LEFT;
            return;
        }
        if (techniqueLeftAt == NOT_LEFT) {
            techniqueLeftAt = now;
        } else if (now - techniqueLeftAt >= TECHNIQUE_RETURN_NANOS) {
            techniqueLeft = null;
            techniqueLeftAt = NOT_LEFT;
            rampOutEarly(AlarmCondition.TECHNIQUE_FAILED, left + " and did not come back within "
                    + TECHNIQUE_RETURN_NANOS / 1_000_000_000L + " s; every cup ramps out");
        }
    }

    /** SR-01: each clamp episode is told, but no more often than {@link #ALARM_REPEAT_NANOS} per cup. */
    private void clampStarted(SessionCup cup, double requested, long now) {
        int c = cup.index();
        if (lastClampAlarm[c] != Long.MIN_VALUE && now - lastClampAlarm[c] < ALARM_REPEAT_NANOS) {
            clampsSinceAlarm[c]++;
            return;
        }
        int since = clampsSinceAlarm[c];
        lastClampAlarm[c] = now;
        clampsSinceAlarm[c] = 0;
        host.raise(this, AlarmPriority.MEDIUM, AlarmCondition.REQUEST_CLAMPED, cup.deviceId(), cup.channel(),
                String.format(Locale.ROOT, "cup %d asked for %.1f kPa; clamped to its limit of %.1f kPa%s", c,
                        requested, cup.envelope().limitKpa(),
                        since == 0 ? "" : " (" + since + " more clamp(s) since the last alarm)"), false);
    }

    /** What a cup's finding means for the session and the device. */
    private void act(SessionCup cup, SessionCup.Finding finding) {
        String device = cup.deviceId();
        int ch = cup.channel();
        int c = cup.index();
        switch (finding) {
            case NOT_RELEASED:
                fault(AlarmCondition.VACUUM_NOT_RELEASED, device, ch,
                        "cup " + c + " does not release: " + cup.detail() + "; remove the cup by hand");
                host.deviceFaulted(device, "vacuum held on vented channel " + ch);
                break;
            case OVER_VACUUM:
                fault(AlarmCondition.OVER_VACUUM, device, ch, "cup " + c + " over vacuum: " + cup.detail() + "; vented");
                host.deviceFaulted(device, "over vacuum on channel " + ch);
                break;
            case SENSOR_FAULT:
                fault(AlarmCondition.SENSOR_FAULT, device, ch,
                        "cup " + c + " sensor fault: " + cup.detail() + "; vented");
                host.deviceFaulted(device, "sensor fault on channel " + ch);
                break;
            case LEAK:
                host.raise(this, AlarmPriority.MEDIUM, AlarmCondition.LEAK, device, ch, "cup " + c
                        + " lost its seal: " + cup.detail() + "; pumping stopped on this cup, re-seat it and start"
                        + " again", false);
                break;
            default:
                break;
        }
    }

    /** Journal samples of every cup: called by the loop at the journal's rate. */
    public void journalSamples(long now) {
        for (SessionCup cup : cups) {
            host.journal().sample(now, cup.index(), cup.commanded(), cup.measured());
        }
        host.sampled(this);
    }

    // ---------------------------------------------------------------- safety paths (any thread)

    /**
     * A high-priority fault: every cup is force-vented at once, the engine latches, and the session
     * pauses (or is aborted if it was not running). It never resumes by itself.
     */
    public void fault(AlarmCondition condition, String deviceId, int deviceChannel, String message) {
        ventNow();
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
        ventNow();
        synchronized (this) {
            if (!state.isFinal()) {
                moveTo(SessionState.ABORTED, why);
            }
        }
    }

    /**
     * Ends a live session early with a ramp-out through the envelope, and a medium alarm saying why:
     * for a technique that failed or left (SR-11). A paused session, already vented, simply ends.
     */
    public void rampOutEarly(AlarmCondition condition, String message) {
        host.raise(this, AlarmPriority.MEDIUM, condition, "", -1, message, false);
        synchronized (this) {
            if (state == SessionState.RUNNING || state == SessionState.PAUSED) {
                moveTo(SessionState.STOPPING, message);
            } else if (state == SessionState.SCREENING || state == SessionState.READY) {
                moveTo(SessionState.ABORTED, message);
            }
        }
    }

    /** The technique left ({@code why} names it and its module); see {@link #TECHNIQUE_RETURN_NANOS}. */
    public void techniqueLeft(String why) {
        techniqueLeft = why;
    }

    /** The technique that left came back (a module update): the session goes on with it. */
    public void techniqueReturned(Technique returned) {
        technique = returned;
        techniqueLeft = null;
    }

    /** True while the technique is away: it is not asked to adapt. */
    public boolean techniqueAway() {
        return techniqueLeft != null;
    }

    /**
     * Hands each cup named a continuation that takes over when its current segment ends.
     *
     * @param continuations by cup index, one entry per cup; null for a cup that keeps its program
     */
    public void offer(CompiledTimeline[] continuations) {
        for (int c = 0; c < cups.length; c++) {
            if (continuations[c] != null) {
                cups[c].offer(continuations[c]);
            }
        }
        revisions++;
    }

    /** What an adaptive technique is told about the session now; hands over the latest cue once. */
    public Observation observe() {
        long now = publishedProgramTime;
        List<Observation.CupState> states = new ArrayList<>(cups.length);
        for (SessionCup cup : cups) {
            states.add(cup.observe(now));
        }
        return new Observation(program.request(), Duration.ofNanos(now), revisions, states,
                Optional.ofNullable(cue.getAndSet(null)));
    }

    public PlannedProgram program() {
        return program;
    }

    /** Force-vents every cup at once, from any thread, before anything else is done about a fault. */
    public void ventNow() {
        for (SessionCup cup : cups) {
            cup.forceVent();
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** SCREENING -> READY -> RUNNING, claiming the session's channels and releasing their forced vent. */
    public void begin() {
        for (SessionCup cup : cups) {
            cup.claim(serial);
        }
        synchronized (this) {
            moveTo(SessionState.READY, "");
            moveTo(SessionState.RUNNING, "");
        }
    }

    /** Points the cups of a device that came back at its new slot; they stay force-vented until resumed. */
    public void rebind(DeviceSlot slot) {
        for (SessionCup cup : cups) {
            if (cup.deviceId().equals(slot.id())) {
                cup.rebind(slot, serial);
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

    /** The technique whose program runs (a module update may have replaced the service). */
    public Technique technique() {
        return technique;
    }

    public String techniqueModule() {
        return program.module();
    }

    public SessionRequest request() {
        return request;
    }

    public String programName() {
        return program.name();
    }

    /** Live: not yet ended or aborted (a paused session is live). The one meaning of "live" in the core. */
    public boolean isLive() {
        return !state.isFinal();
    }

    /** True while cups may hold vacuum (running, ramping out): the virtual clock then runs at full speed. */
    public boolean mayApplyVacuum() {
        SessionState s = state;
        return s == SessionState.RUNNING || s == SessionState.STOPPING;
    }


    public synchronized List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** Records an alarm raised for this session (called by the host). */
    public synchronized void recordAlarm(Alarm alarm) {
        alarms.add(alarm);
    }

    private void moveToIf(SessionState expected, SessionState to, String why) {
        synchronized (this) {
            if (state == expected) {
                moveTo(to, why);
            }
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
    public void pause() throws SessionException {
        pause(request.operator());
    }

    /** Pauses; {@code by} is who asked, for the journal. */
    public synchronized void pause(String by) throws SessionException {
        if (state != SessionState.RUNNING) {
            throw new SessionException("session " + id + " is " + state + "; only a running session can pause");
        }
        moveTo(SessionState.PAUSED, "paused by " + by);
    }

    @Override
    public void resume() throws SessionException {
        resume(request.operator());
    }

    /** Resumes; {@code by} is who asked, for the journal. */
    public void resume(String by) throws SessionException {
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
            for (SessionCup cup : cups) {
                cup.resume(); // judged afresh, re-entering with a ramp from ambient
            }
            moveTo(SessionState.RUNNING, "resumed by " + by);
        }
    }

    @Override
    public void stop() throws SessionException {
        stop(request.operator());
    }

    /** Stops; {@code by} is who asked, for the journal. */
    public synchronized void stop(String by) throws SessionException {
        if (state != SessionState.RUNNING && state != SessionState.PAUSED) {
            throw new SessionException("session " + id + " is " + state + "; only a running or paused session can stop");
        }
        moveTo(SessionState.STOPPING, "stopped by " + by);
    }

    @Override
    public void setIntensity(int percent) throws SessionException {
        setIntensity(percent, request.operator());
    }

    /** Sets the intensity; {@code by} is who asked, for the journal. */
    public void setIntensity(int percent, String by) throws SessionException {
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
            host.journal().eventOfSession(id, "intensity", Map.of("from", before, "to", percent, "by", by));
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
    public void cue(int cup) throws SessionException {
        cue(cup, request.operator());
    }

    /** Takes a cue; {@code by} is who gave it, for the journal. */
    public void cue(int cup, String by) throws SessionException {
        if (cup < 0 || cup >= cups.length) {
            throw new SessionException("session " + id + " has cups 0 to " + (cups.length - 1) + "; there is no cup "
                    + cup + " to cue");
        }
        if (program.adaptEvery().isZero()) {
            throw new SessionException("session " + id + ": its technique's program does not adapt, so it cannot"
                    + " follow the therapist's cues");
        }
        synchronized (this) {
            if (state != SessionState.RUNNING) {
                throw new SessionException("session " + id + " is " + state + "; cues are taken while it runs");
            }
            TherapistCue given = new TherapistCue(cup, Duration.ofNanos(publishedProgramTime));
            cue.set(given);
            host.journal().eventOfSession(id, "cue", Map.of("cup", cup, "atSeconds", given.at().toMillis() / 1000.0,
                    "by", by));
        }
    }

    @Override
    public SessionSnapshot snapshot() {
        long elapsed = publishedProgramTime; // volatile read first: the cups' figures are at least this fresh
        List<ChannelStatus> channels = new ArrayList<>(cups.length);
        for (SessionCup cup : cups) {
            channels.add(cup.status());
        }
        return new SessionSnapshot(id, request.techniqueId(), state, reason, Duration.ofNanos(elapsed),
                Duration.ofNanos(programLengthNanos), intensity, channels, alarms());
    }
}
