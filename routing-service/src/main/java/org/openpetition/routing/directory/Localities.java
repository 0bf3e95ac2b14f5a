package org.openpetition.routing.directory;

import java.util.ArrayList;
import java.util.List;

/**
 * Administrative division codes (行政区划代码) as the directory writes them: province 2 digits,
 * city 4, county 6, township 9, village 12; a code's prefixes are its ancestors.
 */
public final class Localities {

    private static final int[] LEVEL_LENGTHS = {12, 9, 6, 4, 2};

    private Localities() {
    }

    /** The code and its ancestors, lowest level first: 511703001 -> [511703001, 511703, 5117, 51]. */
    public static List<String> selfAndAncestors(String code) {
        List<String> chain = new ArrayList<>(5);
        for (int length : LEVEL_LENGTHS) {
            if (length <= code.length()) {
                chain.add(code.substring(0, length));
            }
        }
        return chain;
    }

    /** 1 province, 2 city, 3 county, 4 township, 5 village; 0 if the length is not a division's. */
    public static int level(String code) {
        return switch (code == null ? 0 : code.length()) {
            case 2 -> 1;
            case 4 -> 2;
            case 6 -> 3;
            case 9 -> 4;
            case 12 -> 5;
            default -> 0;
        };
    }

    /** The parent's code, or null for a province. */
    public static String parent(String code) {
        return switch (code.length()) {
            case 4 -> code.substring(0, 2);
            case 6 -> code.substring(0, 4);
            case 9 -> code.substring(0, 6);
            case 12 -> code.substring(0, 9);
            default -> null;
        };
    }

    /**
     * A division's own code from its zero-padded form: 510000 (a province written with six digits) is 51,
     * 511700 is 5117, 511703001000 is 511703001; other codes are returned as they are.
     */
    public static String canonical(String code) {
        if (code == null) {
            return null;
        }
        String c = code;
        if (c.length() == 12 && c.endsWith("000")) {
            c = c.substring(0, 9);
        }
        if (c.length() == 9 && c.endsWith("000")) {
            c = c.substring(0, 6);
        }
        if (c.length() == 6 && c.endsWith("0000")) {
            return c.substring(0, 2);
        }
        if (c.length() == 6 && c.endsWith("00")) {
            return c.substring(0, 4);
        }
        return c;
    }

    /** True if {@code ancestor} is the code itself or one of its ancestors. */
    public static boolean isSelfOrAncestor(String ancestor, String code) {
        return level(ancestor) > 0 && code.startsWith(ancestor) && level(code) >= level(ancestor);
    }
}
