package io.upwell.api.session;

import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The engine: registered by the core as an OSGi service, and the one object an integrator embedding
 * the engine in Java needs. It is both the read-only {@link EngineStatus} and the
 * {@link EngineControl}, each also registered on its own for front ends that need only one. One
 * session runs at a time.
 */
@ProviderType
public interface SessionService extends EngineStatus, EngineControl {

    /** The running or most recent session, to command directly from Java. */
    Optional<Session> current();
}
