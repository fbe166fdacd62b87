/**
 * Sessions as files people read and other programs take in: a recorded session's printable HTML
 * report with its pressure chart ({@link io.upwell.engine.records.report.SessionReport}), records as
 * JSON and CSV ({@link io.upwell.engine.records.report.RecordsExport}), and the pressure chart and CSV
 * of any trace of samples, recorded or previewed ({@link io.upwell.engine.records.report.TraceChart},
 * {@link io.upwell.engine.records.report.TraceCsv}).
 * <p>
 * Every class here is free of state and of services: it turns the API's record types into text. The
 * shell's {@code records} and {@code simulate} commands and the REST API write the same files with it.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package io.upwell.engine.records.report;
