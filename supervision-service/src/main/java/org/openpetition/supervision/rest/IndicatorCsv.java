package org.openpetition.supervision.rest;

import java.util.ArrayList;
import java.util.List;
import org.openpetition.supervision.indicators.IndicatorReport;

/** The indicators as CSV: one line per group and indicator, the total first (group "TOTAL"). */
final class IndicatorCsv {

    private IndicatorCsv() {
    }

    static String of(IndicatorReport report) {
        Csv csv = new Csv("locality", "from", "to", "previous_from", "previous_to", "group", "name", "indicator", "current",
                "previous", "change", "numerator", "denominator", "previous_numerator", "previous_denominator");
        List<IndicatorReport.Group> groups = new ArrayList<>();
        groups.add(new IndicatorReport.Group("TOTAL", null, report.total().rates(), report.total().counts()));
        groups.addAll(report.groups());
        for (IndicatorReport.Group g : groups) {
            String group = g.key() == null ? "UNASSIGNED" : g.key();
            g.rates().forEach((k, r) -> csv.row(report.locality(), report.from(), report.to(), report.previousFrom(),
                    report.previousTo(), group, g.name(), k, r.rate(), r.previousRate(), r.changePoints(), r.numerator(),
                    r.denominator(), r.previousNumerator(), r.previousDenominator()));
            g.counts().forEach((k, c) -> csv.row(report.locality(), report.from(), report.to(), report.previousFrom(),
                    report.previousTo(), group, g.name(), k, c.current(), c.previous(), c.change(), null, null, null, null));
        }
        return csv.text();
    }
}
