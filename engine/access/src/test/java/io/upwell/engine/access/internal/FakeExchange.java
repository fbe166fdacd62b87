package io.upwell.engine.access.internal;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request and its response without a server, for the gatekeeper's decisions: the request answers
 * what a servlet container would for the few things it is asked; the response records what is set.
 */
final class FakeExchange {

    final String method;
    final String path;
    final Map<String, String> headers = new HashMap<>();
    final List<Cookie> cookies = new ArrayList<>();
    final Map<String, Object> attributes = new HashMap<>();
    String remoteAddress = "127.0.0.1";
    boolean secure;

    int status = 200;
    final Map<String, List<String>> responseHeaders = new HashMap<>();
    String contentType;
    final StringWriter body = new StringWriter();

    FakeExchange(String method, String path) {
        this.method = method;
        this.path = path;
    }

    /** The length of the request's body; -1 (none said) unless a test sets one. */
    long contentLength = -1;

    FakeExchange header(String name, String value) {
        headers.put(name.toLowerCase(Locale.ROOT), value);
        return this;
    }

    FakeExchange cookie(String name, String value) {
        cookies.add(new Cookie(name, value));
        return this;
    }

    String responseHeader(String name) {
        List<String> values = responseHeaders.get(name.toLowerCase(Locale.ROOT));
        return values == null ? null : values.get(0);
    }

    HttpServletRequest request() {
        return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "getMethod": return method;
                        case "getServletPath": return path;
                        case "getPathInfo": return null;
                        case "getHeader": return headers.get(((String) args[0]).toLowerCase(Locale.ROOT));
                        case "getCookies": return cookies.isEmpty() ? null : cookies.toArray(new Cookie[0]);
                        case "getRemoteAddr": return remoteAddress;
                        case "getContentLengthLong": return contentLength;
                        case "isSecure": return secure;
                        case "setAttribute": attributes.put((String) args[0], args[1]); return null;
                        case "getAttribute": return attributes.get((String) args[0]);
                        case "toString": return method + " " + path;
                        default: throw new UnsupportedOperationException("fake request: " + m.getName());
                    }
                });
    }

    HttpServletResponse response() {
        PrintWriter writer = new PrintWriter(body);
        return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                    switch (m.getName()) {
                        case "setStatus": status = (Integer) args[0]; return null;
                        case "setContentType": contentType = (String) args[0]; return null;
                        case "setCharacterEncoding": return null;
                        case "setHeader":
                            List<String> replaced = new ArrayList<>();
                            replaced.add((String) args[1]);
                            responseHeaders.put(((String) args[0]).toLowerCase(Locale.ROOT), replaced);
                            return null;
                        case "addHeader":
                            responseHeaders.computeIfAbsent(((String) args[0]).toLowerCase(Locale.ROOT),
                                    k -> new ArrayList<>()).add((String) args[1]);
                            return null;
                        case "getWriter": return writer;
                        case "toString": return "response " + status;
                        default: throw new UnsupportedOperationException("fake response: " + m.getName());
                    }
                });
    }
}
