package io.upwell.engine.records.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** The records' configuration (PID {@code io.upwell.records}); without one, records go to embedded H2. */
@ObjectClassDefinition(id = RecordsConfig.PID, name = "Upwell session records",
        description = "Where session records are kept. Empty url: an embedded H2 database in the engine's data directory"
                + " (records/upwell-records.mv.db). A jdbc:postgresql: URL: a PostgreSQL server, which the stations of a"
                + " clinic can share.")
public @interface RecordsConfig {

    String PID = "io.upwell.records";

    @AttributeDefinition(description = "JDBC URL: empty for the embedded H2 database, jdbc:postgresql://host:5432/db for"
            + " PostgreSQL, or jdbc:h2:... for an H2 database elsewhere.")
    String url() default "";

    @AttributeDefinition(description = "Database user (PostgreSQL).")
    String user() default "";

    @AttributeDefinition(description = "Database password (PostgreSQL); never logged.", type = AttributeType.PASSWORD)
    String password() default "";

    @AttributeDefinition(description = "This station's name in every record it delivers; empty for the host name.")
    String station() default "";

    @AttributeDefinition(description = "Most database connections open at once (1..32).")
    int poolSize() default 4;

    @AttributeDefinition(description = "Longest wait between delivery attempts while the database cannot be reached,"
            + " seconds (1..3600).")
    long retryMaxSeconds() default 30;
}
