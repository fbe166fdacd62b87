package io.upwell.launcher.app.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Whether and where this run serves HTTP, from the options before the command:
 * {@code java -jar upwell.jar [--http-port N] [--http-host ADDRESS] [--https-port N --keystore FILE
 * [--keystore-type TYPE]] [--no-http] [command ...]}.
 * <p>
 * The shell (no command) serves HTTP on 127.0.0.1:8080 unless told otherwise; every other command
 * serves nothing unless an HTTP option is given, so that a demo or a {@code records} run never fails
 * because the port is taken. Port 0 picks a free port. A keystore turns HTTPS on (port 8443 unless
 * given) and plain HTTP off unless {@code --http-port} asks for it too; its password comes from the
 * environment ({@value #KEYSTORE_PASSWORD_VARIABLE}), never from the command line.
 * <p>
 * The result is a set of Felix HTTP's own framework properties, which the launcher sets as system
 * properties before the HTTP bundle starts ({@link LaunchActivator}); one already set with {@code -D}
 * wins, and a configuration of PID {@code org.apache.felix.http} wins over both.
 */
final class HttpSettings {

    static final String HTTP_PORT_OPTION = "--http-port";
    static final String HTTP_HOST_OPTION = "--http-host";
    static final String HTTPS_PORT_OPTION = "--https-port";
    static final String KEYSTORE_OPTION = "--keystore";
    static final String KEYSTORE_TYPE_OPTION = "--keystore-type";
    static final String NO_HTTP_OPTION = "--no-http";

    static final String KEYSTORE_PASSWORD_VARIABLE = "UPWELL_KEYSTORE_PASSWORD";
    static final String KEY_PASSWORD_VARIABLE = "UPWELL_KEY_PASSWORD";

    // Felix HTTP's framework properties
    static final String HOST = "org.apache.felix.http.host";
    static final String HTTP_ENABLE = "org.apache.felix.http.enable";
    static final String HTTP_PORT = "org.osgi.service.http.port";
    static final String HTTPS_ENABLE = "org.apache.felix.https.enable";
    static final String HTTPS_PORT = "org.osgi.service.http.port.secure";
    static final String KEYSTORE = "org.apache.felix.https.keystore";
    static final String KEYSTORE_PASSWORD = "org.apache.felix.https.keystore.password";
    static final String KEY_PASSWORD = "org.apache.felix.https.keystore.key.password";
    static final String KEYSTORE_TYPE = "org.apache.felix.https.keystore.type";
    /** Felix HTTP's logger: quiet when this run serves nothing (it warns that it did not start). */
    static final String QUIET_HTTP_LOG = "org.slf4j.simpleLogger.log.org.apache.felix.http";

    static final String DEFAULT_HOST = "127.0.0.1";
    static final int DEFAULT_HTTP_PORT = 8080;
    static final int DEFAULT_HTTPS_PORT = 8443;

    static final String USAGE = "[--http-port N] [--http-host ADDRESS] [--https-port N --keystore FILE"
            + " [--keystore-type TYPE]] [--no-http]";

    /** The same parse for the whole run: made by {@link LaunchActivator}, read by {@link Main}. */
    private static volatile Decision launch;

    /**
     * What the options decide.
     *
     * @param command the arguments after the options: the command and its own arguments
     * @param properties the system properties to set where not set already
     * @param serving whether this run serves HTTP or HTTPS
     * @param error what is wrong with the options (the run ends with a usage error), or null
     */
    record Decision(List<String> command, Map<String, String> properties, boolean serving, String error) {

        /** The address people open: {@code http://127.0.0.1:8080/} (HTTPS when both are on). */
        String url() {
            boolean tls = "true".equals(properties.get(HTTPS_ENABLE));
            String host = properties.getOrDefault(HOST, DEFAULT_HOST);
            String port = tls ? properties.get(HTTPS_PORT) : properties.get(HTTP_PORT);
            return (tls ? "https" : "http") + "://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + "/";
        }
    }

    private HttpSettings() {
    }

    static void remember(Decision decision) {
        launch = decision;
    }

    /** The decision {@link LaunchActivator} made for this run; decided now when it made none (an embedding). */
    static Decision forThisRun(List<String> arguments) {
        Decision decision = launch;
        return decision != null ? decision : decide(arguments, System::getProperty, System::getenv, HttpSettings::freePort);
    }

    /** Sets each property not set already; {@code -D} on the command line wins. */
    static void apply(Decision decision) {
        decision.properties().forEach((name, value) -> {
            if (System.getProperty(name) == null) {
                System.setProperty(name, value);
            }
        });
    }

    /**
     * @param systemProperty what is set already (a {@code -D} wins over the options' defaults)
     * @param environment where the keystore password is
     * @param freePort a free port on the given address, for port 0
     */
    static Decision decide(List<String> arguments, Function<String, String> systemProperty,
            Function<String, String> environment, Function<String, Integer> freePort) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean noHttp = false;
        int index = 0;
        while (index < arguments.size() && arguments.get(index).startsWith("--")) {
            String option = arguments.get(index);
            if (option.equals(NO_HTTP_OPTION)) {
                noHttp = true;
                index++;
                continue;
            }
            if (!List.of(HTTP_PORT_OPTION, HTTP_HOST_OPTION, HTTPS_PORT_OPTION, KEYSTORE_OPTION, KEYSTORE_TYPE_OPTION)
                    .contains(option)) {
                break; // a command's own option (demo --virtual is never first, but stay safe)
            }
            if (index + 1 >= arguments.size()) {
                return error(arguments, option + " needs a value");
            }
            options.put(option, arguments.get(index + 1));
            index += 2;
        }
        List<String> command = List.copyOf(arguments.subList(index, arguments.size()));
        Map<String, String> properties = new LinkedHashMap<>();
        boolean asked = !options.isEmpty();
        boolean serving = !noHttp && (command.isEmpty() || asked);
        if (noHttp && asked) {
            return error(command, NO_HTTP_OPTION + " cannot be combined with " + String.join(", ", options.keySet()));
        }
        if (!serving) {
            properties.put(HTTP_ENABLE, "false");
            properties.put(HTTPS_ENABLE, "false");
            properties.put(QUIET_HTTP_LOG, "error");
            return new Decision(command, properties, false, null);
        }
        String host = options.getOrDefault(HTTP_HOST_OPTION, orDefault(systemProperty.apply(HOST), DEFAULT_HOST));
        try {
            InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            return error(command, HTTP_HOST_OPTION + " " + host + " is not an address of this machine's");
        }
        properties.put(HOST, host);
        boolean tls = options.containsKey(KEYSTORE_OPTION) || options.containsKey(HTTPS_PORT_OPTION);
        boolean plain = !tls || options.containsKey(HTTP_PORT_OPTION);
        if (plain) {
            Integer port = port(options.get(HTTP_PORT_OPTION), systemProperty.apply(HTTP_PORT), DEFAULT_HTTP_PORT);
            if (port == null) {
                return error(command, HTTP_PORT_OPTION + " " + options.get(HTTP_PORT_OPTION)
                        + " is not a port (0 to 65535; 0 picks a free one)");
            }
            properties.put(HTTP_ENABLE, "true");
            properties.put(HTTP_PORT, Integer.toString(port == 0 ? freePort.apply(host) : port));
        } else {
            properties.put(HTTP_ENABLE, "false");
        }
        if (tls) {
            String problem = tls(options, systemProperty, environment, freePort, host, properties);
            if (problem != null) {
                return error(command, problem);
            }
        } else {
            properties.put(HTTPS_ENABLE, "false");
        }
        return new Decision(command, properties, true, null);
    }

    private static String tls(Map<String, String> options, Function<String, String> systemProperty,
            Function<String, String> environment, Function<String, Integer> freePort, String host,
            Map<String, String> properties) {
        String keystore = options.get(KEYSTORE_OPTION);
        if (keystore == null) {
            return HTTPS_PORT_OPTION + " needs " + KEYSTORE_OPTION + " FILE (the server's key and certificate)";
        }
        Path file = Path.of(keystore).toAbsolutePath();
        if (!Files.isReadable(file)) {
            return KEYSTORE_OPTION + " " + file + " is not a readable file";
        }
        String password = orDefault(environment.apply(KEYSTORE_PASSWORD_VARIABLE), systemProperty.apply(KEYSTORE_PASSWORD));
        if (password == null) {
            return "the keystore's password is missing: set the environment variable " + KEYSTORE_PASSWORD_VARIABLE;
        }
        Integer port = port(options.get(HTTPS_PORT_OPTION), systemProperty.apply(HTTPS_PORT), DEFAULT_HTTPS_PORT);
        if (port == null) {
            return HTTPS_PORT_OPTION + " " + options.get(HTTPS_PORT_OPTION)
                    + " is not a port (0 to 65535; 0 picks a free one)";
        }
        properties.put(HTTPS_ENABLE, "true");
        properties.put(HTTPS_PORT, Integer.toString(port == 0 ? freePort.apply(host) : port));
        properties.put(KEYSTORE, file.toString());
        properties.put(KEYSTORE_PASSWORD, password);
        properties.put(KEY_PASSWORD, orDefault(environment.apply(KEY_PASSWORD_VARIABLE), password));
        properties.put(KEYSTORE_TYPE, options.getOrDefault(KEYSTORE_TYPE_OPTION, typeOf(file)));
        return null;
    }

    /** PKCS12 for .p12 and .pfx, JKS for .jks, the JDK's default (PKCS12) otherwise. */
    static String typeOf(Path keystore) {
        String name = keystore.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jks") ? "JKS" : "PKCS12";
    }

    private static Integer port(String option, String property, int fallback) {
        String text = option != null ? option : property;
        if (text == null) {
            return fallback;
        }
        try {
            int port = Integer.parseInt(text.trim());
            return port >= 0 && port <= 65535 ? port : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Decision error(List<String> command, String problem) {
        Map<String, String> off = new LinkedHashMap<>();
        off.put(HTTP_ENABLE, "false");
        off.put(HTTPS_ENABLE, "false");
        off.put(QUIET_HTTP_LOG, "error");
        return new Decision(new ArrayList<>(command), off, false, problem);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    /** A port nothing listens on now at {@code host}: the system picks it, the socket is closed at once. */
    static int freePort(String host) {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("cannot find a free port on " + host + ": " + e.getMessage(), e);
        }
    }
}
