package org.openpetition.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.Platform;
import org.openpetition.devinfra.PlatformService;

/**
 * The post-deploy smoke test of deploy/k8s (base/smoke/smoke.sh, run there by a Job) against the whole local
 * platform: with the smoke client's credentials it passes, leaving its petition withdrawn; with a wrong
 * secret it fails and says why.
 */
class SmokeTestIT {

    private static Platform platform;
    private static Path script;

    @BeforeAll
    static void start() throws Exception {
        platform = SharedPlatform.get();
        script = Path.of(System.getProperty("petition.project.dir"), "deploy", "k8s", "base", "smoke", "smoke.sh");
    }

    private record Run(int exit, String output) {
    }

    private static Run run(String secret) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PETITION_INTAKE_URL", platform.service(PlatformService.INTAKE).url());
        env.put("PETITION_INTAKE_HEALTH_URL", platform.service(PlatformService.INTAKE).managementUrl() + "/q/health/ready");
        env.put("PETITION_TOKEN_URL", platform.infrastructure().keycloak().realmUrl() + "/protocol/openid-connect/token");
        env.put("PETITION_SMOKE_CLIENT_ID", "petition-smoke");
        env.put("PETITION_SMOKE_CLIENT_SECRET", secret);
        env.put("PETITION_SMOKE_TIMEOUT_SECONDS", "60");
        Process process = builder.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "the smoke test ends within its own timeout");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.print(output);
        return new Run(process.exitValue(), output);
    }

    @Test
    void theSmokeTestPassesAgainstTheRunningPlatformAndLeavesItsPetitionWithdrawn() throws Exception {
        Run run = run("smoke-local-development-secret");
        assertEquals(0, run.exit(), run.output());
        Matcher registered = Pattern.compile("registered (\\S+)").matcher(run.output());
        assertTrue(registered.find(), run.output());
        String code = registered.group(1);
        assertTrue(run.output().contains("intake-service answers") && run.output().contains(code + " reached a unit") && run.output().contains(code + " withdrawn"), run.output());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "WITHDRAWN".equals(statusOf(code)));
    }

    @Test
    void aWrongSecretFailsTheSmokeTestAndSaysWhy() throws Exception {
        Run run = run("not-the-secret");
        assertEquals(1, run.exit(), run.output());
        assertTrue(run.output().contains("FAILED: no token"), run.output());
    }

    private static String statusOf(String trackingCode) throws SQLException {
        try (Connection c = DriverManager.getConnection(platform.infrastructure().postgres().jdbcUrl("intake"), "intake", "intake");
             PreparedStatement query = c.prepareStatement("select status from petition where tracking_code = ?")) {
            query.setString(1, trackingCode);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
