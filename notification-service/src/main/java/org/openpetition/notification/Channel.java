package org.openpetition.notification;

/** How a message reaches its recipient. */
public enum Channel {
    /** Email through SMTP. */
    EMAIL,
    /** SMS through the configured HTTP gateway. */
    SMS,
    /** The in-app inbox of a user, a unit or a leader (REST and server-sent events). */
    INBOX
}
