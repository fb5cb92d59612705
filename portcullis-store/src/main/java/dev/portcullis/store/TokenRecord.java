package dev.portcullis.store;

import java.time.Instant;

/** An admin API token: its name, the hex SHA-256 of the secret (never the secret), its role "read" or "admin". */
public record TokenRecord(String name, String hash, String role, Instant created) {}
