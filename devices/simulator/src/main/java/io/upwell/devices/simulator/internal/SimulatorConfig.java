package io.upwell.devices.simulator.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * The simulator's configuration (Configuration Admin PID {@value SimulatorDriver#PID}). Every
 * property is checked when the component activates; see {@link SimulatorSettings} and
 * {@link PhysicsSettings} for the accepted ranges.
 */
@ObjectClassDefinition(
        name = "Upwell simulated vacuum device",
        description = "A multi-channel vacuum device simulated with a physical model, "
                + "for tests, previews and demonstrations.")
public @interface SimulatorConfig {

    @AttributeDefinition(name = "Device id", description = "Unique among connected devices; no spaces.")
    String id() default "sim-1";

    @AttributeDefinition(name = "Channels", description = "Number of cups, 1 to 16.", min = "1", max = "16")
    int channels() default 4;

    @AttributeDefinition(name = "Channel maximum (kPa)",
            description = "The most vacuum each channel declares it can safely produce; at most the device maximum.",
            min = "0", max = "80")
    double channelMaxVacuumKpa() default 60;

    @AttributeDefinition(name = "Device maximum (kPa)",
            description = "The device's declared maximum vacuum, at most 80 kPa.", min = "0", max = "80")
    double deviceMaxVacuumKpa() default 70;

    @AttributeDefinition(name = "Quiet time (ms)",
            description = "How long the device may stay silent before the engine declares it lost, and how long the "
                    + "engine's command sequence may stand still before the device vents by itself. 50 to 1000 ms.",
            min = "50", max = "1000")
    long quietTimeMillis() default 200;

    @AttributeDefinition(name = "Noise seed", description = "Seeds the sensor noise, so that runs are reproducible.")
    long seed() default 42;

    @AttributeDefinition(name = "Magnet", description = "Whether the cups carry magnets, and how they are driven.",
            options = {
                @Option(label = "No magnets", value = "NONE"),
                @Option(label = "On/off magnets", value = "ON_OFF"),
                @Option(label = "Adjustable magnets", value = "LEVEL")
            })
    String magnet() default "NONE";

    @AttributeDefinition(name = "Pump rise (kPa/s)", description = "The pump's free rise near ambient, flat out.")
    double pumpMaxRiseKpaPerSecond() default 25;

    @AttributeDefinition(name = "Pump ultimate vacuum (kPa)",
            description = "The vacuum at which the pump's flow falls to zero.")
    double pumpUltimateVacuumKpa() default 85;

    @AttributeDefinition(name = "Leak rate (1/s)",
            description = "Normal leak past the rim, as a fraction of the vacuum per second.")
    double leakRatePerSecond() default 0.02;

    @AttributeDefinition(name = "Leak fault rate (1/s)",
            description = "The leak under the LEAK fault; must exceed the normal leak.")
    double leakFaultRatePerSecond() default 1.0;

    @AttributeDefinition(name = "Tissue compliance (1/kPa)",
            description = "How much the effective volume grows per kPa as tissue is drawn into the cup.")
    double tissueCompliancePerKpa() default 0.01;

    @AttributeDefinition(name = "Vent rate (1/s)",
            description = "The vent valve's flow, fully open, as a fraction of the vacuum per second.")
    double ventRatePerSecond() default 25;

    @AttributeDefinition(name = "Sensor noise (kPa)", description = "Standard deviation of the sensor's Gaussian noise.")
    double sensorNoiseKpa() default 0.05;

    @AttributeDefinition(name = "Regulator proportional gain (1/kPa)", description = "The device's own PI regulator.")
    double regulatorProportionalGain() default 0.25;

    @AttributeDefinition(name = "Regulator integral gain (1/(kPa·s))", description = "The device's own PI regulator.")
    double regulatorIntegralGain() default 0.04;
}
