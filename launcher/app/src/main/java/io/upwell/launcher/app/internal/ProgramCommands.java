package io.upwell.launcher.app.internal;

import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;

/**
 * The shell's {@code validate} (scope {@value EngineCommands#SCOPE}): checks program files as the
 * command line's {@code validate} does, and installs nothing.
 */
@Component(service = ProgramCommands.class, property = {
        "osgi.command.scope=" + EngineCommands.SCOPE,
        "osgi.command.function=validate" })
public final class ProgramCommands {

    @Descriptor("check program files without installing them: validate <file.json> ...; prints a summary of each"
            + " valid file and every problem (file:line: path: message) of an invalid one")
    public void validate(@Descriptor("program files") String... files) {
        ValidateCommand.run(List.of(files), EngineCommands.out(), EngineCommands.out());
    }
}
