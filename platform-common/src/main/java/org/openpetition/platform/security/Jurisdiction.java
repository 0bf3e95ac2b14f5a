package org.openpetition.platform.security;

/**
 * An area of the administrative divisions (行政区划) as the prefix its division codes share: 51 for
 * 四川省 (510000), 5117 for 达州市 (511700), 511703 for 达川区, 9 digits for a township, 12 for a village.
 * The empty prefix is the whole country; only the explicit claim value {@value #NATIONAL} grants it, never a
 * missing claim.
 *
 * @param prefix 0, 2, 4, 6, 9 or 12 digits
 */
public record Jurisdiction(String prefix) {

    /** The claim value of a national body (国家信访局): every area. */
    public static final String NATIONAL = "CN";

    /** The whole country. */
    public static final Jurisdiction COUNTRY = new Jurisdiction("");

    /**
     * The area a {@code locality} claim names (the prefix or the division's full code: 510000, 511700,
     * 511703001000), {@link #COUNTRY} for {@value #NATIONAL}, or null when the claim is missing or not a
     * division code: no area at all.
     */
    public static Jurisdiction ofClaim(String claim) {
        if (claim == null) {
            return null;
        }
        String c = claim.strip();
        if (NATIONAL.equals(c)) {
            return COUNTRY;
        }
        if (!c.matches("\\d{2}|\\d{4}|\\d{6}|\\d{9}|\\d{12}")) {
            return null;
        }
        return new Jurisdiction(prefixOf(c));
    }

    /** The shared prefix of a division code: trailing zero groups of the levels below are dropped. */
    public static String prefixOf(String code) {
        String c = code;
        if (c.length() == 12 && c.endsWith("000")) {
            c = c.substring(0, 9);
        }
        if (c.length() == 9 && c.endsWith("000")) {
            c = c.substring(0, 6);
        }
        if (c.length() == 6 && c.endsWith("00")) {
            c = c.substring(0, 4);
        }
        if (c.length() == 4 && c.endsWith("00")) {
            c = c.substring(0, 2);
        }
        return c;
    }

    /** Whether a division (its code in any of the forms above) lies in this area; a null code never does. */
    public boolean covers(String divisionCode) {
        return divisionCode != null && !divisionCode.isBlank() && divisionCode.startsWith(prefix);
    }

    /** Whether another area lies wholly in this one. */
    public boolean contains(Jurisdiction other) {
        return other != null && other.prefix.startsWith(prefix);
    }

    /** The SQL LIKE pattern of the division codes in this area (the prefix holds digits only). */
    public String likePattern() {
        return prefix + "%";
    }
}
