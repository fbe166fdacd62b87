package io.upwell.engine.core.internal.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.history.PastTreatment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's own journals read as treatment history: real files, written as the journal writes them. */
@Tag("SR-15")
class JournalTreatmentHistoryTest {

    private static final Instant SINCE = Instant.parse("2026-11-20T00:00:00Z");

    @TempDir
    Path sessions;

    private void write(String id, String... lines) throws Exception {
        Files.writeString(sessions.resolve(id + ".jsonl"), String.join("\n", lines) + "\n");
    }

    private static String start(String id, String client, String cups) {
        return "{\"type\":\"session-start\",\"time\":\"2026-11-24T10:00:00Z\",\"session\":\"" + id
                + "\",\"client\":\"" + client + "\",\"cups\":[" + cups + "]}";
    }

    private List<PastTreatment> read(String client) throws Exception {
        return new JournalTreatmentHistory(sessions).treatments(client, SINCE);
    }

    @Test
    void anEndedSessionCountsItsProgramTimeOnEachRealCup() throws Exception {
        write("s-1", start("s-1", "c-1", "{\"device\":\"iv-1\",\"simulated\":false,\"region\":\"upper-back\",\"side\":\"left\"},"
                        + "{\"device\":\"sim-1\",\"simulated\":true,\"region\":\"upper-back\",\"side\":\"right\"}"),
                "{\"type\":\"sample\",\"time\":\"2026-11-24T10:00:01Z\",\"t\":0.1,\"cup\":0,\"cmd\":1,\"meas\":1}",
                "{\"type\":\"session-end\",\"time\":\"2026-11-24T10:12:00Z\",\"session\":\"s-1\",\"programSeconds\":600.5}");

        assertEquals(List.of(new PastTreatment("s-1", "iv-1", new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, ""),
                Instant.parse("2026-11-24T10:00:00Z"), Instant.parse("2026-11-24T10:12:00Z"),
                Duration.ofMillis(600_500))), read("c-1"));
        assertEquals(List.of(), read("c-2"), "another client's sessions are not this one's history");
    }

    @Test
    void aSessionACrashCutShortEndsAtItsLastRecord() throws Exception {
        write("s-2", start("s-2", "c-1", "{\"device\":\"iv-1\",\"site\":\"shoulder/right (near the blade)\"}"),
                "{\"type\":\"sample\",\"time\":\"2026-11-24T10:04:00Z\",\"t\":240,\"cup\":0,\"cmd\":1,\"meas\":1}",
                "{\"type\":\"recovered\",\"time\":\"2026-11-24T11:00:00Z\",\"session\":\"s-2\","
                        + "\"lastRecordTime\":\"2026-11-24T10:04:00Z\"}");

        List<PastTreatment> found = read("c-1");

        assertEquals(1, found.size());
        assertEquals(new BodySite(BodyRegion.SHOULDER, Side.RIGHT, ""), found.get(0).site(),
                "an older journal's site text is read too");
        assertEquals(Instant.parse("2026-11-24T10:04:00Z"), found.get(0).ended());
        assertEquals(Duration.ofMinutes(4), found.get(0).exposure());
    }

    @Test
    void aSessionWithoutAnEndYetCountsUpToItsLastRecord() throws Exception {
        write("s-3", start("s-3", "c-1", "{\"device\":\"iv-1\",\"region\":\"face\",\"side\":\"centre\"}"),
                "{\"type\":\"sample\",\"time\":\"2026-11-24T10:02:00Z\",\"t\":120,\"cup\":0,\"cmd\":1,\"meas\":1}",
                "{\"type\":\"samp");

        List<PastTreatment> found = read("c-1");

        assertEquals(Instant.parse("2026-11-24T10:02:00Z"), found.get(0).ended());
        assertEquals(Duration.ofMinutes(2), found.get(0).exposure());
    }

    @Test
    void anUnreadableJournalIsSkippedAndTheOthersStillCount() throws Exception {
        write("broken", "not json at all");
        write("s-4", start("s-4", "c-1", "{\"device\":\"iv-1\",\"region\":\"calf\",\"side\":\"left\"}"),
                "{\"type\":\"session-end\",\"time\":\"2026-11-24T10:10:00Z\",\"programSeconds\":60}");

        assertEquals(List.of("s-4"), read("c-1").stream().map(PastTreatment::sessionId).toList());
    }

    @Test
    void aSessionThatEndedBeforeTheWindowIsNotHistory() throws Exception {
        write("s-5", start("s-5", "c-1", "{\"device\":\"iv-1\",\"region\":\"calf\",\"side\":\"left\"}"),
                "{\"type\":\"session-end\",\"time\":\"2026-11-24T10:10:00Z\",\"programSeconds\":60}");

        assertEquals(List.of(), new JournalTreatmentHistory(sessions).treatments("c-1",
                Instant.parse("2026-11-24T10:10:01Z")));
    }

    @Test
    void noSessionsDirectoryIsNoHistory() throws Exception {
        assertEquals(List.of(), new JournalTreatmentHistory(sessions.resolve("missing")).treatments("c-1", SINCE));
    }
}
