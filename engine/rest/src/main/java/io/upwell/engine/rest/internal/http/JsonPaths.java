package io.upwell.engine.rest.internal.http;

/** JSON paths as problem documents name fields: {@code cups[1].site.region}, the body itself as empty. */
public final class JsonPaths {

    private JsonPaths() {
    }

    /** A field of an object at {@code parent}. */
    public static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    /** An element of an array at {@code parent}. */
    public static String element(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** Gson's {@code $.cups[1].site} (or {@code $}) as {@code cups[1].site} (or empty). */
    static String fromGson(String path) {
        if (path.equals("$")) {
            return "";
        }
        return path.startsWith("$.") ? path.substring(2) : path.startsWith("$") ? path.substring(1) : path;
    }
}
