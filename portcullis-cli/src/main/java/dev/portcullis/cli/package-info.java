/**
 * The {@code portcullis} command (picocli, {@code Portcullis}): one class per subcommand ({@code parse},
 * {@code analyze}, {@code investigate}, {@code serve}, {@code lockdown}, {@code token},
 * {@code incidents}, {@code simulate}, {@code demo}, {@code passwords check|index|audit}); shared options
 * ({@code InputOptions}, {@code StoreOptions}); the config file ({@code ConfigFile}, every section handed
 * to its module's validated config); the reports ({@code ReportText}, {@code ReportJson},
 * {@code ReportHtml}, {@code Investigation*}, {@code Summary}, {@code Timeline}); {@code AdminClient} for
 * commands that talk to a running gate; {@code Demo} (a gate, a replay and a temporary directory, for
 * {@code demo}) and {@code Milestones} (what the demo tells, read from the gate's store and outbox);
 * {@code Progress}, {@code Terminal} and {@code Utf8Out} for the console.
 *
 * <p>Rules: commands wire the modules together; detection, policy and persistence stay in their modules.
 * Exit codes: 0 ok, 1 findings with {@code --fail-on} (or a rejected password), 2 usage or input error
 * ({@code UsageException}, its message naming the file, line or option and what was expected), never a
 * stack trace for a user's mistake. Text reports pass whatever came from a log through
 * {@code Terminal.safe} (no escape sequences on an operator's terminal); progress is drawn only when
 * standard error is a terminal. A password is read from standard input or a silent prompt, never from an
 * argument, and never printed.
 */
package dev.portcullis.cli;
