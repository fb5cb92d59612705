/**
 * Format-neutral reading of log text, shared by parsers in every package: digits and key=value scans
 * ({@code Text}), timestamps and the one RFC 3339 parser ({@code Stamps}), the one CSV splitter
 * ({@code Csv}), XML events ({@code Xml}), W3C extended-log directives ({@code W3cDirectives}), client
 * addresses and endpoints ({@code ClientAddress}, {@code Endpoint}).
 *
 * <p>Rules: no knowledge of any one product or format beyond the standard a class is named for; no I/O;
 * never throw on untrusted input (return null or -1); no regular expressions on per-line paths. Depends
 * on nothing in ingest but {@code Status}.
 */
package dev.portcullis.ingest.text;
