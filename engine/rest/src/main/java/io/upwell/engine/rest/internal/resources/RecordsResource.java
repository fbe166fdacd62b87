package io.upwell.engine.rest.internal.resources;

import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.RecordsException;
import io.upwell.api.records.RecordsService;
import io.upwell.api.records.SessionRecord;
import io.upwell.engine.records.report.RecordsExport;
import io.upwell.engine.records.report.SessionReport;
import io.upwell.engine.rest.internal.http.ApiException;
import io.upwell.engine.rest.internal.http.Exchange;
import io.upwell.engine.rest.internal.http.FieldError;
import io.upwell.engine.rest.internal.http.Route;
import io.upwell.engine.rest.internal.http.Texts;
import io.upwell.engine.rest.internal.json.JsonInput;
import java.io.IOException;
import java.io.StringWriter;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * The session records: search, one record with its trace, and the files the shell's {@code records}
 * command writes (JSON or CSV export, the printable HTML report with its pressure chart). 503 while the
 * records bundle does not serve them or the database cannot be read.
 */
final class RecordsResource {

    /** The query parameters of a search. */
    static final Set<String> QUERY = Set.of("client", "site", "from", "to", "device", "technique", "limit");

    private final EngineServices engine;

    RecordsResource(EngineServices engine) {
        this.engine = engine;
    }

    List<Route> routes() {
        return List.of(
                new Route("GET", "/api/records", "listRecords", this::list),
                new Route("GET", "/api/records/{id}", "getRecord", this::get),
                new Route("GET", "/api/records/{id}/export", "exportRecord", this::export),
                new Route("GET", "/api/records/{id}/report", "reportRecord", this::report));
    }

    static RecordsService records(EngineServices engine) {
        return engine.records().orElseThrow(() -> ApiException.unavailable(
                "the session records are not available: the records bundle does not serve them"));
    }

    static ApiException unreadable(RecordsException e) {
        return ApiException.unavailable("the session records cannot be read now: " + e.getMessage());
    }

    /** A search from the query string: {@code client}, {@code site}, {@code from}, {@code to} (ISO-8601), ... */
    static RecordQuery query(Exchange exchange) {
        JsonInput input = new JsonInput();
        String limitText = exchange.query("limit", QUERY);
        int limit = RecordQuery.DEFAULT_LIMIT;
        if (limitText != null) {
            Integer parsed = input.integer(new com.google.gson.JsonPrimitive(number(limitText)), "limit", 1,
                    RecordQuery.MAX_LIMIT);
            input.throwIfFailed("the query");
            limit = parsed;
        }
        try {
            return new RecordQuery(exchange.query("client", QUERY), exchange.query("site", QUERY),
                    exchange.query("from", QUERY), exchange.query("to", QUERY), exchange.query("device", QUERY),
                    exchange.query("technique", QUERY), limit);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("from") && !e.getMessage().contains(": to") ? "from" : "to";
            throw ApiException.badRequest(e.getMessage(), List.of(new FieldError(field, e.getMessage())));
        }
    }

    private static Number number(String text) {
        try {
            return new java.math.BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("limit", "must be a whole number, got " + Texts.quoted(text));
        }
    }

    private void list(Exchange exchange) throws IOException {
        RecordQuery query = query(exchange);
        try {
            exchange.json(200, records(engine).find(query));
        } catch (RecordsException e) {
            throw unreadable(e);
        }
    }

    private SessionRecord record(Exchange exchange) {
        String id = exchange.parameter("id");
        try {
            return records(engine).session(id).orElseThrow(() -> ApiException.notFound("no session "
                    + Texts.quoted(id) + " is in the records (a session reaches them once it has ended)"));
        } catch (RecordsException e) {
            throw unreadable(e);
        }
    }

    private void get(Exchange exchange) throws IOException {
        exchange.json(200, record(exchange));
    }

    /** {@code ?format=json} (the default) or {@code csv} (the sample trace, one row per sample). */
    private void export(Exchange exchange) throws IOException {
        String format = exchange.query("format", Set.of("format"));
        if (format == null) {
            format = "json";
        }
        if (!format.equals("json") && !format.equals("csv")) {
            throw ApiException.badRequest("format", "must be json or csv, got " + Texts.quoted(format));
        }
        SessionRecord record = record(exchange);
        StringWriter out = new StringWriter();
        String name = record.summary().sessionId() + "." + format;
        if (format.equals("csv")) {
            RecordsExport.traceCsv(record, out);
            exchange.attachment("text/csv", name, out.toString());
        } else {
            RecordsExport.json(record, out);
            exchange.attachment(Exchange.JSON, name, out.toString());
        }
    }

    /** The printable report; times in {@code ?zone=} (an IANA zone such as {@code Europe/Lisbon}) or the server's. */
    private void report(Exchange exchange) throws IOException {
        String zoneText = exchange.query("zone", Set.of("zone"));
        ZoneId zone;
        try {
            zone = zoneText == null ? ZoneId.systemDefault() : ZoneId.of(zoneText);
        } catch (DateTimeException e) {
            throw ApiException.badRequest("zone", "not a time zone: " + Texts.quoted(zoneText)
                    + "; give an IANA name such as Europe/Lisbon, or UTC");
        }
        SessionRecord record = record(exchange);
        exchange.text(200, "text/html", SessionReport.html(record, zone));
    }
}
