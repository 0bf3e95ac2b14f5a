package org.openpetition.supervision.rest;

import java.util.ArrayList;
import java.util.List;
import org.openpetition.supervision.indicators.IndicatorReport;

/** The indicators as CSV: one line per group and indicator, the total first (group "TOTAL"). */
final class IndicatorCsv {

    private IndicatorCsv() {
    }

    static String of(IndicatorReport report) {
        StringBuilder out = new StringBuilder("locality,from,to,previous_from,previous_to,group,name,indicator,current,previous,"
                + "change,numerator,denominator,previous_numerator,previous_denominator\n");
        List<IndicatorReport.Group> groups = new ArrayList<>();
        groups.add(new IndicatorReport.Group("TOTAL", null, report.total().rates(), report.total().counts()));
        groups.addAll(report.groups());
        String head = report.locality() + ',' + report.from() + ',' + report.to() + ',' + report.previousFrom() + ','
                + report.previousTo() + ',';
        for (IndicatorReport.Group g : groups) {
            String group = head + (g.key() == null ? "UNASSIGNED" : g.key()) + ',' + ReportSupport.csvText(g.name()) + ',';
            g.rates().forEach((k, r) -> out.append(group).append(k).append(',').append(v(r.rate())).append(',')
                    .append(v(r.previousRate())).append(',').append(v(r.changePoints())).append(',').append(r.numerator())
                    .append(',').append(r.denominator()).append(',').append(r.previousNumerator()).append(',')
                    .append(r.previousDenominator()).append('\n'));
            g.counts().forEach((k, c) -> out.append(group).append(k).append(',').append(c.current()).append(',')
                    .append(c.previous()).append(',').append(c.change()).append(",,,,\n"));
        }
        return out.toString();
    }

    private static String v(Object o) {
        return o == null ? "" : o.toString();
    }
}
