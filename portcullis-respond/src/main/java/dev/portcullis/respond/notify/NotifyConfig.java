package dev.portcullis.respond.notify;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How incidents are told: a config file's {@code notify:} section, validated when built; every error
 * names the key and what is allowed.
 *
 * <p>Secrets (the SMTP password, the webhook secret) are best given as the name of an environment
 * variable ({@code smtp.password_env}, {@code webhook.secret_env}); they are resolved once here and
 * never appear in {@link #toString()}, logs or messages.
 *
 * @param smtpHost     null: no SMTP (e-mail is off unless {@code dryRunDir} is set)
 * @param starttls     REQUIRED (default: refuse to send in clear), OPTIONAL, OFF (only for a relay on localhost)
 * @param ownerAddress the owner's address from the account: {@code {account}} when accounts are
 *                     addresses, or like {@code {account}@example.org}
 * @param templates    a directory whose {@code owner.txt} / {@code security.txt} replace the built-in ones
 * @param dryRunDir    when set, messages are written there as {@code .eml} files instead of sent
 */
public record NotifyConfig(String smtpHost, int smtpPort, Starttls starttls, String smtpUser, String smtpPassword,
                           Duration smtpTimeout, String from, String securityTeam, String ownerAddress,
                           String organisation, String helpdesk, Path templates, Path dryRunDir,
                           String webhookUrl, String webhookSecret, int maxAttempts, Duration retryBase,
                           Duration retryMax) {

    public enum Starttls { REQUIRED, OPTIONAL, OFF }

    public static final NotifyConfig DISABLED = new NotifyConfig(null, 587, Starttls.REQUIRED, null, null,
            Duration.ofSeconds(30), "portcullis@localhost", null, "{account}", "IT", "your IT help desk", null, null,
            null, null, 8, Duration.ofMinutes(1), Duration.ofHours(6));

    public static final Set<String> KEYS = Set.of("smtp.host", "smtp.port", "smtp.starttls", "smtp.user",
            "smtp.password", "smtp.password_env", "smtp.timeout", "from", "security_team", "owner_address",
            "organisation", "helpdesk", "templates", "dry_run", "webhook.url", "webhook.secret", "webhook.secret_env",
            "retry.max_attempts", "retry.base", "retry.max");

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h|d)");

    public NotifyConfig {
        List<String> errors = new ArrayList<>();
        if (smtpPort < 1 || smtpPort > 65_535) errors.add("notify.smtp.port = " + smtpPort + " is out of range 1..65535");
        if (maxAttempts < 1 || maxAttempts > 100) errors.add("notify.retry.max_attempts = " + maxAttempts + " is out of range 1..100");
        if (retryBase.isNegative() || retryBase.isZero()) errors.add("notify.retry.base must be positive");
        if (retryMax.compareTo(retryBase) < 0) errors.add("notify.retry.max = " + retryMax + " is shorter than notify.retry.base");
        if (!ownerAddress.contains("{account}")) {
            errors.add("notify.owner_address = '" + ownerAddress + "' must contain {account}");
        }
        if (smtpUser != null && smtpPassword == null) {
            errors.add("notify.smtp.user is set but no password: set notify.smtp.password_env to the name of an environment variable");
        }
        if (webhookUrl != null && !webhookUrl.startsWith("https://") && !webhookUrl.startsWith("http://")) {
            errors.add("notify.webhook.url = '" + webhookUrl + "' must be an http:// or https:// URL");
        }
        if (webhookUrl != null && (webhookSecret == null || webhookSecret.length() < 16)) {
            errors.add("notify.webhook.url needs a secret of at least 16 characters (notify.webhook.secret_env)");
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid notify config: " + String.join("; ", errors));
        }
    }

    /** Whether e-mail is configured (SMTP or dry run). */
    public boolean mail() {
        return smtpHost != null || dryRunDir != null;
    }

    public boolean webhook() {
        return webhookUrl != null;
    }

    /** The owner's e-mail address for an account. */
    public String ownerAddressOf(String account) {
        return ownerAddress.replace("{account}", account);
    }

    /** Back-off before attempt {@code attempts + 1}: base × 2^(attempts − 1), at most {@code retryMax}. */
    public Duration backoff(int attempts) {
        Duration d = retryBase;
        for (int i = 1; i < attempts && d.compareTo(retryMax) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(retryMax) > 0 ? retryMax : d;
    }

    /** From a config section's dotted keys; {@code env} resolves {@code *_env} names (System::getenv in production). */
    public static NotifyConfig fromMap(Map<String, ?> values, Function<String, String> env) {
        List<String> errors = new ArrayList<>();
        for (String k : values.keySet()) {
            if (!KEYS.contains(k)) {
                errors.add("unknown key 'notify." + k + "' (known: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        NotifyConfig d = DISABLED;
        int port = integer(values, "smtp.port", d.smtpPort, errors);
        Starttls tls = d.starttls;
        String t = str(values, "smtp.starttls");
        if (t != null) {
            // YAML 1.1 reads an unquoted off/on as a boolean: take false as off and true as required
            String v = t.equalsIgnoreCase("false") ? "OFF" : t.equalsIgnoreCase("true") ? "REQUIRED" : t.toUpperCase(Locale.ROOT);
            try {
                tls = Starttls.valueOf(v);
            } catch (IllegalArgumentException e) {
                errors.add("notify.smtp.starttls = '" + t + "' is not one of required, optional, off");
            }
        }
        String password = secret(values, "smtp.password", env, errors);
        String webhookSecret = secret(values, "webhook.secret", env, errors);
        Duration timeout = duration(values, "smtp.timeout", d.smtpTimeout, errors);
        Duration base = duration(values, "retry.base", d.retryBase, errors);
        Duration max = duration(values, "retry.max", d.retryMax, errors);
        int attempts = integer(values, "retry.max_attempts", d.maxAttempts, errors);
        String from = or(str(values, "from"), d.from);
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid notify config: " + String.join("; ", errors));
        }
        String templates = str(values, "templates");
        String dryRun = str(values, "dry_run");
        return new NotifyConfig(str(values, "smtp.host"), port, tls, str(values, "smtp.user"), password, timeout, from,
                str(values, "security_team"), or(str(values, "owner_address"), d.ownerAddress),
                or(str(values, "organisation"), d.organisation), or(str(values, "helpdesk"), d.helpdesk),
                templates == null ? null : Path.of(templates), dryRun == null ? null : Path.of(dryRun),
                str(values, "webhook.url"), webhookSecret, attempts, base, max);
    }

    private static String secret(Map<String, ?> values, String key, Function<String, String> env, List<String> errors) {
        String direct = str(values, key);
        String name = str(values, key + "_env");
        if (direct != null && name != null) {
            errors.add("give notify." + key + " or notify." + key + "_env, not both");
            return null;
        }
        if (name == null) {
            return direct;
        }
        String v = env.apply(name);
        if (v == null || v.isEmpty()) {
            errors.add("notify." + key + "_env names the environment variable '" + name + "', which is not set");
        }
        return v;
    }

    private static String str(Map<String, ?> values, String key) {
        Object v = values.get(key);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }

    private static String or(String v, String fallback) {
        return v == null ? fallback : v;
    }

    private static int integer(Map<String, ?> values, String key, int fallback, List<String> errors) {
        String v = str(values, key);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            errors.add("notify." + key + " = '" + v + "' is not a whole number");
            return fallback;
        }
    }

    private static Duration duration(Map<String, ?> values, String key, Duration fallback, List<String> errors) {
        String v = str(values, key);
        if (v == null) return fallback;
        Matcher m = DURATION.matcher(v.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            errors.add("notify." + key + " = '" + v + "' is not a duration like 30s, 5m, 6h, 1d");
            return fallback;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** Never shows the password or the webhook secret. */
    @Override
    public String toString() {
        return "NotifyConfig[smtp=" + (smtpHost == null ? "off" : smtpHost + ":" + smtpPort + " starttls=" + starttls
                + (smtpUser == null ? "" : " user=" + smtpUser + " password=***")) + ", from=" + from
                + ", security_team=" + securityTeam + ", owner_address=" + ownerAddress + ", templates=" + templates
                + ", dry_run=" + dryRunDir + ", webhook=" + (webhookUrl == null ? "off" : webhookUrl + " secret=***")
                + ", retry=" + maxAttempts + "×" + retryBase + ".." + retryMax + "]";
    }
}
