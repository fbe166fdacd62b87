package io.upwell.launcher.app.internal;

import io.upwell.devices.simulator.Fault;
import io.upwell.devices.simulator.SimulatorControl;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** Fault injection on simulated devices, from the shell (scope {@value EngineCommands#SCOPE}). */
@Component(service = SimulatorCommands.class, property = {
        "osgi.command.scope=" + EngineCommands.SCOPE,
        "osgi.command.function=fault" })
public final class SimulatorCommands {

    private final List<SimulatorControl> simulators;

    /** Greedy: a simulator that arrives later is picked up (the component restarts with the new list). */
    @Activate
    public SimulatorCommands(@Reference(cardinality = ReferenceCardinality.MULTIPLE,
            policyOption = ReferencePolicyOption.GREEDY) List<SimulatorControl> simulators) {
        this.simulators = List.copyOf(simulators);
    }

    @Descriptor("make a simulated device misbehave: fault <fault> [channel] | fault clear [fault] [channel];"
            + " faults: leak, stuck-sensor, overshoot, silence, disconnect, nan-sample; no channel means every channel")
    public void fault(@Descriptor("the fault (or clear), then an optional channel and device=<id>") String... words) {
        EngineCommands.run("fault", () -> {
            FaultArguments arguments = FaultArguments.parse(List.of(words));
            SimulatorControl simulator = simulator(arguments);
            if (arguments.inject()) {
                Fault fault = arguments.fault().orElseThrow();
                simulator.inject(fault, arguments.channel());
                EngineCommands.out().println("injected " + fault + " on " + arguments.where(simulator.deviceId()));
            } else if (arguments.fault().isPresent()) {
                simulator.clear(arguments.fault().get(), arguments.channel());
                EngineCommands.out().println("cleared " + arguments.fault().get() + " on " + arguments.where(simulator.deviceId()));
            } else if (arguments.channel() == FaultArguments.EVERY_CHANNEL) {
                simulator.clearAll();
                EngineCommands.out().println("cleared every fault on " + simulator.deviceId());
            } else {
                for (Fault fault : Fault.values()) {
                    simulator.clear(fault, arguments.channel());
                }
                EngineCommands.out().println("cleared every fault on " + arguments.where(simulator.deviceId()));
            }
        });
    }

    private SimulatorControl simulator(FaultArguments arguments) {
        if (simulators.isEmpty()) {
            throw new IllegalStateException("no simulated device is running");
        }
        if (arguments.device().isPresent()) {
            String wanted = arguments.device().get();
            return simulators.stream().filter(s -> s.deviceId().equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no simulated device '" + wanted + "'; simulators: "
                            + simulators.stream().map(SimulatorControl::deviceId).toList()));
        }
        if (simulators.size() > 1) {
            throw new IllegalArgumentException("several simulated devices "
                    + simulators.stream().map(SimulatorControl::deviceId).toList() + ": add device=<id>");
        }
        return simulators.get(0);
    }
}
