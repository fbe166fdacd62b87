package io.upwell.engine.rest.internal;

import io.upwell.api.preview.PreviewService;
import io.upwell.api.records.RecordsService;
import io.upwell.api.session.EngineControl;
import io.upwell.api.session.EngineStatus;
import io.upwell.engine.rest.internal.resources.EngineServices;
import java.util.Optional;

/** Engine services for tests that build the route table but send it no request. */
final class UnusedEngine implements EngineServices {

    @Override
    public EngineStatus status() {
        throw new UnsupportedOperationException("not in this test");
    }

    @Override
    public EngineControl control() {
        throw new UnsupportedOperationException("not in this test");
    }

    @Override
    public PreviewService previews() {
        throw new UnsupportedOperationException("not in this test");
    }

    @Override
    public Optional<RecordsService> records() {
        return Optional.empty();
    }

    @Override
    public StreamCounts streamCounts() {
        return new StreamCounts(0, 0);
    }
}
