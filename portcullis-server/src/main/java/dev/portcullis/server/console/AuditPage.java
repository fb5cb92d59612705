package dev.portcullis.server.console;

import dev.portcullis.store.AuditEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Audit page: every change and sign-in, searchable by who (actor contains), what (action contains)
 * and a range of days (UTC, both ends included). The form is a GET, so a search is a link; it is
 * checked on the server, with a message beside each field that is wrong.
 */
final class AuditPage implements Page {
    static final int LIMIT = 200;
    static final int MAX_TEXT = 100;

    private final Backend backend;

    AuditPage(Backend backend) {
        this.backend = backend;
    }

    /** The search as typed, and a message per field that is wrong. */
    public record Search(String who, String what, String from, String to, Map<String, String> errors) {
        public String error(String field) {
            return errors.get(field);
        }
    }

    /** An entry as shown. */
    public record Row(String time, String who, String what, String target, String detail) {}

    public record Model(Search search, List<Row> rows, boolean more, int limit) {}

    @Override
    public void routes(Routes r) {
        r.get(Nav.AUDIT.path(), this::show);
    }

    private void show(View v) {
        Search s = new Search(orEmpty(v.param("who")), orEmpty(v.param("what")), orEmpty(v.param("from")),
                orEmpty(v.param("to")), new LinkedHashMap<>());
        text(s, "who", s.who());
        text(s, "what", s.what());
        LocalDate from = date(s, "from", s.from());
        LocalDate to = date(s, "to", s.to());
        if (from != null && to != null && to.isBefore(from)) {
            s.errors().put("to", "The last day is before the first (" + s.from() + ").");
        }
        if (!s.errors().isEmpty()) {
            v.status(422).page("audit.jte", "Audit", new Model(s, List.of(), false, LIMIT));
            return;
        }
        Instant fromAt = from == null ? null : from.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant toAt = to == null ? null : to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        List<AuditEntry> found = backend.gate().store().auditSearch(s.who(), s.what(), fromAt, toAt, LIMIT + 1);
        List<Row> rows = found.stream().limit(LIMIT)
                .map(e -> new Row(e.time().toString(), e.actor(), e.action(), e.target(), e.detail())).toList();
        v.page("audit.jte", "Audit", new Model(s, rows, found.size() > LIMIT, LIMIT));
    }

    private static void text(Search s, String field, String value) {
        if (value.length() > MAX_TEXT) {
            s.errors().put(field, "At most " + MAX_TEXT + " characters (this has " + value.length() + ").");
        }
    }

    private static LocalDate date(Search s, String field, String value) {
        if (value.isEmpty()) {
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value);
            if (d.getYear() < 2000 || d.getYear() > 2999) {
                s.errors().put(field, "Give a day between 2000 and 2999, like 2026-06-10.");
                return null;
            }
            return d;
        } catch (DateTimeParseException e) {
            s.errors().put(field, "Not a day: give it as YYYY-MM-DD, like 2026-06-10.");
            return null;
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
