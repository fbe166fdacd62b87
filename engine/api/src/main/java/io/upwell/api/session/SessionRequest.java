package io.upwell.api.session;

import io.upwell.api.history.TreatmentOverride;
import io.upwell.api.screening.Screening;
import io.upwell.api.technique.ParameterValue;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything needed to start a session.
 *
 * @param operator    who runs the session (the therapist); journaled
 * @param client      who is treated
 * @param screening   the client's screening, or null for none (allowed on simulated devices only)
 * @param techniqueId the technique to run
 * @param parameters  session-wide technique parameter values; missing ones take the declared defaults;
 *                    values for one cup alone are in its {@link Placement#overrides()}
 * @param placements  the cups, in order; a program's timeline for cup {@code i} drives placement {@code i}
 * @param intensity   the starting intensity in percent of the program's nominal levels (10 to 150)
 * @param override    the decision to treat sooner or longer than the over-treatment rules allow (SR-15),
 *                    or null for none
 */
public record SessionRequest(String operator, Client client, Screening screening, String techniqueId,
        Map<String, ParameterValue> parameters, List<Placement> placements, int intensity,
        TreatmentOverride override) {

    /** The least intensity a session may run at, in percent. */
    public static final int MIN_INTENSITY = 10;
    /** The greatest intensity a session may run at, in percent; the envelope still clamps every level. */
    public static final int MAX_INTENSITY = 150;
    /** The step of intensity up and down, in percent. */
    public static final int INTENSITY_STEP = 10;
    /** The most cups one session may drive; a request with more is refused before anything is expanded. */
    public static final int MAX_PLACEMENTS = 256;
    /** The most technique parameter values one request, or one placement's overrides, may carry. */
    public static final int MAX_PARAMETERS = 64;

    public SessionRequest {
        if (operator == null || operator.isBlank()) {
            throw new IllegalArgumentException("session request: operator must not be blank");
        }
        Objects.requireNonNull(client, "session request: client");
        if (techniqueId == null || techniqueId.isBlank()) {
            throw new IllegalArgumentException("session request: technique id must not be blank");
        }
        Objects.requireNonNull(parameters, "session request: parameters");
        Objects.requireNonNull(placements, "session request: placements");
        if (placements.size() > MAX_PLACEMENTS) {
            throw new IllegalArgumentException("session request: at most " + MAX_PLACEMENTS + " cups, got "
                    + placements.size());
        }
        if (parameters.size() > MAX_PARAMETERS) {
            throw new IllegalArgumentException("session request: at most " + MAX_PARAMETERS + " parameters, got "
                    + parameters.size());
        }
        parameters = Map.copyOf(parameters);
        placements = List.copyOf(placements);
        if (placements.isEmpty()) {
            throw new IllegalArgumentException("session request: at least one cup placement is needed");
        }
        if (intensity < MIN_INTENSITY || intensity > MAX_INTENSITY) {
            throw new IllegalArgumentException("session request: intensity must be " + MIN_INTENSITY + " to "
                    + MAX_INTENSITY + " %, got " + intensity);
        }
    }

    /** A request without an over-treatment override. */
    public SessionRequest(String operator, Client client, Screening screening, String techniqueId,
            Map<String, ParameterValue> parameters, List<Placement> placements, int intensity) {
        this(operator, client, screening, techniqueId, parameters, placements, intensity, null);
    }

    /** This request, carrying {@code given} (SR-15). */
    public SessionRequest withOverride(TreatmentOverride given) {
        return new SessionRequest(operator, client, screening, techniqueId, parameters, placements, intensity, given);
    }

    /** This request with the client's screening. */
    public SessionRequest withScreening(Client screenedClient, Screening given) {
        return new SessionRequest(operator, screenedClient, given, techniqueId, parameters,
                placements, intensity, override);
    }

    /** The client's screening, when the request carries one. */
    public Optional<Screening> screeningGiven() {
        return Optional.ofNullable(screening);
    }

    public Optional<TreatmentOverride> overrideGiven() {
        return Optional.ofNullable(override);
    }
}
