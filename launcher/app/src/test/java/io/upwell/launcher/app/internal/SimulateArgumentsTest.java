package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.Placement;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulateArgumentsTest {

    static final TechniqueDescriptor STATIC = TechniqueDescriptor.of("static-cupping", "Static cupping",
            TechniqueStyle.STATIC, "", List.of(ParameterSpec.number("targetKpa", "kPa", 8, 60, 40).perCup(),
                    ParameterSpec.number("holdSeconds", "s", 10, 900, 300).perCup(),
                    ParameterSpec.choice("speed", List.of("slow", "fast"), "slow")));
    static final TechniqueDescriptor LYMPH = TechniqueDescriptor.of("lymphatic-sequence", "Lymphatic sequence",
            TechniqueStyle.LYMPHATIC, "", List.of());

    private static SimulateArguments parse(String... words) {
        return SimulateArguments.parse(List.of(words));
    }

    private static String refusal(String... words) {
        return assertThrows(IllegalArgumentException.class, () -> parse(words)).getMessage();
    }

    @Test
    void theTechniqueAloneTakesTheDefaults() {
        SimulateArguments arguments = parse("static-cupping");

        assertEquals("static-cupping", arguments.technique());
        assertEquals(Map.of(), arguments.parameters());
        assertEquals(4, arguments.cups());
        assertEquals("upper-back", arguments.region());
        assertFalse(arguments.zones());
        assertEquals(Optional.empty(), arguments.out());
        assertEquals(Path.of("simulation-static-cupping"), arguments.outDirectory("static-cupping"));
    }

    @Test
    void everyOptionIsRead() {
        SimulateArguments arguments = parse("--cups", "2", "static-cupping", "--param", "targetKpa=35", "--param",
                "targetKpa@1=30", "--region", "shoulder/right", "--zones", "--out", "/tmp/sc");

        assertEquals(Map.of("targetKpa", "35", "targetKpa@1", "30"), arguments.parameters());
        assertEquals(2, arguments.cups());
        assertEquals("shoulder/right", arguments.region());
        assertTrue(arguments.zones());
        assertEquals(Path.of("/tmp/sc"), arguments.outDirectory("static-cupping"));
    }

    @Test
    void theRequestHasOneCupPerChannelOfThePreviewSimulatorWithTheParametersReadAsDeclared() {
        SessionRequest request = parse("static-cupping", "--cups", "3", "--param", "targetKpa=35", "--param",
                "targetKpa@2=30.5", "--param", "speed=fast").toRequest(STATIC);

        assertEquals("static-cupping", request.techniqueId());
        assertEquals(List.of(0, 1, 2), request.placements().stream().map(Placement::channel).toList());
        assertTrue(request.placements().stream().allMatch(p -> p.deviceId().equals(SimulateArguments.DEVICE_ID)));
        assertEquals(Map.of("targetKpa", ParameterValue.of(35), "speed", ParameterValue.of("fast")),
                request.parameters());
        assertEquals(Map.of("targetKpa", ParameterValue.of(30.5)), request.placements().get(2).overrides());
        assertEquals(100, request.intensity());
        assertTrue(request.screeningGiven().isEmpty(), "a simulator needs no screening");
    }

    @Test
    void cupsOnARegionAlternateLeftAndRightUnlessASideIsGiven() {
        assertEquals(List.of(new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""),
                new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, ""), new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "")),
                parse("x", "--cups", "3").sites());
        assertEquals(List.of(new BodySite(BodyRegion.CALF, Side.RIGHT, ""), new BodySite(BodyRegion.CALF, Side.RIGHT, "")),
                parse("x", "--cups", "2", "--region", "calf/right").sites());
    }

    @Test
    void zonesFollowTheCupsWhenAskedOrForALymphaticTechnique() {
        assertEquals(List.of(), parse("x", "--cups", "3").zonesFor(STATIC));
        assertEquals(List.of(0, 1, 2), parse("x", "--cups", "3", "--zones").zonesFor(STATIC));
        assertEquals(List.of(0, 1, 2), parse("x", "--cups", "3").zonesFor(LYMPH));
        SessionRequest request = parse("lymphatic-sequence", "--cups", "2").toRequest(LYMPH);
        assertEquals(1, request.placements().get(1).zone().getAsInt());
    }

    @Test
    @Tag("SR-17")
    void aWrongCommandLineIsRefusedInOneLineNamingTheProblem() {
        assertTrue(refusal().startsWith("which technique?"));
        assertTrue(refusal("--cups", "3").startsWith("which technique?"));
        assertEquals("--cups 0: the simulator has 1 to 16 cups", refusal("x", "--cups", "0"));
        assertEquals("--cups 17: the simulator has 1 to 16 cups", refusal("x", "--cups", "17"));
        assertEquals("--cups 'four' is not a whole number", refusal("x", "--cups", "four"));
        assertTrue(refusal("x", "--cups").startsWith("--cups needs a value"));
        assertTrue(refusal("x", "--out", "--zones").startsWith("--out needs a value"));
        assertTrue(refusal("x", "--param", "targetKpa").startsWith("--param 'targetKpa' is not name=value"));
        assertTrue(refusal("x", "--param", "targetKpa=").startsWith("--param 'targetKpa=' is not name=value"));
        assertEquals("--param targetKpa is given twice", refusal("x", "--param", "targetKpa=30", "--param",
                "targetKpa=35"));
        assertTrue(refusal("x", "--region", "elbow").startsWith("unknown body region 'elbow'"));
        assertTrue(refusal("x", "--fast").startsWith("unknown option '--fast'"));
        assertTrue(refusal("x", "y").startsWith("one technique at a time: 'x' and 'y'"));
        for (String message : List.of(refusal(), refusal("x", "--fast"), refusal("x", "--cups", "0"))) {
            assertFalse(message.contains("\n"), message);
        }
    }

    @Test
    @Tag("SR-17")
    void aParameterTheTechniqueDoesNotHaveOrAValueNotOfItsKindIsRefusedByName() {
        assertEquals("technique 'static-cupping' has no parameter 'pressure'; it has [targetKpa, holdSeconds, speed]",
                assertThrows(IllegalArgumentException.class,
                        () -> parse("static-cupping", "--param", "pressure=30").toRequest(STATIC)).getMessage());
        String notANumber = assertThrows(IllegalArgumentException.class,
                () -> parse("static-cupping", "--param", "targetKpa=lots").toRequest(STATIC)).getMessage();
        assertTrue(notANumber.contains("targetKpa") && notANumber.contains("lots"), notANumber);
        assertEquals("'targetKpa@4': the session has cups 0..3", assertThrows(IllegalArgumentException.class,
                () -> parse("static-cupping", "--param", "targetKpa@4=30").toRequest(STATIC)).getMessage());
    }

    @Test
    @Tag("SR-17")
    void anUnknownTechniqueIsRefusedNamingTheInstalledOnes() {
        List<AvailableTechnique> installed = List.of(new AvailableTechnique(STATIC, "io.upwell.plugins.staticcupping 1.0.0",
                "bundle"));

        assertEquals("static-cupping", Simulation.resolve("static-cupping", installed).descriptor().id());
        assertEquals("unknown technique 'cuping'; installed: [static-cupping]", assertThrows(
                IllegalArgumentException.class, () -> Simulation.resolve("cuping", installed)).getMessage());
        // A name ending in .json is a program file: a missing one is refused as a file, not as a technique.
        String missing = assertThrows(IllegalArgumentException.class,
                () -> Simulation.resolve("back.json", installed)).getMessage();
        assertTrue(missing.startsWith("back.json: ") && missing.contains("not a valid program"), missing);
    }

    @Test
    void theOutputFolderIsCreatedWhenMissing(@TempDir Path temp) {
        Path folder = temp.resolve("a/b");

        assertEquals(folder, Simulation.writableDirectory(folder));
        assertTrue(Files.isDirectory(folder));
    }

    @Test
    @Tag("SR-17")
    void anOutputFolderThatCannotBeWrittenIsRefusedBeforeAnythingRuns(@TempDir Path temp) throws Exception {
        Path file = Files.writeString(temp.resolve("trace"), "not a folder");

        assertEquals("--out " + file + " exists and is not a folder", assertThrows(IllegalArgumentException.class,
                () -> Simulation.writableDirectory(file)).getMessage());
        String under = assertThrows(IllegalArgumentException.class,
                () -> Simulation.writableDirectory(file.resolve("sub"))).getMessage();
        assertTrue(under.startsWith("cannot write to --out " + file.resolve("sub")), under);
    }
}
