package io.upwell.api.session;

import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.Alarm;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Hears what the engine does. Register as an OSGi service (whiteboard). Calls come on the
 * engine's event thread, never on the control thread; a listener that throws is logged and
 * otherwise ignored, one that blocks delays only other listeners.
 */
@ConsumerType
public interface EngineListener {

    /** An alarm was raised. */
    default void alarmRaised(Alarm alarm) {
    }

    /** A session changed state. */
    default void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
    }

    /** A device changed state. */
    default void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
    }
}
