package io.upwell.devices.protocol;

import java.util.ArrayList;
import java.util.List;

/** A listener that keeps what a decoder hands it, in order. */
final class Recorder implements MessageListener {

    /** One intact frame that was rejected. */
    record Rejected(int sequence, int typeCode, Rejection rejection) {
    }

    final List<Message> messages = new ArrayList<>();
    final List<Integer> sequences = new ArrayList<>();
    final List<Rejected> rejected = new ArrayList<>();

    @Override
    public void onMessage(int sequence, Message message) {
        sequences.add(sequence);
        messages.add(message);
    }

    @Override
    public void onRejected(int sequence, int typeCode, Rejection rejection) {
        rejected.add(new Rejected(sequence, typeCode, rejection));
    }

    void clear() {
        messages.clear();
        sequences.clear();
        rejected.clear();
    }
}
