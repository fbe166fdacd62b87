package io.upwell.plugins.staticcupping.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import io.upwell.api.units.Pressure;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The descriptor's ranges and defaults against the published figures in docs/DOMAIN.md. */
class StaticCuppingDescriptorTest {

    private final TechniqueDescriptor descriptor = new StaticCuppingTechnique().descriptor();

    @Test
    void identifiesItselfAsStaticCupping() {
        assertEquals("static-cupping", descriptor.id());
        assertEquals(TechniqueStyle.STATIC, descriptor.style());
        assertEquals(List.of("targetKpa", "holdSeconds", "rampInSeconds", "rampOutSeconds"),
                descriptor.parameters().stream().map(ParameterSpec::name).toList());
    }

    @Test
    void everyParameterNamesItsSourceAndTargetAndHoldMayBeSetPerCup() {
        for (ParameterSpec parameter : descriptor.parameters()) {
            assertFalse(parameter.source().isBlank(), parameter.name() + " names where its figures come from");
            assertFalse(parameter.description().isBlank(), parameter.name() + " is described");
        }
        assertTrue(spec("targetKpa").isPerCup());
        assertTrue(spec("holdSeconds").isPerCup());
        assertFalse(spec("rampInSeconds").isPerCup());
    }

    @Test
    void targetDefaultsToWang2020sMostEffectiveLevelWithinTheStudiedRange() {
        ParameterSpec.Number target = spec("targetKpa");
        assertEquals("kPa", target.unit());
        // Wang 2020: 300 mmHg for 5 min gave the largest blood-flow response.
        assertEquals(Pressure.ofMmHg(300).kpa(), target.defaultNumber(), 0.05);
        // Kim 2020: dry cupping was studied from 60 mmHg (8 kPa) to 600 mmHg (80 kPa).
        assertEquals(Pressure.ofMmHg(60).kpa(), target.min(), 0.05);
        assertEquals(60.0, target.max());
        assertFalse(target.accepts(Pressure.ofMmHg(620).kpa()), "above the highest pressure ever reported");
    }

    @Test
    void holdDefaultsToFiveMinutesAndStaysWithinTheUsualDwell() {
        ParameterSpec.Number hold = spec("holdSeconds");
        assertEquals("s", hold.unit());
        assertEquals(Duration.ofMinutes(5).toSeconds(), hold.defaultNumber());
        assertEquals(Duration.ofMinutes(15).toSeconds(), hold.max(), "static dwell is usually 5 to 15 min");
        assertEquals(10.0, hold.min());
    }

    @Test
    void rampsFollowThePracticeGuides() {
        ParameterSpec.Number rampIn = spec("rampInSeconds");
        assertEquals("s", rampIn.unit());
        assertEquals(3.0, rampIn.min(), "ramp over about 3 to 10 s");
        assertEquals(10.0, rampIn.max());
        assertEquals(5.0, rampIn.defaultNumber());

        ParameterSpec.Number rampOut = spec("rampOutSeconds");
        assertEquals("s", rampOut.unit());
        assertEquals(0.0, rampOut.min(), "release may be immediate");
        assertEquals(10.0, rampOut.max());
        assertEquals(3.0, rampOut.defaultNumber());
    }

    private ParameterSpec.Number spec(String name) {
        return (ParameterSpec.Number) descriptor.parameter(name)
                .orElseThrow(() -> new AssertionError("no parameter " + name));
    }
}
