package org.openpetition.intake.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openpetition.intake.config.PersonalDataConfig;

/** Encryption under named keys, reading earlier keys during a rotation, and values from before key ids. */
public class PersonalDataProtectionTest {

    public static final String KEY_1 = Base64.getEncoder().encodeToString("first-key-of-thirty-two-bytes!!!".getBytes());
    public static final String KEY_2 = Base64.getEncoder().encodeToString("second-key-of-thirty-two-bytes!!".getBytes());
    public static final String MATCHING = Base64.getEncoder().encodeToString("a-matching-key-of-thirty-two-byt".getBytes());

    public static PersonalDataProtection protection(String key, String id, String retired) {
        return new PersonalDataProtection(new PersonalDataConfig() {
            public String encryptionKey() {
                return key;
            }

            public String encryptionKeyId() {
                return id;
            }

            public Optional<String> retiredEncryptionKeys() {
                return Optional.ofNullable(retired);
            }

            public String matchingKey() {
                return MATCHING;
            }
        });
    }

    @Test
    void aValueNamesItsKeyAndIsReadAfterTheKeyRetires() {
        String before = protection(KEY_1, "1", null).encrypt("110101199003071233");
        assertTrue(before.startsWith("v2:1:"), before);
        PersonalDataProtection rotated = protection(KEY_2, "2", "1:" + KEY_1);
        assertEquals("110101199003071233", rotated.decrypt(before));
        String after = rotated.encrypt("110101199003071233");
        assertTrue(after.startsWith(rotated.currentPrefix()) && rotated.currentPrefix().equals("v2:2:"), after);
        assertNotEquals(before.substring(5), after.substring(5));
    }

    @Test
    void aValueFromBeforeKeyIdsIsReadWithWhicheverKeyOpensIt() {
        String legacy = protection(KEY_1, "1", null).encrypt("secret").substring("v2:1:".length());
        assertEquals("secret", protection(KEY_2, "2", "old:" + KEY_1).decrypt(legacy));
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> protection(KEY_2, "2", null).decrypt(legacy));
        assertTrue(none.getMessage().contains("none of the keys"), none.getMessage());
    }

    @Test
    void aKeyThatIsNoLongerConfiguredIsNamed() {
        String under1 = protection(KEY_1, "1", null).encrypt("secret");
        IllegalStateException missing = assertThrows(IllegalStateException.class, () -> protection(KEY_2, "2", null).decrypt(under1));
        assertTrue(missing.getMessage().contains("'1'") && missing.getMessage().contains("retired-encryption-keys"),
                missing.getMessage());
    }

    @Test
    void badKeySettingsStopTheStart() {
        assertThrows(IllegalStateException.class, () -> protection(KEY_1, "bad id!", null));
        assertThrows(IllegalStateException.class, () -> protection(KEY_1, "1", "1:" + KEY_2));
        assertThrows(IllegalStateException.class, () -> protection(KEY_1, "1", "2:c2hvcnQ="));
        assertThrows(IllegalStateException.class, () -> protection(KEY_1, "1", "no-colon"));
    }
}
