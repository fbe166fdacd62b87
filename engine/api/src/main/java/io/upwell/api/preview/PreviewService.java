package io.upwell.api.preview;

import io.upwell.api.session.SessionException;
import org.osgi.annotation.versioning.ProviderType;

/** Runs sessions on the virtual clock on a private engine, as fast as the machine computes. */
@ProviderType
public interface PreviewService {

    /**
     * Runs the request's session from start to end (or to the request's limit) on a new engine with
     * the virtual clock and the request's device, and returns what happened, tick by tick at the
     * request's sample period. The engine the therapist uses is not touched.
     *
     * @throws SessionException when the session cannot start, naming why (the same checks as a real
     *                          start), or when the device never became ready
     */
    Preview run(PreviewRequest request) throws SessionException;
}
