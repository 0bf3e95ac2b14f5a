package db.migration;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import org.eclipse.microprofile.config.ConfigProvider;
import org.flywaydb.core.api.migration.Context;

/**
 * The demo directory (units, leaders and contacts of 达川区, 永福县 and 周口市) is not production data: its
 * SQL lives in db/demo, outside the production migrations, and the migrations V2 and V6 apply it only where
 * {@value #SETTING} is true (the dev and test profiles, and the demo profile of the local run and the
 * system tests: {@code -Dquarkus.profile=prod,demo}). Elsewhere, as in production, they change nothing and
 * the directory starts empty, filled through the directory import. The versions stay 2 and 6, so where the
 * demo data is on it is applied between the production migrations exactly as before.
 * <p>
 * Flyway's locations are fixed when the service is built, so a packaged service cannot add a location
 * when it starts: the switch is this runtime setting instead.
 */
final class DemoData {

    static final String SETTING = "routing.directory.demo-data";

    private DemoData() {
    }

    static boolean on() {
        return ConfigProvider.getConfig().getOptionalValue(SETTING, Boolean.class).orElse(false);
    }

    /** Runs the script if the demo data is on. */
    static void apply(Context context, String resource) throws IOException, java.sql.SQLException {
        if (!on()) {
            return;
        }
        String sql;
        try (InputStream in = DemoData.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(sql);
        }
    }
}
