package dev.portcullis.ingest.format;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Counts one guess once when PAM's {@code pam_unix(dovecot:auth): authentication failure; … rhost=A}
 * line and Dovecot's own line (the {@code pam(user,A…)} driver line, or the login process's disconnect)
 * record it. Neither carries the other's session id, so they are joined on address and user, in
 * either order, within {@link #WINDOW_SECONDS} of each other.
 *
 * <p>Per key a signed count: positive, guesses counted from PAM lines that no Dovecot line has met
 * yet; negative, guesses counted from Dovecot lines that no PAM line has met yet. A line meeting the
 * other side's count is counted only for what it adds. The keys come from the log (an attacker chooses
 * the user), so the table holds at most {@code capacity} keys and forgets the least recently used;
 * {@link #evictions()} says how often that happened. Not thread-safe.
 */
final class PamJoin {
    static final long WINDOW_SECONDS = 300;

    private static final class Entry {
        int count;
        Instant time;
    }

    private final LinkedHashMap<String, Entry> map;
    private long evictions;

    PamJoin(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        this.map = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
                if (size() > capacity) {
                    evictions++;
                    return true;
                }
                return false;
            }
        };
    }

    /** A PAM line's one guess: 1 when it is new, 0 when a Dovecot line already counted it. */
    int pam(String address, String user, Instant time) {
        Entry e = live(address, user, time);
        if (e == null) {
            return 1;
        }
        if (e.count < 0) {
            e.count++;
            drop(address, user, e);
            return 0;
        }
        e.count++;
        return 1;
    }

    /** A Dovecot line's {@code attempts}: what remains once PAM lines' guesses already counted are taken off. */
    int dovecot(String address, String user, Instant time, int attempts) {
        if (attempts <= 0) {
            return attempts;
        }
        Entry e = live(address, user, time);
        if (e == null) {
            return attempts;
        }
        if (e.count > 0) {
            int met = Math.min(e.count, attempts);
            e.count -= met;
            drop(address, user, e);
            return attempts - met;
        }
        e.count -= attempts;
        return attempts;
    }

    long evictions() {
        return evictions;
    }

    int size() {
        return map.size();
    }

    /** The entry of this key, renewed when older than the window; null when the key cannot be formed. */
    private Entry live(String address, String user, Instant time) {
        if (address == null || user == null || user.isEmpty() || time == null) {
            return null;
        }
        String key = key(address, user);
        Entry e = map.get(key);
        if (e == null || Math.abs(time.getEpochSecond() - e.time.getEpochSecond()) > WINDOW_SECONDS) {
            e = new Entry();
            map.put(key, e);
        }
        e.time = time;
        return e;
    }

    private void drop(String address, String user, Entry e) {
        if (e.count == 0) {
            map.remove(key(address, user));
        }
    }

    private static String key(String address, String user) {
        return address + ' ' + user.toLowerCase(Locale.ROOT);
    }
}
