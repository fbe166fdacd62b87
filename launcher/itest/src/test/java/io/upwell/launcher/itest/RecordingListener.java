package io.upwell.launcher.itest;

import io.upwell.api.safety.Alarm;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.SessionState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;

/** An engine listener registered as a whiteboard service, as an operator's screen would be: it keeps what it hears. */
public final class RecordingListener implements EngineListener {

    /** One session state change as a listener heard it. */
    public record SessionChange(String sessionId, SessionState from, SessionState to, String reason) {
    }

    private final List<Alarm> alarms = new CopyOnWriteArrayList<>();
    private final List<SessionChange> sessionChanges = new CopyOnWriteArrayList<>();
    private ServiceRegistration<EngineListener> registration;

    /** Registers a new listener; the engine tracks it from then on. */
    public static RecordingListener register(BundleContext context) {
        RecordingListener listener = new RecordingListener();
        listener.registration = context.registerService(EngineListener.class, listener, null);
        return listener;
    }

    @Override
    public void alarmRaised(Alarm alarm) {
        alarms.add(alarm);
    }

    @Override
    public void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
        sessionChanges.add(new SessionChange(sessionId, from, to, reason));
    }

    public List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    public List<SessionChange> sessionChanges() {
        return List.copyOf(sessionChanges);
    }

    public void unregister() {
        registration.unregister();
    }
}
