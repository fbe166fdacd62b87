package io.upwell.engine.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionService;
import io.upwell.api.time.Clock;
import io.upwell.devices.simulator.SimulatedDevice;
import io.upwell.devices.simulator.Simulators;
import io.upwell.engine.core.internal.safety.AlarmBook;
import io.upwell.engine.core.internal.safety.SafetyLatch;
import io.upwell.engine.core.internal.settings.EngineSettings;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceFactory;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * The engine in OSGi, against a framework the test plays: its configuration read and checked, its
 * services registered only once it runs and withdrawn when it stops, and the whiteboard handed on.
 */
class EngineComponentTest {
    @TempDir
    Path dir;

    /** A registration the component made, and whether it was withdrawn. */
    static final class Registration {
        /** The service's class names, as registered. */
        final List<String> names;
        final Object service;
        final Map<String, Object> properties = new HashMap<>();
        volatile boolean unregistered;

        Registration(Object classes, Object service, Dictionary<?, ?> properties) {
            this.names = classes instanceof String[] many ? List.of(many) : List.of(((Class<?>) classes).getName());
            this.service = service;
            for (var keys = properties.keys(); keys.hasMoreElements(); ) {
                Object key = keys.nextElement();
                this.properties.put((String) key, properties.get(key));
            }
        }
    }

    final List<Registration> registrations = new CopyOnWriteArrayList<>();
    String dataDirectoryProperty;
    int systemBundleState = Bundle.ACTIVE;
    final List<EngineComponent> components = new ArrayList<>();
    final List<EngineRuntime.Launched> launched = new ArrayList<>();

    @AfterEach
    void tearDown() {
        components.forEach(EngineComponent::deactivate);
        launched.forEach(EngineRuntime.Launched::close);
    }

    /** The configuration with the given attributes changed, every other at its default. */
    static EngineConfig config(Map<String, Object> changed) {
        return (EngineConfig) Proxy.newProxyInstance(EngineConfig.class.getClassLoader(),
                new Class<?>[] {EngineConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class || method.getName().equals("annotationType")) {
                        return switch (method.getName()) {
                            case "annotationType" -> EngineConfig.class;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "EngineConfig" + changed;
                        };
                    }
                    return changed.containsKey(method.getName()) ? changed.get(method.getName())
                            : method.getDefaultValue();
                });
    }

    private EngineConfig virtualIn(Path directory) {
        return config(Map.of("clock", "virtual", "dataDirectory", directory.toString()));
    }

    private BundleContext context() {
        Bundle systemBundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(),
                new Class<?>[] {Bundle.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getState" -> systemBundleState;
                    case "hashCode" -> 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (BundleContext) Proxy.newProxyInstance(BundleContext.class.getClassLoader(),
                new Class<?>[] {BundleContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getProperty" -> EngineProperties.DATA_DIRECTORY_PROPERTY.equals(args[0])
                            ? dataDirectoryProperty : null;
                    case "getBundle" -> {
                        assertEquals(org.osgi.framework.Constants.SYSTEM_BUNDLE_ID, args[0]);
                        yield systemBundle;
                    }
                    case "registerService" -> {
                        Registration r = new Registration(args[0], args[1], (Dictionary<?, ?>) args[2]);
                        registrations.add(r);
                        yield Proxy.newProxyInstance(ServiceRegistration.class.getClassLoader(),
                                new Class<?>[] {ServiceRegistration.class}, (p, m, a) -> {
                                    if (m.getName().equals("unregister")) {
                                        r.unregistered = true;
                                        return null;
                                    }
                                    throw new UnsupportedOperationException(m.getName());
                                });
                    }
                    case "hashCode" -> 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private EngineComponent component(EngineConfig config) {
        EngineComponent component = new EngineComponent(config, context());
        components.add(component);
        return component;
    }

    private List<Registration> live() {
        return registrations.stream().filter(r -> !r.unregistered).toList();
    }

    private Registration live(Class<?> type) {
        List<Registration> found = live().stream().filter(r -> r.names.contains(type.getName())).toList();
        assertEquals(1, found.size(), "one live registration of " + type.getSimpleName() + ": " + registrations);
        return found.get(0);
    }

    private Clock publishedClock() {
        return (Clock) live(Clock.class).service;
    }

    /** The engine as a bundle that provides no plugin sees it through the published service. */
    @SuppressWarnings("unchecked")
    private SessionService sessionServiceFor(Bundle bundle) {
        Registration r = live(SessionService.class);
        return ((ServiceFactory<SessionService>) r.service).getService(bundle, null);
    }

    private static Bundle anOperatorsBundle() {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getRegisteredServices" -> null;
                    case "getSymbolicName" -> "com.example.console";
                    case "hashCode" -> 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    // ---------------------------------------------------------------- the configuration

    @Test
    @Tag("SR-17")
    void everyConfiguredValueReachesTheSettings() {
        Map<String, Object> values = new HashMap<>();
        values.put("clock", " virtual ");
        values.put("dataDirectory", dir.toString());
        values.put("controlRateHz", 100);
        values.put("rampLimitKpaPerSecond", 8.0);
        values.put("rampOutKpaPerSecond", 12.0);
        values.put("dwellLimitSeconds", 600L);
        values.put("dwellThresholdKpa", 6.0);
        values.put("sessionGraceSeconds", 30L);
        values.put("maxSessionMinutes", 45L);
        values.put("leakThresholdKpa", 3.0);
        values.put("leakDelaySeconds", 5.0);
        values.put("frozenSensorSeconds", 3.0);
        values.put("lateTickThresholdMillis", 5L);
        values.put("maxConsecutiveLateTicks", 4);
        values.put("watchdogTimeoutMillis", 300L);
        values.put("pluginCallTimeoutMillis", 1500L);
        values.put("journalSampleRateHz", 20);
        values.put("journalFlushMillis", 400L);
        values.put("connectRetryMillis", 2000L);
        EngineSettings expected = EngineSettings.builder(dir.toAbsolutePath()).virtualClock(true).controlRateHz(100)
                .rampLimitKpaPerSecond(8).rampOutKpaPerSecond(12).dwellLimitSeconds(600).dwellThresholdKpa(6)
                .sessionGraceSeconds(30).maxSessionMinutes(45).leakThresholdKpa(3).leakDelaySeconds(5)
                .frozenSensorSeconds(3).lateTickThresholdMillis(5).maxConsecutiveLateTicks(4)
                .watchdogTimeoutMillis(300).pluginCallTimeoutMillis(1500).journalSampleRateHz(20)
                .journalFlushMillis(400).connectRetryMillis(2000).build();
        assertEquals(expected, EngineComponent.settings(config(values), "/elsewhere"));
    }

    @Test
    void theClockIsSystemOrVirtualAndNothingElse() {
        assertFalse(EngineComponent.settings(config(Map.of("clock", "system")), null).virtualClock());
        assertTrue(EngineComponent.settings(config(Map.of("clock", "virtual")), null).virtualClock());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> EngineComponent.settings(config(Map.of("clock", "sundial")), null));
        assertEquals("clock: must be 'system' or 'virtual', got 'sundial'", wrong.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> EngineComponent.settings(config(Map.of("clock", "Virtual")), null));
    }

    @Test
    void theFrameworksDataDirectoryIsUsedOnlyWhenTheConfigurationKeepsTheDefault() {
        Path byDefault = Path.of(EngineSettings.DEFAULT_DATA_DIRECTORY).toAbsolutePath();
        String framework = dir.resolve("from-framework").toString();
        assertEquals(Path.of(framework), EngineComponent.settings(config(Map.of()), framework).dataDirectory());
        assertEquals(byDefault, EngineComponent.settings(config(Map.of()), null).dataDirectory());
        assertEquals(byDefault, EngineComponent.settings(config(Map.of()), "  ").dataDirectory(),
                "a blank property names no directory");
        Path configured = dir.resolve("configured");
        assertEquals(configured, EngineComponent.settings(config(Map.of("dataDirectory", configured.toString())),
                framework).dataDirectory(), "a configured directory wins over the framework's");
    }

    @Test
    @Tag("SR-17")
    void aBootConfigurationThatDoesNotCheckOutStopsTheEngineFromStartingWithTheSettingNamed() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new EngineComponent(config(Map.of("controlRateHz", 5000)), context()));
        assertTrue(refused.getMessage().startsWith("configuration io.upwell.engine rejected, the engine does not"
                + " start: controlRateHz"), refused.getMessage());
        assertEquals(List.of(), registrations);
    }

    // ---------------------------------------------------------------- services

    @Test
    void theRunningEngineIsPublishedAsAGuardedSessionServiceAndItsClockAndWithdrawnOnDeactivation() {
        EngineComponent component = component(virtualIn(dir));
        assertEquals(List.of(), registrations, "nothing is published before the engine runs");
        component.activate();
        Registration clock = live(Clock.class);
        Registration session = live(SessionService.class);
        assertEquals(EngineProperties.CLOCK_VIRTUAL, clock.properties.get(EngineProperties.CLOCK));
        assertEquals(EngineProperties.CLOCK_VIRTUAL, session.properties.get(EngineProperties.CLOCK));
        assertEquals(dir.toAbsolutePath().toString(), session.properties.get(EngineProperties.DATA_DIRECTORY),
                "the records bundle finds the journal through this property");
        assertTrue(publishedClock().isVirtual());
        SessionService seen = sessionServiceFor(anOperatorsBundle());
        assertInstanceOf(PluginGuardedSessionService.class, seen, "each bundle gets a guarded view (SR-18)");
        assertEquals(List.of(SessionService.class.getName(), io.upwell.api.session.EngineStatus.class.getName(),
                io.upwell.api.session.EngineControl.class.getName()), session.names,
                "the same guarded view is the read-only status and the control, for access to map onto");
        assertFalse(seen.latched());

        components.remove(component);
        component.deactivate();
        assertEquals(List.of(), live(), "both services withdrawn");
    }

    @Test
    void aVirtualEnginesTimeRunsByItselfAndStopsWithIt() {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        EngineRuntime.Launched engine = EngineComponent.launch(
                EngineSettings.defaults(dir, true), new SafetyLatch(), new AlarmBook(java.time.Instant.now()));
        List<Thread> runners = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.getName().equals("upwell-virtual-time")).toList();
        assertEquals(1, runners.size(), "one runner drives virtual time");
        Clock clock = engine.engine().clock();
        assertTrue(clock.isVirtual());
        long start = clock.nanoTime();
        EngineFixture.await("virtual time moves with no one advancing it", () -> clock.nanoTime() > start);
        EngineFixture.await("the started engine's loop ticks on it", () -> engine.engine().loopStatistics().ticks() > 0);
        engine.close();
        assertFalse(runners.get(0).isAlive(), "time stopped with the engine");
        SessionException stopped = assertThrows(SessionException.class,
                () -> engine.engine().start(EngineFixture.request(1, Map.of())));
        assertTrue(stopped.getMessage().startsWith("the engine is not running"), "the engine was closed too");
    }

    @Test
    void aSystemClockEngineRunsItsControlLoopOnTheWall() {
        EngineRuntime.Launched engine = EngineComponent.launch(EngineSettings.defaults(dir, false),
                new SafetyLatch(), new AlarmBook(java.time.Instant.now()));
        launched.add(engine);
        assertFalse(engine.engine().clock().isVirtual());
        EngineFixture.await("the control loop ticks", () -> engine.engine().loopStatistics().ticks() > 2);
        assertTrue(engine.engine().watchdog() != null);
    }

    @Test
    void aSystemClockEngineIsPublishedAsSystem() {
        EngineComponent component = component(config(Map.of("clock", "system", "dataDirectory", dir.toString())));
        component.activate();
        assertEquals(EngineProperties.CLOCK_SYSTEM, live(Clock.class).properties.get(EngineProperties.CLOCK));
        assertEquals(EngineProperties.CLOCK_SYSTEM,
                live(SessionService.class).properties.get(EngineProperties.CLOCK));
        assertFalse(publishedClock().isVirtual());
    }

    @Test
    void anEngineThatCannotStartIsOneLineNamingTheCause() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "not a directory");
        EngineComponent component = new EngineComponent(virtualIn(file), context());
        IllegalStateException failed = assertThrows(IllegalStateException.class, component::activate);
        assertTrue(failed.getMessage().startsWith("the engine could not start: journal data directory"),
                failed.getMessage());
        assertEquals(List.of(), registrations);
    }

    @Test
    @Tag("SR-17")
    void aChangedConfigurationReplacesTheEngineAndItsServices() {
        EngineComponent component = component(virtualIn(dir));
        component.activate();
        Clock first = publishedClock();
        component.modified(config(Map.of("clock", "virtual", "dataDirectory", dir.toString(),
                "maxSessionMinutes", 30L)));
        Clock second = publishedClock();
        assertNotSame(first, second, "a new engine with a new clock is published");
        assertEquals(6, registrations.size(),
                "each engine publishes its Clock, SessionService and PreviewService: " + names(registrations));
        component.modified(config(Map.of("clock", "sundial", "dataDirectory", dir.toString())));
        assertSame(second, publishedClock(), "a bad change leaves the engine as it was");
    }

    // ---------------------------------------------------------------- the whiteboard

    @Test
    void driversAndTechniquesReachTheEngineAndLeaveIt() {
        EngineComponent component = component(virtualIn(dir));
        component.activate();
        SessionService engine = sessionServiceFor(anOperatorsBundle());
        SimulatedDevice simulator = Simulators.create();
        component.addDriver(simulator);
        EngineFixture.await("the simulator is ready", () -> engine.devices().stream()
                .anyMatch(d -> d.state() == DeviceState.READY));
        ScriptedTechnique technique = new ScriptedTechnique(EngineFixture::holdProgram);
        component.addTechnique(technique, reference("test.module"));
        EngineFixture.await("the technique is described", () -> !engine.techniques().isEmpty());

        component.removeTechnique(technique);
        assertEquals(List.of(), engine.techniques());
        component.removeDriver(simulator);
        assertEquals(List.of(), engine.devices());
        assertEquals(3, live().size(),
                "the engine runs on (its Clock, SessionService and PreviewService): the framework is not stopping");
    }

    @Test
    void listenersAreToldAndThenNoLonger() {
        EngineComponent component = component(virtualIn(dir));
        component.activate();
        List<String> heard = new CopyOnWriteArrayList<>();
        io.upwell.api.session.EngineListener listener = new io.upwell.api.session.EngineListener() {
            @Override
            public void deviceChanged(String deviceId, DeviceState from, DeviceState to, String reason) {
                heard.add(deviceId + " " + to);
            }
        };
        component.addListener(listener);
        SimulatedDevice simulator = Simulators.create();
        component.addDriver(simulator);
        EngineFixture.await("the listener heard the device become ready",
                () -> heard.contains(simulator.deviceId() + " READY"));
        component.removeListener(listener);
        int heardBefore = heard.size();
        component.removeDriver(simulator);
        component.addDriver(Simulators.create());
        SessionService engine = sessionServiceFor(anOperatorsBundle());
        EngineFixture.await("the device is back", () -> engine.devices().stream()
                .anyMatch(d -> d.state() == DeviceState.READY));
        component.deactivate();
        components.remove(component);
        assertEquals(heardBefore, heard.size(), "nothing after removal: " + heard);
    }

    @Test
    void whenTheFrameworkStopsALeavingPluginStopsTheEngineFirst() {
        EngineComponent component = component(virtualIn(dir));
        component.activate();
        SimulatedDevice simulator = Simulators.create();
        component.addDriver(simulator);
        systemBundleState = Bundle.STOPPING;
        component.removeDriver(simulator);
        assertEquals(List.of(), live(), "the engine stopped and withdrew its services");
    }

    @Test
    void whenTheFrameworkStopsALeavingTechniqueStopsTheEngineFirst() {
        EngineComponent component = component(virtualIn(dir));
        component.activate();
        ScriptedTechnique technique = new ScriptedTechnique(EngineFixture::holdProgram);
        component.addTechnique(technique, reference("test.module"));
        systemBundleState = Bundle.STOPPING;
        component.removeTechnique(technique);
        assertEquals(List.of(), live());
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<io.upwell.api.technique.Technique> reference(String module) {
        Bundle bundle = (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getSymbolicName" -> module;
                    case "getVersion" -> new org.osgi.framework.Version(1, 2, 3);
                    case "hashCode" -> 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (ServiceReference<io.upwell.api.technique.Technique>) Proxy.newProxyInstance(
                ServiceReference.class.getClassLoader(), new Class<?>[] {ServiceReference.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "getProperty" -> null; // no upwell.technique.origin: a technique written in Java
                    case "hashCode" -> 0;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    static String names(List<Registration> registrations) {
        return registrations.stream().map(r -> r.names.stream().map(n -> n.substring(n.lastIndexOf('.') + 1))
                .collect(Collectors.joining("+"))).collect(Collectors.joining(","));
    }
}
