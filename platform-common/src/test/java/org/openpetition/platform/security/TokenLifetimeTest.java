package org.openpetition.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TokenLifetimeTest {

    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration MAX_AGE = Duration.ofSeconds(60);

    @Test
    void aTokenIsKeptUntilItExpiresWhenThatComesFirst() {
        long expiresAt = NOW.plusSeconds(25).getEpochSecond();
        assertEquals(Duration.ofSeconds(25), TokenLifetime.keep(expiresAt, NOW, MAX_AGE));
    }

    @Test
    void aLongLivedTokenIsKeptForTheConfiguredAgeOnly() {
        long expiresAt = NOW.plusSeconds(300).getEpochSecond();
        assertEquals(MAX_AGE, TokenLifetime.keep(expiresAt, NOW, MAX_AGE));
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsNotKept() {
        assertEquals(Duration.ZERO, TokenLifetime.keep(NOW.getEpochSecond(), NOW, MAX_AGE));
        assertEquals(Duration.ZERO, TokenLifetime.keep(NOW.minusSeconds(1).getEpochSecond(), NOW, MAX_AGE));
        assertEquals(Duration.ZERO, TokenLifetime.keep(0, NOW, MAX_AGE));
    }
}
