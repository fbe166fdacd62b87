package io.upwell.api.technique;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Typed parameters: each kind accepts its own values and names what is wrong with any other. */
class ParameterSpecTest {

    private static final ParameterSpec.Number TARGET = ParameterSpec.number("targetKpa", "kPa", 8, 60, 40);
    private static final ParameterSpec.Choice SPEED = ParameterSpec.choice("glideSpeed", List.of("slow", "fast"),
            "slow");
    private static final ParameterSpec.Toggle MAGNETS = ParameterSpec.toggle("magnets", false);

    @Test
    void aNumberAcceptsItsRangeInclusiveAndNamesBothEndsOtherwise() {
        assertEquals(Optional.empty(), TARGET.problemWith(ParameterValue.of(8)));
        assertEquals(Optional.empty(), TARGET.problemWith(ParameterValue.of(60)));
        assertEquals(Optional.of("parameter 'targetKpa' = 60.5 kPa: must be 8 to 60 kPa"),
                TARGET.problemWith(ParameterValue.of(60.5)));
        assertEquals(Optional.of("parameter 'targetKpa' = 7 kPa: must be 8 to 60 kPa"),
                TARGET.problemWith(ParameterValue.of(7)));
        assertTrue(TARGET.problemWith(ParameterValue.of(Double.NaN)).isPresent(), "NaN is never in range");
    }

    @Test
    void aValueOfTheWrongKindIsRefusedNamingTheKindWanted() {
        assertEquals(Optional.of("parameter 'targetKpa' takes a number (8 to 60 kPa), got 'fast'"),
                TARGET.problemWith(ParameterValue.of("fast")));
        assertEquals(Optional.of("parameter 'glideSpeed' = '35': must be one of slow, fast"),
                SPEED.problemWith(ParameterValue.of(35)));
        assertEquals(Optional.of("parameter 'magnets' = 'slow': must be on or off"),
                MAGNETS.problemWith(ParameterValue.of("slow")));
    }

    @Test
    void aChoiceAcceptsOnlyItsOptions() {
        assertEquals(Optional.empty(), SPEED.problemWith(ParameterValue.of("fast")));
        assertEquals(Optional.of("parameter 'glideSpeed' = 'medium': must be one of slow, fast"),
                SPEED.problemWith(ParameterValue.of("medium")));
    }

    @Test
    void textIsParsedByKindAndBadTextNamesTheParameter() {
        assertEquals(ParameterValue.of(35.5), TARGET.parse(" 35.5 "));
        assertEquals(ParameterValue.of("fast"), SPEED.parse("fast"));
        assertEquals(ParameterValue.of(true), MAGNETS.parse("ON"));
        assertEquals(ParameterValue.of(false), MAGNETS.parse("no"));
        IllegalArgumentException number = assertThrows(IllegalArgumentException.class, () -> TARGET.parse("lots"));
        assertEquals("parameter 'targetKpa' takes a number (8 to 60 kPa), got 'lots'", number.getMessage());
        IllegalArgumentException toggle = assertThrows(IllegalArgumentException.class, () -> MAGNETS.parse("maybe"));
        assertEquals("parameter 'magnets' is on or off, got 'maybe'", toggle.getMessage());
    }

    @Test
    void defaultsAreValuesOfTheirOwnKind() {
        assertEquals(ParameterValue.of(40), TARGET.defaultValue());
        assertEquals(ParameterValue.of("slow"), SPEED.defaultValue());
        assertEquals(ParameterValue.of(false), MAGNETS.defaultValue());
    }

    @Test
    void perCupAndTheTextsAreSetWithoutChangingTheRest() {
        ParameterSpec.Number refined = TARGET.perCup().withDescription("how hard").withSource("Kim 2020");
        assertTrue(refined.isPerCup());
        assertFalse(TARGET.isPerCup());
        assertEquals("how hard", refined.description());
        assertEquals("Kim 2020", refined.source());
        assertEquals(TARGET.min(), refined.min());
        assertEquals(TARGET.defaultNumber(), refined.defaultNumber());
    }

    /** A plugin declaring absurd values is refused at the door, naming the parameter (SR-17). */
    @Test
    @Tag("SR-17")
    void absurdDeclarationsAreRefused() {
        assertEquals("parameter t: range [NaN, 1.0] is not valid", assertThrows(IllegalArgumentException.class,
                () -> ParameterSpec.number("t", "kPa", Double.NaN, 1, 0)).getMessage());
        assertEquals("parameter t: default 70.0 is outside its range [0.0, 60.0]",
                assertThrows(IllegalArgumentException.class, () -> ParameterSpec.number("t", "kPa", 0, 60, 70))
                        .getMessage());
        assertEquals("parameter s: default 'medium' is not one of [slow, fast]",
                assertThrows(IllegalArgumentException.class,
                        () -> ParameterSpec.choice("s", List.of("slow", "fast"), "medium")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.choice("s", List.of(), "x"));
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.choice("s", List.of("a", "a"), "a"));
        IllegalArgumentException badName = assertThrows(IllegalArgumentException.class,
                () -> ParameterSpec.toggle("target@1", true));
        assertTrue(badName.getMessage().startsWith("name 'target@1' is not allowed"), badName.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.toggle("x".repeat(65), true));
    }
}
