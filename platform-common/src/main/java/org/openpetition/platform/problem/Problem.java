package org.openpetition.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body (application/problem+json). {@code type} is a stable URI per
 * kind of error; {@code errors} names each invalid field and why.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://openpetition.org/problems/";

    public static final String VALIDATION = TYPE_BASE + "validation";
    public static final String MALFORMED_REQUEST = TYPE_BASE + "malformed-request";
    public static final String NOT_FOUND = TYPE_BASE + "not-found";
    public static final String IDEMPOTENCY_KEY_REUSED = TYPE_BASE + "idempotency-key-reused";
    public static final String STATE_CONFLICT = TYPE_BASE + "state-conflict";
    public static final String UNSUPPORTED_MEDIA_TYPE = TYPE_BASE + "unsupported-media-type";
    public static final String TOO_LARGE = TYPE_BASE + "too-large";
    public static final String INTERNAL = TYPE_BASE + "internal";
    /** 429: a rate limit was reached, or a tracking code is locked after wrong secrets; see Retry-After. */
    public static final String RATE_LIMITED = TYPE_BASE + "rate-limited";

    /** One invalid field: its path in the request body (e.g. "petitioners[0].phone") and the reason. */
    public record FieldError(String field, String reason) {
    }
}
