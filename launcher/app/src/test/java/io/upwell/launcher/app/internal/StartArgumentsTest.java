package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.SessionRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class StartArgumentsTest {

    @Test
    void aFullCommandLineBecomesASessionRequest() {
        StartArguments arguments = StartArguments.parse(List.of("static-cupping", "sim-1", "0,2",
                "upper-back/left,shoulder/right", "targetKpa=35", "targetKpa@1=30.5", "intensity=80",
                "operator=anna", "client=c-17"));

        SessionRequest request = arguments.toRequest();

        assertEquals("static-cupping", request.techniqueId());
        assertEquals(2, request.placements().size());
        assertEquals(0, request.placements().get(0).channel());
        assertEquals(2, request.placements().get(1).channel());
        assertEquals(new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""), request.placements().get(0).site());
        assertEquals(new BodySite(BodyRegion.SHOULDER, Side.RIGHT, ""), request.placements().get(1).site());
        assertEquals(Map.of("targetKpa", 35.0, "targetKpa@1", 30.5), request.parameters());
        assertEquals(80, request.intensity());
        assertEquals("anna", request.operator());
        assertEquals("c-17", request.client().id());
        assertTrue(request.screening().isEmpty());
    }

    @Test
    void oneSiteServesEveryChannelAndDefaultsFillTheRest() {
        SessionRequest request = StartArguments.parse(List.of("static-cupping", "sim-1", "0-3", "lower-back"))
                .toRequest();

        assertEquals(4, request.placements().size());
        request.placements().forEach(p -> assertEquals(new BodySite(BodyRegion.LOWER_BACK, Side.CENTRE, ""), p.site()));
        assertEquals(List.of(0, 1, 2, 3), request.placements().stream().map(p -> p.channel()).toList());
        assertEquals(100, request.intensity());
        assertEquals(StartArguments.DEFAULT_OPERATOR, request.operator());
        assertTrue(request.parameters().isEmpty(), "the engine fills in the technique's defaults");
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
        assertMessage("parameter targetKpa: 'lots' is not a number",
                List.of("static-cupping", "sim-1", "0", "calf", "targetKpa=lots"));
        assertMessage("intensity 'max' is not a whole number",
                List.of("static-cupping", "sim-1", "0", "calf", "intensity=max"));
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

        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, arguments::toRequest);
        assertTrue(refused.getMessage().contains("intensity"), refused.getMessage());
    }

    private static void assertMessage(String expected, List<String> words) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> StartArguments.parse(words));
        assertTrue(refused.getMessage().contains(expected), "'" + refused.getMessage() + "' should say: " + expected);
    }
}
