package nl.programmes.runtime;

import io.micronaut.core.type.Argument;
import io.micronaut.serde.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Loads the demo case (demo-case.md) through the public API, as the demo users, so every fact is a
 * real event: the intake table, Saxion's A24-056 with the steering group's endorsement, both regional
 * board meetings, HAN's and HU's positions per location, and the application for Enschede only. Two
 * fictional announcements add texture and say so in their summary. Running it again changes nothing.
 */
public final class DemoLoader {

    public static final String DEMO_PASSWORD = "demo-only-password";
    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);

    private final String portal;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = ObjectMapper.getDefault();
    private final Map<String, String> tokens = new HashMap<>();

    public DemoLoader(String portalUrl) {
        this.portal = portalUrl;
    }

    /** The ids the case produced, for whoever wants to look at them. */
    public record Loaded(String smartMediaProduction, boolean alreadyThere) {
    }

    /** Loads everything, the application for Enschede included. */
    public Loaded load() {
        Loaded loaded = loadUntilApplication();
        if (!loaded.alreadyThere()) {
            submitApplicationForEnschede(loaded.smartMediaProduction());
            loadFictionalTexture();
        }
        return loaded;
    }

    /** Everything of the case up to (not including) Saxion's application of 26 March 2025. */
    public Loaded loadUntilApplication() {
        Optional<String> existing = announcementId("saxion", "A24-056");
        if (existing.isPresent()) {
            LOG.info("Demo case already loaded (A24-056 is {}); nothing to do", existing.get());
            return new Loaded(existing.get(), true);
        }
        LOG.info("Loading the demo case through the API");
        send("admin", "POST", "/api/offerings/import", resource("demo/intake-table.csv"), "text/csv");

        String id = (String) send("saxion-staff", "POST", "/api/announcements", Map.of(
                "reference", "A24-056", "institution", "saxion",
                "programme", Map.of("name", "Smart Media Production", "level", "ASSOCIATE_DEGREE", "orientation", "HBO",
                        "isatCode", "80179", "forms", List.of("VOLTIJD", "DEELTIJD"), "language", "nl", "studyLoadEc", 120,
                        "durationYears", 2, "rioSector", "Techniek",
                        "domain", "Ad cluster Creatieve Industrie; domein Technologie & Media"),
                "candidateLocations", List.of("Enschede", "Deventer", "Apeldoorn"),
                // The case's intended start was September 2026, which has passed; the demo keeps the month.
                "intendedStart", "2027-09",
                "summary", "Associate degree Smart Media Production in the east of the Netherlands (demo case; the "
                        + "application intended to start in September 2026).",
                "labourMarketEvidence", Map.of("text", "Regional demand for smart media producers in Twente and Salland.",
                        "sources", List.of("Saxion macrodoelmatigheidsaanvraag 2025, section 8"))), null).get("id");

        // The replicas of the consulting and steering services follow the announcement's event: wait for them.
        String endorsement = (String) retryUntilKnown(() -> send("stuurgroep-ad-ci-member", "POST", "/api/steering-decisions", Map.of(
                "committee", "stuurgroep-ad-ci", "announcementId", id, "meetingDate", "2024-09-12", "decision", "ENDORSED",
                "rationale", "Members (HvA, NHL Stenden) react very positively to offering Smart Media Production in the "
                        + "east of the country."), null)).get("id");
        send("stuurgroep-ad-ci-member", "POST", "/api/steering-meetings", Map.of("committee", "stuurgroep-ad-ci",
                "meetingDate", "2024-09-12", "agenda", List.of(id),
                "minutes", "Saxion notified the Ad steering group of its intention to start Smart Media Production.",
                "decisions", List.of(endorsement)), null);

        String boardSeptember = consult(id, "bestuurlijk-overleg-oost", "REGIONAL_BOARD", "Bestuurlijk overleg Saxion–Windesheim");
        positions("bestuurlijk-overleg-oost-member", boardSeptember, "2024-09-16", null, null, noted());
        String han = consult(id, "han", "BILATERAL", null);
        positions("han-staff", han, "2024-11-12", "HAN plans the Ads Crossmediale Communicatie and Online Content Creator "
                        + "in Arnhem and prefers Enschede over Apeldoorn because of the effect on its own intake.",
                "Develop together to avoid overlap.", List.of(
                        position("Enschede", "NO_OBJECTION", false, true), position("Deventer", "NO_OBJECTION", false, false),
                        position("Apeldoorn", "NO_OBJECTION", false, false)));
        String boardDecember = consult(id, "bestuurlijk-overleg-oost", "REGIONAL_BOARD", "Bestuurlijk overleg Saxion–HAN");
        positions("bestuurlijk-overleg-oost-member", boardDecember, "2024-12-03", null, null, noted());
        String hu = consult(id, "hu", "BILATERAL", null);
        positions("hu-staff", hu, "2024-12-10", "HU offers the Ads Online Content Creator and Digitale Techniek & Media in "
                        + "Amersfoort and sees chances for cooperation.", null, List.of(
                        position("Enschede", "NO_OBJECTION", false, false), position("Deventer", "NO_OBJECTION", false, false),
                        Map.of("location", "Apeldoorn", "position", "OBJECTION", "provisional", true,
                                "grounds", List.of("STUDENT_COMPETITION"),
                                "explanation", "For now: the effect on the intake of HU's Ads in Amersfoort.")));
        return new Loaded(id, false);
    }

    public void submitApplicationForEnschede(String announcementId) {
        send("saxion-staff", "POST", "/api/announcements/" + announcementId + "/application", Map.of("submittedOn", "2025-03-26",
                "locations", List.of("Enschede"), "forms", List.of("VOLTIJD", "DEELTIJD")), null);
    }

    /**
     * Three fictional announcements, labelled so, for texture: an objection on labour-market grounds, a withdrawal, and a
     * partner school asked for its position.
     */
    public void loadFictionalTexture() {
        String mbo = (String) send("rocnoord-staff", "POST", "/api/announcements", Map.of("reference", "RN-2026-03",
                "institution", "rocnoord", "programme", Map.of("name", "Mediavormgever (fictief)", "level", "MBO_4",
                        "orientation", "MBO", "crebo", "25566", "forms", List.of("BOL", "BBL"), "language", "nl",
                        "studyLoadEc", 0, "durationYears", 3, "rioSector", "ICT en creatieve industrie", "domain", "Media en vormgeving"),
                "candidateLocations", List.of("Leeuwarden", "Groningen"), "intendedStart", "2027-08",
                "summary", "FICTIONAL demo announcement: an mbo-4 programme in the north."), null).get("id");
        String consultation = (String) retryUntilKnown(() -> send("rocnoord-staff", "POST", "/api/consultations", Map.of(
                "announcementId", mbo, "consultedOrganisation", "nhlstenden", "kind", "BILATERAL"), null)).get("id");
        positions("nhlstenden-staff", consultation, "2025-10-01", "FICTIONAL.", null, List.of(
                position("Leeuwarden", "NO_OBJECTION", false, false),
                Map.of("location", "Groningen", "position", "OBJECTION", "grounds", List.of("LABOUR_MARKET"),
                        "explanation", "Fictional: the regional labour market does not need a second programme in Groningen.")));

        String bachelor = (String) send("windesheim-staff", "POST", "/api/announcements", Map.of("reference", "WH-2026-11",
                "institution", "windesheim", "programme", Map.of("name", "Creative Media (fictief)", "level", "BACHELOR",
                        "orientation", "HBO", "isatCode", "34739", "forms", List.of("VOLTIJD"), "language", "nl",
                        "studyLoadEc", 240, "durationYears", 4, "rioSector", "Techniek"),
                "candidateLocations", List.of("Zwolle"), "intendedStart", "2028-09",
                "summary", "FICTIONAL demo announcement: a Bachelor that gets withdrawn."), null).get("id");
        send("windesheim-staff", "POST", "/api/announcements/" + bachelor + "/withdrawal",
                Map.of("reason", "Fictional: merged into an existing Bachelor."), null);

        // A partner school asked about a programme its graduates would feed (Saxion's application names ROC van
        // Twente's mbo-4 graduates among its potential intake), so the school's start page and inbox have a request
        // waiting for its answer.
        String feeder = (String) send("saxion-staff", "POST", "/api/announcements", Map.of("reference", "SX-2026-05",
                "institution", "saxion", "programme", Map.of("name", "Creative Technology (fictief)", "level", "ASSOCIATE_DEGREE",
                        "orientation", "HBO", "isatCode", "80199", "forms", List.of("VOLTIJD"), "language", "nl",
                        "studyLoadEc", 120, "durationYears", 2, "domain", "Ad cluster Creatieve Industrie"),
                "candidateLocations", List.of("Hengelo"), "intendedStart", "2028-09",
                "summary", "FICTIONAL demo announcement: a partner school is asked for its position."), null).get("id");
        retryUntilKnown(() -> send("saxion-staff", "POST", "/api/consultations", Map.of("announcementId", feeder,
                "consultedOrganisation", "rocvantwente", "kind", "BILATERAL",
                "dueDate", java.time.LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusWeeks(6).toString()), null));
    }

    private String consult(String announcementId, String organisation, String kind, String note) {
        Map<String, Object> body = new HashMap<>(Map.of("announcementId", announcementId, "consultedOrganisation", organisation,
                "kind", kind));
        if (note != null) {
            body.put("note", note);
        }
        return (String) retryUntilKnown(() -> send("saxion-staff", "POST", "/api/consultations", body, null)).get("id");
    }

    private void positions(String user, String consultation, String meetingDate, String summary, String agreements,
                           List<Map<String, Object>> positions) {
        Map<String, Object> body = new HashMap<>(Map.of("meetingDate", meetingDate, "positions", positions));
        if (summary != null) {
            body.put("summary", summary);
        }
        if (agreements != null) {
            body.put("agreements", agreements);
        }
        send(user, "PUT", "/api/consultations/" + consultation + "/positions", body, null);
    }

    private static List<Map<String, Object>> noted() {
        return List.of(position("Enschede", "NOTED", false, false), position("Deventer", "NOTED", false, false),
                position("Apeldoorn", "NOTED", false, false));
    }

    private static Map<String, Object> position(String location, String position, boolean provisional, boolean preferred) {
        return Map.of("location", location, "position", position, "provisional", provisional, "preferred", preferred);
    }

    private Optional<String> announcementId(String institution, String reference) {
        Map<String, Object> page = send("saxion-staff", "GET", "/api/announcements?institution=" + institution + "&size=200", null, null);
        return ((List<?>) page.get("items")).stream().map(i -> (Map<?, ?>) i)
                .filter(i -> reference.equals(i.get("reference"))).map(i -> (String) i.get("id")).findFirst();
    }

    /** A service that has not seen the announcement yet answers 422; its replica catches up within moments. */
    private Map<String, Object> retryUntilKnown(java.util.function.Supplier<Map<String, Object>> call) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (DemoLoadException e) {
                if (e.status != 422 || System.nanoTime() > deadline) {
                    throw e;
                }
                Ports.sleep(250);
            }
        }
    }

    private Map<String, Object> send(String user, String method, String path, Object body, String contentType) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(portal + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(user));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
                request.header("Content-Type", contentType == null ? "application/json" : contentType)
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new DemoLoadException(response.statusCode(), method + " " + path + " as " + user + ": "
                        + response.statusCode() + " " + response.body());
            }
            return response.body().isBlank() ? Map.of() : json.readValue(response.body(), Argument.mapOf(String.class, Object.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, u -> {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(portal + "/api/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(Map.of("username", u,
                                "password", DEMO_PASSWORD)))).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new DemoLoadException(response.statusCode(), "Could not sign in as " + u + ": " + response.body());
                }
                return (String) json.readValue(response.body(), Argument.mapOf(String.class, Object.class)).get("token");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static String resource(String name) {
        try (InputStream in = DemoLoader.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An API call the demo needed was refused. */
    public static final class DemoLoadException extends RuntimeException {
        private final int status;

        DemoLoadException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }
}
