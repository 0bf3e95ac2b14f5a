package org.openpetition.intake.service;

import org.openpetition.intake.Petition;

/**
 * The outcome of a registration: the petition, its query secret in clear (for the receipt only),
 * and whether this was a replay of an earlier request with the same Idempotency-Key.
 */
public record Registration(Petition petition, String querySecret, boolean replayed) {
}
