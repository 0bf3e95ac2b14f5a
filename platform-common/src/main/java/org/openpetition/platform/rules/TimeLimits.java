package org.openpetition.platform.rules;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The limits that apply in a locality: the defaults, overridden by its province, city and county settings. */
@ApplicationScoped
public class TimeLimits {

    private final TimeLimitConfig config;

    public TimeLimits(TimeLimitConfig config) {
        this.config = config;
        config.jurisdictions().keySet().stream().filter(k -> !k.matches("\\d{2}|\\d{4}|\\d{6}")).findAny().ifPresent(k -> {
            throw new IllegalStateException("petition.deadlines.jurisdictions.\"" + k
                    + "\": the key must be a division code prefix of 2, 4 or 6 digits");
        });
    }

    /** The defaults, then each matching jurisdiction from the province down: the most specific setting wins. */
    public Limits forLocality(String localityCode) {
        Limits limits = new Limits(config.acceptanceDays(), config.handlingDays(), config.maxExtensionDays(),
                config.reviewDays(), config.reReviewDays(), config.reviewRequestDays(), config.reReviewRequestDays(),
                config.dayUnit());
        List<Map.Entry<String, TimeLimitConfig.Overrides>> matching = config.jurisdictions().entrySet().stream()
                .filter(e -> localityCode != null && localityCode.startsWith(e.getKey()))
                .sorted(Comparator.comparingInt(e -> e.getKey().length()))
                .toList();
        for (Map.Entry<String, TimeLimitConfig.Overrides> entry : matching) {
            TimeLimitConfig.Overrides o = entry.getValue();
            limits = new Limits(o.acceptanceDays().orElse(limits.acceptanceDays()),
                    o.handlingDays().orElse(limits.handlingDays()),
                    o.maxExtensionDays().orElse(limits.maxExtensionDays()),
                    o.reviewDays().orElse(limits.reviewDays()),
                    o.reReviewDays().orElse(limits.reReviewDays()),
                    o.reviewRequestDays().orElse(limits.reviewRequestDays()),
                    o.reReviewRequestDays().orElse(limits.reReviewRequestDays()),
                    o.dayUnit().orElse(limits.dayUnit()));
        }
        return limits;
    }
}
