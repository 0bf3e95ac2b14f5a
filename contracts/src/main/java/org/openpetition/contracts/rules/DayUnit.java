package org.openpetition.contracts.rules;

/** How a jurisdiction counts the days of a time limit. */
public enum DayUnit {
    /** 自然日: every day counts; a deadline on a rest day moves to the next working day. */
    CALENDAR,
    /** 工作日: only working days count. */
    WORKING
}
