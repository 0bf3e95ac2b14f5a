package org.openpetition.notification.messaging;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openpetition.notification.NotificationTestSupport.*;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseDivertedV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.InfraTestResource;
import org.openpetition.devinfra.SmsGateway;

/** Every notice a petitioner is owed, read back from the real SMS gateway, SMTP server and inbox. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
class PetitionerNoticesTest {

    private static final UnitContact ZJJ = new UnitContact("511703-ZJJ", "达州市达川区住房和城乡建设局", "zjj@dept.demo.openpetition.local");
    private static final UnitContact CITY = new UnitContact("5117-ZJJ", "达州市住房和城乡建设局", "city-zjj@dept.demo.openpetition.local");

    @Test
    void theReceiptCarriesTheTrackingCodeAndSecretBySmsEmailAndInbox() throws Exception {
        UUID caseId = UUID.randomUUID();
        String phone = phone();
        String email = "p-" + caseId + "@example.org";
        contact(caseId, "张三", phone, email, null, "zh");

        SmsGateway.Sms sms = onlySms(phone);
        assertTrue(sms.text().startsWith("【信访工作平台】您的信访事项已登记"), sms.text());
        assertTrue(sms.text().contains("XF-" + caseId.toString().substring(0, 8)) && sms.text().contains("Qs7-secret"), sms.text());
        assertFalse(sms.text().contains("Your petition"), "an SMS is in the petitioner's language only");
        assertEquals(sms.reference(), sms.idempotencyKey(), "the message id lets the gateway drop a repeat");

        MimeMessage mail = onlyMail(email);
        assertEquals("信访事项登记回执（查询码 XF-" + caseId.toString().substring(0, 8) + "）", subject(mail),
                "the subject in the petitioner's language only");
        String body = body(mail);
        assertTrue(body.startsWith("张三："), body);
        assertTrue(body.contains("查询密码：Qs7-secret"), body);
        assertTrue(body.indexOf("——") < body.indexOf("Dear 张三"), "Chinese first, English after: " + body);

        given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId)
                .then().statusCode(200)
                .body("size()", is(2))
                .body("kind", everyItem(is("RECEIPT")))
                .body("status", everyItem(is("SENT")))
                .body("recipientKey", everyItem(is("petitioner")))
                .body("find { it.channel == 'SMS' }.recipient", is(phone.substring(0, 3) + "****" + phone.substring(7)))
                .body("find { it.channel == 'EMAIL' }.recipient", is("p***@example.org"))
                .body("subject", everyItem(nullValue()));

        // the form of the mail: one UTF-8 text part in base64, the notification's id as its Message-ID
        String emailId = given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId)
                .then().extract().path("find { it.channel == 'EMAIL' }.id");
        assertEquals("<" + emailId + "@openpetition.local>", mail.getMessageID());
        assertEquals(emailId, mail.getHeader("X-Petition-Notification", null));
        assertEquals("信访工作平台", ((InternetAddress) mail.getFrom()[0]).getPersonal());
        assertEquals("auto-generated", mail.getHeader("Auto-Submitted", null));
        assertEquals("base64", mail.getEncoding());
        assertTrue(mail.getContentType().toLowerCase().startsWith("text/plain; charset=utf-8"), mail.getContentType());
    }

    @Test
    void anEnglishReaderGetsEnglishFirst() throws Exception {
        UUID caseId = UUID.randomUUID();
        String phone = phone();
        String email = "en-" + caseId + "@example.org";
        contact(caseId, "Li Hua", phone, email, null, "en");
        assertTrue(onlySms(phone).text().contains("Your petition is registered"));
        MimeMessage mail = onlyMail(email);
        assertEquals("Petition registered: tracking code XF-" + caseId.toString().substring(0, 8), subject(mail));
        String body = body(mail);
        assertTrue(body.startsWith("Dear Li Hua"), body);
        assertTrue(body.contains("Li Hua："), "Chinese follows: " + body);
    }

    @Test
    void eachStepOfTheCaseReachesThePetitionerEvenIfItCameBeforeTheContact() throws Exception {
        UUID caseId = UUID.randomUUID();
        String phone = phone();
        String email = "steps-" + caseId + "@example.org";
        // the acceptance arrives before the petitioner's contact: it waits for it
        awaitConsumed(step(caseId, "ACCEPTED", ZJJ.name(), null, Instant.parse("2027-01-22T15:59:59Z"), null));
        given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId)
                .then().statusCode(200).body("size()", is(0));
        assertTrue(sms().receivedFor(phone).isEmpty());
        contact(caseId, "李四", phone, email, null, "zh");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sms().receivedFor(phone).size() >= 2);
        String accepted = sms().receivedFor(phone).stream().map(SmsGateway.Sms::text).filter(t -> t.contains("受理")).findFirst().orElseThrow();
        assertTrue(accepted.contains("已由达州市达川区住房和城乡建设局受理，将于2027年1月22日前书面答复"), accepted);

        step(caseId, "EXTENDED", ZJJ.name(), "涉及多个部门，需现场核查", Instant.parse("2027-02-21T15:59:59Z"), null);
        step(caseId, "REPLIED", ZJJ.name(), null, null, "经核查，小区供水管网将于十二月底前完成改造。");
        step(caseId, "REVIEWED", CITY.name(), null, null, "维持原答复意见。");
        step(caseId, "RE_REVIEWED", "达州市人民政府信访局", null, null, "复核维持。");
        // nobody needs to hear of a hearing; once it is applied, every email of the case is stored
        awaitConsumed(step(caseId, "HEARING_STARTED", ZJJ.name(), null, null, null));
        assertEquals(7, settledMessages("EMAIL", email).size(), "receipt, accepted, extended, reply, invitation, review, re-review");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(email).size() >= 7);
        var subjects = smtp().receivedFor(email).stream().map(m -> subject(m)).toList();
        assertEquals(7, subjects.size(), "receipt, accepted, extended, reply, invitation, review, re-review: " + subjects);
        String extended = mailWith(email, "延期办理告知");
        assertTrue(extended.contains("延期理由：涉及多个部门，需现场核查") && extended.contains("至 2027年2月21日"), extended);
        String reply = mailWith(email, "答复意见书");
        assertTrue(reply.contains("经核查，小区供水管网将于十二月底前完成改造。") && reply.contains("可在 2026年12月24日 前（含当日）"), reply);
        String invitation = mailWith(email, "满意度评价");
        assertTrue(invitation.contains("2026年12月24日 前") && invitation.contains("满意、基本满意或不满意"), invitation);
        assertTrue(mailWith(email, "复查意见书").contains("达州市住房和城乡建设局已复查完毕"));
        assertTrue(mailWith(email, "复核意见书").contains("复核意见为终结意见"));
    }

    @Test
    void theWindowTheEventCarriesIsTheOneTheNoticesPrint() throws Exception {
        UUID caseId = UUID.randomUUID();
        String email = "window-" + caseId + "@example.org";
        contact(caseId, "孙三", null, email, null, "zh");
        // supervision computed the jurisdiction's windows: not the default 30 days after the reply (2026-12-24)
        step(caseId, "REPLIED", ZJJ.name(), null, null, "已答复。", LocalDate.parse("2027-01-08"));
        step(caseId, "REVIEWED", CITY.name(), null, null, "维持原答复意见。", LocalDate.parse("2027-02-05"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(email).size() >= 4);

        String reply = mailWith(email, "答复意见书");
        assertTrue(reply.contains("可在 2027年1月8日 前（含当日）") && reply.contains("by 2027-01-08"), reply);
        assertFalse(reply.contains("2026年12月24日"), reply);
        String invitation = mailWith(email, "满意度评价");
        assertTrue(invitation.contains("2027年1月8日 前") && invitation.contains("by 2027-01-08"), invitation);
        String review = mailWith(email, "复查意见书");
        assertTrue(review.contains("可在 2027年2月5日 前（含当日）") && review.contains("by 2027-02-05"), review);
    }

    @Test
    void englishNoticesUseRoutingsEnglishTexts() throws Exception {
        UUID diverted = UUID.randomUUID();
        String divertedMail = "diverted-en-" + diverted + "@example.org";
        contact(diverted, "Li Lei", null, divertedMail, null, "en");
        send(Topics.CASE_DIVERTED_V1, CloudEvent.TYPE_CASE_DIVERTED_V1, diverted, new CaseDivertedV1(diverted, "XF-DE",
                "511703", "LITIGATION", "LITIGATION", "请向有管辖权的人民法院提起诉讼。", "诉访分离",
                Instant.parse("2026-11-23T02:00:00Z"), Instant.parse("2026-11-23T02:00:05Z"),
                "Please bring the matter before the competent people's court.", "Litigation belongs to the courts."));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(divertedMail).size() >= 2);
        String legal = mailWith(divertedMail, "legal channel");
        String english = legal.substring(0, legal.indexOf("——"));
        String chinese = legal.substring(legal.indexOf("——"));
        assertTrue(english.contains("Please bring the matter before the competent people's court.")
                && !english.contains("人民法院"), english);
        assertTrue(chinese.contains("请向有管辖权的人民法院提起诉讼。") && !chinese.contains("Please bring"), chinese);

        UUID assignedCase = UUID.randomUUID();
        String department = "en-dept-" + assignedCase + "@dept.demo.openpetition.local";
        Instant at = Instant.parse("2026-11-23T03:00:00Z");
        send(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, assignedCase, new CaseAssignedV1(assignedCase,
                "XF-AE", ZJJ.code(), ZJJ.name(), department, "511703", "URBAN_HOUSING", "属地管理、分级负责",
                at.minusSeconds(3600), at, false, null, null, "RULES", List.of("属地管理、分级负责"), null,
                "Territorial management, handled at the competent level", List.of("Territorial management")));
        String notice = body(onlyMail(department));
        assertTrue(notice.contains("交办依据：属地管理、分级负责"), notice);
        assertTrue(notice.contains("Reason for the assignment: Territorial management, handled at the competent level"), notice);
    }

    @Test
    void notAcceptedDivertedAndReferredPetitionersAreToldWhy() throws Exception {
        UUID refused = UUID.randomUUID();
        String refusedMail = "refused-" + refused + "@example.org";
        contact(refused, "王五", null, refusedMail, null, "zh");
        step(refused, "NOT_ACCEPTED", ZJJ.name(), "该事项已依法处理终结", null, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(refusedMail).size() >= 2);
        assertTrue(mailWith(refusedMail, "不予受理告知书").contains("理由：该事项已依法处理终结"));

        UUID diverted = UUID.randomUUID();
        String divertedMail = "diverted-" + diverted + "@example.org";
        contact(diverted, "赵六", null, divertedMail, null, "zh");
        send(Topics.CASE_DIVERTED_V1, CloudEvent.TYPE_CASE_DIVERTED_V1, diverted, new CaseDivertedV1(diverted, "XF-D",
                "511703", "LITIGATION", "LITIGATION", "请向有管辖权的人民法院提起诉讼。 / Please bring the matter before the competent people's court.",
                "诉访分离", Instant.parse("2026-11-23T02:00:00Z"), Instant.parse("2026-11-23T02:00:05Z")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(divertedMail).size() >= 2);
        String legal = mailWith(divertedMail, "不予受理告知");
        assertTrue(legal.contains("请向有管辖权的人民法院提起诉讼。") && legal.contains("Please bring the matter before the competent people's court."), legal);

        UUID referred = UUID.randomUUID();
        String referredMail = "referred-" + referred + "@example.org";
        contact(referred, "钱七", null, referredMail, null, "zh");
        assigned(referred, ZJJ, CITY, null, true);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(referredMail).size() >= 2);
        assertTrue(mailWith(referredMail, "转送告知").contains("已于 2026-11-23 11:00 转送达州市达川区住房和城乡建设局"));
    }

    @Test
    void anOnlinePetitionerFindsTheNoticesInTheirInbox() {
        UUID caseId = UUID.randomUUID();
        String citizen = subjectOf("citizen");
        contact(caseId, "市民", null, null, citizen, "zh");
        step(caseId, "ACCEPTED", ZJJ.name(), null, null, null);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(token("citizen")).when().get("/api/inbox?limit=200")
                        .then().statusCode(200)
                        .body("messages.findAll { it.caseId == '" + caseId + "' }.kind", hasItems("RECEIPT", "ACCEPTED")));
    }

    static String subjectOf(String user) {
        String payload = token(user).split("\\.")[1];
        String json = new String(java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8);
        return json.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }

    private static String mailWith(String address, String subjectPart) {
        return smtp().receivedFor(address).stream().filter(m -> subject(m).contains(subjectPart)).map(m -> body(m))
                .findFirst().orElseThrow(() -> new AssertionError("no mail about " + subjectPart + " for " + address));
    }
}
