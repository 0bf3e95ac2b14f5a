package org.openpetition.intake.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.openpetition.intake.repository.ProtectedValues;
import org.openpetition.intake.repository.ProtectedValues.Kind;
import org.openpetition.intake.repository.ProtectedValues.Rewritten;

/**
 * The re-encryption job of a key rotation: every identity number and query secret not yet under the
 * current key is decrypted (under the key its value names) and encrypted again under the current one, and
 * each identity number's matching hash is computed again with the current matching key. Runs a batch at a
 * time, each batch its own transaction, until none is left; safe to run again or beside another run.
 */
@ApplicationScoped
public class KeyRotation {

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);
    private static final int BATCH = 500;

    /** What a run rewrote, and under which key. */
    public record Outcome(String keyId, long identityNumbers, long querySecrets) {
    }

    private final ProtectedValues values;
    private final PersonalDataProtection protection;

    public KeyRotation(ProtectedValues values, PersonalDataProtection protection) {
        this.values = values;
        this.protection = protection;
    }

    public Uni<Outcome> reEncryptAll() {
        return all(Kind.IDENTITY_NUMBER, 0).chain(ids -> all(Kind.QUERY_SECRET, 0).map(secrets -> {
            LOG.infof("re-encryption under key id %s: %d identity numbers, %d query secrets rewritten",
                    protection.currentKeyId(), ids, secrets);
            return new Outcome(protection.currentKeyId(), ids, secrets);
        }));
    }

    private Uni<Long> all(Kind kind, long doneSoFar) {
        return values.rewriteBatch(kind, protection.currentPrefix(), BATCH, stored -> {
                    String plain = protection.decrypt(stored.value());
                    return new Rewritten(stored, protection.encrypt(plain),
                            kind == Kind.IDENTITY_NUMBER ? protection.matchingHash(plain) : null);
                })
                .chain(n -> n == 0 ? Uni.createFrom().item(doneSoFar) : all(kind, doneSoFar + n));
    }
}
