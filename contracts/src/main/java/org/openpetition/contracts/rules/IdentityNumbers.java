package org.openpetition.contracts.rules;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Identity numbers of petitioners: the resident identity card number (公民身份号码, GB 11643-1999)
 * and the unified social credit code of organisations (统一社会信用代码, GB 32100-2015), each with
 * its check character; and the masked form every API response shows.
 */
public final class IdentityNumbers {

    private static final int[] RESIDENT_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String RESIDENT_CHECK = "10X98765432";
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private IdentityNumbers() {
    }

    /** 18 characters: region (6), birth date (8, a real date not in the future), sequence (3), check. */
    public static boolean isResidentIdNumber(String number, LocalDate today) {
        if (number == null || !number.matches("[1-9]\\d{16}[0-9X]")) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(number.substring(6, 10)),
                    Integer.parseInt(number.substring(10, 12)), Integer.parseInt(number.substring(12, 14)));
            if (birth.isAfter(today) || birth.getYear() < 1900) {
                return false;
            }
        } catch (DateTimeException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * RESIDENT_WEIGHTS[i];
        }
        return RESIDENT_CHECK.charAt(sum % 11) == number.charAt(17);
    }

    /** 18 characters from the code's alphabet, the last one the check character. */
    public static boolean isUnifiedSocialCreditCode(String code) {
        if (code == null || code.length() != 18) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CREDIT_ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return false;
            }
            sum += value * CREDIT_WEIGHTS[i];
        }
        int check = (31 - sum % 31) % 31;
        return CREDIT_ALPHABET.charAt(check) == code.charAt(17);
    }

    /** "511703199001011234" -> "5117**********1234": the first and last four characters. */
    public static String mask(String number) {
        if (number == null || number.length() <= 8) {
            return number == null ? null : "*".repeat(number.length());
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 8) + number.substring(number.length() - 4);
    }

    /** "13800138000" -> "138****8000". */
    public static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? null : "*".repeat(phone.length());
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** An email address with its local part masked but its first character: z***@example.com. */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        return at <= 0 ? "***" : email.charAt(0) + "***" + email.substring(at);
    }
}
