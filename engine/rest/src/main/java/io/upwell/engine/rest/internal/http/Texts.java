package io.upwell.engine.rest.internal.http;

/** What a client sent, quoted for a message: one line, shortened, so that an answer never echoes a huge value. */
public final class Texts {

    private static final int MAX = 80;

    private Texts() {
    }

    public static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        String oneLine = text.replaceAll("\\p{Cntrl}", "?");
        return oneLine.length() <= MAX ? "'" + oneLine + "'" : "'" + oneLine.substring(0, MAX - 3) + "...'";
    }
}
