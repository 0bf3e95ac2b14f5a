package org.openpetition.routing.directory;

import java.util.Arrays;

/**
 * The set of known division codes (行政区划代码), compact enough for all five levels (660k codes in
 * 5 MB): each code as a long (its digits times 16 plus its length, so "51" and "510000" differ),
 * sorted, searched by binary search.
 */
public final class DivisionCodes {

    private final long[] sorted;

    private DivisionCodes(long[] sorted) {
        this.sorted = sorted;
    }

    /** From keys made by {@link #key}; the array is sorted in place. */
    public static DivisionCodes of(long[] keys, int count) {
        long[] copy = Arrays.copyOf(keys, count);
        Arrays.sort(copy);
        return new DivisionCodes(copy);
    }

    public boolean contains(String code) {
        long key = key(code);
        return key >= 0 && Arrays.binarySearch(sorted, key) >= 0;
    }

    public int size() {
        return sorted.length;
    }

    /** The key of a code of 1 to 12 digits, or -1 if it is not one. */
    public static long key(String code) {
        if (code == null || code.isEmpty() || code.length() > 12) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value * 16 + code.length();
    }
}
