package io.upwell.engine.records.internal.db;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import io.upwell.api.records.AlarmRecord;
import io.upwell.api.records.CupRecord;
import io.upwell.api.records.OverTreatmentRecord;
import io.upwell.api.records.Outcome;
import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.ScreeningRecord;
import io.upwell.api.records.SessionEvent;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.SiteExposure;
import io.upwell.api.records.SiteTreatment;
import io.upwell.api.records.TraceSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Session records in the database: written once per session in one transaction, and read back.
 * Everything here runs on the caller's thread and may wait for the database.
 */
public final class RecordStore {

    /** Where a delivery may be cut short, for tests of a crash between journal and database. */
    public interface Interruption {
        Interruption NONE = step -> {
        };

        /** Called inside the transaction after each step; throwing aborts the delivery there. */
        void after(String step) throws SQLException;
    }

    /** What {@link #insert} did. */
    public enum Insert {
        /** The session was written. */
        WRITTEN,
        /** The database had it already: nothing was written. */
        ALREADY_PRESENT
    }

    /** The parts of a record that live as JSON in {@code upwell_session.detail}. */
    record Detail(String program, String module, String origin, double plannedSeconds,
            int intensity, Map<String, String> parameters, Map<String, Double> limits, ScreeningRecord screening,
            List<SessionEvent> events, long droppedSamples, int unreadableLines, OverTreatmentRecord overTreatment) {
    }

    private static final int IN_BATCH = 500;
    private static final String UNIQUE_VIOLATION = "23505";

    private final Database database;
    private final Gson gson = new Gson();
    private final Interruption interruption;

    public RecordStore(Database database) {
        this(database, Interruption.NONE);
    }

    public RecordStore(Database database, Interruption interruption) {
        this.database = database;
        this.interruption = interruption;
    }

    public Database database() {
        return database;
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes the session, its cups, alarms and trace in one transaction, unless the database has the
     * session already: a delivery repeated after a crash writes nothing twice.
     */
    public Insert insert(SessionRecord record) throws SQLException {
        try (Connection connection = database.connection()) {
            connection.setAutoCommit(false);
            try {
                if (exists(connection, record.summary().sessionId())) {
                    connection.rollback();
                    return Insert.ALREADY_PRESENT;
                }
                insertSession(connection, record);
                interruption.after("session");
                insertCups(connection, record);
                interruption.after("cups");
                insertAlarms(connection, record);
                interruption.after("alarms");
                insertTrace(connection, record);
                interruption.after("trace");
                connection.commit();
                return Insert.WRITTEN;
            } catch (SQLException e) {
                connection.rollback();
                if (UNIQUE_VIOLATION.equals(e.getSQLState()) && exists(connection, record.summary().sessionId())) {
                    return Insert.ALREADY_PRESENT; // written meanwhile by another delivery of the same journal
                }
                throw e;
            } catch (RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    private static boolean exists(Connection connection, String sessionId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT 1 FROM upwell_session WHERE session_id = ?")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private void insertSession(Connection connection, SessionRecord record) throws SQLException {
        SessionSummary s = record.summary();
        Detail detail = new Detail(record.program(), record.module(), record.origin(),
                record.plannedSeconds(), record.intensity(), record.parameters(), record.limits(), record.screening(),
                record.events(), record.droppedSamples(), record.unreadableLines(), record.overTreatment());
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO upwell_session (session_id, station,"
                + " client_id, operator_name, technique_id, technique_version, started_at, ended_at, program_seconds,"
                + " outcome, reason, alarm_count, journal_format, detail, delivered_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, s.sessionId());
            insert.setString(2, s.station());
            insert.setString(3, s.clientId());
            insert.setString(4, s.operator());
            insert.setString(5, s.techniqueId());
            insert.setString(6, s.techniqueVersion());
            insert.setObject(7, utc(s.startedInstant()));
            insert.setObject(8, utc(s.endedInstant()));
            insert.setDouble(9, s.programSeconds());
            insert.setString(10, s.outcome().name());
            insert.setString(11, s.reason());
            insert.setInt(12, s.alarms());
            insert.setInt(13, record.journalFormat());
            insert.setString(14, gson.toJson(detail));
            insert.setObject(15, utc(Instant.now()));
            insert.executeUpdate();
        }
    }

    private void insertCups(Connection connection, SessionRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO upwell_session_cup (session_id, cup,"
                + " client_id, device_id, channel, site, site_label, zone, overrides, limit_kpa, limit_set_by, peak_kpa,"
                + " exposure_seconds, kpa_seconds, simulated) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CupRecord cup : record.cups()) {
                insert.setString(1, record.summary().sessionId());
                insert.setInt(2, cup.cup());
                insert.setString(3, record.summary().clientId());
                insert.setString(4, cup.deviceId());
                insert.setInt(5, cup.channel());
                insert.setString(6, cup.site());
                insert.setString(7, cup.siteLabel());
                if (cup.zone() == null) {
                    insert.setNull(8, Types.INTEGER);
                } else {
                    insert.setInt(8, cup.zone());
                }
                insert.setString(9, gson.toJson(cup.overrides()));
                insert.setDouble(10, cup.limitKpa());
                insert.setString(11, cup.limitSetBy());
                if (cup.peakKpa() == null) {
                    insert.setNull(12, Types.DOUBLE);
                } else {
                    insert.setDouble(12, cup.peakKpa());
                }
                insert.setDouble(13, cup.exposureSeconds());
                insert.setDouble(14, cup.kpaSeconds());
                if (cup.simulated() == null) {
                    insert.setNull(15, Types.BOOLEAN);
                } else {
                    insert.setBoolean(15, cup.simulated());
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertAlarms(Connection connection, SessionRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO upwell_session_alarm (session_id, seq,"
                + " raised_at, priority, condition_name, requirement, device_id, channel, message, latched,"
                + " acknowledged_at, acknowledged_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            int seq = 0;
            for (AlarmRecord alarm : record.alarms()) {
                insert.setString(1, record.summary().sessionId());
                insert.setInt(2, seq++);
                insert.setObject(3, utc(Instant.parse(alarm.raisedAt())));
                insert.setString(4, alarm.priority());
                insert.setString(5, alarm.condition());
                insert.setString(6, alarm.requirement());
                insert.setString(7, alarm.deviceId());
                insert.setInt(8, alarm.channel());
                insert.setString(9, alarm.message());
                insert.setBoolean(10, alarm.latched());
                insert.setObject(11, alarm.acknowledgedAt() == null ? null : utc(Instant.parse(alarm.acknowledgedAt())),
                        Types.TIMESTAMP_WITH_TIMEZONE);
                insert.setString(12, alarm.acknowledgedBy());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void insertTrace(Connection connection, SessionRecord record) throws SQLException {
        Map<Integer, List<TraceSample>> byCup = new TreeMap<>();
        for (TraceSample sample : record.trace()) {
            byCup.computeIfAbsent(sample.cup(), cup -> new ArrayList<>()).add(sample);
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO upwell_session_trace (session_id, cup,"
                + " samples, encoding, data) VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<Integer, List<TraceSample>> cup : byCup.entrySet()) {
                insert.setString(1, record.summary().sessionId());
                insert.setInt(2, cup.getKey());
                insert.setInt(3, cup.getValue().size());
                insert.setInt(4, TraceCodec.ENCODING);
                insert.setBytes(5, TraceCodec.encode(cup.getValue()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    // ---------------------------------------------------------------- reading

    /** Which of these sessions the database has. */
    public Set<String> present(Collection<String> sessionIds) throws SQLException {
        Set<String> present = new TreeSet<>();
        List<String> ids = List.copyOf(sessionIds);
        try (Connection connection = database.connection()) {
            for (int from = 0; from < ids.size(); from += IN_BATCH) {
                List<String> batch = ids.subList(from, Math.min(ids.size(), from + IN_BATCH));
                try (PreparedStatement query = connection.prepareStatement(
                        "SELECT session_id FROM upwell_session WHERE session_id IN (" + marks(batch.size()) + ")")) {
                    for (int i = 0; i < batch.size(); i++) {
                        query.setString(i + 1, batch.get(i));
                    }
                    try (ResultSet rows = query.executeQuery()) {
                        while (rows.next()) {
                            present.add(rows.getString(1));
                        }
                    }
                }
            }
        }
        return present;
    }

    public List<SessionSummary> find(RecordQuery query) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT session_id, station, client_id, operator_name, technique_id,"
                + " technique_version, started_at, ended_at, program_seconds, outcome, reason, alarm_count"
                + " FROM upwell_session s WHERE 1 = 1");
        List<Object> values = new ArrayList<>();
        if (query.clientId() != null) {
            sql.append(" AND s.client_id = ?");
            values.add(query.clientId());
        }
        if (query.techniqueId() != null) {
            sql.append(" AND s.technique_id = ?");
            values.add(query.techniqueId());
        }
        if (query.from() != null) {
            sql.append(" AND s.started_at >= ?");
            values.add(utc(query.fromInstant()));
        }
        if (query.to() != null) {
            sql.append(" AND s.started_at < ?");
            values.add(utc(query.toInstant()));
        }
        if (query.siteKey() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM upwell_session_cup c WHERE c.session_id = s.session_id"
                    + " AND c.site = ?)");
            values.add(query.siteKey());
        }
        if (query.deviceId() != null) {
            sql.append(" AND EXISTS (SELECT 1 FROM upwell_session_cup c WHERE c.session_id = s.session_id"
                    + " AND c.device_id = ?)");
            values.add(query.deviceId());
        }
        sql.append(" ORDER BY s.started_at DESC, s.session_id DESC FETCH FIRST ").append(query.limit())
                .append(" ROWS ONLY");
        try (Connection connection = database.connection()) {
            List<SessionRow> rows = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                try (ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(SessionRow.read(result));
                    }
                }
            }
            Map<String, List<CupPlace>> places = places(connection, rows.stream().map(SessionRow::sessionId).toList());
            return rows.stream().map(row -> row.summary(places.getOrDefault(row.sessionId(), List.of()))).toList();
        }
    }

    public Optional<SessionRecord> session(String sessionId) throws SQLException {
        try (Connection connection = database.connection()) {
            SessionRow row;
            String detailJson;
            int journalFormat;
            try (PreparedStatement query = connection.prepareStatement("SELECT session_id, station, client_id,"
                    + " operator_name, technique_id, technique_version, started_at, ended_at, program_seconds, outcome,"
                    + " reason, alarm_count, detail, journal_format FROM upwell_session WHERE session_id = ?")) {
                query.setString(1, sessionId);
                try (ResultSet result = query.executeQuery()) {
                    if (!result.next()) {
                        return Optional.empty();
                    }
                    row = SessionRow.read(result);
                    detailJson = result.getString("detail");
                    journalFormat = result.getInt("journal_format");
                }
            }
            List<CupRecord> cups = cups(connection, sessionId);
            List<CupPlace> places = cups.stream().map(c -> new CupPlace(c.cup(), c.deviceId(), c.site())).toList();
            Detail detail = gson.fromJson(detailJson, Detail.class);
            return Optional.of(new SessionRecord(row.summary(places), detail.program(), detail.module(),
                    detail.origin(), detail.plannedSeconds(), detail.intensity(), detail.parameters(), detail.limits(),
                    cups, detail.screening(), alarms(connection, sessionId),
                    detail.events() == null ? List.of() : detail.events(), trace(connection, sessionId), journalFormat,
                    detail.droppedSamples(), detail.unreadableLines(), detail.overTreatment()));
        }
    }

    public List<SiteTreatment> siteHistory(String clientId, String site, Instant since) throws SQLException {
        Map<String, SiteTreatmentBuilder> bySession = new LinkedHashMap<>();
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT s.session_id, s.station, s.started_at,"
                        + " s.ended_at, s.outcome, c.device_id, c.exposure_seconds, c.kpa_seconds, c.peak_kpa"
                        + " FROM upwell_session_cup c JOIN upwell_session s ON s.session_id = c.session_id"
                        + " WHERE c.client_id = ? AND c.site = ? AND s.ended_at >= ?"
                        + " ORDER BY s.ended_at DESC, s.session_id DESC, c.cup")) {
            query.setString(1, clientId);
            query.setString(2, site);
            query.setObject(3, utc(since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    SiteTreatmentBuilder treatment = bySession.computeIfAbsent(id, key -> new SiteTreatmentBuilder());
                    treatment.sessionId = id;
                    treatment.station = rows.getString(2);
                    treatment.startedAt = instant(rows, 3);
                    treatment.endedAt = instant(rows, 4);
                    treatment.outcome = Outcome.valueOf(rows.getString(5));
                    treatment.devices.add(rows.getString(6));
                    treatment.exposureSeconds += rows.getDouble(7);
                    treatment.kpaSeconds += rows.getDouble(8);
                    double peak = rows.getDouble(9);
                    if (!rows.wasNull()) {
                        treatment.peakKpa = treatment.peakKpa == null ? peak : Math.max(treatment.peakKpa, peak);
                    }
                }
            }
        }
        return bySession.values().stream().map(t -> new SiteTreatment(t.sessionId, t.station, clientId, site,
                List.copyOf(new TreeSet<>(t.devices)), t.startedAt.toString(), t.endedAt.toString(), t.outcome,
                t.exposureSeconds, t.kpaSeconds, t.peakKpa)).toList();
    }

    /** One cup of a recorded session as the treatment history (SR-15) needs it. */
    public record TreatedCup(String sessionId, String station, String deviceId, String site, Instant startedAt,
            Instant endedAt, double programSeconds) {
    }

    /**
     * The client's cups on devices not known to be simulated, in sessions that ended at or after
     * {@code since}, on every station that shares this database. A cup recorded before the database
     * kept whether its device was simulated counts as real: when in doubt, a treatment.
     */
    public List<TreatedCup> treatedCups(String clientId, Instant since) throws SQLException {
        List<TreatedCup> cups = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT s.session_id, s.station, c.device_id,"
                        + " c.site, s.started_at, s.ended_at, s.program_seconds"
                        + " FROM upwell_session_cup c JOIN upwell_session s ON s.session_id = c.session_id"
                        + " WHERE c.client_id = ? AND s.ended_at >= ? AND (c.simulated IS NULL OR c.simulated = FALSE)"
                        + " ORDER BY s.ended_at DESC, s.session_id, c.cup")) {
            query.setString(1, clientId);
            query.setObject(2, utc(since));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    cups.add(new TreatedCup(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                            instant(rows, 5), instant(rows, 6), rows.getDouble(7)));
                }
            }
        }
        return cups;
    }

    public List<SiteExposure> exposure(String clientId, Instant from, Instant to) throws SQLException {
        List<SiteExposure> exposures = new ArrayList<>();
        try (Connection connection = database.connection();
                PreparedStatement query = connection.prepareStatement("SELECT c.site, COUNT(DISTINCT c.session_id),"
                        + " SUM(c.exposure_seconds), SUM(c.kpa_seconds)"
                        + " FROM upwell_session_cup c JOIN upwell_session s ON s.session_id = c.session_id"
                        + " WHERE c.client_id = ? AND s.started_at >= ? AND s.started_at < ?"
                        + " GROUP BY c.site ORDER BY c.site")) {
            query.setString(1, clientId);
            query.setObject(2, utc(from));
            query.setObject(3, utc(to));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    exposures.add(new SiteExposure(clientId, rows.getString(1), rows.getInt(2), rows.getDouble(3),
                            rows.getDouble(4)));
                }
            }
        }
        return exposures;
    }

    private List<CupRecord> cups(Connection connection, String sessionId) throws SQLException {
        List<CupRecord> cups = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT cup, device_id, channel, site, site_label,"
                + " zone, overrides, limit_kpa, limit_set_by, peak_kpa, exposure_seconds, kpa_seconds, simulated"
                + " FROM upwell_session_cup WHERE session_id = ? ORDER BY cup")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    int zone = rows.getInt(6);
                    Integer zoneOrNull = rows.wasNull() ? null : zone;
                    Map<String, String> overrides = gson.fromJson(rows.getString(7),
                            new TypeToken<Map<String, String>>() { }.getType());
                    double peak = rows.getDouble(10);
                    Double peakOrNull = rows.wasNull() ? null : peak;
                    boolean simulated = rows.getBoolean(13);
                    Boolean simulatedOrNull = rows.wasNull() ? null : simulated;
                    cups.add(new CupRecord(rows.getInt(1), rows.getString(2), rows.getInt(3), rows.getString(4),
                            rows.getString(5), zoneOrNull, overrides, rows.getDouble(8), rows.getString(9), peakOrNull,
                            rows.getDouble(11), rows.getDouble(12), simulatedOrNull));
                }
            }
        }
        return cups;
    }

    private static List<AlarmRecord> alarms(Connection connection, String sessionId) throws SQLException {
        List<AlarmRecord> alarms = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT raised_at, priority, condition_name,"
                + " requirement, device_id, channel, message, latched, acknowledged_at, acknowledged_by"
                + " FROM upwell_session_alarm WHERE session_id = ? ORDER BY seq")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Instant acknowledged = instant(rows, 9);
                    alarms.add(new AlarmRecord(instant(rows, 1).toString(), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getInt(6), rows.getString(7), rows.getBoolean(8),
                            acknowledged == null ? null : acknowledged.toString(), rows.getString(10)));
                }
            }
        }
        return alarms;
    }

    private static List<TraceSample> trace(Connection connection, String sessionId) throws SQLException {
        List<TraceSample> trace = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT cup, encoding, data FROM upwell_session_trace"
                + " WHERE session_id = ? ORDER BY cup")) {
            query.setString(1, sessionId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    trace.addAll(TraceCodec.decode(rows.getInt(1), rows.getInt(2), rows.getBytes(3)));
                }
            }
        }
        // The journal interleaves cups sample by sample; the blocks are per cup: back to time order.
        trace.sort(Comparator.comparingDouble(TraceSample::seconds).thenComparingInt(TraceSample::cup));
        return trace;
    }

    /** Device and site of every cup of these sessions. */
    private static Map<String, List<CupPlace>> places(Connection connection, List<String> sessionIds)
            throws SQLException {
        Map<String, List<CupPlace>> places = new LinkedHashMap<>();
        for (int from = 0; from < sessionIds.size(); from += IN_BATCH) {
            List<String> batch = sessionIds.subList(from, Math.min(sessionIds.size(), from + IN_BATCH));
            try (PreparedStatement query = connection.prepareStatement("SELECT session_id, cup, device_id, site"
                    + " FROM upwell_session_cup WHERE session_id IN (" + marks(batch.size()) + ") ORDER BY session_id, cup")) {
                for (int i = 0; i < batch.size(); i++) {
                    query.setString(i + 1, batch.get(i));
                }
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        places.computeIfAbsent(rows.getString(1), id -> new ArrayList<>())
                                .add(new CupPlace(rows.getInt(2), rows.getString(3), rows.getString(4)));
                    }
                }
            }
        }
        return places;
    }

    private record CupPlace(int cup, String deviceId, String site) {
    }

    private record SessionRow(String sessionId, String station, String clientId, String operator, String techniqueId,
            String techniqueVersion, Instant startedAt, Instant endedAt, double programSeconds, Outcome outcome,
            String reason, int alarms) {

        static SessionRow read(ResultSet rows) throws SQLException {
            return new SessionRow(rows.getString("session_id"), rows.getString("station"), rows.getString("client_id"),
                    rows.getString("operator_name"), rows.getString("technique_id"),
                    rows.getString("technique_version"), instant(rows, "started_at"), instant(rows, "ended_at"),
                    rows.getDouble("program_seconds"), Outcome.valueOf(rows.getString("outcome")),
                    rows.getString("reason"), rows.getInt("alarm_count"));
        }

        SessionSummary summary(List<CupPlace> places) {
            Set<String> devices = new TreeSet<>();
            Set<String> sites = new LinkedHashSet<>();
            for (CupPlace place : places) {
                devices.add(place.deviceId());
                sites.add(place.site());
            }
            return new SessionSummary(sessionId, station, clientId, operator, techniqueId, techniqueVersion,
                    List.copyOf(devices), List.copyOf(sites), startedAt.toString(), endedAt.toString(), programSeconds,
                    outcome, reason, alarms);
        }
    }

    private static final class SiteTreatmentBuilder {
        String sessionId;
        String station;
        Instant startedAt;
        Instant endedAt;
        Outcome outcome;
        final Set<String> devices = new TreeSet<>();
        double exposureSeconds;
        double kpaSeconds;
        Double peakKpa;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
