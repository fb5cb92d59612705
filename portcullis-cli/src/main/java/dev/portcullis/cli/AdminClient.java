package dev.portcullis.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Talks to a running gate's admin API for the CLI (lockdown …); errors become usage errors naming the server. */
final class AdminClient {
    static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--server", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
            description = "The running gate (default ${DEFAULT-VALUE}).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "Admin token (default: $PORTCULLIS_TOKEN, else ./data/admin.token).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", defaultValue = "data/admin.token",
            description = "File holding the admin token (default ${DEFAULT-VALUE}).")
    Path tokenFile;

    private String token() throws UsageException {
        if (token != null) return token.strip();
        String env = System.getenv("PORTCULLIS_TOKEN");
        if (env != null && !env.isBlank()) return env.strip();
        try {
            return Files.readString(tokenFile).strip();
        } catch (IOException e) {
            throw new UsageException("no admin token: give --token, set PORTCULLIS_TOKEN, or run from the directory"
                    + " whose " + tokenFile + " 'portcullis serve' wrote");
        }
    }

    JsonNode call(String method, String path, JsonNode body) throws UsageException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.replaceAll("/+$", "") + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token())
                .header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body.toString()));
        HttpResponse<String> res;
        try {
            res = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build()
                    .send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            throw new UsageException("cannot reach the gate at " + server + " (is 'portcullis serve' running?)");
        } catch (IOException e) {
            throw new UsageException("talking to the gate at " + server + " failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException("interrupted");
        }
        JsonNode node;
        try {
            node = JSON.readTree(res.body());
        } catch (IOException e) {
            throw new UsageException("the gate at " + server + " answered " + res.statusCode() + " with no JSON");
        }
        if (res.statusCode() >= 300) {
            throw new UsageException("the gate refused (" + res.statusCode() + "): " + node.path("reason").asText());
        }
        return node;
    }
}
