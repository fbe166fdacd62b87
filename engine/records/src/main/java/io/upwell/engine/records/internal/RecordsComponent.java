package io.upwell.engine.records.internal;

import io.upwell.api.history.HistoryUnavailableException;
import io.upwell.api.history.PastTreatment;
import io.upwell.api.history.TreatmentHistory;
import io.upwell.api.records.DeliveryStatus;
import io.upwell.api.records.RecordQuery;
import io.upwell.api.records.RecordsException;
import io.upwell.api.records.RecordsService;
import io.upwell.api.records.SessionRecord;
import io.upwell.api.records.SessionSummary;
import io.upwell.api.records.SiteExposure;
import io.upwell.api.records.SiteTreatment;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.EngineProperties;
import io.upwell.api.session.SessionService;
import io.upwell.api.session.SessionState;
import io.upwell.engine.records.internal.db.RecordStore;
import io.upwell.engine.records.internal.history.SharedTreatmentHistory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jdbc.DataSourceFactory;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The records in OSGi: reads the configuration, follows the JDBC drivers' {@link DataSourceFactory}
 * services and the engines' {@link SessionService} registrations (their data directories), hears
 * sessions end as an {@link EngineListener}, and serves {@link RecordsService} and the clinic's shared
 * {@link TreatmentHistory} (SR-15), which the engine asks instead of its own journal. A configuration
 * change restarts the component, which closes the database and opens the configured one.
 */
@Component(name = RecordsConfig.PID, configurationPid = RecordsConfig.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        service = {RecordsService.class, EngineListener.class})
@Designate(ocd = RecordsConfig.class)
public final class RecordsComponent implements RecordsService, EngineListener, TreatmentHistory {
    private static final Logger LOG = LoggerFactory.getLogger(RecordsComponent.class);

    private final RecordsKeeper keeper;
    private final SharedTreatmentHistory history;
    /** The shared history's registration; null with the embedded database (see the constructor). */
    private final ServiceRegistration<TreatmentHistory> historyRegistration;

    /**
     * @throws IllegalStateException naming the configuration and what is wrong with it; DS records
     *         it as the component's activation failure, and the records wait in the journal
     */
    @Activate
    public RecordsComponent(RecordsConfig config, BundleContext context) {
        RecordsSettings settings;
        try {
            settings = RecordsSettings.from(config);
        } catch (IllegalArgumentException e) {
            String message = "configuration " + RecordsConfig.PID + " rejected, session records are not kept in a"
                    + " database (the journal still holds them): " + e.getMessage();
            LOG.error(message);
            throw new IllegalStateException(message, e);
        }
        keeper = new RecordsKeeper(settings.station(), settings.retryMaxSeconds(), RecordStore.Interruption.NONE);
        keeper.configure(settings.database(), settings.poolSize());
        history = new SharedTreatmentHistory(keeper::treatedCups, keeper::dataDirectories);
        // The shared history replaces the engine's own only for a database stations share. The embedded
        // one holds this station's sessions alone, which the engine reads from its journal anyway, at any
        // moment: it does not have to wait for the database to be opened and migrated first (a start right
        // after launch was refused while it was).
        historyRegistration = settings.database() == null ? null
                : context.registerService(TreatmentHistory.class, this, null);
    }

    @Deactivate
    void deactivate() {
        if (historyRegistration != null) {
            try {
                historyRegistration.unregister();
            } catch (IllegalStateException alreadyGone) {
                // the framework unregistered it as the bundle stopped
            }
        }
        keeper.close();
    }

    @Reference(service = DataSourceFactory.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addDriver(DataSourceFactory driver, Map<String, Object> properties) {
        Object driverClass = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (driverClass instanceof String name) {
            keeper.driverAdded(name, driver);
        }
    }

    void removeDriver(DataSourceFactory driver, Map<String, Object> properties) {
        Object driverClass = properties.get(DataSourceFactory.OSGI_JDBC_DRIVER_CLASS);
        if (driverClass instanceof String name) {
            keeper.driverRemoved(name, driver);
        }
    }

    /** Only the registration's properties are read: the records never control the engine. */
    @Reference(service = SessionService.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addEngine(ServiceReference<SessionService> engine) {
        Path dataDirectory = dataDirectoryOf(engine);
        if (dataDirectory != null) {
            keeper.engineAdded(dataDirectory);
        }
    }

    void removeEngine(ServiceReference<SessionService> engine) {
        Path dataDirectory = dataDirectoryOf(engine);
        if (dataDirectory != null) {
            keeper.engineRemoved(dataDirectory);
        }
    }

    private static Path dataDirectoryOf(ServiceReference<SessionService> engine) {
        Object directory = engine.getProperty(EngineProperties.DATA_DIRECTORY);
        return directory instanceof String path && !path.isBlank() ? Path.of(path) : null;
    }

    // ---------------------------------------------------------------- EngineListener

    @Override
    public void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
        if (to.isFinal()) {
            keeper.sessionEnded(sessionId); // queued for the records thread; the engine's thread never waits
        }
    }

    // ---------------------------------------------------------------- TreatmentHistory (SR-15)

    /** The client's history across every station sharing the database, with this station's waiting sessions. */
    @Override
    public List<PastTreatment> treatments(String clientId, Instant since) throws HistoryUnavailableException {
        return history.treatments(clientId, since);
    }

    // ---------------------------------------------------------------- RecordsService

    @Override
    public List<SessionSummary> find(RecordQuery query) throws RecordsException {
        return keeper.find(query);
    }

    @Override
    public Optional<SessionRecord> session(String sessionId) throws RecordsException {
        return keeper.session(sessionId);
    }

    @Override
    public List<SiteTreatment> siteHistory(String clientId, String siteKey, Instant since) throws RecordsException {
        return keeper.siteHistory(clientId, siteKey, since);
    }

    @Override
    public List<SiteExposure> exposure(String clientId, Instant from, Instant to) throws RecordsException {
        return keeper.exposure(clientId, from, to);
    }

    @Override
    public DeliveryStatus deliveryStatus() {
        return keeper.deliveryStatus();
    }
}
