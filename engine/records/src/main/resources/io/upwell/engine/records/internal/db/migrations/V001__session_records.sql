-- Version 1 of the session records schema.
-- Every statement ends with a semicolon at the end of a line; ${TEXT}, ${BINARY} and ${TIMESTAMP} are
-- the dialect's unbounded text, binary and time-zoned timestamp types. Each statement may run again
-- (IF NOT EXISTS): H2 commits DDL at once, so a start interrupted halfway through finishes the script
-- the next time.

-- One row per session: who, what, when and how it finished; the rest of the header as JSON.
CREATE TABLE IF NOT EXISTS upwell_session (
    session_id        VARCHAR(128)  NOT NULL PRIMARY KEY,
    station           VARCHAR(300)  NOT NULL,
    client_id         VARCHAR(200)  NOT NULL,
    operator_name     VARCHAR(200)  NOT NULL,
    technique_id      VARCHAR(200)  NOT NULL,
    technique_version VARCHAR(64)   NOT NULL,
    started_at        ${TIMESTAMP}  NOT NULL,
    ended_at          ${TIMESTAMP}  NOT NULL,
    program_seconds   DOUBLE PRECISION NOT NULL,
    outcome           VARCHAR(16)   NOT NULL,
    reason            VARCHAR(2000) NOT NULL,
    alarm_count       INTEGER       NOT NULL,
    journal_format    INTEGER       NOT NULL,
    detail            ${TEXT}       NOT NULL,
    delivered_at      ${TIMESTAMP}  NOT NULL
);
CREATE INDEX IF NOT EXISTS upwell_session_client ON upwell_session (client_id, started_at);
CREATE INDEX IF NOT EXISTS upwell_session_started ON upwell_session (started_at);
CREATE INDEX IF NOT EXISTS upwell_session_technique ON upwell_session (technique_id, started_at);

-- One row per cup: where it sat, its limit, peak and exposure. The client is repeated here so that the
-- over-treatment guard's question (this client, this site, since when) reads one index.
CREATE TABLE IF NOT EXISTS upwell_session_cup (
    session_id       VARCHAR(128)  NOT NULL REFERENCES upwell_session (session_id),
    cup              INTEGER       NOT NULL,
    client_id        VARCHAR(200)  NOT NULL,
    device_id        VARCHAR(200)  NOT NULL,
    channel          INTEGER       NOT NULL,
    site             VARCHAR(100)  NOT NULL,
    site_label       VARCHAR(300)  NOT NULL,
    zone             INTEGER,
    overrides        ${TEXT}       NOT NULL,
    limit_kpa        DOUBLE PRECISION NOT NULL,
    limit_set_by     VARCHAR(500)  NOT NULL,
    peak_kpa         DOUBLE PRECISION,
    exposure_seconds DOUBLE PRECISION NOT NULL,
    kpa_seconds      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (session_id, cup)
);
CREATE INDEX IF NOT EXISTS upwell_cup_client_site ON upwell_session_cup (client_id, site);
CREATE INDEX IF NOT EXISTS upwell_cup_device ON upwell_session_cup (device_id);
CREATE INDEX IF NOT EXISTS upwell_cup_site ON upwell_session_cup (site);

-- Every alarm a session raised, with its acknowledgement.
CREATE TABLE IF NOT EXISTS upwell_session_alarm (
    session_id      VARCHAR(128)  NOT NULL REFERENCES upwell_session (session_id),
    seq             INTEGER       NOT NULL,
    raised_at       ${TIMESTAMP}  NOT NULL,
    priority        VARCHAR(16)   NOT NULL,
    condition_name  VARCHAR(64)   NOT NULL,
    requirement     VARCHAR(16)   NOT NULL,
    device_id       VARCHAR(200)  NOT NULL,
    channel         INTEGER       NOT NULL,
    message         VARCHAR(2000) NOT NULL,
    latched         BOOLEAN       NOT NULL,
    acknowledged_at ${TIMESTAMP},
    acknowledged_by VARCHAR(200),
    PRIMARY KEY (session_id, seq)
);
CREATE INDEX IF NOT EXISTS upwell_alarm_condition ON upwell_session_alarm (condition_name);

-- The sample trace, one compressed block per cup (TraceCodec): a 30-minute session at 10 Hz is 18000
-- samples a cup, which as rows would make a clinic's database grow by millions of rows a day.
CREATE TABLE IF NOT EXISTS upwell_session_trace (
    session_id VARCHAR(128) NOT NULL REFERENCES upwell_session (session_id),
    cup        INTEGER      NOT NULL,
    samples    INTEGER      NOT NULL,
    encoding   INTEGER      NOT NULL,
    data       ${BINARY}    NOT NULL,
    PRIMARY KEY (session_id, cup)
);
