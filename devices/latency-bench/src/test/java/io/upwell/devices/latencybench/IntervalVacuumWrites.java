package io.upwell.devices.latencybench;

import io.upwell.api.device.ConnectionState;
import io.upwell.devices.conformance.pty.PseudoTerminalPair;
import io.upwell.devices.emulator.EmulatorOptions;
import io.upwell.devices.emulator.IntervalVacuumEmulator;
import io.upwell.devices.intervalvacuum.IntervalVacuumConfig;
import io.upwell.devices.intervalvacuum.IntervalVacuumDriver;
import io.upwell.devices.kit.driver.AnswerWatcher;
import io.upwell.engine.testkit.RecordingLink;
import io.upwell.engine.testkit.WallClock;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * (b) The interval vacuum system's driver against its emulator over a socat pair: every command
 * period the driver writes the command block (Modbus function 16, write multiple registers) and
 * reads the status block (function 4). Timed by the kit's {@code watchAnswers}, from the driver
 * queueing the request to the decoded response: the driver's threads, RTU framing on both sides (each
 * side waits out the 3.5-character silence that ends a frame) and the line both ways.
 */
final class IntervalVacuumWrites {
    static final String DEVICE_ID = "iv-bench";
    private static final int WRITE_MULTIPLE_REGISTERS = 0x10;
    private static final int READ_INPUT_REGISTERS = 0x04;

    private IntervalVacuumWrites() {
    }

    /** Writes first, reads second. */
    static Latencies[] measure(Path dir, int warmUp, int samples) throws IOException {
        Latencies writes = new Latencies("interval vacuum system: command block write (function 16) to its response");
        Latencies reads = new Latencies("interval vacuum system: status read (function 4) to its response");
        try (PseudoTerminalPair pair = PseudoTerminalPair.start(dir);
                IntervalVacuumEmulator device = IntervalVacuumEmulator.start(
                        EmulatorOptions.onPort(pair.deviceEnd().toString()));
                WallClock clock = new WallClock()) {
            IntervalVacuumDriver driver = new IntervalVacuumDriver(config(pair.hostEnd()));
            RecordingLink link = new RecordingLink(clock, 4);
            AtomicInteger written = new AtomicInteger();
            // The driver's answer type is its own; the watcher needs only the request's function code.
            AnswerWatcher<Object> watcher = (sent, answer, nanos) -> {
                int function = sent.length > 1 ? sent[1] & 0xff : -1;
                if (function == WRITE_MULTIPLE_REGISTERS && written.incrementAndGet() > warmUp && writes.count() < samples) {
                    writes.add(nanos);
                } else if (function == READ_INPUT_REGISTERS && written.get() > warmUp && reads.count() < samples) {
                    reads.add(nanos);
                }
            };
            driver.watchAnswers(watcher);
            link.startEngineTicks();
            driver.connect(link);
            try {
                Wait.until("the driver CONNECTED", () -> link.connectionStates().contains(ConnectionState.CONNECTED),
                        () -> link.connectionChanges().toString());
                link.commandHold(0, 15);
                for (int i = 1; i <= samples; i++) {
                    int answered = i;
                    Wait.until("command block write " + i + " answered", () -> writes.count() >= answered, device::status);
                }
            } finally {
                driver.disconnect();
                link.stopEngineTicks();
            }
        }
        return new Latencies[] {writes, reads};
    }

    /** The driver's configuration as Declarative Services would build it: the port and id, every other property its default. */
    private static IntervalVacuumConfig config(Path port) {
        Map<String, Object> given = Map.of("port", port.toString(), "deviceId", DEVICE_ID);
        return (IntervalVacuumConfig) Proxy.newProxyInstance(IntervalVacuumConfig.class.getClassLoader(),
                new Class<?>[] {IntervalVacuumConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return method.getName().equals("toString") ? "IntervalVacuumConfig" + given : null;
                    }
                    return given.getOrDefault(method.getName(), method.getDefaultValue());
                });
    }
}
