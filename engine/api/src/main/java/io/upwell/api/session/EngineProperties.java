package io.upwell.api.session;

/**
 * The names an integrator needs to find and configure the engine, written once.
 * <p>
 * The engine registers {@link SessionService} and {@link io.upwell.api.time.Clock} with the
 * service property {@link #CLOCK} set to {@link #CLOCK_SYSTEM} or {@link #CLOCK_VIRTUAL}, so a
 * front end can pick the real engine and a preview can pick a virtual one. Its configuration lives
 * under {@link #CONFIGURATION_PID} in Configuration Admin; its Declarative Services component has
 * the same name, which is where a failed start can be read (its activation failure names the cause).
 */
public final class EngineProperties {

    /** Configuration Admin PID of the engine, and the name of its DS component. */
    public static final String CONFIGURATION_PID = "io.upwell.engine";

    /**
     * Framework (or system) property: the engine's data directory when its configuration does not
     * name another than the default, for a launcher or an embedding process that decides where
     * records go.
     */
    public static final String DATA_DIRECTORY_PROPERTY = "upwell.data";

    /**
     * Service property on the engine's services: the engine's data directory, as an absolute path,
     * where its journal (and, by default, the session records' database) lives.
     */
    public static final String DATA_DIRECTORY = "upwell.dataDirectory";

    /** Service property on the engine's services: which clock the engine runs on. */
    public static final String CLOCK = "upwell.clock";

    /** {@link #CLOCK} value of an engine on real time. */
    public static final String CLOCK_SYSTEM = "system";

    /** {@link #CLOCK} value of an engine on virtual time (tests, previews, {@code demo --virtual}). */
    public static final String CLOCK_VIRTUAL = "virtual";

    /**
     * Service property a module may set on a {@code Technique} service: where the technique came from,
     * for example the path of the program file it was read from. Without it the origin is
     * {@code "bundle"}.
     */
    public static final String TECHNIQUE_ORIGIN = "upwell.technique.origin";

    private EngineProperties() {
    }
}
