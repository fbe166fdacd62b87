package io.upwell.engine.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The live stream's limits (PID {@value RestNames#CONFIGURATION_PID}); each is checked when applied. */
@ObjectClassDefinition(name = "Upwell live stream", description = "Limits of the Server-Sent Events stream at /api/stream.")
@interface StreamConfig {

    @AttributeDefinition(description = "Events kept for clients that reconnect (at least 600: 60 s of samples at 10 Hz).")
    int ringEvents() default StreamSettings.DEFAULT_RING_EVENTS;

    @AttributeDefinition(description = "Events a client may fall behind by before it is disconnected (8 to 100000).")
    int clientQueueEvents() default StreamSettings.DEFAULT_CLIENT_QUEUE_EVENTS;

    @AttributeDefinition(description = "Seconds between heartbeat comments on an idle stream (1 to 300).")
    int heartbeatSeconds() default StreamSettings.DEFAULT_HEARTBEAT_SECONDS;
}
