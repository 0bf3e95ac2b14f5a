package org.openpetition.contracts.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdentityNumbersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    @Test
    void residentIdNumbersWithTheirCheckCharacter() {
        assertTrue(IdentityNumbers.isResidentIdNumber("11010519491231002X", TODAY), "the standard's sample");
        assertTrue(IdentityNumbers.isResidentIdNumber("511703199001011238", TODAY));
        assertFalse(IdentityNumbers.isResidentIdNumber("511703199001011237", TODAY), "wrong check digit");
        assertFalse(IdentityNumbers.isResidentIdNumber("11010519491231002x", TODAY), "lower-case x");
        assertFalse(IdentityNumbers.isResidentIdNumber("511703199002301234", TODAY), "30 February");
        assertFalse(IdentityNumbers.isResidentIdNumber("511703203001011234", TODAY), "born in the future");
        assertFalse(IdentityNumbers.isResidentIdNumber("51170319900101123", TODAY), "17 characters");
        assertFalse(IdentityNumbers.isResidentIdNumber(null, TODAY));
    }

    @Test
    void unifiedSocialCreditCodes() {
        assertTrue(IdentityNumbers.isUnifiedSocialCreditCode("91350100M000100Y43"), "the standard's sample");
        assertFalse(IdentityNumbers.isUnifiedSocialCreditCode("91350100M000100Y44"), "wrong check character");
        assertFalse(IdentityNumbers.isUnifiedSocialCreditCode("91350100I000100Y43"), "I is not in the alphabet");
        assertFalse(IdentityNumbers.isUnifiedSocialCreditCode("91350100M000100Y4"), "17 characters");
    }

    @Test
    void masking() {
        assertEquals("5117**********1238", IdentityNumbers.mask("511703199001011238"));
        assertEquals("138****8000", IdentityNumbers.maskPhone("13800138000"));
        assertEquals("028*****5678", IdentityNumbers.maskPhone("028-12345678"));
    }
}
