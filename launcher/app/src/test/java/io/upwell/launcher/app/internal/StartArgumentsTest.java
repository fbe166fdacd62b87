package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class StartArgumentsTest {

    /** Static cupping's parameters as the shell meets them, plus a choice and a switch. */
    private static final TechniqueDescriptor TECHNIQUE = TechniqueDescriptor.of("static-cupping", "Static cupping",
            TechniqueStyle.STATIC, "", List.of(ParameterSpec.number("targetKpa", "kPa", 8, 60, 40).perCup(),
                    ParameterSpec.choice("speed", List.of("slow", "fast"), "slow"),
                    ParameterSpec.toggle("magnets", false)));

    @Test
    void aFullCommandLineBecomesASessionRequest() {
        StartArguments arguments = StartArguments.parse(List.of("static-cupping", "sim-1", "0,2",
                "upper-back/left,shoulder/right", "targetKpa=35", "targetKpa@1=30.5", "speed=fast", "magnets=on",
                "intensity=80", "operator=anna", "client=c-17", "zones=1,0"));

        SessionRequest request = arguments.toRequest(TECHNIQUE);

        assertEquals("static-cupping", request.techniqueId());
        assertEquals(2, request.placements().size());
        assertEquals(0, request.placements().get(0).channel());
        assertEquals(2, request.placements().get(1).channel());
        assertEquals(new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""), request.placements().get(0).site());
        assertEquals(new BodySite(BodyRegion.SHOULDER, Side.RIGHT, ""), request.placements().get(1).site());
        assertEquals(Map.of("targetKpa", ParameterValue.of(35), "speed", ParameterValue.of("fast"), "magnets",
                ParameterValue.of(true)), request.parameters());
        assertEquals(Map.of(), request.placements().get(0).overrides());
        assertEquals(Map.of("targetKpa", ParameterValue.of(30.5)), request.placements().get(1).overrides());
        assertEquals(1, request.placements().get(0).zone().getAsInt());
        assertEquals(0, request.placements().get(1).zone().getAsInt());
        assertEquals(80, request.intensity());
        assertEquals("anna", request.operator());
        assertEquals("c-17", request.client().id());
        assertTrue(request.screeningGiven().isEmpty());
    }

    @Test
    void oneSiteServesEveryChannelAndDefaultsFillTheRest() {
        SessionRequest request = StartArguments.parse(List.of("static-cupping", "sim-1", "0-3", "lower-back"))
                .toRequest(TECHNIQUE);

        assertEquals(4, request.placements().size());
        request.placements().forEach(p -> assertEquals(new BodySite(BodyRegion.LOWER_BACK, Side.CENTRE, ""), p.site()));
        assertEquals(List.of(0, 1, 2, 3), request.placements().stream().map(p -> p.channel()).toList());
        assertEquals(100, request.intensity());
        assertEquals(StartArguments.DEFAULT_OPERATOR, request.operator());
        assertTrue(request.parameters().isEmpty(), "the engine fills in the technique's defaults");
        assertTrue(request.placements().get(0).zone().isEmpty(), "no chain unless zones are given");
    }

    @Test
    @org.junit.jupiter.api.Tag("SR-15")
    void anOverrideNeedsWhoAndWhyAndTravelsWithTheRequest() {
        SessionRequest request = StartArguments.parse(List.of("static-cupping", "iv-1", "0", "calf/left",
                "override=Dr Lee", "because=marks faded early")).toRequest(TECHNIQUE);

        assertEquals(new io.upwell.api.history.TreatmentOverride("Dr Lee", "marks faded early"), request.override());
        assertTrue(StartArguments.parse(List.of("static-cupping", "iv-1", "0", "calf")).toRequest(TECHNIQUE)
                .overrideGiven().isEmpty());
        assertMessage("override= needs because=<why>", List.of("static-cupping", "iv-1", "0", "calf", "override=Dr Lee"));
        assertMessage("because= needs override=", List.of("static-cupping", "iv-1", "0", "calf", "because=x"));
    }

    @Test
    void channelRangesAndListsMix() {
        assertEquals(List.of(0, 1, 3), StartArguments.channels("0-1,3"));
    }

    @Test
    @Tag("SR-17")
    void malformedInputIsRefusedNamingWhatIsWrong() {
        assertMessage("expected at least 4 arguments", List.of("static-cupping", "sim-1", "0"));
        assertMessage("channel 'x' is not a whole number", List.of("static-cupping", "sim-1", "0,x", "calf"));
        assertMessage("channel 1 is listed twice", List.of("static-cupping", "sim-1", "0,1,1", "calf"));
        assertMessage("runs backwards", List.of("static-cupping", "sim-1", "3-1", "calf"));
        assertMessage("2 sites for 3 channels", List.of("static-cupping", "sim-1", "0-2", "calf,thigh"));
        assertMessage("unknown body region 'neck-front'", List.of("static-cupping", "sim-1", "0", "neck-front"));
        assertMessage("side must be left, right or centre", List.of("static-cupping", "sim-1", "0", "calf/up"));
        assertMessage("option 'targetKpa' is not name=value",
                List.of("static-cupping", "sim-1", "0", "calf", "targetKpa"));
        assertMessage("intensity 'max' is not a whole number",
                List.of("static-cupping", "sim-1", "0", "calf", "intensity=max"));
        assertMessage("zones: 1 zone(s) for 2 cup(s); give one per cup",
                List.of("static-cupping", "sim-1", "0,1", "calf", "zones=0"));
        assertMessage("zone 300 is outside 0..255", List.of("static-cupping", "sim-1", "0", "calf", "zones=300"));
    }

    @Test
    @Tag("SR-17")
    void parametersAreReadAsTheTechniqueDeclaresThemAndBadOnesNamed() {
        assertRequestMessage("parameter 'targetKpa' takes a number (8 to 60 kPa), got 'lots'", "targetKpa=lots");
        assertRequestMessage("parameter 'magnets' is on or off, got 'maybe'", "magnets=maybe");
        assertRequestMessage("technique 'static-cupping' has no parameter 'depth'; it has [targetKpa, speed, magnets]",
                "depth=3");
        assertRequestMessage("'targetKpa@4': the session has cups 0..0", "targetKpa@4=30");
        assertRequestMessage("cup in 'targetKpa@x' 'x' is not a whole number", "targetKpa@x=30");
    }

    private static void assertRequestMessage(String expected, String option) {
        StartArguments arguments = StartArguments.parse(List.of("static-cupping", "sim-1", "0", "calf", option));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> arguments.toRequest(TECHNIQUE));
        assertEquals(expected, refused.getMessage());
    }

    @Test
    void channelRangesAndListsAreBoundedByTheCupLimitBeforeTheyAreExpanded() {
        int most = SessionRequest.MAX_PLACEMENTS;
        assertEquals(most, StartArguments.channels("0-" + (most - 1)).size());
        assertMessage("channel range '0-" + most + "' names " + (most + 1) + " channels; a session takes at most "
                + most + " cups", List.of("static-cupping", "sim-1", "0-" + most, "upper-back"));
        assertMessage("channel range '10-" + (most + 5) + "' names " + (most - 4) + " channels after 5 others",
                List.of("static-cupping", "sim-1", "0-4,10-" + (most + 5), "upper-back"));
        // Refused at once: the range is counted, never expanded (2^31 entries, and an int loop that never ends).
        assertMessage("channel range '0-2147483647' names 2147483648 channels",
                List.of("static-cupping", "sim-1", "0-2147483647", "upper-back"));
        String tooMany = String.join(",", java.util.Collections.nCopies(most + 1, "1"));
        assertMessage("more than " + most + " channels listed", List.of("static-cupping", "sim-1", tooMany, "calf"));
    }

    @Test
    @Tag("SR-17")
    void anIntensityOutOfRangeIsRefusedByTheRequest() {
        StartArguments arguments = StartArguments.parse(List.of("static-cupping", "sim-1", "0", "calf",
                "intensity=500"));

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> arguments.toRequest(TECHNIQUE));
        assertTrue(refused.getMessage().contains("intensity"), refused.getMessage());
    }

    private static void assertMessage(String expected, List<String> words) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StartArguments.parse(words));
        assertTrue(refused.getMessage().contains(expected), "'" + refused.getMessage() + "' should say: " + expected);
    }
}
