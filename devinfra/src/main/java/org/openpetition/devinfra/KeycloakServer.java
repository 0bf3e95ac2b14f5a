package org.openpetition.devinfra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server (the distribution from Maven Central) in its own process on 127.0.0.1,
 * started in development mode with an in-memory database and the project's realm imported
 * (deploy/keycloak/petition-realm.json): roles citizen ... auditor and one demo user per role.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String REALM = "petition";
    public static final String PORTAL_CLIENT = "petition-portal";
    /** Password of every demo user: a local development default. */
    public static final String DEMO_PASSWORD = "demo";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final Process process;
    private final Path log;

    private KeycloakServer(int port, Process process, Path log) {
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts Keycloak from the distribution zip in {@code distDir}, unpacked once into that folder
     * and shared by every instance (the first start also runs Keycloak's one-time build step).
     */
    public static KeycloakServer start(Path distDir, Path workDir, int port) {
        try {
            Path home = unpackOnce(distDir);
            Files.createDirectories(workDir);
            Path importDir = home.resolve("data/import");
            Files.createDirectories(importDir);
            try (InputStream realm = KeycloakServer.class.getResourceAsStream("/keycloak/petition-realm.json")) {
                Files.copy(realm, importDir.resolve("petition-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            Path log = workDir.resolve("keycloak.log");
            ProcessBuilder builder = new ProcessBuilder(List.of(home.resolve("bin/kc.sh").toString(), "start-dev",
                    "--http-host=" + Ports.LOOPBACK, "--http-port=" + port, "--import-realm", "--db=dev-mem",
                    "--cache=local", "--health-enabled=false", "--metrics-enabled=false"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
            KeycloakServer server = new KeycloakServer(port, builder.start(), log);
            Wait.until("Keycloak on port " + port + " (log: " + log + ")", Duration.ofSeconds(240), server::ready);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Keycloak", e);
        }
    }

    /** The issuer URL of the realm: what the services use as quarkus.oidc.auth-server-url. */
    public String realmUrl() {
        return "http://" + Ports.LOOPBACK + ":" + port + "/realms/" + REALM;
    }

    public int port() {
        return port;
    }

    /** A real access token for a demo user, through the password grant of the portal client. */
    public String accessToken(String username) {
        return accessToken(username, DEMO_PASSWORD);
    }

    public String accessToken(String username, String password) {
        String form = "grant_type=password&client_id=" + PORTAL_CLIENT
                + "&username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return requestToken(form);
    }

    /** A token of a departmental system through the client-credentials grant. */
    public String clientToken(String clientId, String secret) {
        return requestToken("grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8));
    }

    /**
     * Creates a user the way an operator does, through the admin REST API: enabled, with a password, the
     * realm's default roles (Keycloak adds {@code default-roles-petition}, with {@code offline_access} and
     * {@code uma_authorization}), the given realm role (none if null) and user attributes (e.g.
     * {@code department}, {@code locality}, {@code leader_id}). The password is {@link #DEMO_PASSWORD}.
     */
    public void createUser(String username, String realmRole, Map<String, String> attributes) {
        String admin = adminToken();
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("username", username);
        user.put("enabled", true);
        user.put("email", username + "@test.openpetition.local");
        user.put("emailVerified", true);
        user.put("firstName", "测试");
        user.put("lastName", username);
        Map<String, List<String>> attrs = new LinkedHashMap<>();
        attributes.forEach((k, v) -> attrs.put(k, List.of(v)));
        user.put("attributes", attrs);
        user.put("credentials", List.of(Map.of("type", "password", "value", DEMO_PASSWORD, "temporary", false)));
        HttpResponse<String> created = admin("POST", "/users", admin, user);
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating user " + username + " failed: " + created.statusCode() + " " + created.body());
        }
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        if (realmRole != null) {
            HttpResponse<String> role = admin("GET", "/roles/" + realmRole, admin, null);
            try {
                JsonNode roleRep = JSON.readTree(role.body());
                HttpResponse<String> mapped = admin("POST", "/users/" + id + "/role-mappings/realm", admin, List.of(roleRep));
                if (mapped.statusCode() != 204) {
                    throw new IllegalStateException("granting " + realmRole + " failed: " + mapped.statusCode() + " " + mapped.body());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String adminToken() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + Ports.LOOPBACK + ":" + port
                        + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin"))
                .timeout(Duration.ofSeconds(30)).build();
        try {
            return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> admin(String method, String path, String token, Object body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + Ports.LOOPBACK + ":" + port + "/admin/realms/"
                            + REALM + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .timeout(Duration.ofSeconds(30)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String requestToken(String form) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(30))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("token request failed: " + response.statusCode() + " " + response.body());
            }
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        Processes.stop(process);
    }

    private boolean ready() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Keycloak exited with " + process.exitValue() + ", see " + log);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(realmUrl() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Path unpackOnce(Path distDir) throws IOException {
        Path zip = distDir.resolve("keycloak.zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("the Keycloak distribution is not at " + zip
                    + " - build the project first (./mvnw package -DskipTests)");
        }
        Path home = distDir.resolve("keycloak");
        Path marker = home.resolve(".unpacked");
        try (FileChannel lock = FileChannel.open(distDir.resolve("keycloak.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             var ignored = lock.lock()) {
            if (Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(Files.getLastModifiedTime(zip)) >= 0) {
                return home;
            }
            unzip(zip, home);
            home.resolve("bin/kc.sh").toFile().setExecutable(true);
            Files.writeString(marker, "unpacked from " + zip);
        }
        return home;
    }

    /** Unzips, dropping the archive's top folder (keycloak-VERSION/). */
    private static void unzip(Path zip, Path target) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue;
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("zip entry outside the target: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                    if (name.endsWith(".sh")) {
                        out.toFile().setExecutable(true);
                    }
                }
            }
        }
    }
}
