package io.upwell.devices.kit.serial;

/** The parity bit of each character on the line. */
public enum Parity {
    NONE('N'), ODD('O'), EVEN('E'), MARK('M'), SPACE('S');

    private final char letter;

    Parity(char letter) {
        this.letter = letter;
    }

    /** The letter of the usual short notation, as the N in 8N1. */
    public char letter() {
        return letter;
    }
}
