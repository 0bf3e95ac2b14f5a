package org.openpetition.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list API's answer: the items of the page, the page's number (from 0) and size, and how many
 * items the whole filtered list holds. Every list endpoint of the platform answers in this shape.
 */
public record PageOf<T>(List<T> items, int page, int size, long total) {

    public PageOf {
        items = items == null ? List.of() : List.copyOf(items);
    }

    public static <T> PageOf<T> of(List<T> items, PageRequest request, long total) {
        return new PageOf<>(items, request.page(), request.size(), total);
    }

    public <R> PageOf<R> map(Function<? super T, ? extends R> mapper) {
        return new PageOf<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
