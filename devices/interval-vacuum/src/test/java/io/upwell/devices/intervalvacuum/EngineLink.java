package io.upwell.devices.intervalvacuum;

import io.upwell.api.device.CommandSet;
import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceLink;
import io.upwell.api.time.Clock;
import io.upwell.engine.testkit.RecordingLink;

/**
 * The test kit's {@link RecordingLink}, plus the one reaction of the engine these tests rely on: an
 * emergency stop vents every channel at once (the engine also latches it until an operator
 * acknowledges, which a test plays by commanding again).
 */
final class EngineLink implements DeviceLink {
    private final RecordingLink recording;
    private final int channels;

    EngineLink(RecordingLink recording, int channels) {
        this.recording = recording;
        this.channels = channels;
    }

    RecordingLink recording() {
        return recording;
    }

    @Override
    public Clock clock() {
        return recording.clock();
    }

    @Override
    public void sample(int channel, double measuredKpa) {
        recording.sample(channel, measuredKpa);
    }

    @Override
    public void connectionChanged(ConnectionState state, String reason) {
        recording.connectionChanged(state, reason);
    }

    @Override
    public void emergencyStop(String source) {
        for (int ch = 0; ch < channels; ch++) {
            recording.commandVent(ch);
        }
        recording.emergencyStop(source);
    }

    @Override
    public void readCommands(CommandSet into) {
        recording.readCommands(into);
    }

    @Override
    public double targetKpa(int channel) {
        return recording.targetKpa(channel);
    }

    @Override
    public boolean vent(int channel) {
        return recording.vent(channel);
    }

    @Override
    public double magnetLevel(int channel) {
        return recording.magnetLevel(channel);
    }

    @Override
    public long commandSequence() {
        return recording.commandSequence();
    }
}
