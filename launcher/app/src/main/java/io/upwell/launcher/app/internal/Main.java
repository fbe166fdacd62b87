package io.upwell.launcher.app.internal;

import io.upwell.api.session.SessionService;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;

/**
 * The application's entry point. The bnd launcher calls the service registered as
 * {@code Callable} with {@code main.thread=true} on the JVM's main thread once every bundle has
 * started, and exits with the {@code Integer} it returns (aQute.launcher.Launcher).
 */
@Component(service = Callable.class, property = "main.thread=true")
public final class Main implements Callable<Integer> {

    /** How long the engine may take to come up; a failed activation ends the wait at once. */
    private static final Duration ENGINE_BOUND = Duration.ofSeconds(30);

    private final BundleContext context;

    @Activate
    public Main(BundleContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> given = LauncherArguments.read(context).orElse(List.of());
        HttpSettings.Decision http = HttpSettings.forThisRun(given);
        if (http.error() != null) {
            System.err.println("upwell: " + http.error());
            System.err.println(CommandLine.USAGE_TEXT);
            return ExitCodes.USAGE;
        }
        List<String> arguments = http.command();
        CommandLine command = CommandLine.parse(arguments);
        if (command == CommandLine.USAGE) {
            System.err.println("upwell: unknown arguments: " + String.join(" ", given));
            System.err.println(CommandLine.USAGE_TEXT);
            return ExitCodes.USAGE;
        }
        if (command == CommandLine.EMULATE) {
            // A device, not a session: no engine is waited for.
            return EmulateCommand.run(arguments.subList(1, arguments.size()), System.in, System.out, System.err);
        }
        SerialDemoArguments serial = null;
        if (command == CommandLine.DEMO_SERIAL) {
            // Checked before anything waits for the engine: a wrong option is named at once.
            try {
                serial = SerialDemoArguments.parse(arguments.subList(1, arguments.size()));
            } catch (IllegalArgumentException e) {
                System.err.println("upwell: demo: " + e.getMessage());
                return ExitCodes.USAGE;
            }
        }
        if (command == CommandLine.VALIDATE) {
            // Checking files needs no engine: answer at once.
            return ValidateCommand.run(arguments.subList(1, arguments.size()), System.out, System.err);
        }
        // Nothing opens on top of a dead engine: wait for it, and stop at once if it failed to activate.
        Terminal terminal = new Terminal(new FileOutputStream(FileDescriptor.out));
        try (TrackedService<SessionService> engine = EngineStartup.await(context, "", ENGINE_BOUND,
                "the engine did not start: no SessionService; is the bundle io.upwell.engine.core active?");
                AutoCloseable notices = LogNotices.followRunLog(terminal::notice).<AutoCloseable>map(n -> n)
                        .orElse(() -> { })) {
            EngineStartup.otherFailures(context).forEach(failure -> terminal.notice("[ERROR] " + failure));
            switch (command) {
                case SHELL:
                    HttpAnnouncement.announce(context, http, terminal::println);
                    return new InteractiveShell(context, engine::current, terminal).run();
                case USERS:
                    return UsersCommands.run(context, arguments.subList(1, arguments.size()), System.in);
                case DEMO:
                    return new Demo(context, System.out, false).run();
                case DEMO_SERIAL:
                    return new Demo(context, System.out, serial).run();
                case TECHNIQUES:
                    return SimulateCommands.techniques(context, engine.service(), System.out);
                case SIMULATE:
                    return SimulateCommands.simulate(context, engine.service(), arguments.subList(1, arguments.size()));
                case RECORDS:
                    return RecordsCommands.run(context, arguments.subList(1, arguments.size()));
                default:
                    return new Demo(context, System.out, true).run();
            }
        } catch (EngineFailedException | NotReadyException e) {
            System.err.println("upwell: " + e.getMessage());
            return ExitCodes.NOT_READY;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            System.err.println("upwell: " + InteractiveShell.oneLine(e));
            return ExitCodes.SESSION_FAILED;
        }
    }
}
