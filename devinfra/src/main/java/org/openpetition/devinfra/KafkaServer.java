package org.openpetition.devinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AccessControlEntryFilter;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePatternFilter;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.security.auth.KafkaPrincipal;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real Apache Kafka broker (KRaft, one node acting as broker and controller) in its own process,
 * listening on 127.0.0.1. It can be stopped and started again on the same ports and log
 * directory, which is how the fault tests take the broker away and bring it back.
 *
 * <p>Two client listeners, as the platform's Kafka cluster has them: the platform's own services on the
 * plaintext listener (its principal, {@code User:ANONYMOUS} on loopback, is the super user), and the
 * departmental systems on a SASL/SCRAM-SHA-512 listener, each authenticated as its own user and held by
 * the standard authorizer to the ACLs {@link #addDepartmentUser} grants: its own feed and nothing else.
 */
public final class KafkaServer implements AutoCloseable {

    private final Path dir;
    private final Path libs;
    private final int port;
    private final int controllerPort;
    private final int departmentsPort;
    private Process process;

    private KafkaServer(Path dir, Path libs, int port, int controllerPort, int departmentsPort) {
        this.dir = dir;
        this.libs = libs;
        this.port = port;
        this.controllerPort = controllerPort;
        this.departmentsPort = departmentsPort;
    }

    /** Formats a new log directory and starts the broker. {@code libs} holds the broker's jars. */
    public static KafkaServer start(Path dir, Path libs, int port, int controllerPort, int departmentsPort) {
        if (!Files.isDirectory(libs)) {
            throw new IllegalStateException("the Kafka broker's jars are not at " + libs
                    + " - build the project first (./mvnw package -DskipTests)");
        }
        KafkaServer server = new KafkaServer(dir, libs, port, controllerPort, departmentsPort);
        server.format();
        server.startProcess();
        return server;
    }

    public String bootstrapServers() {
        return Ports.LOOPBACK + ":" + port;
    }

    public int port() {
        return port;
    }

    /** Where departmental systems connect (SASL_PLAINTEXT, SCRAM-SHA-512). */
    public String departmentBootstrapServers() {
        return Ports.LOOPBACK + ":" + departmentsPort;
    }

    /**
     * Onboards a departmental system as an operator does (deploy/k8s does the same with a KafkaUser): a SCRAM
     * user named after the department, allowed to read (and describe) the topics and consumer groups whose
     * names start with {@code dept.<code>.}: its own feed, nothing else.
     */
    public void addDepartmentUser(String departmentCode, String password) {
        String user = departmentUser(departmentCode);
        String prefix = "dept." + departmentCode + ".";
        KafkaPrincipal principal = new KafkaPrincipal(KafkaPrincipal.USER_TYPE, user);
        try (Admin admin = admin()) {
            admin.alterUserScramCredentials(List.of(new UserScramCredentialUpsertion(user,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, 4096), password))).all().get(30, TimeUnit.SECONDS);
            List<AclBinding> acls = new ArrayList<>();
            for (AclOperation operation : List.of(AclOperation.READ, AclOperation.DESCRIBE)) {
                acls.add(new AclBinding(new ResourcePattern(ResourceType.TOPIC, prefix, PatternType.PREFIXED),
                        new AccessControlEntry(principal.toString(), "*", operation, AclPermissionType.ALLOW)));
            }
            acls.add(new AclBinding(new ResourcePattern(ResourceType.GROUP, prefix, PatternType.PREFIXED),
                    new AccessControlEntry(principal.toString(), "*", AclOperation.READ, AclPermissionType.ALLOW)));
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
            // the broker applies them from the metadata log a moment later: wait until it reports them
            AclBindingFilter mine = new AclBindingFilter(ResourcePatternFilter.ANY, new AccessControlEntryFilter(
                    principal.toString(), null, AclOperation.ANY, AclPermissionType.ANY));
            Wait.until("the ACLs of " + user, Duration.ofSeconds(30), () -> {
                try {
                    return admin.describeAcls(mine).values().get(10, TimeUnit.SECONDS).size() >= acls.size();
                } catch (Exception e) {
                    return false;
                }
            });
        } catch (ExecutionException | InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot onboard department " + departmentCode, e);
        }
    }

    /**
     * The consumer settings of a department's system as docs/kubernetes.md tells departments to set them:
     * SCRAM-SHA-512 on the departments' listener, a consumer group in its own prefix, from the earliest
     * record, and no topic creation (its feed appears with its first case).
     */
    public Properties departmentConsumerConfig(String departmentCode, String password) {
        Properties config = new Properties();
        config.put("bootstrap.servers", departmentBootstrapServers());
        config.put("group.id", "dept." + departmentCode + ".system-" + java.util.UUID.randomUUID());
        config.put("auto.offset.reset", "earliest");
        config.put("allow.auto.create.topics", "false");
        config.put("key.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        config.put("value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");
        config.put("security.protocol", "SASL_PLAINTEXT");
        config.put("sasl.mechanism", "SCRAM-SHA-512");
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + departmentUser(departmentCode) + "\" password=\"" + password + "\";");
        return config;
    }

    /** The Kafka user name of a department's system: {@code dept-<code>} in lower case. */
    public static String departmentUser(String departmentCode) {
        return "dept-" + departmentCode.toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** Stops the broker (a clean shutdown), keeping its data. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        Processes.stop(process);
        process = null;
        Wait.until("Kafka to release port " + port, Duration.ofSeconds(30), () -> !Ports.isOpen(port));
    }

    /** Starts a stopped broker again on the same ports and data. */
    public synchronized void restart() {
        if (process == null) {
            startProcess();
        }
    }

    /** Creates topics (idempotent). */
    public void createTopics(Collection<String> topics, int partitions) {
        try (Admin admin = admin()) {
            List<NewTopic> newTopics = topics.stream().map(t -> new NewTopic(t, partitions, (short) 1)).toList();
            for (var result : admin.createTopics(newTopics).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic", e.getCause());
                    }
                }
            }
        } catch (InterruptedException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("cannot create topics " + topics, e);
        }
    }

    public Set<String> topics() {
        try (Admin admin = admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot list topics", e);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30000));
    }

    private void format() {
        try {
            Files.createDirectories(dir);
            writeConfig();
            Process format = new ProcessBuilder(Processes.java(), "-cp", classpath(), "kafka.tools.StorageTool", "format",
                    "--ignore-formatted", "-t", Uuid.randomUuid().toString(),
                    "-c", dir.resolve("server.properties").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("format.log").toFile())
                    .start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IllegalStateException("formatting Kafka storage failed, see " + dir.resolve("format.log"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void startProcess() {
        try {
            List<String> command = new ArrayList<>(List.of(Processes.java(), "-Xms128m", "-Xmx512m", "-XX:+UseG1GC",
                    "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                    "-cp", classpath(), "kafka.Kafka", dir.resolve("server.properties").toString()));
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("kafka.log").toFile()))
                    .start();
            Wait.until("the Kafka broker on " + bootstrapServers() + " (log: " + dir.resolve("kafka.log") + ")",
                    Duration.ofSeconds(90), this::ready);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka", e);
        }
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka exited with " + process.exitValue() + ", see " + dir.resolve("kafka.log"));
        }
        if (!Ports.isOpen(port)) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private void writeConfig() throws IOException {
        Properties config = new Properties();
        config.setProperty("process.roles", "broker,controller");
        config.setProperty("node.id", "1");
        config.setProperty("controller.quorum.voters", "1@" + Ports.LOOPBACK + ":" + controllerPort);
        config.setProperty("listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",CONTROLLER://" + Ports.LOOPBACK + ":"
                + controllerPort + ",DEPARTMENTS://" + Ports.LOOPBACK + ":" + departmentsPort);
        config.setProperty("advertised.listeners", "PLAINTEXT://" + Ports.LOOPBACK + ":" + port + ",DEPARTMENTS://"
                + Ports.LOOPBACK + ":" + departmentsPort);
        config.setProperty("controller.listener.names", "CONTROLLER");
        config.setProperty("inter.broker.listener.name", "PLAINTEXT");
        config.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,DEPARTMENTS:SASL_PLAINTEXT");
        // departmental systems: SCRAM users held to their ACLs; the platform's loopback listener is the super user
        config.setProperty("listener.name.departments.sasl.enabled.mechanisms", "SCRAM-SHA-512");
        config.setProperty("listener.name.departments.scram-sha-512.sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        config.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.setProperty("super.users", "User:ANONYMOUS");
        config.setProperty("allow.everyone.if.no.acl.found", "false");
        config.setProperty("log.dirs", dir.resolve("logs").toString());
        config.setProperty("num.partitions", "3");
        config.setProperty("offsets.topic.replication.factor", "1");
        config.setProperty("offsets.topic.num.partitions", "10");
        config.setProperty("transaction.state.log.replication.factor", "1");
        config.setProperty("transaction.state.log.min.isr", "1");
        config.setProperty("share.coordinator.state.topic.replication.factor", "1");
        config.setProperty("share.coordinator.state.topic.min.isr", "1");
        config.setProperty("group.initial.rebalance.delay.ms", "0");
        config.setProperty("auto.create.topics.enable", "true");
        try (var out = Files.newBufferedWriter(dir.resolve("server.properties"))) {
            config.store(out, "single-node KRaft broker on loopback, written by devinfra");
        }
        Files.writeString(dir.resolve("log4j2.properties"), """
                status = warn
                appender.out.type = Console
                appender.out.name = OUT
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                rootLogger.level = warn
                rootLogger.appenderRef.out.ref = OUT
                logger.server.name = kafka.server.KafkaRaftServer
                logger.server.level = info
                """);
    }

    private String classpath() {
        return libs.toAbsolutePath() + File.separator + "*";
    }
}
