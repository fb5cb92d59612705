/**
 * The breached-password index: {@code CorpusIndexer} streams Have I Been Pwned's SHA-1 or NTLM downloads
 * or a plain list into an {@code IndexWriter}, which shards 64-bit keys ({@code HashType} says which
 * digest) into {@code BinaryFuse16} filters in one file; {@code CorpusIndex} memory-maps that file for
 * lookups.
 *
 * <p>Rules: no false negatives for indexed keys; false positives about 1 in 65,536. Bounded memory while
 * indexing a sorted download (one shard, whatever the input size; an out-of-order key is a
 * {@code NotSortedException}); a plain list is held as 8-byte keys until the end. File I/O here; a
 * {@code CorpusIndex} is immutable and thread-safe once open. Plain-list passwords are decoded into a
 * reused buffer zeroed after each line.
 */
package dev.portcullis.passwords.corpus;
