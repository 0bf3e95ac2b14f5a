package db.migration;

import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.sql.Statement;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.openpetition.routing.directory.Csv;
import org.openpetition.routing.directory.Localities;
import org.postgresql.PGConnection;

/**
 * Loads the administrative divisions (行政区划) from province to township level, shipped with the
 * service as divisions/divisions.csv.gz (code,name; 44,703 rows; the data's LICENSE beside it), read and
 * written for one COPY with {@link Csv}. Villages are not shipped: an administrator imports them.
 */
public class V5__Divisions extends BaseJavaMigration {

    static final String RESOURCE = "/divisions/divisions.csv.gz";

    @Override
    public void migrate(Context context) throws Exception {
        StringWriter rows = new StringWriter();
        try (InputStream in = V5__Divisions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            try (Csv.RowWriter copy = new Csv.RowWriter(rows)) {
                Csv.read(new GZIPInputStream(in), row -> {
                    if (row.line() == 1) {
                        if (!Csv.names(row).equals(List.of("code", "name"))) {
                            throw new IllegalStateException(RESOURCE + ": expected the header code,name");
                        }
                        return;
                    }
                    String code = row.field(0);
                    copy.write(code, row.field(1), String.valueOf(Localities.level(code)),
                            code.length() == 2 ? null : Localities.parent(code));
                });
            }
        }
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("create temporary table division_load (code text, name text, level smallint, parent_code text)"
                    + " on commit drop");
        }
        context.getConnection().unwrap(PGConnection.class).getCopyAPI()
                .copyIn("copy division_load from stdin with (format csv)", new StringReader(rows.toString()));
        try (Statement statement = context.getConnection().createStatement()) {
            // parents first: ordered by code length
            statement.execute("insert into division (code, name, level, parent_code) "
                    + "select code, name, level, parent_code from division_load order by length(code), code");
        }
    }
}
