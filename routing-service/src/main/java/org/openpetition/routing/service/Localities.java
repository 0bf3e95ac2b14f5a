package org.openpetition.routing.service;

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
        List<String> chain = new ArrayList<>();
        for (int length : LEVEL_LENGTHS) {
            if (length <= code.length()) {
                chain.add(code.substring(0, length));
            }
        }
        return chain;
    }
}
