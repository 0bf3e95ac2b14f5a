package org.openpetition.intake.service;

import org.openpetition.contracts.rules.BeijingTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Tracking codes (查询码) a petitioner can read out on the phone: "XF" + date of receipt + eight
 * characters from an alphabet without look-alikes (no 0/O, 1/I/L), e.g. XF20261123-7K3MQ9TW.
 */
@ApplicationScoped
public class TrackingCodes {

    private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SecureRandom random = new SecureRandom();

    public String next() {
        return "XF" + LocalDate.now(BeijingTime.ZONE).format(DAY) + '-' + randomChars(8);
    }

    /** The query secret (查询密码) that goes with a tracking code: eight characters, about 40 bits. */
    public String nextSecret() {
        return randomChars(8);
    }

    private String randomChars(int count) {
        StringBuilder chars = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            chars.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return chars.toString();
    }
}
