package io.upwell.api.technique;

import java.util.regex.Pattern;

/** The shape of names the core uses as keys and shows in shells: parameter names and technique ids. */
final class Names {

    /** Letters, digits, '-', '_' and '.', starting with a letter; at most 64 characters. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,63}");

    private Names() {
    }

    static void check(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name '" + name + "' is not allowed: use a letter, then letters, digits,"
                    + " '-', '_' or '.', at most 64 characters");
        }
    }
}
