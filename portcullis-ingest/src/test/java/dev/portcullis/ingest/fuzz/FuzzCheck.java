package dev.portcullis.ingest.fuzz;

import dev.portcullis.core.Accounts;
import dev.portcullis.core.Addresses;
import dev.portcullis.core.AuthEvent;
import dev.portcullis.core.EventJson;
import dev.portcullis.ingest.Ingest;
import dev.portcullis.ingest.read.Input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The properties every fuzz target checks: reading any bytes through a strict {@link Ingest} (parser
 * exceptions escape) never throws, and every event it emits is well-formed: canonical account and
 * address, non-negative attempts, a time, JSON that can be written, and no given-password text.
 */
public final class FuzzCheck {
    private FuzzCheck() {
    }

    /** Reads {@code prefix} (steering the sniffer towards one parser family) followed by the fuzzer's bytes. */
    public static void readWithPrefix(String prefix, byte[] rest) {
        byte[] p = prefix.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] all = new byte[p.length + rest.length];
        System.arraycopy(p, 0, all, 0, p.length);
        System.arraycopy(rest, 0, all, p.length, rest.length);
        read(all);
    }

    public static void read(byte[] bytes) {
        Ingest ingest = new Ingest(0, ZoneOffset.UTC, true);
        StringBuilder sb = new StringBuilder();
        EventJson json = new EventJson();
        try {
            ingest.read(new Input("fuzz.log", null, Instant.parse("2026-11-25T12:00:00Z"),
                    new ByteArrayInputStream(bytes)), e -> check(e, json, sb));
        } catch (IOException e) {
            throw new UncheckedIOException("a byte array stream cannot fail to read", e);
        }
        if (ingest.stats().lines() < 0) {
            throw new AssertionError("negative line count");
        }
    }

    private static void check(AuthEvent e, EventJson json, StringBuilder sb) {
        if (e.time() == null || e.attempts() < 0) {
            throw new AssertionError("bad event " + e);
        }
        if (e.account() != null && !e.account().equals(Accounts.canonical(e.account()))) {
            throw new AssertionError("account not canonical: " + e.account());
        }
        if (e.account() != null && e.account().length() > Accounts.MAX_LENGTH) {
            throw new AssertionError("account longer than the bound: " + e.account().length());
        }
        if (Addresses.isHost(e.source())) {
            if (!e.source().equals(Addresses.host(e.source().substring(Addresses.HOST.length())))) {
                throw new AssertionError("named computer not canonical: " + e.source());
            }
        } else if (e.source() != null && !e.source().equals(Addresses.canonical(e.source()))) {
            throw new AssertionError("source not canonical: " + e.source());
        }
        sb.setLength(0);
        json.write(e, sb);
        if (sb.indexOf("given password") >= 0) {
            throw new AssertionError("a given password leaked into an event: " + sb);
        }
    }
}
