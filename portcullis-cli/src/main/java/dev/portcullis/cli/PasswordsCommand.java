package dev.portcullis.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code portcullis passwords check|index|audit}: the weak-password work (module portcullis-passwords). */
@Command(name = "passwords", mixinStandardHelpOptions = true,
        description = {
            "Find weak passwords before attackers do: check a new password (NIST SP 800-63B-4), build a",
            "breached-password corpus index from Have I Been Pwned's files, audit stored credentials."
        },
        subcommands = {PasswordCheckCommand.class, PasswordIndexCommand.class, PasswordAuditCommand.class})
final class PasswordsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @ParentCommand
    Portcullis root;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
