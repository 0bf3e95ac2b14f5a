package org.openpetition.intake.service;

import org.openpetition.intake.Petition;

/** The outcome of a registration: the petition, and whether this was a replay of an earlier request. */
public record Registration(Petition petition, boolean replayed) {
}
