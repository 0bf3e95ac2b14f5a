package org.openpetition.supervision.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openpetition.supervision.calendar.DayUnit;

/** The limits that apply in a locality: the defaults, overridden by its province, city and county settings. */
@ApplicationScoped
public class TimeLimits {

    /** The limits of one jurisdiction. */
    public record Limits(int acceptanceDays, int handlingDays, int maxExtensionDays, int reviewDays, int reReviewDays,
                         DayUnit dayUnit) {
    }

    private final DeadlineConfig config;

    public TimeLimits(DeadlineConfig config) {
        this.config = config;
        config.jurisdictions().keySet().stream().filter(k -> !k.matches("\\d{2}|\\d{4}|\\d{6}")).findAny().ifPresent(k -> {
            throw new IllegalStateException("petition.deadlines.jurisdictions.\"" + k
                    + "\": the key must be a division code prefix of 2, 4 or 6 digits");
        });
    }

    /** The defaults, then each matching jurisdiction from the province down: the most specific setting wins. */
    public Limits forLocality(String localityCode) {
        Limits limits = new Limits(config.acceptanceDays(), config.handlingDays(), config.maxExtensionDays(),
                config.reviewDays(), config.reReviewDays(), config.dayUnit());
        List<Map.Entry<String, DeadlineConfig.Overrides>> matching = config.jurisdictions().entrySet().stream()
                .filter(e -> localityCode != null && localityCode.startsWith(e.getKey()))
                .sorted(Comparator.comparingInt(e -> e.getKey().length()))
                .toList();
        for (Map.Entry<String, DeadlineConfig.Overrides> entry : matching) {
            DeadlineConfig.Overrides o = entry.getValue();
            limits = new Limits(o.acceptanceDays().orElse(limits.acceptanceDays()), o.handlingDays().orElse(limits.handlingDays()),
                    o.maxExtensionDays().orElse(limits.maxExtensionDays()), o.reviewDays().orElse(limits.reviewDays()),
                    o.reReviewDays().orElse(limits.reReviewDays()), o.dayUnit().orElse(limits.dayUnit()));
        }
        return limits;
    }
}
