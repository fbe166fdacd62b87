package io.upwell.engine.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rules the console's files keep, read from the files as they will be served: server text never
 * becomes markup, the login token never sits where scripts or URLs keep it, every change carries the
 * engine's request header, the page runs under a strict content security policy, and the emergency
 * stop depends on nothing but the API module.
 */
class ConsoleFilesTest {

    private static final Pattern IMPORT = Pattern.compile("import\\s+(?:[^'\";]*?\\s+from\\s+)?['\"](\\./[^'\"]+)['\"]");

    private final Path root = root();
    private final Map<String, String> scripts = scripts(root.resolve("js"));

    private static Path root() {
        try {
            return Path.of(ConsoleFilesTest.class.getResource(ConsoleEntry.PAGE).toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> scripts(Path folder) {
        Map<String, String> scripts = new TreeMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".js")).toList()) {
                scripts.put(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return scripts;
    }

    @Test
    void theConsoleHasItsScripts() {
        assertTrue(scripts.keySet().containsAll(List.of("app.js", "api.js", "estop.js", "live.js", "start.js")),
                scripts.keySet().toString());
    }

    @Test
    void noScriptParsesTextAsMarkupOrCode() {
        List<String> forbidden = List.of("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function", "createContextualFragment", "DOMParser");
        List<String> found = new ArrayList<>();
        scripts.forEach((name, text) -> forbidden.stream().filter(text::contains).forEach(word -> found.add(name + ": " + word)));
        assertEquals(List.of(), found);
    }

    @Test
    void theLoginStaysInItsHttpOnlyCookie() {
        List<String> forbidden = List.of("localStorage", "sessionStorage", "document.cookie", "token=", "Authorization");
        List<String> found = new ArrayList<>();
        scripts.forEach((name, text) -> forbidden.stream().filter(text::contains).forEach(word -> found.add(name + ": " + word)));
        assertEquals(List.of(), found);
    }

    @Test
    void everyCallToTheEngineGoesThroughTheApiModuleWhichSendsTheRequestHeaderOnChanges() {
        Set<String> fetching = new LinkedHashSet<>();
        scripts.forEach((name, text) -> {
            if (text.contains("fetch(")) {
                fetching.add(name);
            }
        });
        // vocabulary.js reads the console's own static vocabulary with a GET.
        assertEquals(Set.of("api.js", "vocabulary.js"), fetching);
        assertFalse(scripts.get("vocabulary.js").contains("method"), "vocabulary.js may only GET");
        String api = scripts.get("api.js");
        assertTrue(api.contains("export const REQUEST_HEADER = 'X-Upwell-Request';"), "the header's name");
        assertTrue(api.contains("if (method !== 'GET' && method !== 'HEAD') {\n    headers[REQUEST_HEADER] = '1';"),
                "api.js sends the header on every method that changes something");
        List<String> found = new ArrayList<>();
        scripts.forEach((name, text) -> {
            if (text.contains("XMLHttpRequest") || text.contains("sendBeacon")) {
                found.add(name);
            }
        });
        assertEquals(List.of(), found);
    }

    @Test
    void thePageRunsUnderAStrictContentSecurityPolicy() throws IOException {
        String page = Files.readString(root.resolve("index.html"), StandardCharsets.UTF_8);
        Matcher script = Pattern.compile("<script([^>]*)>").matcher(page);
        int scriptsSeen = 0;
        while (script.find()) {
            scriptsSeen++;
            assertTrue(script.group(1).contains("src="), "an inline script: " + script.group());
        }
        assertEquals(3, scriptsSeen, "chart, emergency stop, app");
        assertFalse(Pattern.compile("\\sstyle=").matcher(page).find(), "an inline style");
        assertFalse(Pattern.compile("\\son[a-z]+=").matcher(page).find(), "an inline event handler");
        assertFalse(page.contains("<style"), "an inline style sheet");
        String policy = ConsoleHeaders.CONTENT_SECURITY_POLICY;
        assertTrue(policy.contains("script-src 'self';") && !policy.contains("unsafe"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
    }

    @Test
    void everyImportNamesAScriptThatExists() {
        List<String> missing = new ArrayList<>();
        scripts.forEach((name, text) -> imports(text).stream().filter(target -> !scripts.containsKey(target))
                .forEach(target -> missing.add(name + " imports " + target)));
        assertEquals(List.of(), missing);
    }

    /** The emergency stop is its own module graph: a failure of the stream or of any screen cannot stop it loading. */
    @Test
    void theEmergencyStopNeedsNeitherTheStreamNorTheScreens() throws IOException {
        String page = Files.readString(root.resolve("index.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<script type=\"module\" src=\"js/estop.js\"></script>"), "estop.js loads on its own");
        Set<String> closure = new LinkedHashSet<>();
        Deque<String> next = new ArrayDeque<>(List.of("estop.js"));
        while (!next.isEmpty()) {
            String name = next.pop();
            if (closure.add(name)) {
                next.addAll(imports(scripts.get(name)));
            }
        }
        assertEquals(Set.of("estop.js", "api.js", "state.js", "latch.js"), closure);
        String estop = scripts.get("estop.js");
        assertFalse(estop.contains("confirm("), "no confirmation before the stop");
        assertTrue(estop.contains("post('/api/emergency-stop')"), estop);
    }

    private static List<String> imports(String text) {
        List<String> targets = new ArrayList<>();
        Matcher matcher = IMPORT.matcher(text);
        while (matcher.find()) {
            targets.add(matcher.group(1).substring(2));
        }
        return targets;
    }
}
