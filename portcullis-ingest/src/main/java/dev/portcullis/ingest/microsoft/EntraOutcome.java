package dev.portcullis.ingest.microsoft;

import dev.portcullis.core.Reason;
import dev.portcullis.core.Result;
import java.util.Locale;

/**
 * What an Entra ID (Azure AD) sign-in error code says about the password, shared by the Microsoft 365
 * audit log ({@code ErrorNumber}) and Entra's sign-in logs ({@code status.errorCode}, {@code resultType}).
 *
 * <p><b>The password-was-right rule.</b> Entra checks the password first and the account's other
 * requirements after. Codes raised after a correct password — a second factor demanded (50074, 50076,
 * 50079, 50072, 50158), conditional access or device policy (53000–53004, 530032, 50097, 50131),
 * app assignment or consent (50105, 65001), an unknown resource (500011), an expired password (50055,
 * 50144) — are {@link Result#SUCCESS} with the {@link Reason} that stopped the sign-in. To a detector
 * they mean what a success means: whoever made the attempt knows the password. Spraying tools read
 * them the same way (MSOLSpray reports 50076 and 50055 as valid credentials).
 *
 * <p>Codes that judge no password (a silent sign-in needing interaction, an expired token or flow)
 * are failures with reason {@link Reason#ABORTED} and 0 attempts. Unknown codes are failures with
 * reason {@link Reason#UNSPECIFIED}, one attempt.
 *
 * @param result   success or failure
 * @param reason   why
 * @param attempts password guesses this record stands for (0 or 1)
 */
public record EntraOutcome(Result result, Reason reason, int attempts) {
    public static final EntraOutcome SUCCESS = new EntraOutcome(Result.SUCCESS, Reason.NONE, 1);
    public static final EntraOutcome UNSPECIFIED = new EntraOutcome(Result.FAILURE, Reason.UNSPECIFIED, 1);

    /** The outcome of a sign-in with this error code (0 = success). */
    public static EntraOutcome of(int code) {
        switch (code) {
            case 0:
            case 50140: // "Keep me signed in" interrupt, after a correct password
            case 50125: // password reset registration interrupt
            case 50199: // CmsiInterrupt: the user is asked to confirm the app
                return SUCCESS;
            case 50126: // InvalidUserNameOrPassword
            case 50064: // credential validation failed
                return failure(Reason.BAD_PASSWORD);
            case 50034: // UserAccountNotFound
            case 50020: // user from an identity provider does not exist in the tenant
            case 50059: // tenant not found from the domain
            case 50128: // invalid domain name
                return failure(Reason.UNKNOWN_ACCOUNT);
            case 50053: // IdsLocked: smart lockout, or a sign-in from a known-malicious address
                return failure(Reason.LOCKED);
            case 50057: // UserDisabled
                return failure(Reason.DISABLED);
            case 50055: // InvalidPasswordExpiredPassword: the given password was right, and expired
            case 50144: // InvalidPasswordExpiredOnPremPassword
                return success(Reason.EXPIRED);
            case 50074: // StrongAuthRequired
            case 50076: // UserStrongAuthClientAuthNRequired
            case 50079: // UserStrongAuthEnrollmentRequired
            case 50072: // UserStrongAuthEnrollmentRequiredInterrupt
            case 50158: // ExternalSecurityChallenge not satisfied
                return success(Reason.MFA_REQUIRED);
            case 53000: // DeviceNotCompliant
            case 53001: // DeviceNotDomainJoined
            case 53002: // ApplicationUsedIsNotAnApprovedApp
            case 53003: // BlockedByConditionalAccess
            case 53004: // ProofUpBlockedDueToRisk
            case 530032: // BlockedByConditionalAccessOnSecurityPolicy
            case 50097: // DeviceAuthenticationRequired
            case 50131: // ConditionalAccessFailed
            case 50105: // the user is not assigned to the application
            case 65001: // consent not granted
            case 500011: // the resource is not in the tenant: the token was refused after the password
                return success(Reason.POLICY);
            case 50058: // silent sign-in needs interaction: no password was sent
            case 50089: // flow token expired
            case 50132: // SSO artifact invalid or expired
            case 50133: // session invalid after a password change
            case 50173: // fresh token needed
            case 70043: // refresh token expired (conditional access sign-in frequency)
            case 70044: // session expired
            case 700082: // refresh token expired for inactivity
            case 16000: // account selection needed
            case 16001: // account selection needed
            case 16003: // user account not in the directory of this session
                return new EntraOutcome(Result.FAILURE, Reason.ABORTED, 0);
            default:
                return UNSPECIFIED;
        }
    }

    /** The outcome for an error code as text ("50126", "0"); null when it is not a number. */
    public static EntraOutcome of(String code) {
        if (code == null) {
            return null;
        }
        String c = code.trim();
        if (c.isEmpty() || c.length() > 9) {
            return null;
        }
        int v = 0;
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch < '0' || ch > '9') {
                return null;
            }
            v = v * 10 + (ch - '0');
        }
        return of(v);
    }

    private static EntraOutcome failure(Reason r) {
        return new EntraOutcome(Result.FAILURE, r, 1);
    }

    private static EntraOutcome success(Reason r) {
        return new EntraOutcome(Result.SUCCESS, r, 1);
    }

    /**
     * The service an Entra {@code clientAppUsed} value names: imap, pop3, smtp, activesync, web (browser),
     * modern (mobile and desktop apps), ews, mapi, … ; "other" for anything unknown (values come from the
     * log, so they are never copied into the event as they are).
     */
    public static String service(String clientApp) {
        if (clientApp == null) {
            return null;
        }
        switch (clientApp.trim().toLowerCase(Locale.ROOT)) {
            case "imap4": case "imap": return "imap";
            case "pop3": case "pop": return "pop3";
            case "authenticated smtp": case "smtp": return "smtp";
            case "exchange activesync": return "activesync";
            case "browser": return "web";
            case "mobile apps and desktop clients": return "modern";
            case "exchange web services": return "ews";
            case "mapi over http": return "mapi";
            case "outlook anywhere (rpc over http)": return "rpc";
            case "autodiscover": return "autodiscover";
            case "offline address book": return "oab";
            case "exchange online powershell": return "powershell";
            case "reporting web services": return "reporting";
            case "universal outlook": return "outlook";
            case "": return null;
            default: return "other";
        }
    }
}
