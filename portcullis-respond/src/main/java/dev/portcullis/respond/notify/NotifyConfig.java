package dev.portcullis.respond.notify;

import dev.portcullis.core.config.Durations;
import dev.portcullis.core.config.Section;
import dev.portcullis.core.config.Validator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * How incidents are told: a config file's {@code notify:} section, validated when built; every error
 * names the key and what is allowed ({@link Validator}'s wording).
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

    public NotifyConfig {
        Validator v = new Validator("notify");
        v.range("smtp.port", smtpPort, 1, 65_535);
        v.range("retry.max_attempts", maxAttempts, 1, 100);
        v.range("retry.base", retryBase, Duration.ofMillis(1), null);
        v.check(retryMax.compareTo(retryBase) >= 0, "retry.max", Durations.words(retryMax),
                "is shorter than " + v.path("retry.base") + " (" + Durations.words(retryBase) + ")");
        v.check(ownerAddress.contains("{account}"), "owner_address", Validator.quote(ownerAddress), "must contain {account}");
        v.check(smtpUser == null || smtpPassword != null, "smtp.user",
                null, "is set but no password: set notify.smtp.password_env to the name of an environment variable");
        v.check(webhookUrl == null || webhookUrl.startsWith("https://") || webhookUrl.startsWith("http://"), "webhook.url",
                Validator.quote(webhookUrl), "must be an http:// or https:// URL");
        v.check(webhookUrl == null || (webhookSecret != null && webhookSecret.length() >= 16), "webhook.url",
                null, "needs a secret of at least 16 characters (notify.webhook.secret_env)");
        v.throwIfAny();
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
        Section s = new Section("notify", values, KEYS);
        NotifyConfig d = DISABLED;
        int port = s.integer("smtp.port", d.smtpPort);
        Starttls tls = d.starttls;
        String t = str(values, "smtp.starttls");
        if (t != null) {
            // YAML 1.1 reads an unquoted off/on as a boolean: take false as off and true as required
            tls = t.equalsIgnoreCase("false") ? Starttls.OFF : t.equalsIgnoreCase("true") ? Starttls.REQUIRED
                    : s.word("smtp.starttls", d.starttls);
        }
        String password = secret(values, "smtp.password", env, s);
        String webhookSecret = secret(values, "webhook.secret", env, s);
        Duration timeout = s.duration("smtp.timeout", d.smtpTimeout);
        Duration base = s.duration("retry.base", d.retryBase);
        Duration max = s.duration("retry.max", d.retryMax);
        int attempts = s.integer("retry.max_attempts", d.maxAttempts);
        String from = or(str(values, "from"), d.from);
        String templates = str(values, "templates");
        String dryRun = str(values, "dry_run");
        Starttls starttls = tls;
        return s.build(() -> new NotifyConfig(str(values, "smtp.host"), port, starttls, str(values, "smtp.user"), password,
                timeout, from, str(values, "security_team"), or(str(values, "owner_address"), d.ownerAddress),
                or(str(values, "organisation"), d.organisation), or(str(values, "helpdesk"), d.helpdesk),
                templates == null ? null : Path.of(templates), dryRun == null ? null : Path.of(dryRun),
                str(values, "webhook.url"), webhookSecret, attempts, base, max));
    }

    private static String secret(Map<String, ?> values, String key, Function<String, String> env, Section errors) {
        String direct = str(values, key);
        String name = str(values, key + "_env");
        if (direct != null && name != null) {
            errors.refuse(key, "is given twice; allowed notify." + key + " or notify." + key + "_env, not both");
            return null;
        }
        if (name == null) {
            return direct;
        }
        String v = env.apply(name);
        if (v == null || v.isEmpty()) {
            errors.refuse(key + "_env", "names the environment variable '" + name + "', which is not set");
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
