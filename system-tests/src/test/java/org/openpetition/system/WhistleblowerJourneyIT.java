package org.openpetition.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.Response;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.devinfra.KafkaServer;
import org.openpetition.devinfra.KeycloakServer;
import org.openpetition.devinfra.Platform;
import org.openpetition.devinfra.PlatformService;

/**
 * 保护检举人 across the packaged platform: a citizen accuses 达川区's housing bureau and its head by name
 * only (no directory code). The discipline inspection body gets the case (its APIs, its feed, its mailbox);
 * the accused unit's handler, its departmental system reading its own feed with its own Kafka credentials,
 * its supervising body (达州市's housing bureau) and the accused official find nothing on any API, feed,
 * inbox or mailbox. "Nothing" is checked once a positive marker has passed: the accusation's own notice
 * to the discipline body, and a later petition of the housing bureau on its feed and in its mailbox.
 */
class WhistleblowerJourneyIT {

    private static final String ACCUSED_UNIT = "511703-ZJJ";
    private static final String DISCIPLINE_BODY = "511703-JW";

    @Test
    void anAccusationNamedByNameReachesTheDisciplineBodyAndNothingOfItReachesTheAccused() throws Exception {
        Platform platform = SharedPlatform.get();
        KeycloakServer keycloak = platform.infrastructure().keycloak();
        KafkaServer kafka = platform.infrastructure().kafka();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> tokens = Map.of(
                "citizen", user(keycloak, "wb-citizen-" + suffix, "citizen", Map.of()),
                "discipline", user(keycloak, "wb-jw-" + suffix, "handler", Map.of("department", DISCIPLINE_BODY, "locality", "511703")),
                "accused", user(keycloak, "wb-zjj-" + suffix, "handler", Map.of("department", ACCUSED_UNIT, "locality", "511703")),
                "supervisingBody", user(keycloak, "wb-5117zjj-" + suffix, "handler", Map.of("department", "5117-ZJJ", "locality", "5117")),
                "accusedOfficial", user(keycloak, "wb-l01-" + suffix, "leader", Map.of("leader_id", "511703-L01", "locality", "511703")));
        String password = "wb-" + suffix;
        kafka.addDepartmentUser(ACCUSED_UNIT, password);
        kafka.addDepartmentUser(DISCIPLINE_BODY, password);

        Response receipt = given().auth().oauth2(tokens.get("citizen")).contentType("application/json").body("""
                        {"kind": "ACCUSATION", "subjectCategory": "URBAN_HOUSING", "localityCode": "511703001",
                         "title": "检举违规收费", "content": "区住建局局长在小区改造中违规收取费用，特此检举。",
                         "accused": {"unitName": "达川区住房和城乡建设局", "officialName": "陈立新", "officialPosition": "局长"},
                         "petitioners": [{"name": "赵七", "phone": "13800138222"}]}""")
                .post(url(platform, PlatformService.INTAKE) + "/api/petitions");
        receipt.then().statusCode(201);
        String caseId = receipt.path("caseId");
        String trackingCode = receipt.path("trackingCode");

        // the discipline body has it: routing, the case clock, its notice by mail
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> given().auth().oauth2(tokens.get("discipline"))
                .get(url(platform, PlatformService.SUPERVISION) + "/api/cases/" + caseId).statusCode() == 200);
        assertEquals(DISCIPLINE_BODY, given().auth().oauth2(tokens.get("discipline"))
                .get(url(platform, PlatformService.ROUTING) + "/api/assignments/" + caseId).then().statusCode(200)
                .extract().path("departmentCode"), "resolved by name, routed to the discipline body");
        String disciplineMail = "511703-jw@dept.demo.openpetition.local";
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mentions(platform.infrastructure().smtp().receivedFor(disciplineMail),
                trackingCode));

        // a later case of the housing bureau: the marker on its feed and in its mailbox
        String marker = given().auth().oauth2(tokens.get("citizen")).contentType("application/json").body("""
                        {"kind": "SOLUTION_REQUEST", "subjectCategory": "URBAN_HOUSING", "localityCode": "511703",
                         "title": "楼道灯损坏", "content": "小区楼道灯长期损坏，请予维修。", "petitioners": [{"name": "赵七"}]}""")
                .post(url(platform, PlatformService.INTAKE) + "/api/petitions").then().statusCode(201).extract().path("trackingCode");
        String accusedMail = "511703-zjj@dept.demo.openpetition.local";
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> mentions(platform.infrastructure().smtp().receivedFor(accusedMail),
                marker));
        assertFalse(mentions(platform.infrastructure().smtp().receivedFor(accusedMail), trackingCode), "the accused unit's mailbox");
        assertFalse(mentions(platform.infrastructure().smtp().receivedFor("5117-zjj@dept.demo.openpetition.local"), trackingCode),
                "the supervising body's mailbox");

        // no API shows it to the accused unit, its supervising body or the accused official
        for (String who : List.of("accused", "supervisingBody", "accusedOfficial")) {
            given().auth().oauth2(tokens.get(who)).get(url(platform, PlatformService.INTAKE) + "/api/petitions/" + caseId)
                    .then().statusCode(404);
            given().auth().oauth2(tokens.get(who)).get(url(platform, PlatformService.ROUTING) + "/api/assignments/" + caseId)
                    .then().statusCode(404);
            given().auth().oauth2(tokens.get(who)).get(url(platform, PlatformService.SUPERVISION) + "/api/cases/" + caseId)
                    .then().statusCode(404);
            String inbox = given().auth().oauth2(tokens.get(who)).get(url(platform, PlatformService.NOTIFICATION) + "/api/inbox")
                    .then().statusCode(200).extract().asString();
            assertFalse(inbox.contains(caseId) || inbox.contains(trackingCode), who + "'s inbox: " + inbox);
        }

        // the feeds: the discipline body's has it; the accused unit's, read up to the marker, has not
        assertTrue(TopicReader.departmentFeed(kafka, DISCIPLINE_BODY, password, r -> r.key().equals(caseId)).stream()
                .anyMatch(r -> r.key().equals(caseId)));
        List<ConsumerRecord<String, String>> accusedFeed = TopicReader.departmentFeed(kafka, ACCUSED_UNIT, password,
                r -> r.value().contains(marker));
        assertTrue(accusedFeed.stream().noneMatch(r -> r.key().equals(caseId) || r.value().contains(trackingCode)),
                "the accused unit's feed");
    }

    private static String user(KeycloakServer keycloak, String name, String role, Map<String, String> claims) {
        keycloak.createUser(name, role, claims);
        return keycloak.accessToken(name);
    }

    private static boolean mentions(List<MimeMessage> messages, String text) {
        for (MimeMessage m : messages) {
            try {
                if (String.valueOf(m.getSubject()).contains(text) || String.valueOf(m.getContent()).contains(text)) {
                    return true;
                }
            } catch (Exception e) {
                // an unreadable message mentions nothing
            }
        }
        return false;
    }

    private static String url(Platform platform, PlatformService service) {
        return platform.service(service).url();
    }
}
