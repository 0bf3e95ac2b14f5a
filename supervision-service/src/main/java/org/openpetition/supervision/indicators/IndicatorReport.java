package org.openpetition.supervision.indicators;

import java.util.List;
import java.util.Map;

/**
 * The indicators of a locality for a period, with the period they are compared with: its total and,
 * if asked, one group per child division or department.
 */
public record IndicatorReport(String locality, String level, String from, String to, String previousFrom,
                              String previousTo, String comparison, String groupBy, Group total, List<Group> groups) {

    /**
     * One group's figures.
     *
     * @param key    the child division's code prefix or the department code ("" for the total; null: not yet assigned)
     * @param name   the department's name, when grouped by department
     * @param rates  per rate: timelyAcceptance, onTimeCompletion, evaluationParticipation, satisfaction,
     *               repeatRate, firstTimeResolution
     * @param counts per count: petitions, repeat, collective, skipLevel
     */
    public record Group(String key, String name, Map<String, Rate> rates, Map<String, Count> counts) {
    }

    /**
     * A rate: numerator / denominator in each period; null when nothing was due. The change is in
     * percentage points.
     */
    public record Rate(long numerator, long denominator, Double rate, long previousNumerator, long previousDenominator,
                       Double previousRate, Double changePoints) {
    }

    /** A count and its change against the compared period (changePercent null when that was 0). */
    public record Count(long current, long previous, long change, Double changePercent) {
    }
}
