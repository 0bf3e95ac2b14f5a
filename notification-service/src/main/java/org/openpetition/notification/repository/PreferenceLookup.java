package org.openpetition.notification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.openpetition.notification.Channel;
import org.openpetition.notification.service.Preference;

/** The recipients' own preferences (table recipient_preference), read for a batch of recipients at once. */
@ApplicationScoped
public class PreferenceLookup {

    public Uni<Map<String, Preference>> preferences(SqlConnection conn, Collection<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return conn.preparedQuery("select recipient_key, channels, language, quiet_start, quiet_end, phone "
                        + "from recipient_preference where recipient_key = any($1)")
                .execute(Tuple.of(keys.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, Preference> byKey = new HashMap<>();
                    for (Row r : rows) {
                        Set<Channel> channels = EnumSet.noneOf(Channel.class);
                        for (String c : r.getArrayOfStrings("channels")) {
                            channels.add(Channel.valueOf(c));
                        }
                        byKey.put(r.getString("recipient_key"), new Preference(r.getString("recipient_key"), channels,
                                r.getString("language"), r.getLocalTime("quiet_start"), r.getLocalTime("quiet_end"),
                                r.getString("phone")));
                    }
                    return byKey;
                });
    }
}
