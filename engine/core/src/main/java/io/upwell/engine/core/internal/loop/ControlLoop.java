package io.upwell.engine.core.internal.loop;

import io.upwell.api.device.DeviceState;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.safety.VentWatch;
import io.upwell.engine.core.internal.session.ActiveSession;

/**
 * One control tick: the session commands its cups through the envelope and its monitor judges
 * them; every channel no live session owns is commanded to vent and its measurement is still
 * judged (SR-02, SR-07 hold on every connected channel, always); every device is checked for
 * silence; each device's command sequence advances. No I/O, no plugin code, no lock and no
 * allocation in steady state, and a cost linear in the number of channels.
 */
public final class ControlLoop {

    /** What the loop needs from the engine; called on the control thread. */
    public interface Host {
        /** The devices now; the array is replaced, never changed, when devices come and go. */
        DeviceSlot[] slots();

        /** The current session, or null. */
        ActiveSession session();

        /** SR-08: a ready device sent nothing for longer than its quiet-time. */
        void deviceSilent(DeviceSlot slot, long silentNanos);

        /** A silent device's samples flow again. */
        void deviceHeard(DeviceSlot slot);

        /** SR-10: too many late ticks in a row. */
        void loopLate(int consecutiveLateTicks, long latenessNanos);

        /**
         * A tick threw (a bug in the core, or an {@link Error} such as OutOfMemoryError): every
         * channel is already vented; the host latches. Told once per run of failing ticks, and
         * again if the run goes on after the latch was acknowledged.
         */
        void loopFailed(Throwable failure);

        /** True while the engine's latch is set. */
        boolean latched();

        /**
         * A channel no session owns reads something it must not: impossible, above its limit, or
         * vacuum held while it is vented. Told once per episode (see {@link VentWatch}).
         */
        void idleChannelFault(DeviceSlot slot, int channel, VentWatch.Verdict verdict, String detail);
    }

    /** Matches no channel's owner, not even {@link ActiveSession#NO_SESSION}. */
    private static final long NOBODY_LIVE = -1;

    private final Host host;
    private final long periodNanos;
    private final long lateThresholdNanos;
    private final int maxConsecutiveLate;
    private final long minQuietNanos;
    private final int journalEvery;
    private final LatenessHistogram lateness = new LatenessHistogram();

    private long lastTick = Long.MIN_VALUE;
    private boolean failing;
    private int consecutiveLate;
    private volatile long lateTicks;
    private volatile long ticks;

    public ControlLoop(Host host, long periodNanos, long lateThresholdNanos, int maxConsecutiveLate,
            int journalSampleRateHz) {
        this.host = host;
        this.periodNanos = periodNanos;
        this.lateThresholdNanos = lateThresholdNanos;
        this.maxConsecutiveLate = maxConsecutiveLate;
        // SR-08: never less than three control periods or 100 ms.
        this.minQuietNanos = Math.max(3 * periodNanos, 100_000_000L);
        long ticksPerSecond = 1_000_000_000L / periodNanos;
        this.journalEvery = (int) Math.max(1, ticksPerSecond / journalSampleRateHz);
    }

    /**
     * Runs one tick.
     *
     * @param dueNanos when the tick should have run
     * @param now      when it runs
     */
    public void tick(long dueNanos, long now) {
        try {
            runTick(dueNanos, now);
            failing = false;
        } catch (Throwable e) { // an Error too: a tick that dies must still leave every channel vented
            ventEverything();
            if (!failing || !host.latched()) { // once per run, and again if someone acknowledged meanwhile
                failing = true;
                host.loopFailed(e);
            }
        }
    }

    /**
     * Commands and forces vent on every channel. Commanding as well as forcing matters: a session
     * started later releases the forced vent, and must not find the failed tick's last target in the slot.
     */
    private void ventEverything() {
        for (DeviceSlot slot : host.slots()) {
            for (int ch = 0; ch < slot.channels(); ch++) {
                slot.command(ch, 0.0, true, 0.0);
            }
            slot.forceVentAll();
            slot.publishTick();
        }
        ticks = ticks + 1;
    }

    /** True while the latest tick failed. */
    public boolean failing() {
        return failing;
    }

    private void runTick(long dueNanos, long now) {
        long late = now - dueNanos;
        lateness.record(late);
        if (late > lateThresholdNanos) {
            lateTicks = lateTicks + 1;
            consecutiveLate++;
            if (consecutiveLate == maxConsecutiveLate + 1) {
                host.loopLate(consecutiveLate, late);
            }
        } else {
            consecutiveLate = 0;
        }
        long dt = lastTick == Long.MIN_VALUE ? periodNanos : Math.min(Math.max(0, now - lastTick), 5 * periodNanos);
        lastTick = now;

        ActiveSession session = host.session();
        boolean live = session != null && session.isLive();
        if (live) {
            live = session.tick(now, dt);
        }
        long owner = live ? session.serial() : NOBODY_LIVE; // with no live session, every channel is idle
        DeviceSlot[] slots = host.slots();
        for (DeviceSlot slot : slots) {
            int channels = slot.channels();
            for (int ch = 0; ch < channels; ch++) {
                if (slot.owner(ch) != owner) {
                    slot.command(ch, 0.0, true, 0.0);
                    judgeIdle(slot, ch, now);
                }
            }
            checkQuiet(slot, now);
            slot.publishTick();
        }
        long n = ticks + 1;
        if (live && n % journalEvery == 0) {
            session.journalSamples(now);
        }
        ticks = n;
    }

    private void judgeIdle(DeviceSlot slot, int ch, long now) {
        if (slot.isClosed()) {
            return;
        }
        VentWatch watch = slot.ventWatch(ch);
        VentWatch.Verdict verdict = watch.check(slot.measuredKpa(ch), slot.sampleTimeNanos(ch) != Long.MIN_VALUE,
                now);
        if (verdict != VentWatch.Verdict.OK) {
            host.idleChannelFault(slot, ch, verdict, watch.detail());
        }
    }

    private void checkQuiet(DeviceSlot slot, long now) {
        if (slot.isClosed()) {
            return;
        }
        long newest = slot.newestSampleNanos();
        if (slot.isSilent()) {
            if (newest != Long.MIN_VALUE && now - newest < minQuietNanos(slot)) {
                host.deviceHeard(slot);
            }
            return;
        }
        DeviceState state = slot.state();
        if (state != DeviceState.READY && state != DeviceState.FAULTED) {
            return;
        }
        long since = Math.max(newest, slot.readySinceNanos());
        if (since != Long.MIN_VALUE && now - since > minQuietNanos(slot)) {
            host.deviceSilent(slot, now - since);
        }
    }

    private long minQuietNanos(DeviceSlot slot) {
        return Math.max(minQuietNanos, slot.quietTimeNanos());
    }

    public long ticks() {
        return ticks;
    }

    public long lateTicks() {
        return lateTicks;
    }

    public long periodNanos() {
        return periodNanos;
    }

    public LatenessHistogram lateness() {
        return lateness;
    }
}
