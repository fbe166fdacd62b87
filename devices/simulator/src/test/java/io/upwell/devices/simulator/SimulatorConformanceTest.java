package io.upwell.devices.simulator;

import io.upwell.api.device.DeviceDriver;
import io.upwell.devices.conformance.DriverConformance;
import io.upwell.devices.conformance.DriverUnderTest;
import io.upwell.devices.conformance.LineFaults;
import java.util.Optional;

/**
 * The simulator passes the driver conformance kit, its line broken and restored with its
 * DISCONNECT fault. It has no wire, so there is no traffic to corrupt: that check is skipped.
 */
class SimulatorConformanceTest extends DriverConformance {

    @Override
    protected DriverUnderTest open() {
        SimulatedDevice simulator = Simulators.create(SimulatorOptions.defaults().withId("conformance-sim"));
        return new DriverUnderTest() {
            @Override
            public DeviceDriver driver() {
                return simulator;
            }

            @Override
            public Optional<LineFaults> lineFaults() {
                return Optional.of(new LineFaults() {
                    @Override
                    public void breakLine() {
                        simulator.inject(Fault.DISCONNECT, -1);
                    }

                    @Override
                    public void restoreLine() {
                        simulator.clear(Fault.DISCONNECT, -1);
                    }
                });
            }

            @Override
            public void close() {
            }
        };
    }
}
