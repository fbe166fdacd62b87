package io.upwell.devices.intervalvacuum;

import io.upwell.api.device.DeviceDriver;
import io.upwell.devices.conformance.DriverConformance;
import io.upwell.devices.conformance.DriverUnderTest;
import io.upwell.devices.conformance.LineFaults;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conformance kit's checks on the interval vacuum driver, against the emulator over a real
 * pseudo-terminal pair: the driver's port is one end of a socat pair, the emulator serves the other.
 * The line can be broken (emulator stopped, socat ended) and restored (both started again behind the
 * same links), and its traffic corrupted (a flipped bit in every answer).
 * <p>
 * The driver runs at the configuration's defaults but for the command period: 50 ms instead of 100.
 * The limit check watches 300 samples per channel within the kit's 30 s bound for samples, which a
 * 100 ms cycle (ten samples a second per channel) meets with no time to spare on a shared machine; a
 * pseudo-terminal, like a line of 38400 baud or more, keeps the faster pace.
 */
class IntervalVacuumConformanceTest extends DriverConformance {
    private static final Duration BENCH_PERIOD = Duration.ofMillis(50);

    @TempDir
    Path dir;

    @Override
    protected DriverUnderTest open() throws Exception {
        EmulatorBench bench = EmulatorBench.start(dir);
        IntervalVacuumDriver driver = new IntervalVacuumDriver(DriverSettings.defaults("iv-conformance", bench.hostEnd())
                .withCommandPeriod(BENCH_PERIOD));
        return new DriverUnderTest() {
            @Override
            public DeviceDriver driver() {
                return driver;
            }

            @Override
            public Optional<LineFaults> lineFaults() {
                return Optional.of(bench);
            }

            @Override
            public void close() {
                bench.close();
            }
        };
    }
}
