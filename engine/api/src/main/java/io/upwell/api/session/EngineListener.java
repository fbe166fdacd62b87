package io.upwell.api.session;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import io.upwell.api.safety.AlarmStatus;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears what the engine does. Register as an OSGi service (whiteboard). Calls come on the
 * engine's event thread, never on the control thread; a listener that throws is logged and
 * otherwise ignored, one that blocks delays only other listeners.
 */
@ConsumerType
public interface EngineListener {

    /** An alarm was raised. {@link #alarmChanged} hears it too, as {@code RAISED}. */
    default void alarmRaised(Alarm alarm) {
    }

    /** An alarm was raised, acknowledged or cleared: its status after the step. */
    default void alarmChanged(AlarmStatus status) {
    }

    /**
     * The live session's state at the journal's sample rate (10 Hz by default): every cup's
     * command and measurement, as journaled. Called only while a listener is registered; a slow
     * listener delays the others, so one that sends over a network should hand samples to a queue
     * of its own.
     */
    default void sampled(SessionSnapshot snapshot) {
    }

    /** A session changed state. */
    default void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
    }

    /** A device changed state. */
    default void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
    }
}
