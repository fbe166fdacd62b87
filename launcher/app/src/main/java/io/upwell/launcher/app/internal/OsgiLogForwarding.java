package io.upwell.launcher.app.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.log.LogEntry;
import org.osgi.service.log.LogLevel;
import org.osgi.service.log.LogListener;
import org.osgi.service.log.LogReaderService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies warnings and errors of the OSGi log into SLF4J, where the run's log file (and the
 * console's notices) are: bundles that log through the OSGi log only (Declarative Services naming a
 * component that failed to activate after a configuration change, Metatype, the Web Console's
 * inventory) would otherwise say it where nobody reads. Each entry goes to the logger
 * {@code osgi.<bundle symbolic name>}; informational entries (every bundle and service event) are left out.
 */
@Component(immediate = true, service = {})
public final class OsgiLogForwarding {

    private final LogListener forward = OsgiLogForwarding::forward;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addReader(LogReaderService reader) {
        reader.addLogListener(forward);
    }

    void removeReader(LogReaderService reader) {
        reader.removeLogListener(forward);
    }

    static void forward(LogEntry entry) {
        LogLevel level = entry.getLogLevel();
        if (level != LogLevel.WARN && level != LogLevel.ERROR && level != LogLevel.AUDIT) {
            return;
        }
        String bundle = entry.getBundle() == null ? "framework" : entry.getBundle().getSymbolicName();
        Logger logger = LoggerFactory.getLogger("osgi." + bundle);
        Throwable failure = entry.getException();
        String message = entry.getMessage();
        if (level == LogLevel.WARN) {
            logger.warn("{}", message, failure);
        } else {
            logger.error("{}", message, failure);
        }
    }
}
