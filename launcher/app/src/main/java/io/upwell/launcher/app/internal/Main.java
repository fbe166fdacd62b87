package io.upwell.launcher.app.internal;

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

    private final BundleContext context;

    @Activate
    public Main(BundleContext context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        List<String> arguments = LauncherArguments.read(context).orElse(List.of());
        switch (CommandLine.parse(arguments)) {
            case SHELL:
                return new InteractiveShell(context).run();
            case DEMO:
                return new Demo(context, System.out, false).run();
            case DEMO_VIRTUAL:
                return new Demo(context, System.out, true).run();
            default:
                System.err.println("upwell: unknown arguments: " + String.join(" ", arguments));
                System.err.println(CommandLine.USAGE_TEXT);
                return ExitCodes.USAGE;
        }
    }
}
