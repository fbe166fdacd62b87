package io.upwell.engine.records.internal;

import io.upwell.api.device.DeviceState;
import io.upwell.api.session.EngineListener;
import io.upwell.api.session.SessionState;
import io.upwell.engine.core.internal.Engine;
import io.upwell.engine.core.internal.clock.SystemClock;
import io.upwell.engine.core.internal.journal.JsonLinesJournal;
import io.upwell.engine.core.internal.settings.EngineSettings;
import io.upwell.engine.records.internal.db.DatabaseSettings;
import io.upwell.engine.records.internal.db.RecordStore;
import io.upwell.engine.records.internal.history.SharedTreatmentHistory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * One station of a clinic chain in this JVM, wired as the OSGi components wire it: an engine with its
 * own data directory and one real (not simulated) device, a records keeper delivering its journal into
 * the shared database and told when sessions end, and the keeper's shared treatment history given to
 * the engine as its registered {@code TreatmentHistory}.
 */
final class Station implements AutoCloseable {
    static final String RECORDS_MODULE = "io.upwell.engine.records";

    final String name;
    final Path dataDirectory;
    final String deviceId;
    final Engine engine;
    final RecordsKeeper keeper;

    Station(String name, Path dataDirectory, TestDatabase database, DatabaseSettings shared) throws Exception {
        this.name = name;
        this.dataDirectory = dataDirectory;
        this.deviceId = name + "-iv";
        keeper = new RecordsKeeper(name, 1, RecordStore.Interruption.NONE);
        keeper.driverAdded(database.driverClass(), database.driver());
        keeper.configure(shared, 2);
        EngineSettings settings = EngineSettings.defaults(dataDirectory, false);
        engine = new Engine(settings, new SystemClock(), new JsonLinesJournal(dataDirectory, Duration.ofMillis(50),
                1 << 14));
        engine.addTechnique(new HoldTechnique(), "test.module");
        engine.addDriver(new FollowingDevice(deviceId, 2));
        engine.useTreatmentHistory(new SharedTreatmentHistory(keeper::treatedCups, keeper::dataDirectories),
                RECORDS_MODULE);
        engine.addListener(new EngineListener() {
            @Override
            public void sessionChanged(String sessionId, SessionState from, SessionState to, String reason) {
                if (to.isFinal()) {
                    keeper.sessionEnded(sessionId);
                }
            }
        });
        engine.start(true);
        keeper.engineAdded(dataDirectory).get(30, TimeUnit.SECONDS);
        Await.until(name + "'s device ready", () -> engine.devices().stream()
                .anyMatch(d -> d.descriptor().id().equals(deviceId) && d.state() == DeviceState.READY));
        Await.until(name + "'s technique available", () -> !engine.techniques().isEmpty());
        Await.until(name + " reaches the records database", () -> keeper.deliveryStatus().connected());
    }

    @Override
    public void close() throws Exception {
        engine.close();
        keeper.close();
        keeper.awaitClosed(30, TimeUnit.SECONDS);
    }
}
