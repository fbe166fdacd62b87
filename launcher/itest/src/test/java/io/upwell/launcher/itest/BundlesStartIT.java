package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** The shipped bundles resolve and start together in Felix. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class BundlesStartIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    @Test
    public void everyBundleIsActive() {
        // Bundles start asynchronously at their start levels; wait for all, then name any that did not make it.
        List<Bundle> notActive = Await.value("every bundle ACTIVE (fragments RESOLVED)",
                this::bundlesNotActive, List::isEmpty);
        assertEquals("bundles not started: " + Bundles.whyNotStarted(notActive), List.of(), notActive);
    }

    @Test
    public void theUpwellBundlesAreInstalled() {
        for (String name : List.of(Bundles.ENGINE_API)) {
            Bundle bundle = Bundles.named(context, name);
            assertTrue(name + " must come from this build's jar, not ~/.m2: " + bundle.getLocation(),
                    bundle.getLocation().contains("/target/"));
        }
    }

    private List<Bundle> bundlesNotActive() {
        return Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getState() != (Bundles.isFragment(bundle) ? Bundle.RESOLVED : Bundle.ACTIVE))
                .collect(Collectors.toList());
    }
}
