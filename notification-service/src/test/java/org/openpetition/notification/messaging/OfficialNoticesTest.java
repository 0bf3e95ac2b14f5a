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
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.openpetition.contracts.CloudEvent;
import org.openpetition.contracts.Topics;
import org.openpetition.contracts.event.CaseAssignedV1;
import org.openpetition.contracts.event.CaseReturnedV1;
import org.openpetition.contracts.event.CircularV1;
import org.openpetition.contracts.event.DailyReportV1;
import org.openpetition.contracts.event.UnitContact;
import org.openpetition.devinfra.InfraTestResource;

/**
 * What departments, supervising bodies and owning leaders hear: new and returned cases, deadline
 * alerts, supervision orders, escalations and circulars, each read back from the real SMTP server or
 * inbox, with recipients taken from the events (routing's directory data), not from configuration.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "service", value = "notification"))
class OfficialNoticesTest {

    @Test
    void theAssignedDepartmentReceivesOneFormalNoticeEvenIfTheEventIsRedelivered() throws Exception {
        UUID caseId = UUID.randomUUID();
        String address = "dept-" + caseId + "@dept.demo.openpetition.local";
        UnitContact dept = new UnitContact("511703-ZJJ", "达州市达川区住房和城乡建设局", address);
        String eventId = UUID.randomUUID().toString();
        Instant at = Instant.parse("2026-11-23T02:00:00Z");
        CaseAssignedV1 event = new CaseAssignedV1(caseId, "XF20261123-ABCDEFGH", dept.code(), dept.name(), address, "511703",
                "URBAN_HOUSING", "属地管理、分级负责", at.minusSeconds(3600), at, false, null, null, null, null, null);
        send(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, caseId, eventId, event);
        awaitConsumed(send(Topics.CASE_ASSIGNED_V1, CloudEvent.TYPE_CASE_ASSIGNED_V1, caseId, eventId, event));

        // one message for the event, recipient and channel, though the event came twice
        MimeMessage mail = onlyMail(address);
        assertTrue(subject(mail).startsWith("【信访交办】XF20261123-ABCDEFGH"), subject(mail));
        String body = body(mail);
        assertTrue(body.startsWith("达州市达川区住房和城乡建设局："), body);
        assertTrue(body.contains("十五日内决定是否受理") && body.contains("事项类别：住房保障与城镇住房"), body);
        assertTrue(body.contains("2026-11-23 10:00"), "times in Beijing time: " + body);
        assertTrue(body.contains("decide within 15 days"), "English follows the Chinese: " + body);

        given().auth().oauth2(token("auditor")).when().get("/api/notifications?caseId=" + caseId + "&channel=EMAIL")
                .then().statusCode(200)
                .body("size()", is(1))
                .body("[0].status", is("SENT"))
                .body("[0].kind", is("CASE_ASSIGNED"))
                .body("[0].recipient", is(address))
                .body("[0].recipientKey", is("unit:511703-ZJJ"));
        // the department's inbox has it too, for its handlers
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token("handler")).when().get("/api/inbox?limit=200").then().statusCode(200)
                        .body("messages.findAll { it.caseId == '" + caseId + "' }.size()", is(1))
                        .body("messages.find { it.caseId == '" + caseId + "' }.inbox", is("unit:511703-ZJJ")));
    }

    @Test
    void alertsGoToTheDepartmentEscalationsToItsSupervisingBodyAndTheOwningLeader() throws Exception {
        UUID caseId = UUID.randomUUID();
        String dept = "d-" + caseId + "@dept.demo.openpetition.local";
        String body = "b-" + caseId + "@dept.demo.openpetition.local";
        String leader = "l-" + caseId + "@leader.demo.openpetition.local";
        RecordMetadata assignment = assigned(caseId, new UnitContact("511703-ZJJ", "达州市达川区住房和城乡建设局", dept),
                new UnitContact("5117-ZJJ", "达州市住房和城乡建设局", body),
                new CaseAssignedV1.OwningLeader("511703-L01", "陈立新", "达川区委副书记", leader), false);
        alert(caseId, "WARNING", "511703-ZJJ", -3);
        alert(caseId, "OVERDUE", "511703-ZJJ", 1);
        alert(caseId, "SUPERVISION_ORDER", "511703-ZJJ", 3);
        alert(caseId, "ESCALATED_TO_SUPERVISING_BODY", "511703-ZJJ", 6);
        // the alerts wait for the assignment if they come first: once both are applied, every message is stored
        awaitConsumed(alert(caseId, "ESCALATED_TO_LEADER", "511703-ZJJ", 11));
        awaitConsumed(assignment);
        assertEquals(4, settledMessages("EMAIL", dept).size(), "warning, overdue, order and the new case; escalations go elsewhere");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(dept).size() >= 4);
        List<String> deptSubjects = smtp().receivedFor(dept).stream().map(m -> subject(m)).toList();
        assertTrue(deptSubjects.stream().anyMatch(s -> s.startsWith("【临期预警】")), deptSubjects.toString());
        assertTrue(deptSubjects.stream().anyMatch(s -> s.startsWith("【超期提醒】")), deptSubjects.toString());
        String order = smtp().receivedFor(dept).stream().filter(m -> subject(m).startsWith("【督办单】")).map(m -> body(m))
                .findFirst().orElseThrow();
        assertTrue(order.contains("信访事项督办单") && order.contains("超期 3 日") && order.contains("三个工作日内"), order);

        String escalation = body(onlyMail(body));
        assertTrue(escalation.startsWith("达州市住房和城乡建设局：") && escalation.contains("你单位主管的达州市达川区住房和城乡建设局"), escalation);
        String owner = body(onlyMail(leader));
        assertTrue(owner.startsWith("陈立新同志：") && owner.contains("超期 11 日"), owner);
        assertEquals(4, smtp().receivedFor(dept).size(), "warning, overdue, order and the new case; escalations go elsewhere");
        // the leader's inbox (the leader_id claim of the demo leader)
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                given().auth().oauth2(token("leader")).when().get("/api/inbox?limit=200").then().statusCode(200)
                        .body("messages.findAll { it.caseId == '" + caseId + "' }.kind", contains("ESCALATION_TO_LEADER")));
    }

    @Test
    void aReturningDepartmentIsToldWhatHappensNext() throws Exception {
        UUID caseId = UUID.randomUUID();
        String dept = "ret-" + caseId + "@dept.demo.openpetition.local";
        assigned(caseId, new UnitContact("511703-ZJJ", "达州市达川区住房和城乡建设局", dept), null, null, false);
        send(Topics.CASE_RETURNED_V1, CloudEvent.TYPE_CASE_RETURNED_V1, caseId, new CaseReturnedV1(caseId, "XF-R", "511703-ZJJ",
                "达州市达川区住房和城乡建设局", "该事项属于交通运输部门职责", 2, 2, "DISPATCHER_QUEUE", Instant.parse("2026-11-23T06:00:00Z")));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(dept).size() >= 2);
        String notice = smtp().receivedFor(dept).stream().filter(m -> subject(m).startsWith("【信访退回】")).map(m -> body(m))
                .findFirst().orElseThrow();
        assertTrue(notice.contains("退回理由：该事项属于交通运输部门职责") && notice.contains("本案已退回 2 次（上限 2 次）")
                && notice.contains("交办员人工审核"), notice);
    }

    @Test
    void aCircularReachesEveryListedUnitAndItsSupervisingBodyOnce() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UnitContact a = new UnitContact("C1-" + tag, "甲县住建局", "a-" + tag + "@dept.demo.openpetition.local");
        UnitContact b = new UnitContact("C2-" + tag, "乙县住建局", "b-" + tag + "@dept.demo.openpetition.local");
        UnitContact city = new UnitContact("C0-" + tag, "某市住建局", "city-" + tag + "@dept.demo.openpetition.local");
        UUID circularId = UUID.randomUUID();
        awaitConsumed(send(Topics.SUPERVISION_CIRCULAR_V1, CloudEvent.TYPE_SUPERVISION_CIRCULAR_V1, circularId,
                new CircularV1(circularId, "5117", LocalDate.parse("2026-11-16"), LocalDate.parse("2026-11-22"),
                        Instant.parse("2026-11-23T00:00:00Z"),
                        List.of(new CircularV1.Line(a, "511703", 5, 2, 1, city), new CircularV1.Line(b, "511702", 1, 0, 0, city)))));

        String toA = body(onlyMail(a.email()));
        assertTrue(toA.contains("1. 甲县住建局：当前超期 5 件，督办 2 次，上报 1 次"), toA);
        assertTrue(toA.contains("2. 乙县住建局：当前超期 1 件"), toA);
        assertTrue(toA.contains("2026年11月16日 至 2026年11月22日（范围：四川省达州市，区划代码 5117）"), toA);
        assertTrue(toA.contains("(area: 四川省达州市 (5117))"), toA);
        onlyMail(b.email());
        onlyMail(city.email()); // the supervising body of both units hears it once
    }

    @Test
    void aDailyReportReachesItsRecipientOnceAndAZeroReportSaysSo() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UnitContact office = new UnitContact("XFJ-" + tag, "某县信访局", "xfj-" + tag + "@dept.demo.openpetition.local");
        Map<String, Long> happened = new LinkedHashMap<>();
        for (String figure : List.of("petitions", "repeat", "collective", "skipLevel", "accepted", "notAccepted", "extended",
                "replied", "evaluated", "reviewRequested", "warnings", "overdue", "supervisionOrders", "escalations")) {
            happened.put(figure, 0L);
        }
        happened.put("petitions", 3L);
        happened.put("overdue", 1L);
        Map<String, Long> standing = new LinkedHashMap<>();
        standing.put("openCases", 42L);
        standing.put("overdueNow", 2L);
        UUID reportId = UUID.randomUUID();
        DailyReportV1 report = new DailyReportV1(reportId, LocalDate.parse("2026-11-23"), "511703", false, happened, standing,
                Instant.parse("2026-11-23T16:30:00Z"), List.of(office));
        String eventId = UUID.randomUUID().toString();
        send(Topics.SUPERVISION_DAILY_REPORT_V1, CloudEvent.TYPE_SUPERVISION_DAILY_REPORT_V1, reportId, eventId, report);
        awaitConsumed(send(Topics.SUPERVISION_DAILY_REPORT_V1, CloudEvent.TYPE_SUPERVISION_DAILY_REPORT_V1, reportId, eventId,
                report));

        MimeMessage mail = onlyMail(office.email());
        assertEquals("【日报】信访工作日报（2026年11月23日，四川省达州市达川区）", subject(mail), "the subject in the recipient's language");
        String body = body(mail);
        assertTrue(body.contains("某县信访局："), body);
        assertTrue(body.contains("1. 登记信访事项：3"), body);
        assertTrue(body.contains("12. 新增超期：1"), body);
        assertTrue(body.contains("1. 在办信访事项：42") && body.contains("2. 其中超期：2"), body);
        assertTrue(body.contains("1. petitions registered: 3"), body);
        assertTrue(body.contains("现将 2026年11月23日（范围：四川省达州市达川区，区划代码 511703）"), body);
        assertTrue(body.contains("(area: 四川省达州市达川区 (511703))"), body);
        assertFalse(body.contains("零报告"), body);
        // a redelivered report is not sent again: onlyMail found one email, stored once and sent

        UUID zeroId = UUID.randomUUID();
        happened.replaceAll((figure, value) -> 0L);
        send(Topics.SUPERVISION_DAILY_REPORT_V1, CloudEvent.TYPE_SUPERVISION_DAILY_REPORT_V1, zeroId,
                new DailyReportV1(zeroId, LocalDate.parse("2026-11-22"), "511703", true, happened, standing,
                        Instant.parse("2026-11-22T16:30:00Z"), List.of(office)));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> smtp().receivedFor(office.email()).size() == 2);
        MimeMessage zero = smtp().receivedFor(office.email()).stream()
                .filter(m -> subject(m).contains("2026年11月22日")).findFirst().orElseThrow();
        assertTrue(subject(zero).contains("零报告"), subject(zero));
        assertTrue(body(zero).contains("当日无新登记信访事项"), body(zero));
    }
}
