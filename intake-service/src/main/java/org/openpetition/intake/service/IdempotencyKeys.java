package org.openpetition.intake.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The rules of an Idempotency-Key, the same on every registration path (REST and Open311): its format, and
 * the fingerprint of the request it was sent with (SHA-256 of the registration request as JSON), which
 * {@link PetitionRegistration} stores with the key.
 */
public final class IdempotencyKeys {

    /** 1 to 200 visible ASCII characters. */
    public static final String FORMAT = "[\\x21-\\x7e]{1,200}";

    private IdempotencyKeys() {
    }

    public static boolean wellFormed(String key) {
        return key.matches(FORMAT);
    }

    /** SHA-256 of the request as JSON, as the service reads it. */
    public static String fingerprint(ObjectMapper json, Object request) {
        try {
            byte[] canonical = json.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
