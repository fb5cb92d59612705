/**
 * Line-delimited JSON: {@link JsonFormat} parses each line once and offers the
 * tree to each {@link JsonRecordFormat} in turn (journald export, Windows event
 * shippers, Microsoft 365, Entra ID, Nextcloud, Keycloak); {@code Json} holds null-safe accessors.
 *
 * <p>Rules: record readers are parsers and live in {@code format}, except journald, which unwraps a
 * syslog record and passes it to the syslog family. Input is untrusted: depth and size are bounded,
 * accessors never throw.
 */
package dev.portcullis.ingest.json;
