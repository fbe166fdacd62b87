package io.upwell.devices.kit.serial;

/** The stop bits after each character on the line. */
public enum StopBits {
    ONE("1"), ONE_POINT_FIVE("1.5"), TWO("2");

    private final String notation;

    StopBits(String notation) {
        this.notation = notation;
    }

    /** As written in the usual short notation, as the 1 in 8N1. */
    public String notation() {
        return notation;
    }
}
