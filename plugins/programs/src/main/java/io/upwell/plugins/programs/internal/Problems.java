package io.upwell.plugins.programs.internal;

import io.upwell.plugins.programs.validation.ProgramProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The problems found in one program file, each tied to a JSON pointer that the file's
 * {@link JsonSource} maps to a line and a JSON path. Collects every problem; the same problem at the
 * same place is kept once.
 */
final class Problems {

    private final String file;
    private final Map<String, Integer> lines = new HashMap<>();
    private final Map<String, String> paths = new HashMap<>();
    private final Set<Entry> entries = new LinkedHashSet<>();

    private record Entry(String pointer, String message) {
    }

    Problems(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    /** Where a pointer's value starts: its line and JSON path, recorded while the file was read. */
    void locate(String pointer, int line, String path) {
        lines.put(pointer, line);
        paths.put(pointer, path);
    }

    /** A problem at a JSON pointer ({@code ""} is the whole file, {@code "/phases/0"} the first phase). */
    void add(String pointer, String message) {
        entries.add(new Entry(pointer, message));
    }

    /** A problem with the file as a whole that no line can be given for (missing, unreadable). */
    void addFileProblem(String message) {
        entries.add(new Entry(null, message));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    int size() {
        return entries.size();
    }

    /** Every problem, in the order of the lines they are on. */
    List<ProgramProblem> list() {
        List<ProgramProblem> out = new ArrayList<>();
        for (Entry entry : entries) {
            if (entry.pointer() == null) {
                out.add(new ProgramProblem(file, "$", 0, entry.message()));
            } else {
                out.add(new ProgramProblem(file, pathOf(entry.pointer()), lineOf(entry.pointer()), entry.message()));
            }
        }
        out.sort(Comparator.comparingInt(ProgramProblem::line));
        return List.copyOf(out);
    }

    /** The line of the pointer's value, or of the nearest enclosing value that was read. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            if (p.isEmpty()) {
                return 1;
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    /** The JSON path of a pointer: recorded while reading, or derived from the pointer. */
    String pathOf(String pointer) {
        String known = paths.get(pointer);
        if (known != null) {
            return known;
        }
        StringBuilder path = new StringBuilder("$");
        for (String token : pointer.isEmpty() ? new String[0] : pointer.substring(1).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            path.append(key.matches("\\d+") ? "[" + key + "]" : JsonSource.member(key));
        }
        return path.toString();
    }

    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
