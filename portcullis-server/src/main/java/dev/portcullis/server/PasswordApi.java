package dev.portcullis.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.portcullis.passwords.check.CheckContext;
import dev.portcullis.passwords.check.CheckResult;
import dev.portcullis.passwords.check.PasswordCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code POST /api/passwords/check}: a password-change front end asks whether a new password is
 * acceptable. Body {@code {"password":"…","account":"…","name":"…","mfa":false,"words":["…"]}};
 * answer {@link CheckResult#toJson()}. The password is read from the streaming parser's buffer into a
 * {@code char[]} (never a String), zeroed after the check, and never logged. Runs on the admin thread
 * (a strength estimate takes a millisecond or more).
 */
final class PasswordApi {
    private static final JsonFactory JSON = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(8).maxStringLength(8192).build())
            .build();

    private final PasswordCheck check;

    PasswordApi(PasswordCheck check) {
        this.check = check;
    }

    Reply check(Request r) {
        char[] password = null;
        String account = null, name = null;
        boolean mfa = false;
        List<String> words = new ArrayList<>();
        byte[] body = r.body();
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new BadRequest("the request body is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "password" -> {
                        if (v != JsonToken.VALUE_STRING) throw new BadRequest("'password' must be a string");
                        password = Arrays.copyOfRange(p.getTextCharacters(), p.getTextOffset(),
                                p.getTextOffset() + p.getTextLength());
                    }
                    case "account" -> account = text(p, v, field);
                    case "name" -> name = text(p, v, field);
                    case "mfa" -> {
                        if (v != JsonToken.VALUE_TRUE && v != JsonToken.VALUE_FALSE) {
                            throw new BadRequest("'mfa' must be true or false");
                        }
                        mfa = v == JsonToken.VALUE_TRUE;
                    }
                    case "words" -> {
                        if (v != JsonToken.START_ARRAY) throw new BadRequest("'words' must be a list of strings");
                        while (p.nextToken() == JsonToken.VALUE_STRING) {
                            if (words.size() < 64) words.add(p.getText());
                        }
                        if (p.currentToken() != JsonToken.END_ARRAY) throw new BadRequest("'words' must be a list of strings");
                    }
                    default -> p.skipChildren();
                }
            }
            if (password == null) {
                throw new BadRequest("'password' is missing");
            }
            CheckResult result = check.check(password, new CheckContext(account, name, mfa, words));
            return new Reply(200, result.toJson().getBytes(StandardCharsets.UTF_8), Reply.JSON);
        } catch (IOException e) {
            throw new BadRequest("the request body is not valid JSON");
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        } finally {
            if (password != null) Arrays.fill(password, '\0');
            Arrays.fill(body, (byte) 0);
        }
    }

    private static String text(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) return null;
        if (v != JsonToken.VALUE_STRING) throw new BadRequest("'" + field + "' must be a string");
        String s = p.getText();
        if (s.length() > 256) throw new BadRequest("'" + field + "' is longer than 256 characters");
        return s;
    }
}
