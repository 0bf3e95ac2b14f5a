package org.openpetition.routing.words;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One text in both languages: a whole Chinese text and a whole English text, never one sentence
 * mixing the two. A decision's reasons are joined into one stored text per language, Chinese with
 * {@value #ZH_SEPARATOR}, English with {@value #EN_SEPARATOR}, and split back into the list of an event.
 */
public record Words(String zh, String en) {

    public static final String ZH_SEPARATOR = "；";
    public static final String EN_SEPARATOR = "; ";

    /** What a person typed (a dispatcher's or a unit's reason): the same in both texts, without separators. */
    public static Words typed(String text) {
        String plain = text.replace(ZH_SEPARATOR, "，").replace(EN_SEPARATOR, ", ");
        return new Words(plain, plain);
    }

    /** The reasons joined: one Chinese text and one English text. */
    public static Words join(List<Words> reasons) {
        return new Words(String.join(ZH_SEPARATOR, reasons.stream().map(Words::zh).toList()),
                String.join(EN_SEPARATOR, reasons.stream().map(Words::en).toList()));
    }

    /** The reasons of a stored Chinese text. */
    public static List<String> zhReasons(String joined) {
        return split(joined, ZH_SEPARATOR);
    }

    /** The reasons of a stored English text; null for a decision stored without one. */
    public static List<String> enReasons(String joined) {
        return split(joined, EN_SEPARATOR);
    }

    private static List<String> split(String joined, String separator) {
        return joined == null ? null : new ArrayList<>(Arrays.asList(joined.split(separator)));
    }
}
