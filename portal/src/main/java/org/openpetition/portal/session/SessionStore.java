package org.openpetition.portal.session;

import io.quarkus.oidc.AuthorizationCodeTokens;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.AuthenticationFailedException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgPool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The portal's sessions in PostgreSQL: one row per signed-in session with its tokens and when it ends. The
 * table is created at start-up if missing; rows past their end are removed whenever a session starts.
 */
@ApplicationScoped
public class SessionStore {

    static final String CREATE = """
            CREATE TABLE IF NOT EXISTS portal_session (
                id TEXT PRIMARY KEY,
                id_token TEXT NOT NULL,
                access_token TEXT,
                refresh_token TEXT,
                access_token_expires_in BIGINT,
                access_token_scope TEXT,
                expires_at TIMESTAMPTZ NOT NULL)""";
    static final String INDEX = "CREATE INDEX IF NOT EXISTS portal_session_expires_at ON portal_session (expires_at)";

    private final PgPool pool;

    public SessionStore(PgPool pool) {
        this.pool = pool;
    }

    void createTable(@Observes StartupEvent start) {
        pool.query(CREATE).execute().chain(() -> pool.query(INDEX).execute()).await().atMost(Duration.ofSeconds(30));
    }

    Uni<Void> save(String id, AuthorizationCodeTokens tokens, Duration maxAge) {
        OffsetDateTime expiresAt = OffsetDateTime.now(ZoneOffset.UTC).plus(maxAge);
        return pool.preparedQuery("DELETE FROM portal_session WHERE expires_at < now()").execute()
                .chain(() -> pool.preparedQuery("""
                                INSERT INTO portal_session (id, id_token, access_token, refresh_token, access_token_expires_in,
                                    access_token_scope, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
                                ON CONFLICT (id) DO UPDATE SET id_token = EXCLUDED.id_token, access_token = EXCLUDED.access_token,
                                    refresh_token = EXCLUDED.refresh_token, access_token_expires_in = EXCLUDED.access_token_expires_in,
                                    access_token_scope = EXCLUDED.access_token_scope""")
                        .execute(Tuple.from(new Object[] {id, tokens.getIdToken(), tokens.getAccessToken(),
                                tokens.getRefreshToken(), tokens.getAccessTokenExpiresIn(), tokens.getAccessTokenScope(),
                                expiresAt})))
                .replaceWithVoid();
    }

    Uni<AuthorizationCodeTokens> find(String id) {
        return pool.preparedQuery("SELECT * FROM portal_session WHERE id = $1 AND expires_at > now()")
                .execute(Tuple.of(id))
                .map(rows -> {
                    if (rows.rowCount() == 0) {
                        // signed out, expired or unknown: the user signs in again and comes back to the same page
                        throw new AuthenticationFailedException("no such session");
                    }
                    return tokens(rows.iterator().next());
                });
    }

    Uni<Void> delete(String id) {
        return pool.preparedQuery("DELETE FROM portal_session WHERE id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    private static AuthorizationCodeTokens tokens(Row row) {
        return new AuthorizationCodeTokens(row.getString("id_token"), row.getString("access_token"),
                row.getString("refresh_token"), row.getLong("access_token_expires_in"), row.getString("access_token_scope"));
    }
}
