package io.upwell.launcher.app.internal;

import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.install.InstallProblem;
import io.upwell.api.install.InstallReport;
import io.upwell.api.safety.AlarmState;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterSpec;
import io.upwell.api.technique.ParameterValue;
import io.upwell.api.technique.TechniqueDescriptor;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The engine's Gogo shell commands (scope {@value #SCOPE}). A refused command prints one line
 * naming what is wrong, never a stack trace.
 */
@Component(service = EngineCommands.class, property = {
        "osgi.command.scope=" + EngineCommands.SCOPE,
        "osgi.command.function=devices",
        "osgi.command.function=techniques",
        "osgi.command.function=start",
        "osgi.command.function=status",
        "osgi.command.function=pause",
        "osgi.command.function=resume",
        "osgi.command.function=stop",
        "osgi.command.function=estop",
        "osgi.command.function=ack",
        "osgi.command.function=alarms",
        "osgi.command.function=intensity",
        "osgi.command.function=cue",
        "osgi.command.function=screen" })
public final class EngineCommands {

    static final String SCOPE = "upwell";

    private final SessionService engine;
    private final ScreenedClients screened;
    /** Whatever installs techniques at run time reports here what it could not install. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile List<InstallReport> installReports = List.of();

    @Activate
    public EngineCommands(@Reference SessionService engine, @Reference ScreenedClients screened) {
        this.engine = engine;
        this.screened = screened;
    }

    @Descriptor("list the devices the engine knows, with their state")
    public void devices() {
        PrintStream out = out();
        List<DeviceStatus> devices = engine.devices();
        if (devices.isEmpty()) {
            out.println("no devices");
        }
        for (DeviceStatus status : devices) {
            DeviceDescriptor device = status.descriptor();
            out.println(String.format(Locale.ROOT, "%-12s %-12s %s %s, %d channels, max %.1f kPa%s%s", device.id(),
                    status.state(), device.vendor(), device.model(), device.channelCount(), device.maxVacuumKpa(),
                    device.simulated() ? ", simulated" : "", status.reason().isEmpty() ? "" : "  (" + status.reason() + ")"));
        }
    }

    @Descriptor("list the techniques with their version, origin and parameters")
    public void techniques() {
        List<InstallProblem> problems = new java.util.ArrayList<>();
        installReports.forEach(report -> problems.addAll(report.problems()));
        TechniqueListing.print(engine.techniques(), problems, out());
    }

    @Descriptor("start a session: start <technique> <device> <channels> <sites> [name=value ...]; "
            + "e.g. start static-cupping sim-1 0,1 upper-back/left,upper-back/right targetKpa=35 intensity=80")
    public void start(@Descriptor("technique, device, channels, sites, then name=value options") String... words) {
        run("start", () -> {
            StartArguments arguments = StartArguments.parse(List.of(words));
            TechniqueDescriptor technique = engine.techniques().stream().map(AvailableTechnique::descriptor)
                    .filter(t -> t.id().equals(arguments.techniqueId())).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown technique '" + arguments.techniqueId()
                            + "'; available: " + engine.techniques().stream().map(t -> t.descriptor().id()).toList()));
            SessionRequest request = withScreenedClient(arguments, arguments.toRequest(technique));
            printPlan(engine.check(request), request, technique);
            Session session = engine.start(request);
            SessionSnapshot snapshot = session.snapshot();
            out().println("started session " + session.id() + ": " + arguments.techniqueId() + " on "
                    + arguments.deviceId() + " channels " + arguments.channels() + ", planned "
                    + Formats.seconds(snapshot.planned()) + ", intensity " + snapshot.intensity() + " %");
        });
    }

    /**
     * Without {@code screening=FILE}, the screening taken in this shell for the client ({@code screen}),
     * said aloud so the operator knows which one the session carries.
     */
    private SessionRequest withScreenedClient(StartArguments arguments, SessionRequest request) {
        if (arguments.screening() != null) {
            return request;
        }
        return screened.find(arguments.clientId()).map(found -> {
            out().println("screening: the one taken in this shell for client " + found.client().id() + " by "
                    + found.screening().screenedBy());
            return request.withScreening(found.client(), found.screening());
        }).orElse(request);
    }

    @Descriptor("screen a client by answering questions: screen [<client id>]; asked on the launcher's console")
    public void screen(@Descriptor("the client's id") String... words) {
        out().println("screen asks its questions on the console of java -jar upwell.jar; from here, start with"
                + " screening=FILE.json (docs/screening.md)");
    }

    /**
     * Each cup's limit and what set it, before anything starts. A cup is said to be clamped when the
     * program asks more than its limit, or when a kPa value the therapist gave for it (or its default)
     * is above the limit, even if the technique already planned within it: the therapist asked for
     * more than the cup will get.
     */
    private void printPlan(SessionPlan plan, SessionRequest request, TechniqueDescriptor technique) {
        PrintStream out = out();
        for (SessionPlan.CupPlan cup : plan.cups()) {
            String where = String.format(Locale.ROOT, "  cup %d %s#%d %s: ", cup.cup(), cup.placement().deviceId(),
                    cup.placement().channel(), cup.placement().site());
            String asked = askedAboveLimit(request, technique, cup);
            if (asked != null || cup.clamped()) {
                out.println(where + (asked != null ? asked : "the program asks " + inline(cup.programPeakKpa()))
                        + "; clamped to " + inline(cup.limitKpa()) + " by the limit of the " + cup.limitSetBy());
            } else {
                out.println(where + "up to " + inline(cup.programPeakKpa()) + ", limit " + inline(cup.limitKpa())
                        + " (" + cup.limitSetBy() + ")");
            }
        }
    }

    /** "asked 35.0 kPa (targetKpa)" when a kPa parameter's value for this cup is above its limit, else null. */
    static String askedAboveLimit(SessionRequest request, TechniqueDescriptor technique,
            SessionPlan.CupPlan cup) {
        for (ParameterSpec spec : technique.parameters()) {
            if (spec instanceof ParameterSpec.Number number && number.unit().equals("kPa")) {
                ParameterValue value = cup.placement().overrides().getOrDefault(number.name(),
                        request.parameters().getOrDefault(number.name(), number.defaultValue()));
                if (value instanceof ParameterValue.Number given
                        && given.value() * request.intensity() / 100.0 > cup.limitKpa()) {
                    return "asked " + inline(given.value() * request.intensity() / 100.0) + " (" + number.name()
                            + (request.intensity() == 100 ? "" : " at " + request.intensity() + " %") + ")";
                }
            }
        }
        return null;
    }

    private static String inline(double kpa) {
        return String.format(Locale.ROOT, "%.1f kPa", kpa);
    }

    @Descriptor("show the session, its cups, alarms, the emergency-stop latch, the control loop's timing and the journal")
    public void status() {
        PrintStream out = out();
        Optional<Session> current = engine.current();
        if (current.isEmpty()) {
            out.println("no session yet");
        } else {
            SessionSnapshot snapshot = current.get().snapshot();
            out.println(String.format(Locale.ROOT, "session %s  %s  %s  %s of %s  intensity %d %%%s",
                    snapshot.sessionId(), snapshot.techniqueId(), snapshot.state(),
                    Formats.seconds(snapshot.elapsed()), Formats.seconds(snapshot.planned()), snapshot.intensity(),
                    snapshot.reason().isEmpty() ? "" : "  (" + snapshot.reason() + ")"));
            for (ChannelStatus channel : snapshot.channels()) {
                out.println("  " + Formats.cup(channel) + "  peak " + Formats.kpa(channel.peakKpa()) + "  limit "
                        + Formats.kpa(channel.limitKpa()) + "  on " + channel.deviceId() + "#" + channel.channel());
            }
            List<String> alarms = Formats.alarms(snapshot.alarms());
            if (snapshot.alarms().isEmpty()) {
                out.println("alarms: none");
            } else {
                out.println("alarms:");
                alarms.forEach(alarm -> out.println("  " + alarm));
            }
        }
        out.println(engine.latched() ? "latched: yes; vacuum stays off until 'ack <operator>'" : "latched: no");
        out.println("loop: " + Formats.loop(engine.loopStatistics()));
        out.println("journal: " + Formats.journal(engine.journalHealth()));
    }

    @Descriptor("pause the session: every channel vents and the program's clock holds")
    public void pause() {
        run("pause", () -> {
            Session session = currentSession();
            session.pause();
            out().println("session " + session.id() + " " + session.state());
        });
    }

    @Descriptor("resume a paused session (after a fault only once acknowledged with 'ack')")
    public void resume() {
        run("resume", () -> {
            Session session = currentSession();
            session.resume();
            out().println("session " + session.id() + " " + session.state());
        });
    }

    @Descriptor("stop the session: every channel ramps out and the session ends")
    public void stop() {
        run("stop", () -> {
            Session session = currentSession();
            session.stop();
            out().println("session " + session.id() + " " + session.state());
        });
    }

    @Descriptor("emergency stop: vent every channel of every device at once and latch until 'ack'")
    public void estop() {
        try {
            engine.emergencyStop("shell");
        } catch (RuntimeException e) {
            // Said plainly, because the operator must know whether the stop may not have taken effect.
            out().println("estop: the engine reported an error while stopping: " + e.getMessage()
                    + "; check 'status' (latched: " + (engine.latched() ? "yes" : "no") + ")");
            return;
        }
        out().println("EMERGENCY STOP: every channel vented; vacuum stays off until 'ack <operator>'");
    }

    @Descriptor("acknowledge faults and the emergency stop: ack <operator> [alarm-id]")
    public void ack(@Descriptor("who acknowledges, then optionally the id of one alarm ('alarms' lists them)")
            String... arguments) {
        run("ack", () -> {
            if (arguments.length < 1 || arguments.length > 2) {
                throw new IllegalArgumentException("usage: ack <operator> [alarm-id]");
            }
            String operator = arguments[0];
            if (arguments.length == 2) {
                AlarmStatus status = engine.acknowledge(operator, arguments[1]);
                out().println("alarm " + status.id() + " " + status.state().name().toLowerCase(Locale.ROOT)
                        + " by " + operator + "; latched: " + (engine.latched() ? "yes" : "no")
                        + (engine.latched() ? waitingFor() : nextStep(engine.current())));
                return;
            }
            engine.acknowledge(operator);
            out().println("acknowledged by " + operator + "; latched: " + (engine.latched() ? "yes" : "no")
                    + nextStep(engine.current()));
        });
    }

    /** What still holds the latch after one alarm was acknowledged. */
    private String waitingFor() {
        List<String> raised = engine.activeAlarms().stream()
                .filter(a -> a.alarm().latching() && a.state() == AlarmState.RAISED).map(AlarmStatus::id).toList();
        return raised.isEmpty() ? " (the control loop or a newer alarm holds it; 'status' says which)"
                : " (waiting for " + String.join(", ", raised) + ")";
    }

    @Descriptor("list the alarms not yet cleared, with their ids and state")
    public void alarms() {
        run("alarms", () -> {
            List<AlarmStatus> active = engine.activeAlarms();
            if (active.isEmpty()) {
                out().println("alarms: none active; latched: " + (engine.latched() ? "yes" : "no"));
                return;
            }
            for (AlarmStatus status : active) {
                out().println(Formats.alarmStatus(status));
            }
        });
    }

    @Descriptor("set the intensity: intensity <percent> | up | down")
    public void intensity(@Descriptor("percent (10..150), up or down") String... value) {
        run("intensity", () -> {
            if (value.length != 1) {
                throw new IllegalArgumentException("usage: intensity <percent> | up | down");
            }
            Session session = currentSession();
            int now;
            switch (value[0].toLowerCase(Locale.ROOT)) {
                case "up" -> now = session.intensityUp();
                case "down" -> now = session.intensityDown();
                default -> {
                    session.setIntensity(percent(value[0]));
                    now = session.snapshot().intensity();
                }
            }
            out().println("intensity " + now + " %");
        });
    }

    @Descriptor("tell a technique that follows the therapist where your hands are: cue <cup>")
    public void cue(@Descriptor("the cup your hands are over, 0 for the first placement") String... cup) {
        run("cue", () -> {
            if (cup.length != 1) {
                throw new IllegalArgumentException("usage: cue <cup>, the cup's index (0 for the first placement)");
            }
            int index;
            try {
                index = Integer.parseInt(cup[0]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("cue: '" + cup[0] + "' is not a cup index; usage: cue <cup>");
            }
            Session session = currentSession();
            session.cue(index);
            out().println("cue: hands over cup " + index + "; the technique re-plans from there at its next step");
        });
    }

    /** What the operator can do next: only a PAUSED session can resume; an ended or aborted one is over. */
    static String nextStep(Optional<Session> current) {
        if (current.isEmpty()) {
            return ".";
        }
        Session session = current.get();
        SessionState state = session.state();
        if (state == SessionState.PAUSED) {
            return ". Session " + session.id() + " is paused: it continues only with 'resume'.";
        }
        if (state.isFinal()) {
            String reason = session.reason();
            return ". Session " + session.id() + " is over (" + state + (reason.isEmpty() ? "" : ": " + reason)
                    + "); 'start' begins a new one.";
        }
        return ".";
    }

    /** Where a command prints: the session's output (System.out while Gogo runs it), in UTF-8. */
    static PrintStream out() {
        return Terminal.utf8(System.out);
    }

    private Session currentSession() {
        return engine.current().orElseThrow(() -> new IllegalStateException("no session"));
    }

    private static int percent(String text) {
        try {
            return Integer.parseInt(text.trim().replace("%", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage, up or down");
        }
    }

    /** Runs a command and prints a refusal as one line. */
    static void run(String command, Action action) {
        try {
            action.run();
        } catch (SessionException | IllegalArgumentException | IllegalStateException e) {
            out().println(command + ": " + e.getMessage());
        } catch (RuntimeException e) {
            out().println(command + ": failed: " + e);
        }
    }

    /** A command's body. */
    @FunctionalInterface
    interface Action {
        void run() throws SessionException;
    }
}
