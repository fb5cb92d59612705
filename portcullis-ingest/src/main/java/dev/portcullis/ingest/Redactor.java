package dev.portcullis.ingest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets that logs sometimes carry — Dovecot's given-password suffixes
 * ({@code auth_verbose_passwords}), SASL payloads in base64, password parameters in URLs and
 * key=value lists — from any text that leaves a parser as text (unparsed samples, details).
 * Parsers that extract fields never copy these parts in the first place; this is the second net.
 */
public final class Redactor {
    public static final String MARK = "<redacted>";

    private static final Pattern[] PATTERNS = {
        // Dovecot: "(given password: secret)", "(SHA1 of given password: 0b45…)"
        Pattern.compile("(?i)(given password: )[^)]*"),
        // Dovecot auth debug: resp=<base64> (tab or space separated)
        Pattern.compile("(?i)(\\bresp=)[^\\s,;]+"),
        // SMTP/IMAP/POP AUTH with an initial response: "AUTH PLAIN AGFsaWNl…"
        Pattern.compile("(?i)(\\bAUTH(?:ENTICATE)?\\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5|NTLM)\\s+)[A-Za-z0-9+/=]{4,}"),
        // IMAP LOGIN user password
        Pattern.compile("(\\b[A-Za-z0-9.]+ LOGIN\\s+(?!authentication\\b)\"?[^\\s\"]+\"?\\s+)(\"[^\"]*\"|\\S+)"),
        // Postfix: "SASL LOGIN authentication failed: UGFzc3dvcmQ6" (a SASL payload)
        Pattern.compile("(?i)(authentication failed: )([A-Za-z0-9+/]{8,}={0,2})(?=$|[\\s,])"),
        // key=value and URL parameters that hold passwords
        Pattern.compile("(?i)(\\b_?(?:password|passwd|pass|pwd|passphrase|secret|token)=)[^&\\s,;\"]+"),
        Pattern.compile("(?i)(\"(?:password|passwd|pass|pwd|secret)\"\\s*:\\s*\")[^\"]*"),
        // HTTP Basic credentials
        Pattern.compile("(?i)(\\bBasic\\s+)[A-Za-z0-9+/=]{8,}"),
    };

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (Pattern p : PATTERNS) {
            Matcher m = p.matcher(s);
            if (m.find()) {
                s = m.replaceAll(r -> Matcher.quoteReplacement(r.group(1) + MARK));
            }
        }
        return s;
    }
}
