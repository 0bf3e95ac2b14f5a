package org.openpetition.notification;

/** Who a message kind is for; the recipients are resolved from the events and the directory data they carry. */
public enum Audience {
    /** The petitioners (信访人), or a collective petition's representatives. */
    PETITIONER,
    /** The department the case is assigned to (承办单位). */
    DEPARTMENT,
    /** The department's supervising body (上级主管单位). */
    SUPERVISING_BODY,
    /** The leader who owns the case (包案领导). */
    OWNING_LEADER,
    /** The units the event itself names: a circular's units and their supervising bodies, a daily report's recipients. */
    NAMED_UNITS
}
