package io.upwell.devices.intervalvacuum;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One interval vacuum system on one serial port (Configuration Admin factory PID
 * {@value IntervalVacuumDriver#PID}). Every property is checked when the component activates
 * ({@link DriverSettings#from}); a wrong one keeps the component inactive and is logged with the
 * property's name and value. The line's defaults are the register map's factory settings.
 */
@ObjectClassDefinition(
        name = "Upwell interval vacuum system (Modbus RTU)",
        description = "An interval vacuum system (one pump, a valve per channel) on a serial port, "
                + "driven over Modbus RTU as docs/interval-vacuum.md describes.")
public @interface IntervalVacuumConfig {

    @AttributeDefinition(name = "Device id", required = true,
            description = "The engine's id for this device: unique among connected devices, no whitespace.")
    String deviceId();

    @AttributeDefinition(name = "Serial port", required = true,
            description = "The absolute path of the serial port, such as /dev/serial/by-id/usb-... (stable across "
                    + "re-plugging) or /dev/ttyUSB0. It must exist and be a character device when the configuration "
                    + "is applied.")
    String port();

    @AttributeDefinition(name = "Baud rate", description = "The line's speed; the device leaves the factory at 19200.",
            min = "300", max = "1000000")
    int baud() default 19200;

    @AttributeDefinition(name = "Data bits", description = "Bits per character; the device uses 8.", min = "5", max = "8")
    int dataBits() default 8;

    @AttributeDefinition(name = "Parity", description = "The parity bit; the device uses none.",
            options = {
                @Option(label = "None", value = "none"),
                @Option(label = "Even", value = "even"),
                @Option(label = "Odd", value = "odd")
            })
    String parity() default "none";

    @AttributeDefinition(name = "Stop bits", description = "Stop bits per character; the device uses 1.",
            options = {
                @Option(label = "1", value = "1"),
                @Option(label = "2", value = "2")
            })
    String stopBits() default "1";

    @AttributeDefinition(name = "Modbus unit id", description = "The device's address on the line, 1 to 247.",
            min = "1", max = "247")
    int unitId() default 1;

    @AttributeDefinition(name = "Expected serial number",
            description = "When set, the handshake refuses a device whose serial number (identity registers "
                    + "0x0006..0x0009) differs: a cable moved to another unit is never commanded. Empty: not checked.")
    String expectedSerial() default "";

    @AttributeDefinition(name = "Channels", description = "How many channels (valves) the device has, 1 to 16; "
            + "the handshake refuses a device that reports another number.", min = "1", max = "16")
    int channels() default 4;

    @AttributeDefinition(name = "Channel maximum (kPa)", description = "Each channel's maximum vacuum; the handshake "
            + "refuses a device whose CHANNEL_MAX_VACUUM differs. At most the device maximum.", min = "0", max = "80")
    double channelMaxVacuumKpa() default 60;

    @AttributeDefinition(name = "Device maximum (kPa)", description = "The pump's maximum vacuum; the handshake "
            + "refuses a device whose DEVICE_MAX_VACUUM differs. At most 80 kPa.", min = "0", max = "80")
    double deviceMaxVacuumKpa() default 70;

    @AttributeDefinition(name = "Quiet time (ms)", description = "How long the device may stay silent before it is "
            + "declared lost, and how long the engine's commands may stand still before it vents; the device's "
            + "own watchdog is set to it. 100 to 1000 ms.", min = "100", max = "1000")
    long quietTimeMillis() default 300;

    @AttributeDefinition(name = "Command period (ms)", description = "How often the driver writes the engine's "
            + "commands and reads the measurements: at least 20 ms and at most half the quiet time.",
            min = "20", max = "500")
    long commandPeriodMillis() default 100;
}
