package org.openpetition.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openpetition.devinfra.KeycloakServer;
import org.openpetition.devinfra.Platform;
import org.openpetition.devinfra.PlatformService;
import org.openpetition.devinfra.ServicePorts;
import org.openpetition.devinfra.ServiceProcess;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The portal in a real browser (headless Chromium) against the whole platform: a petitioner registers an
 * account and submits a petition with an attachment; the rules route it; the handler accepts and replies in
 * the workbench; the petitioner's inbox shows the notice live, and the petitioner evaluates the reply; anyone
 * tracks it with the receipt's code and secret; a form with mistakes shows each field's message and keeps
 * what was typed; each role sees its own menu, and a handler of another department sees nothing of the case.
 * axe-core checks every portal page of the journeys for WCAG 2.1 A and AA violations. On a failure, each
 * open browser saves its screenshot and page source under target/portal-failures/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneyIT {

    private static Platform platform;
    private static String portal;
    private static final List<Browser> OPEN = new ArrayList<>();
    private static final Map<String, List<String>> VIOLATIONS = new LinkedHashMap<>();
    private static Browser petitioner;
    private static String caseId;
    private static String trackingCode;
    private static String querySecret;
    private static final String TITLE = "小区加装电梯申请协调 " + UUID.randomUUID().toString().substring(0, 8);
    private static final String EVIDENCE = "物业公司回复：加装电梯需全体业主同意。\n";
    private static String collectiveCaseId;
    private static final String ZJJ_NAME = "达州市达川区住房和城乡建设局";

    @RegisterExtension
    static final TestWatcher SAVE_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            for (int i = 0; i < OPEN.size(); i++) {
                OPEN.get(i).saveForDiagnosis(context.getRequiredTestMethod().getName() + "-" + i);
            }
        }
    };

    @BeforeAll
    static void start() throws Exception {
        assertTrue(Browser.available(), "the portal's browser tests need Chromium and ChromeDriver (Debian packages chromium"
                + " and chromium-driver at " + Browser.CHROMIUM + " and " + Browser.CHROMEDRIVER + "; .ci/run installs them)");
        platform = SharedPlatform.get();
        portal = platform.service(PlatformService.PORTAL).url();
        petitioner = browser();
    }

    @AfterAll
    static void stop() {
        OPEN.forEach(Browser::close);
        OPEN.clear();
    }

    private static Browser browser() {
        Browser browser = new Browser(portal);
        OPEN.add(browser);
        return browser;
    }

    /** Runs axe-core on the page and records what it finds; {@link #z_noPageHasAccessibilityViolations} fails on any. */
    private static void checkAccessibility(Browser browser, String page) {
        List<String> violations = browser.accessibilityViolations();
        if (!violations.isEmpty()) {
            VIOLATIONS.put(page + " (" + browser.path() + ")", violations);
        }
    }

    private static void signIn(Browser browser, String user) {
        browser.open("/login?ui_locales=zh-CN");
        browser.type("#username", user).type("#password", KeycloakServer.DEMO_PASSWORD).click("#kc-login");
        browser.waitUntil(d -> d.getCurrentUrl().startsWith(portal) && !d.getCurrentUrl().contains("/login"));
    }

    @Test
    @Order(1)
    void theHomePageExplainsPetitionsInChineseAndSwitchesToEnglish() {
        Browser anyone = browser();
        anyone.open("/");
        assertEquals("zh-CN", anyone.find("html").getAttribute("lang"));
        assertTrue(anyone.text("main").contains("诉访分离"), "the home page names the legal channels for what is not a petition");
        checkAccessibility(anyone, "home (zh)");
        anyone.screenshot("home", false);
        anyone.screenshot("home-phone", true);
        anyone.click("a.lang");
        anyone.waitUntil(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertTrue(anyone.text("nav").contains("Track a petition"), anyone.text("nav"));
        checkAccessibility(anyone, "home (en)");
        anyone.open("/track");
        assertEquals("en", anyone.find("html").getAttribute("lang"), "the choice of language is remembered");
        anyone.click("a.lang");
        anyone.waitUntil(d -> "zh-CN".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    @Test
    @Order(2)
    void aPetitionerRegistersAnAccountAndSubmitsAPetitionWithAnAttachment() throws Exception {
        petitioner.open("/login");
        petitioner.click("a[href*='registration']");
        String username = "petitioner-" + UUID.randomUUID().toString().substring(0, 8);
        petitioner.type("#username", username).type("#email", username + "@example.com").type("#firstName", "三")
                .type("#lastName", "张").type("#password", "Portal-test-2026").type("#password-confirm", "Portal-test-2026");
        petitioner.click("#kc-register-form [type=submit]");
        petitioner.waitUntil(d -> d.getCurrentUrl().startsWith(portal + "/my"));
        assertTrue(petitioner.text("nav").contains("我的信访"), "a self-registered account is a petitioner: " + petitioner.text("nav"));
        checkAccessibility(petitioner, "my petitions, empty");

        petitioner.open("/submit");
        checkAccessibility(petitioner, "submit form");
        fillPetition(petitioner);
        Path evidence = Files.createTempFile("evidence-", ".txt");
        Files.writeString(evidence, EVIDENCE);
        petitioner.find("#attachments").sendKeys(evidence.toAbsolutePath().toString());
        petitioner.find("input[name=notifyBy][value=INBOX]").click();
        petitioner.screenshot("submit", false);
        petitioner.click("form [type=submit]");

        trackingCode = petitioner.text("#tracking-code");
        querySecret = petitioner.text("#query-secret");
        assertFalse(trackingCode.isBlank());
        assertFalse(querySecret.isBlank());
        assertTrue(petitioner.all(".notice.problem").isEmpty(), "the attachment was taken");
        checkAccessibility(petitioner, "receipt");
        petitioner.screenshot("receipt", false);
        String caseLink = petitioner.find("#view-case").getAttribute("href");
        caseId = caseLink.substring(caseLink.lastIndexOf('/') + 1);

        petitioner.open("/my");
        assertTrue(petitioner.text("main").contains(trackingCode), "my petitions list the new one");
        petitioner.open("/my/" + caseId);
        assertTrue(petitioner.text("ul.attachments").contains("evidence-"), "the attachment is on the petition");
        assertEquals(EVIDENCE, fetchText(petitioner, petitioner.find("ul.attachments a").getAttribute("href")),
                "the petitioner downloads the attachment as sent");
        checkAccessibility(petitioner, "my petition");
    }

    private static void fillPetition(Browser b) {
        b.choose("#kind", "SOLUTION_REQUEST").choose("#subjectCategory", "URBAN_HOUSING")
                .choose("#province", "51").choose("#city", "5117").choose("#county", "511703")
                .type("#title", TITLE).type("#content", "我们小区六层住宅没有电梯，老人上下楼困难，申请协调加装电梯。")
                .type("#name", "张三").type("#phone", "13800138000");
    }

    @Test
    @Order(3)
    void theHandlerAcceptsAndRepliesInTheWorkbenchAndThePetitionerSeesItLiveAndEvaluates() {
        petitioner.open("/my/inbox");
        int messagesBefore = petitioner.all("#inbox li.message").size();
        petitioner.driver.executeScript("window.stillTheSamePage = true");
        checkAccessibility(petitioner, "inbox");

        Browser handler = browser();
        signIn(handler, "handler");
        assertEquals(portal + "/work", handler.driver.getCurrentUrl(), "staff land on the workbench");
        checkAccessibility(handler, "workbench");
        // the rules route the petition to 511703-ZJJ and the case clock opens within seconds
        handler.waitUntil(d -> {
            handler.open("/work/cases");
            return handler.all("a[href='/work/cases/" + caseId + "']").size() == 1;
        });
        checkAccessibility(handler, "handler's cases");
        handler.screenshot("work-cases", false);
        handler.open("/work/cases/" + caseId);
        assertTrue(handler.text("main").contains(TITLE), "the handler sees the petition");
        assertTrue(handler.text("main").contains("13800138000"), "the handling department sees the contact in full");
        assertEquals(EVIDENCE, fetchText(handler, handler.find("ul.attachments a").getAttribute("href")),
                "the handler downloads the attachment through the portal");
        checkAccessibility(handler, "case page");
        handler.click("#accept");
        handler.waitUntil(d -> handler.text("#case-status").equals("已受理"));
        handler.type("#reply-text", "经核查，小区具备加装电梯条件，已协调街道和物业组织业主协商，费用按规定分摊。");
        handler.screenshot("work-case", false);
        handler.click("#reply");
        handler.waitUntil(d -> handler.text("#case-status").equals("已答复"));

        // the notices of the case (the acceptance, then the reply) arrive in the open inbox page without a reload
        petitioner.waitUntil(d -> petitioner.all("#inbox li.message").size() >= messagesBefore + 2
                && petitioner.text("#inbox").contains("答复意见书"));
        assertEquals(Boolean.TRUE, petitioner.driver.executeScript("return window.stillTheSamePage === true"),
                "the messages came into the open page (server-sent events), not by loading it again");
        petitioner.screenshot("inbox", false);

        petitioner.waitUntil(d -> {
            petitioner.open("/my/" + caseId);
            return petitioner.all("input[name=evaluation]").size() == 3;
        });
        assertTrue(petitioner.text("#case-status").contains("答复"), petitioner.text("#case-status"));
        petitioner.find("input[name=evaluation][value=SATISFIED]").click();
        petitioner.click("form[action$='/action'] button[type=submit]");
        assertTrue(petitioner.text(".notice.done").contains("已办理"), "the evaluation is recorded");
        assertTrue(petitioner.text("ol.timeline").contains("满意"), petitioner.text("ol.timeline"));
    }

    @Test
    @Order(4)
    void anyoneTracksThePetitionWithTheReceiptsCodeAndSecretWithoutAnAccount() {
        Browser anyone = browser();
        anyone.open("/track");
        checkAccessibility(anyone, "tracking form");
        anyone.type("#trackingCode", trackingCode).type("#querySecret", "wrong-secret").click("form [type=submit]");
        assertTrue(anyone.text("[role=alert]").contains("不正确"), anyone.text("main"));
        assertEquals(trackingCode, anyone.find("#trackingCode").getAttribute("value"), "the code typed is kept");
        anyone.type("#querySecret", querySecret).click("form [type=submit]");
        String timeline = anyone.text("#tracking-result ol.timeline");
        assertTrue(timeline.contains("已答复") || timeline.contains("答复"), "the reply is on the public timeline: " + timeline);
        assertTrue(anyone.all("#tracking-result ol.timeline li").size() >= 3, timeline);
        assertFalse(anyone.text("main").contains("13800138000"), "no personal data on the public timeline");
        checkAccessibility(anyone, "tracking result");
        anyone.screenshot("track", false);
    }

    @Test
    @Order(5)
    void aFormWithMistakesShowsEachFieldsMessageAndKeepsWhatWasTyped() {
        petitioner.open("/submit");
        fillPetition(petitioner);
        petitioner.type("#title", " ").type("#phone", "12345").type("#idNumber", "110101199003071234");
        petitioner.click("form [type=submit]");
        petitioner.find("#form-problem");
        assertFalse(petitioner.text("#title-error").isBlank(), "the empty title is named");
        assertFalse(petitioner.text("#phone-error").isBlank(), "the bad phone is named");
        assertFalse(petitioner.text("#idNumber-error").isBlank(), "the identity number with a wrong check digit is named");
        assertTrue(petitioner.find("#content").getAttribute("value").contains("老人上下楼困难"), "the content is kept");
        assertEquals("12345", petitioner.find("#phone").getAttribute("value"));
        assertEquals("511703", petitioner.find("#county").getAttribute("value"), "the locality chosen is kept");
        assertEquals("true", petitioner.find("#phone").getAttribute("aria-invalid"));
        checkAccessibility(petitioner, "submit form with errors");
        petitioner.screenshot("submit-errors", false);
    }

    @Test
    @Order(6)
    void aPetitionerSetsQuietHoursAndAHalfGivenPeriodIsNamed() {
        petitioner.open("/my/preferences");
        checkAccessibility(petitioner, "notification settings");
        petitioner.driver.executeScript("arguments[0].value = '22:00'", petitioner.find("#quietStart"));
        petitioner.click("form[action='/my/preferences'] button[type=submit]");
        petitioner.find(".notice.problem");
        assertFalse(petitioner.text("#quietEnd-error").isBlank(), "a start without an end is named: " + petitioner.text("main"));
        petitioner.driver.executeScript("arguments[0].value = '07:00'", petitioner.find("#quietEnd"));
        petitioner.click("form[action='/my/preferences'] button[type=submit]");
        assertTrue(petitioner.text(".notice.done").contains("已办理"), petitioner.text("main"));
        petitioner.open("/my/preferences");
        assertEquals("22:00", petitioner.find("#quietStart").getAttribute("value"), "the quiet hours are stored");
        assertEquals("07:00", petitioner.find("#quietEnd").getAttribute("value"));
    }

    @Test
    @Order(7)
    void eachRoleSeesItsOwnMenuAndAHandlerOfAnotherDepartmentSeesNothingOfTheCase() {
        Browser dispatcher = browser();
        signIn(dispatcher, "dispatcher");
        String menu = dispatcher.text("nav");
        assertTrue(menu.contains("待交办") && !menu.contains("本单位案件") && !menu.contains("我的信访"), menu);
        dispatcher.open("/work/queue");
        checkAccessibility(dispatcher, "dispatch queue");

        Browser supervisor = browser();
        signIn(supervisor, "supervisor");
        assertTrue(supervisor.text("nav").contains("督办看板"), supervisor.text("nav"));
        supervisor.open("/work/board");
        checkAccessibility(supervisor, "supervision board");

        Browser leader = browser();
        signIn(leader, "leader");
        leader.open("/work/indicators");
        leader.find("#indicator-table");
        checkAccessibility(leader, "indicators");
        leader.screenshot("indicators", false);

        Browser clerk = browser();
        signIn(clerk, "clerk");
        clerk.open("/work/register");
        assertTrue(clerk.all("#channel").size() == 1, "a clerk chooses letter, visit or call");
        checkAccessibility(clerk, "clerk's registration form");

        String other = "handler-other-" + UUID.randomUUID().toString().substring(0, 8);
        platform.infrastructure().keycloak().createUser(other, "handler", Map.of("department", "511703-JYJ", "locality", "511703"));
        Browser otherHandler = browser();
        signIn(otherHandler, other);
        String otherMenu = otherHandler.text("nav");
        assertTrue(otherMenu.contains("本单位案件") && !otherMenu.contains("待交办"), otherMenu);
        otherHandler.open("/work/cases");
        assertTrue(otherHandler.all("a[href='/work/cases/" + caseId + "']").isEmpty(), "another department's case is not listed");
        otherHandler.open("/work/cases/" + caseId);
        assertFalse(otherHandler.text("main").contains(TITLE), "nor shown by its id");
        assertFalse(otherHandler.text("main").contains("13800138000"));
        assertTrue(otherHandler.all("#accept, #reply").isEmpty(), "no action on it");

        Browser citizen = browser();
        citizen.open("/work/cases/" + caseId);
        citizen.type("#username", "citizen").type("#password", KeycloakServer.DEMO_PASSWORD).click("#kc-login");
        citizen.waitUntil(d -> d.getCurrentUrl().startsWith(portal + "/work/cases/"));
        assertFalse(citizen.text("main").contains(TITLE), "a petitioner opening a workbench page sees nothing of the case");
        assertTrue(citizen.text("#page-problem").contains("无权"), citizen.text("main"));
        checkAccessibility(citizen, "not allowed");
    }

    @Test
    @Order(8)
    void anAccusationNamesTheAccusedUnitFromTheDirectoryAndNeverReachesIt() {
        petitioner.open("/submit");
        petitioner.choose("#kind", "ACCUSATION").choose("#subjectCategory", "URBAN_HOUSING")
                .choose("#province", "51").choose("#city", "5117").choose("#county", "511703")
                .type("#title", "举报加装电梯审批索要好处费 " + UUID.randomUUID().toString().substring(0, 8))
                .type("#content", "住建部门工作人员在小区加装电梯审批中索要好处费，请求查处。").type("#name", "张三");
        petitioner.type("#accusedUnitName", "住房");
        petitioner.waitUntil(d -> !petitioner.all("#accused-units option[value='" + ZJJ_NAME + "']").isEmpty());
        checkAccessibility(petitioner, "submit form, accusation");
        petitioner.type("#accusedUnitName", ZJJ_NAME);
        petitioner.click("form [type=submit]");
        String link = petitioner.find("#view-case").getAttribute("href");
        String accusation = link.substring(link.lastIndexOf('/') + 1);

        // a handler of the body that receives it (the discipline inspection body) reads what was sent
        String inspector = "handler-jw-" + UUID.randomUUID().toString().substring(0, 8);
        var keycloak = platform.infrastructure().keycloak();
        keycloak.createUser(inspector, "handler", Map.of("department", "511703-JW", "locality", "511703"));
        String token = keycloak.accessToken(inspector);
        String department = poll(() -> given().auth().oauth2(token)
                .get(platform.service(PlatformService.ROUTING).url() + "/api/assignments/" + accusation)
                .then().extract().path("departmentCode"));
        assertEquals("511703-JW", department, "an accusation against the housing bureau goes to the discipline body");
        assertEquals("511703-ZJJ", poll(() -> given().auth().oauth2(token)
                .get(platform.service(PlatformService.INTAKE).url() + "/api/petitions/" + accusation)
                .then().extract().path("accused.unitCode")), "the unit chosen from the directory went with its code");
    }

    @Test
    @Order(9)
    void aClerkRegistersACollectiveVisitWithRepresentativesAndIdentityNumbersAreCheckedAsTyped() {
        Browser clerk = browser();
        signIn(clerk, "clerk");
        clerk.open("/work/register");
        clerk.choose("#channel", "VISIT");
        fillPetition(clerk);
        // another matter and other people than the first petition's, so that it is no repeat of it
        clerk.type("#title", "小区停车位被长期占用集体反映 " + UUID.randomUUID().toString().substring(0, 8))
                .type("#content", "我们五户居民的固定停车位长期被外来车辆占用，物业不予处理，请求有关部门协调解决。")
                .type("#phone", "13900139000");
        clerk.find("input[name=representative][value='0']").click();
        String[] others = {"李四", "王五", "赵六", "钱七"};
        for (int row = 1; row <= others.length; row++) {
            clerk.type("#other-" + row + "-name", others[row - 1]);
        }
        clerk.type("#other-2-idNumber", "110101199003071234").find("#other-2-idNumber").sendKeys(Keys.TAB);
        clerk.waitUntil(d -> !clerk.text("#other-2-idNumber-error").isBlank());
        assertTrue(clerk.text("#other-2-idNumber-error").contains("身份证号码不正确"), "a wrong check digit is named as typed");
        clerk.type("#other-2-idNumber", "110101199003071233").find("#other-2-idNumber").sendKeys(Keys.TAB);
        clerk.waitUntil(d -> clerk.text("#other-2-idNumber-error").isBlank());
        clerk.click("#add-rows");
        clerk.type("#other-5-name", "孙八");
        clerk.find("input[name=representative][value='2']").click();
        checkAccessibility(clerk, "clerk's registration form, collective visit");
        clerk.screenshot("register-collective", false);
        clerk.click("button[type=submit]:not(.secondary)");
        String code = clerk.text("#tracking-code");

        String token = platform.infrastructure().keycloak().accessToken("clerk");
        String intake = platform.service(PlatformService.INTAKE).url();
        collectiveCaseId = given().auth().oauth2(token).queryParam("q", "停车位").queryParam("size", 100).get(intake + "/api/petitions")
                .then().statusCode(200).extract().path("items.find { it.trackingCode == '" + code + "' }.caseId");
        var petition = given().auth().oauth2(token).get(intake + "/api/petitions/" + collectiveCaseId).then().statusCode(200);
        petition.body("collective", org.hamcrest.Matchers.is(true)).body("petitionerCount", org.hamcrest.Matchers.is(6))
                .body("petitioners.findAll { it.representative }.name", org.hamcrest.Matchers.contains("张三", "王五"));
    }

    @Test
    @Order(10)
    void theDispatcherReassignsACaseFromItsPageChoosingTheUnitFromTheDirectory() {
        Browser dispatcher = browser();
        signIn(dispatcher, "dispatcher");
        dispatcher.waitUntil(d -> {
            dispatcher.open("/work/cases/" + collectiveCaseId);
            return !dispatcher.all("#case-status").isEmpty();
        });
        String field = "#dept-" + collectiveCaseId;
        dispatcher.find(field).click();
        dispatcher.waitUntil(d -> !dispatcher.all("#units-" + collectiveCaseId + " option[value='511703-JYJ']").isEmpty());
        dispatcher.type(field, "511703-JYJ").type("#reason-" + collectiveCaseId, "涉及学校周边，改由教育部门办理");
        checkAccessibility(dispatcher, "case page, dispatcher");
        dispatcher.click("#dispatcher-actions ~ form button[type=submit]");
        assertTrue(dispatcher.text(".notice.done").contains("已办理"), dispatcher.text("main"));
        String token = platform.infrastructure().keycloak().accessToken("dispatcher");
        assertEquals("511703-JYJ", poll(() -> {
            String code = given().auth().oauth2(token)
                    .get(platform.service(PlatformService.ROUTING).url() + "/api/assignments/" + collectiveCaseId)
                    .then().extract().path("departmentCode");
            return "511703-JYJ".equals(code) ? code : null;
        }));
    }

    @Test
    @Order(11)
    void theSupervisorIssuesTheCircularAndASupervisionOrderAndTheLeaderReadsTheDailyReportInBothLanguages() {
        Browser supervisor = browser();
        signIn(supervisor, "supervisor");
        supervisor.open("/work/circular");
        supervisor.find("#circular-table, #circular-empty");
        checkAccessibility(supervisor, "overdue circular");
        supervisor.click("#issue-circular");
        assertTrue(supervisor.text("#circular-done").contains("已印发"), supervisor.text("main"));
        // 督办: the supervisor's own order on the reassigned collective case
        supervisor.open("/work/cases/" + collectiveCaseId);
        supervisor.type("#order-reason", "集体反映事项，群众情绪较大").type("#order-demand", "请五日内约谈信访人代表并报告处理意见。");
        supervisor.driver.executeScript("arguments[0].value = arguments[1]", supervisor.find("#order-due"),
                java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(5).toString());
        checkAccessibility(supervisor, "case page, supervisor");
        supervisor.click("#issue-order");
        assertTrue(supervisor.text(".notice.done").contains("督办单已印发"), supervisor.text("main"));
        assertTrue(supervisor.text("#case-orders").contains("约谈信访人代表"), supervisor.text("main"));
        assertTrue(supervisor.text("#case-alerts").contains("督办单"), "the order is among the case's alerts");

        Browser leader = browser();
        signIn(leader, "leader");
        leader.open("/work/daily");
        assertTrue(leader.text("#daily-table caption").contains("当日情况"), leader.text("main"));
        checkAccessibility(leader, "daily report");
        leader.screenshot("daily", false);
        leader.open("/work/daily?lang=en");
        assertEquals("en", leader.find("html").getAttribute("lang"));
        assertTrue(leader.text("#daily-table caption").contains("On the day"), leader.text("main"));
        assertTrue(leader.text("nav").contains("Daily report"), leader.text("nav"));
        checkAccessibility(leader, "daily report (en)");
        leader.open("/work/indicators?lang=en");
        assertTrue(leader.text("#indicator-table caption").length() > 0 && leader.text("h1").matches("[\\x00-\\x7F]+"),
                "the indicators page is in English: " + leader.text("h1"));
        checkAccessibility(leader, "indicators (en)");
        leader.open("/work/daily?lang=zh");
    }

    @Test
    @Order(12)
    void aServiceThatIsDownShowsAClearMessageAndTheFormKeepsWhatWasTyped() throws Exception {
        // a second portal that reaches intake-service through an address the test takes down
        Map<String, String> config = new HashMap<>(platform.infrastructure().serviceConfig(PlatformService.PORTAL));
        for (PlatformService api : PlatformService.apis()) {
            config.put("portal." + api.database() + "-url", platform.service(api).url());
        }
        Path logs = Path.of(System.getProperty("petition.project.dir"), "system-tests", "target", "portal-degraded");
        try (ServiceOutage intake = new ServiceOutage(platform.service(PlatformService.INTAKE).url());
             ServiceProcess degraded = startPortal(config, intake, logs)) {
            Browser clerk = new Browser(degraded.url());
            OPEN.add(clerk);
            clerk.open("/login?ui_locales=zh-CN");
            clerk.type("#username", "clerk").type("#password", KeycloakServer.DEMO_PASSWORD).click("#kc-login");
            clerk.waitUntil(d -> d.getCurrentUrl().startsWith(degraded.url()) && !d.getCurrentUrl().contains("/login"));
            clerk.open("/work/register");
            fillPetition(clerk);
            intake.goDown();
            clerk.click("button[type=submit]:not(.secondary)");
            assertTrue(clerk.text("#form-problem").contains("暂时不可用"), clerk.text("main"));
            assertEquals(TITLE, clerk.find("#title").getAttribute("value"), "the title typed is kept");
            assertEquals("511703", clerk.find("#county").getAttribute("value"), "the locality chosen is kept");
            checkAccessibility(clerk, "registration form, intake down");
            clerk.close();
            OPEN.remove(clerk);
        }
    }

    @Test
    @Order(98)
    void aSessionThatExpiredSignsInAgainAndReturnsToTheSamePage() throws Exception {
        try (Connection c = DriverManager.getConnection(platform.infrastructure().postgres().jdbcUrl("portal"), "portal", "portal");
             var expire = c.prepareStatement("UPDATE portal_session SET expires_at = now() - interval '1 second'")) {
            assertTrue(expire.executeUpdate() > 0, "the portal keeps its sessions on the server");
        }
        petitioner.open("/my/" + caseId);
        petitioner.waitUntil(d -> d.getCurrentUrl().equals(portal + "/my/" + caseId) && !petitioner.all("#case-status").isEmpty());
        assertTrue(petitioner.text("main").contains(TITLE), "back on the petition after signing in again (single sign-on)");
    }

    private static ServiceProcess startPortal(Map<String, String> config, ServiceOutage intake, Path logs) {
        config.put("portal.intake-url", intake.url());
        return ServiceProcess.start(PlatformService.PORTAL, Path.of(System.getProperty("petition.project.dir")),
                ServicePorts.random(), config, logs).awaitReady(Duration.ofSeconds(120));
    }

    /** The body of a GET the page itself makes (with its cookies), as text. */
    private static String fetchText(Browser browser, String url) {
        return (String) browser.driver.executeAsyncScript(
                "fetch(arguments[0]).then(r => r.text()).then(arguments[arguments.length - 1])", url);
    }

    /** The value once the call gives one (not null), within 30 seconds. */
    private static <T> T poll(java.util.function.Supplier<T> call) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(call::get, java.util.Objects::nonNull);
    }

    @Test
    @Order(99)
    void z_noPageHasAccessibilityViolations() {
        assertTrue(VIOLATIONS.size() < 100);
        StringBuilder report = new StringBuilder();
        VIOLATIONS.forEach((page, found) -> report.append(page).append(":\n  ").append(String.join("\n  ", found)).append('\n'));
        assertEquals("", report.toString(), "WCAG 2.1 A/AA violations found by axe-core");
    }
}
