package io.upwell.launcher.app.internal;

import io.upwell.launcher.app.internal.ScreeningInterview.ScreenedClient;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Component;

/**
 * The clients screened in the shell ({@code screen}) during this run, by client id, for the next
 * {@code start ... client=<id>}. Held in memory only: a screening is current for the visit it was
 * taken in, and the one a session used is journaled with that session.
 */
@Component(service = ScreenedClients.class)
public final class ScreenedClients {

    private final Map<String, ScreenedClient> byId = new ConcurrentHashMap<>();

    void keep(ScreenedClient screened) {
        byId.put(screened.client().id(), screened);
    }

    Optional<ScreenedClient> find(String clientId) {
        return Optional.ofNullable(byId.get(clientId));
    }
}
