package io.upwell.launcher.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.Session;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.inject.Inject;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerMethod;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/** Configuration Admin updates reaching a running engine: bad ones change nothing, good ones wait for the session. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerMethod.class)
public class ConfigurationChangeIT {

    @Inject
    private BundleContext context;

    @Configuration
    public Option[] configuration() {
        return UpwellFramework.options();
    }

    /** The engine's journal, in this framework's own data directory (see {@link UpwellFramework}). */
    private Path engineJournal() {
        return Path.of(context.getProperty(EngineProperties.DATA_DIRECTORY_PROPERTY), "engine.jsonl");
    }

    /** The journal's length now: what a test waits for must be written after this point. */
    private long journalLength() throws IOException {
        Path journal = engineJournal();
        return Files.exists(journal) ? Files.size(journal) : 0;
    }

    /** True when every text appears in the journal after {@code from} (earlier runs left their lines too). */
    private boolean journalMentionsSince(long from, String... texts) {
        try {
            Path journal = engineJournal();
            if (!Files.exists(journal)) {
                return false;
            }
            byte[] all = Files.readAllBytes(journal);
            String since = new String(all, (int) Math.min(from, all.length), (int) Math.max(0, all.length - from),
                    java.nio.charset.StandardCharsets.UTF_8);
            return java.util.Arrays.stream(texts).allMatch(since::contains);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * SR-17 (bad configuration): an update with a control rate far out of range is refused with its
     * reason in the journal; the same engine, and the session on it, go on as before.
     */
    @Test
    public void aBadConfigurationMidSessionChangesNothing_SR17() throws Exception {
        ServiceReference<SessionService> before = context.getServiceReference(SessionService.class);
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        Session session = Sessions.startHoldingVacuum(engine);

        long mark = journalLength();
        UpwellServices.configure(context, "controlRateHz", 5000);
        Await.until("the engine's journal records the refusal naming controlRateHz",
                () -> journalMentionsSince(mark, "configuration-rejected", "controlRateHz"));

        assertEquals("the session goes on (reason: " + session.reason() + ")", SessionState.RUNNING, session.state());
        Sessions.awaitHoldingVacuum(session);
        ServiceReference<SessionService> after = context.getServiceReference(SessionService.class);
        assertEquals("the same engine service is registered", before.getProperty("service.id"),
                after.getProperty("service.id"));
        assertSame(engine, context.getService(after));
        session.stop();
        Sessions.awaitFinal(session);
    }

    /** A good update mid-session is held back until the session has ended, then applied. */
    @Test
    public void aGoodConfigurationMidSessionWaitsForTheSessionToEnd() throws Exception {
        SessionService engine = UpwellServices.readyEngine(context, EngineProperties.CLOCK_SYSTEM);
        Session session = Sessions.startHoldingVacuum(engine);

        long mark = journalLength();
        UpwellServices.configure(context, "clock", EngineProperties.CLOCK_VIRTUAL);
        Await.until("the engine's journal records the change as pending",
                () -> journalMentionsSince(mark, "configuration-pending"));
        assertEquals(SessionState.RUNNING, session.state());
        assertTrue("no engine on the virtual clock yet",
                context.getServiceReferences(SessionService.class,
                        "(" + EngineProperties.CLOCK + "=" + EngineProperties.CLOCK_VIRTUAL + ")").isEmpty());

        session.stop();
        Sessions.awaitFinal(session);
        UpwellServices.readyEngine(context, EngineProperties.CLOCK_VIRTUAL);
    }
}
