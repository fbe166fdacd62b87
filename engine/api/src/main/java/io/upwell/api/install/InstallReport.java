package io.upwell.api.install;

import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;

/**
 * Registered as a service by whatever installs techniques at run time (the watched folder's bundle
 * watch, the program-file installer): the problems it knows of now. A problem goes away when the
 * artifact is fixed or removed.
 */
@ConsumerType
public interface InstallReport {

    /** The current problems, oldest first; empty when everything offered is in use. */
    List<InstallProblem> problems();
}
