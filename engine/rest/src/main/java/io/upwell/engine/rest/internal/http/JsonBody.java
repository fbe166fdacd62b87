package io.upwell.engine.rest.internal.http;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a request's JSON body with every check a body gets before a resource sees it: a JSON media
 * type (415 otherwise), at most {@link #MAX_BYTES} (413, refused from its declared length before a
 * byte is read), UTF-8, one strict JSON value nested at most {@link #MAX_DEPTH} deep (400 naming
 * where it broke).
 */
public final class JsonBody {

    /** The largest body the API reads: 256 KiB. */
    public static final int MAX_BYTES = 256 * 1024;
    /** The deepest nesting of arrays and objects a body may have; no request of the API needs more than a few. */
    public static final int MAX_DEPTH = 32;

    private static final Pattern GSON_PATH = Pattern.compile(" (?:at )?path (\\$[^\\s]*)");

    private JsonBody() {
    }

    /** The body as JSON; an empty body is a 400 naming what the operation needs. */
    public static JsonElement read(HttpServletRequest request) throws IOException {
        return parse(text(request));
    }

    /** The body's text, as sent, once it has passed every check {@link #read} makes. */
    public static String readText(HttpServletRequest request) throws IOException {
        String text = text(request);
        parse(text);
        return text;
    }

    private static String text(HttpServletRequest request) throws IOException {
        checkMediaType(request.getContentType());
        long declared = request.getContentLengthLong();
        if (declared > MAX_BYTES) {
            throw tooLarge(declared + " bytes were declared");
        }
        byte[] bytes = readAtMost(request.getInputStream(), MAX_BYTES);
        if (bytes.length == 0) {
            throw ApiException.badRequest("", "a JSON body is required");
        }
        return decode(bytes);
    }

    /** Refuses anything but JSON ({@code application/json} or {@code application/...+json}) in UTF-8. */
    static void checkMediaType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("the request has no Content-Type; send the body as application/json");
        }
        String[] parts = contentType.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        boolean json = type.equals("application/json")
                || (type.startsWith("application/") && type.endsWith("+json"));
        if (!json) {
            throw unsupported("Content-Type " + abbreviate(contentType) + " is not JSON; send application/json");
        }
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            if (pair[0].trim().equalsIgnoreCase("charset") && pair.length == 2) {
                String charset = pair[1].trim().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
                    throw unsupported("charset " + abbreviate(charset) + " is not accepted; JSON bodies are UTF-8");
                }
            }
        }
    }

    /** One strict JSON value and nothing after it. */
    public static JsonElement parse(String text) {
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_DEPTH);
        try {
            JsonElement element = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw ApiException.badRequest("", "the body is not valid JSON: more follows the first value, at "
                        + reader.getPath());
            }
            return element;
        } catch (JsonParseException | IOException | IllegalStateException e) {
            throw malformed(e);
        } catch (StackOverflowError e) {
            throw ApiException.badRequest("", "the body is not valid JSON: nested too deeply");
        }
    }

    private static ApiException malformed(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && e instanceof JsonParseException) {
            message = cause.getMessage();
        }
        // Gson appends a link to its troubleshooting guide, which is for programmers of Gson, not of this API.
        int see = message.indexOf("\nSee ");
        if (see >= 0) {
            message = message.substring(0, see);
        }
        if (message.contains("Nesting limit")) {
            message = "arrays and objects are nested more than " + MAX_DEPTH + " deep";
        }
        String field = "";
        Matcher path = GSON_PATH.matcher(message);
        if (path.find()) {
            field = JsonPaths.fromGson(path.group(1));
        }
        String detail = "the body is not valid JSON: " + message.strip();
        return ApiException.badRequest(detail, List.of(new FieldError(field, detail)));
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(max, 8192));
        byte[] buffer = new byte[8192];
        int total = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            total += n;
            if (total > max) {
                throw tooLarge("more than " + max + " bytes were sent");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    private static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("", "the body is not UTF-8 text");
        }
    }

    private static ApiException tooLarge(String what) {
        return new ApiException(Problem.of(413, "body-too-large", "Body too large",
                "a request body may be at most " + MAX_BYTES + " bytes (256 KiB); " + what, List.of()));
    }

    private static ApiException unsupported(String detail) {
        return new ApiException(Problem.of(415, "unsupported-media-type", "Unsupported media type", detail,
                List.of()));
    }

    static String abbreviate(String text) {
        return Texts.quoted(text);
    }
}
