package io.upwell.devices.protocol;

/**
 * The host's proof that the engine is alive. It carries the engine's command sequence, which advances
 * with every control tick, rather than a counter of the driver's own: a driver thread that keeps
 * writing while the engine's control loop has stopped sends the same number again, and a device feeds
 * its watchdog only from a heartbeat whose number moved (docs/protocol.md, "Watchdog").
 *
 * @param engineSequence the low 32 bits of the engine's command sequence, 0 to 2<sup>32</sup>-1
 */
public record Heartbeat(long engineSequence) implements HostMessage {

    public Heartbeat {
        if (engineSequence < 0 || engineSequence > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("engineSequence must be 0 to 4294967295, got " + engineSequence);
        }
    }

    /** The heartbeat for any command sequence: its low 32 bits, which is what wraps on the wire. */
    public static Heartbeat of(long commandSequence) {
        return new Heartbeat(commandSequence & 0xFFFF_FFFFL);
    }

    @Override
    public MessageType type() {
        return MessageType.HEARTBEAT;
    }
}
