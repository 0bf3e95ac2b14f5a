package org.openpetition.platform.problem;

import java.time.Duration;

/** An error a service reports to the client as the given problem details. */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    /** The problem, and when the client may try again (the Retry-After header), or null. */
    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail());
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    /**
     * 429: the client sent too many requests (a rate limit) or a tracking code is locked; it may try again
     * after {@code retryAfter} (sent as Retry-After in whole seconds, at least 1).
     */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(new Problem(Problem.RATE_LIMITED, "请求过于频繁 / Too many requests", 429, detail,
                null, java.util.List.of()), retryAfter);
    }

    /** 409: the request is valid but the resource's state does not allow it now; the detail says why. */
    public static ProblemException conflict(String detail) {
        return new ProblemException(new Problem(Problem.STATE_CONFLICT,
                "当前状态下不能进行此操作 / Not allowed in the current state", 409, detail, null, java.util.List.of()));
    }

    public Problem problem() {
        return problem;
    }

    /** When the client may try again, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
