package org.openpetition.intake.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;
import static org.openpetition.intake.IntakeTestSupport.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.TopicProbe;

/**
 * petitioner.contact.v1: how to reach the petitioners of a new petition, published in the registration's
 * transaction right after petition.submitted.v1, on the real broker. Each test uses its own locality and
 * phone numbers, so that none of its petitions is a repeat of another test's.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "intake"))
class PetitionerContactTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aPetitionerSubmittingOnlineGetsExactlyOneContactEventWithTheirAccountAndChoices() throws Exception {
        String phone = mobile();
        String citizen = token("citizen");
        ExtractableResponse<Response> receipt = given().auth().oauth2(citizen).contentType("application/json")
                .body(petition("330106", null, "\"language\": \"en\", \"notifyBy\": [\"EMAIL\", \"INBOX\"],",
                        person("王五", phone, "wang.wu@example.com", false)))
                .when().post("/api/petitions").then().statusCode(201).extract();
        String caseId = receipt.path("caseId");

        List<ConsumerRecord<String, String>> records = contactRecords(caseId);
        assertEquals(1, records.size(), "exactly one petitioner.contact.v1 record for the case");
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(CloudEvent.TYPE_PETITIONER_CONTACT_V1, TopicProbe.header(record, CloudEvent.HEADER_TYPE));
        assertEquals(caseId, TopicProbe.header(record, CloudEvent.HEADER_SUBJECT));
        JsonNode data = JSON.readTree(record.value());
        assertEquals(caseId, data.get("caseId").asText());
        assertEquals(receipt.path("trackingCode"), data.get("trackingCode").asText());
        assertEquals(receipt.path("querySecret"), data.get("querySecret").asText(), "the receipt's query secret in clear");
        assertEquals("ONLINE", data.get("channel").asText());
        assertTrue(data.hasNonNull("receivedAt"));
        assertEquals("en", data.get("language").asText());
        assertEquals(subject(citizen), data.get("userId").asText(), "the token's subject: the petitioner's inbox");
        assertEquals(List.of("EMAIL", "INBOX"), texts(data.get("notifyBy")));
        assertEquals(1, data.get("contacts").size());
        assertEquals("王五", data.get("contacts").get(0).get("name").asText());
        assertEquals(phone, data.get("contacts").get(0).get("phone").asText());
        assertEquals("wang.wu@example.com", data.get("contacts").get(0).get("email").asText());

        // in the same transaction as the petition's own event, right after it; neither carries the other's data
        assertEquals(1, count("""
                select count(*) from outbox_event s join outbox_event c on c.record_key = s.record_key
                where s.record_key = ? and s.topic = 'petition.submitted.v1' and c.topic = 'petitioner.contact.v1'
                  and c.seq > s.seq""", caseId));
        var submitted = published(Topics.PETITION_SUBMITTED_V1, caseId, 1);
        assertFalse(submitted.get(0).value().contains("wang.wu@example.com"), "no email on petition.submitted.v1");
    }

    @Test
    void aClerksRegistrationHasNoAccountAndDefaultsToChinese() throws Exception {
        String phone = mobile();
        String caseId = register(petition("330108", "LETTER", "",
                person("李四", phone, "li.si@example.com", false) + "," + person("李四之妻", mobile(), "other@example.com", false)));

        JsonNode data = JSON.readTree(contactRecords(caseId).get(0).value());
        assertEquals("LETTER", data.get("channel").asText());
        assertTrue(data.get("userId").isNull(), "a clerk's registration names no petitioner's account");
        assertEquals("zh", data.get("language").asText());
        assertTrue(data.get("notifyBy").isNull(), "nothing asked for: every channel with a contact");
        assertEquals(1, data.get("contacts").size(), "a petition that is not collective: its first petitioner");
        assertEquals(phone, data.get("contacts").get(0).get("phone").asText());
        assertEquals("li.si@example.com", data.get("contacts").get(0).get("email").asText());
    }

    @Test
    void aPhoneIsDigitsOnlyAndALandlineIsNoNumberForTextMessages() throws Exception {
        String landline = "0571-" + (8000000 + ThreadLocalRandom.current().nextInt(1_000_000));
        String caseId = register(petition("330102", "PHONE", "", person("赵七", landline, null, false)));

        JsonNode contact = JSON.readTree(contactRecords(caseId).get(0).value()).get("contacts").get(0);
        assertEquals("赵七", contact.get("name").asText());
        assertTrue(contact.get("phone").isNull(), "the contract's phone is a mobile number: " + contact);
        assertTrue(contact.get("email").isNull());
    }

    @Test
    void aCollectivePetitionListsItsRepresentatives() throws Exception {
        List<String> petitioners = new ArrayList<>();
        String[] phones = new String[6];
        for (int i = 0; i < 6; i++) {
            phones[i] = mobile();
            petitioners.add(person("村民" + i, phones[i], "villager" + i + "@example.com", i == 2 || i == 4));
        }
        String caseId = register(petition("330110", "VISIT", "", String.join(",", petitioners)));

        JsonNode contacts = JSON.readTree(contactRecords(caseId).get(0).value()).get("contacts");
        assertEquals(2, contacts.size(), contacts.toString());
        assertEquals("村民2", contacts.get(0).get("name").asText());
        assertEquals(phones[2], contacts.get(0).get("phone").asText());
        assertEquals("villager2@example.com", contacts.get(0).get("email").asText());
        assertEquals("村民4", contacts.get(1).get("name").asText());
    }

    @Test
    void aCollectivePetitionWithoutRepresentativesListsItsFirstFive() throws Exception {
        List<String> petitioners = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            petitioners.add(person("业主" + i, mobile(), null, false));
        }
        String caseId = register(petition("330111", "LETTER", "", String.join(",", petitioners)));

        JsonNode contacts = JSON.readTree(contactRecords(caseId).get(0).value()).get("contacts");
        assertEquals(List.of("业主0", "业主1", "业主2", "业主3", "业主4"), texts(contacts, "name"));
    }

    @Test
    void aRepeatPetitionGetsAContactEventToo() throws Exception {
        String phone = mobile();
        String matter = "村口道路塌陷多日无人修复，车辆无法通行，请求尽快修复。";
        String first = register(petition("330112", "LETTER", "", person("孙八", phone, null, false), matter));
        String repeat = register(petition("330112", "LETTER", "", person("孙八", phone, null, false), matter + "再次反映。"));

        assertEquals(1, count("select count(*) from petition where id = ?::uuid and repeat_of = ?::uuid", repeat, first),
                "the second petition is a repeat of the first");
        JsonNode data = JSON.readTree(contactRecords(repeat).get(0).value());
        assertEquals(repeat, data.get("caseId").asText(), "the petitioner is owed a receipt for the repeat");
        assertEquals(phone, data.get("contacts").get(0).get("phone").asText());
    }

    @Test
    void aBadEmailLanguageOrChannelIsRefusedNamingTheFieldAndNothingIsStored() {
        long petitionsBefore = count("select count(*) from petition where locality_code = '330113'");
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petition("330113", "LETTER", "\"language\": \"fr\",",
                        person("周一", mobile(), "not-an-address", false) + ","
                                + person("周二", mobile(), "a@" + ("b".repeat(49) + ".").repeat(5) + "com", false)))
                .when().post("/api/petitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("language", "petitioners[0].email", "petitioners[1].email"))
                .body("errors.find { it.field == 'petitioners[0].email' }.reason",
                        is("须为有效的电子邮件地址 / must be a valid email address"))
                .body("errors.find { it.field == 'petitioners[1].email' }.reason",
                        is("长度须在 0 到 254 之间 / size must be between 0 and 254"))
                .body("errors.find { it.field == 'language' }.reason", is("须为 zh 或 en / must be zh or en"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petition("330113", "LETTER", "\"notifyBy\": [\"SMS\", \"FAX\"],", person("周一", mobile(), null, false)))
                .when().post("/api/petitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("notifyBy[1]"))
                .body("errors[0].reason", containsString("SMS, EMAIL, INBOX"));
        given().auth().oauth2(token("clerk")).contentType("application/json")
                .body(petition("330113", "LETTER", "\"notifyBy\": \"SMS\",", person("周一", mobile(), null, false)))
                .when().post("/api/petitions").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("notifyBy"));
        assertEquals(petitionsBefore, count("select count(*) from petition where locality_code = '330113'"));
    }

    @Test
    void theEmailIsStoredShownInFullToTheHandlerChainMaskedToOthersAndNeverLogged() throws Exception {
        String email = "qian.jiu." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String caseId = register(petition("330114", "LETTER", "", person("钱九", mobile(), email, false)));
        assertEquals(1, count("select count(*) from petitioner where petition_id = ?::uuid and email = ?", caseId, email));

        // 杭州市西湖区 (330114): the registering clerk sees it in full, the national auditor masked, the demo
        // dispatcher and supervisor (达川区) not at all
        given().auth().oauth2(token("clerk")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .body("personalDataMasked", is(false)).body("petitioners[0].email", is(email));
        given().auth().oauth2(token("dispatcher")).when().get("/api/petitions/" + caseId).then().statusCode(404);
        given().auth().oauth2(token("auditor")).when().get("/api/petitions/" + caseId).then().statusCode(200)
                .body("personalDataMasked", is(true))
                .body("petitioners[0].email", is("q***@example.com"))
                .body(not(containsString(email)));
        contactRecords(caseId);
        assertFalse(Files.readString(Path.of("target/intake-test.log")).contains(email), "email in the log");
    }

    @Test
    void anOpen311RequestsEmailAndPhoneAreItsContact() throws Exception {
        String phone = mobile();
        String id = given().auth().oauth2(infra().keycloak().clientToken("open311-demo", "open311-demo-secret"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("jurisdiction_id", "330115").formParam("service_code", "PROPERTY_MANAGEMENT")
                .formParam("description", "小区垃圾长期无人清运，气味难闻，请求处理。" + UUID.randomUUID())
                .formParam("first_name", "小明").formParam("last_name", "吴").formParam("phone", phone)
                .formParam("email", "wu.xiaoming@example.com")
                .when().post("/open311/v2/requests.json").then().statusCode(201).extract().path("[0].service_request_id");

        var records = published(Topics.PETITIONER_CONTACT_V1, caseIdOf(id), 1);
        assertEquals(1, records.size());
        JsonNode data = JSON.readTree(records.get(0).value());
        assertEquals("OPEN311", data.get("channel").asText());
        assertTrue(data.get("userId").isNull(), "an Open311 client is not the petitioner's account");
        assertEquals("吴小明", data.get("contacts").get(0).get("name").asText());
        assertEquals(phone, data.get("contacts").get(0).get("phone").asText());
        assertEquals("wu.xiaoming@example.com", data.get("contacts").get(0).get("email").asText());

        given().auth().oauth2(infra().keycloak().clientToken("open311-demo", "open311-demo-secret"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("jurisdiction_id", "330115").formParam("service_code", "PROPERTY_MANAGEMENT")
                .formParam("description", "小区垃圾长期无人清运，气味难闻，请求处理。" + UUID.randomUUID())
                .formParam("first_name", "小明").formParam("last_name", "吴").formParam("email", "wu.xiaoming")
                .when().post("/open311/v2/requests.json").then().statusCode(400)
                .body("description", contains(startsWith("email: ")));
    }

    private static List<ConsumerRecord<String, String>> contactRecords(String caseId) {
        return published(Topics.PETITIONER_CONTACT_V1, caseId, 1);
    }

    private static String register(String body) {
        return given().auth().oauth2(token("clerk")).contentType("application/json").body(body)
                .when().post("/api/petitions").then().statusCode(201).extract().path("caseId");
    }

    private static String petition(String locality, String channel, String extra, String petitioners) {
        return petition(locality, channel, extra, petitioners, "请求解决问题，编号 " + UUID.randomUUID());
    }

    private static String petition(String locality, String channel, String extra, String petitioners, String content) {
        return """
                {"channel": %s, "kind": "SOLUTION_REQUEST", "subjectCategory": "URBAN_HOUSING", "localityCode": "%s",
                 "title": "反映问题", "content": "%s", %s "petitioners": [%s]}
                """.formatted(channel == null ? "null" : "\"" + channel + "\"", locality, content, extra, petitioners);
    }

    private static String person(String name, String phone, String email, boolean representative) {
        return """
                {"name": "%s", "phone": "%s", "email": %s, "representative": %s}"""
                .formatted(name, phone, email == null ? "null" : "\"" + email + "\"", representative);
    }

    private static String mobile() {
        return "135" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** The subject claim of an access token. */
    private static String subject(String token) throws Exception {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        String sub = JSON.readTree(payload).path("sub").asText(null);
        assertNotNull(sub, "the realm's tokens carry a subject");
        return sub;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.asText()));
        return values;
    }

    private static List<String> texts(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(n -> values.add(n.get(field).asText()));
        return values;
    }
}
