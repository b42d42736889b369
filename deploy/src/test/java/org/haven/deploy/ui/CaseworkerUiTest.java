package org.haven.deploy.ui;

import org.haven.deploy.SharedStack;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The caseworker UI in a real headless Chromium against the whole running stack ({@link SharedStack}, shared
 * with the API tests): sign-in, opening a case, a parole grant whose ParoleExpiring reaches the timeline and
 * Today without a reload, Spanish, the auditor's read-only view, another organization's user, a phone width.
 * Each test starts its own browser with a fresh profile; screenshots go to target/screenshots/.
 */
@ExtendWith(SharedStack.class)
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CaseworkerUiTest {

    private static final String PASSWORD = "haven-local";
    /** From the grant to ParoleExpiring on screen: Kafka to eligibility-service and back, the deadline, the stream. */
    private static final Duration LIVE_WAIT = Duration.ofSeconds(60);

    private static URI gateway;
    private static HavenApi api;
    private final List<Browser> browsers = new ArrayList<>();

    @BeforeAll
    static void useStack() {
        gateway = SharedStack.stack().gatewayUrl();
        api = new HavenApi(gateway, HavenApi.CASEWORKER_A);
    }

    @AfterEach
    void closeBrowsers() {
        try {
            for (Browser browser : browsers) {
                // The content security policy allows no inline script or style and nothing from elsewhere.
                assertThat(browser.consoleMessages()).as("console of the browser")
                        .noneMatch(message -> message.contains("Content Security Policy"))
                        .noneMatch(message -> message.contains("Uncaught"));
            }
        } finally {
            browsers.forEach(Browser::close);
            browsers.clear();
        }
    }

    @Test
    void signingInShowsTheOrganizationAndRoleAndSigningOutEndsTheSession() {
        Browser browser = browser("signin");
        browser.go("/today");
        browser.waitFor(By.name("username"));
        assertThat(browser.driver().getCurrentUrl()).contains("/signin?next=%2Ftoday");
        browser.screenshot("page");

        browser.driver().findElement(By.name("username")).sendKeys("caseworker-a");
        browser.driver().findElement(By.name("password")).sendKeys("not-the-password");
        browser.click(By.cssSelector("form[data-action=sign-in] button[type=submit]"));
        assertThat(browser.text(By.cssSelector("form[data-action=sign-in] .form-errors")))
                .contains("The username or password is not correct.");

        browser.signIn("caseworker-a", PASSWORD);
        assertThat(browser.driver().getCurrentUrl()).endsWith("/today");
        String header = browser.text(By.id("signed-in-as"));
        assertThat(header).contains("caseworker-a").contains("org-a").contains("Caseworker");
        browser.waitFor(By.cssSelector("#today-deadlines h3"));
        browser.screenshot("today");

        browser.click(By.id("sign-out"));
        browser.waitFor(By.name("username"));
        browser.go("/cases");
        browser.waitFor(By.name("username"));
        assertThat(browser.driver().getCurrentUrl()).contains("/signin");
    }

    @Test
    void openingACaseShowsTheServicesValidationMessagesNextToTheFieldsThenTheCase() {
        String familyName = uniqueFamilyName();
        Browser browser = browser("open-case");
        browser.signIn("caseworker-a", PASSWORD);
        browser.click(By.cssSelector("a[href='/cases']"));
        browser.click(By.id("open-case"));
        browser.waitFor(By.cssSelector("form[data-action=open-case]"));

        browser.click(By.cssSelector("form[data-action=open-case] button[type=submit]"));
        WebElement givenName = browser.driver().findElement(By.name("client.givenName"));
        WebElement error = browser.waitFor(By.cssSelector("[name='client.givenName'] ~ .field-error"));
        assertThat(error.getText()).contains("must not be blank");
        assertThat(givenName.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(givenName.getAttribute("aria-describedby")).contains(error.getAttribute("id"));
        assertThat(browser.driver().findElement(By.cssSelector("[name='client.dateOfBirth'] ~ .field-error")).getText())
                .isNotBlank();
        assertThat(browser.driver().switchTo().activeElement()).as("focus on the first field in error").isEqualTo(givenName);
        browser.screenshot("errors");

        givenName.sendKeys("Olena");
        browser.driver().findElement(By.name("client.familyName")).sendKeys(familyName);
        browser.fill("open-case", "client.dateOfBirth", "1990-05-01");
        browser.driver().findElement(By.name("client.countryOfNationality")).sendKeys("ua");
        browser.fill("open-case", "lastArrivalDate", LocalDate.now().minusDays(40).toString());
        browser.click(By.cssSelector("form[data-action=open-case] button[type=submit]"));

        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=CaseOpened]"));
        assertThat(browser.driver().getCurrentUrl()).matches(".*/cases/[0-9a-f-]{36}$");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Olena " + familyName);
        assertThat(browser.text(By.id("case-summary"))).contains("Ukraine (UA)");
        browser.screenshot("case");

        browser.click(By.cssSelector("a[href='/cases']"));
        browser.waitFor(By.id("cases-q")).sendKeys(familyName);
        browser.click(By.cssSelector("form[role=search] button[type=submit]"));
        browser.waitUntil(Browser.WAIT, d -> d.getCurrentUrl().contains("q=" + familyName) ? true : null);
        List<WebElement> rows = browser.waitUntil(Browser.WAIT, d -> {
            List<WebElement> found = d.findElements(By.cssSelector("#case-table tbody tr"));
            return found.size() == 1 ? found : null;
        });
        assertThat(rows.getFirst().getText()).contains(familyName).contains("Open");
        browser.screenshot("cases");
    }

    @Test
    void theCaseListFiltersBySearchAndPathwayAndPagesByCursor() {
        String familyName = uniqueFamilyName();
        String arrival = LocalDate.now().minusDays(15).toString();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            ids.add(api.openCase("Client" + i, familyName, arrival));
        }
        api.record(ids.getFirst(), "parole-requests", """
                {"filedOn":"%s","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"ROUTINE"}""".formatted(arrival));

        Browser browser = browser("cases");
        browser.signIn("caseworker-a", PASSWORD);
        browser.go("/cases?q=" + familyName);
        browser.waitUntil(Browser.WAIT, d -> d.findElements(By.cssSelector("#case-table tbody tr")).size() == 25 ? true : null);
        browser.screenshot("page-1");
        browser.click(By.id("next-page"));
        List<WebElement> rest = browser.waitUntil(Browser.WAIT, d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#case-table tbody tr"));
            return rows.size() == 1 ? rows : null;
        });
        assertThat(rest.getFirst().getAttribute("data-case-id")).as("newest first: the first case opened is last")
                .isEqualTo(ids.getFirst());
        assertThat(browser.all("#next-page")).isEmpty();
        assertThat(browser.all("nav.pager a")).hasSize(1);

        browser.go("/cases?q=" + familyName);
        browser.waitFor(By.id("case-table"));
        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("cases-pathway"))).selectByValue("PAROLE");
        browser.click(By.cssSelector("form[role=search] button[type=submit]"));
        List<WebElement> parole = browser.waitUntil(Browser.WAIT, d -> {
            List<WebElement> rows = d.findElements(By.cssSelector("#case-table tbody tr"));
            return d.getCurrentUrl().contains("pathway=PAROLE") && rows.size() == 1 ? rows : null;
        });
        assertThat(parole.getFirst().getText()).contains("Parole");
        browser.screenshot("filtered");
    }

    @Test
    void aParoleGrantEndingIn20DaysShowsParoleExpiringOnTheTimelineAndOnTodayWithoutReload() throws Exception {
        LocalDate today = LocalDate.now();
        String familyName = "Kovalenko"; // assertions below look for this case by its id
        String caseId = api.openCase("Olena", familyName, today.minusDays(40).toString());
        api.record(caseId, "entries", "{\"date\":\"%s\",\"manner\":\"PAROLED\"}".formatted(today.minusDays(40)));
        api.record(caseId, "parole-requests", """
                {"filedOn":"%s","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"URGENT"}""".formatted(today.minusDays(60)));

        Browser browser = browser("parole");
        browser.signIn("caseworker-a", PASSWORD);
        String todayWindow = browser.driver().getWindowHandle();
        browser.waitFor(By.cssSelector("#today-deadlines h3"));
        browser.awaitLive();
        markPage(browser, "today");
        assertThat(browser.all("#today-deadlines [data-case-id='" + caseId + "']")).isEmpty();

        browser.driver().switchTo().newWindow(WindowType.WINDOW);
        browser.go("/cases/" + caseId);
        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=ParoleRequested]"));
        browser.awaitLive();
        markPage(browser, "case");

        browser.click(By.cssSelector("details[data-action-id=parole-grant] > summary"));
        browser.fill("parole-grant", "grantedOn", today.minusDays(1).toString());
        browser.fill("parole-grant", "validUntil", today.plusDays(20).toString());
        browser.click(By.cssSelector("form[data-action=parole-grant] button[type=submit]"));

        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=ParoleGranted]"));
        WebElement expiring = browser.waitUntil(LIVE_WAIT, d -> d.findElements(
                By.cssSelector("#case-timeline [data-event-type=ParoleExpiring]")).stream().findFirst().orElse(null));
        assertThat(expiring.getText()).contains("Parole expiring").contains("PAROLE-EXPIRING");
        assertThat(pageMark(browser)).as("the case page was not reloaded").isEqualTo("case");
        browser.waitUntil(Browser.WAIT, d -> d.findElements(By.cssSelector("#case-deadlines [data-type=PAROLE_EXPIRY]")).isEmpty() ? null : true);
        assertThat(browser.text(By.cssSelector("[data-pathway=parole] .days-left"))).isEqualTo("20 days left");
        browser.screenshot("case");
        browser.fullPageScreenshot("case-full");
        saveForReadme(browser, "case-page.png");

        browser.driver().switchTo().window(todayWindow);
        WebElement deadline = browser.waitUntil(LIVE_WAIT, d -> d.findElements(By.cssSelector(
                "#today-deadlines [data-group=month] [data-type=PAROLE_EXPIRY][data-case-id='" + caseId + "']")).stream().findFirst().orElse(null));
        assertThat(deadline.getText()).contains("Parole expires").contains("PAROLE-EXPIRING").contains(familyName)
                .contains("(in 20 days)");
        WebElement notification = browser.waitUntil(LIVE_WAIT, d -> d.findElements(By.cssSelector(
                "#today-notifications [data-event-type=ParoleExpiring][data-case-id='" + caseId + "']")).stream().findFirst().orElse(null));
        assertThat(notification.getText()).contains("Parole expiring");
        assertThat(pageMark(browser)).as("Today was not reloaded").isEqualTo("today");
        browser.screenshot("today");
        saveForReadme(browser, "today.png");

        // An API client changes the case while the case page is open: a toast names it, the timeline shows it.
        browser.driver().switchTo().window(otherWindow(browser, todayWindow));
        api.record(caseId, "ead-applications", "{\"category\":\"c11\",\"filedOn\":\"%s\",\"renewal\":false}".formatted(today));
        WebElement toast = browser.waitUntil(LIVE_WAIT, d -> d.findElements(By.cssSelector("[data-toast]")).stream()
                .filter(element -> element.getText().contains("EAD application filed")).findFirst().orElse(null));
        assertThat(toast.getText()).contains("Open the case");
        browser.waitUntil(LIVE_WAIT, d -> d.findElements(By.cssSelector("#case-timeline [data-event-type=EadFiled]")).isEmpty() ? null : true);
        assertThat(pageMark(browser)).isEqualTo("case");
        browser.screenshot("case-after-api-change");
    }

    @Test
    void switchingToSpanishTranslatesTheScreensAndIsRemembered() {
        String familyName = uniqueFamilyName();
        String caseId = api.openCase("Mariana", familyName, LocalDate.now().minusDays(100).toString());
        Browser browser = browser("spanish");
        browser.signIn("caseworker-a", PASSWORD);
        browser.go("/cases/" + caseId);
        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=CaseOpened]"));
        assertThat(browser.text(By.id("timeline-title"))).isEqualTo("Timeline");

        new org.openqa.selenium.support.ui.Select(browser.waitFor(By.id("language-switch"))).selectByValue("es");
        browser.waitUntil(Browser.WAIT, d -> "Cronología".equals(d.findElement(By.id("timeline-title")).getText()) ? true : null);
        assertThat(browser.script("return document.documentElement.lang")).isEqualTo("es");
        assertThat(browser.text(By.cssSelector("nav.app-nav"))).contains("Hoy").contains("Casos");
        assertThat(browser.text(By.id("signed-in-roles"))).isEqualTo("Gestor/a de casos");
        assertThat(browser.text(By.id("case-summary")))
                .contains("Fecha de nacimiento").contains("1 may 1990").contains("Ucrania (UA)");
        assertThat(browser.text(By.cssSelector("#case-timeline [data-event-type=CaseOpened]"))).contains("Caso abierto");
        browser.screenshot("case");

        browser.driver().navigate().refresh();
        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=CaseOpened]"));
        assertThat(browser.text(By.id("timeline-title"))).as("remembered after a reload").isEqualTo("Cronología");
        browser.click(By.cssSelector("a[href='/today']"));
        assertThat(browser.text(By.id("deadlines-title"))).isEqualTo("Plazos");
        browser.screenshot("today");
    }

    @Test
    void anAuditorSeesTheTimelineTheCaseAsOfAnEventAndTheChainVerificationButNoForms() {
        LocalDate today = LocalDate.now();
        String caseId = api.openCase("Yusuf", uniqueFamilyName(), today.minusDays(30).toString());
        api.record(caseId, "entries", "{\"date\":\"%s\",\"manner\":\"PAROLED\"}".formatted(today.minusDays(30)));
        api.record(caseId, "parole-requests", """
                {"filedOn":"%s","kind":"INITIAL","basis":"URGENT_HUMANITARIAN","urgency":"ROUTINE"}""".formatted(today.minusDays(50)));

        Browser browser = browser("auditor");
        browser.signIn("auditor-a", PASSWORD);
        assertThat(browser.text(By.id("signed-in-as"))).contains("Auditor").contains("org-a");
        browser.go("/cases/" + caseId);
        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=ParoleRequested]"));

        assertThat(browser.all("form[data-action]")).as("no forms that record anything").isEmpty();
        assertThat(browser.all("#case-actions *")).isEmpty();
        WebElement verification = browser.waitFor(By.id("chain-verification"));
        assertThat(verification.getAttribute("data-valid")).isEqualTo("true");
        assertThat(verification.getText()).contains("Intact");

        WebElement entry = browser.waitFor(By.cssSelector("#case-timeline [data-event-type=EntryRecorded]"));
        browser.click(entry.findElement(By.cssSelector("button.link-button")));
        WebElement asOf = browser.waitFor(By.cssSelector("#as-of-result h3"));
        assertThat(asOf.getText()).startsWith("As of");
        WebElement result = browser.driver().findElement(By.id("as-of-result"));
        assertThat(result.findElements(By.cssSelector("[data-pathway=presence]"))).hasSize(1);
        assertThat(result.findElements(By.cssSelector("[data-pathway=parole]"))).as("the parole request came later").isEmpty();
        assertThat(browser.driver().findElement(By.cssSelector("#case-pathways [data-pathway=parole]")).isDisplayed()).isTrue();
        browser.fullPageScreenshot("case");

        browser.click(By.cssSelector("a[href='/cases']"));
        browser.waitFor(By.id("case-table"));
        assertThat(browser.all("#open-case")).isEmpty();
        assertThat(browser.all("a[href='/admin']")).isEmpty();
    }

    @Test
    void anIntakeWorkerIsOfferedTheFactsToRecordButNotTheDecisions() {
        String caseId = api.openCase("Amina", uniqueFamilyName(), LocalDate.now().minusDays(20).toString());
        Browser browser = browser("intake");
        browser.signIn("intake-a", PASSWORD);
        assertThat(browser.text(By.id("signed-in-as"))).contains("Intake");
        browser.go("/cases/" + caseId);
        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=CaseOpened]"));

        List<String> offered = browser.all("#case-actions details[data-action-id]").stream()
                .map(details -> details.getAttribute("data-action-id")).toList();
        assertThat(offered).contains("entry", "parole-request", "ead", "asylum", "departure", "note")
                .doesNotContain("parole-grant", "assign", "close", "reopen");
        assertThat(browser.all("#case-verification, #as-of-instant")).as("audit reads are not INTAKE's").isEmpty();

        browser.click(By.cssSelector("details[data-action-id=asylum] > summary"));
        browser.fill("asylum", "filedOn", LocalDate.now().toString());
        browser.click(By.cssSelector("form[data-action=asylum] button[type=submit]"));
        browser.waitFor(By.cssSelector("#case-timeline [data-event-type=AsylumFiled]"));
        assertThat(browser.text(By.cssSelector("#case-pathways [data-pathway=asylum]"))).contains("Pending");
        browser.screenshot("case");
    }

    @Test
    void anotherOrganizationsUserCannotReachTheCaseByItsAddress() {
        String familyName = uniqueFamilyName();
        String caseId = api.openCase("Olena", familyName, LocalDate.now().minusDays(10).toString());
        Browser browser = browser("other-organization");
        browser.signIn("caseworker-b", PASSWORD);
        assertThat(browser.text(By.id("signed-in-as"))).contains("org-b");

        browser.go("/cases/" + caseId);
        WebElement notFound = browser.waitFor(By.id("case-not-found"));
        assertThat(notFound.getText()).contains("There is no case with this id in your organization.");
        assertThat(browser.text(By.cssSelector("h1"))).isEqualTo("Case not found");
        assertThat(browser.driver().getPageSource()).doesNotContain(familyName);
        browser.screenshot("case");
    }

    @Test
    void anAdministratorCreatesAndRevokesAnApiKey() {
        String name = "ui-test-" + UUID.randomUUID().toString().substring(0, 8);
        Browser browser = browser("admin");
        browser.signIn("admin-a", PASSWORD);
        browser.click(By.cssSelector("a[href='/admin']"));
        browser.waitFor(By.cssSelector("form[data-action=create-api-key]"));

        browser.click(By.cssSelector("form[data-action=create-api-key] button[type=submit]"));
        assertThat(browser.text(By.cssSelector("form[data-action=create-api-key] .field-error"))).isNotBlank();

        browser.driver().findElement(By.cssSelector("form[data-action=create-api-key] [name=name]")).sendKeys(name);
        browser.click(browser.driver().findElement(By.cssSelector("form[data-action=create-api-key] input[value=INTAKE]")));
        browser.click(By.cssSelector("form[data-action=create-api-key] button[type=submit]"));
        assertThat(browser.text(By.cssSelector("code.secret"))).startsWith("hvn_");
        WebElement key = browser.waitUntil(Browser.WAIT, d -> d.findElements(By.cssSelector("#api-keys .key")).stream()
                .filter(element -> element.getText().contains(name)).findFirst().orElse(null));
        browser.screenshot("page");

        browser.click(key.findElement(By.cssSelector("button")));
        browser.driver().switchTo().alert().accept();
        browser.waitUntil(Browser.WAIT, d -> d.findElements(By.cssSelector("#api-keys .key")).stream()
                .anyMatch(element -> element.getText().contains(name) && element.getText().contains("revoked")) ? true : null);
    }

    @Test
    void theScreensFitAPhoneWidthAndEveryControlHasALabel() {
        LocalDate today = LocalDate.now();
        String caseId = api.openCase("Olena", uniqueFamilyName(), today.minusDays(40).toString());
        Browser browser = browser("phone");
        browser.resize(390, 844);
        browser.signIn("caseworker-a", PASSWORD);
        for (String page : List.of("/today", "/cases", "/cases/new", "/cases/" + caseId)) {
            browser.go(page);
            browser.waitFor(By.cssSelector("h1"));
            browser.waitUntil(Browser.WAIT, d -> d.findElements(By.cssSelector("[aria-busy=true], .loading")).isEmpty() ? true : null);
            browser.script("document.querySelectorAll('details').forEach(details => details.open = true)");
            assertThat(((Number) browser.script("return document.documentElement.scrollWidth - window.innerWidth")).intValue())
                    .as("horizontal overflow on %s", page).isLessThanOrEqualTo(0);
            assertThat(browser.script("""
                    return [...document.querySelectorAll('input, select, textarea, button')]
                      .filter(control => control.type !== 'hidden')
                      .filter(control => control.tagName === 'BUTTON'
                          ? control.textContent.trim() === '' && !control.getAttribute('aria-label')
                          : control.labels.length === 0 && !control.getAttribute('aria-label'))
                      .map(control => control.outerHTML.slice(0, 120))""")).as("controls without a label on %s", page)
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).isEmpty();
            browser.fullPageScreenshot(page.equals("/cases/" + caseId) ? "case" : page.substring(1).replace('/', '-'));
        }
    }

    private Browser browser(String name) {
        Browser browser = Browser.open(gateway, name);
        browsers.add(browser);
        return browser;
    }

    /** Leaves a mark in the page's JavaScript state; a reload would wipe it. */
    private static void markPage(Browser browser, String mark) {
        browser.script("window.havenTestMark = arguments[0]", mark);
    }

    private static Object pageMark(Browser browser) {
        return browser.script("return window.havenTestMark ?? null");
    }

    private static String otherWindow(Browser browser, String window) {
        return browser.driver().getWindowHandles().stream().filter(handle -> !handle.equals(window)).findFirst().orElseThrow();
    }

    /** A family name no other test uses, so searches and page contents are this test's own. */
    private static String uniqueFamilyName() {
        StringBuilder name = new StringBuilder("Kovalenko");
        for (int i = 0; i < 5; i++) {
            name.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return name.toString();
    }

    /**
     * The README's screenshots (docs/screenshots/) come from this run: target/readme-screenshots/, copied by hand.
     * A taller window from the top of the page, with the toasts taken away for a clean picture.
     */
    private static void saveForReadme(Browser browser, String name) throws Exception {
        browser.script("document.querySelectorAll('[data-toast]').forEach(toast => toast.remove()); window.scrollTo(0, 0)");
        org.openqa.selenium.Dimension before = browser.driver().manage().window().getSize();
        browser.resize(1366, 1300);
        try {
            Path target = Path.of("target", "readme-screenshots");
            Files.createDirectories(target);
            Files.copy(browser.screenshot(name.replace(".png", "-readme")), target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
        } finally {
            browser.resize(before.getWidth(), before.getHeight());
        }
    }
}
