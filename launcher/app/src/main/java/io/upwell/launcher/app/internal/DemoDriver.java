package io.upwell.launcher.app.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The serial drivers {@code demo --port} can run its session on, by the names given with
 * {@code --driver}: each with the Configuration Admin factory PID its bundle registers a device for, the
 * device id the demo gives it and the line speed its device leaves the factory with. The PIDs are the
 * drivers' documented configuration names (docs/interval-vacuum.md, docs/protocol.md): this bundle
 * imports neither driver.
 */
enum DemoDriver {
    /** One pump and a valve per channel, over Modbus RTU. */
    INTERVAL_VACUUM("interval-vacuum", "io.upwell.devices.intervalvacuum", "iv-1", 19_200, true),
    /** A pump and a magnet per cup, over the Upwell device protocol. */
    MAGNETIC_CUPS("magnetic-cups", "io.upwell.devices.magneticcups", "mc-1", 115_200, false);

    private final String driverName;
    private final String factoryPid;
    private final String deviceId;
    private final int defaultBaud;
    private final boolean addressed;

    DemoDriver(String driverName, String factoryPid, String deviceId, int defaultBaud, boolean addressed) {
        this.driverName = driverName;
        this.factoryPid = factoryPid;
        this.deviceId = deviceId;
        this.defaultBaud = defaultBaud;
        this.addressed = addressed;
    }

    /** The name on the command line. */
    String driverName() {
        return driverName;
    }

    /** The Configuration Admin factory PID the driver's bundle makes one device of per configuration. */
    String factoryPid() {
        return factoryPid;
    }

    /** The engine's id for the demo's device. */
    String deviceId() {
        return deviceId;
    }

    int defaultBaud() {
        return defaultBaud;
    }

    /** True when the device has an address on its line (a Modbus unit id). */
    boolean addressed() {
        return addressed;
    }

    /**
     * The configuration that makes the driver drive the device the arguments name: the properties the
     * driver's metatype declares (deviceId, port, baud, channels, and unitId on a Modbus line).
     */
    Map<String, Object> configuration(SerialDemoArguments arguments) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("deviceId", deviceId);
        properties.put("port", arguments.port().toString());
        properties.put("baud", arguments.baud());
        properties.put("channels", arguments.channels());
        if (addressed) {
            properties.put("unitId", arguments.unitId());
        }
        return properties;
    }

    /**
     * The driver with this name.
     *
     * @throws IllegalArgumentException naming the name and the drivers there are
     */
    static DemoDriver of(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (DemoDriver driver : values()) {
            if (driver.driverName.equals(wanted)) {
                return driver;
            }
        }
        throw new IllegalArgumentException("unknown --driver '" + name + "'; drivers: interval-vacuum, magnetic-cups");
    }

    @Override
    public String toString() {
        return driverName;
    }
}
