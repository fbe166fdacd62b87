package io.upwell.launcher.app.internal;

import com.fazecast.jSerialComm.SerialPort;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Stops the OSGi framework in order when the JVM is asked to end (Ctrl-C, SIGTERM, SIGHUP, or
 * System.exit while the framework runs). The bnd launcher's only shutdown hook deletes its temporary
 * storage; without this one the JVM would halt with the engine running: no channel vented by the
 * engine's stop, no {@code engine-stop} in the journal, a live session left without its end.
 * Stopping the framework stops the engine's bundle, and the engine's stop vents every channel, ends
 * a live session as aborted ("the engine stopped") and closes the journal. The hook waits for that,
 * up to {@link #BOUND}.
 * <p>
 * When the framework stops for another reason (the shell or the demo returned), this component is
 * deactivated first and takes its hook away.
 */
@Component(immediate = true, service = {})
public final class OrderlyShutdown {

    /** How long the hook waits for the framework to stop before the JVM halts anyway. */
    static final Duration BOUND = Duration.ofSeconds(20);

    private static final AtomicBoolean BEFORE_SERIAL_PORTS_CLOSE = new AtomicBoolean();

    private final Thread hook;

    @Activate
    public OrderlyShutdown(BundleContext context) {
        Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
        this.hook = new Thread(() -> stop(framework), "upwell-orderly-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Deactivate
    void deactivate() {
        if (Thread.currentThread() == hook) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is ending and the hook is running: it is the one stopping the framework
        }
    }

    /**
     * For a run that drives a device on a serial line: jSerialComm closes every open port from a JVM
     * shutdown hook of its own, which races this one. A driver whose port closes under it reports its
     * line lost, and the engine, not yet stopping, pauses the session and latches a DEVICE_LOST that
     * outlives the process (upwell-data/latch.json), so Ctrl-C would leave the next session refused.
     * jSerialComm first runs the hooks handed to it to their end and only then closes its ports: the
     * framework's stop is handed to it too, so the drivers let go of their ports before they close.
     */
    static void stopBeforeSerialPortsClose(BundleContext context) {
        if (BEFORE_SERIAL_PORTS_CLOSE.compareAndSet(false, true)) {
            Bundle framework = context.getBundle(Constants.SYSTEM_BUNDLE_LOCATION);
            SerialPort.addShutdownHook(new Thread(() -> stop(framework), "upwell-orderly-shutdown-before-serial"));
        }
    }

    /** Stops the framework and waits, bounded, until it has stopped; does nothing to one already stopped. */
    static void stop(Bundle framework) {
        try {
            framework.stop();
        } catch (BundleException | IllegalStateException e) {
            System.err.println("upwell: could not stop the framework in order: " + e.getMessage());
            return;
        }
        try {
            if (framework instanceof Framework launched) {
                launched.waitForStop(BOUND.toMillis());
            } else {
                long deadline = System.nanoTime() + BOUND.toNanos();
                while ((framework.getState() & (Bundle.STARTING | Bundle.ACTIVE | Bundle.STOPPING)) != 0
                        && System.nanoTime() - deadline < 0) {
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
