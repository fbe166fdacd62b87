/**
 * Pseudo-terminal pairs for testing serial drivers without hardware: {@link PseudoTerminalPair}
 * starts socat with two linked terminals, a serial cable in software, which a test can unplug and
 * plug in again. A driver's tests open one end by path, an emulated device the other.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.devices.conformance.pty;
