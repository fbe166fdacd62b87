package io.upwell.engine.core.internal;

import io.upwell.api.device.DeviceDriver;
import io.upwell.api.safety.AlarmStatus;
import io.upwell.api.session.AvailableTechnique;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.session.LoopStatistics;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionPlan;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import io.upwell.api.technique.Technique;
import java.util.List;
import java.util.Optional;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * The engine as one bundle sees it (SR-18: plugins read, they do not control). A bundle that
 * registers a {@link DeviceDriver}, a {@link Technique} or a screening rule is a plugin: it may read everything and
 * press the emergency stop or pause and stop a session (moves toward the safe state), but it may
 * not acknowledge the latch, start a session, resume one or raise its intensity. The check is
 * made at each call, so a bundle that registers a driver after it got the service is caught too.
 */
final class PluginGuardedSessionService implements SessionService {
    private static final String DRIVER = DeviceDriver.class.getName();
    private static final String TECHNIQUE = Technique.class.getName();
    private static final String SCREENING_RULE = io.upwell.api.screening.ScreeningRule.class.getName();

    private final SessionService engine;
    private final Bundle caller;

    PluginGuardedSessionService(SessionService engine, Bundle caller) {
        this.engine = engine;
        this.caller = caller;
    }

    /** True when the caller registers a driver or technique service now. */
    boolean callerIsPlugin() {
        ServiceReference<?>[] registered = caller.getRegisteredServices();
        if (registered == null) {
            return false;
        }
        for (ServiceReference<?> reference : registered) {
            Object classes = reference.getProperty(org.osgi.framework.Constants.OBJECTCLASS);
            if (classes instanceof String[] names) {
                for (String name : names) {
                    if (DRIVER.equals(name) || TECHNIQUE.equals(name) || SCREENING_RULE.equals(name)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private void refuseToPlugins(String what) throws SessionException {
        if (callerIsPlugin()) {
            throw new SessionException("bundle " + caller.getSymbolicName() + " provides a device driver or a"
                    + " technique; plugins may not " + what + " (SR-18: only an operator's front end controls therapy)");
        }
    }

    @Override
    public Session start(SessionRequest request) throws SessionException {
        refuseToPlugins("start a session");
        return engine.start(request);
    }

    @Override
    public Optional<Session> current() {
        return engine.current().map(GuardedSession::new);
    }

    @Override
    public void emergencyStop(String source) {
        engine.emergencyStop(source);
    }

    @Override
    public void acknowledge(String operator) throws SessionException {
        refuseToPlugins("acknowledge the latch");
        engine.acknowledge(operator);
    }

    @Override
    public AlarmStatus acknowledge(String operator, String alarmId) throws SessionException {
        refuseToPlugins("acknowledge an alarm");
        return engine.acknowledge(operator, alarmId);
    }

    /** Moves toward the safe state: allowed. */
    @Override
    public void pause(String sessionId, String by) throws SessionException {
        engine.pause(sessionId, by);
    }

    @Override
    public void resume(String sessionId, String by) throws SessionException {
        refuseToPlugins("resume a session");
        engine.resume(sessionId, by);
    }

    /** Moves toward the safe state: allowed. */
    @Override
    public void stop(String sessionId, String by) throws SessionException {
        engine.stop(sessionId, by);
    }

    @Override
    public int setIntensity(String sessionId, int percent, String by) throws SessionException {
        refuseToPlugins("change the intensity");
        return engine.setIntensity(sessionId, percent, by);
    }

    @Override
    public void cue(String sessionId, int cup, String by) throws SessionException {
        refuseToPlugins("cue the technique");
        engine.cue(sessionId, cup, by);
    }

    @Override
    public boolean latched() {
        return engine.latched();
    }

    @Override
    public Optional<SessionSnapshot> currentSession() {
        return engine.currentSession();
    }

    @Override
    public Optional<SessionSnapshot> session(String sessionId) {
        return engine.session(sessionId);
    }

    @Override
    public List<AlarmStatus> activeAlarms() {
        return engine.activeAlarms();
    }

    @Override
    public Optional<AlarmStatus> alarm(String alarmId) {
        return engine.alarm(alarmId);
    }

    @Override
    public List<DeviceStatus> devices() {
        return engine.devices();
    }

    /** Reading what a request would do is allowed: it starts nothing. */
    @Override
    public SessionPlan check(SessionRequest request) throws SessionException {
        return engine.check(request);
    }

    @Override
    public List<AvailableTechnique> techniques() {
        return engine.techniques();
    }

    @Override
    public LoopStatistics loopStatistics() {
        return engine.loopStatistics();
    }

    @Override
    public io.upwell.api.session.JournalHealth journalHealth() {
        return engine.journalHealth();
    }

    /** A session as the caller may handle it: what applies vacuum is refused to plugins. */
    private final class GuardedSession implements Session {
        private final Session session;

        GuardedSession(Session session) {
            this.session = session;
        }

        @Override
        public String id() {
            return session.id();
        }

        @Override
        public SessionState state() {
            return session.state();
        }

        @Override
        public String reason() {
            return session.reason();
        }

        @Override
        public void pause() throws SessionException {
            session.pause();
        }

        @Override
        public void resume() throws SessionException {
            refuseToPlugins("resume a session");
            session.resume();
        }

        @Override
        public void stop() throws SessionException {
            session.stop();
        }

        @Override
        public void setIntensity(int percent) throws SessionException {
            refuseToPlugins("change the intensity");
            session.setIntensity(percent);
        }

        @Override
        public int intensityUp() throws SessionException {
            refuseToPlugins("change the intensity");
            return session.intensityUp();
        }

        @Override
        public int intensityDown() throws SessionException {
            return session.intensityDown();
        }

        @Override
        public void cue(int cup) throws SessionException {
            refuseToPlugins("cue the technique"); // the therapist's hands, not a module's guess
            session.cue(cup);
        }

        @Override
        public SessionSnapshot snapshot() {
            return session.snapshot();
        }
    }
}
