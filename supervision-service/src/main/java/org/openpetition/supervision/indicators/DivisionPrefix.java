package org.openpetition.supervision.indicators;

import org.openpetition.platform.problem.FieldException;
import org.openpetition.supervision.i18n.Languages;
import org.openpetition.supervision.i18n.Texts;
import org.openpetition.platform.security.Jurisdiction;

/**
 * A locality as the prefix its descendants' division codes share (行政区划代码): 51 for 四川省 (510000),
 * 5117 for 达州市 (511700), 511703 for 达川区, 511703001 for a township, 12 digits for a village. The
 * empty prefix is the whole country.
 *
 * @param prefix the shared prefix: 0, 2, 4, 6, 9 or 12 digits
 */
public record DivisionPrefix(String prefix) {

    /** Accepts the prefix itself or the full code of the division (510000, 511700, 511703001000); a configured one. */
    public static DivisionPrefix parse(String field, String code) {
        return parse(field, code, Languages.ofRecords());
    }

    /** As {@link #parse(String, String)}, a bad code named in {@code texts}' language. */
    public static DivisionPrefix parse(String field, String code, Texts texts) {
        if (code == null || code.isEmpty()) {
            return new DivisionPrefix("");
        }
        if (!code.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            throw FieldException.of(field, texts.divisionCode());
        }
        return new DivisionPrefix(Jurisdiction.prefixOf(code));
    }

    /** The prefix length of the next level down (province → city → county → township → village), or -1 at the bottom. */
    public int childLength() {
        return switch (prefix.length()) {
            case 0 -> 2;
            case 2 -> 4;
            case 4 -> 6;
            case 6 -> 9;
            case 9 -> 12;
            default -> -1;
        };
    }

    /** The level's name, for reports. */
    public String level() {
        return switch (prefix.length()) {
            case 0 -> "COUNTRY";
            case 2 -> "PROVINCE";
            case 4 -> "CITY";
            case 6 -> "COUNTY";
            case 9 -> "TOWNSHIP";
            default -> "VILLAGE";
        };
    }
}
