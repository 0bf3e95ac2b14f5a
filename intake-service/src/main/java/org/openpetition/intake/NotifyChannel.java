package org.openpetition.intake;

/** A channel through which the petitioner asked to be told about their case (petitioner.contact.v1). */
public enum NotifyChannel {
    /** A text message to the mobile number given. */
    SMS,
    /** An email to the address given. */
    EMAIL,
    /** The in-app inbox of the petitioner's account (online submissions only). */
    INBOX
}
