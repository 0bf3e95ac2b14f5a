package org.openpetition.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Daily limits per recipient on the channels that cost the recipient's attention and the platform money
 * (petition.delivery-limits.*): at most so many SMS and emails to one address in one day (in
 * Beijing time). A message beyond the limit is not sent: it ends with status LIMITED in
 * the delivery log and counts as {@code outcome="limited"} on /q/metrics. The in-app inbox is never
 * limited. 0 switches a limit off.
 */
@ConfigMapping(prefix = "petition.delivery-limits")
public interface DeliveryLimitConfig {

    /** Off switch for every limit below. */
    @WithDefault("true")
    boolean enabled();

    /** Texts per petitioner's mobile number and day. */
    @WithDefault("20")
    int petitionerSmsPerDay();

    /** Emails per petitioner's address and day. */
    @WithDefault("50")
    int petitionerEmailsPerDay();

    /** Texts per unit's or leader's number and day (0: not limited; a department's alerts must not be lost). */
    @WithDefault("0")
    int staffSmsPerDay();

    /** Emails per unit's or leader's address and day (0: not limited). */
    @WithDefault("0")
    int staffEmailsPerDay();

    /** How often the counts of days before yesterday are deleted (read by the scheduler of DeliveryLimits). */
    @WithDefault("1h")
    java.time.Duration housekeepingInterval();
}
