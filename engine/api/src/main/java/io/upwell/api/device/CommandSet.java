package io.upwell.api.device;

/**
 * One control tick's commands for every channel of a device, read at once with
 * {@link DeviceLink#readCommands}. A driver allocates one per device and reuses it, so reading
 * commands allocates nothing.
 * <p>
 * A device whose channels share a pump must act on one tick's commands together: reading channel by
 * channel could mix two ticks, asking the pump for a combination no tick asked for. The core fills a
 * set from the tick it published last and then applies every vent that came after it (an emergency
 * stop, a fault, a channel forced to vent): those only ever make the set safer.
 * <p>
 * Not thread-safe: one driver thread fills and reads its own set.
 */
public final class CommandSet {

    private final double[] targetKpa;
    private final boolean[] vent;
    private final double[] magnetLevel;
    private long sequence;

    /** A set for a device with {@code channels} channels, every channel venting until filled. */
    public CommandSet(int channels) {
        if (channels < 1 || channels > DeviceDescriptor.MAX_CHANNELS) {
            throw new IllegalArgumentException("a command set needs 1 to " + DeviceDescriptor.MAX_CHANNELS
                    + " channels, got " + channels);
        }
        targetKpa = new double[channels];
        vent = new boolean[channels];
        magnetLevel = new double[channels];
        java.util.Arrays.fill(vent, true);
    }

    public int channels() {
        return vent.length;
    }

    /** The {@link DeviceLink#commandSequence()} of the tick these commands come from. */
    public long sequence() {
        return sequence;
    }

    /** The vacuum the channel should hold, in kPa below ambient; zero when it vents. */
    public double targetKpa(int channel) {
        return targetKpa[channel];
    }

    /** True when the channel must be open to atmosphere with its pump off: the safe state. */
    public boolean vent(int channel) {
        return vent[channel];
    }

    /** The channel's magnet level, 0 (off) to 1 (full); zero when it vents. */
    public double magnetLevel(int channel) {
        return magnetLevel[channel];
    }

    /**
     * Sets one channel's command; a vent, or a target of zero or less, clears target and magnet.
     * The core fills sets through this; a driver's own tests may too.
     */
    public void set(int channel, double targetKpa, boolean vent, double magnetLevel) {
        boolean venting = vent || !(targetKpa > 0);
        this.vent[channel] = venting;
        this.targetKpa[channel] = venting ? 0.0 : targetKpa;
        this.magnetLevel[channel] = venting ? 0.0 : magnetLevel;
    }

    /** Sets every channel to vent. */
    public void ventAll() {
        for (int ch = 0; ch < vent.length; ch++) {
            set(ch, 0.0, true, 0.0);
        }
    }

    public void setSequence(long sequence) {
        this.sequence = sequence;
    }
}
