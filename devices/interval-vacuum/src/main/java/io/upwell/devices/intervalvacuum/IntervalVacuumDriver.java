package io.upwell.devices.intervalvacuum;

import io.upwell.api.device.ChannelDescriptor;
import io.upwell.api.device.CommandSet;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.MagnetSupport;
import io.upwell.devices.emulator.intervalvacuum.ExceptionCodes;
import io.upwell.devices.emulator.intervalvacuum.FaultWord;
import io.upwell.devices.emulator.intervalvacuum.HoldingRegisters;
import io.upwell.devices.emulator.intervalvacuum.InputRegisters;
import io.upwell.devices.emulator.intervalvacuum.SerialSettings;
import io.upwell.devices.kit.driver.DeviceIdentity;
import io.upwell.devices.kit.driver.DriverOptions;
import io.upwell.devices.kit.driver.SerialDeviceDriver;
import io.upwell.devices.kit.serial.LineOptions;
import io.upwell.devices.kit.serial.Parity;
import io.upwell.devices.kit.serial.StopBits;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The interval vacuum system's driver: one pump, a valve per channel, Modbus RTU on a serial port
 * (docs/interval-vacuum.md). One component per factory configuration; the kit's
 * {@link SerialDeviceDriver} owns the port, the threads, the back-off, the first vent, the failsafe
 * and the quiet time, and this class adds the protocol.
 * <ul>
 * <li><b>Handshake</b> ({@link #negotiate}): read the identity (device type, map version, channel
 * count, maxima, serial number) and refuse a device that is not the configured one; refuse one with a
 * latched fault other than the watchdog's; clear a latched watchdog vent, which only records that this
 * host fell silent (see below); set the device's watchdog to the quiet time.</li>
 * <li><b>Cycle</b> ({@link #exchange}), every command period: one write-multiple of the command block
 * ({@link CommandBlock}), then one read of the status block ({@link StatusBlock}): each channel's
 * reading goes to the engine, NaN where the sensor has none.</li>
 * <li><b>Faults.</b> An emergency stop on the device reaches the engine as one. Over-pressure and pump
 * faults, which the device latched after venting itself, end the connection with a reason naming them,
 * so the engine faults the device; the handshake then refuses the device until the fault is cleared at
 * the device. The driver never clears them. A watchdog vent is the device's answer to the host's
 * silence: while the engine's commands stand still it is the intended failsafe and the driver goes on
 * reporting; once they move again it ends the connection, so the engine hears of it, and the next
 * handshake clears it (the device then resets every channel to vent and the kit's first command is vent,
 * so nothing pulls until the engine asks again).</li>
 * <li><b>Answers that go wrong.</b> A garbled or missing answer costs one cycle: the next one repeats
 * everything, and the kit declares the device lost once nothing valid came for the quiet time. An
 * exception answer is a refusal: it ends the connection with the reason.</li>
 * </ul>
 * Immediate, so that a configuration is checked (and a wrong one logged and refused, with no service
 * registered) when it is applied, not later when the engine first asks for the driver.
 */
@Designate(ocd = IntervalVacuumConfig.class, factory = true)
@Component(configurationPid = IntervalVacuumDriver.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = DeviceDriver.class, immediate = true)
public final class IntervalVacuumDriver extends SerialDeviceDriver<RtuResponse> {
    /** The Configuration Admin factory PID: one driven device per factory configuration. */
    public static final String PID = "io.upwell.devices.intervalvacuum";
    static final String VENDOR = "Upwell";
    /** The model of every device whose DEVICE_TYPE is "IV"; the kit compares it with the descriptor's. */
    static final String MODEL = "Interval vacuum system";
    /** How many times the handshake asks each question before it gives up on this opening of the line. */
    static final int HANDSHAKE_TRIES = 3;
    /** Waited for an answer beyond its transmission time and the device's answer time: the host's scheduling. */
    static final long ANSWER_MARGIN_MILLIS = 50;
    private static final Logger LOG = LoggerFactory.getLogger(IntervalVacuumDriver.class);

    private final DriverSettings settings;
    private final String id;
    private final int channels;
    /** The reader thread's; reset by {@link #lineOpened}. */
    private final RtuResponseDecoder decoder;

    // The driver thread's, renewed by every handshake.
    private double channelMaxKpa;
    private double deviceMaxKpa;
    private int reportedLatched;
    private boolean haveSequence;
    private long lastSequence;
    private int lastSampleCounter;
    private long counterMovedNanos;

    /**
     * Activated by Declarative Services for one factory configuration.
     *
     * @throws IllegalArgumentException naming the property that is wrong and its value (logged); the
     *                                  component then stays inactive
     */
    @Activate
    public IntervalVacuumDriver(IntervalVacuumConfig config) {
        this(validated(config));
    }

    /** A driver for {@code settings}, outside OSGi (tests). */
    IntervalVacuumDriver(DriverSettings settings) {
        super(describe(settings), settings.serialSettings(),
                new DriverOptions(settings.commandPeriod(), LineOptions.defaults()));
        this.settings = settings;
        this.id = settings.deviceId();
        this.channels = settings.channels();
        this.decoder = new RtuResponseDecoder(settings.unitId(), new RtuResponseDecoder.Sink() {
            @Override
            public void frame(RtuResponse response) {
                counters().countFrame();
                reply(response);
            }

            @Override
            public void checksumError() {
                counters().countChecksumError();
            }

            @Override
            public void resync() {
                counters().countResync();
            }
        });
        this.channelMaxKpa = settings.channelMaxVacuumKpa();
        this.deviceMaxKpa = settings.deviceMaxVacuumKpa();
    }

    @Deactivate
    void deactivate() {
        disconnect();
    }

    DriverSettings settings() {
        return settings;
    }

    // ---------------------------------------------------------------- the protocol

    @Override
    protected void lineOpened() {
        decoder.reset();
    }

    @Override
    protected void decode(byte[] buffer, int length) {
        decoder.feed(buffer, length, System.nanoTime());
    }

    @Override
    protected DeviceIdentity negotiate() throws Exception {
        reportedLatched = 0;
        haveSequence = false;
        lastSampleCounter = -1;
        RtuResponse answer = askInHandshake(RtuRequests.readInputRegisters(settings.unitId(), IdentityBlock.ADDRESS,
                IdentityBlock.QUANTITY), "its identity");
        IdentityBlock identity = IdentityBlock.parse(answer);
        List<String> differences = identity.differencesFrom(settings);
        if (!differences.isEmpty()) {
            throw new IOException("not the configured device: " + String.join("; ", differences));
        }
        channelMaxKpa = identity.channelMaxKpa();
        deviceMaxKpa = identity.deviceMaxKpa();
        if (identity.channels() == channels) { // otherwise the kit refuses it, naming both counts
            prepare();
        }
        LOG.debug("{}: unit {} on {} is an interval vacuum system, serial {}, map {}, firmware {}, {} channels", id,
                settings.unitId(), settings.port(), identity.serialNumber(), IdentityBlock.version(identity.protocolVersion()),
                identity.firmware(), identity.channels());
        return new DeviceIdentity(null, MODEL, identity.channels(), identity.firmware());
    }

    /** The fault word checked (and a watchdog vent cleared), then the watchdog set to the quiet time. */
    private void prepare() throws IOException, InterruptedException, TimeoutException {
        RtuResponse word = askInHandshake(RtuRequests.readInputRegisters(settings.unitId(), InputRegisters.FAULT_WORD, 1),
                "its fault word");
        int latched = word.register(0) & FaultWord.LATCHED;
        int kept = latched & ~FaultWord.WATCHDOG_VENT;
        if (kept != 0) {
            throw new IOException("the device has latched " + names(kept) + " and keeps every channel vented until that "
                    + "is cleared at the device; the driver never clears it");
        }
        if (latched != 0) {
            askInHandshake(RtuRequests.writeSingleRegister(settings.unitId(), HoldingRegisters.FAULT_CLEAR,
                    FaultWord.WATCHDOG_VENT), "to clear its watchdog vent");
            LOG.info("{}: cleared the device's watchdog vent, latched while this host was not talking to it", id);
        }
        askInHandshake(RtuRequests.writeSingleRegister(settings.unitId(), HoldingRegisters.WATCHDOG_TIMEOUT_MS,
                settings.watchdogTimeoutMillis()), "to set its watchdog");
    }

    @Override
    protected void exchange(CommandSet commands) throws Exception {
        boolean engineAdvances = haveSequence && commands.sequence() != lastSequence;
        haveSequence = true;
        lastSequence = commands.sequence();

        RtuResponse written;
        RtuResponse read;
        try {
            written = ask(RtuRequests.writeMultipleRegisters(settings.unitId(), CommandBlock.ADDRESS,
                    CommandBlock.values(commands, channelMaxKpa, deviceMaxKpa)));
            read = ask(RtuRequests.readInputRegisters(settings.unitId(), StatusBlock.ADDRESS,
                    StatusBlock.quantity(channels)));
        } catch (CancellationException disconnecting) {
            return; // the engine's disconnect: the last vent is queued, and the kit flushes it before closing
        }
        boolean freshLatch = false;
        if (read != null && !read.isException()) {
            StatusBlock status = StatusBlock.parse(read, channels);
            if (status != null) {
                freshLatch = report(status, engineAdvances);
            }
        }
        if (written != null && written.isException()
                && !(freshLatch && written.exceptionCode() == ExceptionCodes.SERVER_DEVICE_FAILURE)) {
            // A refusal because of a latch reported only now is the engine not knowing yet; any other is news for it.
            String latched = reportedLatched == 0 ? "" : "; it has latched " + names(reportedLatched)
                    + ", which only the device clears";
            throw new IOException("the device refused the commands: " + written.describeException() + latched);
        }
        if (read != null && read.isException()) {
            throw new IOException("the device refused the status read: " + read.describeException());
        }
        // No answer, or a garbled one: nothing this cycle; the kit's quiet time decides when silence is a loss.
    }

    /**
     * The readings to the engine, and the device's latched faults to wherever the engine hears them.
     *
     * @return whether the device latched something new since the last status
     * @throws IOException for a latched fault the engine must hear of as a loss, or frozen measurements
     */
    private boolean report(StatusBlock status, boolean engineAdvances) throws IOException {
        int latched = status.latched();
        int fresh = latched & ~reportedLatched;
        reportedLatched = latched;
        if (fresh != 0) {
            LOG.warn("{}: the device latched {} and vented every channel", id, names(fresh));
        }
        if ((fresh & FaultWord.EMERGENCY_STOP) != 0) {
            emergencyStop(id + " emergency-stop button (interval vacuum system on " + settings.port() + ")");
        }
        long now = System.nanoTime();
        if (status.sampleCounter() != lastSampleCounter) {
            lastSampleCounter = status.sampleCounter();
            counterMovedNanos = now;
            for (int ch = 0; ch < channels; ch++) {
                sample(ch, status.measuredKpa()[ch]);
            }
        } else if (now - counterMovedNanos > quietNanos()) {
            throw new IOException("the device's sample counter has stood at " + lastSampleCounter + " for "
                    + TimeUnit.NANOSECONDS.toMillis(now - counterMovedNanos) + " ms: its measurements are frozen");
        }
        int lost = latched & (FaultWord.OVER_PRESSURE | FaultWord.PUMP_FAULT);
        if (lost != 0) {
            throw new IOException("the device latched " + names(lost) + " and vented every channel; it stays vented "
                    + "until that is cleared at the device (the driver never clears it)");
        }
        if ((latched & FaultWord.WATCHDOG_VENT) != 0 && engineAdvances) {
            throw new IOException("the device's watchdog vented it (no new command for " + settings.watchdogTimeoutMillis()
                    + " ms); the next handshake clears that, and nothing pulls until the engine commands it again");
        }
        return fresh != 0;
    }

    // ---------------------------------------------------------------- requests and answers

    /** Asks up to {@link #HANDSHAKE_TRIES} times; an exception answer or no answer at all ends the handshake. */
    private RtuResponse askInHandshake(byte[] request, String what)
            throws IOException, InterruptedException, TimeoutException {
        for (int attempt = 1; attempt <= HANDSHAKE_TRIES; attempt++) {
            RtuResponse answer = ask(request);
            if (answer != null && answer.isException()) {
                throw new IOException("the device refused when asked " + what + ": " + answer.describeException());
            }
            if (answer != null) {
                return answer;
            }
        }
        throw new TimeoutException("no valid answer from Modbus unit " + settings.unitId() + " on " + settings.port() + " ("
                + settings.baud() + " baud " + settings.serialSettings().framing() + ") when asked " + what + ", "
                + HANDSHAKE_TRIES + " tries of " + answerTimeout(request).toMillis()
                + " ms: is the device on, and are the unit id, baud rate and framing its own?");
    }

    /**
     * Sends {@code request} and waits for its answer: null when none came in time (or it was garbled,
     * which the decoder counted). Answers left over from earlier requests are dropped first, and answers
     * to other requests are passed over.
     *
     * @throws CancellationException when the engine disconnects the driver while it waits; the request
     *                               has been queued by then
     */
    private RtuResponse ask(byte[] request) throws InterruptedException {
        dropLeftoverAnswers();
        if (!send(request)) {
            return null;
        }
        long deadline = System.nanoTime() + answerTimeout(request).toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            RtuResponse answer;
            try {
                answer = awaitReply(Duration.ofNanos(left));
            } catch (TimeoutException e) {
                return null;
            }
            if (RtuRequests.answers(request, answer)) {
                return answer;
            }
            LOG.debug("{}: passed over an answer to another request: {}", id, answer);
        }
    }

    private void dropLeftoverAnswers() throws InterruptedException {
        try {
            while (true) {
                awaitReply(Duration.ZERO);
            }
        } catch (TimeoutException | CancellationException none) {
            // nothing left, or disconnecting: either way the request still goes out (a last vent must)
        }
    }

    /**
     * The request's and its answer's time on the line at the configured speed, plus the device's
     * answer time and a margin: over a pseudo-terminal answers come in about a millisecond, on a real
     * line at 19200 baud a 16-channel command block alone takes about 55 ms to send.
     */
    Duration answerTimeout(byte[] request) {
        int bitsPerCharacter = 1 + settings.dataBits() + (settings.parity() == Parity.NONE ? 0 : 1)
                + (settings.stopBits() == StopBits.ONE ? 1 : 2);
        long bytes = request.length + RtuRequests.answerLength(request);
        long lineMicros = bytes * bitsPerCharacter * 1_000_000L / settings.baud();
        return Duration.ofMillis(SerialSettings.MAX_RESPONSE_MS
                + ANSWER_MARGIN_MILLIS).plusNanos(lineMicros * 1000);
    }

    private long quietNanos() {
        return settings.quietTime().toNanos();
    }

    private static String names(int bits) {
        return String.join(", ", FaultWord.names(bits));
    }

    // ---------------------------------------------------------------- configuration

    private static DriverSettings validated(IntervalVacuumConfig config) {
        try {
            return DriverSettings.from(config);
        } catch (IllegalArgumentException e) {
            String device = deviceIdOf(config);
            LOG.error("interval vacuum system{}: configuration refused, no driver for it: {}",
                    device == null ? "" : " " + device, e.getMessage());
            throw e;
        }
    }

    private static String deviceIdOf(IntervalVacuumConfig config) {
        try {
            String id = config.deviceId();
            return id == null || id.isBlank() ? null : id;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /**
     * Every channel on one pump (pump group 0), with the configured maxima, which the handshake holds
     * the device to; not simulated.
     */
    static DeviceDescriptor describe(DriverSettings settings) {
        List<ChannelDescriptor> described = new ArrayList<>(settings.channels());
        for (int ch = 0; ch < settings.channels(); ch++) {
            described.add(new ChannelDescriptor(ch, "valve " + (ch + 1), settings.channelMaxVacuumKpa(), MagnetSupport.NONE,
                    0));
        }
        return new DeviceDescriptor(settings.deviceId(), VENDOR, MODEL, described, settings.deviceMaxVacuumKpa(), false,
                settings.quietTime());
    }
}
