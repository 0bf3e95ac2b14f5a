package org.openpetition.intake.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When a new petition counts as a repeat of an earlier one (重复访). */
@ConfigMapping(prefix = "petition.repeat")
public interface RepeatConfig {

    /** Trigram similarity (0..1, PostgreSQL pg_trgm) of the contents from which the matter is the same. */
    @WithDefault("0.3")
    double similarity();

    /**
     * How long after it closed (replied, not accepted, withdrawn, final) an earlier case still takes
     * repeats, in days.
     */
    @WithDefault("180")
    int recentlyClosedDays();

    /** How far back an open earlier case counts, by its receipt, in days (a case left open for years does not). */
    @WithDefault("365")
    int openWindowDays();

    /** Petitioners from which a petition is collective (集体访). */
    @WithDefault("5")
    int collectiveFrom();
}
