package io.upwell.launcher.itest;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Makes random requests to the REST API, reproducibly from a seed: methods right and wrong, the API's
 * own paths with their parameters filled oddly or mutated, query strings, headers and bodies that are
 * malformed, of the wrong type, huge or deeply nested, and now and then a request that is not even
 * valid HTTP.
 * <p>
 * It never makes a request that would rightly change the running session: nothing addressed to that
 * session's id with a method that commands it, and no emergency stop from a signed-in user (checked on
 * the path as the server would read it: decoded, without path parameters and dot segments), so that
 * a test can require the session to run on exactly as it was.
 */
public final class RestFuzzer {

    /** One operation of the OpenAPI document. */
    public record Operation(String method, String template) {
    }

    /**
     * A request as bytes on the wire, with what it was meant to be.
     *
     * @param method        the method sent
     * @param target        the request target sent (path and query)
     * @param validHttp     false for a request that is not valid HTTP/1.1, or whose request line and headers
     *                      are longer than the server takes (its HTTP layer answers it, before any servlet)
     * @param bytes         the whole request
     */
    public record Request(String method, String target, boolean validHttp, byte[] bytes) {

        /**
         * True for a request the API itself answers: valid HTTP whose path is not ambiguous. The server's
         * HTTP layer refuses an ambiguous path (an empty or dot segment, an encoded slash, dot or
         * backslash, a path parameter) before any servlet sees it, so that no rule on paths can be
         * dodged with one.
         */
        public boolean reachesTheApi() {
            return validHttp && !ambiguous(target) && isApiPath();
        }

        /** True for a path under {@code /api}: the REST API's; anything else is another bundle's or nobody's. */
        public boolean isApiPath() {
            String path = normalized(target);
            return path.equals("/api") || path.startsWith("/api/");
        }

        @Override
        public String toString() {
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            return text.length() > 600 ? text.substring(0, 600) + "... (" + bytes.length + " bytes)" : text;
        }
    }

    /** Jetty's default limit on a request's line and headers is 8 KiB; keep clear of it. */
    private static final int HEAD_LIMIT = 7 * 1024;
    private static final String[] METHODS = {"GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS", "TRACE",
        "PROPFIND", "get", "Post", "FOO"};
    private static final String[] CONTENT_TYPES = {"text/plain", "application/x-www-form-urlencoded",
        "application/json; charset=ISO-8859-1", "application/problem+json", "", "multipart/form-data; boundary=xyz",
        "application/json;charset=utf-8", "application/json; charset=\"UTF-8\"", "application/jsonp", "*/*",
        "application/xml", "APPLICATION/JSON"};
    private static final String[] ODD_IDS = {"no-such-id", "..", "%2e%2e", "%00", "a%2Fb", "%20", "'%20OR%201=1%20--",
        "%3Cscript%3E", "s%C3%A9ssion", "%E2%9C%93", "acknowledge", "current", "check", "-1", "0", "null",
        "%25", "a;b=c", "1e999", "%C0%AF", "emergency-stop"};
    private static final String[] QUERY_NAMES = {"format", "limit", "client", "from", "to", "zone", "site", "device",
        "technique", "id", "token", "x"};
    private static final String[] QUERY_VALUES = {"csv", "json", "xml", "-1", "0", "1", "10001", "1e9", "abc", "",
        "2026-11-24T10:00:00Z", "yesterday", "Mars/Base", "UTC", "Europe/Lisbon", "%", "%G1", "%00", "a+b", "%E2%9C%93",
        "9999999999999999999999"};
    /** Credentials that are not a signed-in user's: none of them may reach a command. */
    private static final String[] WRONG_CREDENTIALS = {"Authorization: Bearer ", "Authorization: Bearer x",
        "Authorization: Bearer " + "A".repeat(43), "Authorization: Token abc", "Authorization: Basic",
        "Authorization: Basic !!!", "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
                "nobody".getBytes(StandardCharsets.UTF_8)), "Cookie: upwell-session=not-a-token",
        "Authorization: " + "x".repeat(600)};

    private final Random random;
    private final int port;
    private final List<Operation> operations;
    private final String runningSession;
    private final List<String> knownIds;
    private final JsonObject validRequest;
    private final String token;
    private final String viewerToken;
    private int withheld;

    /**
     * @param token       a therapist's token: most requests carry it, as {@code Authorization: Bearer} or as
     *                    the console's cookie
     * @param viewerToken a viewer's token, which may read and change nothing
     */
    public RestFuzzer(long seed, int port, List<Operation> operations, String runningSession, List<String> knownIds,
            JsonObject validRequest, String token, String viewerToken) {
        this.random = new Random(seed);
        this.port = port;
        this.operations = List.copyOf(operations);
        this.runningSession = runningSession;
        this.knownIds = List.copyOf(knownIds);
        this.validRequest = validRequest;
        this.token = token;
        this.viewerToken = viewerToken;
    }

    /** Requests made and not sent because they would rightly have changed the running session. */
    public int withheld() {
        return withheld;
    }

    public Request next() {
        while (true) {
            Request request = make();
            if (!commandsTheRunningSession(request)) {
                return request;
            }
            withheld++;
        }
    }

    private Request make() {
        Operation operation = operations.get(random.nextInt(operations.size()));
        String method = random.nextInt(10) < 4 ? operation.method() : pick(METHODS);
        String target = target(operation.template());
        String credentials = credentials();
        byte[] body = body(operation);
        String contentType = body == null && random.nextInt(3) > 0 ? null
                : random.nextInt(100) < 75 ? "application/json" : pick(CONTENT_TYPES);
        StringBuilder head = new StringBuilder();
        boolean validHttp = true;
        int shape = random.nextInt(100);
        if (shape < 2) {
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n"); // a header that is not one
            head.append("this is not a header\r\n");
            validHttp = false;
        } else if (shape < 4) {
            head.append(method).append(" ").append(target).append(" HTTP/9.9\r\n");
            validHttp = false;
        } else if (shape < 5) {
            head.append(method).append(' ').append(target.replace("/", " /")).append(" HTTP/1.1\r\n");
            validHttp = false;
        } else {
            head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        }
        if (!target.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            validHttp = false; // a request target is visible ASCII
        }
        head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        if (credentials != null) {
            head.append(credentials).append("\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        int headers = random.nextInt(100);
        if (headers < 5) {
            head.append("Last-Event-ID: ").append(random.nextBoolean() ? Long.toString(random.nextLong()) : "x").append(
                    "\r\n");
        } else if (headers < 8) {
            head.append("Accept: ").append(pick(new String[] {"text/html", "application/xml", "*/*", "text/event-stream",
                "application/json;q=0"})).append("\r\n");
        } else if (headers < 10) {
            head.append("X-Upwell-Request: ").append(random.nextInt(3)).append("\r\n");
        } else if (headers < 11) {
            head.append("X-Padding: ").append("p".repeat(20_000)).append("\r\n"); // larger than the server takes
            validHttp = false;
        } else if (headers < 12) {
            head.append("Transfer-Encoding: chunked\r\n");
            validHttp = false; // with a Content-Length too, or chunks that are not
        }
        if (body != null) {
            int length = body.length;
            int lie = random.nextInt(100);
            if (lie < 3) {
                length = Math.max(0, length - 1 - random.nextInt(Math.max(1, length))); // shorter than sent
            } else if (lie < 6) {
                length = length + 1 + random.nextInt(100); // longer than sent: the connection ends first
            }
            head.append("Content-Length: ").append(length).append("\r\n");
        } else if (random.nextInt(20) == 0) {
            head.append("Content-Length: ").append(random.nextInt(3) == 0 ? "-1" : "abc").append("\r\n");
            validHttp = false;
        }
        head.append("\r\n");
        if (head.length() > HEAD_LIMIT) {
            validHttp = false; // the server refuses a request line and headers this long (414, 431)
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            bytes.writeBytes(body);
        }
        return new Request(method, target, validHttp, bytes.toByteArray());
    }

    /** A header line with credentials, or null for none. */
    private String credentials() {
        int kind = random.nextInt(100);
        if (kind < 80) {
            return "Authorization: Bearer " + token;
        }
        if (kind < 84) {
            return "Cookie: upwell-session=" + token + (random.nextBoolean() ? "\r\nX-Upwell-Request: 1" : "");
        }
        if (kind < 88) {
            return "Authorization: Bearer " + viewerToken;
        }
        if (kind < 93) {
            return null;
        }
        return pick(WRONG_CREDENTIALS);
    }

    // ---------------------------------------------------------------- paths

    private String target(String template) {
        String path = fill(template);
        int mutation = random.nextInt(100);
        if (mutation < 50) {
            // as the API names it
        } else if (mutation < 55) {
            path = path + "/";
        } else if (mutation < 60) {
            path = path.replaceFirst("/api/", "/api//");
        } else if (mutation < 64) {
            path = path.toUpperCase(Locale.ROOT);
        } else if (mutation < 70) {
            path = path + "/" + pick(ODD_IDS);
        } else if (mutation < 74) {
            path = path.substring(0, Math.max(1, path.lastIndexOf('/')));
        } else if (mutation < 78) {
            path = path + ";jsessionid=" + random.nextInt(1000);
        } else if (mutation < 81) {
            path = path.replaceFirst("/api/", "/api/./");
        } else if (mutation < 84) {
            path = path.replaceFirst("/api/", "/api/x/../");
        } else if (mutation < 87) {
            path = "/api/" + "a".repeat(1 + random.nextInt(9000));
        } else if (mutation < 90) {
            path = pick(new String[] {"/", "/api", "/api/", "/console/", "/favicon.ico", "/api/login", "/system/console",
                "/api/sessions/current/stop", "/api/admin/users", "/../etc/passwd", "/api/%2e%2e/%2e%2e/etc/passwd"});
        } else if (mutation < 93) {
            path = path.replace("/api/", "/api/%61");
        }
        if (random.nextInt(100) < 35) {
            path = path + query();
        }
        return path;
    }

    private String fill(String template) {
        StringBuilder path = new StringBuilder();
        for (String segment : template.substring(1).split("/")) {
            path.append('/');
            if (segment.startsWith("{")) {
                int choice = random.nextInt(100);
                if (choice < 25) {
                    path.append(runningSession);
                } else if (choice < 45 && !knownIds.isEmpty()) {
                    path.append(knownIds.get(random.nextInt(knownIds.size())));
                } else if (choice < 75) {
                    path.append(pick(ODD_IDS));
                } else if (choice < 95) {
                    path.append(alphanumeric(1 + random.nextInt(40)));
                } else {
                    path.append(alphanumeric(2000 + random.nextInt(4000)));
                }
            } else {
                path.append(segment);
            }
        }
        return path.toString();
    }

    private String query() {
        StringBuilder query = new StringBuilder("?");
        int parameters = 1 + random.nextInt(4);
        for (int i = 0; i < parameters; i++) {
            if (i > 0) {
                query.append('&');
            }
            query.append(pick(QUERY_NAMES)).append('=').append(random.nextInt(20) == 0 ? "v".repeat(5000)
                    : pick(QUERY_VALUES));
        }
        return query.toString();
    }

    // ---------------------------------------------------------------- bodies

    private byte[] body(Operation operation) {
        int kind = random.nextInt(100);
        if (kind < 30) {
            return null;
        }
        if (kind < 55) {
            return utf8(mutate(validRequest.deepCopy()).toString());
        }
        if (kind < 62) {
            JsonObject small = new JsonObject();
            small.add(random.nextBoolean() ? "percent" : "cup", randomJson(1));
            return utf8(small.toString());
        }
        if (kind < 72) {
            return utf8(randomJson(5).toString());
        }
        if (kind < 87) {
            return utf8(malformed(mutate(validRequest.deepCopy()).toString()));
        }
        if (kind < 90) {
            byte[] bytes = new byte[1 + random.nextInt(200)];
            random.nextBytes(bytes); // not UTF-8, not JSON
            return bytes;
        }
        if (kind < 93) {
            return utf8("{\"pad\":\"" + "x".repeat(300 * 1024) + "\"}"); // larger than any body may be
        }
        if (kind < 95) {
            JsonArray numbers = new JsonArray();
            for (int i = 0; i < 20_000; i++) {
                numbers.add(random.nextDouble() * 1e6); // large but within the cap
            }
            JsonObject wide = validRequest.deepCopy();
            wide.add("parameters", numbers);
            return utf8(wide.toString());
        }
        if (kind < 98) {
            int depth = 10 + random.nextInt(20_000);
            return utf8("[".repeat(depth) + "]".repeat(random.nextBoolean() ? depth : depth / 2));
        }
        return utf8("{\"client\":{\"id\":\"c\"},\"technique\":\"static-cupping\",\"cups\":[" + "{},".repeat(300)
                + "{}]}");
    }

    /** The valid request with one to three random changes somewhere in its tree. */
    private JsonElement mutate(JsonObject request) {
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            List<JsonElement> containers = new ArrayList<>();
            Deque<JsonElement> todo = new ArrayDeque<>(List.of(request));
            while (!todo.isEmpty()) {
                JsonElement next = todo.pop();
                if (next.isJsonObject()) {
                    containers.add(next);
                    next.getAsJsonObject().entrySet().forEach(e -> todo.push(e.getValue()));
                } else if (next.isJsonArray()) {
                    containers.add(next);
                    next.getAsJsonArray().forEach(todo::push);
                }
            }
            JsonElement target = containers.get(random.nextInt(containers.size()));
            if (target.isJsonObject() && !target.getAsJsonObject().keySet().isEmpty()) {
                JsonObject object = target.getAsJsonObject();
                List<String> keys = new ArrayList<>(object.keySet());
                String key = keys.get(random.nextInt(keys.size()));
                switch (random.nextInt(5)) {
                    case 0 -> object.remove(key);
                    case 1 -> object.add(key + (random.nextBoolean() ? "x" : ""), randomJson(2));
                    case 2 -> object.add(key, oddPrimitive());
                    case 3 -> object.add("operator", new JsonPrimitive("mallory"));
                    default -> object.add(key, JsonNull.INSTANCE);
                }
            } else if (target.isJsonArray()) {
                JsonArray array = target.getAsJsonArray();
                if (random.nextBoolean() || array.isEmpty()) {
                    array.add(randomJson(2));
                } else {
                    array.remove(random.nextInt(array.size()));
                }
            }
        }
        return request;
    }

    private JsonElement randomJson(int depth) {
        int kind = random.nextInt(depth <= 0 ? 4 : 6);
        switch (kind) {
            case 0:
                return oddPrimitive();
            case 1:
                return new JsonPrimitive(random.nextInt(3) == 0 ? alphanumeric(random.nextInt(30)) : pick(ODD_IDS));
            case 2:
                return new JsonPrimitive(random.nextBoolean());
            case 3:
                return JsonNull.INSTANCE;
            case 4: {
                JsonArray array = new JsonArray();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomJson(depth - 1));
                }
                return array;
            }
            default: {
                JsonObject object = new JsonObject();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.add(pick(new String[] {"client", "technique", "cups", "id", "percent", "cup", "site",
                        "region", alphanumeric(5)}), randomJson(depth - 1));
                }
                return object;
            }
        }
    }

    private JsonPrimitive oddPrimitive() {
        return switch (random.nextInt(12)) {
            case 0 -> new JsonPrimitive(-1);
            case 1 -> new JsonPrimitive(0);
            case 2 -> new JsonPrimitive(Long.MAX_VALUE);
            case 3 -> new JsonPrimitive(new java.math.BigDecimal("1e999"));
            case 4 -> new JsonPrimitive(0.5);
            case 5 -> new JsonPrimitive(-0.0);
            case 6 -> new JsonPrimitive(random.nextInt(300));
            case 7 -> new JsonPrimitive("NaN");
            case 8 -> new JsonPrimitive(pick(new String[] {"UPPER_BACK", "FACE", "ELBOW", "LEFT", "UP", "RUNNING"}));
            case 9 -> new JsonPrimitive("x".repeat(2000));
            case 10 -> new JsonPrimitive(new java.math.BigDecimal("1" + "0".repeat(200)));
            default -> new JsonPrimitive(random.nextGaussian() * 100);
        };
    }

    private String malformed(String json) {
        return switch (random.nextInt(7)) {
            case 0 -> json.substring(0, random.nextInt(Math.max(1, json.length())));
            case 1 -> json.replace("\"", "'");
            case 2 -> json.replaceFirst("}", ",}");
            case 3 -> "// comment\n" + json;
            case 4 -> json + json;
            case 5 -> json.replaceFirst(":", "");
            default -> new StringBuilder(json).insert(random.nextInt(json.length() + 1), (char) random.nextInt(0x80))
                    .toString();
        };
    }

    // ---------------------------------------------------------------- safety

    /** True for a request that, read as the server reads it, commands the running session or stops everything. */
    private boolean commandsTheRunningSession(Request request) {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS") || method.equals("TRACE")) {
            return false;
        }
        String path = normalized(request.target());
        // a therapist's token, as a Bearer token or a cookie: the only credentials that may command anything
        boolean therapist = new String(request.bytes(), StandardCharsets.ISO_8859_1).contains(token);
        return path.contains(runningSession) || (therapist && path.contains("emergency-stop"));
    }

    /**
     * A path the server's HTTP layer refuses before any servlet: ambiguous as its URI rules call it, or
     * with percent-escapes that are not valid UTF-8 (see {@link Request#reachesTheApi()}).
     */
    static boolean ambiguous(String target) {
        if (!decodable(target)) {
            return true;
        }
        String path = (target.contains("?") ? target.substring(0, target.indexOf('?')) : target)
                .toLowerCase(Locale.ROOT);
        return path.contains("//") || path.contains("/./") || path.contains("/../") || path.endsWith("/.")
                || path.endsWith("/..") || path.contains(";") || path.contains("\\") || path.contains("%2f")
                || path.contains("%2e") || path.contains("%5c") || path.contains("%00") || path.contains("%25")
                || path.length() > 8000;
    }

    /** True when every percent-escape of the target's path is well-formed and they decode to valid UTF-8. */
    static boolean decodable(String target) {
        target = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length()) {
                    return false;
                }
                try {
                    bytes.write(Integer.parseInt(target.substring(i + 1, i + 3), 16));
                } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
                    return false;
                }
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes.toByteArray()));
            return true;
        } catch (java.nio.charset.CharacterCodingException e) {
            return false;
        }
    }

    /** The path as a server may read it: percent-decoded, without path parameters, dot segments or empty ones. */
    static String normalized(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        try {
            path = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // left as it is: a server refuses a path it cannot decode
        }
        Deque<String> segments = new ArrayDeque<>();
        for (String segment : path.split("/")) {
            int parameters = segment.indexOf(';');
            String name = parameters < 0 ? segment : segment.substring(0, parameters);
            if (name.isEmpty() || name.equals(".")) {
                continue;
            }
            if (name.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(name);
            }
        }
        return "/" + String.join("/", segments);
    }

    private String alphanumeric(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append("abcdefghijklmnopqrstuvwxyz0123456789-_".charAt(random.nextInt(38)));
        }
        return text.toString();
    }

    private String pick(String[] choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The operations of an OpenAPI document. */
    public static List<Operation> operations(JsonObject document) {
        List<Operation> operations = new ArrayList<>();
        for (Map.Entry<String, JsonElement> path : document.getAsJsonObject("paths").entrySet()) {
            for (String method : path.getValue().getAsJsonObject().keySet()) {
                operations.add(new Operation(method.toUpperCase(Locale.ROOT), path.getKey()));
            }
        }
        return operations;
    }
}
