package org.openpetition.platform.problem;

/** An error a service reports to the client as the given problem details. */
public class ProblemException extends RuntimeException {

    private final Problem problem;

    public ProblemException(Problem problem) {
        super(problem.detail());
        this.problem = problem;
    }

    /** 409: the request is valid but the resource's state does not allow it now; the detail says why. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(Problem.STATE_CONFLICT,
                "当前状态下不能进行此操作 / Not allowed in the current state", 409, detail, null, java.util.List.of()));
    }

    public Problem problem() {
        return problem;
    }
}
