package org.openpetition.intake.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.openpetition.intake.config.PersonalDataConfig;

/**
 * Protects identity numbers and query secrets at rest: encrypted with AES-256-GCM (random 96-bit nonce per
 * value) and stored as {@code v2:<key id>:<Base64 nonce and ciphertext>}, so that a value names the key it
 * needs; and a keyed hash (HMAC-SHA256) for finding the same petitioner again without decrypting. Values
 * written before key ids existed (plain Base64) are read with the current key, then each retired one.
 */
@ApplicationScoped
public class PersonalDataProtection {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String VERSION = "v2:";

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final SecretKeySpec matchingKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataProtection(PersonalDataConfig config) {
        this.currentId = keyId(config.encryptionKeyId());
        keys.put(currentId, aesKey(currentId, config.encryptionKey()));
        config.retiredEncryptionKeys().ifPresent(list -> {
            for (String entry : list.split(",")) {
                if (entry.isBlank()) {
                    continue;
                }
                int colon = entry.indexOf(':');
                if (colon < 1) {
                    throw new IllegalStateException("petition.personal-data.retired-encryption-keys: each entry is id:base64");
                }
                String id = keyId(entry.substring(0, colon).strip());
                if (keys.putIfAbsent(id, aesKey(id, entry.substring(colon + 1).strip())) != null) {
                    throw new IllegalStateException("petition.personal-data: the key id " + id + " is given twice");
                }
            }
        });
        byte[] matching = Base64.getDecoder().decode(config.matchingKey());
        if (matching.length < 32) {
            throw new IllegalStateException("petition.personal-data.matching-key must be at least 32 bytes (Base64)");
        }
        this.matchingKey = new SecretKeySpec(matching, "HmacSHA256");
    }

    /** The id of the key new values are encrypted with. */
    public String currentKeyId() {
        return currentId;
    }

    /** How every value encrypted under the current key begins. */
    public String currentPrefix() {
        return VERSION + currentId + ":";
    }

    public String encrypt(String plain) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return currentPrefix() + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String stored) {
        if (stored.startsWith(VERSION)) {
            int colon = stored.indexOf(':', VERSION.length());
            String id = colon < 0 ? "" : stored.substring(VERSION.length(), colon);
            SecretKeySpec key = keys.get(id);
            if (key == null) {
                throw new IllegalStateException("a value is encrypted under the key id '" + id + "', which is not configured:"
                        + " add it to petition.personal-data.retired-encryption-keys");
            }
            try {
                return open(key, stored.substring(colon + 1));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("decryption failed under the key id '" + id + "'", e);
            }
        }
        for (SecretKeySpec key : keys.values()) {
            try {
                return open(key, stored);
            } catch (GeneralSecurityException wrongKey) {
                // a value from before key ids: the next key may be the one
            }
        }
        throw new IllegalStateException("decryption failed: a value from before key ids opens under none of the keys");
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

    private static String open(SecretKeySpec key, String base64) throws GeneralSecurityException {
        byte[] all = Base64.getDecoder().decode(base64);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
        return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
    }

    private static String keyId(String id) {
        if (id == null || !id.matches("[A-Za-z0-9-]{1,32}")) {
            throw new IllegalStateException("petition.personal-data: a key id is 1 to 32 letters, digits or '-', not '" + id + "'");
        }
        return id;
    }

    private static SecretKeySpec aesKey(String id, String base64) {
        byte[] key = Base64.getDecoder().decode(base64);
        if (key.length != 32) {
            throw new IllegalStateException("petition.personal-data: the encryption key '" + id + "' must be 32 bytes (Base64)");
        }
        return new SecretKeySpec(key, "AES");
    }
}
