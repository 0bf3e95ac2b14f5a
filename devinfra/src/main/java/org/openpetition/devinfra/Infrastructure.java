package org.openpetition.devinfra;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The platform's real infrastructure on loopback: PostgreSQL (one database per service), a Kafka
 * broker with the platform's topics, Keycloak with the petition realm, an SMTP server and an SMS gateway.
 * Tests, the system test and the local run all start it through this class.
 */
public final class Infrastructure implements AutoCloseable {

    /** Topics created up front, with the partitions the services are designed for. */
    public static final List<String> TOPICS = List.of("petition.submitted.v1", "petition.action.v1", "case.assigned.v1",
            "case.lifecycle.v1", "case.deadline.v1");

    /** The ports of one infrastructure instance. */
    public record Ports(int postgres, int kafka, int kafkaController, int kafkaDepartments, int keycloak, int smtp, int imap,
                        int sms) {

        /** The fixed ports of the local run (deploy/local/run.sh). */
        public static Ports local() {
            return new Ports(15432, 19092, 19093, 19094, 18080, 13025, 13143, 13090);
        }

        /** Free ports, for tests that must not collide with a running local platform. */
        public static Ports random() {
            return new Ports(org.openpetition.devinfra.Ports.free(), org.openpetition.devinfra.Ports.free(),
                    org.openpetition.devinfra.Ports.free(), org.openpetition.devinfra.Ports.free(),
                    org.openpetition.devinfra.Ports.free(),
                    org.openpetition.devinfra.Ports.free(), org.openpetition.devinfra.Ports.free(),
                    org.openpetition.devinfra.Ports.free());
        }

        void requireFree() {
            org.openpetition.devinfra.Ports.requireFree(postgres, "PostgreSQL");
            org.openpetition.devinfra.Ports.requireFree(kafka, "Kafka");
            org.openpetition.devinfra.Ports.requireFree(kafkaController, "Kafka controller");
            org.openpetition.devinfra.Ports.requireFree(kafkaDepartments, "Kafka departments' listener");
            org.openpetition.devinfra.Ports.requireFree(keycloak, "Keycloak");
            org.openpetition.devinfra.Ports.requireFree(smtp, "SMTP");
            org.openpetition.devinfra.Ports.requireFree(imap, "IMAP");
            org.openpetition.devinfra.Ports.requireFree(sms, "SMS gateway");
        }
    }

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final KeycloakServer keycloak;
    private final SmtpServer smtp;
    private final SmsGateway sms;

    private Infrastructure(PostgresServer postgres, KafkaServer kafka, KeycloakServer keycloak, SmtpServer smtp,
                           SmsGateway sms) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.keycloak = keycloak;
        this.smtp = smtp;
        this.sms = sms;
    }

    /**
     * Starts everything; Keycloak (the slowest) in parallel with the rest.
     *
     * @param workDir where data and logs go
     * @param distDir where the build put keycloak.zip and kafka-libs/
     */
    public static Infrastructure start(Path workDir, Path distDir, Ports ports) {
        ports.requireFree();
        CompletableFuture<KeycloakServer> keycloak = CompletableFuture.supplyAsync(
                () -> KeycloakServer.start(distDir, workDir.resolve("keycloak"), ports.keycloak()));
        PostgresServer postgres = null;
        KafkaServer kafka = null;
        SmtpServer smtp = null;
        SmsGateway sms = null;
        try {
            postgres = PostgresServer.start(workDir.resolve("postgres"), ports.postgres());
            for (PlatformService service : PlatformService.values()) {
                postgres.createServiceDatabase(service.database());
            }
            kafka = KafkaServer.start(workDir.resolve("kafka"), distDir.resolve("kafka-libs"), ports.kafka(),
                    ports.kafkaController(), ports.kafkaDepartments());
            kafka.createTopics(TOPICS, 3);
            smtp = SmtpServer.start(ports.smtp(), ports.imap());
            sms = SmsGateway.start(ports.sms());
            return new Infrastructure(postgres, kafka, keycloak.join(), smtp, sms);
        } catch (RuntimeException e) {
            // wait for Keycloak and stop it here: closing it asynchronously left it orphaned when the JVM exited
            try {
                closeQuietly(keycloak.join());
            } catch (RuntimeException keycloakFailed) {
                e.addSuppressed(keycloakFailed);
            }
            closeQuietly(sms);
            closeQuietly(smtp);
            closeQuietly(kafka);
            closeQuietly(postgres);
            throw e;
        }
    }

    /** The configuration a service needs to run against this infrastructure. */
    public Map<String, String> serviceConfig(PlatformService service) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.username", service.database());
        config.put("quarkus.datasource.password", service.database());
        config.put("quarkus.datasource.reactive.url", postgres.reactiveUrl(service.database()));
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service.database()));
        config.put("quarkus.oidc.auth-server-url", keycloak.realmUrl());
        if (service == PlatformService.PORTAL) {
            return config; // no Kafka, no JDBC (Flyway): the portal keeps only its sessions, over the reactive client
        }
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        if (service == PlatformService.INTAKE) {
            // the portal calls intake with the browser's address in X-Forwarded-For: trusted from loopback only,
            // so that the per-address rate limits count each petitioner, not the portal
            config.put("quarkus.http.proxy.proxy-address-forwarding", "true");
            config.put("quarkus.http.proxy.allow-x-forwarded", "true");
            config.put("quarkus.http.proxy.trusted-proxies", org.openpetition.devinfra.Ports.LOOPBACK);
            // development keys only: a deployment supplies its own from a secret store
            config.put("petition.personal-data.encryption-key", "bG9jYWwtZGV2ZWxvcG1lbnQtb25seS1rZXktMzJieXQ=");
            config.put("petition.personal-data.matching-key", "bG9jYWwtZGV2ZWxvcG1lbnQtb25seS1tYXRjaGluZy1rZXk=");
        }
        if (service == PlatformService.NOTIFICATION) {
            config.put("quarkus.mailer.host", org.openpetition.devinfra.Ports.LOOPBACK);
            config.put("quarkus.mailer.port", String.valueOf(smtp.smtpPort()));
            config.put("petition.sms.url", sms.url());
            config.put("petition.sms.api-key", SmsGateway.API_KEY);
        }
        return config;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public KafkaServer kafka() {
        return kafka;
    }

    public KeycloakServer keycloak() {
        return keycloak;
    }

    public SmtpServer smtp() {
        return smtp;
    }

    public SmsGateway sms() {
        return sms;
    }

    @Override
    public void close() {
        closeQuietly(sms);
        closeQuietly(smtp);
        closeQuietly(keycloak);
        closeQuietly(kafka);
        closeQuietly(postgres);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            System.err.println("devinfra: stopping " + closeable.getClass().getSimpleName() + " failed: " + e);
        }
    }
}
