package nl.programmes.portal.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The small pure pieces of the web pages: message bundles, sparklines, form handling. */
class PagePiecesTest {

    @Test
    void dutchAndEnglishBundlesHaveTheSameKeysAndEveryKeyATemplateNamesExists() throws IOException {
        Properties dutch = bundle("nl");
        Properties english = bundle("en");
        assertThat(english.stringPropertyNames()).isEqualTo(dutch.stringPropertyNames());

        Pattern literal = Pattern.compile("#\\{([a-zA-Z.]+)[}(]|msg\\('([a-zA-Z.]+)'\\)");
        try (Stream<Path> views = Files.list(Path.of("src/main/resources/views"))) {
            for (Path view : views.toList()) {
                Matcher m = literal.matcher(Files.readString(view));
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    assertThat(dutch).as(view.getFileName() + " names " + key).containsKey(key);
                }
            }
        }
        // Keys built from values the services send: every value needs a text.
        for (String level : Choices.LEVELS) {
            assertThat(dutch).containsKey("level." + level);
        }
        for (String status : Choices.STATUSES) {
            assertThat(dutch).containsKey("status." + status);
        }
        for (String position : Choices.POSITIONS) {
            assertThat(dutch).containsKey("position." + position);
        }
        for (List<String> values : List.of(Choices.GROUNDS, Choices.FORMS, Choices.DECISIONS, Choices.CONSULTATION_KINDS)) {
            for (String value : values) {
                assertThat(dutch.stringPropertyNames()).anyMatch(k -> k.endsWith("." + value));
            }
        }
        nl.programmes.events.EventTypes.ALL.forEach(t -> assertThat(dutch).containsKey("event." + t.ceType()));
    }

    @Test
    void businessDatesAreWrittenOutInThePagesLanguage() {
        LocalTimes times = LocalTimes.INSTANCE;
        Locale dutch = Locale.forLanguageTag("nl");
        assertThat(times.day("2024-09-12", dutch)).isEqualTo("12 september 2024");
        assertThat(times.day("2025-03-01", Locale.ENGLISH)).isEqualTo("1 March 2025");
        assertThat(times.month("2027-09", dutch)).isEqualTo("september 2027");
        assertThat(times.month("2027-09", Locale.ENGLISH)).isEqualTo("September 2027");
        // Nothing given is nothing shown; a value that is no date is shown as it came rather than failing the page.
        assertThat(times.day(null, dutch)).isEmpty();
        assertThat(times.month("", dutch)).isEmpty();
        assertThat(times.day("volgende week", dutch)).isEqualTo("volgende week");
        assertThat(times.month("2027-13", dutch)).isEqualTo("2027-13");
    }

    @Test
    void anOrganisationIsNamedByItsDirectoryNameAndTheDirectoryIsReadOncePerPage() {
        AtomicInteger reads = new AtomicInteger();
        List<Boolean> forUnknown = new java.util.ArrayList<>();
        OrganisationNames.Names names = new OrganisationNames.Names(unknown -> {
            reads.incrementAndGet();
            forUnknown.add(unknown);
            return Map.of("han", "Hogeschool van Arnhem en Nijmegen");
        });
        assertThat(reads).hasValue(0); // a page that names no organisation does not read the directory
        assertThat(names.name("han")).isEqualTo("Hogeschool van Arnhem en Nijmegen");
        assertThat(names.name(null)).isEmpty();
        assertThat(reads).hasValue(1);
        // An id the names do not hold may be an organisation registered a moment ago: asked again once, then its id.
        assertThat(names.name("nieuw-roc")).isEqualTo("nieuw-roc");
        assertThat(names.name("nog-een")).isEqualTo("nog-een");
        assertThat(forUnknown).containsExactly(false, true);
    }

    @Test
    void serviceFieldMessagesAreLookedUpByTheirEnglishText() throws IOException {
        assertThat(ErrorTexts.key("must be a CROHO/ISAT code of 5 digits")).isEqualTo("must_be_a_croho_isat_code_of_5_digits");
        assertThat(ErrorTexts.key("may hold letters, digits and . _ / - only")).isEqualTo("may_hold_letters_digits_and_only");
        assertThat(bundle("nl")).containsEntry("validation.must_not_be_blank", "moet ingevuld zijn");
    }

    /**
     * The services' field messages written whole in their source (a message built from values is matched by a pattern,
     * above): each has a text in both bundles, so a page never shows one in English to a Dutch reader.
     */
    @Test
    void everyFieldMessageAServiceWritesWholeHasATextInBothLanguages() throws IOException {
        // new FieldViolation(field, "…"), the exceptions that carry one, a constraint's message = "…", and a constraint
        // annotation's own String message() default "…";
        Pattern whole = Pattern.compile("(?:(?:FieldViolation|InvalidCommandException|InvalidParameterException)\\(\\s*[^,;]+,\\s*|message\\s*=\\s*"
                + "|message\\(\\)\\s*default\\s*)\"((?:[^\"\\\\]|\\\\.)*)\"\\s*[);]");
        java.util.Set<String> messages = new java.util.TreeSet<>();
        Path root = Path.of("../..");
        for (Path sources : List.of(root.resolve("services"), root.resolve("infra/service-kit"))) {
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java") && f.toString().contains("/src/main/")
                        && !f.toString().contains("/portal/")).toList()) {
                    whole.matcher(Files.readString(file)).results().map(r -> r.group(1)).forEach(messages::add);
                }
            }
        }
        assertThat(messages).as("field messages found in the services' source").hasSizeGreaterThan(25)
                .contains("is not a steering committee in the directory", "must be a CROHO/ISAT code of 5 digits",
                        "is not a cursor a timeline page handed out (its nextCursor)");
        // A text in Dutch, by its key or by a pattern; the tests above see that English has the same keys and patterns.
        ErrorTexts texts = new ErrorTexts(new io.micronaut.context.i18n.ResourceBundleMessageSource("i18n.messages"), null);
        java.util.Locale dutch = java.util.Locale.forLanguageTag("nl");
        assertThat(messages.stream().filter(message -> texts.translate(message, dutch).equals(message)).toList())
                .as("field messages without a Dutch text (add validation.<key> to both bundles)").isEmpty();
    }

    @Test
    void whenTheDirectoryCannotBeReadAPageNamesOrganisationsAsReadBeforeAndIsNotHeldUpByIt() {
        java.util.concurrent.atomic.AtomicBoolean away = new java.util.concurrent.atomic.AtomicBoolean();
        AtomicInteger reads = new AtomicInteger();
        nl.programmes.portal.identity.application.DirectoryService directory = new nl.programmes.portal.identity.application.DirectoryService(null, null, null) {
            @Override
            public List<nl.programmes.portal.identity.domain.Organisation> all() {
                reads.incrementAndGet();
                if (away.get()) {
                    throw new IllegalStateException("Failed to obtain JDBC Connection");
                }
                return List.of(new nl.programmes.portal.identity.domain.Organisation("han", "Hogeschool van Arnhem en Nijmegen",
                        nl.programmes.events.organisation.OrganisationKind.HBO_INSTITUTION, null, null, List.of(), null, 1));
            }
        };
        java.util.concurrent.atomic.AtomicReference<java.time.Instant> now = new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-11-30T09:00:00Z"));
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return now.get();
            }
        };
        OrganisationNames organisations = new OrganisationNames(directory, clock);
        assertThat(name(organisations, "han")).isEqualTo("Hogeschool van Arnhem en Nijmegen");

        away.set(true);
        now.set(now.get().plus(OrganisationNames.FRESH_FOR).plusSeconds(1));
        // The read fails: the names read before stay, an id they lack is shown as it is, and the page asks no more.
        assertThat(name(organisations, "han")).isEqualTo("Hogeschool van Arnhem en Nijmegen");
        int afterFailure = reads.get();
        assertThat(name(organisations, "hu")).isEqualTo("hu");
        assertThat(reads).hasValue(afterFailure);
    }

    private static String name(OrganisationNames organisations, String id) {
        io.micronaut.views.ModelAndView<Map<String, Object>> view = new io.micronaut.views.ModelAndView<>("page", new java.util.HashMap<>());
        organisations.process(null, view);
        return ((OrganisationNames.Names) view.getModel().orElseThrow().get("orgs")).name(id);
    }

    @Test
    void aServiceWhoseDatabaseIsAwayIsSaidInThePagesLanguageByWhatItKeeps() {
        ErrorTexts texts = new ErrorTexts(new io.micronaut.context.i18n.ResourceBundleMessageSource("i18n.messages"), null);
        assertThat(texts.translate(nl.programmes.kit.problem.ProblemHandlers.Unexpected.DATABASE_AWAY_COMMAND.formatted("steering"),
                java.util.Locale.forLanguageTag("nl"))).isEqualTo("De dienst voor stuurgroepen kan zijn database nu niet bereiken, dus dit is"
                + " niet gedaan. Probeer het over een minuut opnieuw; wat u opnieuw verstuurt, wordt één keer vastgelegd.");
        assertThat(texts.translate(nl.programmes.kit.problem.ProblemHandlers.Unexpected.DATABASE_AWAY_READ.formatted("consultations"),
                java.util.Locale.forLanguageTag("nl"))).isEqualTo("De dienst voor consultaties kan zijn database nu niet bereiken. Probeer het"
                + " over een minuut opnieuw.");
    }

    @Test
    void everyMessagePatternWithValuesHasATextInBothLanguagesUsingOnlyItsValues() throws IOException {
        List<String> patterns = ErrorTexts.patterns();
        assertThat(patterns).hasSizeGreaterThan(10);
        Pattern slot = Pattern.compile("\\{(\\d)}");
        for (String pattern : patterns) {
            java.util.Set<String> values = slot.matcher(pattern).results().map(r -> r.group(1)).collect(java.util.stream.Collectors.toSet());
            assertThat(values).as(pattern).isNotEmpty();
            for (String language : List.of("nl", "en")) {
                String text = bundle(language).getProperty("validation." + ErrorTexts.key(pattern));
                assertThat(text).as(language + ": " + pattern).isNotNull();
                assertThat(slot.matcher(text).results().map(r -> r.group(1)).toList()).as(language + ": " + pattern).isSubsetOf(values);
            }
        }
    }

    @Test
    void aFieldMessageWithValuesIsShownInThePageLanguageWithTheSameValues() {
        ErrorTexts texts = new ErrorTexts(new io.micronaut.context.i18n.ResourceBundleMessageSource("i18n.messages"), null);
        java.util.Locale dutch = java.util.Locale.forLanguageTag("nl");
        // As Announcement, AnnouncementService, Consultation and DecisionRules write them, and as they read in Dutch.
        Map<String, String> dutchFor = new LinkedHashMap<>();
        // Dates and months among the values are written in words, as the pages write them.
        dutchFor.put("must not be in the past (it is 2026-11 now)", "mag niet in het verleden liggen (het is nu november 2026)");
        dutchFor.put("must not be before the application (2026-03-02)", "mag niet vóór de aanvraag liggen (2 maart 2026)");
        dutchFor.put("is already used by saxion for another announcement (A24-056)",
                "wordt al door saxion gebruikt voor een andere aankondiging (A24-056)");
        dutchFor.put("Hengelo is not a candidate location (candidates: Enschede, Deventer)",
                "Hengelo is geen kandidaat-locatie (kandidaten: Enschede, Deventer)");
        dutchFor.put("Hengelo is not a candidate location (Enschede, Deventer)", "Hengelo is geen kandidaat-locatie (Enschede, Deventer)");
        // A status or a step the service names in English reads in the page's language too.
        dutchFor.put("a submitted announcement cannot be withdrawn", "een aankondiging met status ingediend kan niet worden ingetrokken");
        dutchFor.put("a withdrawn announcement cannot be amended (it must be announced)",
                "een aankondiging met status ingetrokken kan niet worden gewijzigd; de status moet aangekondigd zijn");
        dutchFor.forEach((message, expected) -> assertThat(texts.translate(message, dutch)).as(message).isEqualTo(expected));
        assertThat(texts.translate("must be between 1990 and 2027", java.util.Locale.ENGLISH)).isEqualTo("must be between 1990 and 2027");
        assertThat(texts.translate("must not be before the application (2026-03-02)", java.util.Locale.ENGLISH))
                .isEqualTo("must not be before the application (2 March 2026)");
        // A value that looks like a placeholder stays what it was; a message no pattern knows is shown as sent.
        assertThat(texts.translate("names {1} twice", dutch)).isEqualTo("noemt {1} twee keer");
        assertThat(texts.translate("is somehow wrong (42)", dutch)).isEqualTo("is somehow wrong (42)");
        // A message with a key of its own still goes by its key.
        assertThat(texts.translate("must not be blank", dutch)).isEqualTo("moet ingevuld zijn");
    }

    @Test
    void aSparklineBreaksAtASuppressedFigureInsteadOfInventingOne() {
        Map<String, String> intake = new LinkedHashMap<>();
        intake.put("2020", "12");
        intake.put("2021", "<5");
        intake.put("2022", "20");
        intake.put("2023", "18");

        assertThat(Sparkline.segments(intake)).hasSize(2);
        assertThat(Sparkline.segments(intake).get(0)).doesNotContain(" "); // one point before the gap
        assertThat(Sparkline.describe(intake)).isEqualTo("2020: 12, 2021: <5, 2022: 20, 2023: 18");
        assertThat(Sparkline.segments(Map.of("2023", "7"))).isEmpty();
    }

    @Test
    void formsKeepWhatWasTypedAndPassAnUnreadableNumberOnAsTyped() {
        Form form = new Form(Map.of("programme.studyLoadEc", "veel", "programme.durationYears", "1,5", "capacityLimit", "40",
                "programme.forms.VOLTIJD", "on", "programme.forms.DEELTIJD", List.of("on"),
                "candidateLocations", "Enschede, Deventer,\nApeldoorn", "empty", " "));

        // The service names a number it cannot read with the form's other mistakes, and records nothing.
        assertThat(form.whole("programme.studyLoadEc")).isEqualTo("veel");
        assertThat(form.whole("capacityLimit")).isEqualTo(40);
        assertThat(form.decimal("programme.durationYears")).isEqualTo(new java.math.BigDecimal("1.5"));
        assertThat(form.whole("empty")).isNull();
        assertThat(form.checked("programme.forms")).containsExactlyInAnyOrder("VOLTIJD", "DEELTIJD");
        assertThat(form.list("candidateLocations")).containsExactly("Enschede", "Deventer", "Apeldoorn");
        assertThat(form.text("empty")).isNull();
        form.withErrors(Map.of("programme.studyLoadEc", "must be a whole number", "reference", "must not be blank"));
        assertThat(form.errors()).containsEntry("programme.studyLoadEc", "must be a whole number")
                .containsEntry("reference", "must not be blank");
        assertThat(form.values()).containsEntry("programme.studyLoadEc", "veel");
    }

    @Test
    void aDeadlineSaysWhatItLeaves() {
        java.time.LocalDate today = java.time.LocalDate.now(nl.programmes.kit.config.BusinessCalendar.NETHERLANDS);
        assertThat(LocalTimes.INSTANCE.daysUntil(today.toString())).isZero();
        assertThat(LocalTimes.INSTANCE.daysUntil(today.plusWeeks(6).toString())).isEqualTo(42);
        assertThat(LocalTimes.INSTANCE.daysUntil(today.minusDays(3).toString())).isEqualTo(-3);
        assertThat(LocalTimes.INSTANCE.daysUntil("volgende week")).isNull();
        assertThat(LocalTimes.INSTANCE.daysUntil(null)).isNull();
    }

    @Test
    void theErrorSummaryFollowsTheFormFromTopToBottom() {
        Map<String, Object> sent = new LinkedHashMap<>();
        for (String field : List.of("reference", "programme.name", "programme.isatCode", "programme.forms.VOLTIJD",
                "candidateLocations", "intendedStart", "p0.position", "p0.explanation", "p1.position", "agenda")) {
            sent.put(field, "x");
        }
        Map<String, String> alphabetical = new LinkedHashMap<>();
        for (String field : List.of("agenda[1]", "intendedStart", "p1.grounds", "p0.explanation", "programme.forms[0]",
                "programme.isatCode", "reference", "status")) {
            alphabetical.put(field, "wrong");
        }
        // A field no input sent (p1's grounds, no box ticked) stands with the rest of its group; one the form does not
        // hold at all (status) goes last.
        assertThat(new Form(sent).withErrors(alphabetical).errors().keySet()).containsExactly("reference", "programme.isatCode",
                "programme.forms[0]", "intendedStart", "p0.explanation", "p1.grounds", "agenda[1]", "status");
    }

    @Test
    void positionErrorsLandBesideTheLocationTheyBelongTo() {
        var sent = List.<Map<String, Object>>of(Map.of("location", "Deventer"));
        List<String> locations = List.of("Enschede", "Deventer", "Apeldoorn");

        assertThat(ConsultationPages.formField("positions[0].grounds", sent, locations)).isEqualTo("p1.grounds");
        assertThat(ConsultationPages.formField("positions[0]", sent, locations)).isEqualTo("p1.position");
        assertThat(ConsultationPages.formField("meetingDate", sent, locations)).isEqualTo("meetingDate");
    }

    @Test
    void signInOnlyReturnsToLocalPages() {
        assertThat(SignInPages.safe("/announcements/1")).isEqualTo("/announcements/1");
        assertThat(SignInPages.safe("//evil.example/")).isEqualTo("/");
        assertThat(SignInPages.safe("https://evil.example/")).isEqualTo("/");
        assertThat(SignInPages.safe(null)).isEqualTo("/");
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PagePiecesTest.class.getResourceAsStream("/i18n/messages_" + language + ".properties")) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void momentsReadInDutchTimeWinterAndSummer() {
        assertThat(LocalTimes.INSTANCE.second("2026-11-27T23:30:00Z")).isEqualTo("2026-11-28 00:30:00");
        assertThat(LocalTimes.INSTANCE.date("2026-11-27T23:30:00.123456Z", Locale.forLanguageTag("nl"))).isEqualTo("28 november 2026");
        // Recorded on its business date (Dutch time): the time alone; on another day, the day too.
        assertThat(LocalTimes.INSTANCE.recorded("2026-11-27T23:30:00Z", "2026-11-28", Locale.forLanguageTag("nl")))
                .isEqualTo(new LocalTimes.Recorded(true, "28 november 2026", "00:30"));
        assertThat(LocalTimes.INSTANCE.recorded("2026-07-01T22:15:09Z", "2024-09-12", Locale.ENGLISH))
                .isEqualTo(new LocalTimes.Recorded(false, "2 July 2026", "00:15"));
        assertThat(LocalTimes.INSTANCE.second("2026-07-01T22:15:09Z")).isEqualTo("2026-07-02 00:15:09");
        assertThat(LocalTimes.INSTANCE.second(null)).isEmpty();
        assertThat(LocalTimes.INSTANCE.date(null, Locale.ENGLISH)).isEmpty();
    }
}
