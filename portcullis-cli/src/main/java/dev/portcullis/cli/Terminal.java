package dev.portcullis.cli;

/** Text from logs is attacker-controlled: never let it put escape sequences on an operator's terminal. */
final class Terminal {
    private Terminal() {
    }

    static String safe(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean bad = c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == '\u202e';
            if (bad && b == null) {
                b = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (b != null) {
                b.append(bad ? '?' : c);
            }
        }
        return b == null ? s : b.toString();
    }
}
