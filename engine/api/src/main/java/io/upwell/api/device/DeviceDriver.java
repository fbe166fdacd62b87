package io.upwell.api.device;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A vacuum device, implemented by a vendor's bundle and registered as an OSGi service.
 * <p>
 * The core calls {@link #connect} and {@link #disconnect} on a thread of its own for this device,
 * never on the control thread, and gives up on a call that takes longer than its timeout. After
 * {@code connect} returns, the driver talks to the device on its own threads, reconnecting by
 * itself with back-off when the line drops, and reports every change through
 * {@link DeviceLink#connectionChanged}.
 */
@ConsumerType
public interface DeviceDriver {

    /** The device's identity, channels and limits. Must not change while the service is registered. */
    DeviceDescriptor descriptor();

    /**
     * Starts talking to the device. The first command the driver finds in the link is vent; it
     * applies that before anything else.
     *
     * @param link the core's side of the hand-off, valid until {@link #disconnect} returns
     * @throws Exception when the device cannot be reached; the core reports it once and calls
     *                   {@code connect} again after a wait that doubles from one second (configurable)
     *                   up to 30 s, for as long as the driver service is registered
     */
    void connect(DeviceLink link) throws Exception;

    /** Vents every channel, stops the driver's threads and releases the device. Idempotent. */
    void disconnect();
}
