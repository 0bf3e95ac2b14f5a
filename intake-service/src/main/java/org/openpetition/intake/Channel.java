package org.openpetition.intake;

/** How a petition reached the platform. */
public enum Channel {
    /** 网上信访: submitted by the petitioner online. */
    ONLINE,
    /** 来信: a letter, registered by a clerk. */
    LETTER,
    /** 来访: a visit, registered by a clerk. */
    VISIT,
    /** 来电: a call, registered by a clerk. */
    PHONE,
    /** An Open311 GeoReport v2 client. */
    OPEN311,
    /** Transferred from another body. */
    TRANSFERRED
}
