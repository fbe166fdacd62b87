package io.upwell.launcher.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.systemPackage;

import java.io.File;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;

/**
 * {@link UpwellFramework}'s framework with what a test over a real serial line needs besides: the
 * serial driver bundles (system property {@value #SERIAL_BUNDLES}), and the conformance kit's
 * pseudo-terminal pair ({@code io.upwell.devices.conformance.pty}) for the test itself.
 * <p>
 * The pair's package comes from the test's class path through the system bundle rather than as the
 * conformance kit's bundle: that bundle also exports the JUnit 5 checks and imports JUnit 5, which this
 * framework (Pax Exam on JUnit 4) has no reason to carry. A driver bundle that {@link UpwellFramework}
 * installs already is not installed twice.
 */
public final class SerialFramework {

    /** The serial driver bundles, from this reactor. */
    static final String SERIAL_BUNDLES = "upwell.itest.bundles.serial";
    /** The pseudo-terminal pair's package, at the version its package-info declares. */
    static final String PSEUDO_TERMINAL_PACKAGE = "io.upwell.devices.conformance.pty;version=1.0.0";

    private SerialFramework() {
    }

    public static Option[] options() {
        List<Option> options = new ArrayList<>(List.of(UpwellFramework.options()));
        Set<File> installed = new HashSet<>(UpwellFramework.jars(UpwellFramework.UPWELL_BUNDLES, true));
        for (File driver : UpwellFramework.jars(SERIAL_BUNDLES, true)) {
            if (installed.add(driver)) {
                options.add(bundle(driver.toURI().toString()).startLevel(Constants.START_LEVEL_DEFAULT_PROVISION + 1)
                        .start());
            }
        }
        // Pax Exam's own system packages go into the same framework property: added through its option, not over it.
        options.add(systemPackage(PSEUDO_TERMINAL_PACKAGE));
        return options.toArray(new Option[0]);
    }
}
