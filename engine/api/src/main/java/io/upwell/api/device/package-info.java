/**
 * The driver SPI: what a device vendor implements to put a vacuum device under the engine.
 * <p>
 * A vendor registers a {@link io.upwell.api.device.DeviceDriver} service. The core connects it,
 * handing it a {@link io.upwell.api.device.DeviceLink}: the driver pushes measured samples into
 * the link and pulls the latest commands from it, on the driver's own threads. Both directions
 * are non-blocking hand-offs, so a slow or hung device can never stall the control loop.
 * <p>
 * The driver's duties, in short: report connection state truthfully; deliver a sample per channel
 * at least every quiet-time; apply commands promptly; vent a channel whenever the link says so,
 * when the link's command sequence stops advancing, and when it is disconnected.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.api.device;
