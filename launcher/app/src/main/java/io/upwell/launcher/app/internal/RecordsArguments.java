package io.upwell.launcher.app.internal;

import io.upwell.api.records.RecordQuery;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code records list|show|export|report|status} and their options, checked. A date is a day
 * ({@code 2026-11-24}, in the machine's time zone: {@code --from} its start, {@code --to} its end) or
 * an instant ({@code 2026-11-24T09:30:00Z}).
 *
 * @param action  list, show, export, report or status
 * @param id      the session for show, report and export of one session; null otherwise
 * @param query   the filter for list and export of many
 * @param format  csv or json, for export
 * @param out     the file export and report write
 */
record RecordsArguments(String action, String id, RecordQuery query, String format, Path out) {

    static final String USAGE = "records list [--client ID] [--site SITE] [--from DATE] [--to DATE] [--device ID]"
            + " [--technique ID] [--limit N] | records show ID | records export ID|FILTER --format csv|json --out FILE"
            + " | records report ID --out FILE.html | records status";

    /**
     * @throws IllegalArgumentException naming the word that is wrong and what would be right
     */
    static RecordsArguments parse(List<String> words, ZoneId zone) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("what about the records? usage: " + USAGE);
        }
        String action = words.get(0);
        List<String> rest = words.subList(1, words.size());
        switch (action) {
            case "list":
                return new RecordsArguments(action, null, filter(rest, zone, false).query, null, null);
            case "status":
                if (!rest.isEmpty()) {
                    throw new IllegalArgumentException("status takes no arguments, got " + rest);
                }
                return new RecordsArguments(action, null, null, null, null);
            case "show":
                if (rest.size() != 1 || rest.get(0).startsWith("--")) {
                    throw new IllegalArgumentException("show takes one session id: records show ID");
                }
                return new RecordsArguments(action, rest.get(0), null, null, null);
            case "report": {
                Parsed parsed = filter(rest, zone, true);
                if (parsed.id == null || parsed.filtered) {
                    throw new IllegalArgumentException("report takes one session id: records report ID --out FILE.html");
                }
                if (parsed.out == null) {
                    throw new IllegalArgumentException("report needs --out FILE.html");
                }
                return new RecordsArguments(action, parsed.id, null, null, parsed.out);
            }
            case "export": {
                Parsed parsed = filter(rest, zone, true);
                if (parsed.format == null) {
                    throw new IllegalArgumentException("export needs --format csv or --format json");
                }
                if (parsed.out == null) {
                    throw new IllegalArgumentException("export needs --out FILE");
                }
                if (parsed.id != null && parsed.filtered) {
                    throw new IllegalArgumentException("export takes a session id or a filter, not both");
                }
                return new RecordsArguments(action, parsed.id, parsed.query, parsed.format, parsed.out);
            }
            default:
                throw new IllegalArgumentException("unknown records action '" + action + "'; usage: " + USAGE);
        }
    }

    private static final class Parsed {
        RecordQuery query = RecordQuery.all();
        boolean filtered;
        String id;
        String format;
        Path out;
    }

    private static Parsed filter(List<String> words, ZoneId zone, boolean fileOptions) {
        Parsed parsed = new Parsed();
        List<String> loose = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (!word.startsWith("--")) {
                loose.add(word);
                continue;
            }
            if (i + 1 >= words.size()) {
                throw new IllegalArgumentException(word + " needs a value");
            }
            String value = words.get(++i);
            switch (word) {
                case "--client" -> parsed.query = parsed.query.withClient(value);
                case "--site" -> parsed.query = parsed.query.withSite(value);
                case "--device" -> parsed.query = parsed.query.withDevice(value);
                case "--technique" -> parsed.query = parsed.query.withTechnique(value);
                case "--from" -> parsed.query = parsed.query.withFrom(instant(word, value, zone, false));
                case "--to" -> parsed.query = parsed.query.withTo(instant(word, value, zone, true));
                case "--limit" -> parsed.query = parsed.query.withLimit(count(value));
                case "--format" -> {
                    requireFileOption(word, fileOptions);
                    if (!value.equals("csv") && !value.equals("json")) {
                        throw new IllegalArgumentException("--format must be csv or json, got '" + value + "'");
                    }
                    parsed.format = value;
                }
                case "--out" -> {
                    requireFileOption(word, fileOptions);
                    parsed.out = Path.of(value);
                }
                default -> throw new IllegalArgumentException("unknown option " + word + "; usage: " + USAGE);
            }
            if (!word.equals("--format") && !word.equals("--out")) {
                parsed.filtered = true;
            }
        }
        if (!fileOptions && !loose.isEmpty()) {
            throw new IllegalArgumentException("unexpected '" + loose.get(0) + "'; options start with --");
        }
        if (loose.size() > 1) {
            throw new IllegalArgumentException("one session id at most, got " + loose);
        }
        parsed.id = loose.isEmpty() ? null : loose.get(0);
        return parsed;
    }

    private static void requireFileOption(String word, boolean allowed) {
        if (!allowed) {
            throw new IllegalArgumentException(word + " belongs to export and report");
        }
    }

    private static int count(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--limit must be a whole number, got '" + value + "'");
        }
    }

    /** A day (its start, or for {@code --to} the start of the next day) or an instant. */
    static Instant instant(String option, String value, ZoneId zone, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(option + " must be a day such as 2026-11-24 or an instant such as"
                    + " 2026-11-24T09:30:00Z, got '" + value + "'");
        }
    }
}
