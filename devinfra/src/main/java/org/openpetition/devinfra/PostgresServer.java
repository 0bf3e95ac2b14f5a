package org.openpetition.devinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server (embedded binaries, PostgreSQL 17) on 127.0.0.1. Each service gets its
 * own database and its own login role, as in production.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    public static PostgresServer start(Path dir, int port) {
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("listen_addresses", Ports.LOOPBACK)
                    .setServerConfig("unix_socket_directories", dir.toAbsolutePath().toString())
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "off")
                    .start();
            return new PostgresServer(postgres, port);
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /** Creates the role and database of a service: role = database = password = {@code name}. */
    public void createServiceDatabase(String name) {
        if (!name.matches("[a-z_]+")) {
            throw new IllegalArgumentException("database name " + name);
        }
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create role " + name + " login password '" + name + "'");
            statement.execute("create database " + name + " owner " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        try (Connection connection = postgres.getDatabase("postgres", name).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create extension if not exists pg_trgm");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prepare database " + name, e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://" + Ports.LOOPBACK + ":" + port + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
