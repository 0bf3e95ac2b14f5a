package org.openpetition.intake;

/** Where a petition stands, as the petitioner is told. */
public enum PetitionStatus {
    /** 已登记: registered, waiting to be routed. */
    REGISTERED("已登记", "Registered"),
    /** 已转送/交办: assigned to the competent body. */
    ASSIGNED("已转送交办", "Assigned to the competent body");

    private final String chinese;
    private final String english;

    PetitionStatus(String chinese, String english) {
        this.chinese = chinese;
        this.english = english;
    }

    public String chinese() {
        return chinese;
    }

    public String english() {
        return english;
    }
}
