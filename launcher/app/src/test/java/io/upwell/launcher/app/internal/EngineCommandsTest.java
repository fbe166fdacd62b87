package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.safety.AlarmState;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionState;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shell's commands against a stand-in engine, reading what the operator is told. */
class EngineCommandsTest {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream original;

    @BeforeEach
    void captureOutput() {
        original = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(original);
    }

    @Test
    void ackAfterAnEmergencyStopThatAbortedTheSessionDoesNotSuggestResume() {
        EngineCommands commands = new EngineCommands(engine(session(SessionState.ABORTED,
                "emergency stop by shell: every channel vented")), new ScreenedClients());

        commands.ack("therapist-7");

        String told = printed();
        assertFalse(told.contains("resume"), told);
        assertTrue(told.contains("is over (ABORTED: emergency stop by shell: every channel vented)"), told);
        assertTrue(told.contains("'start' begins a new one"), told);
    }

    @Test
    void ackWithAPausedSessionSaysItContinuesOnlyWithResume() {
        EngineCommands commands = new EngineCommands(engine(session(SessionState.PAUSED, "device sim-1 lost")),
                new ScreenedClients());

        commands.ack("therapist-7");

        assertTrue(printed().contains("is paused: it continues only with 'resume'"), printed());
    }

    @Test
    void ackWithoutASessionSaysNothingAboutOne() {
        EngineCommands commands = new EngineCommands(engine(null), new ScreenedClients());

        commands.ack("therapist-7");

        assertFalse(printed().contains("resume"), printed());
        assertFalse(printed().contains("session"), printed());
    }

    @Test
    void ackNamingAnAlarmSaysWhatBecameOfItAndWhatStillHoldsTheLatch() {
        Alarm stop = new Alarm("al-1", AlarmPriority.HIGH, AlarmCondition.EMERGENCY_STOP, "", -1, Instant.EPOCH,
                "emergency stop by shell", true);
        Alarm over = new Alarm("al-2", AlarmPriority.HIGH, AlarmCondition.OVER_VACUUM, "sim-1", 0, Instant.EPOCH,
                "reads 70 kPa", true);
        List<AlarmStatus> active = List.of(
                new AlarmStatus(stop, "", AlarmState.ACKNOWLEDGED, "ana", Instant.EPOCH, null),
                new AlarmStatus(over, "", AlarmState.RAISED, "", null, null));
        List<String> acknowledged = new ArrayList<>();
        SessionService engine = (SessionService) Proxy.newProxyInstance(SessionService.class.getClassLoader(),
                new Class<?>[] { SessionService.class }, (proxy, method, arguments) -> switch (method.getName()) {
                    case "acknowledge" -> {
                        acknowledged.add(arguments[0] + " " + arguments[1]);
                        yield active.get(0);
                    }
                    case "latched" -> true;
                    case "activeAlarms" -> active;
                    case "current" -> Optional.empty();
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        EngineCommands commands = new EngineCommands(engine, new ScreenedClients());

        commands.ack("ana", "al-1");
        commands.alarms();

        assertEquals(List.of("ana al-1"), acknowledged);
        String told = printed();
        assertTrue(told.contains("alarm al-1 acknowledged by ana; latched: yes (waiting for al-2)"), told);
        assertTrue(told.contains("al-2  raised  latching  HIGH OVER_VACUUM: reads 70 kPa"), told);
        assertTrue(told.contains("al-1  acknowledged by ana  latching  HIGH EMERGENCY_STOP"), told);
    }

    private String printed() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static Session session(SessionState state, String reason) {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] { Session.class },
                (proxy, method, arguments) -> switch (method.getName()) {
                    case "id" -> "s-1";
                    case "state" -> state;
                    case "reason" -> reason;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static SessionService engine(Session current) {
        return (SessionService) Proxy.newProxyInstance(SessionService.class.getClassLoader(),
                new Class<?>[] { SessionService.class }, (proxy, method, arguments) -> switch (method.getName()) {
                    case "acknowledge" -> null;
                    case "latched" -> false;
                    case "current" -> Optional.ofNullable(current);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
