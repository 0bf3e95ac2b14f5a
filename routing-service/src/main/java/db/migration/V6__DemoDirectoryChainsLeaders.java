package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * The demo directory's units at every level, their supervising bodies, petition offices, discipline
 * inspection bodies and leaders, where the demo data is on ({@link DemoData}); nothing elsewhere.
 */
public class V6__DemoDirectoryChainsLeaders extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        DemoData.apply(context, "/db/demo/V6__demo_directory_chains_leaders.sql");
    }
}
