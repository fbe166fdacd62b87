package io.upwell.devices.protocol;

/**
 * Sequence-number arithmetic. Each side numbers the frames it sends 0, 1, ... 255, 0, ... (one
 * counter for all of its frame types), so the receiver can count frames lost on the way.
 */
public final class Sequences {

    private Sequences() {
    }

    /** The number after {@code sequence}, wrapping from 255 to 0. */
    public static int next(int sequence) {
        return (sequence + 1) & 0xFF;
    }

    /**
     * How many frames went missing between two received in a row: 0 when {@code current} follows
     * {@code previous}, 255 when it repeats it. With eight bits a gap of 256 or more frames looks like
     * a smaller one; at a sample rate of at most 1000 Hz that is a quarter of a second of silence,
     * which the host's quiet-time check has already caught.
     */
    public static int missedBetween(int previous, int current) {
        return (current - previous - 1) & 0xFF;
    }
}
