package io.upwell.engine.records.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.upwell.api.body.BodyRegion;
import io.upwell.api.body.BodySite;
import io.upwell.api.body.Side;
import io.upwell.api.history.TreatmentOverride;
import io.upwell.api.records.Outcome;
import io.upwell.api.records.OverTreatmentRecord;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.screening.Screening;
import io.upwell.api.session.Client;
import io.upwell.api.session.Placement;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionException;
import io.upwell.api.session.SessionRequest;
import io.upwell.api.session.SessionState;
import io.upwell.engine.records.internal.db.DatabaseSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clinic chain (SR-15 across stations): two engines, each with its own data directory, journal,
 * real device and records keeper, share one real PostgreSQL server the test starts. The engines run
 * in this JVM, wired as the OSGi components wire them, rather than in two Pax Exam frameworks: the
 * behaviour under test is the engine's start decision on the shared history and the records'
 * delivery around a server that goes away, both of which run here exactly as in the framework (the
 * OSGi wiring itself is covered by RecordsIT), and here the test can stop the server between two
 * steps of a running session. The engines run on the system clock, since real devices need it;
 * nothing waits on the wall clock but bounded awaits.
 */
@Tag("SR-15")
class ClinicChainTest {
    private static final BodySite BACK_LEFT = new BodySite(BodyRegion.UPPER_BACK, Side.LEFT, "");
    private static PostgresServer server;

    @TempDir
    Path scratch;

    private DatabaseSettings shared;
    private Station stationA;
    private Station stationB;
    private boolean serverStopped;

    @BeforeAll
    static void startServer() throws Exception {
        server = PostgresServer.start();
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void startStations() throws Exception {
        shared = server.freshDatabase(scratch);
        stationA = new Station("room-a", scratch.resolve("station-a"), server, shared);
        stationB = new Station("room-b", scratch.resolve("station-b"), server, shared);
    }

    @AfterEach
    void closeStations() throws Exception {
        try {
            if (stationB != null) {
                stationB.close();
            }
            if (stationA != null) {
                stationA.close();
            }
        } finally {
            if (serverStopped) {
                server.startServer(); // for the tests after this one
            }
        }
    }

    private static SessionRequest request(String client, Station station) {
        return new SessionRequest("therapist", new Client(client, ""), Screening.clear("nurse"),
                HoldTechnique.ID, Map.of(), List.of(new Placement(station.deviceId, 0, BACK_LEFT)), 100);
    }

    private static Session runningOn(Station station, SessionRequest request) throws Exception {
        Session session = station.engine.start(request);
        Await.until("session " + session.id() + " running", () -> session.state() == SessionState.RUNNING);
        return session;
    }

    private static void stop(Session session) throws Exception {
        session.stop();
        Await.until("session " + session.id() + " over", () -> session.state().isFinal());
    }

    private static SessionRecord recorded(Station station, String sessionId) throws Exception {
        Await.until("session " + sessionId + " in the records", () -> {
            try {
                return station.keeper.session(sessionId).isPresent();
            } catch (io.upwell.api.records.RecordsException notYet) {
                return false;
            }
        });
        return station.keeper.session(sessionId).orElseThrow();
    }

    private static JsonObject journalStart(Station station, String sessionId) throws Exception {
        Path file = station.dataDirectory.resolve("sessions").resolve(sessionId + ".jsonl");
        Await.until("the journal of " + sessionId + " on disk", () -> Files.exists(file) && Files.size(file) > 0);
        return JsonParser.parseString(Files.readAllLines(file).get(0)).getAsJsonObject();
    }

    @Test
    void aClientTreatedOnStationAIsRefusedOnStationBAndTreatedThereOnlyWithAnOverrideBothKeep() throws Exception {
        Session onA = runningOn(stationA, request("c-17", stationA));
        stop(onA);
        recorded(stationA, onA.id());

        SessionException refused = assertThrows(SessionException.class,
                () -> stationB.engine.check(request("c-17", stationB)));
        String message = refused.getMessage();
        assertTrue(message.contains("over-treatment (SR-15): cup 0 at upper-back/left: client c-17 had session "
                + onA.id() + " on device room-a-iv on this site"), message);
        assertTrue(message.contains("the minimum interval is 72 h, so the site may be treated again from "), message);
        assertTrue(message.contains("start with an override"), message);

        Session onB = runningOn(stationB, request("c-17", stationB)
                .withOverride(new TreatmentOverride("Dr Lee", "marks faded, client asked")));
        stop(onB);

        JsonObject judged = journalStart(stationB, onB.id()).getAsJsonObject("overTreatment");
        assertEquals("Dr Lee", judged.getAsJsonObject("override").get("approvedBy").getAsString());
        assertEquals("treatment history of module " + Station.RECORDS_MODULE, judged.get("history").getAsString());
        assertTrue(judged.getAsJsonArray("warnings").get(0).getAsString().contains("had session " + onA.id()),
                judged.toString());

        OverTreatmentRecord kept = recorded(stationB, onB.id()).overTreatment();
        assertEquals("Dr Lee", kept.overrideApprovedBy());
        assertEquals("marks faded, client asked", kept.overrideReason());
        assertTrue(kept.warnings().get(0).contains("had session " + onA.id()), kept.toString());
        assertEquals("room-b", stationA.keeper.session(onB.id()).orElseThrow().summary().station(),
                "station A reads B's record from the shared database");
        assertEquals(Boolean.FALSE, recorded(stationB, onB.id()).cups().get(0).simulated());
    }

    @Test
    void theServerGoingAwayDisturbsNoRunningSessionAndRefusesAStartThatNeedsTheHistoryWithTheReason()
            throws Exception {
        Session onA = runningOn(stationA, request("c-20", stationA));

        server.stopServer();
        serverStopped = true;

        SessionException refused = assertThrows(SessionException.class,
                () -> stationB.engine.check(request("c-20", stationB)));
        String message = refused.getMessage();
        assertTrue(message.contains("over-treatment (SR-15): the treatment history of client c-20 cannot be read"),
                message);
        assertTrue(message.contains(shared.shownUrl()), "names the database: " + message);
        assertFalse(message.contains(PostgresServer.PASSWORD), message);
        SessionException refusedWithOverride = assertThrows(SessionException.class,
                () -> stationB.engine.check(request("c-20", stationB).withOverride(new TreatmentOverride("Dr Lee",
                        "urgent"))));
        assertTrue(refusedWithOverride.getMessage().contains("cannot be read"), refusedWithOverride.getMessage());

        assertEquals(SessionState.RUNNING, onA.state(), "the session on A runs on while the server is away");
        stop(onA);
        assertEquals(SessionState.ENDED, onA.state(), onA.reason());
        Await.until("A's record waits in the journal", () -> stationA.keeper.deliveryStatus().pending()
                .contains(onA.id()));
        assertFalse(stationA.keeper.deliveryStatus().connected());

        server.startServer();
        serverStopped = false;

        SessionRecord delivered = recorded(stationA, onA.id());
        assertEquals(Outcome.ENDED, delivered.summary().outcome());
        assertTrue(delivered.alarms().isEmpty(), delivered.alarms().toString());
        SessionException afterwards = assertThrows(SessionException.class,
                () -> stationB.engine.check(request("c-20", stationB)));
        assertTrue(afterwards.getMessage().contains("client c-20 had session " + onA.id() + " on device room-a-iv"),
                afterwards.getMessage());
    }
}
