/**
 * CSV exports with a header row (the Microsoft 365 audit log search, Entra ID's sign-in download):
 * {@link CsvFormat} recognises a header, keeps the column positions per input
 * and hands rows to the {@link CsvTable} whose header it was.
 *
 * <p>Rules: the tables themselves are parsers and live in {@code format}; splitting is
 * {@code text.Csv}'s. Records spanning lines are assembled with bounds on characters and lines.
 */
package dev.portcullis.ingest.csv;
