package dev.portcullis.ingest.microsoft;

import java.time.Instant;
import java.util.Locale;

/**
 * One HTTP request as IIS logged it (a W3C line, or the data of an IIS-Logging 6200 event), the
 * fields {@link ExchangeWeb} needs. Mutable and reused for every request of one parser; null or -1
 * for what the log does not carry. Values are as logged ("-" already mapped to null).
 */
public final class WebRequest {
    public Instant time;
    /** c-ip */
    public String clientIp;
    /** X-Forwarded-For or OriginalClientIp when logged: the client behind a proxy. */
    public String forwardedFor;
    /** cs-username */
    public String user;
    public String method;
    public String stem;
    public String query;
    /** cs(User-Agent), with IIS's '+' for spaces */
    public String userAgent;
    public int status = -1;
    public int substatus = -1;
    public long win32 = -1;

    public void clear() {
        time = null;
        clientIp = null;
        forwardedFor = null;
        user = null;
        method = null;
        stem = null;
        query = null;
        userAgent = null;
        status = -1;
        substatus = -1;
        win32 = -1;
    }

    /** A W3C field value: "-" (IIS's empty) and "" are null. */
    public static String value(String v) {
        return v == null || v.isEmpty() || (v.length() == 1 && v.charAt(0) == '-') ? null : v;
    }

    /** A non-negative int field, or -1. */
    public static int number(String v) {
        if (v == null || v.isEmpty() || v.length() > 9) {
            return -1;
        }
        int n = 0;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /**
     * The canonical name of a W3C field as it appears in "#Fields:" or in a 6200 event's Data names:
     * lower case, with IIS-Logging's "csUser-Agent" spelled as W3C's "cs(user-agent)".
     */
    public static String fieldName(String raw) {
        String n = raw.toLowerCase(Locale.ROOT);
        if (n.startsWith("cs") && n.length() > 2 && n.charAt(2) != '-' && n.charAt(2) != '(') {
            return "cs(" + n.substring(2) + ")"; // csUser-Agent, csCookie, csReferer
        }
        if (n.startsWith("sc") && n.length() > 2 && n.charAt(2) != '-' && n.charAt(2) != '(') {
            return "sc(" + n.substring(2) + ")";
        }
        return n;
    }

    /** True for the names of a forwarded-client header field ("x-forwarded-for", "OriginalClientIp"…). */
    public static boolean forwardedField(String canonicalName) {
        String n = canonicalName;
        if (n.startsWith("cs(") && n.endsWith(")")) {
            n = n.substring(3, n.length() - 1);
        }
        return n.equals("x-forwarded-for") || n.equals("originalclientip") || n.equals("x-originalclientip")
                || n.equals("x-real-ip");
    }
}
