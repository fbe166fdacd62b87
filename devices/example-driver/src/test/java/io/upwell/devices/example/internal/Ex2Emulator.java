package io.upwell.devices.example.internal;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import io.upwell.devices.kit.serial.LineListener;
import io.upwell.devices.kit.serial.LineOptions;
import io.upwell.devices.kit.serial.LineState;
import io.upwell.devices.kit.serial.SerialLine;
import io.upwell.devices.kit.serial.SerialSettings;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.SimulatorOptions;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.testkit.WallClock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An EX-2 on the device's end of a serial line: its firmware, as {@link ExampleProtocol} describes it,
 * with the simulator's physics behind the cups. Write one of these for your own device: it is how the
 * conformance kit, and you, test the driver without hardware.
 * <p>
 * Inside, the simulated device is connected to the firmware where it would otherwise be connected to
 * the engine: it reads the firmware's commands and delivers its sensor readings to it. The firmware
 * <ul>
 * <li>answers HELLO with HI, vents every cup and starts its sample stream (a line for each cup every
 * {@link #TICK});</li>
 * <li>follows SET and VENT, refusing with ERR a command before HELLO, a level above its maximum, and a
 * line it cannot read;</li>
 * <li>vents every cup by itself when it hears no valid line for {@link #WATCHDOG}, or its line goes;</li>
 * <li>sends ESTOP when its stop button is pressed ({@link #pressStopButton}).</li>
 * </ul>
 * Its end of the line is the kit's {@link SerialLine}, which reopens it by path after socat was
 * restarted. The physics steps and the firmware's tick run on one thread ({@link WallClock}), so the
 * physics never sees half of a tick; the host's lines arrive on the line's reader thread.
 */
final class Ex2Emulator implements AutoCloseable {
    static final String SERIAL = "SN00042";
    static final String FIRMWARE = "1.0";
    static final Duration TICK = Duration.ofMillis(50);
    static final Duration WATCHDOG = Duration.ofMillis(250);
    private static final Logger LOG = LoggerFactory.getLogger(Ex2Emulator.class);

    private final String model;
    private final int channels;
    private final double maxKpa;
    private final WallClock clock = new WallClock();
    private final SimulatedDevice physics;
    private final SerialLine line;
    private final LineDecoder decoder = new LineDecoder(new LineDecoder.Sink() {
        @Override
        public void line(String body) {
            hostLine(body);
        }

        @Override
        public void badLine() {
            send("ERR checksum");
        }

        @Override
        public void skipped() {
            send("ERR line too long");
        }
    });
    private final Clock.Scheduled ticks;

    // The commands: set by the host's lines on the reader thread, read by the physics on the clock's.
    private final double[] targetKpa;
    private final boolean[] venting;
    /** The latest reading of each cup's sensor: the clock's thread only. */
    private final double[] readings;
    private volatile long sequence;
    private volatile boolean conversing;
    private volatile long lastHostLineNanos = System.nanoTime();
    private boolean watchdogTripped;
    private volatile boolean corrupt;
    private final AtomicLong linesSent = new AtomicLong();

    private Ex2Emulator(String path, String model, int channels, double maxKpa) {
        this.model = model;
        this.channels = channels;
        this.maxKpa = maxKpa;
        this.targetKpa = new double[channels];
        this.venting = new boolean[channels];
        this.readings = new double[channels];
        Arrays.fill(venting, true);
        this.physics = Simulators.create(SimulatorOptions.defaults().withId("ex2-physics").withChannels(channels)
                .withChannelMaxVacuumKpa(maxKpa).withDeviceMaxVacuumKpa(maxKpa).withSeed(7));
        this.line = new SerialLine("ex2-emulator", SerialSettings.of(path, 115_200),
                LineOptions.defaults().withBackOff(Duration.ofMillis(100), Duration.ofMillis(500)), new LineListener() {
                    @Override
                    public void stateChanged(LineState state, String reason) {
                        lineState(state);
                    }

                    @Override
                    public void received(byte[] buffer, int length) {
                        decoder.feed(buffer, length);
                    }
                });
        this.ticks = clock.every(TICK.toNanos(), "ex2-firmware", this::tick);
        physics.connect(new PhysicsLink());
        line.start();
    }

    /** An EX-2 with two 60 kPa cups on {@code path} (the device's end of a pseudo-terminal pair). */
    static Ex2Emulator start(String path) {
        return start(path, ExampleDriver.MODEL, ExampleDriver.CHANNELS, ExampleDriver.MAX_KPA);
    }

    /** A device that says it is {@code model} with {@code channels} cups of {@code maxKpa}: for refusal tests. */
    static Ex2Emulator start(String path, String model, int channels, double maxKpa) {
        return new Ex2Emulator(path, model, channels, maxKpa);
    }

    /** From now on, until turned off, every other line the device sends arrives with one bit flipped. */
    void corruptLines(boolean on) {
        corrupt = on;
    }

    /** Presses the device's stop button: it vents every cup and tells the host. */
    void pressStopButton() {
        physics.pressEmergencyStop();
    }

    /** The true vacuum in a cup, whatever the sensor says. */
    double trueKpa(int channel) {
        return physics.truePressureKpa(channel);
    }

    @Override
    public void close() {
        ticks.close();
        physics.disconnect();
        line.close();
        clock.close();
    }

    // ---- the firmware ----

    /** One line from the host whose checksum was right, on the line's reader thread. */
    private void hostLine(String body) {
        lastHostLineNanos = System.nanoTime(); // any valid line feeds the watchdog
        String[] words = body.split(" ");
        if (words[0].equals("HELLO") && words.length == 1) {
            ventAll();
            conversing = true;
            send(String.format(Locale.ROOT, "HI %s %d %.1f %s %s", model, channels, maxKpa, SERIAL, FIRMWARE));
            return;
        }
        if (!conversing) {
            send("ERR HELLO first");
            return;
        }
        int channel = words.length >= 2 ? channel(words[1]) : -1;
        if (words[0].equals("VENT") && words.length == 2 && channel >= 0) {
            command(channel, 0, true);
        } else if (words[0].equals("SET") && words.length == 3 && channel >= 0) {
            double kpa = level(words[2]);
            if (kpa >= 0 && kpa <= maxKpa) {
                command(channel, kpa, false);
            } else {
                send("ERR SET " + words[2] + " is not a level from 0 to " + maxKpa + " kPa");
            }
        } else {
            send("ERR unknown command " + body);
        }
    }

    private int channel(String word) {
        return word.matches("\\d{1,2}") && Integer.parseInt(word) < channels ? Integer.parseInt(word) : -1;
    }

    private static double level(String word) {
        return word.matches("\\d{1,3}(\\.\\d)?") ? Double.parseDouble(word) : -1;
    }

    /** Every {@link #TICK} on the clock's thread: the watchdog, and a sample of each cup. */
    private void tick() {
        sequence++; // the physics' own failsafe trips only when the firmware stops ticking
        boolean silentHost = System.nanoTime() - lastHostLineNanos > WATCHDOG.toNanos();
        if (silentHost && conversing) {
            ventAll();
            if (!watchdogTripped) {
                LOG.info("EX-2 emulator: no line from the host for {} ms; every cup vented", WATCHDOG.toMillis());
            }
        }
        watchdogTripped = silentHost && conversing;
        if (conversing) {
            for (int ch = 0; ch < channels; ch++) {
                double kpa = readings[ch];
                send(Double.isNaN(kpa) ? "S " + ch + " NAN" : String.format(Locale.ROOT, "S %d %.2f", ch, kpa));
            }
        }
    }

    private void lineState(LineState state) {
        if (state == LineState.OPEN) {
            decoder.reset();
        } else if (state == LineState.DOWN) {
            conversing = false; // a host on a new line says HELLO first
            ventAll();
        }
    }

    private synchronized void command(int channel, double kpa, boolean vent) {
        targetKpa[channel] = kpa;
        venting[channel] = vent;
    }

    private synchronized void ventAll() {
        for (int ch = 0; ch < channels; ch++) {
            command(ch, 0, true);
        }
    }

    private void send(String body) {
        byte[] bytes = ExampleProtocol.line(body);
        if (corrupt && linesSent.getAndIncrement() % 2 == 0) {
            bytes[0] ^= 0x01; // the checksum no longer matches: the host must drop the line
        }
        line.send(bytes);
    }

    /** The firmware as the physics sees it: where the engine would otherwise be. */
    private final class PhysicsLink implements DeviceLink {
        @Override
        public Clock clock() {
            return clock;
        }

        @Override
        public void sample(int channel, double measuredKpa) {
            readings[channel] = measuredKpa;
        }

        @Override
        public void connectionChanged(ConnectionState state, String reason) {
            // the physics' own line to its firmware: nothing to do
        }

        @Override
        public void emergencyStop(String source) {
            ventAll();
            send("ESTOP");
        }

        @Override
        public void readCommands(CommandSet into) {
            synchronized (Ex2Emulator.this) {
                for (int ch = 0; ch < channels; ch++) {
                    into.set(ch, targetKpa[ch], venting[ch], 0);
                }
                into.setSequence(sequence);
            }
        }

        @Override
        public double targetKpa(int channel) {
            synchronized (Ex2Emulator.this) {
                return targetKpa[channel];
            }
        }

        @Override
        public boolean vent(int channel) {
            synchronized (Ex2Emulator.this) {
                return venting[channel];
            }
        }

        @Override
        public double magnetLevel(int channel) {
            return 0; // the EX-2 has no magnets
        }

        @Override
        public long commandSequence() {
            return sequence;
        }
    }
}
