package io.upwell.devices.example.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One EX-2's configuration: a Configuration Admin factory configuration with the PID
 * {@value ExampleDriver#PID}, one per device, for example
 * <pre>
 * port     = /dev/serial/by-id/usb-Example_EX-2_SN00042-if00
 * deviceId = ex-1
 * </pre>
 * Declarative Services hands the properties to the component as this annotation's methods, converted
 * to their types; the metatype service describes them to a configuration tool. Neither enforces what
 * is written here (required, the options): {@link ExampleSettings#from} checks every value and refuses
 * a wrong one, naming it.
 */
@ObjectClassDefinition(name = "Upwell example device (EX-2)",
        description = "An EX-2 two-cup vacuum device on a serial port, speaking its line-based ASCII protocol.")
public @interface ExampleConfig {

    @AttributeDefinition(name = "Serial port",
            description = "The device's absolute path: a stable /dev/serial/by-id/... link, /dev/ttyUSB0, or a "
                    + "pseudo-terminal link. Required; it must exist and be a character device when the "
                    + "configuration is applied.")
    String port();

    @AttributeDefinition(name = "Baud", description = "The line speed the device is set to; 8 data bits, no parity, "
            + "1 stop bit.",
            options = {
                @Option(label = "9600", value = "9600"),
                @Option(label = "19200", value = "19200"),
                @Option(label = "38400", value = "38400"),
                @Option(label = "57600", value = "57600"),
                @Option(label = "115200", value = "115200")
            })
    int baud() default 115_200;

    @AttributeDefinition(name = "Device id",
            description = "The engine's id for this device: unique among connected devices, no spaces. Required.")
    String deviceId();
}
