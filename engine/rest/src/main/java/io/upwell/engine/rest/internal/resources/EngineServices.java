package io.upwell.engine.rest.internal.resources;

import io.upwell.api.preview.PreviewService;
import io.upwell.api.records.RecordsService;
import io.upwell.api.session.EngineControl;
import io.upwell.api.session.EngineStatus;
import java.util.Optional;

/**
 * The engine's services as the resources reach them. Each may come and go (the engine restarts when
 * its configuration changes); a resource that needs one that is gone answers 503.
 */
public interface EngineServices {

    /** The engine's read-only view; 503 while no engine is registered. */
    EngineStatus status();

    /** The engine's commands; 503 while no engine is registered. */
    EngineControl control();

    /** Previews on a private engine; 503 while none is registered. */
    PreviewService previews();

    /** The session records, when the records bundle serves them. */
    Optional<RecordsService> records();

    /** How many clients the live stream has now, and how many it dropped for falling behind. */
    StreamCounts streamCounts();

    record StreamCounts(int clients, long dropped) {
    }
}
