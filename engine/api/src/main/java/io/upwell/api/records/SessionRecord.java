package io.upwell.api.records;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything recorded about one session.
 *
 * @param summary         the session in brief
 * @param program         the name of the technique's program
 * @param module          the bundle (symbolic name and version) the technique came from
 * @param origin          where the technique came from (a bundle, or a program file's path)
 * @param plannedSeconds  the program's planned length
 * @param intensity       the intensity it started at, in percent (changes are in {@link #events()})
 * @param parameters      the technique's session-wide parameter values, as text
 * @param limits          the session-wide limits in force: {@code riseKpaPerSecond},
 *                        {@code leakThresholdKpa}, {@code dwellSeconds}, {@code maxSessionMinutes}
 * @param cups            every cup, in request order, with its site, limit, peak and exposure
 * @param screening       the client's screening, its verdicts and the consent
 * @param alarms          every alarm it raised, oldest first, with its acknowledgement
 * @param events          state changes, intensity changes, acknowledgements and the like, oldest first
 * @param trace           the sample trace, in the order the journal wrote it
 * @param journalFormat   the version of the journal format the record was read from
 * @param droppedSamples  samples the journal lost to a full buffer while the session ran
 * @param unreadableLines journal lines that could not be read (a line cut short by a crash)
 * @param overTreatment   the over-treatment judgement (SR-15) the session started with: the rules, the
 *                        history asked, the warnings and the override; null for a session that was not
 *                        judged (simulated devices only, or a journal from before SR-15)
 */
public record SessionRecord(SessionSummary summary, String program, String module, String origin,
        double plannedSeconds, int intensity, Map<String, String> parameters, Map<String, Double> limits,
        List<CupRecord> cups, ScreeningRecord screening, List<AlarmRecord> alarms, List<SessionEvent> events,
        List<TraceSample> trace, int journalFormat, long droppedSamples, int unreadableLines,
        OverTreatmentRecord overTreatment) {

    public SessionRecord {
        Objects.requireNonNull(summary, "summary");
        program = program == null ? "" : program;
        module = module == null ? "" : module;
        origin = origin == null ? "" : origin;
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        cups = List.copyOf(cups);
        screening = screening == null ? ScreeningRecord.none() : screening;
        alarms = List.copyOf(alarms);
        events = List.copyOf(events);
        trace = List.copyOf(trace);
    }

    /** A record without an over-treatment judgement. */
    public SessionRecord(SessionSummary summary, String program, String module, String origin,
            double plannedSeconds, int intensity, Map<String, String> parameters, Map<String, Double> limits,
            List<CupRecord> cups, ScreeningRecord screening, List<AlarmRecord> alarms, List<SessionEvent> events,
            List<TraceSample> trace, int journalFormat, long droppedSamples, int unreadableLines) {
        this(summary, program, module, origin, plannedSeconds, intensity, parameters, limits, cups, screening, alarms,
                events, trace, journalFormat, droppedSamples, unreadableLines, null);
    }

    /** The same record without its trace, for listings that do not draw it. */
    public SessionRecord withoutTrace() {
        return new SessionRecord(summary, program, module, origin, plannedSeconds, intensity, parameters, limits, cups,
                screening, alarms, events, List.of(), journalFormat, droppedSamples, unreadableLines, overTreatment);
    }
}
