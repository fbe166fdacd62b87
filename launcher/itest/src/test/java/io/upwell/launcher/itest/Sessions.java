package io.upwell.launcher.itest;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.session.ChannelStatus;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.ParameterValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Session requests for static cupping on the simulator, and the session conditions the tests wait for. */
public final class Sessions {

    /** The simulator's device id with its default configuration. */
    public static final String SIMULATOR_ID = "sim-1";
    public static final String STATIC_CUPPING = "static-cupping";
    public static final String OPERATOR = "itest operator";
    /** What {@link #startHoldingVacuum} commands: a level static cupping allows on every cup used here. */
    public static final double HOLDING_TARGET_KPA = 20;
    /** Measured on every cup, this shows the session is really holding vacuum. */
    public static final double HOLDING_MEASURED_KPA = 10;

    /** One cup on each of the simulator's four channels, on regions whose limits exceed the targets used here. */
    private static final List<Placement> FOUR_CUPS = List.of(
            new Placement(SIMULATOR_ID, 0, new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "")),
            new Placement(SIMULATOR_ID, 1, new BodySite(BodyRegion.UPPER_BACK, Side.RIGHT, "")),
            new Placement(SIMULATOR_ID, 2, new BodySite(BodyRegion.LOWER_BACK, Side.LEFT, "")),
            new Placement(SIMULATOR_ID, 3, new BodySite(BodyRegion.LOWER_BACK, Side.RIGHT, "")));

    private Sessions() {
    }

    /** Static cupping on all four simulator channels, without screening (allowed on a simulated device). */
    public static SessionRequest staticCupping(double targetKpa, double rampInSeconds, double holdSeconds,
            double rampOutSeconds) {
        return new SessionRequest(OPERATOR, new Client("itest-client", "Integration test"), null,
                STATIC_CUPPING, Map.of("targetKpa", ParameterValue.of(targetKpa), "rampInSeconds",
                        ParameterValue.of(rampInSeconds), "holdSeconds", ParameterValue.of(holdSeconds),
                        "rampOutSeconds", ParameterValue.of(rampOutSeconds)),
                FOUR_CUPS, 100);
    }

    /**
     * Starts static cupping at {@link #HOLDING_TARGET_KPA} on all four cups with a 15-minute hold,
     * far longer than any test, and waits until it holds vacuum ({@link #awaitHoldingVacuum}): the
     * session the departure and configuration tests disturb.
     */
    public static Session startHoldingVacuum(SessionService engine) throws SessionException {
        Session session = engine.start(staticCupping(HOLDING_TARGET_KPA, 3, 900, 3));
        awaitHoldingVacuum(session);
        return session;
    }

    /** Waits until the session runs with at least {@link #HOLDING_MEASURED_KPA} measured on every cup. */
    public static SessionSnapshot awaitHoldingVacuum(Session session) {
        return awaitVacuumApplied(session, HOLDING_MEASURED_KPA);
    }

    public static SessionSnapshot awaitState(Session session, SessionState state) {
        return Await.value("session " + session.id() + " " + state, session::snapshot, s -> s.state() == state);
    }

    public static SessionSnapshot awaitFinal(Session session) {
        return Await.value("session " + session.id() + " ENDED or ABORTED", session::snapshot,
                s -> s.state().isFinal());
    }

    /** Waits until the session runs and the device measures at least {@code kpa} on every cup. */
    public static SessionSnapshot awaitVacuumApplied(Session session, double kpa) {
        return Await.value("session " + session.id() + " RUNNING with at least " + kpa + " kPa measured on every cup",
                session::snapshot, s -> s.state() == SessionState.RUNNING
                        && s.channels().stream().allMatch(c -> c.measuredKpa() >= kpa));
    }

    /** Waits until every cup of the session is commanded to vent. */
    public static SessionSnapshot awaitVented(Session session) {
        return Await.value("every cup of session " + session.id() + " commanded to vent", session::snapshot,
                s -> s.channels().stream().allMatch(Sessions::vented));
    }

    /** The core commands this cup to vent: phase "vent" and no target vacuum. */
    public static boolean vented(ChannelStatus channel) {
        return "vent".equals(channel.phase()) && channel.targetKpa() == 0.0;
    }

    public static String describeChannels(SessionSnapshot snapshot) {
        return snapshot.channels().stream()
                .map(c -> "cup " + c.cup() + " " + c.deviceId() + "#" + c.channel() + " phase=" + c.phase()
                        + " target=" + c.targetKpa() + " measured=" + c.measuredKpa())
                .collect(Collectors.joining("; "));
    }

    public static List<Alarm> alarms(SessionSnapshot snapshot, AlarmCondition condition) {
        return snapshot.alarms().stream().filter(a -> a.condition() == condition).collect(Collectors.toList());
    }
}
