package nl.programmes.portal;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import nl.programmes.testkit.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service that is down, or that takes a request and never answers, on real sockets: the gateway answers API clients
 * with a problem naming it (503 with Retry-After, 504), a page that needs it says so in the page's language, a form keeps
 * what was typed and says that sending it again is safe, and the start page shows what it can instead of failing whole.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceOutageTest implements TestPropertyProvider {

    private final ServiceUnderTest portal = TestPlatform.get().service("portal");
    private final TestTokens tokens = TestPlatform.get().tokens();

    /** Takes connections and never answers: a service that hangs (a stopped process, a full pool, a lock it waits on). */
    private final ServerSocket silent = open();
    private final List<Socket> held = new CopyOnWriteArrayList<>();

    @Inject
    EmbeddedServer server;

    /** How long the gateway waits for a command's answer here (120 s as shipped); a read waits 1 s here (30 s as shipped). */
    private static final Duration COMMANDS_WAIT = Duration.ofSeconds(8);

    /** The JDK's client: the portal's read timeouts (for its proxy) would cut a Micronaut client short too. */
    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        String down = "http://127.0.0.1:" + closedPort();
        String hanging = "http://127.0.0.1:" + silent.getLocalPort();
        Thread accepting = new Thread(() -> {
            while (!silent.isClosed()) {
                try {
                    held.add(silent.accept());
                } catch (IOException e) {
                    return;
                }
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        int own = closedPort();
        Map<String, String> properties = new HashMap<>(portal.properties());
        properties.put("micronaut.server.port", Integer.toString(own));
        // A service that is well: the portal itself, under a path of its own, for the status page's list of services.
        properties.put("platform.gateway.routes.well", "http://127.0.0.1:" + own);
        properties.put("platform.identity.bcrypt-cost", "4");
        properties.put("platform.identity.secure-cookie", "false");
        properties.put("platform.gateway.routes.overview", down);
        properties.put("platform.gateway.routes.timeline", down);
        properties.put("platform.gateway.routes.consultations", down);
        properties.put("platform.gateway.routes.announcements", hanging);
        properties.put("platform.gateway.routes.steering-agenda", hanging);
        properties.put("platform.gateway.routes.steering-decisions", hanging);
        properties.put("micronaut.http.services.gateway-commands.read-timeout", COMMANDS_WAIT.toSeconds() + "s");
        properties.put("micronaut.http.services.gateway-reads.read-timeout", "1s");
        properties.put("platform.portal.answer-within", "2s");
        return properties;
    }

    @AfterAll
    void close() throws IOException {
        silent.close();
        for (Socket socket : held) {
            socket.close();
        }
    }

    @Test
    void theGatewayNamesTheServiceThatIsDownAndWhenToTryAgain() {
        HttpResponse<String> down = send(get("/api/overview/regions")
                .header("Authorization", "Bearer " + tokens.mint("secretary", "stuurgroep-ad-ci", "STEERING_MEMBER")));
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(down.headers().firstValue("Retry-After")).contains("60");
        assertThat(down.body()).contains("\"detail\":\"The service for overview is not reachable just now. Try again in a minute.\"");
    }

    @Test
    void theGatewaySaysWhenAServiceDidNotAnswerInTimeAndThatACommandMayStillBeRecorded() {
        String secretary = "Bearer " + tokens.mint("secretary", "stuurgroep-ad-ci", "STEERING_MEMBER");
        long start = System.nanoTime();
        HttpResponse<String> read = send(get("/api/steering-agenda").header("Authorization", secretary));
        Duration readWaited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(read.statusCode()).isEqualTo(504);
        assertThat(read.body()).contains("\"detail\":\"The service for steering-agenda did not answer in time. Try again in a minute.\"");

        start = System.nanoTime();
        HttpResponse<String> command = send(get("/api/steering-decisions").header("Authorization", secretary)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        Duration commandWaited = Duration.ofNanos(System.nanoTime() - start);
        assertThat(command.statusCode()).isEqualTo(504);
        // Which wait applies, not how fast: a read gives up after the reads' own timeout, well before a command's ends.
        assertThat(readWaited).isLessThan(COMMANDS_WAIT.minusSeconds(1));
        assertThat(commandWaited).isGreaterThanOrEqualTo(COMMANDS_WAIT.minusMillis(100));
        assertThat(command.body()).contains("The service for steering-decisions did not answer in time, so what was sent may still be recorded.")
                .contains("the same Idempotency-Key");
    }

    @Test
    void aPageThatNeedsAServiceThatIsDownSaysSoInThePagesLanguage() {
        String session = "session=" + tokens.mint("secretary", "stuurgroep-ad-ci", "STEERING_MEMBER");
        HttpResponse<String> dutch = send(get("/regions").header("Cookie", session));
        assertThat(dutch.statusCode()).isEqualTo(503);
        assertThat(dutch.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(dutch.body()).contains("Dit kon niet worden getoond")
                .contains("De dienst voor het overzicht is nu niet bereikbaar. Probeer het over een minuut opnieuw.");

        // The timeline keeps its filters on the page and says the problem above them, as it does for a filter it refuses.
        HttpResponse<String> english = send(get("/timeline?announcement=A24-056").header("Cookie", session + "; lang=en"));
        assertThat(english.body()).contains("value=\"A24-056\"").contains("The service for the timeline is not reachable just now. Try again in a minute.");
    }

    @Test
    void theStartPageShowsWhatItCanAndSaysWhatItCouldNotRead() {
        HttpResponse<String> page = send(get("/").header("Cookie", "session=" + tokens.mint("secretary", "stuurgroep-ad-ci", "STEERING_MEMBER")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Niet alles kon worden getoond")
                .contains("De dienst voor consultaties is nu niet bereikbaar.")
                .contains("De dienst voor de agenda van stuurgroepen antwoordde niet op tijd.")
                .contains("De dienst voor de tijdlijn is nu niet bereikbaar.")
                // the links to the whole timeline and the regions stay; no empty list pretends that nothing happened
                .contains("href=\"/timeline\"").contains("href=\"/regions\"")
                .doesNotContain("Hier is nog niets gebeurd").doesNotContain("Vraagt om een besluit");
    }

    @Test
    void aFormSentToAServiceThatDidNotAnswerKeepsWhatWasTypedAndSaysSendingItAgainIsSafe() {
        HttpResponse<String> sent = send(get("/announcements/new")
                .header("Cookie", "session=" + tokens.mint("saxion-staff", "saxion", "INSTITUTION_STAFF"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("reference=A26-900&programme.name=Smart+Media+Production"
                        + "&programme.level=ASSOCIATE_DEGREE&candidateLocations=Enschede&intendedStart=2028-09&commandKey=form-1")));
        // The form is shown again with the key it was sent with, so sending it again as it is cannot record it twice.
        assertThat(sent.body()).contains("De dienst voor aankondigingen antwoordde niet op tijd, dus wat u verstuurde kan toch zijn vastgelegd."
                        + " Verstuur het formulier gerust opnieuw zoals het is: het wordt één keer vastgelegd.")
                .contains("value=\"Smart Media Production\"").contains("value=\"form-1\"");
    }

    @Test
    void theStatusPageSaysWhichServiceIsAwayWhenTheOverviewIsTheOne() {
        HttpResponse<String> page = send(get("/status").header("Cookie", "session=" + tokens.mint("admin", "platform", "ADMIN")));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("De dienst voor het overzicht is nu niet bereikbaar.")
                .doesNotContain("gebeurtenissen verwerkt") // the overview's own status, which it could not read
                .contains("<tr data-state=\"UNREACHABLE\">").contains("/api/overview, /api/timeline").contains("niet bereikbaar")
                .contains("<tr data-state=\"NO_ANSWER\">").contains("antwoordt niet op tijd")
                .contains("<tr data-state=\"UP\">").contains("<th scope=\"row\">portal</th>");
    }

    private java.net.http.HttpRequest.Builder get(String path) {
        return java.net.http.HttpRequest.newBuilder(server.getURI().resolve(path)).timeout(Duration.ofSeconds(30));
    }

    private HttpResponse<String> send(java.net.http.HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ServerSocket open() {
        try {
            return new ServerSocket(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A port nothing listens on: taken and let go, so a connection to it is refused. */
    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
