package io.upwell.engine.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.upwell.engine.records.internal.db.DatabaseSettings;
import io.upwell.engine.records.internal.db.Dialect;
import java.lang.reflect.Proxy;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsSettingsTest {

    /** The configuration with the given attributes changed, every other at its default. */
    static RecordsConfig config(Map<String, Object> changed) {
        return (RecordsConfig) Proxy.newProxyInstance(RecordsConfig.class.getClassLoader(),
                new Class<?>[] {RecordsConfig.class}, (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class || method.getName().equals("annotationType")) {
                        return switch (method.getName()) {
                            case "annotationType" -> RecordsConfig.class;
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == args[0];
                            default -> "RecordsConfig" + changed;
                        };
                    }
                    return changed.containsKey(method.getName()) ? changed.get(method.getName())
                            : method.getDefaultValue();
                });
    }

    private static String refusal(Map<String, Object> changed) {
        return assertThrows(IllegalArgumentException.class, () -> RecordsSettings.from(config(changed))).getMessage();
    }

    @Test
    void withoutAConfigurationTheRecordsGoToTheEmbeddedDatabase() {
        RecordsSettings settings = RecordsSettings.from(config(Map.of()));
        assertNull(settings.database());
        assertEquals(4, settings.poolSize());
        assertEquals(30, settings.retryMaxSeconds());
        assertFalse(settings.station().isBlank(), "the host name names the station");
    }

    @Test
    void aPostgresUrlWithCredentialsIsTaken() {
        RecordsSettings settings = RecordsSettings.from(config(Map.of("url", " jdbc:postgresql://db.clinic:5432/upwell ",
                "user", "upwell", "password", "s3cret", "station", "room-2")));
        assertEquals(new DatabaseSettings("jdbc:postgresql://db.clinic:5432/upwell", "upwell", "s3cret", 4),
                settings.database());
        assertEquals(Dialect.POSTGRESQL, settings.database().dialect());
        assertEquals("room-2", settings.station());
    }

    @Test
    void anUnknownKindOfDatabaseIsRefusedNamingTheSettingAndTheKindsThatWork() {
        assertEquals("url: must start with jdbc:postgresql: (a PostgreSQL server) or jdbc:h2: (an embedded H2 file), got"
                + " 'jdbc:mysql://db/upwell'", refusal(Map.of("url", "jdbc:mysql://db/upwell")));
        assertEquals("url: must start with jdbc:postgresql: (a PostgreSQL server) or jdbc:h2: (an embedded H2 file), got"
                + " 'postgres://db/upwell'", refusal(Map.of("url", "postgres://db/upwell")));
    }

    @Test
    void aPasswordInTheUrlIsNeverShown() {
        String refused = refusal(Map.of("url", "jdbc:mysql://db/upwell?user=u&password=hunter2&ssl=true"));
        assertEquals("url: must start with jdbc:postgresql: (a PostgreSQL server) or jdbc:h2: (an embedded H2 file), got"
                + " 'jdbc:mysql://db/upwell?user=u&password=***&ssl=true'", refused);
        DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db/upwell?password=hunter2", "u", "Zebra-42", 2);
        assertEquals("jdbc:postgresql://db/upwell?password=*** as u", settings.toString());
        assertFalse(settings.toString().contains("Zebra-42"));
        assertFalse(settings.shownUrl().contains("hunter2"));
    }

    @Test
    void numbersOutOfTheirRangeAreRefusedNamingTheSetting() {
        assertEquals("poolSize: must be 1 to 32, got 0", refusal(Map.of("poolSize", 0)));
        assertEquals("poolSize: must be 1 to 32, got 33", refusal(Map.of("poolSize", 33)));
        assertEquals("retryMaxSeconds: must be 1 to 3600, got 0", refusal(Map.of("retryMaxSeconds", 0L)));
        assertEquals("retryMaxSeconds: must be 1 to 3600, got 86400", refusal(Map.of("retryMaxSeconds", 86400L)));
    }

    @Test
    void credentialsWithoutAUrlAreRefused() {
        assertEquals("user/password: set only with a url; the embedded database needs none",
                refusal(Map.of("user", "upwell")));
    }

    @Test
    void theComponentRefusesABadConfigurationNamingItsPid() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> new RecordsComponent(config(Map.of("url", "jdbc:oracle:thin:@db", "password", "hunter2")), null));
        assertEquals("configuration io.upwell.records rejected, session records are not kept in a database (the journal"
                + " still holds them): url: must start with jdbc:postgresql: (a PostgreSQL server) or jdbc:h2: (an"
                + " embedded H2 file), got 'jdbc:oracle:thin:@db'", refused.getMessage());
    }
}
