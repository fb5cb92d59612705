package dev.portcullis.ingest;

import java.util.function.BiPredicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets that logs sometimes carry — Dovecot's given-password suffixes
 * ({@code auth_verbose_passwords}), SASL payloads in base64, password parameters in URLs and
 * key=value lists — from any text that leaves a parser as text (unparsed samples, details).
 * Parsers that extract fields never copy these parts in the first place; this is the second net.
 *
 * <p>Where a rule can only guess what the secret is (a word after "Basic", after "authentication
 * failed:", after an IMAP {@code LOGIN}), a guard keeps ordinary words: an encoded payload has a digit,
 * {@code + / =} or mixed case; login(1)'s {@code ROOT LOGIN ON tty2} is no IMAP command. Stateless,
 * thread-safe.
 */
public final class Redactor {
    public static final String MARK = "<redacted>";

    /** A pattern whose group 1 is kept and the rest of the match replaced, when the guard allows. */
    private record Rule(Pattern pattern, BiPredicate<MatchResult, String> secret) {
        Rule(String regex) {
            this(Pattern.compile(regex), (m, rest) -> true);
        }
    }

    private static final Pattern CAPS = Pattern.compile("[A-Z]+");

    private static final Rule[] RULES = {
        // Dovecot: "(given password: secret)", "(SHA1 of given password: 0b45…)"; the password may hold
        // ')', so everything up to the line's last ')' goes (or to the end when there is none)
        new Rule("(?i)(given password: )(?:.*(?=\\))|.*)"),
        // Dovecot auth debug: resp=<base64> (tab or space separated)
        new Rule("(?i)(\\bresp=)[^\\s,;]+"),
        // SMTP/IMAP/POP AUTH with an initial response: "AUTH PLAIN AGFsaWNl…"
        new Rule(Pattern.compile("(?i)(\\bAUTH(?:ENTICATE)?\\s+(?:PLAIN|LOGIN|XOAUTH2|OAUTHBEARER|CRAM-MD5|NTLM)\\s+)[A-Za-z0-9+/=]{4,}"),
                (m, rest) -> encoded(rest)),
        // IMAP "tag LOGIN user password" — but not login(1)'s "ROOT LOGIN ON tty2" / "FAILED LOGIN 1 FROM x"
        new Rule(Pattern.compile("(\\b([A-Za-z0-9.]+) LOGIN\\s+(?!authentication\\b)\"?([^\\s\"]+)\"?\\s+)(\"[^\"]*\"|\\S+)"),
                (m, rest) -> !(CAPS.matcher(m.group(2)).matches() && m.group(2).length() >= 3
                        && (CAPS.matcher(m.group(3)).matches() || CAPS.matcher(rest).matches()))),
        // Postfix: "SASL LOGIN authentication failed: UGFzc3dvcmQ6" (a SASL payload)
        new Rule(Pattern.compile("(?i)(authentication failed: )([A-Za-z0-9+/]{8,}={0,2})(?=$|[\\s,])"),
                (m, rest) -> encoded(rest)),
        // key=value and URL parameters that hold passwords
        new Rule("(?i)(\\b_?(?:password|passwd|pass|pwd|passphrase|secret|token)=)[^&\\s,;\"]+"),
        new Rule("(?i)(\"(?:password|passwd|pass|pwd|secret)\"\\s*:\\s*\")[^\"]*"),
        // HTTP Basic credentials
        new Rule(Pattern.compile("(?i)(\\bBasic\\s+)[A-Za-z0-9+/=]{8,}"), (m, rest) -> encoded(rest)),
    };

    private Redactor() {
    }

    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern.matcher(s);
            if (m.find()) {
                s = m.replaceAll(r -> {
                    String rest = r.group().substring(r.end(1) - r.start());
                    boolean secret = rule.secret.test(r, rest);
                    return Matcher.quoteReplacement(secret ? r.group(1) + MARK : r.group());
                });
            }
        }
        return s;
    }

    /**
     * True when a token looks like an encoded payload rather than a word: a digit or one of
     * {@code + / =}, or a capital after the first letter alongside small letters ("YWxpY2U" yes,
     * "authentication", "Authentication", "FAILED" no).
     */
    static boolean encoded(String token) {
        boolean lower = false;
        boolean innerUpper = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if ((c >= '0' && c <= '9') || c == '+' || c == '/' || c == '=') {
                return true;
            }
            lower |= c >= 'a' && c <= 'z';
            innerUpper |= i > 0 && c >= 'A' && c <= 'Z';
        }
        return lower && innerUpper;
    }
}
