package org.openpetition.supervision.indicators;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openpetition.supervision.indicators.IndicatorQuery.Grouping;
import org.openpetition.supervision.indicators.IndicatorQuery.Measure;
import org.openpetition.supervision.indicators.IndicatorQuery.Row;
import org.openpetition.supervision.indicators.IndicatorReport.Count;
import org.openpetition.supervision.indicators.IndicatorReport.Group;
import org.openpetition.supervision.indicators.IndicatorReport.Rate;

/** The indicators of docs/domain.md (及时受理率, 按期办结率, 参评率, 满意率, 重复信访率, 一次性化解率 and the counts). */
@ApplicationScoped
public class Indicators {

    /** The rates in the order reports list them. */
    public static final List<String> RATES = List.of("timelyAcceptance", "onTimeCompletion", "evaluationParticipation",
            "satisfaction", "repeatRate", "firstTimeResolution");
    /** The counts in the order reports list them. */
    public static final List<String> COUNTS = List.of("petitions", "repeat", "collective", "skipLevel");

    private final IndicatorQuery query;
    private final IndicatorRollup rollup;

    public Indicators(IndicatorQuery query, IndicatorRollup rollup) {
        this.query = query;
        this.rollup = rollup;
    }

    /** From the daily roll-up for the rolled-up days where it covers the locality, and from the cases for the rest. */
    public Uni<IndicatorReport> report(DivisionPrefix locality, Period period, Grouping grouping) {
        Uni<List<Row>> rows = !IndicatorRollup.covers(locality, grouping) ? query.rows(locality, period, grouping)
                : rollup.rolledUntil().chain(until -> until == null ? query.rows(locality, period, grouping)
                        : query.rolledUp(locality, period, grouping, until).chain(rolled -> query.rows(locality, period,
                                grouping, until).map(live -> {
                            List<Row> all = new ArrayList<>(rolled);
                            all.addAll(live);
                            return all;
                        })));
        return rows.map(r -> assemble(locality, period, grouping, r));
    }

    static IndicatorReport assemble(DivisionPrefix locality, Period period, Grouping grouping, List<Row> rows) {
        Map<String, Figures> groups = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Figures total = new Figures("", null);
        total.named = true; // the total has no name
        for (Row row : rows) {
            total.add(row);
            groups.computeIfAbsent(row.key(), k -> new Figures(k, row.name())).add(row);
        }
        List<Group> list = new ArrayList<>();
        if (grouping != Grouping.NONE) {
            groups.values().forEach(f -> list.add(f.group()));
        }
        return new IndicatorReport(locality.prefix(), locality.level(), period.from().toString(), period.to().toString(),
                period.previousFrom().toString(), period.previousTo().toString(), period.comparison().name(),
                grouping.name(), total.group(), list);
    }

    /** Sums of the raw figures of one group: [current, previous] per measure and column. */
    private static final class Figures {
        private final String key;
        private String name;
        private boolean named;
        private final long[][][] sums = new long[Measure.values().length][2][4];

        Figures(String key, String name) {
            this.key = key;
            this.name = name;
        }

        void add(Row row) {
            long[] s = sums[row.measure().ordinal()][row.current() ? 0 : 1];
            s[0] += row.a();
            s[1] += row.b();
            s[2] += row.c();
            s[3] += row.d();
            if (!named && row.name() != null) {
                name = row.name();
                named = true;
            }
        }

        Group group() {
            Map<String, Rate> rates = new LinkedHashMap<>();
            rates.put("timelyAcceptance", rate(Measure.ACCEPTANCE, 1, 0));
            rates.put("onTimeCompletion", rate(Measure.COMPLETION, 1, 0));
            rates.put("evaluationParticipation", rate(Measure.PARTICIPATION, 1, 0));
            rates.put("satisfaction", rate(Measure.SATISFACTION, 1, 0));
            rates.put("repeatRate", rate(Measure.PETITIONS, 1, 0));
            rates.put("firstTimeResolution", rate(Measure.FIRST_TIME, 1, 0));
            Map<String, Count> counts = new LinkedHashMap<>();
            counts.put("petitions", count(0));
            counts.put("repeat", count(1));
            counts.put("collective", count(2));
            counts.put("skipLevel", count(3));
            return new Group(key, name, rates, counts);
        }

        private Rate rate(Measure measure, int numerator, int denominator) {
            long[] cur = sums[measure.ordinal()][0];
            long[] prev = sums[measure.ordinal()][1];
            Double now = ratio(cur[numerator], cur[denominator]);
            Double before = ratio(prev[numerator], prev[denominator]);
            Double change = now == null || before == null ? null : round((now - before) * 100);
            return new Rate(cur[numerator], cur[denominator], now, prev[numerator], prev[denominator], before, change);
        }

        private Count count(int column) {
            long now = sums[Measure.PETITIONS.ordinal()][0][column];
            long before = sums[Measure.PETITIONS.ordinal()][1][column];
            return new Count(now, before, now - before, before == 0 ? null : round((now - before) * 100.0 / before));
        }

        private static Double ratio(long numerator, long denominator) {
            return denominator == 0 ? null : round((double) numerator / denominator);
        }

        private static double round(double v) {
            return Math.round(v * 10000) / 10000.0;
        }
    }
}
