/**
 * Getting lines off inputs: files, standard input, {@code .gz}, UTF-16 exports, following a growing file
 * across rotation ({@code Follower}), and prefetching on a reader thread ({@code Prefetch}).
 *
 * <p>Rules: bytes and lines only, no knowledge of formats; a line is bounded in length (the rest of a
 * longer one is skipped); undecodable bytes become U+FFFD rather than an error.
 */
package dev.portcullis.ingest.read;
