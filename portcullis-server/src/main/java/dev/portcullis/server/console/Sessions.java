package dev.portcullis.server.console;

import dev.portcullis.core.LruTable;
import dev.portcullis.server.console.auth.ConsoleUser;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The console's sessions and one-time sign-in links, in memory.
 *
 * <p>Design note.
 * <ul>
 *   <li>Ids and CSRF tokens are 256 random bits ({@link SecureRandom}), base64url: unguessable, so
 *       the id alone is the credential. A new id at every sign-in (no fixation: an id is never
 *       accepted from a client, only handed out).</li>
 *   <li>A session ends when unused for {@code idle} (each authenticated request renews it), after
 *       {@link ConsoleConfig#ABSOLUTE_HOURS} whatever its use, or at sign-out.</li>
 *   <li>Bounded: at most {@code capacity} sessions (only a successful sign-in makes one, but a
 *       careless script could still loop); a new one past the cap ends the least recently used.
 *       One-time links likewise, at most {@value #LINKS}, each valid {@link #LINK_LIFE} and used once.</li>
 *   <li>Time from the injected {@link Clock}; thread-safe (one lock: the work under it is a table
 *       lookup).</li>
 * </ul>
 */
public final class Sessions {
    static final int LINKS = 64;
    static final Duration LINK_LIFE = Duration.ofMinutes(10);
    static final Duration ABSOLUTE = Duration.ofHours(ConsoleConfig.ABSOLUTE_HOURS);

    private final SecureRandom random = new SecureRandom();
    private final LruTable<Session> sessions;
    private final LruTable<Link> links = new LruTable<>(LINKS);
    private final Duration idle;
    private final Clock clock;

    private record Link(ConsoleUser user, Instant until) {}

    public Sessions(int capacity, Duration idle, Clock clock) {
        this.sessions = new LruTable<>(capacity);
        this.idle = idle;
        this.clock = clock;
    }

    /** A new session for {@code user}, with a fresh id and CSRF token. */
    public synchronized Session start(ConsoleUser user) {
        Instant now = clock.instant();
        Session s = new Session(token(), user, token(), now, now);
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session with this id, renewed; null when unknown, idle too long or past the limit (it is then ended). */
    public Session use(String id) {
        return use(id, true);
    }

    /** As {@link #use(String)}; {@code renew} false looks without counting as use (a page's poll). */
    public synchronized Session use(String id, boolean renew) {
        if (id == null) {
            return null;
        }
        Session s = sessions.get(id);
        if (s == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!now.isBefore(s.lastUsed().plus(idle)) || !now.isBefore(s.started().plus(ABSOLUTE))) {
            sessions.remove(id);
            return null;
        }
        if (!renew) {
            return s;
        }
        Session renewed = s.used(now);
        sessions.put(id, renewed);
        return renewed;
    }

    /** Ends the session (sign-out); unknown ids are ignored. */
    public synchronized void end(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    public synchronized int size() {
        return sessions.size();
    }

    /** A token for a one-time sign-in as {@code user}: valid {@link #LINK_LIFE}, once. */
    public synchronized String link(ConsoleUser user) {
        String t = token();
        links.put(t, new Link(user, clock.instant().plus(LINK_LIFE)));
        return t;
    }

    /** The user of a one-time link, consuming it; null when unknown, used or expired. */
    public synchronized ConsoleUser redeem(String token) {
        if (token == null) {
            return null;
        }
        Link l = links.remove(token);
        return l == null || !clock.instant().isBefore(l.until()) ? null : l.user();
    }

    private String token() {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
