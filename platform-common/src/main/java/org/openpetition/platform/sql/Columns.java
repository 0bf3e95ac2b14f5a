package org.openpetition.platform.sql;

import java.util.List;
import java.util.function.Function;

/**
 * One column of many rows as an array, to bind whole to a statement that reads it with
 * {@code unnest($1::uuid[], $2::text[], ...)}: one statement for a batch instead of one per row.
 */
public final class Columns {

    private Columns() {
    }

    public static <T, V> V[] of(List<T> rows, Function<T, V> value, V[] into) {
        for (int i = 0; i < rows.size(); i++) {
            into[i] = value.apply(rows.get(i));
        }
        return into;
    }
}
