package org.openpetition.intake;

/** Where a petition stands, as intake-service knows it. */
public enum PetitionStatus {
    /** 已登记: registered, waiting to be routed. */
    REGISTERED
}
