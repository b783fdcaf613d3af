package nl.programmes.platform.browser;

import nl.programmes.events.Topics;
import nl.programmes.kit.config.BusinessCalendar;
import nl.programmes.platform.AllServices;
import nl.programmes.runtime.DemoLoader;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal in a real headless chromium against every service on the real broker and database, each
 * step through the UI as its user would take it: an institution announces (after a form error shown
 * beside its field), a partner school objects, a committee member decides, and the overview and the
 * live timeline show all three. Screenshots land in target/screenshots (or -Dscreenshots=docs/screenshots).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PortalJourneyTest {

    private static final Pattern ID = Pattern.compile("/announcements/([0-9a-f-]{36})");

    private final Path screenshots = Path.of(System.getProperty("screenshots",
            Path.of(System.getProperty("platform.root"), "infra/platform-tests/target/screenshots").toString()));
    private AllServices platform;
    private Browser browser;
    private String announcementId;
    private String smartMediaProduction;

    @BeforeAll
    void start() {
        platform = AllServices.start();
        smartMediaProduction = new DemoLoader(platform.portal()).load().smartMediaProduction();
        browser = new Browser(platform.portal());
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        platform.close();
    }

    @Test
    @Order(1)
    void anInstitutionAnnouncesAndAFormErrorShowsBesideItsField() {
        signIn("saxion-staff");
        // Staff see their own institution's story first, not the region's latest (Windesheim's withdrawal).
        assertThat(browser.text()).contains("Recent bij uw instelling").contains("Tijdlijn van uw instelling");
        assertThat(browser.driver().findElements(By.cssSelector("main table:last-of-type tbody tr"))).isNotEmpty()
                .extracting(WebElement::getText).anySatisfy(line -> assertThat(line).contains("A24-056"))
                .noneSatisfy(line -> assertThat(line).contains("WH-2026-11"));
        browser.screenshot(screenshots, "01-home-institution");
        browser.open("/announcements/new")
                .type("reference", "SX-UI-1")
                .type("programme.name", "Creative Technology Lab")
                .choose("programme.level", "ASSOCIATE_DEGREE")
                .type("programme.isatCode", "801")
                .tick("programme.forms.VOLTIJD")
                .type("programme.studyLoadEc", "120")
                .type("programme.durationYears", "twee")
                .type("programme.domain", "Ad cluster Creatieve Industrie; domein Technologie & Media")
                .type("candidateLocations", "Enschede, Hengelo");
        intendedStart("2020-09");
        browser.submit(By.cssSelector("main form button[type=submit]"));

        WebElement error = browser.find(By.id("programme.isatCode-error"));
        assertThat(error.getText()).contains("moet een CROHO/ISAT-code van 5 cijfers zijn"); // the service's message, in Dutch
        WebElement field = browser.find(By.id("programme.isatCode"));
        assertThat(field.getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(field.getAttribute("aria-describedby")).contains("programme.isatCode-error");
        // The error sits right below its own field, not only in a list at the top.
        assertThat(error.getLocation().getY()).isGreaterThan(field.getLocation().getY());
        assertThat(field.getAttribute("value")).isEqualTo("801"); // what the user typed is kept
        // The start in the past breaks a rule of the domain, the short code is malformed: both are named in the first
        // answer, not the start once the code is mended. The message has a value in it and reads in Dutch with it.
        assertThat(browser.find(By.id("intendedStart-error")).getText())
                .contains("mag niet in het verleden liggen (het is nu " + BusinessCalendar.inWords(YearMonth.now(BusinessCalendar.NETHERLANDS),
                        BusinessCalendar.DUTCH) + ")");
        // The summary above the form names them as the form runs, top to bottom (the service names them alphabetically),
        // with the duration typed in words, which the service could not read, in the same answer (it came alone before).
        assertThat(browser.driver().findElements(By.cssSelector(".alert-error li a"))).extracting(WebElement::getText)
                .containsExactly("ISAT/CROHO-code: moet een CROHO/ISAT-code van 5 cijfers zijn",
                        "Duur (jaren): moet een getal zijn",
                        "Beoogde start: mag niet in het verleden liggen (het is nu " + BusinessCalendar.inWords(
                                YearMonth.now(BusinessCalendar.NETHERLANDS), BusinessCalendar.DUTCH) + ")");
        assertThat(browser.find(By.id("programme.durationYears")).getAttribute("value")).isEqualTo("twee");
        browser.screenshot(screenshots, "02-announce-form-errors");

        browser.type("programme.isatCode", "80179");
        browser.type("programme.durationYears", "2");
        intendedStart(nextSeptember());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("De aankondiging is vastgelegd").contains("Creative Technology Lab");
        Matcher id = ID.matcher(browser.driver().getCurrentUrl());
        assertThat(id.find()).as(browser.driver().getCurrentUrl()).isTrue();
        announcementId = id.group(1);

        // Someone else changes the announcement while this user has the amend form open: a conflict, said plainly.
        browser.open("/announcements/" + announcementId + "/amend").type("summary", "Our change.");
        api("saxion-staff", "PATCH", "/api/announcements/" + announcementId, "{\"summary\":\"Their change.\"}", "\"1\"", 200);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Iemand anders heeft deze aankondiging intussen gewijzigd");

        // Whom to consult: ROC van Twente is a partner school in Overijssel, so it is suggested, with the reason.
        browser.open("/announcements/" + announcementId + "/consult");
        assertThat(browser.text()).contains("ROC van Twente").contains("partnerschool in Overijssel");
        // NHL Stenden offers Ad Creative Media Professional in Leeuwarden (Friesland borders Overijssel): the register
        // gives it no domain, but the names share "Creative".
        assertThat(browser.text()).contains("NHL Stenden")
                .contains("biedt Ad Creative Media Professional aan in Leeuwarden (Friesland), met ‘Creative’ in de naam");
        browser.screenshot(screenshots, "03-whom-to-consult");
        browser.choose("consultedOrganisation", "rocvantwente").submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).startsWith("/announcements/" + announcementId);
        // Organisations by their directory names, not their ids; the due date as a Dutch reader writes it.
        assertThat(browser.find(By.linkText("ROC van Twente")).getAttribute("href")).contains("/consultations/");
        assertThat(browser.find(By.xpath("//h2[@id='consultations']/following-sibling::table[1]")).getText()).doesNotContain("rocvantwente");
        assertThat(browser.text()).contains("Saxion Hogeschool").contains("start september " + nextSeptember().substring(0, 4))
                .contains(inDutch(todayInTheNetherlands().plusWeeks(6)));
    }

    @Test
    @Order(2)
    void aPartnerSchoolRecordsAnObjection() {
        signIn("rocvantwente-consultee");
        // The school's start page tells its own story: Saxion's request to it, not only the region's latest events.
        assertThat(browser.text()).contains("Recent bij uw organisatie").contains("Tijdlijn van uw organisatie");
        assertThat(browser.find(By.xpath("//main//table[last()]")).getText()).contains("Saxion Hogeschool raadpleegt ROC van Twente over");
        browser.find(By.linkText("Tijdlijn van uw organisatie")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("institution=rocvantwente") ? true : null);
        assertThat(browser.text()).contains("Van een organisatie toont de tijdlijn wat zij deed")
                .contains("Saxion Hogeschool raadpleegt ROC van Twente over");
        browser.open("/consultations");
        assertThat(browser.text()).contains("SX-UI-1 Creative Technology Lab");
        WebElement asked = browser.find(By.xpath("//tr[td/a[contains(., 'SX-UI-1')]]"));
        assertThat(asked.getText()).contains("Saxion Hogeschool").contains(inDutch(todayInTheNetherlands().plusWeeks(6)))
                .contains("nog 42 dagen"); // what the deadline leaves, beside its date
        browser.screenshot(screenshots, "04-consultation-inbox");
        browser.find(By.linkText("SX-UI-1 Creative Technology Lab")).click();
        browser.waitFor(d -> d.getCurrentUrl().contains("/consultations/") ? true : null);
        assertThat(browser.text()).contains("nog 42 dagen"); // on the consultation itself too

        // An objection without grounds is refused, and the error shows beside that location's grounds.
        browser.choose("p1.position", "OBJECTION").submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("p1.grounds-error")).getText()).isNotBlank();

        browser.choose("p0.position", "NO_OBJECTION")
                .choose("p1.position", "OBJECTION")
                .tick("p1.grounds.LABOUR_MARKET")
                .type("p1.explanation", "Hengelo already has a full-time Ad in media production nearby.")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Uw standpunt is vastgelegd")
                // who recorded it by the name people know, not by user id
                .contains("vastgelegd door Contactpersoon samenwerking (demo)");
        // The revision's positions in words, as the matrix writes them, not as the API's values (OBJECTION).
        assertThat(browser.find(By.xpath("//tr[th[@scope='row' and .='Hengelo']]")).getText().replaceAll("\\s+", " "))
                .isEqualTo("Hengelo — ✗ bezwaar");
        assertThat(browser.find(By.cssSelector(".who")).getText()).isEqualTo("Contactpersoon samenwerking (demo) · ROC van Twente");
        browser.screenshot(screenshots, "05-position-recorded");

        // The agenda is a steering committee's: a school that follows a link to it is told so, not shown an empty agenda.
        browser.open("/steering");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dit kon niet worden getoond");
        assertThat(browser.text()).contains("Stuurgroep: is geen stuurgroep in het organisatieregister");

        // Saxion's staff sign in again: the school's objection, recorded since their sign-in before, is marked new to them.
        signIn("saxion-staff");
        assertThat(browser.text()).contains("Nieuw voor u: vastgelegd sinds uw vorige aanmelding");
        WebElement objectionLine = browser.find(By.xpath("//main//table[last()]//tr[td[contains(., 'ROC van Twente')]]"));
        assertThat(objectionLine.findElement(By.cssSelector(".fresh")).getText()).isEqualTo("nieuw");
    }

    @Test
    @Order(3)
    void aCommitteeMemberRecordsADecision() {
        // An objection made "for now" (until a study is in): the agenda marks its organisation so, and the committee may
        // ask it again before deciding.
        String provisional = idIn(api("saxion-staff", "POST", "/api/announcements", "{\"reference\":\"SX-UI-PROV\",\"institution\":\"saxion\","
                + "\"programme\":{\"name\":\"Provisional Lab\",\"level\":\"ASSOCIATE_DEGREE\",\"orientation\":\"HBO\",\"isatCode\":\"80178\","
                + "\"forms\":[\"VOLTIJD\"],\"language\":\"nl\",\"studyLoadEc\":120,\"durationYears\":2},"
                + "\"candidateLocations\":[\"Enschede\"],\"intendedStart\":\"" + nextSeptember() + "\"}", null, 201));
        // The consultations service knows the announcement a moment after it is announced.
        String consultation = TestPlatform.eventually().until(() -> {
            try {
                return idIn(api("saxion-staff", "POST", "/api/consultations", "{\"announcementId\":\"" + provisional
                        + "\",\"consultedOrganisation\":\"rocvantwente\",\"kind\":\"BILATERAL\"}", null, 201));
            } catch (AssertionError notYet) {
                return null;
            }
        }, java.util.Objects::nonNull);
        api("rocvantwente-consultee", "PUT", "/api/consultations/" + consultation + "/positions", "{\"meetingDate\":\""
                + todayInTheNetherlands().minusWeeks(3) + "\",\"positions\":[{\"location\":\"Enschede\",\"position\":\"OBJECTION\","
                + "\"grounds\":[\"LABOUR_MARKET\"],\"explanation\":\"For now, until the regional labour-market study is in.\","
                + "\"provisional\":true}]}", null, 200);
        // Saxion's start page puts it first, as new: recorded last, though its meeting was three weeks ago and the lines
        // about the announcement and the request are dated today.
        signIn("saxion-staff");
        browser.reloadUntil(page -> page.contains("voorlopig"));
        WebElement first = browser.find(By.xpath("//main//table[last()]/tbody/tr[1]"));
        assertThat(first.getText()).contains("ROC van Twente").contains("voorlopig").contains(inDutch(todayInTheNetherlands().minusWeeks(3)));
        assertThat(first.findElement(By.cssSelector(".fresh")).getText()).isEqualTo("nieuw");

        signIn("stuurgroep-ad-ci-member");
        browser.open("/steering").reloadUntil(page -> page.contains("SX-UI-1") && page.contains("SX-UI-PROV"));
        assertThat(browser.find(By.xpath("//tr[td[contains(., 'SX-UI-PROV')]]")).getText()).contains("ROC van Twente (voorlopig)");
        assertThat(browser.find(By.xpath("//tr[td[contains(., 'SX-UI-1')]]")).getText()).contains("ROC van Twente")
                .doesNotContain("voorlopig");
        // Printed for the meeting: whose agenda it is and when it was read, without the buttons to record decisions.
        browser.asPrinted(() -> assertThat(browser.find(By.tagName("body")).getText())
                .contains("Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie").contains("Stand op ").contains("SX-UI-PROV")
                .doesNotContain("Besluit vastleggen").doesNotContain("Afmelden"));
        browser.screenshot(screenshots, "06-steering-agenda");
        browser.open("/steering/decide/" + announcementId)
                .choose("decision", "ADVISES_AGAINST")
                .tick("locations.Hengelo");
        WebElement objection = browser.find(By.cssSelector("input[name^='rules.']"));
        objection.click();
        browser.type("rationale", "The committee follows ROC van Twente's labour-market objection for Hengelo.");
        // The form sent twice at once (a double click): one rendering of the form, one key, so one decision.
        Object sentTwice = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const form = document.querySelector('main form');
                const send = () => fetch(form.action, {method: 'POST', body: new URLSearchParams(new FormData(form)), redirect: 'manual'});
                Promise.all([send(), send()]).then(answers => done(answers.map(a => a.type).join(',')));""");
        assertThat(sentTwice).isEqualTo("opaqueredirect,opaqueredirect");
        String decisions = "/api/steering-decisions?announcement=" + announcementId;
        assertThat(apiGet("stuurgroep-ad-ci-member", decisions)).containsOnlyOnce("ADVISES_AGAINST");

        // The same form changed and sent again (as after going back to it): a command of its own, though it still
        // holds the first key.
        browser.type("rationale", "On second thought, the committee adds its reasons in full.")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).startsWith("/announcements/" + announcementId);
        assertThat(browser.text()).contains("ontraden");
        assertThat(apiGet("stuurgroep-ad-ci-member", decisions))
                .containsOnlyOnce("The committee follows ROC van Twente").containsOnlyOnce("On second thought");

        // A decision recorded wrongly is corrected from the announcement page: the form comes filled in with it, and the
        // correction replaces it while both stay in the history.
        browser.find(By.xpath("//h2[@id='decisions']/following-sibling::table[1]//tr[td[contains(., 'On second thought')]]//a"))
                .click();
        browser.waitFor(d -> d.getCurrentUrl().contains("corrects=") ? true : null);
        assertThat(browser.find(By.tagName("h1")).getText()).startsWith("Besluit corrigeren");
        assertThat(browser.find(By.id("rationale")).getAttribute("value")).startsWith("On second thought");
        assertThat(browser.find(By.name("locations.Hengelo")).isSelected()).isTrue();
        browser.choose("decision", "FURTHER_CONSULTATION_REQUESTED")
                .type("rationale", "Corrected: the committee asks for further consultation with ROC van Twente.")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).startsWith("/announcements/" + announcementId);
        WebElement decided = browser.find(By.xpath("//h2[@id='decisions']/following-sibling::table[1]"));
        assertThat(decided.getText()).containsOnlyOnce("(gecorrigeerd)").contains("Corrected: the committee asks");
        assertThat(decided.findElements(By.linkText("corrigeren"))).hasSize(2); // the first decision and the correction
        assertThat(apiGet("stuurgroep-ad-ci-member", decisions)).containsOnlyOnce("\"corrects\":\"").containsOnlyOnce("\"correctedBy\":\"");
    }

    @Test
    @Order(4)
    void theOverviewAndTimelineShowAllThree() throws Exception {
        signIn("stuurgroep-ad-ci-member");
        browser.open("/announcements/" + announcementId).reloadUntil(page -> page.contains("ROC van Twente")
                && page.contains("bezwaar") && page.contains("ontraden"));
        WebElement matrix = browser.find(By.cssSelector("table.matrix"));
        assertThat(matrix.findElement(By.tagName("caption")).getText()).isNotBlank();
        assertThat(matrix.findElements(By.cssSelector("thead th[scope=col]"))).extracting(WebElement::getText)
                .contains("Enschede", "Hengelo");
        WebElement row = matrix.findElement(By.xpath(".//tr[th[contains(., 'ROC van Twente')]]"));
        // Readable without colour: a symbol and the position in words, then the grounds.
        assertThat(row.findElements(By.tagName("td"))).extracting(td -> td.getText().replaceAll("\\s+", " "))
                .containsExactly("✓ geen bezwaar", "✗ bezwaar arbeidsmarkt");
        // Announced, and its consultations have begun: the page says so, as the overview does.
        assertThat(browser.find(By.cssSelector("main .status")).getText()).isEqualTo("in consultatie");

        // Printed, or saved as PDF, for the committee's papers: the content alone (no menu, no actions), with when it
        // was read; on screen that line is not shown.
        WebElement asOf = browser.find(By.cssSelector(".print-only"));
        assertThat(asOf.isDisplayed()).isFalse();
        browser.asPrinted(() -> {
            assertThat(asOf.isDisplayed()).isTrue();
            assertThat(asOf.getText()).startsWith("Stand op " + inDutch(todayInTheNetherlands()) + " om ");
            assertThat(browser.find(By.cssSelector(".site-header")).isDisplayed()).isFalse();
            assertThat(browser.find(By.cssSelector("main .actions")).isDisplayed()).isFalse();
            assertThat(browser.find(By.cssSelector("table.matrix")).isDisplayed()).isTrue();
            browser.screenshot(screenshots, "14-announcement-printed");
        });
        assertThat(new String(browser.printed(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

        browser.open("/timeline?order=oldest&announcement=" + announcementId)
                .reloadUntil(page -> page.contains("besluit") || page.contains("ontraadt"));
        String timeline = browser.text();
        // Oldest first, new lines go below the last: this page ends its timeline, so it is live; the whole timeline's
        // first page, with pages after it, is not.
        assertThat(timeline).contains("verschijnen vanzelf");
        assertThat(page("stuurgroep-ad-ci-member", "/timeline?order=oldest").body()).doesNotContain("sse-connect");
        assertThat(timeline).contains("Saxion Hogeschool kondigt").contains("ROC van Twente").contains("Stuurgroep")
                .contains("Beleidsmedewerker onderwijs (demo)").doesNotContain("saxion-staff");
        // The export takes the page's filters: this announcement's lines, oldest first, and nothing else.
        URI export = URI.create(browser.find(By.linkText("Download CSV")).getAttribute("href"));
        assertThat(export.getQuery()).contains("announcement=" + announcementId).contains("order=oldest");
        String csv = page("stuurgroep-ad-ci-member", export.getRawPath() + "?" + export.getRawQuery()).body();
        assertThat(csv.lines().skip(1).toList()).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(line -> assertThat(line).contains(announcementId));
        assertThat(csv).contains("ROC van Twente").contains("Saxion Hogeschool kondigt");
        // For Excel with Dutch settings: the same lines, semicolons between cells and a byte order mark first.
        URI excel = URI.create(browser.find(By.linkText("Download voor Excel")).getAttribute("href"));
        String forExcel = page("stuurgroep-ad-ci-member", excel.getRawPath() + "?" + excel.getRawQuery()).body();
        assertThat(forExcel).startsWith("\uFEFF\"date\";\"recorded\";").contains("Saxion Hogeschool kondigt");
        assertThat(forExcel.lines().count()).isEqualTo(csv.lines().count());

        // Live: while the page is open, a new event appears without a reload. The meeting is dated today in the
        // Netherlands, the date the steering service checks against, and the day the overview dates the evening's
        // other lines on: so it is the newest line at any hour (it fell below them from 23:00 UTC when the service
        // judged dates in UTC).
        browser.open("/timeline");
        browser.waitFor(d -> d.findElements(By.cssSelector("#timeline-entries tr")).size() > 0 ? true : null);
        int before = browser.driver().findElements(By.cssSelector("#timeline-entries tr")).size();
        recordMeetingThroughTheApi();
        // Waited for by its own sentence: lines projected a moment before the page's position come again (replacing
        // their rows) and are marked new as well, so any new row could be one of those.
        browser.waitFor(d -> d.findElements(By.xpath("//tbody[@id='timeline-entries']/tr[contains(@class, 'new-entry')]"
                + "[contains(., 'Vergadering van Stuurgroep Landelijk Ad-overleg')]")).size() > 0 ? true : null);
        assertThat(browser.driver().findElements(By.cssSelector("#timeline-entries tr"))).hasSizeGreaterThan(before);
        browser.screenshot(screenshots, "08-timeline-live");
        // Minutes recorded now of a meeting long ago are new too, though their date puts them far below the newest lines
        // (the page showed new lines only among the newest 50 by date until session 21).
        api("stuurgroep-ad-ci-member", "POST", "/api/steering-meetings",
                "{\"committee\":\"stuurgroep-ad-ci\",\"meetingDate\":\"2024-10-10\",\"minutes\":\"Late minutes.\"}", null, 201);
        browser.waitFor(d -> d.findElements(By.xpath("//tbody[@id='timeline-entries']/tr[contains(@class, 'new-entry')]"
                + "[contains(., '10 oktober 2024')]")).size() > 0 ? true : null);

        browser.open("/steering");
        assertThat(browser.text()).contains("Vergaderingen");
        browser.find(By.xpath("//details/summary[contains(., '" + inDutch(todayInTheNetherlands()) + "')]")).click();
        assertThat(browser.text()).contains("Live timeline check.");
        // The demo's meeting of 12 September 2024 names its agenda item as people do, not by its id.
        WebElement september = browser.find(By.xpath("//details[summary[contains(., '12 september 2024')]]"));
        assertThat(september.findElement(By.tagName("summary")).getText()).contains("1 agendapunt, 1 besluit");
        september.findElement(By.tagName("summary")).click();
        assertThat(september.findElement(By.cssSelector("li a")).getText()).isEqualTo("A24-056 Smart Media Production");
        assertThat(browser.find(By.xpath("//table[.//th[contains(., 'Besluit')]]//a[contains(@href, '/announcements/')]")).getText())
                .startsWith("A24-056");

        // The minutes' form takes the announcements discussed by reference; a line that names none is said so beside it.
        browser.open("/steering/meetings/new");
        browser.type("agenda", "a24-056\nRondvraag\nA24-05").type("minutes", "Agenda check.")
                .submit(By.cssSelector("form[action='/steering/meetings/new'] button[type=submit]"));
        assertThat(browser.find(By.id("agenda-error")).getText())
                .contains("Rondvraag is geen bekende aankondiging; A24-05 is geen bekende aankondiging");
        assertThat(browser.find(By.id("agenda")).getAttribute("value")).contains("Rondvraag");
    }

    @Test
    @Order(5)
    void theDemoCaseReadsInDutchAndInEnglish() {
        signIn("stuurgroep-ad-ci-member");
        browser.open("/announcements/" + smartMediaProduction).reloadUntil(page -> page.contains("Hogeschool Utrecht"));
        assertThat(browser.text()).contains("Bezwarenmatrix").contains("Smart Media Production");
        browser.screenshot(screenshots, "07-matrix-a24-056");
        browser.find(By.linkText("English")).click();
        browser.waitFor(d -> d.findElement(By.tagName("main")).getText().contains("Objection matrix") ? true : null);
        browser.open("/regions/Utrecht");
        assertThat(browser.text()).contains("Existing offerings").contains("Ad Digitale Techniek & Media");
        assertThat(browser.driver().findElements(By.cssSelector("svg.spark polyline"))).isNotEmpty();
        browser.screenshot(screenshots, "09-region-utrecht");
        browser.find(By.linkText("Nederlands")).click();
        browser.waitFor(d -> d.findElement(By.tagName("main")).getText().contains("Bestaand aanbod") ? true : null);

        // Related programmes side by side, by name: Hogeschool Rotterdam's 80035 in two forms.
        browser.open("/regions/Zuid-Holland");
        WebElement related = browser.find(By.xpath("//section[@class='related'][h3[contains(., '80035')]]"));
        assertThat(related.findElement(By.tagName("h3")).getText()).isEqualTo("Zelfde code 80035");
        assertThat(related.findElements(By.cssSelector("tbody tr td:first-child"))).extracting(td -> td.getText().replaceAll("\\s+", " "))
                .contains("Ad Crossmediale Communicatie Rotterdam · deeltijd", "Ad Crossmediale Communicatie Rotterdam · voltijd");
        browser.scrollTo(related).screenshot(screenshots, "11-region-related");

        // Institutions are chosen by name; the page and its export filter by the chosen one's id. Only schools and
        // institutions are offered: a committee or the platform's operators hold no programmes.
        assertThat(new org.openqa.selenium.support.ui.Select(browser.find(By.id("f-institution"))).getOptions())
                .extracting(WebElement::getText).contains("Hogeschool Rotterdam", "Saxion Hogeschool", "ROC van Twente")
                .doesNotContain("Platformbeheer").noneMatch(name -> name.startsWith("Stuurgroep"));
        browser.choose("f-institution", "hr").submit(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.text()).contains("Ad Crossmediale Communicatie");
        assertThat(browser.find(By.linkText("Download CSV")).getAttribute("href")).contains("institution=hr");

        // The regional page finds programmes under consultation, a status only the overview can tell.
        browser.open("/regions/Overijssel?status=UNDER_CONSULTATION");
        assertThat(browser.text()).contains("SX-UI-1").contains("in consultatie").doesNotContain("A24-056");
        // An announcement is found by its reference or its programme's name.
        browser.open("/announcements");
        browser.type("f-q", "a24-056").submit(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.driver().findElements(By.cssSelector("main tbody tr td:first-child a"))).extracting(WebElement::getText)
                .containsExactly("A24-056");
        // A filter the service does not know, typed into the address, is shown as a page naming it, not as a 500.
        browser.open("/announcements?status=UNDER_CONSULTATION");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dit kon niet worden getoond");
        assertThat(browser.text()).contains("status: moet een van deze zijn: ANNOUNCED|WITHDRAWN");
        // A link cut short names no announcement: not found, as one that does not exist.
        browser.open("/announcements/01a22337-ea96");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Niet gevonden");
        browser.open("/announcements/" + java.util.UUID.randomUUID() + "/amend");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dit kon niet worden getoond");
        browser.open("/regions/Overijssel?level=DOCTORATE");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Dit kon niet worden getoond");
        assertThat(browser.text()).contains("level: moet een van deze zijn: MBO_1");

        // A date range the timeline cannot use is named beside its field, in the page's language.
        browser.open("/timeline?from=2025-01-02&to=2025-01-01");
        assertThat(browser.find(By.id("to-error")).getText()).contains("ligt vóór de van-datum (2 januari 2025)");
        assertThat(browser.find(By.cssSelector(".alert-error h2")).getText()).isEqualTo("Met deze filters kan niets worden getoond");

        // An announcement is filtered by its reference, as people know it; one that names none is said to, beside the field.
        browser.open("/timeline");
        browser.type("f-announcement", "a24-056").submit(By.cssSelector("form.filters button[type=submit]"));
        java.util.List<WebElement> links = browser.driver().findElements(By.cssSelector("#timeline-entries tr td:last-child a"));
        assertThat(links).isNotEmpty().extracting(WebElement::getText).containsOnly("A24-056");
        browser.type("f-announcement", "A24-999").submit(By.cssSelector("form.filters button[type=submit]"));
        assertThat(browser.find(By.id("announcement-error")).getText()).contains("is geen kenmerk (zoals A24-056) of id van een aankondiging");
        browser.find(By.cssSelector(".alert-error a[href='#f-announcement']"));
    }

    @Test
    @Order(6)
    void aLineProjectedBetweenThePageAndItsLiveStreamStillArrives() throws Exception {
        // The page is read, then a line is projected, and only then does the page's live stream connect: the stream
        // must send that line, which the page does not show.
        String user = "stuurgroep-ad-ci-member";
        Matcher connect = Pattern.compile("sse-connect=\"([^\"]+)\"").matcher(page(user, "/timeline").body());
        assertThat(connect.find()).as("the timeline page streams new lines").isTrue();
        String stream = connect.group(1).replace("&amp;", "&");
        String newestShown = newestLine(user);
        recordMeetingThroughTheApi();
        String projected = TestPlatform.eventually().until(() -> newestLine(user), line -> !line.equals(newestShown));

        // The portal sends the response's headers with its first event: the wait for them is part of the 30 s.
        CompletableFuture<String> first = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                        URI.create(platform.portal() + stream)).header("Cookie", "session=" + platform.token(user))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                .thenApply(live -> {
                    try (Stream<String> lines = live.body()) {
                        // Lines projected a moment before the page was read and not on it may come first (the
                        // overview looks back a little for lines committed late): wait for this one.
                        return lines.filter(l -> l.startsWith("data:") && l.contains("data-event-id=\"" + projected + "\""))
                                .findFirst().orElseThrow();
                    }
                });
        try {
            assertThat(first.get(30, TimeUnit.SECONDS)).contains("data-event-id=\"" + projected + "\"");
        } finally {
            first.cancel(true);
        }
    }

    @Test
    @Order(7)
    void anOperatorSeesAParkedRecordAndReplaysIt() {
        // A record no service can read: the overview parks it and carries on.
        ServiceUnderTest overview = platform.slice("overview");
        try (EventPublisher publisher = new EventPublisher(overview)) {
            publisher.send(new ProducerRecord<>(overview.topic(Topics.PROGRAMME_OFFERINGS), "unreadable",
                    "not a cloud event".getBytes(StandardCharsets.UTF_8)));
        }
        signIn("admin");
        assertThat(browser.find(By.linkText("Status")).getAttribute("href")).endsWith("/status"); // in an administrator's menu
        assertThat(browser.find(By.cssSelector("header nav")).getText()).contains("Regio’s");
        browser.open("/status").reloadUntil(page -> page.contains("Missing header ce_specversion"));
        assertThat(browser.text()).contains("Status van het overzicht").contains(Topics.PROGRAMME_OFFERINGS).contains("Herbouw starten");
        int parked = browser.driver().findElements(By.cssSelector("#parked tbody tr")).size();
        // When it was parked (Dutch time), to tie it to a release.
        assertThat(browser.find(By.xpath("//table[@id='parked']//tr[td[contains(., 'Missing header ce_specversion')]]")).getText())
                .contains(todayInTheNetherlands().toString());
        browser.screenshot(screenshots, "10-status-parked");

        browser.submit(By.cssSelector("#parked tbody tr button[type=submit]"));
        assertThat(browser.text()).contains("Het record staat weer op zijn topic");
        // Still unreadable after the replay, so it is parked again: one more line, the first one kept.
        browser.reloadUntil(page -> browser.driver().findElements(By.cssSelector("#parked tbody tr")).size() > parked);

        // The rebuild from the same page, after a confirmation: the overview keeps serving and switches over when done.
        browser.find(By.cssSelector("form[action='/status/rebuild'] button")).click();
        browser.waitFor(d -> ExpectedConditions.alertIsPresent().apply(d)).accept();
        browser.waitFor(d -> d.findElement(By.tagName("main")).getText().contains("De herbouw is gestart") ? true : null);
        browser.reloadUntil(page -> page.contains("De laatste herbouw is klaar en in gebruik"));
        assertThat(browser.text()).contains("Missing header ce_specversion"); // parked records are on the topics, not in the tables

        // Anyone signed in may look, but only an administrator may replay or rebuild.
        signIn("saxion-staff");
        browser.open("/status");
        assertThat(browser.text()).contains("Missing header ce_specversion").doesNotContain("Herbouw starten");
        assertThat(browser.driver().findElements(By.cssSelector("#parked button"))).isEmpty();
    }

    @Test
    @Order(8)
    void anInstitutionRecordsTheReviewOutcomeOfItsApplication() {
        String announced = api("saxion-staff", "POST", "/api/announcements", "{\"reference\":\"SX-UI-REVIEW\",\"institution\":\"saxion\","
                + "\"programme\":{\"name\":\"Review Lab\",\"level\":\"ASSOCIATE_DEGREE\",\"orientation\":\"HBO\",\"isatCode\":\"80179\","
                + "\"forms\":[\"VOLTIJD\"],\"language\":\"nl\",\"studyLoadEc\":120,\"durationYears\":2},"
                + "\"candidateLocations\":[\"Enschede\"],\"intendedStart\":\"" + nextSeptember() + "\"}", null, 201);
        String review = idIn(announced);
        api("saxion-staff", "POST", "/api/announcements/" + review + "/application", "{\"submittedOn\":\"" + todayInTheNetherlands()
                + "\",\"locations\":[\"Enschede\"],\"forms\":[\"VOLTIJD\"]}", null, 200);

        signIn("saxion-staff");
        browser.open("/announcements/" + review);
        browser.find(By.linkText("Uitkomst van de toets vastleggen")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/review-outcome") ? true : null);
        // An advice dated after the decision: refused, the error beside the decision's date, nothing recorded.
        browser.choose("advice", "POSITIVE").choose("decision", "APPROVED");
        dateField("adviceDate", todayInTheNetherlands().plusDays(1));
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("decisionDate-error")).getText()).contains("mag niet vóór het advies liggen");
        assertThat(apiGet("saxion-staff", "/api/announcements/" + review)).contains("\"status\":\"SUBMITTED\"");

        dateField("adviceDate", todayInTheNetherlands());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.path()).isEqualTo("/announcements/" + review);
        assertThat(browser.text()).contains("goedgekeurd").doesNotContain("Uitkomst van de toets vastleggen");
        assertThat(apiGet("saxion-staff", "/api/announcements/" + review)).contains("\"status\":\"APPROVED\"");
    }

    /**
     * Staff put their existing programmes and intake in the overview from the table they keep, saved by Excel with Dutch
     * settings: semicolons, and not UTF-8 (the accent must survive). A good row goes in; the others are listed with their
     * column and reason in Dutch, and nothing of theirs is recorded.
     */
    @Test
    @Order(10)
    void anInstitutionImportsItsIntakeTableAndSeesWhichRowsWereLeftOut() throws Exception {
        Path table = java.nio.file.Files.createTempFile("instroom", ".csv");
        java.nio.file.Files.write(table, ("Instelling;Opleiding;Vorm;Vestiging;2022;2023\r\n"
                + "saxion;Ad Journey Média (80181);voltijd;Enschede;31;<5\r\n"
                + "saxion;Ad Journey Média (80181);fulltime;Deventer;12;14\r\n"
                + "hr;Ad Journey Média (80181);voltijd;Rotterdam;5;6\r\n"
                + "saxion;Ad Journey Média (80181);deeltijd;Haaksbergen;3;4\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));

        signIn("saxion-staff");
        browser.find(By.linkText("Instroomtabel importeren")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/offerings/import") ? true : null);
        // Sent without a file: named beside the file field, nothing sent on.
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("file-error")).getText()).contains("kies een bestand");

        // A table over the page's 2 MB: refused beside the file field, with the limit, asking to split it.
        Path tooLarge = java.nio.file.Files.createTempFile("instroom-groot", ".csv");
        java.nio.file.Files.writeString(tooLarge, "instelling;opleiding;vorm\r\n"
                + "saxion;Ad Journey Média;voltijd\r\n".repeat(70_000));
        browser.find(By.id("file")).sendKeys(tooLarge.toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("file-error")).getText()).contains("is groter dan 2 MB").contains("splits de tabel");

        // First what the import would do, with the rows it would leave out and a place the overview does not know (a
        // typo would stay in the register), and nothing recorded yet.
        browser.find(By.id("file")).sendKeys(table.toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("import-preview")).getText()).contains("Er is nog niets vastgelegd")
                .contains("regels die worden verwerkt: 2; nieuwe opleidingen: 2; instroomcijfers vast te leggen: 4")
                .contains("Regels die niet worden verwerkt: 2");
        assertThat(browser.find(By.id("unknown-places")).getText()).isEqualTo("Haaksbergen (regel 5)");
        assertThat(browser.find(By.id("rejected-rows")).findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
                .containsExactly("3 vorm ‘fulltime’ is geen vorm: voltijd, deeltijd, duaal, bol of bbl",
                        "4 instelling saxion mag geen opleidingen registreren voor hr");
        browser.screenshot(screenshots, "13-intake-import");

        // Confirmed: the same table imported. Both offerings are new now, so the preview recorded nothing.
        browser.submit(By.cssSelector("#confirm-import button[type=submit]"));
        assertThat(browser.find(By.id("import-report")).getText()).contains("regels verwerkt: 2; nieuwe opleidingen: 2; instroomcijfers vastgelegd: 4")
                .contains("Regels niet verwerkt: 2");
        assertThat(browser.driver().findElements(By.id("confirm-import"))).isEmpty();

        // In the regional overview, with its figures and the suppressed one kept as such; the rows left out are not.
        browser.open("/regions/Overijssel?institution=saxion").reloadUntil(page -> page.contains("Ad Journey Média"));
        WebElement enschede = browser.find(By.xpath("//main//section[h2/span[.='Enschede']]"));
        assertThat(enschede.findElement(By.xpath(".//tr[td[contains(., 'Ad Journey Média')]]")).getText()).contains("31").contains("<5");
        // One offering in all the municipalities: the row for Deventer, with the wrong form, was left out whole; the one in
        // Haaksbergen, a place the municipality table lacks, is under "region unknown".
        assertThat(browser.driver().findElements(By.xpath("//main//section[h2/span]//tr[td[contains(., 'Ad Journey Média')]]"))).hasSize(1);

        // An administrator places Haaksbergen in Overijssel, from the regional overview: its programme is there at once.
        signIn("admin");
        browser.open("/regions").reloadUntil(page -> page.contains("Haaksbergen"));
        WebElement unknown = browser.find(By.xpath("//table[@id='unknown-municipalities']//tr[th[.='Haaksbergen']]"));
        new org.openqa.selenium.support.ui.Select(unknown.findElement(By.name("province"))).selectByValue("Overijssel");
        unknown.findElement(By.name("labourMarketRegion")).sendKeys("Twente");
        browser.submit(By.xpath("//table[@id='unknown-municipalities']//tr[th[.='Haaksbergen']]//button"));
        assertThat(browser.text()).contains("Haaksbergen staat nu in de tabel van gemeenten");
        browser.open("/regions/Overijssel?institution=saxion");
        assertThat(browser.find(By.xpath("//main//section[h2/span[.='Haaksbergen']]")).getText()).contains("Ad Journey Média")
                .contains("arbeidsmarktregio Twente");
        // An administrator imports for any institution: an id the directory does not hold (a typo) is named in the preview.
        Path forNobody = java.nio.file.Files.createTempFile("instroom-beheer", ".csv");
        java.nio.file.Files.writeString(forNobody, "instelling;opleiding;vorm;vestiging;2023\nsaxon;Ad Journey Média;voltijd;Enschede;7\n");
        browser.open("/offerings/import");
        browser.find(By.id("file")).sendKeys(forNobody.toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("unknown-institutions")).getText()).isEqualTo("saxon (regel 2)");
        signIn("saxion-staff");
        assertThat(apiGet("admin", "/api/overview/regions/Zuid-Holland?institution=hr")).doesNotContain("Ad Journey");

        // An announcement's candidate location the table does not hold: its institution is told, and may amend it.
        String typo = idIn(api("saxion-staff", "POST", "/api/announcements", "{\"reference\":\"SX-UI-TYPO\",\"institution\":\"saxion\","
                + "\"programme\":{\"name\":\"Typo Lab\",\"level\":\"ASSOCIATE_DEGREE\",\"orientation\":\"HBO\",\"isatCode\":\"80177\","
                + "\"forms\":[\"VOLTIJD\"],\"language\":\"nl\",\"studyLoadEc\":120,\"durationYears\":2},"
                + "\"candidateLocations\":[\"Enschede\",\"Enschde\"],\"intendedStart\":\"" + nextSeptember() + "\"}", null, 201));
        browser.open("/announcements/" + typo);
        assertThat(browser.find(By.id("unknown-places")).getText()).startsWith("Niet in de tabel van gemeenten: Enschde.")
                .contains("De aankondiging wijzigen");
        assertThat(page("stuurgroep-ad-ci-member", "/announcements/" + typo).body()).contains("Typo Lab").doesNotContain("unknown-places");
    }

    /**
     * An administrator brings the municipality table up to date from CBS's file, saved by Excel (semicolons, its
     * character set): a row without a province is named and nothing changes; the mended file, previewed, takes
     * Saxion's programme in Losser out of "region unknown", and the table's places the file does not name stay. The
     * status page's data-quality view names what is still unknown.
     */
    @Test
    @Order(12)
    void anAdministratorUpdatesTheMunicipalityTableFromCbsFile() throws Exception {
        api("saxion-staff", "POST", "/api/offerings", "{\"institution\":\"saxion\",\"programmeName\":\"Ad Grensregio Media\","
                + "\"level\":\"ASSOCIATE_DEGREE\",\"form\":\"VOLTIJD\",\"location\":\"Losser\"}", null, 201);
        String header = "Gemeentecode;GemeentecodeGM;Gemeentenaam;Provinciecode;ProvinciecodePV;Provincienaam\r\n";
        Path folder = java.nio.file.Files.createTempDirectory("cbs");
        Path unreadable = folder.resolve("gemeenten-alfabetisch-2027-concept.csv");
        java.nio.file.Files.write(unreadable, (header + "0153;GM0153;Enschede;23;PV23;Overijssel\r\n0168;GM0168;Losser;23;PV23;Overijssel\r\n"
                + "1774;GM1774;Dinkelland;23;PV23;\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path cbs = folder.resolve("gemeenten-alfabetisch-2027.csv");
        java.nio.file.Files.write(cbs, (header + "0153;GM0153;Enschede;23;PV23;Overijssel\r\n0168;GM0168;Losser;23;PV23;Overijssel\r\n"
                + "1774;GM1774;Dinkelland;23;PV23;Overijssel\r\n").getBytes(java.nio.charset.Charset.forName("windows-1252")));

        signIn("admin");
        browser.open("/regions").reloadUntil(page -> page.contains("Losser"));
        // The start page counts the places the table does not know (Losser, and the typo Enschde above).
        browser.open("/");
        int unknownBefore = Integer.parseInt(browser.find(By.cssSelector("#for-operators .figure")).getText());
        assertThat(unknownBefore).isGreaterThanOrEqualTo(2);
        browser.open("/regions");
        browser.find(By.id("update-municipality-table")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/regions/municipalities/import") ? true : null);
        // Over the page's 2 MB (a wrong file, say): said beside the file field, as on the intake import.
        Path tooLarge = folder.resolve("gemeenten-te-groot.csv");
        java.nio.file.Files.writeString(tooLarge, header + "0153;GM0153;Enschede;23;PV23;Overijssel\r\n".repeat(60_000));
        browser.find(By.id("file")).sendKeys(tooLarge.toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("file-error")).getText()).contains("is groter dan 2 MB");
        browser.find(By.id("file")).sendKeys(unreadable.toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("import-preview")).getText()).contains("Er is nog niets veranderd").contains("Regels die niet lezen: 1");
        assertThat(browser.find(By.id("rejected-rows")).findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
                .containsExactly("4 provincie is leeg");
        assertThat(browser.driver().findElements(By.id("confirm-import"))).isEmpty();

        browser.find(By.linkText("Een ander bestand kiezen")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/regions/municipalities/import") ? true : null);
        browser.find(By.id("file")).sendKeys(cbs.toString());
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("import-preview")).getText()).contains("gemeenten gelezen: 3; toe te voegen: 2; te verplaatsen: 0; ongewijzigd: 1")
                .contains("blijven staan");
        assertThat(browser.find(By.id("added-municipalities")).findElements(By.cssSelector("tbody tr"))).extracting(WebElement::getText)
                .containsExactly("Losser Overijssel", "Dinkelland Overijssel");
        assertThat(browser.find(By.id("placed-municipalities")).getText()).isEqualTo("Losser");
        browser.screenshot(screenshots, "17-municipality-table");
        assertThat(apiGet("admin", "/api/overview/municipalities")).doesNotContain("Losser");

        browser.submit(By.cssSelector("#confirm-import button[type=submit]"));
        assertThat(browser.find(By.id("import-report")).getText()).contains("de gemeententabel is bijgewerkt").contains("toegevoegd: 2");
        // The table as it is now, to download for a spreadsheet: Losser is in it.
        browser.open("/regions/municipalities/import");
        String download = browser.find(By.xpath("//p[@id='current-table']/a[contains(., 'Excel')]")).getAttribute("href");
        assertThat(apiGet("admin", java.net.URI.create(download).getRawPath() + "?" + java.net.URI.create(download).getRawQuery()))
                .startsWith("\uFEFF\"municipality\";\"province\";\"labour market region\"").contains("\"Losser\";\"Overijssel\";");
        browser.open("/regions/Overijssel?institution=saxion");
        assertThat(browser.find(By.xpath("//main//section[h2/span[.='Losser']]")).getText()).contains("Ad Grensregio Media");
        assertThat(apiGet("admin", "/api/overview/regions")).doesNotContain("\"Losser\"").contains("Enschde");

        // The status page's data-quality view: the typo of the announcement above is still there, with its reference to
        // ask Saxion about; Losser is not.
        browser.open("/status");
        WebElement enschde = browser.find(By.xpath("//table[@id='unknown-places']//tr[th[.='Enschde']]"));
        assertThat(enschde.getText()).contains("Saxion").contains("SX-UI-TYPO");
        assertThat(browser.find(By.id("unknown-places")).getText()).doesNotContain("Losser");
        browser.open("/");
        assertThat(browser.find(By.cssSelector("#for-operators .figure")).getText()).isEqualTo(String.valueOf(unknownBefore - 1));
    }

    /**
     * Saxion's staff take out of the register the offerings the import above registered: the one in Enschede ends (a last
     * intake year before a recorded figure is named beside its field), and stays on the regional page, marked; the one in
     * Haaksbergen was registered in error and leaves the page. Only Saxion's staff are offered the link.
     */
    @Test
    @Order(11)
    void anInstitutionEndsAnOfferingCorrectsItsLastYearAndTakesOutOneRegisteredInError() throws Exception {
        assertThat(page("rocvantwente-consultee", "/regions/Overijssel?institution=saxion").body()).contains("Ad Journey Média")
                .doesNotContain("/discontinue");
        signIn("saxion-staff");
        browser.open("/regions/Overijssel?institution=saxion");
        WebElement end = browser.find(By.xpath("//main//section[h2/span[.='Enschede']]//tr[td[contains(., 'Ad Journey Média')]]"
                + "//a[@aria-label='Ad Journey Média beëindigen']"));
        // Another institution's staff at the form's address: told who may, and no form.
        String form = new URI(end.getAttribute("href")).getPath();
        assertThat(page("hu-staff", form).body()).contains("Alleen medewerkers van Saxion Hogeschool en beheerders beëindigen deze opleiding.")
                .doesNotContain("name=\"reason\"");
        end.click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/discontinue") ? true : null);
        assertThat(browser.text()).contains("Opleiding beëindigen: Ad Journey Média").contains("voltijd · Enschede").contains("2022: 31");

        // No reason chosen, and a last intake year before a recorded figure: each named beside its field, nothing recorded.
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("reason-error")).getText()).contains("moet ingevuld zijn");
        browser.find(By.cssSelector("input[name=reason][value=ENDED]")).click();
        browser.type("lastIntakeYear", "2022");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("lastIntakeYear-error")).getText()).contains("er is instroom vastgelegd voor 2023, na dat jaar");
        browser.screenshot(screenshots, "15-offering-discontinue");
        browser.type("lastIntakeYear", "2023");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Vastgelegd: deze opleiding stopt; de laatste instroom is in 2023.");
        // The year was wrong: corrected on the same page, which offers what is recorded to change.
        assertThat(browser.find(By.cssSelector("main h2")).getText()).isEqualTo("Beëindiging corrigeren");
        assertThat(browser.find(By.id("lastIntakeYear")).getAttribute("value")).isEqualTo("2023");
        assertThat(browser.find(By.cssSelector("input[name=reason][value=ENDED]")).isSelected()).isTrue();
        browser.type("lastIntakeYear", "2024");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Vastgelegd: deze opleiding stopt; de laatste instroom is in 2024.");

        // On the regional page, marked, with its figures, and no link to end it again.
        browser.find(By.linkText("Naar Overijssel")).click();
        // The link's page first: a reload before it commits would reload this page, and keep it (seen in CI).
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/regions/Overijssel") ? true : null);
        browser.reloadUntil(page -> page.contains("beëindigd · laatste instroom 2024"));
        WebElement ended = browser.find(By.xpath("//main//section[h2/span[.='Enschede']]//tr[td[contains(., 'Ad Journey Média')]]"));
        assertThat(ended.getText()).contains("beëindigd · laatste instroom 2024").contains("31").contains("<5");
        assertThat(ended.findElements(By.linkText("Beëindigen"))).isEmpty();

        // The one in Haaksbergen was registered in error, taken out from Saxion's register (every province on one page,
        // from the start page): it leaves the regional page; the timeline tells both.
        browser.open("/");
        browser.find(By.linkText("Uw bestaande opleidingen")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/offerings") ? true : null);
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Bestaande opleidingen van Saxion Hogeschool");
        assertThat(browser.find(By.xpath("//table[@id='offerings']//tr[td[contains(., 'Enschede')]][td[contains(., 'Ad Journey Média')]]")).getText())
                .contains("beëindigd · laatste instroom 2024").contains("Overijssel").contains("Corrigeren").doesNotContain("Beëindigen");
        browser.find(By.xpath("//table[@id='offerings']//tr[td[contains(., 'Haaksbergen')]]//a[@aria-label='Ad Journey Média beëindigen']")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/discontinue") ? true : null);
        browser.find(By.cssSelector("input[name=reason][value=REGISTERED_IN_ERROR]")).click();
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("als ten onrechte geregistreerd uit het register gehaald");
        assertThat(browser.driver().findElements(By.cssSelector("main form"))).isEmpty(); // final: nothing to correct
        browser.open("/regions/Overijssel?institution=saxion").reloadUntil(page -> !page.contains("Haaksbergen"));
        browser.open("/offerings");
        assertThat(browser.find(By.id("offerings")).getText()).contains("Enschede").doesNotContain("Haaksbergen");
        browser.screenshot(screenshots, "16-offerings-register");
        // Another institution's register is read, not changed: no link to end anything.
        assertThat(page("hu-staff", "/offerings?institution=saxion").body()).contains("Ad Journey Média").doesNotContain("/discontinue");
        browser.open("/timeline?institution=saxion&kind=nl.programmes.offering.discontinued.v1")
                .reloadUntil(page -> page.contains("ten onrechte geregistreerd"));
        assertThat(browser.text()).contains("Saxion Hogeschool Ad Journey Média (voltijd, Enschede) wordt beëindigd: de laatste instroom is in 2023.")
                .contains("Saxion Hogeschool Ad Journey Média (voltijd, Enschede) wordt beëindigd: de laatste instroom is in 2024.")
                .contains("Saxion Hogeschool Ad Journey Média (deeltijd, Haaksbergen) is uit het register gehaald: ten onrechte geregistreerd.");

        // Saxion keeps the programme in Enschede after all: from its register, the ending is withdrawn (after a
        // confirmation), and the offering runs on, on the regional page without an end; the timeline tells it.
        browser.open("/offerings");
        browser.find(By.xpath("//table[@id='offerings']//a[@aria-label='Beëindiging van Ad Journey Média corrigeren']")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/discontinue") ? true : null);
        browser.find(By.cssSelector("#resume button")).click();
        browser.waitFor(d -> ExpectedConditions.alertIsPresent().apply(d)).accept();
        browser.waitFor(d -> d.findElement(By.tagName("main")).getText().contains("de beëindiging is ingetrokken; de opleiding loopt door") ? true : null);
        assertThat(browser.driver().findElements(By.id("resume"))).isEmpty();
        browser.open("/regions/Overijssel?institution=saxion").reloadUntil(page -> !page.contains("beëindigd · laatste instroom 2024"));
        assertThat(browser.find(By.xpath("//main//section[h2/span[.='Enschede']]//tr[td[contains(., 'Ad Journey Média')]]"))
                .findElements(By.linkText("Beëindigen"))).hasSize(1);
        browser.open("/timeline?institution=saxion&kind=nl.programmes.offering.resumed.v1").reloadUntil(page -> page.contains("loopt toch door"));
        assertThat(browser.text()).contains("Saxion Hogeschool Ad Journey Média (voltijd, Enschede) loopt toch door: de beëindiging is ingetrokken.");
    }

    @Test
    @Order(9)
    void anAdministratorRegistersAPartnerSchoolAndGivesItAUser() {
        signIn("admin");
        browser.open("/organisations");
        assertThat(browser.find(By.id("o-rocvantwente")).getText()).contains("ROC van Twente").contains("partnerschool");
        browser.find(By.linkText("Organisatie registreren")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/organisations/new") ? true : null);

        // A malformed identifier and two of the directory's rules broken: all three named in one answer, beside their fields.
        browser.type("name", "Graafschap College").type("id", "Graafschap College").choose("kind", "STEERING_COMMITTEE")
                .type("brin", "01OE").type("locations", "Doetinchem, Doetinchem")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("id-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("brin-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("locations-error")).getText()).isNotBlank();
        assertThat(apiGet("admin", "/api/organisations")).doesNotContain("Graafschap College");

        browser.type("id", "graafschapcollege").choose("kind", "PARTNER_SCHOOL").type("locations", "Doetinchem, Winterswijk")
                .choose("region", "Gelderland").submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Graafschap College is geregistreerd");
        assertThat(browser.find(By.id("o-graafschapcollege")).getText()).contains("partnerschool").contains("Doetinchem, Winterswijk");
        browser.screenshot(screenshots, "12-organisations");

        browser.find(By.cssSelector("#o-graafschapcollege a[href$='/users']")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/organisations/graafschapcollege/users") ? true : null);
        assertThat(browser.text()).contains("Nog geen gebruikers");
        browser.find(By.linkText("Gebruiker toevoegen")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/organisations/graafschapcollege/users/new") ? true : null);
        browser.type("displayName", "Anna de Vries").type("username", "a.devries").tick("roles.CONSULTEE").type("password", "kort")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("password-error")).getText()).isNotBlank();
        assertThat(browser.find(By.id("password")).getAttribute("value")).isEmpty(); // a password is never sent back
        browser.type("password", "een-lang-genoeg-wachtwoord").submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Gebruiker a.devries kan zich nu aanmelden");
        // She also acts for the school's own programmes: another role, named in words on the list.
        browser.find(By.cssSelector("#u-a\\.devries a[href$='/edit']")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/users/a.devries/edit") ? true : null);
        browser.tick("roles.INSTITUTION_STAFF").submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("De wijziging van a.devries is opgeslagen");
        assertThat(browser.find(By.id("u-a.devries")).getText()).contains("geconsulteerde").contains("medewerker van een instelling")
                .contains("nog het eerste wachtwoord").contains("nog nooit aangemeld");

        // The entry changes; someone else changed it first: said plainly, and the form keeps this change to save again.
        browser.open("/organisations/graafschapcollege/edit").type("locations", "Doetinchem, Winterswijk, Zutphen");
        api("admin", "PUT", "/api/organisations/graafschapcollege", "{\"id\":\"graafschapcollege\",\"name\":\"Graafschap College\","
                + "\"kind\":\"PARTNER_SCHOOL\",\"brin\":\"01OE\",\"locations\":[\"Doetinchem\"],\"region\":\"Gelderland\"}", "\"1\"", 200);
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Iemand anders heeft deze organisatie intussen gewijzigd");
        assertThat(browser.find(By.id("locations")).getAttribute("value")).isEqualTo("Doetinchem, Winterswijk, Zutphen");
        browser.submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("De wijziging van Graafschap College is opgeslagen");
        assertThat(browser.find(By.id("o-graafschapcollege")).getText()).contains("Doetinchem, Winterswijk, Zutphen");

        // The new user signs in, acts for the school by its name, and is not offered the administrator's forms.
        signInWith("a.devries", "een-lang-genoeg-wachtwoord");
        assertThat(browser.find(By.cssSelector(".who")).getText()).isEqualTo("Anna de Vries · Graafschap College");
        // Signed in with the password the administrator gave, she is asked for her own first (the administrator knows it).
        assertThat(browser.path()).startsWith("/account");
        assertThat(browser.text()).contains("Kies nu een eigen wachtwoord");
        browser.type("currentPassword", "niet-het-wachtwoord").type("newPassword", "anna-haar-eigen-wachtwoord")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.find(By.id("currentPassword-error")).getText()).endsWith("is niet het huidige wachtwoord");
        assertThat(browser.find(By.id("newPassword")).getAttribute("value")).isEmpty();
        browser.type("currentPassword", "een-lang-genoeg-wachtwoord").type("newPassword", "anna-haar-eigen-wachtwoord")
                .submit(By.cssSelector("main form button[type=submit]"));
        assertThat(browser.text()).contains("Uw wachtwoord is gewijzigd");
        browser.find(By.linkText("Verder naar waar u heen ging")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/") ? true : null);
        assertThat(browser.text()).contains("Welkom, Anna de Vries");
        // Her account is behind the name in the header.
        browser.find(By.cssSelector(".who")).click();
        browser.waitFor(d -> d.getCurrentUrl().endsWith("/account") ? true : null);
        assertThat(browser.text()).doesNotContain("Kies nu een eigen wachtwoord");
        signInWith("a.devries", "anna-haar-eigen-wachtwoord");
        assertThat(browser.text()).contains("Welkom");
        browser.open("/organisations/new");
        assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("Alleen een beheerder registreert organisaties en voegt gebruikers toe");

        // She leaves the school: the administrator disables her account, and it signs in no more.
        signIn("admin");
        browser.open("/organisations/graafschapcollege/users");
        assertThat(browser.find(By.id("u-a.devries")).getText()).contains("Anna de Vries").contains("actief")
                .doesNotContain("nog het eerste wachtwoord").contains("laatst aangemeld op "
                        + BusinessCalendar.inWords(LocalDate.now(BusinessCalendar.NETHERLANDS), BusinessCalendar.DUTCH));
        browser.submit(By.cssSelector("#u-a\\.devries form[action$='/enabled'] button"));
        assertThat(browser.text()).contains("a.devries kan zich niet meer aanmelden");
        assertThat(browser.find(By.id("u-a.devries")).getText()).contains("uitgeschakeld");
        signInWith("a.devries", "anna-haar-eigen-wachtwoord");
        assertThat(browser.path()).startsWith("/sign-in");
    }

    private HttpResponse<String> page(String user, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.portal() + path))
                .header("Cookie", "session=" + platform.token(user)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response;
    }

    /** The newest timeline line's event id, through the portal's API as the user sees it. */
    private String newestLine(String user) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(platform.portal() + "/api/timeline?size=1")).header("Authorization", "Bearer " + platform.token(user))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher id = Pattern.compile("\"eventId\":\"([^\"]+)\"").matcher(response.body());
        assertThat(id.find()).as(response.body()).isTrue();
        return id.group(1);
    }

    /**
     * The overview goes away (a crash, a deployment) while people work: the start page and an announcement show what the
     * other services answered and say, in the page's language, which service did not answer; the consultations and the
     * decisions stay readable. When the overview is back, the announcement's page brings its matrix back by itself.
     * Last, because it stops a service the other steps read.
     */
    @Test
    @Order(13)
    void whenTheOverviewIsAwayPagesSaySoAndShowTheRestAndTheMatrixReturnsByItself() {
        platform.stopService("overview");
        try {
            signIn("stuurgroep-ad-ci-member");
            assertThat(browser.find(By.id("outages")).getText()).contains("Niet alles kon worden getoond")
                    .contains("De dienst voor de tijdlijn is nu niet bereikbaar. Probeer het over een minuut opnieuw.");
            assertThat(browser.text()).contains("Vraagt om een besluit"); // the steering agenda's card, from the steering service

            browser.open("/announcements/" + smartMediaProduction);
            assertThat(browser.find(By.id("outages")).getText()).contains("De dienst voor het overzicht is nu niet bereikbaar.");
            assertThat(browser.text()).contains("De matrix komt uit het overzicht, dat nu niet antwoordt")
                    .contains("Hogeschool van Arnhem en Nijmegen").contains("onderschreven");
            assertThat(browser.driver().findElements(By.cssSelector("table.matrix"))).isEmpty();
            browser.screenshot(screenshots, "18-overview-away");
        } finally {
            platform.startService("overview");
        }
        // The page asks again every two seconds while the matrix is missing; no reload by hand.
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60), java.time.Duration.ofMillis(500))
                .until(d -> !d.findElements(By.cssSelector("table.matrix")).isEmpty());
        assertThat(browser.driver().findElements(By.id("outages"))).isEmpty();
    }

    private void signIn(String user) {
        signInWith(user, DemoLoader.DEMO_PASSWORD);
        assertThat(browser.text()).contains("Welkom");
    }

    /** Signs out whoever was signed in, and signs in on the sign-in page; where that leads is the caller's to check. */
    private void signInWith(String user, String password) {
        browser.driver().manage().deleteCookieNamed("session");
        browser.open("/sign-in").type("username", user).type("password", password)
                .submit(By.cssSelector("main form button[type=submit]"));
    }

    private void recordMeetingThroughTheApi() {
        api("stuurgroep-ad-ci-member", "POST", "/api/steering-meetings", "{\"committee\":\"stuurgroep-ad-ci\",\"meetingDate\":\""
                + todayInTheNetherlands() + "\",\"minutes\":\"Live timeline check.\"}", null, 201);
    }

    private String apiGet(String user, String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(platform.portal() + path))
                    .header("Authorization", "Bearer " + platform.token(user)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Another user acting through the API while the browser has a page open. */
    /** The id a command's answer names (its first "id"). */
    private static String idIn(String answer) {
        Matcher id = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"").matcher(answer);
        assertThat(id.find()).as(answer).isTrue();
        return id.group(1);
    }

    private String api(String user, String method, String path, String json, String ifMatch, int expected) {
        try {
            HttpClient http = HttpClient.newHttpClient();
            String token = platform.token(user);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.portal() + path))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .method(method, HttpRequest.BodyPublishers.ofString(json));
            if (ifMatch != null) {
                request.header("If-Match", ifMatch);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static LocalDate todayInTheNetherlands() {
        return LocalDate.now(BusinessCalendar.NETHERLANDS);
    }

    /** A date as the Dutch pages write it: "12 september 2024". */
    private static String inDutch(LocalDate date) {
        return java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.forLanguageTag("nl")).format(date);
    }

    /** Sets the month field directly, without typing into it. */
    private void intendedStart(String month) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById('intendedStart').value = arguments[0]", month);
    }

    /** Sets a date field directly: what typing into one means depends on the browser's locale. */
    private void dateField(String id, LocalDate date) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("document.getElementById(arguments[0]).value = arguments[1]", id, date.toString());
    }

    private static String nextSeptember() {
        return (LocalDate.now().getYear() + 1) + "-09";
    }
}
