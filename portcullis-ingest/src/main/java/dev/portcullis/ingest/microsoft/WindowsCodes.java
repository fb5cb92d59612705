package dev.portcullis.ingest.microsoft;

import dev.portcullis.core.Reason;

/**
 * What Windows' status codes mean for a login, from Microsoft's published tables: NTSTATUS values in
 * Security events 4625 and 4776 ({@code Status}, {@code SubStatus}), Kerberos result codes in 4768 and
 * 4771 (RFC 4120 error codes), Win32 errors in IIS's {@code sc-win32-status}, and logon types.
 * Unknown codes are {@link Reason#UNSPECIFIED}: a failure the log does not explain.
 */
public final class WindowsCodes {
    /** Returned by {@link #kerberos} for codes that are a normal protocol step, not a failed guess. */
    public static final Reason NOT_A_FAILURE = null;

    private WindowsCodes() {
    }

    /** Parses "0xC000006A", "0x18", "C000006A" (hex) or "24" (decimal); -1 when it is not a number. */
    public static long code(String s) {
        if (s == null) {
            return -1;
        }
        int from = 0;
        int to = s.length();
        while (from < to && s.charAt(from) <= ' ') from++;
        while (to > from && s.charAt(to - 1) <= ' ') to--;
        int radix = 10;
        if (to - from > 2 && s.charAt(from) == '0' && (s.charAt(from + 1) == 'x' || s.charAt(from + 1) == 'X')) {
            radix = 16;
            from += 2;
        }
        if (from >= to || to - from > 16) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            int d = Character.digit(s.charAt(i), 16);
            if (d < 0) {
                return -1;
            }
            if (d >= radix) {
                radix = 16; // "C000006A" written without its 0x
            }
            v = v * 16 + d;
        }
        if (radix == 10) {
            // re-read as decimal: every digit was < 10
            v = 0;
            for (int i = from; i < to; i++) {
                v = v * 10 + (s.charAt(i) - '0');
                if (v < 0) return -1;
            }
        }
        return v < 0 ? -1 : v;
    }

    /** The reason for an NTSTATUS failure code (4625, 4776), or null when the code says nothing specific. */
    public static Reason ntStatus(long code) {
        if (code < 0 || code > 0xFFFFFFFFL) {
            return null;
        }
        switch ((int) code) {
            case 0xC000006A: // STATUS_WRONG_PASSWORD
            case 0xC000006D: // STATUS_LOGON_FAILURE: "unknown user name or bad password"
                return Reason.BAD_PASSWORD;
            case 0xC0000064: // STATUS_NO_SUCH_USER
                return Reason.UNKNOWN_ACCOUNT;
            case 0xC0000234: // STATUS_ACCOUNT_LOCKED_OUT
                return Reason.LOCKED;
            case 0xC0000072: // STATUS_ACCOUNT_DISABLED
                return Reason.DISABLED;
            case 0xC0000071: // STATUS_PASSWORD_EXPIRED
            case 0xC0000193: // STATUS_ACCOUNT_EXPIRED
            case 0xC0000224: // STATUS_PASSWORD_MUST_CHANGE
                return Reason.EXPIRED;
            case 0xC000006E: // STATUS_ACCOUNT_RESTRICTION
            case 0xC000006F: // STATUS_INVALID_LOGON_HOURS
            case 0xC0000070: // STATUS_INVALID_WORKSTATION
            case 0xC000015B: // STATUS_LOGON_TYPE_NOT_GRANTED
            case 0xC0000413: // STATUS_AUTHENTICATION_FIREWALL_FAILED
                return Reason.POLICY;
            case 0xC0000133: // STATUS_TIME_DIFFERENCE_AT_DC
            case 0xC000005E: // STATUS_NO_LOGON_SERVERS
            case 0xC0000192: // STATUS_NETLOGON_NOT_STARTED
            case 0xC000018C: // STATUS_TRUSTED_DOMAIN_FAILURE
            case 0xC000018D: // STATUS_TRUSTED_RELATIONSHIP_FAILURE
            case 0xC00000DC: // STATUS_INVALID_SERVER_STATE
            case 0xC000009A: // STATUS_INSUFFICIENT_RESOURCES
            case 0xC00000BB: // STATUS_NOT_SUPPORTED
                return Reason.ABORTED;
            default:
                return null;
        }
    }

    /** 4625: the SubStatus when it is specific, else the Status, else unspecified. */
    public static Reason logonFailure(long status, long subStatus) {
        Reason r = subStatus > 0 ? ntStatus(subStatus) : null;
        if (r == null) {
            r = ntStatus(status);
        }
        return r == null ? Reason.UNSPECIFIED : r;
    }

    /**
     * The reason for a Kerberos result code (4768 Status, 4771 Status a.k.a. Failure Code), or
     * {@link #NOT_A_FAILURE} for 0x19 (pre-authentication required: the client retries with it).
     * 0x12 (KDC_ERR_CLIENT_REVOKED) is logged for locked, disabled and expired accounts alike; it
     * is read as {@link Reason#LOCKED}, the case a password attack causes.
     */
    public static Reason kerberos(long code) {
        if (code < 0 || code > 0xFF) {
            return Reason.UNSPECIFIED;
        }
        switch ((int) code) {
            case 0x18: return Reason.BAD_PASSWORD;     // KDC_ERR_PREAUTH_FAILED
            case 0x06: return Reason.UNKNOWN_ACCOUNT;  // KDC_ERR_C_PRINCIPAL_UNKNOWN
            case 0x12: return Reason.LOCKED;           // KDC_ERR_CLIENT_REVOKED
            case 0x17: return Reason.EXPIRED;          // KDC_ERR_KEY_EXPIRED (password)
            case 0x01: return Reason.EXPIRED;          // KDC_ERR_NAME_EXP (account)
            case 0x0C: return Reason.POLICY;           // KDC_ERR_POLICY
            case 0x19: return NOT_A_FAILURE;           // KDC_ERR_PREAUTH_REQUIRED
            case 0x25:                                 // KRB_AP_ERR_SKEW
            case 0x03: case 0x04: case 0x05:           // bad protocol / key versions
            case 0x0D:                                 // KDC_ERR_BADOPTION
            case 0x0E:                                 // KDC_ERR_ETYPE_NOSUPP
            case 0x10:                                 // KDC_ERR_PADATA_TYPE_NOSUPP
                return Reason.ABORTED;
            default:
                return Reason.UNSPECIFIED;
        }
    }

    /** The reason for an IIS {@code sc-win32-status} on a 401, defaulting to a rejected password. */
    public static Reason win32(long code) {
        if (code < 0 || code > 0xFFFFFFFFL) {
            return Reason.BAD_PASSWORD;
        }
        switch ((int) code) {
            case 1317: return Reason.UNKNOWN_ACCOUNT;  // ERROR_NO_SUCH_USER
            case 1909: return Reason.LOCKED;           // ERROR_ACCOUNT_LOCKED_OUT
            case 1331: return Reason.DISABLED;         // ERROR_ACCOUNT_DISABLED
            case 1330:                                 // ERROR_PASSWORD_EXPIRED
            case 1793:                                 // ERROR_ACCOUNT_EXPIRED
            case 1907:                                 // ERROR_PASSWORD_MUST_CHANGE
                return Reason.EXPIRED;
            case 1327:                                 // ERROR_ACCOUNT_RESTRICTION
            case 1328:                                 // ERROR_INVALID_LOGON_HOURS
            case 1329:                                 // ERROR_INVALID_WORKSTATION
            case 1385:                                 // ERROR_LOGON_TYPE_NOT_GRANTED
                return Reason.POLICY;
            default:                                   // 1326 ERROR_LOGON_FAILURE, 0x8009030C, 0
                return Reason.BAD_PASSWORD;
        }
    }

    /** The service a logon type stands for (4624, 4625). */
    public static String logonService(long type) {
        switch (type < 0 || type > 64 ? -1 : (int) type) {
            case 3:  // network: SMB, RPC, NLA before RDP, IIS with Windows authentication
            case 8:  // network with a cleartext password: IIS Basic authentication, LDAP simple bind
                return "network";
            case 10: // remote interactive
            case 12: // cached remote interactive
                return "rdp";
            case 4:
                return "batch";
            case 5:
                return "service";
            default: // 2 interactive, 7 unlock, 9 new credentials, 11 cached, 13 cached unlock
                return "windows";
        }
    }

    /**
     * True for a 4624 that proves a Kerberos ticket rather than a password: a network logon (type 3)
     * whose {@code AuthenticationPackageName} is Kerberos. The server decrypted a service ticket with its
     * own key and never saw the password; the ticket may come from a TGT whose 4768 proved the password
     * (and is read as the login), or be stolen or forged (pass-the-ticket, a silver ticket). Each server
     * the user touches logs one, so counting them would also make one sign-in several logins.
     */
    public static boolean ticketOnly(long logonType, String authenticationPackage) {
        return logonType == 3 && authenticationPackage != null && authenticationPackage.trim().equalsIgnoreCase("Kerberos");
    }

    /**
     * True for logon types whose successes are machinery rather than a person's password being
     * checked: 0 (system), 4 (batch), 5 (service), 9 (new credentials: nothing was verified).
     */
    public static boolean routineLogonType(long type) {
        return type == 0 || type == 4 || type == 5 || type == 9;
    }
}
