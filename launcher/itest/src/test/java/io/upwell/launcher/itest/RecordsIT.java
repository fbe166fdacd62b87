package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import io.upwell.api.records.CupRecord;
import io.upwell.api.records.Outcome;
import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.RecordsException;
import io.upwell.api.records.RecordsService;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionSnapshot;
import io.upwell.api.session.SessionState;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The records bundle in the running framework: a session that ran reaches the embedded database in the
 * engine's data directory by itself, and is found by the records service with its trace.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class RecordsIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    @Test
    public void aSessionThatRanIsQueryableWithItsTrace() throws Exception {
        SessionService engine = UpwellServices.readyVirtualEngine(context);
        RecordsService records = UpwellServices.await(context, RecordsService.class, null);

        Session session = engine.start(Sessions.staticCupping(20, 3, 10, 2));
        SessionSnapshot end = Sessions.awaitFinal(session);
        assertEquals("final state (reason: " + end.reason() + ")", SessionState.ENDED, end.state());

        SessionRecord record = Await.value("session " + session.id() + " in the records database",
                () -> recorded(records, session.id()), Optional::isPresent).orElseThrow();
        assertEquals(session.id(), record.summary().sessionId());
        assertEquals(Outcome.ENDED, record.summary().outcome());
        assertEquals(Sessions.OPERATOR, record.summary().operator());
        assertEquals(Sessions.STATIC_CUPPING, record.summary().techniqueId());
        assertEquals(List.of(Sessions.SIMULATOR_ID), record.summary().devices());
        assertEquals(4, record.cups().size());
        for (CupRecord cup : record.cups()) {
            assertTrue("cup " + cup.cup() + " peak " + cup.peakKpa() + " near the journal's",
                    Math.abs(cup.peakKpa() - end.channels().get(cup.cup()).peakKpa()) < 0.01);
            assertTrue("cup " + cup.cup() + " was under vacuum: " + cup.exposureSeconds() + " s",
                    cup.exposureSeconds() > 0);
        }
        assertFalse("the trace is recorded", record.trace().isEmpty());
        assertEquals(List.of(session.id()), records.find(RecordQuery.all().withClient(record.summary().clientId())
                .withSite(record.summary().sites().get(0))).stream().map(s -> s.sessionId())
                .collect(Collectors.toList()));
        assertTrue("nothing waits: " + records.deliveryStatus(), records.deliveryStatus().pending().isEmpty());
    }

    @Test
    public void theRecordsBundleExportsOnlyItsReportsAndNothingOfTheEngineIsWiredToIt() {
        Bundle recordsBundle = Bundles.named(context, Bundles.RECORDS);
        PackageWiring recordsWiring = PackageWiring.of(recordsBundle);
        assertEquals("the records bundle exports only its reports, exports and charts (free of state)",
                List.of("io.upwell.engine.records.report"), recordsWiring.exportedPackageNames());
        PackageWiring core = PackageWiring.of(Bundles.named(context, Bundles.ENGINE_CORE));
        List<String> toRecords = core.imports().stream().filter(i -> i.provider().equals(recordsBundle))
                .map(Object::toString).collect(Collectors.toList());
        assertEquals("the core imports nothing of the records bundle", List.of(), toRecords);
    }

    private static Optional<SessionRecord> recorded(RecordsService records, String sessionId) {
        try {
            return records.session(sessionId);
        } catch (RecordsException notYet) {
            return Optional.empty(); // the database is still opening
        }
    }
}
