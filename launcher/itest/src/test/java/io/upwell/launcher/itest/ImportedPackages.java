package io.upwell.launcher.itest;

import java.util.ArrayList;
import java.util.List;

/** Reads the package names out of an OSGi {@code Import-Package} header. */
public final class ImportedPackages {

    private ImportedPackages() {
    }

    /**
     * The packages an {@code Import-Package} header names, in order. A clause may name several
     * packages before its attributes ({@code a;b;version="[1,2)"}); commas inside quoted values
     * (version ranges) do not separate clauses.
     */
    public static List<String> of(String header) {
        List<String> packages = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return packages;
        }
        for (String clause : splitOutsideQuotes(header, ',')) {
            for (String part : splitOutsideQuotes(clause, ';')) {
                String trimmed = part.trim();
                if (trimmed.contains("=")) {
                    break; // attributes and directives follow the package names
                }
                if (!trimmed.isEmpty()) {
                    packages.add(trimmed);
                }
            }
        }
        return packages;
    }

    private static List<String> splitOutsideQuotes(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (char c : text.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString());
        return parts;
    }
}
