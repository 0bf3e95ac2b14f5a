package db.migration;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;

/**
 * Loads the administrative divisions (行政区划) from province to township level, shipped with the
 * service as divisions/divisions.csv.gz (code,name; 44,703 rows; the data's LICENSE beside it), in one
 * COPY. Villages are not shipped: an administrator imports them.
 */
public class V5__Divisions extends BaseJavaMigration {

    static final String RESOURCE = "/divisions/divisions.csv.gz";

    @Override
    public void migrate(Context context) throws Exception {
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create temporary table division_load (code text, name text) on commit drop");
        }
        try (InputStream in = V5__Divisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            Reader csv = new BufferedReader(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8));
            context.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy division_load (code, name) from stdin with (format csv, header true)", csv);
        }
        try (Statement statement = context.getConnection().createStatement()) {
            // parents first: ordered by code length
            statement.execute("insert into division (code, name, level, parent_code) "
                    + "select code, name, case length(code) when 2 then 1 when 4 then 2 when 6 then 3 else 4 end, "
                    + "case length(code) when 2 then null when 4 then left(code, 2) when 6 then left(code, 4) "
                    + "else left(code, 6) end from division_load order by length(code), code");
        }
    }
}
