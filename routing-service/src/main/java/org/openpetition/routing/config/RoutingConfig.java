package org.openpetition.routing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the routing rules and the people in the loop. */
@ConfigMapping(prefix = "routing")
public interface RoutingConfig {

    SkipLevel skipLevel();

    Returns returns();

    DirectoryRefresh directory();

    interface DirectoryRefresh {
        /** Each replica reloads its in-memory directory within this interval of a change made through another. */
        @WithDefault("10s")
        java.time.Duration refreshInterval();

        /**
         * Whether the migrations V2 and V6 load the demo directory (db/demo): true in the dev, test and demo
         * profiles, false in production, whose directory starts empty and is imported (POST /api/directory/import).
         * Read by the migrations when the service starts (db.migration.DemoData).
         */
        @WithDefault("false")
        boolean demoData();
    }

    interface SkipLevel {
        /**
         * 逐级走访: how many levels above the competent level a petition may be addressed without being
         * skip-level (越级). 1: the same level or one level up, as the 信访工作条例 says for visits.
         */
        @WithDefault("1")
        int allowedLevelsAbove();
    }

    interface Returns {
        /**
         * 退回: how many times a case may be returned. Each return below the limit routes the case again
         * without the returning units; the return that reaches it puts the case in the dispatcher's
         * queue; further returns are refused.
         */
        @WithDefault("2")
        int max();
    }
}
