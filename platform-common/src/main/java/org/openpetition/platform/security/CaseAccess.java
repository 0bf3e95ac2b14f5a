package org.openpetition.platform.security;

/** How much of a case a caller may see. */
public enum CaseAccess {
    /** Nothing: to the caller the case does not exist (404). */
    NONE,
    /** The case without personal data: identity numbers, phones, addresses and emails masked. */
    MASKED,
    /** Everything, personal data in clear: the body handling the case. */
    FULL;

    public CaseAccess or(CaseAccess other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    public boolean visible() {
        return this != NONE;
    }
}
