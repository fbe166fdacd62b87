package io.upwell.launcher.app.internal;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code connect} and {@code disconnect}: a serial device for the engine, by the Configuration Admin
 * factory configuration of its driver (one per device, named after its id), so that a therapist can
 * reach a real device from the shell. The driver checks the configuration and performs the
 * handshake; {@code devices} shows the device once it is READY, or why not.
 */
@Component(service = DeviceCommands.class, property = {
        "osgi.command.scope=" + EngineCommands.SCOPE,
        "osgi.command.function=connect",
        "osgi.command.function=disconnect" })
public final class DeviceCommands {

    static final String USAGE = "connect <interval-vacuum|magnetic-cups> <port> [id=<device id>] [baud=N]"
            + " [channels=N] [unit-id=N]";

    private final ConfigurationAdmin admin;

    @Activate
    public DeviceCommands(@Reference ConfigurationAdmin admin) {
        this.admin = admin;
    }

    @Descriptor("connect a serial device: " + USAGE + "; e.g. connect magnetic-cups /dev/ttyUSB0 id=mc-1")
    public void connect(@Descriptor("driver, port, then name=value options") String... words) {
        run("connect", () -> {
            Map<String, Object> wanted = configuration(List.of(words));
            DemoDriver driver = DemoDriver.of(words[0]);
            String id = String.valueOf(wanted.get("deviceId"));
            DeviceConfiguration.Applied applied = DeviceConfiguration.apply(admin, driver.factoryPid(), id,
                    "connect", wanted);
            out().println((applied.reused() ? "device " + id + " is already configured" : "device " + id
                    + " configured") + ": " + driver + " on " + wanted.get("port") + " (configuration "
                    + applied.pid() + "); 'devices' shows it once its handshake has passed");
        });
    }

    @Descriptor("disconnect a serial device connected with 'connect': disconnect <device id>")
    public void disconnect(@Descriptor("the device id") String... words) {
        run("disconnect", () -> {
            if (words.length != 1) {
                throw new IllegalArgumentException("usage: disconnect <device id>");
            }
            for (DemoDriver driver : DemoDriver.values()) {
                Configuration[] found = admin.listConfigurations("(&(service.factoryPid=" + driver.factoryPid()
                        + ")(deviceId=" + escape(words[0]) + "))");
                if (found != null) {
                    for (Configuration configuration : found) {
                        String pid = configuration.getPid(); // not readable once deleted
                        configuration.delete();
                        out().println("device " + words[0] + " disconnected (configuration " + pid
                                + " removed); the engine vents it as its driver leaves");
                    }
                    return;
                }
            }
            throw new IllegalArgumentException("no serial device '" + words[0] + "' is configured");
        });
    }

    /**
     * The driver's configuration from the command line, checked here for what the shell can tell (a
     * port that does not exist, malformed numbers); the driver checks the rest when it applies it.
     */
    static Map<String, Object> configuration(List<String> words) {
        if (words.size() < 2) {
            throw new IllegalArgumentException("expected a driver and a port; usage: " + USAGE);
        }
        DemoDriver driver = DemoDriver.of(words.get(0));
        Path port = Path.of(words.get(1));
        if (!Files.exists(port)) {
            throw new IllegalArgumentException("port " + port + " does not exist; give the device's path, such as"
                    + " /dev/ttyUSB0 or /dev/serial/by-id/...");
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("deviceId", driver.deviceId());
        properties.put("port", port.toString());
        properties.put("baud", driver.defaultBaud());
        properties.put("channels", SerialDemoArguments.DEFAULT_CHANNELS);
        if (driver.addressed()) {
            properties.put("unitId", SerialDemoArguments.DEFAULT_UNIT_ID);
        }
        for (String option : words.subList(2, words.size())) {
            int equals = option.indexOf('=');
            if (equals <= 0 || equals == option.length() - 1) {
                throw new IllegalArgumentException("option '" + option + "' is not name=value; usage: " + USAGE);
            }
            String name = option.substring(0, equals);
            String value = option.substring(equals + 1);
            switch (name) {
                case "id" -> {
                    if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
                        throw new IllegalArgumentException("id '" + value + "': letters, digits, '.', '_' and '-'"
                                + " only, at most 64");
                    }
                    properties.put("deviceId", value);
                }
                case "baud" -> properties.put("baud", positive(name, value));
                case "channels" -> properties.put("channels", positive(name, value));
                case "unit-id" -> {
                    if (!driver.addressed()) {
                        throw new IllegalArgumentException("unit-id: " + driver + " has no address on its line");
                    }
                    properties.put("unitId", positive(name, value));
                }
                default -> throw new IllegalArgumentException("unknown option '" + name + "'; usage: " + USAGE);
            }
        }
        return properties;
    }

    private static int positive(String name, String value) {
        try {
            int number = Integer.parseInt(value.trim());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // named below
        }
        throw new IllegalArgumentException(name + " '" + value + "' is not a positive whole number");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\5c").replace("*", "\\2a").replace("(", "\\28").replace(")", "\\29");
    }

    private interface Action {
        void run() throws IOException, InvalidSyntaxException;
    }

    private static void run(String command, Action action) {
        try {
            action.run();
        } catch (IOException | InvalidSyntaxException | RuntimeException e) {
            out().println(command + ": " + InteractiveShell.oneLine(e));
        }
    }

    private static PrintStream out() {
        return Terminal.utf8(System.out);
    }
}
