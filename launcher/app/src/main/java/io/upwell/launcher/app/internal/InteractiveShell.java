package io.upwell.launcher.app.internal;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.time.Duration;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.osgi.framework.BundleContext;

/**
 * The interactive console on the launcher's main thread. The Gogo shell bundle is told not to
 * start a console of its own ({@code gosh.args=--nointeractive} in the run descriptor), so that
 * {@code demo} runs never read standard input or print a prompt; here its {@code gosh} command runs
 * the console, and leaving it (Ctrl-D) returns, which stops the framework with exit code 0.
 */
final class InteractiveShell {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** Our commands first, so that {@code start} and {@code stop} are Upwell's, not the bundle commands. */
    static final String SCOPE_PATH = EngineCommands.SCOPE + ":gogo:*";

    private static final String BANNER = String.join(System.lineSeparator(),
            "Upwell engine shell. Commands: devices, techniques, start, status, pause, resume, stop, estop,",
            "ack, intensity, fault. 'help upwell:<command>' explains one; Ctrl-D leaves.");

    private final BundleContext context;

    InteractiveShell(BundleContext context) {
        this.context = context;
    }

    int run() throws InterruptedException {
        try (TrackedService<CommandProcessor> processor = TrackedService.await(context, CommandProcessor.class, "",
                BOUND, "the Gogo runtime did not start; is org.apache.felix.gogo.runtime active?")) {
            // The process's own streams, not System.out: Gogo replaces System.out with a stream that writes to
            // the current session's output, which would then write to itself.
            CommandSession session = processor.service().createSession(new FileInputStream(FileDescriptor.in),
                    new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err));
            try {
                awaitConsoleCommand(session);
                session.put("SCOPE", SCOPE_PATH);
                System.out.println(BANNER);
                // Not a login shell: a login shell's profile would reset SCOPE. SCOPE is copied into gosh's session.
                session.execute("gosh --noshutdown");
                return ExitCodes.OK;
            } finally {
                session.close();
            }
        } catch (NotReadyException e) {
            System.err.println("upwell: " + e.getMessage());
            return ExitCodes.NOT_READY;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            System.err.println("upwell: the shell stopped: " + rootCause(e));
            return ExitCodes.SESSION_FAILED;
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static void awaitConsoleCommand(CommandSession session) throws NotReadyException, InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (session.get("gogo:gosh") == null) {
            if (System.nanoTime() - deadline > 0) {
                throw new NotReadyException("the Gogo shell did not register its console; is org.apache.felix.gogo.shell"
                        + " active? (waited " + BOUND.toSeconds() + " s)");
            }
            Thread.sleep(10);
        }
    }
}
