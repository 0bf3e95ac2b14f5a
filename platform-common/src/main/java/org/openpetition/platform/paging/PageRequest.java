package org.openpetition.platform.paging;

import org.openpetition.platform.problem.FieldException;

/**
 * The page a caller asks for: {@code page} counts from 0, {@code size} is 1 to {@link #MAX_SIZE} (default
 * {@link #DEFAULT_SIZE}). Out-of-range values are a validation error naming the query parameter.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** From the query parameters {@code page} and {@code size}; either may be absent. */
    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            throw FieldException.of("page", "须为 0 或更大 / must be 0 or more");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw FieldException.of("size", "须在 1 到 " + MAX_SIZE + " 之间 / must be between 1 and " + MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    /** The SQL OFFSET of the page. */
    public long offset() {
        return (long) page * size;
    }
}
