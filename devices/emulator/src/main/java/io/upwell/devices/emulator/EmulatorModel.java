package io.upwell.devices.emulator;

import java.io.IOException;
import java.util.Locale;
import java.util.Objects;

/**
 * The devices this bundle emulates, by the names a person gives on the command line
 * ({@code emulate --model interval-vacuum|magnetic-cups}): each with its factory settings and its start.
 */
public enum EmulatorModel {
    /** One pump and a valve per channel, over Modbus RTU (docs/interval-vacuum.md). */
    INTERVAL_VACUUM("interval-vacuum"),
    /** A pump and a magnet per cup, over the Upwell device protocol (docs/protocol.md). */
    MAGNETIC_CUPS("magnetic-cups");

    private final String modelName;

    EmulatorModel(String modelName) {
        this.modelName = modelName;
    }

    /** The name on the command line. */
    public String modelName() {
        return modelName;
    }

    /**
     * The model with this name.
     *
     * @throws IllegalArgumentException naming the name and the models there are
     */
    public static EmulatorModel of(String name) {
        Objects.requireNonNull(name, "name");
        for (EmulatorModel model : values()) {
            if (model.modelName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return model;
            }
        }
        throw new IllegalArgumentException("unknown model '" + name + "'; expected interval-vacuum or magnetic-cups");
    }

    /** The model's factory settings on the serial port at {@code port}. */
    public EmulatorOptions defaults(String port) {
        return this == INTERVAL_VACUUM ? EmulatorOptions.onPort(port) : EmulatorOptions.magneticCupsOnPort(port);
    }

    /**
     * Starts the model's emulator.
     *
     * @throws IllegalArgumentException naming the first option that is wrong and its value
     * @throws IOException              naming the port when it is missing or cannot be opened
     */
    public EmulatedDevice start(EmulatorOptions options) throws IOException {
        return this == INTERVAL_VACUUM ? IntervalVacuumEmulator.start(options) : MagneticCupsEmulator.start(options);
    }

    @Override
    public String toString() {
        return modelName;
    }
}
