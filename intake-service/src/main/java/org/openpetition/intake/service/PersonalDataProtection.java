package org.openpetition.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openpetition.intake.config.PersonalDataConfig;

/**
 * Protects identity numbers at rest: encrypted with AES-256-GCM (random 96-bit nonce per value),
 * and a keyed hash (HMAC-SHA256) for finding the same petitioner again without decrypting.
 */
@ApplicationScoped
public class PersonalDataProtection {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec matchingKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtection(PersonalDataConfig config) {
        byte[] encryption = Base64.getDecoder().decode(config.encryptionKey());
        byte[] matching = Base64.getDecoder().decode(config.matchingKey());
        if (encryption.length != 32 || matching.length < 32) {
            throw new IllegalStateException("petition.personal-data keys: the encryption key must be 32 bytes and "
                    + "the matching key at least 32 bytes (Base64)");
        }
        this.encryptionKey = new SecretKeySpec(encryption, "AES");
        this.matchingKey = new SecretKeySpec(matching, "HmacSHA256");
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed", e);
        }
    }

    /** The same input always gives the same hash; without the key it cannot be reversed by guessing. */
    public String matchingHash(String plain) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(matchingKey);
            return HexFormat.of().formatHex(mac.doFinal(plain.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("hashing failed", e);
        }
    }
}
