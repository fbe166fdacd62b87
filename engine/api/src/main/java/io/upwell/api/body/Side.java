package io.upwell.api.body;

/** The side of the body a site is on. */
public enum Side {
    LEFT, RIGHT, CENTRE
}
