package io.upwell.devices.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A fault the simulated device brings on by itself at a set time and clears at another, measured on
 * the engine's clock from the moment the engine connects the device. With the virtual clock this
 * puts a seal loss, a frozen sensor or a lost line at the same point of a session on every run:
 * what a preview or a test of a technique's reaction needs.
 *
 * @param fault   what goes wrong
 * @param channel the channel it affects (ignored by the whole-device faults SILENCE and DISCONNECT)
 * @param from    when it starts, after the connection opened
 * @param until   when it clears; after {@code from}
 * @since 1.2
 */
public record ScriptedFault(Fault fault, int channel, Duration from, Duration until) {

    public ScriptedFault {
        Objects.requireNonNull(fault, "fault");
        if (channel < 0) {
            throw new IllegalArgumentException("scripted " + fault + ": channel must be >= 0, got " + channel);
        }
        if (from == null || from.isNegative()) {
            throw new IllegalArgumentException("scripted " + fault + ": from must be zero or later, got " + from);
        }
        if (until == null || until.compareTo(from) <= 0) {
            throw new IllegalArgumentException("scripted " + fault + ": until (" + until + ") must be after from ("
                    + from + ")");
        }
    }
}
