package io.upwell.devices.magneticcups.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One magnetic cup array's configuration (Configuration Admin factory PID
 * {@value MagneticCupsDriver#PID}). Every property is checked when the component activates
 * ({@link MagneticCupsSettings#from}); Configuration Admin and the metatype service enforce none of the
 * ranges given here, so the checks are the component's.
 */
@ObjectClassDefinition(
        name = "Upwell magnetic cup array",
        description = "A magnetic cup array on a serial port, speaking the Upwell device protocol (docs/protocol.md).")
public @interface MagneticCupsConfig {

    @AttributeDefinition(name = "Serial port",
            description = "The device's absolute path: /dev/ttyUSB0, a stable /dev/serial/by-id/... link, or a "
                    + "pseudo-terminal link. Required; it must exist and be a character device when the component "
                    + "activates.")
    String port();

    @AttributeDefinition(name = "Baud", description = "The line speed; 8 data bits, no parity, 1 stop bit.",
            min = "50", max = "4000000")
    int baud() default 115_200;

    @AttributeDefinition(name = "Device id",
            description = "The engine's id for this device: unique among connected devices, no spaces. Required.")
    String deviceId();

    @AttributeDefinition(name = "Expected serial number",
            description = "The serial number the device must report in its HELLO_REPLY; empty accepts any device.",
            required = false)
    String serial() default "";

    @AttributeDefinition(name = "Channels", description = "How many cups the device must have, 1 to 255.",
            min = "1", max = "255")
    int channels() default 4;

    @AttributeDefinition(name = "Magnets",
            description = "Each cup's magnet as the device must declare it: NONE, ON_OFF or LEVEL. One kind for "
                    + "every cup, or a comma-separated list with one per cup in channel order.")
    String magnets() default "LEVEL";

    @AttributeDefinition(name = "Maximum vacuum (kPa)",
            description = "The most vacuum the engine may ask of any cup, above 0 and at most 80; the device must "
                    + "declare at least this much for the device and every cup.", min = "0", max = "80")
    double maxVacuumKpa() default 60;

    @AttributeDefinition(name = "Quiet time (ms)",
            description = "How long the device may say nothing before it is declared lost, 100 to 1000 ms; it must "
                    + "cover at least three of the device's sample periods.", min = "100", max = "1000")
    long quietTimeMillis() default 200;

    @AttributeDefinition(name = "First reconnect delay (ms)",
            description = "How long the driver waits before reopening a lost line, 10 to 60000 ms; the wait doubles "
                    + "after each failed attempt.", min = "10", max = "60000")
    long reconnectFirstMillis() default 500;

    @AttributeDefinition(name = "Longest reconnect delay (ms)",
            description = "The longest wait between attempts to reopen a lost line, from the first delay to 60000 ms. "
                    + "A line that stayed open this long starts again from the first delay when it is lost.",
            min = "10", max = "60000")
    long reconnectMaxMillis() default 5000;
}
