package io.upwell.engine.core.internal;

import io.upwell.api.device.ConnectionState;
import io.upwell.api.device.DeviceDescriptor;
import io.upwell.api.device.DeviceDriver;
import io.upwell.api.device.DeviceState;
import io.upwell.api.safety.AlarmCondition;
import io.upwell.api.safety.AlarmPriority;
import io.upwell.api.session.DeviceStatus;
import io.upwell.api.time.Clock;
import io.upwell.engine.core.internal.device.DeviceSlot;
import io.upwell.engine.core.internal.journal.SessionJournal;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.session.ActiveSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import io.upwell.engine.core.internal.settings.EngineSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The devices the engine drives: one {@link DeviceSlot} per driver service, their states (moved
 * only through the transition table), and what their drivers report. Driver code runs only through
 * the {@link PluginCaller}.
 */
final class DeviceRegistry implements DeviceSlot.Events {
    private static final Logger LOG = LoggerFactory.getLogger(DeviceRegistry.class);

    private final Clock clock;
    private final SafetyLatch latch;
    private final SessionJournal journal;
    private final EngineEvents events;
    private final AlarmDesk alarms;
    private final PluginCaller caller;
    private final CurrentSession current;
    private final Consumer<String> emergencyStop;
    private final ScheduledExecutorService housekeeping;
    private final long firstRetryMillis;

    private final Object lock = new Object();
    private final Map<String, DeviceSlot> devices = new LinkedHashMap<>();
    private volatile DeviceSlot[] slots = new DeviceSlot[0];

    /** @param emergencyStop what a device's own emergency-stop button does */
    DeviceRegistry(Clock clock, SafetyLatch latch, SessionJournal journal, EngineEvents events, AlarmDesk alarms,
            PluginCaller caller, CurrentSession current, Consumer<String> emergencyStop,
            ScheduledExecutorService housekeeping, long firstRetryMillis) {
        this.housekeeping = housekeeping;
        this.firstRetryMillis = firstRetryMillis;
        this.clock = clock;
        this.latch = latch;
        this.journal = journal;
        this.events = events;
        this.alarms = alarms;
        this.caller = caller;
        this.current = current;
        this.emergencyStop = emergencyStop;
    }

    /** The devices now; the array is replaced, never changed, when devices come and go. */
    DeviceSlot[] slots() {
        return slots;
    }

    /** A copy of the devices by id, for planning against. */
    Map<String, DeviceSlot> snapshot() {
        synchronized (lock) {
            return new LinkedHashMap<>(devices);
        }
    }

    DeviceSlot get(String id) {
        synchronized (lock) {
            return devices.get(id);
        }
    }

    List<DeviceStatus> statuses() {
        List<DeviceStatus> list = new ArrayList<>();
        for (DeviceSlot slot : slots) {
            list.add(new DeviceStatus(slot.descriptor(), slot.state(), slot.stateReason()));
        }
        return list;
    }

    /** A driver service arrived: describe and connect it on a plugin thread, under a deadline. */
    void addDriver(DeviceDriver driver) {
        String who = "driver " + driver.getClass().getName();
        caller.call(who, "descriptor", driver::descriptor).whenComplete((descriptor, failure) -> {
            if (failure != null) {
                alarms.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, "", -1,
                        who + " could not describe its device: " + Failures.describe(failure), false);
            } else {
                attach(driver, descriptor);
            }
        });
    }

    private void attach(DeviceDriver driver, DeviceDescriptor descriptor) {
        DeviceSlot slot = new DeviceSlot(driver, descriptor, clock, this, latch);
        synchronized (lock) {
            DeviceSlot existing = devices.get(descriptor.id());
            if (existing != null) {
                alarms.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, descriptor.id(), -1,
                        "two drivers claim device id '" + descriptor.id() + "'; the second ("
                                + driver.getClass().getName() + ") is ignored", false);
                return;
            }
            devices.put(descriptor.id(), slot);
            slots = devices.values().toArray(new DeviceSlot[0]);
            ActiveSession live = current.live();
            if (live != null && live.uses(descriptor.id())) {
                live.rebind(slot);
            }
        }
        journal.event(null, "device-attached", Map.of("device", descriptor.id(), "driver",
                driver.getClass().getName(), "channels", descriptor.channelCount(), "firstCommand", "vent"));
        move(slot, DeviceState.CONNECTING, "connecting");
        connect(slot, 1);
    }

    /**
     * Connects the driver; a failure is reported once per episode and tried again after a wait
     * that doubles from the configured first wait up to 30 s, for as long as the driver is registered.
     */
    private void connect(DeviceSlot slot, int attempt) {
        caller.call("driver of " + slot.id(), "connect", () -> {
            slot.driver().connect(slot);
            return null;
        }).whenComplete((ok, failure) -> {
            if (failure == null || slot.isClosed()) {
                return;
            }
            String why = "connect failed: " + Failures.describe(failure);
            long wait = retryWait(attempt);
            if (attempt == 1) {
                alarms.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, slot.id(), -1, "driver of "
                        + slot.id() + ": " + why + "; trying again every " + wait + " ms and more, up to "
                        + EngineSettings.MAX_CONNECT_RETRY_MILLIS / 1000 + " s", false);
            } else {
                LOG.debug("driver of {}: attempt {} to connect failed ({}); next in {} ms", slot.id(), attempt, why,
                        wait);
            }
            // Vented and marked lost as any disconnect is: a connect that timed out after the driver had
            // already said CONNECTED must not leave a device READY or its channels unvented.
            connectionChanged(slot, ConnectionState.DISCONNECTED, why + " (attempt " + attempt + ")");
            // Whatever the failed attempt half opened is released before the next one.
            caller.call("driver of " + slot.id(), "disconnect after a failed connect", () -> {
                slot.driver().disconnect();
                return null;
            });
            try {
                housekeeping.schedule(() -> retry(slot, attempt + 1), wait, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException stopping) {
                // the engine is closing: no more attempts
            }
        });
    }

    private void retry(DeviceSlot slot, int attempt) {
        if (slot.isClosed() || slot.state() != DeviceState.DISCONNECTED) {
            return;
        }
        move(slot, DeviceState.CONNECTING, "connecting again (attempt " + attempt + ")");
        connect(slot, attempt);
    }

    /** The wait after a failed attempt: the first wait doubled per attempt, at most the maximum. */
    long retryWait(int attempt) {
        long wait = firstRetryMillis;
        for (int i = 1; i < attempt && wait < EngineSettings.MAX_CONNECT_RETRY_MILLIS; i++) {
            wait *= 2;
        }
        return Math.min(wait, EngineSettings.MAX_CONNECT_RETRY_MILLIS);
    }

    /** A driver service left: its channels are vented and a session using it pauses (SR-09). */
    void removeDriver(DeviceDriver driver) {
        DeviceSlot gone = null;
        synchronized (lock) {
            for (DeviceSlot slot : devices.values()) {
                if (slot.driver() == driver) {
                    gone = slot;
                }
            }
            if (gone == null) {
                return;
            }
            devices.remove(gone.id());
            slots = devices.values().toArray(new DeviceSlot[0]);
        }
        DeviceSlot slot = gone;
        slot.close();
        slot.forgetSamples();
        move(slot, DeviceState.DISCONNECTED, "driver service left");
        deviceLost(slot, "device " + slot.id() + " left: its driver service was unregistered");
        callDriver(slot, "disconnect", () -> {
            driver.disconnect();
            return null;
        });
    }

    /** The engine stops: every device is vented and released. */
    void closeAll() {
        List<DeviceSlot> all;
        synchronized (lock) {
            all = new ArrayList<>(devices.values());
            devices.clear();
            slots = new DeviceSlot[0];
        }
        for (DeviceSlot slot : all) {
            slot.close();
            callDriver(slot, "disconnect", () -> {
                slot.driver().disconnect();
                return null;
            });
        }
    }

    @Override
    public void connectionChanged(DeviceSlot slot, ConnectionState connection, String reason) {
        switch (connection) {
            case CONNECTING:
            case NEGOTIATING: // still connecting, as far as sessions are concerned
                if (slot.canMoveTo(DeviceState.CONNECTING)) {
                    move(slot, DeviceState.CONNECTING, reason);
                }
                break;
            case CONNECTED:
                if (slot.state() == DeviceState.DISCONNECTED) {
                    move(slot, DeviceState.CONNECTING, reason);
                }
                if (slot.state() == DeviceState.CONNECTING) {
                    slot.markReady(clock.nanoTime());
                    move(slot, DeviceState.READY, reason.isEmpty() ? "connected" : reason);
                }
                break;
            case DISCONNECTED:
                slot.forceVentAll();
                slot.forgetSamples(); // what it said before the line dropped is no reading of now
                DeviceState before = slot.state();
                if (slot.canMoveTo(DeviceState.DISCONNECTED)) {
                    move(slot, DeviceState.DISCONNECTED, reason);
                    // A device that was there is lost once; a reconnect attempt that fails is no new loss.
                    if (before == DeviceState.READY || before == DeviceState.FAULTED) {
                        deviceLost(slot, "device " + slot.id() + " disconnected: " + reason);
                    }
                }
                break;
            default:
                break;
        }
    }

    @Override
    public void emergencyStop(String source) {
        emergencyStop.accept(source);
    }

    private void deviceLost(DeviceSlot slot, String message) {
        synchronized (current.lock) {
            ActiveSession live = current.live();
            if (live != null && live.uses(slot.id())) {
                live.fault(AlarmCondition.DEVICE_LOST, slot.id(), -1, message + "; session paused");
                return;
            }
        }
        alarms.raiseEngine(AlarmPriority.LOW, AlarmCondition.DEVICE_LOST, slot.id(), -1, message, false);
    }

    /** SR-08: a ready device sent nothing for longer than its quiet-time; called on the control thread. */
    void deviceSilent(DeviceSlot slot, long silentNanos) {
        slot.forceVentAll();
        slot.markSilent();
        String message = "device " + slot.id() + " sent no sample for " + silentNanos / 1_000_000
                + " ms; its channels are vented";
        if (slot.canMoveTo(DeviceState.DISCONNECTED)) {
            move(slot, DeviceState.DISCONNECTED, "silent for " + silentNanos / 1_000_000 + " ms");
        }
        alarms.faultOrRaise(AlarmCondition.DEVICE_SILENT, slot.id(), -1, message);
    }

    /** A silent device's samples flow again; called on the control thread. */
    void deviceHeard(DeviceSlot slot) {
        if (slot.state() == DeviceState.DISCONNECTED) {
            move(slot, DeviceState.CONNECTING, "samples arrive again");
            slot.markReady(clock.nanoTime());
            move(slot, DeviceState.READY, "samples arrive again");
        } else {
            slot.markReady(clock.nanoTime());
        }
    }

    /** A device misbehaved: it is FAULTED until the operator acknowledges. */
    void fault(DeviceSlot slot, String reason) {
        if (slot != null && slot.canMoveTo(DeviceState.FAULTED)) {
            move(slot, DeviceState.FAULTED, reason);
        }
    }

    /** After an acknowledgement: faulted devices are ready again, and persisting conditions will be raised again. */
    void acknowledged(String operator) {
        for (DeviceSlot slot : slots) {
            slot.rearmWatches();
            if (slot.state() == DeviceState.FAULTED) {
                move(slot, DeviceState.READY, "fault acknowledged by " + operator);
            }
        }
    }

    /** Names a device of the session that is not ready, or returns null when all are. */
    String notReady(ActiveSession session) {
        for (var placement : session.request().placements()) {
            DeviceSlot slot = get(placement.deviceId());
            if (slot == null) {
                return "device " + placement.deviceId() + " is not connected";
            }
            if (slot.state() != DeviceState.READY) {
                return "device " + placement.deviceId() + " is " + slot.state() + " (" + slot.stateReason() + ")";
            }
        }
        return null;
    }

    private void move(DeviceSlot slot, DeviceState to, String reason) {
        DeviceState from = slot.moveTo(to, reason);
        if (from != null) {
            journal.event(null, "device", Map.of("device", slot.id(), "from", from.name(), "to", to.name(),
                    "reason", reason));
            events.run(() -> LOG.info("device {}: {} -> {} ({})", slot.id(), from, to, reason));
            events.tell(l -> l.deviceChanged(slot.id(), from, to, reason));
        }
    }

    /** Runs a driver call on a plugin thread; a failure is raised as an alarm naming the call. */
    private void callDriver(DeviceSlot slot, String what, Callable<Void> call) {
        caller.call("driver of " + slot.id(), what, call).whenComplete((ok, failure) -> {
            if (failure != null) {
                alarms.raiseEngine(AlarmPriority.MEDIUM, AlarmCondition.DRIVER_FAILED, slot.id(), -1,
                        "driver of " + slot.id() + ": " + what + " failed: " + Failures.describe(failure), false);
            }
        });
    }
}
