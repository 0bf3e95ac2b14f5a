package org.openpetition.notification.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.UUID;

/**
 * Transaction-scoped advisory locks on cases: the batches that touch the same cases are applied one after
 * the other, across replicas and consumers.
 */
@ApplicationScoped
public class CaseLocks {

    /** Serialises the batches that touch the same cases, across replicas and consumers. */
    public Uni<Void> lockCases(SqlConnection conn, Collection<UUID> caseIds) {
        if (caseIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = caseIds.stream().map(UUID::toString).sorted().distinct().toArray(String[]::new);
        return conn.preparedQuery("select count(pg_advisory_xact_lock(hashtextextended(k, 0))) "
                        + "from (select k from unnest($1::text[]) k order by k) s")
                .execute(Tuple.of(keys)).replaceWithVoid();
    }
}
