package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.install.InstallProblem;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.TechniqueDescriptor;
import io.upwell.api.technique.TechniqueStyle;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a therapist reads in {@code techniques}: each technique's version, origin and parameters, then what is not in use. */
class TechniqueListingTest {

    @Test
    void eachTechniqueWithItsOriginAndParametersThenWhatIsNotInUse() {
        TechniqueDescriptor face = TechniqueDescriptor.of("face-flash", "Face flash", TechniqueStyle.FLASH, "",
                List.of(ParameterSpec.number("levelKpa", "kPa", 2, 10, 5).perCup().withDescription("How hard.")
                        .withSource("judgement"), ParameterSpec.choice("speed", List.of("slow", "fast"), "slow")))
                .withVersion("2.1.0").withRegions(List.of(BodyRegion.FACE));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TechniqueListing.print(List.of(new AvailableTechnique(face, "io.upwell.programs 1.0.0",
                "/data/techniques/face.json")), List.of(new InstallProblem("/data/techniques/broken.jar",
                        "module x 1.0.0 cannot be used: missing requirement com.example.nowhere", Instant.EPOCH)),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));

        assertEquals("""
                face-flash 2.1.0  Face flash  (flash)
                    from io.upwell.programs 1.0.0, /data/techniques/face.json
                    meant for [face]
                    levelKpa (per cup): 2 to 10 kPa, default 5. How hard. [source: judgement]
                    speed: one of slow, fast, default slow
                not in use:
                  /data/techniques/broken.jar: module x 1.0.0 cannot be used: missing requirement com.example.nowhere
                """, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void nothingInstalledSaysSo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TechniqueListing.print(List.of(), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertEquals("no techniques\n", bytes.toString(StandardCharsets.UTF_8));
    }
}
