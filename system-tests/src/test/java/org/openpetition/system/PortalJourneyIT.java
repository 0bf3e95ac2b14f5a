package org.openpetition.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
import org.openqa.selenium.By;

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
        Files.writeString(evidence, "物业公司回复：加装电梯需全体业主同意。\n");
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
        assertTrue(petitioner.text("main").contains("evidence-"), "the attachment is on the petition");
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
        checkAccessibility(handler, "case page");
        handler.click("#accept");
        handler.waitUntil(d -> handler.text("#case-status").equals("已受理"));
        handler.type("#reply-text", "经核查，小区具备加装电梯条件，已协调街道和物业组织业主协商，费用按规定分摊。");
        handler.screenshot("work-case", false);
        handler.click("#reply");
        handler.waitUntil(d -> handler.text("#case-status").equals("已答复"));

        // the notices of the case (the acceptance at the least) arrive in the open inbox page without a reload
        petitioner.waitUntil(d -> petitioner.all("#inbox li.message").size() >= messagesBefore + 1);
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
    @Order(99)
    void z_noPageHasAccessibilityViolations() {
        assertTrue(VIOLATIONS.size() < 100);
        StringBuilder report = new StringBuilder();
        VIOLATIONS.forEach((page, found) -> report.append(page).append(":\n  ").append(String.join("\n  ", found)).append('\n'));
        assertEquals("", report.toString(), "WCAG 2.1 A/AA violations found by axe-core");
    }
}
