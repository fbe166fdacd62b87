package io.upwell.devices.emulator.internal;

import io.upwell.devices.emulator.EmulatorFaults;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The emulator's line faults, set from any thread, applied by the serial thread to each request and
 * reply. Where a fault lands in a frame comes from a seeded generator, so a run can be repeated.
 */
public final class LineFaults implements EmulatorFaults {
    private static final Logger LOG = LoggerFactory.getLogger(LineFaults.class);

    private final String deviceId;
    private final LongSupplier nanoTime;
    private final SplittableRandom random;
    private volatile boolean dropBytes;
    private volatile boolean corruptFrames;
    private volatile long stallUntilNanos;
    private volatile boolean stalling;
    private volatile boolean silent;
    private volatile double overPressureKpa;
    private volatile int refusalCode;
    private final int usualRefusal;
    private final String refusalKind;

    /**
     * Line faults of a Modbus device: {@code refuse} answers with exception 6 (SERVER DEVICE BUSY)
     * unless told otherwise.
     *
     * @param nanoTime the monotonic time a stall is measured on
     */
    public LineFaults(String deviceId, long seed, LongSupplier nanoTime) {
        this(deviceId, seed, nanoTime, 6, "Modbus exception code");
    }

    /**
     * @param nanoTime     the monotonic time a stall is measured on
     * @param usualRefusal what {@link #refuseCommands()} refuses with, in the device's protocol
     * @param refusalKind  what a refusal code is in that protocol, for messages ("NAK reason")
     */
    public LineFaults(String deviceId, long seed, LongSupplier nanoTime, int usualRefusal, String refusalKind) {
        this.usualRefusal = usualRefusal;
        this.refusalKind = Objects.requireNonNull(refusalKind, "refusalKind");
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.random = new SplittableRandom(seed);
    }

    @Override
    public void dropBytes(boolean on) {
        dropBytes = on;
        LOG.info("{}: drop-bytes {}", deviceId, on ? "on: every reply loses a byte" : "off");
    }

    @Override
    public void corruptFrames(boolean on) {
        corruptFrames = on;
        LOG.info("{}: corrupt {}", deviceId, on ? "on: every reply has a bit flipped" : "off");
    }

    @Override
    public void stall(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException(deviceId + ": a stall cannot last a negative time, got " + duration);
        }
        stallUntilNanos = nanoTime.getAsLong() + duration.toNanos();
        stalling = !duration.isZero();
        LOG.info("{}: stall {}", deviceId, stalling ? "for " + seconds(duration.toNanos()) + ": no answers" : "ended");
    }

    @Override
    public void silent(boolean on) {
        silent = on;
        LOG.info("{}: silent {}", deviceId, on ? "on: no answers until switched off" : "off");
    }

    @Override
    public void overPressureReadback(double extraKpa) {
        if (!(extraKpa >= 0) || !Double.isFinite(extraKpa)) {
            throw new IllegalArgumentException(deviceId + ": the over-pressure readback must be a finite number of kPa, 0 or more, got "
                    + extraKpa);
        }
        overPressureKpa = extraKpa;
        LOG.info("{}: over-pressure readback {}", deviceId, extraKpa == 0 ? "off" : "+" + extraKpa + " kPa");
    }

    @Override
    public void refuseCommands(int code) {
        if (code < 0 || code > 255) {
            throw new IllegalArgumentException(deviceId + ": a " + refusalKind + " is 1 to 255 (0 for none), got " + code);
        }
        refusalCode = code;
        LOG.info("{}: refuse {}", deviceId, code == 0 ? "off" : "on: every command answered with " + refusalKind + " " + code);
    }

    @Override
    public void refuseCommands() {
        refuseCommands(usualRefusal);
    }

    @Override
    public void clearAll() {
        dropBytes = false;
        corruptFrames = false;
        stalling = false;
        silent = false;
        overPressureKpa = 0;
        refusalCode = 0;
        LOG.info("{}: every line fault cleared", deviceId);
    }

    @Override
    public String describe() {
        StringJoiner text = new StringJoiner(" ");
        if (dropBytes) {
            text.add("drop-bytes");
        }
        if (corruptFrames) {
            text.add("corrupt");
        }
        long left = stallUntilNanos - nanoTime.getAsLong();
        if (stalling && left > 0) {
            text.add(String.format(Locale.ROOT, "stall=%.1f", left / 1e9));
        }
        if (silent) {
            text.add("silent");
        }
        if (overPressureKpa > 0) {
            text.add("over-pressure=" + overPressureKpa);
        }
        if (refusalCode != 0) {
            text.add("refuse=" + refusalCode);
        }
        return text.toString();
    }

    /** Whether a request arriving now is lost: the device is silent or stalled. */
    public boolean swallowsRequests() {
        if (silent) {
            return true;
        }
        if (stalling) {
            if (nanoTime.getAsLong() - stallUntilNanos < 0) {
                return true;
            }
            stalling = false;
        }
        return false;
    }

    /** The kPa the readback adds; see {@link #overPressureReadback}. */
    public double overPressureKpa() {
        return overPressureKpa;
    }

    /** The code commands are refused with (a Modbus exception code, a NAK reason); 0 for none. */
    public int refusalCode() {
        return refusalCode;
    }

    /** Damages a reply as the active faults say and returns its new length. Serial thread only. */
    public int damage(byte[] reply, int length) {
        int n = length;
        if (corruptFrames && n > 0) {
            int at = random.nextInt(n);
            reply[at] ^= (byte) (1 << random.nextInt(8));
        }
        if (dropBytes && n > 0) {
            int at = random.nextInt(n);
            System.arraycopy(reply, at + 1, reply, at, n - at - 1);
            n--;
        }
        return n;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
