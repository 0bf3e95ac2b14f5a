package org.openpetition.intake.repository;

import java.time.Instant;
import java.util.Set;
import org.openpetition.contracts.CaseStatus;
import org.openpetition.intake.Channel;

/**
 * What a list of petitions is filtered and sorted by: empty sets and null bounds filter nothing.
 *
 * @param statuses      the statuses to list, or empty for all
 * @param channels      the channels to list, or empty for all
 * @param from          received at or after, or null
 * @param to            received before, or null
 * @param titleContains text the title contains (case-insensitive), or null
 * @param newestFirst   by reception time, newest first (the default) or oldest first
 */
public record PetitionListing(Set<CaseStatus> statuses, Set<Channel> channels, Instant from, Instant to,
                              String titleContains, boolean newestFirst) {

    public PetitionListing {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        channels = channels == null ? Set.of() : Set.copyOf(channels);
        titleContains = titleContains == null || titleContains.isBlank() ? null : titleContains.strip();
    }
}
