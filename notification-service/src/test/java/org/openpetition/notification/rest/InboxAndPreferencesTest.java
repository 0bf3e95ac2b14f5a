package org.openpetition.notification.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.notification.NotificationTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.InfraTestResource;

/** The in-app inbox (REST and server-sent events) and the per-recipient preferences. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
class InboxAndPreferencesTest {

    @TestHTTPResource("/api/inbox/stream")
    URI stream;

    @Test
    void aNewCaseAppearsLiveInTheDepartmentsStreamAndCanBeMarkedRead() throws Exception {
        UUID caseId = UUID.randomUUID();
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token("handler"))
                .header("Accept", "text/event-stream").GET().build();
        // the stream is open once its response has begun
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        CompletableFuture<String> event = CompletableFuture.supplyAsync(() -> {
            try (Stream<String> lines = response.body()) {
                return lines.filter(l -> l.startsWith("data:") && l.contains(caseId.toString())).findFirst().orElse(null);
            }
        });
        assigned(caseId, new UnitContact("511703-ZJJ", "达州市达川区住房和城乡建设局", null), null, null, false);
        String data = event.get(30, TimeUnit.SECONDS);
        assertTrue(data.contains("\"kind\":\"CASE_ASSIGNED\"") && data.contains("\"inbox\":\"unit:511703-ZJJ\""), data);

        String id = given().auth().oauth2(token("handler")).when().get("/api/inbox?unread=true&limit=200")
                .then().statusCode(200).body("unread", greaterThan(0))
                .extract().path("messages.find { it.caseId == '" + caseId + "' }.id");
        given().auth().oauth2(token("citizen")).when().post("/api/inbox/" + id + "/read").then().statusCode(404);
        given().auth().oauth2(token("handler")).when().post("/api/inbox/" + id + "/read").then().statusCode(204);
        given().auth().oauth2(token("handler")).when().get("/api/inbox?unread=true&limit=200")
                .then().statusCode(200).body("messages.findAll { it.caseId == '" + caseId + "' }", empty());
        given().when().get("/api/inbox").then().statusCode(401);
    }

    @Test
    void messagesArrivingTogetherAllReachTheOpenStream() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stream).header("Authorization", "Bearer " + token("handler"))
                .header("Accept", "text/event-stream").GET().build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines()).get(30, TimeUnit.SECONDS);
        assertEquals(200, response.statusCode());
        List<UUID> cases = java.util.stream.IntStream.range(0, 8).mapToObj(i -> UUID.randomUUID()).toList();
        java.util.Set<String> pending = java.util.concurrent.ConcurrentHashMap.newKeySet();
        cases.forEach(c -> pending.add(c.toString()));
        CompletableFuture<Boolean> all = CompletableFuture.supplyAsync(() -> {
            try (Stream<String> lines = response.body()) {
                return lines.filter(l -> l.startsWith("data:"))
                        .anyMatch(l -> pending.removeIf(l::contains) && pending.isEmpty());
            }
        });
        // eight assignments sent at once: their messages are stored and announced while the stream is still
        // writing the first ones out
        for (UUID caseId : cases) {
            assigned(caseId, new UnitContact("511703-ZJJ", "达州市达川区住房和城乡建设局", null), null, null, false);
        }
        assertTrue(all.get(30, TimeUnit.SECONDS), "every message reached the stream; missing: " + pending);
    }

    @Test
    void aUnitThatChoseTheInboxOnlyGetsNoEmail() throws Exception {
        String code = "P-" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body(Map.of("channels", List.of("INBOX"), "language", "zh"))
                .when().put("/api/preferences/unit:" + code).then().statusCode(200)
                .body("channels", contains("INBOX")).body("updatedBy", is("admin"));
        UUID caseId = UUID.randomUUID();
        String email = "pref-" + caseId + "@dept.demo.openpetition.local";
        // once the service has applied the assignment, its messages are stored: the inbox's only, no email to send
        awaitConsumed(assigned(caseId, new UnitContact(code, "某单位", email), null, null, false));
        given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId)
                .then().statusCode(200).body("channel", contains("INBOX"));
        assertTrue(smtp().receivedFor(email).isEmpty());
    }

    @Test
    void preferencesAreOwnedAndChecked() {
        given().auth().oauth2(token("handler")).contentType("application/json")
                .body(Map.of("channels", List.of("EMAIL", "SMS"), "phone", "13900001111", "quietStart", "22:00", "quietEnd", "07:30"))
                .when().put("/api/preferences/unit:511703-ZJJ").then().statusCode(200)
                .body("quietStart", is("22:00")).body("phone", is("13900001111"));
        given().auth().oauth2(token("handler")).when().get("/api/preferences/unit:511703-ZJJ").then().statusCode(200)
                .body("channels", contains("EMAIL", "SMS"));
        given().auth().oauth2(token("handler")).contentType("application/json").body(Map.of("channels", List.of("EMAIL")))
                .when().put("/api/preferences/unit:5117-ZJJ").then().statusCode(403);
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body(Map.of("channels", List.of("PIGEON"), "language", "fr", "quietStart", "25:00", "quietEnd", "08:00"))
                .when().put("/api/preferences/unit:X").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("channels[0]", "language", "quietStart"));
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body(Map.of("channels", List.of("SMS"), "quietStart", "22:00"))
                .when().put("/api/preferences/unit:X").then().statusCode(400).body("errors[0].field", is("quietEnd"));
        given().auth().oauth2(token("admin")).contentType("application/json").body(Map.of("channels", List.of("SMS")))
                .when().put("/api/preferences/nobody").then().statusCode(400).body("errors[0].field", is("recipientKey"));
        // put it back: other tests expect the demo department's email
        given().auth().oauth2(token("admin")).contentType("application/json")
                .body(Map.of("channels", List.of("EMAIL", "SMS", "INBOX")))
                .when().put("/api/preferences/unit:511703-ZJJ").then().statusCode(200);
    }

    @Test
    void theDeliveryLogNeedsTheRightRoleAndValidFilters() {
        given().when().get("/api/notifications?caseId=" + UUID.randomUUID()).then().statusCode(401);
        given().auth().oauth2(token("citizen")).when().get("/api/notifications?caseId=" + UUID.randomUUID()).then().statusCode(403);
        given().auth().oauth2(token("auditor")).when().get("/api/notifications?status=LOST").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("status"));
        given().auth().oauth2(token("auditor")).when().get("/api/notifications/" + UUID.randomUUID()).then().statusCode(404);
    }
}
