package io.upwell.engine.testkit;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.technique.Cup;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.PlanRequest;
import io.upwell.api.technique.TechniqueDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a technique's {@code plan} is asked, built the way the engine builds it, for a technique's
 * unit tests.
 * <p>
 * The engine fills every parameter the request leaves out with its declared default and checks
 * every value against its range before it calls {@code plan}. {@link #defaultParameters} does the
 * filling; it checks nothing, so a test can also hand the technique a value the engine would have
 * refused, to see the technique refuse it too.
 */
public final class PlanRequests {

    private PlanRequests() {
    }

    /**
     * Every parameter the technique declares, at its default value: a new, modifiable map, so that
     * a test can change a value before it builds the request. A value for one cup alone goes on the
     * cup ({@link Cup#withOverrides}).
     */
    public static Map<String, ParameterValue> defaultParameters(TechniqueDescriptor descriptor) {
        Map<String, ParameterValue> parameters = new HashMap<>();
        for (ParameterSpec spec : descriptor.parameters()) {
            parameters.put(spec.name(), spec.defaultValue());
        }
        return parameters;
    }

    /** A request for {@code cups} with every parameter at its default. */
    public static PlanRequest withDefaults(TechniqueDescriptor descriptor, List<Cup> cups) {
        return new PlanRequest(cups, defaultParameters(descriptor));
    }

    /**
     * A cup without a magnet on {@code region}, allowed up to the region's limit, as the engine
     * describes a cup when nothing lower (device, channel, screening) applies. Cups alternate sides
     * by index: even on the left, odd on the right.
     */
    public static Cup cup(int index, BodyRegion region) {
        return Cup.of(index, new BodySite(region, index % 2 == 0 ? Side.LEFT : Side.RIGHT, ""),
                region.maxVacuumKpa());
    }
}
