package org.openpetition.intake;

/** What the petitioner asks for. */
public enum PetitionKind {
    /** 求决: asks for a problem to be solved. */
    SOLUTION_REQUEST,
    /** 建议: proposes something. */
    SUGGESTION,
    /** 检举控告: accuses or reports wrongdoing. */
    ACCUSATION,
    /** 咨询: asks for information. */
    ENQUIRY
}
