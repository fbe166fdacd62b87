/**
 * Session records: every finished session in a relational database, searchable by client, body
 * site, date, device and technique, each with its whole sample trace.
 * <p>
 * The engine's journal stays the crash-safe record written while a session runs; the records
 * bundle fills the database from it after the session ends, exactly once per session.
 * {@link io.upwell.api.records.RecordsService} reads the database. Its record types carry plain
 * values (text, numbers, lists) and nothing optional, so they serialize with Gson as they are: times
 * are ISO-8601 UTC text (each type also offers them as {@link java.time.Instant}), sites are site
 * keys such as {@code upper-back/left} ({@link io.upwell.api.records.SiteKeys}), and a value that is
 * not known is {@code null} where the field says so.
 * <p>
 * {@link io.upwell.api.records.SessionJournalFormat} documents the journal files the records are
 * read from, as a versioned contract between the engine and whoever reads them.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.2.0")
package io.upwell.api.records;
