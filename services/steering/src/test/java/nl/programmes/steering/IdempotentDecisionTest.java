package nl.programmes.steering;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.events.Actor;
import nl.programmes.events.Topics;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.kit.command.IdempotencyKeyPurge;
import nl.programmes.kit.command.IdempotentCommands;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.EventPublisher;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A decision sent again with the same Idempotency-Key (a retry after a timeout, a form submitted twice) is recorded
 * once, and every repeat is answered as the first was: on the real database, with the outbox as the proof that no
 * second event was written.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentDecisionTest implements TestPropertyProvider {

    private static final Actor ADMIN = new Actor("admin", "Administrator", "platform");
    private static final String COMMITTEE = "stuurgroep-ad-ci";

    private final ServiceUnderTest steering = TestPlatform.get().service("steering");
    private final EventPublisher publisher = new EventPublisher(steering);
    private final String member = TestPlatform.get().tokens().mint("stuurgroep-secretary", COMMITTEE, "STEERING_MEMBER");
    private final String otherMember = TestPlatform.get().tokens().mint("stuurgroep-chair", COMMITTEE, "STEERING_MEMBER");
    private final String announcement = UUID.randomUUID().toString();

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    IdempotencyKeyPurge purge;

    @Override
    public Map<String, String> getProperties() {
        return steering.properties();
    }

    @BeforeAll
    void anAnnouncementBeforeTheCommittee() {
        publisher.publish(new OrganisationRegistered(COMMITTEE, "Stuurgroep Landelijk Ad-overleg Cluster Creatieve Industrie",
                OrganisationKind.STEERING_COMMITTEE, null, null, List.of(), null, ADMIN));
        publisher.publish(new ProgrammeAnnounced(announcement, "A24-056", "saxion",
                new Programme("Smart Media Production", ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO, "80179", null,
                        List.of(ProgrammeForm.VOLTIJD), "nl", 120, BigDecimal.valueOf(2), "Techniek", null),
                List.of("Enschede", "Deventer"), "2026-09", null, null, null, new Actor("saxion-staff", "Saxion", "saxion")));
        for (String topic : List.of(Topics.ORGANISATIONS, Topics.PROGRAMME_ANNOUNCEMENTS)) {
            EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), steering.topicPrefix() + "steering", steering.topic(topic));
        }
    }

    @AfterAll
    void close() {
        publisher.close();
    }

    @Test
    void aDecisionSentTwiceWithOneKeyIsRecordedOnceAndAnsweredAlike() {
        Map<String, Object> decision = decision("Members welcome the programme.");
        long outbox = outbox();
        HttpResponse<Map> first = decide(decision, "retry-1", member);
        HttpResponse<Map> again = decide(decision, "retry-1", member);

        assertThat(first.code()).isEqualTo(201);
        assertThat(first.header(IdempotentCommands.REPLAYED)).isNull();
        assertThat(again.code()).isEqualTo(201);
        assertThat(again.header(IdempotentCommands.REPLAYED)).isEqualTo("true");
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(decisions()).filteredOn(d -> d.get("rationale").equals("Members welcome the programme.")).hasSize(1);
        assertThat(outbox()).isEqualTo(outbox + 1);

        // The key is the caller's: another member's same key is another command.
        HttpResponse<Map> another = decide(decision, "retry-1", otherMember);
        assertThat(another.body().get("id")).isNotEqualTo(first.body().get("id"));
        assertThat(outbox()).isEqualTo(outbox + 2);
    }

    @Test
    void aKeyUsedForAnotherRequestIsRefusedNamingTheHeader() {
        decide(decision("The first one."), "mixed-up", member);
        long outbox = outbox();
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class,
                () -> decide(decision("Another one."), "mixed-up", member));
        assertThat(refused.getStatus().getCode()).isEqualTo(422);
        assertThat(refused.getResponse().getBody(String.class).orElseThrow()).contains("\"field\":\"Idempotency-Key\"")
                .contains("was used for another request");
        assertThat(outbox()).isEqualTo(outbox);

        HttpClientResponseException tooLong = assertThrows(HttpClientResponseException.class,
                () -> decide(decision("Too long a key."), "k".repeat(201), member));
        assertThat(tooLong.getStatus().getCode()).isEqualTo(400);
        assertThat(outbox()).isEqualTo(outbox);
    }

    @Test
    void aRefusedCommandKeepsNothingSoItsCorrectionMayUseTheSameKey() {
        Map<String, Object> noRationale = decision(null);
        noRationale.put("decision", "FURTHER_CONSULTATION_REQUESTED");
        HttpClientResponseException refused = assertThrows(HttpClientResponseException.class, () -> decide(noRationale, "form-7", member));
        assertThat(refused.getStatus().getCode()).isEqualTo(422);

        noRationale.put("rationale", "Consult HU again.");
        assertThat(decide(noRationale, "form-7", member).code()).isEqualTo(201);
        assertThat(steering.count("SELECT COUNT(*) FROM idempotent_request WHERE request_key = 'form-7'")).isEqualTo(1);
    }

    @Test
    void twoRepeatsAtOnceRecordOneDecision() throws Exception {
        Map<String, Object> decision = decision("Sent twice at once.");
        long outbox = outbox();
        CyclicBarrier together = new CyclicBarrier(4);
        List<CompletableFuture<HttpResponse<Map>>> sent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            sent.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return decide(decision, "double-click", member);
            }));
        }
        List<HttpResponse<Map>> answers = sent.stream().map(CompletableFuture::join).toList();
        assertThat(answers).extracting(HttpResponse::code).containsOnly(201);
        assertThat(answers).extracting(a -> a.body().get("id")).containsOnly(answers.get(0).body().get("id"));
        assertThat(answers).filteredOn(a -> a.header(IdempotentCommands.REPLAYED) == null).hasSize(1);
        assertThat(outbox()).isEqualTo(outbox + 1);
    }

    @Test
    void aKeyOlderThanTheKeepingTimeIsForgottenAndSentAgainIsANewCommand() {
        Map<String, Object> decision = decision("Kept for thirty days.");
        HttpResponse<Map> first = decide(decision, "last-month", member);
        decide(decision("Sent today."), "today", member);
        // The service keeps keys for 30 days (application.yml); this one was claimed 31 days ago.
        steering.execute("UPDATE idempotent_request SET created_at = NOW(6) - INTERVAL 31 DAY WHERE request_key = 'last-month'");

        assertThat(purge.purge()).isEqualTo(1);
        assertThat(steering.count("SELECT COUNT(*) FROM idempotent_request WHERE request_key = 'last-month'")).isZero();
        assertThat(steering.count("SELECT COUNT(*) FROM idempotent_request WHERE request_key = 'today'")).isEqualTo(1);
        assertThat(purge.purge()).isZero();

        long outbox = outbox();
        HttpResponse<Map> again = decide(decision, "last-month", member);
        assertThat(again.header(IdempotentCommands.REPLAYED)).isNull();
        assertThat(again.body().get("id")).isNotEqualTo(first.body().get("id"));
        assertThat(outbox()).isEqualTo(outbox + 1);
    }

    private Map<String, Object> decision(String rationale) {
        Map<String, Object> body = new HashMap<>(Map.of("committee", COMMITTEE, "announcementId", announcement,
                "meetingDate", "2024-09-12", "decision", "NOTED"));
        if (rationale != null) {
            body.put("rationale", rationale);
        }
        return body;
    }

    private HttpResponse<Map> decide(Map<String, Object> body, String key, String token) {
        return http.toBlocking().exchange(HttpRequest.POST("/api/steering-decisions", body).bearerAuth(token)
                .header(IdempotentCommands.HEADER, key), Map.class);
    }

    private List<Map> decisions() {
        return http.toBlocking().retrieve(HttpRequest.GET("/api/steering-decisions?announcement=" + announcement).bearerAuth(member),
                Argument.listOf(Map.class));
    }

    private long outbox() {
        return steering.count("SELECT COUNT(*) FROM outbox");
    }
}
