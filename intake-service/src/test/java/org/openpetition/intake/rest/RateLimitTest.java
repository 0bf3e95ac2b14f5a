package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.intake.IntakeTestSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.KeycloakServer;

/**
 * Rate limits and the tracking lock-out, with small limits (this profile) so that a test reaches them. One
 * Quarkus application serves every other test class of the module, all from 127.0.0.1 with the same demo
 * users: these limits live in their own test profile, and the client addresses come from X-Forwarded-For,
 * trusted here from loopback (quarkus.http.proxy.*), so that each test counts from fresh addresses.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallLimits.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.ofEntries(
                    Map.entry("petition.rate-limit.citizen-registration.per-account", "3"),
                    Map.entry("petition.rate-limit.citizen-registration.per-address", "5"),
                    Map.entry("petition.rate-limit.clerk-registration.per-account", "7"),
                    Map.entry("petition.rate-limit.clerk-registration.per-address", "100"),
                    Map.entry("petition.rate-limit.tracking.per-address", "6"),
                    Map.entry("petition.rate-limit.tracking.lockout-failures", "3"),
                    Map.entry("petition.rate-limit.tracking.lockout-period", "10m"),
                    Map.entry("petition.rate-limit.open311.per-client", "2"),
                    Map.entry("quarkus.http.proxy.proxy-address-forwarding", "true"),
                    Map.entry("quarkus.http.proxy.allow-x-forwarded", "true"),
                    Map.entry("quarkus.http.proxy.trusted-proxies", "127.0.0.1"));
        }
    }

    private static final AtomicInteger ADDRESSES = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeEach
    void freshCounters() {
        execute("delete from rate_limit_window");
        execute("delete from tracking_lockout");
    }

    @Test
    void aCitizenIsRefusedExactlyAtTheAccountLimitAndNothingIsStored() {
        String alice = newCitizen();
        String token = token(alice);
        for (int i = 0; i < 3; i++) {
            register(token, freshAddress()).statusCode(201);
        }
        long petitions = count("select count(*) from petition");
        long events = count("select count(*) from outbox_event");
        tooMany(register(token, freshAddress()), 3600);
        assertEquals(petitions, count("select count(*) from petition"), "nothing stored for the refused request");
        assertEquals(events, count("select count(*) from outbox_event"), "nothing published for the refused request");
        assertEquals(3, count("select count(*) from petition where registered_by = ?", alice));
        assertEquals(6, count("select count(*) from outbox_event where record_key in "
                + "(select id::text from petition where registered_by = ?)", alice));

        // another account is counted on its own, from the same address too
        String address = freshAddress();
        register(token(newCitizen()), address).statusCode(201);
        tooMany(register(token, address), 3600);
    }

    @Test
    void citizensBehindOneAddressShareItsLimitAndAnotherAddressIsCountedApart() {
        String shared = freshAddress();
        String first = token(newCitizen());
        String second = token(newCitizen());
        for (int i = 0; i < 3; i++) {
            register(first, shared).statusCode(201);
        }
        register(second, shared).statusCode(201);
        register(second, shared).statusCode(201);
        long petitions = count("select count(*) from petition");
        tooMany(register(second, shared), 3600);
        assertEquals(petitions, count("select count(*) from petition"));
        // a third petitioner is refused behind the shared address, and not from another one
        String third = token(newCitizen());
        tooMany(register(third, shared), 3600);
        register(third, freshAddress()).statusCode(201);
    }

    @Test
    void aClerkHasTheClerksFarHigherLimit() {
        String token = token("clerk");
        String address = freshAddress();
        for (int i = 0; i < 7; i++) {
            given().auth().oauth2(token).header("X-Forwarded-For", address).contentType("application/json")
                    .body(petitionJson("LETTER")).when().post("/api/petitions").then().statusCode(201);
        }
        long petitions = count("select count(*) from petition");
        tooMany(given().auth().oauth2(token).header("X-Forwarded-For", address).contentType("application/json")
                .body(petitionJson("LETTER")).when().post("/api/petitions").then(), 3600);
        assertEquals(petitions, count("select count(*) from petition"));
    }

    @Test
    void trackingIsLimitedPerClientAddress() {
        var receipt = letter();
        String address = freshAddress();
        for (int i = 0; i < 5; i++) {
            track(address, "XF20200101-NOSUCH" + i + "0", "ZZZZZZZZ").statusCode(404);
        }
        track(address, receipt.path("trackingCode"), receipt.path("querySecret")).statusCode(200);
        // the limit is reached: even the right code and secret are refused from this address, and actions too
        tooMany(track(address, receipt.path("trackingCode"), receipt.path("querySecret")), 600);
        tooMany(given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("trackingCode", receipt.path("trackingCode"), "querySecret", receipt.path("querySecret"),
                        "action", "WITHDRAW", "reason", "已协商解决"))
                .when().post("/api/tracking/actions").then(), 600);
        track(freshAddress(), receipt.path("trackingCode"), receipt.path("querySecret")).statusCode(200);
    }

    @Test
    void aTrackingCodeLocksAfterConsecutiveWrongSecretsEvenForTheRightOne() {
        var receipt = letter();
        String code = receipt.path("trackingCode");
        String secret = receipt.path("querySecret");
        String caseId = receipt.path("caseId");

        // failures that a right secret interrupts are not consecutive
        track(freshAddress(), code, "ZZZZZZZZ").statusCode(404);
        track(freshAddress(), code, "YYYYYYYY").statusCode(404);
        track(freshAddress(), code, secret).statusCode(200);
        track(freshAddress(), code, "ZZZZZZZZ").statusCode(404);
        track(freshAddress(), code, "YYYYYYYY").statusCode(404);
        track(freshAddress(), code, "XXXXXXXX").statusCode(404);

        // locked: each address is fresh, so this is the code's lock, not an address limit
        int retryAfter = tooMany(track(freshAddress(), code, secret), 600);
        assertTrue(retryAfter > 540, "locked for the period: " + retryAfter);
        long steps = count("select count(*) from petition_status where petition_id = ?::uuid", caseId);
        tooMany(given().header("X-Forwarded-For", freshAddress()).contentType("application/json")
                .body(Map.of("trackingCode", code, "querySecret", secret, "action", "WITHDRAW", "reason", "已协商解决"))
                .when().post("/api/tracking/actions").then(), 600);
        assertEquals(steps, count("select count(*) from petition_status where petition_id = ?::uuid", caseId),
                "a locked code records no action");
        assertEquals("REGISTERED", status(caseId));

        // another code is not affected; an unknown code is locked alike, so a lock reveals nothing
        var other = letter();
        track(freshAddress(), other.path("trackingCode"), other.path("querySecret")).statusCode(200);
        String unknown = "XF20200101-NOSUCHXY";
        for (int i = 0; i < 3; i++) {
            track(freshAddress(), unknown, "ZZZZZZZZ").statusCode(404);
        }
        tooMany(track(freshAddress(), unknown, "ZZZZZZZZ"), 600);

        // once the period is over, the right secret works again
        execute("update tracking_lockout set locked_until = now() - interval '1 second', "
                + "last_failure_at = now() - interval '11 minutes'");
        track(freshAddress(), code, secret).statusCode(200);
    }

    @Test
    void anOpen311ClientIsLimitedPerClient() {
        String token = infra().keycloak().clientToken("open311-demo", "open311-demo-secret");
        long before = count("select count(*) from petition where channel = 'OPEN311'");
        for (int i = 0; i < 2; i++) {
            open311(token).statusCode(201);
        }
        long events = count("select count(*) from outbox_event");
        tooMany(open311(token), 3600);
        assertEquals(before + 2, count("select count(*) from petition where channel = 'OPEN311'"));
        assertEquals(events, count("select count(*) from outbox_event"));
    }

    private static ValidatableResponse open311(String token) {
        return given().auth().oauth2(token).header("X-Forwarded-For", freshAddress())
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("jurisdiction_id", "450326").formParam("service_code", "PROPERTY_MANAGEMENT")
                .formParam("description", "小区电梯长期故障无人维修，物业公司不予理睬。" + UUID.randomUUID())
                .formParam("first_name", "小红").formParam("last_name", "李").formParam("phone", "13712345678")
                .when().post("/open311/v2/requests.json").then();
    }

    /** Asserts a 429 with problem details and a Retry-After within the window; returns Retry-After. */
    private static int tooMany(ValidatableResponse response, int windowSeconds) {
        ExtractableResponse<Response> refused = response.statusCode(429)
                .contentType("application/problem+json")
                .body("type", is("https://openpetition.org/problems/rate-limited"))
                .body("status", is(429))
                .body("title", not(emptyOrNullString()))
                .header("Retry-After", matchesPattern("\\d+"))
                .extract();
        int retryAfter = Integer.parseInt(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= windowSeconds, "Retry-After " + retryAfter);
        return retryAfter;
    }

    private static ValidatableResponse register(String token, String address) {
        return given().auth().oauth2(token).header("X-Forwarded-For", address).contentType("application/json")
                .body(petitionJson(null)).when().post("/api/petitions").then();
    }

    private static ExtractableResponse<Response> letter() {
        return given().auth().oauth2(token("clerk")).header("X-Forwarded-For", freshAddress())
                .contentType("application/json").body(petitionJson("LETTER"))
                .when().post("/api/petitions").then().statusCode(201).extract();
    }

    private static ValidatableResponse track(String address, String code, String secret) {
        return given().header("X-Forwarded-For", address).contentType("application/json")
                .body(Map.of("trackingCode", code, "querySecret", secret)).when().post("/api/tracking").then();
    }

    private static String status(String caseId) {
        return given().auth().oauth2(token("clerk")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .extract().path("status");
    }

    /** An address of the documentation range (RFC 5737) not used before in this test JVM. */
    private static String freshAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
    }

    /** A new petitioner account with the citizen role, created in the real Keycloak through its admin API. */
    private static String newCitizen() {
        String username = "rl-" + UUID.randomUUID().toString().substring(0, 12);
        String base = "http://127.0.0.1:" + infra().keycloak().port();
        try {
            String admin = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=password&client_id=admin-cli&username=admin&password=admin")),
                    200).body()).get("access_token").asText();
            String users = base + "/admin/realms/" + KeycloakServer.REALM + "/users";
            String user = JSON.writeValueAsString(Map.of("username", username, "enabled", true, "emailVerified", true,
                    "email", username + "@example.invalid", "firstName", "Rate", "lastName", "Limit",
                    "credentials", java.util.List.of(Map.of("type", "password", "value", KeycloakServer.DEMO_PASSWORD,
                            "temporary", false))));
            HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(users)).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(user)), 201);
            String location = created.headers().firstValue("Location").orElseThrow();
            JsonNode role = JSON.readTree(send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/" + KeycloakServer.REALM
                    + "/roles/" + URLEncoder.encode("citizen", StandardCharsets.UTF_8))).header("Authorization", "Bearer " + admin).GET(),
                    200).body());
            send(HttpRequest.newBuilder(URI.create(location + "/role-mappings/realm")).header("Authorization", "Bearer " + admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + JSON.writeValueAsString(role) + "]")), 204);
            return username;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.statusCode() + " " + response.body());
            }
            return response;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
