package org.openpetition.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;
import java.util.Set;

/** Who hears what and when (petition.notify.*). */
@ConfigMapping(prefix = "petition.notify")
public interface NotifyConfig {

    /** No non-urgent SMS from this time ... */
    @WithDefault("21:00")
    LocalTime quietStart();

    /** ... until this time; such messages are sent then. */
    @WithDefault("08:00")
    LocalTime quietEnd();

    /** Message kinds that are urgent: sent at night too. */
    Optional<Set<String>> urgentKinds();

    /**
     * The channels through which petitioners submit by themselves (网上信访, an Open311 app). The receipt of
     * such a petition answers what the petitioner did a moment ago, so its SMS is sent at once, at night
     * too; a receipt for a letter, visit or call a clerk recorded waits for the quiet hours' end.
     */
    @WithDefault("ONLINE,OPEN311")
    Set<String> selfServiceChannels();

    /**
     * How long after the submission such a receipt still counts as an answer of a moment ago: one the
     * service composes later (after an outage, say) waits for the quiet hours' end like any other.
     */
    @WithDefault("PT30M")
    Duration selfServiceReceiptWithin();

    /** The SMS signature (短信签名) put before every text. */
    @WithDefault("【信访工作平台】")
    String smsSignature();

    /** Where a petitioner follows the case (printed in notices): the portal's tracking page. */
    String trackingUrl();

    /** How long an event waits for its recipients (a contact or an assignment not yet arrived) before it is dropped. */
    @WithDefault("P7D")
    Duration pendingMaxAge();
}
