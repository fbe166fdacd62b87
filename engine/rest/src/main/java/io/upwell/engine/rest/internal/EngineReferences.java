package io.upwell.engine.rest.internal;

import io.upwell.api.preview.PreviewService;
import io.upwell.api.records.RecordsService;
import io.upwell.api.session.EngineControl;
import io.upwell.api.session.EngineStatus;
import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.resources.EngineServices;
import java.util.Optional;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The engine's services, followed as they come and go: the engine re-registers them whenever it
 * restarts on a new configuration, and the API keeps serving (503 for what needs a missing service)
 * instead of going away with them.
 */
@Component(service = EngineReferences.class)
public final class EngineReferences implements EngineServices {

    private final StreamComponent stream;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EngineStatus status;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile EngineControl control;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PreviewService previews;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile RecordsService records;

    @Activate
    public EngineReferences(@Reference StreamComponent stream) {
        this.stream = stream;
    }

    @Override
    public EngineStatus status() {
        EngineStatus now = status;
        if (now == null) {
            throw ApiException.unavailable("the engine is not running");
        }
        return now;
    }

    @Override
    public EngineControl control() {
        EngineControl now = control;
        if (now == null) {
            throw ApiException.unavailable("the engine is not running");
        }
        return now;
    }

    @Override
    public PreviewService previews() {
        PreviewService now = previews;
        if (now == null) {
            throw ApiException.unavailable("previews are not available: the engine is not running");
        }
        return now;
    }

    @Override
    public Optional<RecordsService> records() {
        return Optional.ofNullable(records);
    }

    @Override
    public StreamCounts streamCounts() {
        return new StreamCounts(stream.hub().clients(), stream.hub().dropped());
    }
}
