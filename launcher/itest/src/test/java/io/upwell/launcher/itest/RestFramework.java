package io.upwell.launcher.itest;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ops4j.pax.exam.Constants;
import org.ops4j.pax.exam.Option;

/**
 * {@link UpwellFramework} with the REST API: the HTTP runtime (Felix HTTP on Jetty 12) on a free port
 * of the loopback interface, and the REST bundle this build produced. The access bundle, which
 * registers the {@code upwell} context in the application, is not installed here: the tests register
 * a stand-in ({@link TestAccessContext}).
 */
public final class RestFramework {

    static final String HTTP_BUNDLES = "upwell.itest.bundles.http";
    static final String REST_BUNDLE = "upwell.itest.bundles.rest";
    /** The framework property Felix HTTP reads its port from; the tests read it back from there. */
    public static final String PORT = "org.osgi.service.http.port";

    private RestFramework() {
    }

    public static Option[] options() {
        List<Option> options = new ArrayList<>(Arrays.asList(UpwellFramework.options()));
        options.add(frameworkProperty(PORT).value(Integer.toString(freePort())));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        options.add(bundles(HTTP_BUNDLES, Constants.START_LEVEL_DEFAULT_PROVISION, false));
        options.add(bundles(REST_BUNDLE, Constants.START_LEVEL_DEFAULT_PROVISION + 1, true));
        return options.toArray(new Option[0]);
    }

    private static Option bundles(String property, int startLevel, boolean builtByThisReactor) {
        List<Option> bundles = new ArrayList<>();
        for (File jar : UpwellFramework.jars(property, builtByThisReactor)) {
            bundles.add(bundle(jar.toURI().toString()).startLevel(startLevel).start());
        }
        return composite(bundles.toArray(new Option[0]));
    }

    /** A port nothing listens on now; Jetty takes it moments later. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port for HTTP", e);
        }
    }
}
