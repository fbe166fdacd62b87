package io.upwell.api.technique;

import java.time.Duration;
import java.util.NoSuchElementException;

/**
 * Reads a plan request's parameter values for a technique, each through its spec. The core has
 * already checked every value against the technique's specs before it asks for a plan; reading
 * through the spec checks again, so a technique never plans from a value it did not declare (SR-17),
 * and a refusal names the technique, the parameter, the cup and what is allowed.
 */
public final class ParameterReader {

    private final String technique;
    private final PlanRequest request;

    /** @param technique the technique's id, for messages */
    public ParameterReader(String technique, PlanRequest request) {
        this.technique = technique;
        this.request = request;
    }

    /** The session-wide value of a number parameter. */
    public double number(ParameterSpec.Number spec) throws TechniqueException {
        double value;
        try {
            value = request.number(spec.name());
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new TechniqueException(technique + ": parameter " + spec.name() + " is missing or not a number");
        }
        return checked(spec, value, "");
    }

    /** A cup's value of a number parameter: its override, else the session's value. */
    public double number(ParameterSpec.Number spec, Cup cup) throws TechniqueException {
        double value;
        try {
            value = request.number(spec.name(), cup);
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new TechniqueException(technique + ": parameter " + spec.name() + " is missing or not a number"
                    + " for cup " + cup.index());
        }
        return checked(spec, value, " for cup " + cup.index());
    }

    /** A number parameter that counts something: a whole number within its range. */
    public int count(ParameterSpec.Number spec) throws TechniqueException {
        double value = number(spec);
        if (value != Math.rint(value)) {
            throw new TechniqueException(technique + ": " + spec.name() + " is " + value + "; it must be a whole"
                    + " number, " + spec.allowed());
        }
        return (int) value;
    }

    /** The session-wide option of a choice parameter. */
    public String choice(ParameterSpec.Choice spec) throws TechniqueException {
        String option;
        try {
            option = request.choice(spec.name());
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new TechniqueException(technique + ": parameter " + spec.name() + " is missing or not a choice");
        }
        if (!spec.options().contains(option)) {
            throw new TechniqueException(technique + ": " + spec.name() + " is '" + option + "'; it must be "
                    + spec.allowed());
        }
        return option;
    }

    /** The session-wide setting of an on/off parameter. */
    public boolean toggle(ParameterSpec.Toggle spec) throws TechniqueException {
        try {
            return request.toggle(spec.name());
        } catch (NoSuchElementException | IllegalStateException e) {
            throw new TechniqueException(technique + ": parameter " + spec.name() + " is missing or not on/off");
        }
    }

    private double checked(ParameterSpec.Number spec, double value, String forCup) throws TechniqueException {
        if (!spec.accepts(value)) {
            throw new TechniqueException(technique + ": " + spec.name() + forCup + " is " + value + " " + spec.unit()
                    + "; it must be " + spec.allowed());
        }
        return value;
    }

    /** The cup's own limit, refusing a cup that has no usable one. */
    public double limitOf(Cup cup) throws TechniqueException {
        double limit = cup.maxVacuumKpa();
        if (!(limit > 0) || !Double.isFinite(limit)) {
            throw new TechniqueException(technique + ": cup " + cup.index() + " at " + cup.site()
                    + " has no usable vacuum limit (" + limit + " kPa)");
        }
        return limit;
    }

    /** Seconds as an exact duration, to the nanosecond. */
    public static Duration seconds(double seconds) {
        return Duration.ofNanos(Math.round(seconds * 1_000_000_000L));
    }
}
