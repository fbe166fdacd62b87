package io.upwell.launcher.itest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.ops4j.pax.exam.Option;

/**
 * {@link UpwellFramework} with its HTTP server on: Felix HTTP on a free port of the loopback
 * interface, the access bundle's {@code upwell} context in front of the REST API, as in the
 * application's shell.
 */
public final class RestFramework {

    private RestFramework() {
    }

    public static Option[] options() {
        return UpwellFramework.options(freePort());
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
