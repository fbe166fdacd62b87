package io.upwell.devices.emulator.internal;

import io.upwell.api.device.CommandSet;
import io.upwell.api.time.Clock;
import io.upwell.devices.protocol.Ack;
import io.upwell.devices.protocol.ChannelInfo;
import io.upwell.devices.protocol.DeviceMessage;
import io.upwell.devices.protocol.FaultCode;
import io.upwell.devices.protocol.Heartbeat;
import io.upwell.devices.protocol.Hello;
import io.upwell.devices.protocol.HelloReply;
import io.upwell.devices.protocol.Magnet;
import io.upwell.devices.protocol.MagnetKind;
import io.upwell.devices.protocol.Message;
import io.upwell.devices.protocol.Nak;
import io.upwell.devices.protocol.NakReason;
import io.upwell.devices.protocol.Protocol;
import io.upwell.devices.protocol.Rejection;
import io.upwell.devices.protocol.Sample;
import io.upwell.devices.protocol.SetPoint;
import io.upwell.devices.protocol.Vacuum;
import io.upwell.devices.protocol.Vent;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.function.DoubleSupplier;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The magnetic cup array's firmware: the device side of the Upwell device protocol (docs/protocol.md)
 * over the simulator's physics. It answers the host's frames (HELLO, SET_POINT, VENT, MAGNET,
 * HEARTBEAT) with HELLO_REPLY, ACK and NAK; every {@link #TICK_NANOS} it runs its watchdog and its
 * protections, turns its set points and magnets into the physics' commands, and sends a SAMPLE at the
 * declared rate and each FAULT report that is due.
 * <p>
 * Every fault is made safe before it is reported (vent first, report second), then held and
 * reported as {@link HeldFaults} says. A HELLO clears the faults that have ended, and their reports
 * still due.
 * <p>
 * Thread use: the host's frames arrive on the serial thread, ticks and the physics' readings on the
 * device thread; every method holds this object's lock, briefly, and only queues what it sends
 * ({@link Outbox} never blocks).
 */
public final class MagneticCupsFirmware implements PhysicsPort {
    /** The firmware's period: the physics' own 10 ms, so each tick sees a fresh reading. */
    public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    /** SAMPLE frames a second: the protocol's recommended 50, one every other tick. */
    public static final int SAMPLE_RATE_HZ = 50;
    /** The watchdog timeout the device declares: the protocol's recommended 250 ms. */
    public static final int WATCHDOG_MILLIS = 250;
    /** How far above a channel's maximum a reading may go before the device vents it as over-pressure. */
    public static final double OVER_PRESSURE_MARGIN_KPA = 2.0;
    private static final int TICKS_PER_SAMPLE = (int) (TimeUnit.SECONDS.toNanos(1) / SAMPLE_RATE_HZ / TICK_NANOS);
    private static final Logger LOG = LoggerFactory.getLogger(MagneticCupsFirmware.class);

    /** Where the firmware's frames go: a queue in front of the serial line. Must not block. */
    @FunctionalInterface
    public interface Outbox {
        void send(DeviceMessage message);
    }

    private final String deviceId;
    private final HelloReply identity;
    private final int channels;
    private final int[] limitCentiKpa;
    private final MagnetKind[] kinds;
    private final Clock clock;
    private final Outbox outbox;
    private final DoubleSupplier readbackExtraKpa;
    private final IntSupplier refusalCode;
    private final long watchdogNanos;

    private final int[] setPoint;
    private final int[] magnet;
    private final double[] measuredKpa;
    private final boolean[] sensorFailed;
    private final double[] commandKpa;
    private final boolean[] commandVent;
    private final double[] commandMagnet;
    private final HeldFaults faults = new HeldFaults();

    private boolean ready;
    private boolean faultedOnArrival;
    private boolean watchdogTripped;
    private long lastFeedNanos;
    private long lastHeartbeat = -1;
    private long sequence;
    private int tickInSample;
    private long commandsAccepted;
    private long commandsRefused;

    /**
     * A device at power-up: every channel vented, every magnet off, nothing sent until the first HELLO.
     *
     * @param identity         what the device answers HELLO with: its channels, maxima, magnets and pace
     * @param outbox           where its frames go
     * @param readbackExtraKpa the emulator's over-pressure readback fault: kPa added to what SAMPLE reports,
     *                         never to what the firmware protects on
     * @param refusalCode      the emulator's refuse fault: the NAK reason every command is refused with, 0 for none
     */
    public MagneticCupsFirmware(String deviceId, HelloReply identity, Clock clock, Outbox outbox,
            DoubleSupplier readbackExtraKpa, IntSupplier refusalCode) {
        this.deviceId = Objects.requireNonNull(deviceId, "deviceId");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.readbackExtraKpa = Objects.requireNonNull(readbackExtraKpa, "readbackExtraKpa");
        this.refusalCode = Objects.requireNonNull(refusalCode, "refusalCode");
        this.channels = identity.channels().size();
        this.limitCentiKpa = new int[channels];
        this.kinds = new MagnetKind[channels];
        for (int ch = 0; ch < channels; ch++) {
            ChannelInfo info = identity.channels().get(ch);
            limitCentiKpa[ch] = Math.min(info.maxVacuumCentiKpa(), identity.maxVacuumCentiKpa());
            kinds[ch] = info.magnet();
        }
        this.watchdogNanos = TimeUnit.MILLISECONDS.toNanos(identity.watchdogMillis());
        this.setPoint = new int[channels];
        this.magnet = new int[channels];
        this.measuredKpa = new double[channels];
        this.sensorFailed = new boolean[channels];
        this.commandKpa = new double[channels];
        this.commandVent = new boolean[channels];
        this.commandMagnet = new double[channels];
        ventEverything();
        publishCommands();
    }

    // ---- the host's side: frames in, answers out (serial thread) ------------------------------------

    /** An intact frame with a message from the host: acted on and answered as the protocol says. */
    public synchronized void receive(int sequence, Message message) {
        // Judged as the device stood when the command came: the command then feeds the watchdog, which
        // may end a watchdog fault, but the command that found the device faulted is still refused.
        faultedOnArrival = faults.deviceWideLasts();
        if (message instanceof Hello) {
            hello();
        } else if (message instanceof Heartbeat heartbeat) {
            heartbeat(heartbeat.engineSequence());
        } else if (message instanceof SetPoint command) {
            answer(sequence, message, setPoint(command));
        } else if (message instanceof Vent command) {
            answer(sequence, message, vent(command));
        } else if (message instanceof Magnet command) {
            answer(sequence, message, magnet(command));
        } else {
            // A device's own type from the host's side: not a command this device knows.
            countRefused();
            outbox.send(Nak.of(sequence, message.type().code(), NakReason.UNKNOWN_TYPE));
        }
    }

    /** An intact frame that carried no message: refused, and it feeds nothing. */
    public synchronized void reject(int sequence, int typeCode, Rejection rejection) {
        countRefused();
        outbox.send(Nak.of(sequence, typeCode,
                rejection == Rejection.UNKNOWN_TYPE ? NakReason.UNKNOWN_TYPE : NakReason.MALFORMED));
    }

    /** The line went away (the far end closed): vent at once, and wait for a new HELLO. */
    public synchronized void lineLost() {
        if (ready) {
            LOG.warn("{}: the line is gone; venting every channel and waiting for a new HELLO", deviceId);
        }
        ready = false;
        watchdogTripped = false;
        ventEverything();
        publishCommands();
    }

    /** The emulator stops: every channel vented, nothing more sent. */
    public synchronized void powerOff() {
        ready = false;
        watchdogTripped = false;
        ventEverything();
        publishCommands();
    }

    private void hello() {
        ventEverything();
        if (watchdogTripped) {
            watchdogTripped = false;
            faults.end(FaultCode.WATCHDOG_VENT, Protocol.ALL_CHANNELS); // HELLO feeds the watchdog
        }
        faults.newConversation();
        ready = true;
        lastHeartbeat = -1;
        lastFeedNanos = clock.nanoTime();
        publishCommands();
        outbox.send(identity);
        LOG.info("{}: HELLO; every channel vented, watchdog armed ({} ms)", deviceId, identity.watchdogMillis());
    }

    private void heartbeat(long engineSequence) {
        if (!ready) {
            return;
        }
        if (engineSequence != lastHeartbeat) {
            feed();
        }
        lastHeartbeat = engineSequence;
    }

    /** The reason to refuse a command for its channel, or null to look at its values; applies nothing itself. */
    private static NakReason refusal(boolean ready, int channels, int channel, boolean allowsEvery) {
        if (!ready) {
            return NakReason.NOT_READY;
        }
        if (channel >= channels && !(allowsEvery && channel == Protocol.ALL_CHANNELS)) {
            return NakReason.UNKNOWN_CHANNEL;
        }
        return null;
    }

    private Object setPoint(SetPoint command) {
        Object refused = refusedOrCustom(command.channel(), false);
        if (refused != null) {
            return refused;
        }
        int ch = command.channel();
        if (command.vacuumCentiKpa() > limitCentiKpa[ch]) {
            ventChannel(ch);
            publishCommands();
            LOG.warn("{}: SET_POINT {} kPa on channel {} is above its maximum {} kPa; vented it", deviceId,
                    command.vacuumKpa(), ch, Vacuum.kpa(limitCentiKpa[ch]));
            return NakReason.OUT_OF_RANGE;
        }
        if (faultedOnArrival) {
            return NakReason.FAULTED;
        }
        setPoint[ch] = command.vacuumCentiKpa();
        publishCommands();
        return null;
    }

    private Object vent(Vent command) {
        Object refused = refusedOrCustom(command.channel(), true);
        if (refused != null) {
            return refused;
        }
        if (command.allChannels()) {
            for (int ch = 0; ch < channels; ch++) {
                ventChannel(ch);
            }
        } else {
            ventChannel(command.channel());
        }
        publishCommands();
        return null;
    }

    private Object magnet(Magnet command) {
        Object refused = refusedOrCustom(command.channel(), false);
        if (refused != null) {
            return refused;
        }
        int ch = command.channel();
        if (kinds[ch] == MagnetKind.NONE) {
            return NakReason.NOT_SUPPORTED;
        }
        if (command.level() > 0 && faultedOnArrival) {
            return NakReason.FAULTED;
        }
        magnet[ch] = command.level();
        publishCommands();
        return null;
    }

    /**
     * Feeds the watchdog (every intact command does, answered with ACK or NAK alike) and checks what
     * refuses a command before its values are looked at: the emulator's refuse fault (its code, as an
     * Integer), no HELLO yet, a channel the device does not have.
     */
    private Object refusedOrCustom(int channel, boolean allowsEvery) {
        if (ready) {
            feed();
        }
        int refused = refusalCode.getAsInt();
        if (refused != 0) {
            return Integer.valueOf(refused);
        }
        return refusal(ready, channels, channel, allowsEvery);
    }

    /** Sends ACK for null, otherwise NAK with the reason (a {@link NakReason} or a raw code from the refuse fault). */
    private void answer(int sequence, Message command, Object refusal) {
        int type = command.type().code();
        if (refusal == null) {
            commandsAccepted++;
            outbox.send(new Ack(sequence, type));
        } else {
            countRefused();
            int code = refusal instanceof NakReason reason ? reason.code() : (Integer) refusal;
            outbox.send(new Nak(sequence, type, code));
        }
    }

    private void countRefused() {
        commandsRefused++;
    }

    private void feed() {
        lastFeedNanos = clock.nanoTime();
        if (watchdogTripped) {
            watchdogTripped = false;
            faults.end(FaultCode.WATCHDOG_VENT, Protocol.ALL_CHANNELS);
            LOG.info("{}: the host is back; the watchdog fault has ended (everything stays vented until told)", deviceId);
        }
    }

    // ---- the device's side: ticks, readings, the button (device thread) ----------------------------

    /** One firmware cycle: watchdog, protections, the physics' commands, then what is due on the line. */
    public synchronized void tick() {
        long now = clock.nanoTime();
        sequence++;
        if (ready && !watchdogTripped && now - lastFeedNanos > watchdogNanos) {
            watchdogTripped = true;
            long silentMillis = TimeUnit.NANOSECONDS.toMillis(now - lastFeedNanos);
            ventEverything();
            faults.raise(FaultCode.WATCHDOG_VENT, Protocol.ALL_CHANNELS, (int) Math.min(0xFFFF, silentMillis), true, now);
            LOG.warn("{}: no heartbeat or command moved for {} ms, longer than the watchdog's {} ms; venting every "
                    + "channel", deviceId, silentMillis, identity.watchdogMillis());
        }
        protect(now);
        publishCommands();
        if (!ready) {
            return;
        }
        if (++tickInSample >= TICKS_PER_SAMPLE) {
            tickInSample = 0;
            outbox.send(sample());
        }
        faults.reportDue(now, outbox);
    }

    /** Over-pressure and sensor faults, on what the device measures (never on what it reports). */
    private void protect(long now) {
        for (int ch = 0; ch < channels; ch++) {
            double kpa = measuredKpa[ch];
            if (Double.isNaN(kpa)) {
                if (!sensorFailed[ch]) {
                    sensorFailed[ch] = true;
                    ventChannel(ch);
                    faults.raise(FaultCode.SENSOR_FAULT, ch, 0, true, now);
                    LOG.warn("{}: channel {}'s sensor gives no reading; vented it", deviceId, ch);
                }
                continue;
            }
            if (sensorFailed[ch]) {
                sensorFailed[ch] = false;
                faults.end(FaultCode.SENSOR_FAULT, ch);
            }
            double limitKpa = Vacuum.kpa(limitCentiKpa[ch]);
            if (kpa > limitKpa + OVER_PRESSURE_MARGIN_KPA && setPoint[ch] >= 0) {
                ventChannel(ch);
                faults.raise(FaultCode.OVER_PRESSURE, ch, Math.max(0, Math.min(0xFFFF, (int) Math.round(kpa * 100))), false, now);
                LOG.warn(String.format(Locale.ROOT, "%s: channel %d measures %.2f kPa, above its maximum %.2f kPa; vented it",
                        deviceId, ch, kpa, limitKpa));
            }
        }
    }

    private Sample sample() {
        double extra = readbackExtraKpa.getAsDouble();
        int[] readings = new int[channels];
        for (int ch = 0; ch < channels; ch++) {
            readings[ch] = Vacuum.reading(measuredKpa[ch] + extra);
        }
        return new Sample(readings);
    }

    /** The device's own emergency-stop button: everything vented and magnets off, then reported. */
    @Override
    public synchronized void emergencyStop(String source) {
        ventEverything();
        publishCommands();
        faults.raise(FaultCode.EMERGENCY_STOP, Protocol.ALL_CHANNELS, 0, false, clock.nanoTime());
        LOG.warn("{}: emergency stop ({}); every channel vented", deviceId, source);
    }

    @Override
    public synchronized void sample(int channel, double kpa) {
        if (channel >= 0 && channel < channels) {
            measuredKpa[channel] = kpa;
        }
    }

    // ---- what the physics reads ------------------------------------------------------------------

    /** Vent every channel, magnets off, set points forgotten: the state HELLO, a watchdog trip and the button leave. */
    private void ventEverything() {
        Arrays.fill(setPoint, -1);
        Arrays.fill(magnet, 0);
    }

    private void ventChannel(int ch) {
        setPoint[ch] = -1;
    }

    /** Turns set points and magnets into the physics' commands; a vented channel's magnet rests. */
    private void publishCommands() {
        for (int ch = 0; ch < channels; ch++) {
            boolean vent = !ready || setPoint[ch] < 0;
            commandVent[ch] = vent;
            commandKpa[ch] = vent ? 0.0 : Vacuum.kpa(setPoint[ch]);
            commandMagnet[ch] = vent ? 0.0 : drive(kinds[ch], magnet[ch]);
        }
    }

    /** The magnet's drive on the physics' scale: an on/off magnet is full at any level above 0. */
    static double drive(MagnetKind kind, int level) {
        return switch (kind) {
            case NONE -> 0.0;
            case ON_OFF -> level > 0 ? 1.0 : 0.0;
            case LEVEL -> level / (double) Magnet.FULL;
        };
    }

    @Override
    public int channels() {
        return channels;
    }

    @Override
    public synchronized void readCommands(CommandSet into) {
        for (int ch = 0; ch < into.channels(); ch++) {
            into.set(ch, commandKpa[ch], commandVent[ch], commandMagnet[ch]);
        }
        into.setSequence(sequence);
    }

    @Override
    public synchronized double commandKpa(int channel) {
        return commandKpa[channel];
    }

    @Override
    public synchronized boolean commandVent(int channel) {
        return commandVent[channel];
    }

    @Override
    public synchronized double commandMagnet(int channel) {
        return commandMagnet[channel];
    }

    @Override
    public synchronized long sequence() {
        return sequence;
    }

    // ---- for the emulator's status and tests -------------------------------------------------------

    /** True once a HELLO has armed the device, until its line goes away. */
    public synchronized boolean ready() {
        return ready;
    }

    /** The faults held now, as fault words such as {@code watchdog-vent} or {@code over-pressure@1 (ended)}; empty for none. */
    public synchronized String describeFaults() {
        return faults.describe();
    }

    /** One line on the channels: set point or vented, measured vacuum and magnet for each. */
    public synchronized String describeChannels() {
        StringJoiner text = new StringJoiner("; ");
        for (int ch = 0; ch < channels; ch++) {
            String held = setPoint[ch] < 0 ? "vented" : String.format(Locale.ROOT, "set %.2f kPa", Vacuum.kpa(setPoint[ch]));
            String drive = kinds[ch] == MagnetKind.NONE ? "" : String.format(Locale.ROOT, ", magnet %d/255", magnet[ch]);
            text.add(String.format(Locale.ROOT, "%d %s, measures %.2f kPa%s", ch, held, measuredKpa[ch], drive));
        }
        return text.toString();
    }

    /** Commands answered with ACK and with NAK so far. */
    public synchronized String describeCommands() {
        return commandsAccepted + " acknowledged, " + commandsRefused + " refused";
    }
}
