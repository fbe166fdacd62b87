package io.upwell.launcher.app.internal;

import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.records.RecordsService;
import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.apache.felix.service.command.Descriptor;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * {@code records} as a Gogo shell command (scope {@value EngineCommands#SCOPE}) and as a command of
 * the launcher ({@code java -jar upwell.jar records ...}, {@link Main}).
 */
@Component(service = RecordsCommands.class, property = {
        "osgi.command.scope=" + EngineCommands.SCOPE,
        "osgi.command.function=records" })
public final class RecordsCommands {

    /** How long the launcher waits for the records bundle to reach its database and deliver what waits. */
    static final Duration RECORDS_BOUND = Duration.ofSeconds(30);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile RecordsService records;

    @Descriptor("session records: records list [--client ID] [--site SITE] [--from DATE] [--to DATE] [--device ID]"
            + " [--technique ID] [--limit N] | records show ID | records export ID|FILTER --format csv|json --out FILE"
            + " | records report ID --out FILE.html | records status")
    public void records(@Descriptor("list, show, export, report or status, then its arguments") String... words) {
        PrintStream out = EngineCommands.out();
        RecordsService service = records;
        if (service == null) {
            out.println("records: the records service is not running (is the bundle io.upwell.engine.records active?"
                    + " upwell-data/upwell.log says why it is not)");
            return;
        }
        new RecordsCommand(service, out, out, "records: ", ZoneId.systemDefault()).run(List.of(words));
    }

    /**
     * {@code java -jar upwell.jar records ...}: once the records bundle has reached its database and
     * delivered the sessions waiting in the journal, or has said why it cannot.
     */
    static int run(BundleContext context, List<String> words) throws NotReadyException, InterruptedException {
        try (TrackedService<RecordsService> records = TrackedService.await(context, RecordsService.class, "",
                RECORDS_BOUND, "the records service is not running; is the bundle io.upwell.engine.records active?")) {
            long deadline = System.nanoTime() + RECORDS_BOUND.toNanos();
            DeliveryStatus status = records.service().deliveryStatus();
            while (!status.connected() && System.nanoTime() < deadline) {
                Thread.sleep(50);
                status = records.service().deliveryStatus();
            }
            if (!status.connected() && !words.isEmpty() && !words.get(0).equals("status")) {
                throw new NotReadyException("the records database " + status.database() + " cannot be used"
                        + (status.lastProblem() == null ? "" : ": " + status.lastProblem()));
            }
            return new RecordsCommand(records.service(), System.out, System.err, "upwell: records: ",
                    ZoneId.systemDefault()).run(words);
        }
    }
}
