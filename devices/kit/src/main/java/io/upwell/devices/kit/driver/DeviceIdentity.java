package io.upwell.devices.kit.driver;

/**
 * Who the device on the line says it is, as the protocol's handshake learnt it. The driver base
 * compares it with the configured {@link io.upwell.api.device.DeviceDescriptor} and refuses a device
 * that differs: the engine must never command, under one id and one set of limits, a device that is
 * not the one they were set for (a cable moved to another port, a replaced unit with fewer channels).
 *
 * @param id       the device's own id (serial number, unit id) compared with the descriptor's id; null
 *                 when the device cannot tell, and then not compared
 * @param model    the model, compared with the descriptor's model
 * @param channels how many channels it has, compared with the descriptor's channel count
 * @param firmware the firmware version, for the log only; empty when unknown
 */
public record DeviceIdentity(String id, String model, int channels, String firmware) {

    public DeviceIdentity {
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("a device identity needs the model the device reports");
        }
        if (channels < 1) {
            throw new IllegalArgumentException("a device has at least one channel; the device reports " + channels);
        }
        firmware = firmware == null ? "" : firmware;
    }

    /** A device that tells its id, model and channel count but no firmware version. */
    public static DeviceIdentity of(String id, String model, int channels) {
        return new DeviceIdentity(id, model, channels, "");
    }
}
