package dev.portcullis.respond.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A signed JSON POST to the directory or identity provider, so it can force a password reset.
 *
 * <p>Signature (like Stripe's and GitHub's): {@code X-Portcullis-Timestamp: <unix seconds>} and
 * {@code X-Portcullis-Signature: sha256=<hex HMAC-SHA256(secret, timestamp + "." + body)>}. The
 * receiver recomputes it over the raw body, compares in constant time ({@link #verify}), and refuses a
 * timestamp more than a few minutes old, so a captured call cannot be replayed later.
 * {@code X-Portcullis-Delivery} carries the delivery key: the same event always has the same key.
 *
 * <p>Outcomes: a 2xx answer is delivered; not connecting is a definite failure; any other answer is a
 * definite failure too (the receiver said no; retry); a timeout after the request went out may have
 * been processed, so it is reported as handed over (not retried: at most once).
 */
public final class Webhook {
    public static final String SIGNATURE = "X-Portcullis-Signature";
    public static final String TIMESTAMP = "X-Portcullis-Timestamp";
    public static final String DELIVERY = "X-Portcullis-Delivery";

    private final URI url;
    private final byte[] secret;
    private final Duration timeout;
    private final HttpClient client;

    public Webhook(String url, String secret, Duration timeout) {
        this.url = URI.create(url);
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Posts {@code json}, signed for {@code now}. */
    public void post(String deliveryKey, String json, Instant now) throws DeliveryFailure {
        String ts = String.valueOf(now.getEpochSecond());
        HttpRequest req = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json")
                .header(TIMESTAMP, ts)
                .header(SIGNATURE, "sha256=" + sign(secret, ts, json))
                .header(DELIVERY, deliveryKey)
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
        HttpResponse<String> res;
        try {
            res = client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new DeliveryFailure("cannot connect to the webhook " + describe() + ": " + e.getClass().getSimpleName(), false, e);
        } catch (IOException e) {
            throw new DeliveryFailure("the webhook call to " + describe() + " broke off; it may have been processed: "
                    + e.getClass().getSimpleName(), true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailure("interrupted while calling the webhook " + describe(), true, e);
        }
        if (res.statusCode() / 100 != 2) {
            throw new DeliveryFailure("the webhook " + describe() + " answered " + res.statusCode(), false, null);
        }
    }

    public String describe() {
        return url.getScheme() + "://" + url.getAuthority() + url.getPath();
    }

    /** Hex HMAC-SHA256 of {@code timestamp + "." + body}. */
    public static String sign(byte[] secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }

    /**
     * What a receiver does: true when {@code signatureHeader} is the signature of this timestamp and
     * body, and the timestamp is within {@code tolerance} of {@code now}.
     */
    public static boolean verify(byte[] secret, String timestamp, String body, String signatureHeader, Instant now,
                                 Duration tolerance) {
        if (timestamp == null || signatureHeader == null || !signatureHeader.startsWith("sha256=")) {
            return false;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return false;
        }
        if (Math.abs(now.getEpochSecond() - ts) > tolerance.getSeconds()) {
            return false;
        }
        byte[] expected = sign(secret, timestamp, body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signatureHeader.substring(7).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given);
    }
}
