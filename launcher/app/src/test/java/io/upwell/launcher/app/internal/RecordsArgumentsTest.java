package io.upwell.launcher.app.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.upwell.api.records.RecordQuery;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordsArgumentsTest {
    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    private static RecordsArguments parse(String line) {
        return RecordsArguments.parse(List.of(line.split(" ")), LISBON);
    }

    private static String refusal(String line) {
        return assertThrows(IllegalArgumentException.class, () -> parse(line)).getMessage();
    }

    @Test
    void listTakesEveryFilterAndDaysInTheMachinesZone() {
        RecordsArguments list = parse("list --client C-17 --site upper-back/left --from 2026-07-01 --to 2026-07-31"
                + " --device sim-1 --technique static-cupping --limit 20");
        assertEquals(new RecordQuery("C-17", "upper-back/left", "2026-06-30T23:00:00Z", "2026-07-31T23:00:00Z", "sim-1",
                "static-cupping", 20), list.query(), "--to names the last day: up to its end");
        assertEquals(RecordQuery.all(), parse("list").query());
        assertEquals("2026-07-01T09:30:00Z", parse("list --from 2026-07-01T09:30:00Z").query().from());
    }

    @Test
    void exportTakesOneSessionOrAFilter() {
        RecordsArguments one = parse("export s-1 --format csv --out /tmp/s-1.csv");
        assertEquals("s-1", one.id());
        assertEquals("csv", one.format());
        assertEquals(Path.of("/tmp/s-1.csv"), one.out());
        RecordsArguments many = parse("export --client C-1 --format json --out all.json");
        assertNull(many.id());
        assertEquals("C-1", many.query().clientId());
    }

    @Test
    void showReportAndStatus() {
        assertEquals("s-1", parse("show s-1").id());
        assertEquals(Path.of("r.html"), parse("report s-1 --out r.html").out());
        assertEquals("status", parse("status").action());
    }

    @Test
    void whatIsWrongIsNamed() {
        assertEquals("--format must be csv or json, got 'xml'", refusal("export s-1 --format xml --out f"));
        assertEquals("export needs --out FILE", refusal("export s-1 --format csv"));
        assertEquals("export needs --format csv or --format json", refusal("export s-1 --out f"));
        assertEquals("export takes a session id or a filter, not both",
                refusal("export s-1 --client C-1 --format csv --out f"));
        assertEquals("--from must be a day such as 2026-11-24 or an instant such as 2026-11-24T09:30:00Z, got"
                + " '24.11.2026'", refusal("list --from 24.11.2026"));
        assertEquals("records query: from (2026-07-02T23:00:00Z) must be before to (2026-07-01T23:00:00Z)",
                refusal("list --from 2026-07-03 --to 2026-07-01"));
        assertEquals("records query: limit must be 1 to 10000, got 0", refusal("list --limit 0"));
        assertEquals("--limit must be a whole number, got 'many'", refusal("list --limit many"));
        assertEquals("--client needs a value", refusal("list --client"));
        assertEquals("unexpected 's-1'; options start with --", refusal("list s-1"));
        assertEquals("show takes one session id: records show ID", refusal("show"));
        assertEquals("report needs --out FILE.html", refusal("report s-1"));
        assertEquals("--out belongs to export and report", refusal("list --out x"));
        assertEquals("unknown records action 'delete'; usage: " + RecordsArguments.USAGE, refusal("delete s-1"));
    }
}
