package db.migration;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** The demo directory's departments, where the demo data is on ({@link DemoData}); nothing elsewhere. */
public class V2__DemoDirectory extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        DemoData.apply(context, "/db/demo/V2__demo_directory.sql");
    }
}
