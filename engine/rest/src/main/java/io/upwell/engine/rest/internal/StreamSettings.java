package io.upwell.engine.rest.internal;

/**
 * The live stream's limits, checked: Configuration Admin does not enforce metatype ranges, so a value
 * out of range is refused here, naming the field, and the component does not start with it.
 */
record StreamSettings(int ringEvents, int clientQueueEvents, int heartbeatSeconds) {

    /** 60 s of samples at 10 Hz, twice over: room for every other kind of event besides. */
    static final int DEFAULT_RING_EVENTS = 1200;
    static final int MIN_RING_EVENTS = 600;
    static final int MAX_RING_EVENTS = 100_000;
    static final int DEFAULT_CLIENT_QUEUE_EVENTS = 256;
    static final int DEFAULT_HEARTBEAT_SECONDS = 15;

    StreamSettings {
        check("ringEvents", ringEvents, MIN_RING_EVENTS, MAX_RING_EVENTS);
        check("clientQueueEvents", clientQueueEvents, 8, 100_000);
        check("heartbeatSeconds", heartbeatSeconds, 1, 300);
    }

    static StreamSettings of(StreamConfig config) {
        return new StreamSettings(config.ringEvents(), config.clientQueueEvents(), config.heartbeatSeconds());
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(RestNames.CONFIGURATION_PID + ": " + name + " must be " + min + " to "
                    + max + ", got " + value);
        }
    }
}
