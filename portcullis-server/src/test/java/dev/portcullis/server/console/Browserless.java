package dev.portcullis.server.console;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain HTTP client for the console's tests (java.net.http), with one session cookie kept by hand
 * and the headers a browser would send on a same-origin form post.
 */
final class Browserless {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern COOKIE = Pattern.compile(Guard.COOKIE + "=([^;]*)");

    final String base;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    String cookie;

    Browserless(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        return send(b, headers);
    }

    /** A form post as a console page makes it (same origin), with {@code form} as name, value pairs. */
    HttpResponse<String> post(String path, List<String> form, String... headers) throws Exception {
        List<String> h = new ArrayList<>(List.of("Origin", base, "Sec-Fetch-Site", "same-origin"));
        h.addAll(List.of(headers));
        return postRaw(path, form, h.toArray(String[]::new));
    }

    HttpResponse<String> postRaw(String path, List<String> form, String... headers) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < form.size(); i += 2) {
            if (body.length() > 0) body.append('&');
            body.append(URLEncoder.encode(form.get(i), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(form.get(i + 1), StandardCharsets.UTF_8));
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        return send(b, headers);
    }

    private HttpResponse<String> send(HttpRequest.Builder b, String... headers) throws Exception {
        for (int i = 0; i < headers.length; i += 2) b.header(headers[i], headers[i + 1]);
        if (cookie != null) b.header("Cookie", Guard.COOKIE + "=" + cookie);
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        r.headers().firstValue("Set-Cookie").ifPresent(c -> {
            Matcher m = COOKIE.matcher(c);
            if (m.find()) cookie = m.group(1).isEmpty() ? null : m.group(1);
        });
        return r;
    }

    HttpResponse<String> signIn(String name, String password, String code) throws Exception {
        return post("/signin", List.of("name", name, "password", password, "code", code));
    }

    /** The CSRF token of the page at {@code path}. */
    String csrf(String path) throws Exception {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) throw new AssertionError("no CSRF token on " + path);
        return m.group(1);
    }
}
