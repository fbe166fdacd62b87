package io.upwell.launcher.app.internal;

import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.apache.felix.service.command.CommandProcessor;
import org.apache.felix.service.command.CommandSession;
import org.apache.felix.service.command.Converter;
import org.osgi.framework.BundleContext;

/**
 * The interactive console on the launcher's main thread: reads a line (UTF-8, whatever the platform
 * charset), runs it in a Gogo command session whose SCOPE puts Upwell's commands first, prints the
 * result. The Gogo shell bundle opens no console of its own ({@code gosh.args=--nointeractive}),
 * and Gogo's console would not do here: it reads one byte per character, which breaks any
 * non-ASCII name. End of input (Ctrl-D) or {@code exit} leaves; a live session is first stopped
 * (ramped out) and awaited, up to {@link #RAMP_OUT_BOUND}.
 */
final class InteractiveShell {

    private static final Duration BOUND = Duration.ofSeconds(10);
    /** How long leaving waits for a live session to ramp out and end. */
    static final Duration RAMP_OUT_BOUND = Duration.ofSeconds(60);

    /** Our commands first, so that {@code start} and {@code stop} are Upwell's, not the bundle commands. */
    static final String SCOPE_PATH = EngineCommands.SCOPE + ":gogo:*";

    private static final String BANNER = String.join(System.lineSeparator(),
            "Upwell engine shell. Commands: devices, techniques, screen, start, status, pause, resume, stop,",
            "estop, ack, alarms, intensity, fault, simulate, records, users. 'help <command>' explains one; Ctrl-D",
            "or 'exit' leaves.");

    private final BundleContext context;
    private final Supplier<Optional<SessionService>> engine;
    private final Terminal terminal;
    private final InputStream input;

    InteractiveShell(BundleContext context, Supplier<Optional<SessionService>> engine, Terminal terminal) {
        this(context, engine, terminal, new FileInputStream(FileDescriptor.in));
    }

    InteractiveShell(BundleContext context, Supplier<Optional<SessionService>> engine, Terminal terminal,
            InputStream input) {
        this.context = context;
        this.engine = engine;
        this.terminal = terminal;
        this.input = input;
    }

    int run() throws InterruptedException {
        try (TrackedService<CommandProcessor> processor = TrackedService.await(context, CommandProcessor.class, "",
                BOUND, "the Gogo runtime did not start; is org.apache.felix.gogo.runtime active?")) {
            // Commands write to System.out, which Gogo points at the session's streams while they run.
            PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
            CommandSession session = processor.service().createSession(InputStream.nullInputStream(),
                    terminal.stream(), err);
            try {
                session.put("SCOPE", SCOPE_PATH);
                terminal.println(BANNER);
                readEvaluatePrint(session);
                endOfInput();
                return ExitCodes.OK;
            } finally {
                session.close();
            }
        } catch (NotReadyException e) {
            System.err.println("upwell: " + e.getMessage());
            return ExitCodes.NOT_READY;
        }
    }

    private void readEvaluatePrint(CommandSession session) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        while (true) {
            terminal.prompt();
            String line;
            try {
                line = reader.readLine();
            } catch (IOException e) {
                terminal.answered();
                terminal.println("upwell: cannot read the console: " + e.getMessage());
                return;
            } finally {
                terminal.answered();
            }
            if (line == null) {
                terminal.println("");
                return;
            }
            String command = line.strip();
            if (command.isEmpty()) {
                continue;
            }
            if (command.equals("exit") || command.equals("quit")) {
                return;
            }
            if (command.equals("screen") || command.startsWith("screen ")) {
                screen(command.substring("screen".length()).strip(), reader);
                continue;
            }
            if (command.equals("users") || command.startsWith("users ")) {
                users(command.substring("users".length()).strip(), reader);
                continue;
            }
            try {
                Object result = session.execute(command);
                if (result != null) {
                    terminal.println(String.valueOf(session.format(result, Converter.INSPECT)));
                }
            } catch (Exception e) {
                terminal.println(command.split("\\s+", 2)[0] + ": " + oneLine(e));
            }
        }
    }

    /**
     * {@code screen [<client>]} asks its questions here, on the console, rather than in Gogo: a Gogo
     * command has no console to read answers from.
     */
    private void screen(String clientId, BufferedReader reader) {
        if (clientId.contains(" ")) {
            terminal.println("screen: usage: screen [<client id>]");
            return;
        }
        Optional<ScreenedClients> desk = screenedClients();
        if (desk.isEmpty()) {
            terminal.println("screen: the launcher's screening desk is not running; start with screening=FILE.json");
            return;
        }
        new ScreeningInterview(reader, terminal.stream()).run(clientId, System.getProperty("user.name", "operator"))
                .ifPresent(desk.get()::keep);
    }

    /**
     * {@code users ...} runs here, not in Gogo, because {@code add} and {@code passwd} ask for a
     * password: on the console without echo when there is one, else as the next input line.
     */
    private void users(String words, BufferedReader reader) {
        Optional<io.upwell.engine.access.UserAdministration> users = UsersCommands.service(context);
        if (users.isEmpty()) {
            terminal.println("users: the user administration is not running (is the bundle io.upwell.engine.access"
                    + " active? upwell-data/upwell.log says why it is not)");
            return;
        }
        java.util.List<String> list = words.isEmpty() ? java.util.List.of() : java.util.List.of(words.split("\\s+"));
        new UsersCommand(users.get(), UsersCommands.passwords(System.console(), reader), terminal.stream(),
                terminal.stream(), "users: ", "shell (user " + System.getProperty("user.name") + ")").run(list);
    }

    private Optional<ScreenedClients> screenedClients() {
        org.osgi.framework.ServiceReference<ScreenedClients> reference =
                context.getServiceReference(ScreenedClients.class);
        return reference == null ? Optional.empty() : Optional.ofNullable(context.getService(reference));
    }

    /** Leaving: a live session is stopped (every cup ramps out) and awaited before the engine stops. */
    private void endOfInput() throws InterruptedException {
        Optional<Session> live = engine.get().flatMap(SessionService::current).filter(s -> !s.state().isFinal());
        if (live.isEmpty()) {
            return;
        }
        Session session = live.get();
        terminal.println("leaving: stopping session " + session.id() + "; every cup ramps out (waiting up to "
                + RAMP_OUT_BOUND.toSeconds() + " s) ...");
        try {
            session.stop();
        } catch (SessionException | RuntimeException e) {
            terminal.println("leaving: session " + session.id() + " could not be stopped (" + e.getMessage()
                    + "); the engine vents every channel as it stops");
            return;
        }
        SessionSnapshot last = awaitFinal(session, RAMP_OUT_BOUND);
        if (last.state().isFinal()) {
            terminal.println("session " + session.id() + " " + last.state()
                    + (last.reason().isEmpty() ? "" : ": " + last.reason()));
        } else {
            terminal.println("session " + session.id() + " is still " + last.state() + " after "
                    + RAMP_OUT_BOUND.toSeconds() + " s; the engine vents every channel as it stops");
        }
    }

    static SessionSnapshot awaitFinal(Session session, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        SessionSnapshot snapshot = session.snapshot();
        while (!snapshot.state().isFinal() && System.nanoTime() - deadline < 0) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            if (Thread.interrupted()) {
                throw new InterruptedException("interrupted while the session ramped out");
            }
            snapshot = session.snapshot();
        }
        return snapshot;
    }

    /** An exception as one line: its message (its class's simple name when it has none), no stack trace. */
    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message);
    }
}
