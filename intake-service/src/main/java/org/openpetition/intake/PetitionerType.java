package org.openpetition.intake;

/** Who petitions. */
public enum PetitionerType {
    /** A citizen; identified by the resident identity card number. */
    PERSON,
    /** A legal person or other organisation; identified by the unified social credit code. */
    LEGAL_PERSON
}
