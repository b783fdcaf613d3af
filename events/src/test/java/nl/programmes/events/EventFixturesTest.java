package nl.programmes.events;

import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every golden fixture, old versions included, still reads into its registered record and survives a
 * round trip unchanged. When an event changes shape, its old fixture stays and this test keeps it honest.
 */
class EventFixturesTest {

    private final ObjectMapper json = ObjectMapper.getDefault();

    @TestFactory
    Stream<DynamicTest> everyFixtureDeserialisesIntoItsRecord() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () -> {
            DomainEvent event = json.readValue(GoldenFixtures.of(type), type.bodyType());

            assertThat(event).isNotNull();
            assertThat(event.subject()).isNotBlank();
            assertThat(event.actor()).isNotNull();
            assertThat(event.actor().organisationId()).isNotBlank();
            DomainEvent again = json.readValue(json.writeValueAsBytes(event), type.bodyType());
            assertThat(again).isEqualTo(event);
        }));
    }

    @Test
    void everyRegisteredTypeHasAFixtureAndEveryFixtureARegisteredType() {
        assertThat(GoldenFixtures.presentTypes())
                .containsExactlyInAnyOrderElementsOf(EventTypes.ALL.stream().map(EventType::ceType).toList());
    }

    @Test
    void typesAreVersionedAndTravelOnAKnownTopic() {
        var topics = Topics.ALL.stream().map(Topics.TopicSpec::name).toList();
        for (EventType<?> type : EventTypes.ALL) {
            assertThat(type.ceType()).matches("nl\\.programmes\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(type.version()).isPositive();
            assertThat(topics).contains(type.topic());
            assertThat(EventTypes.byCeType(type.ceType())).contains(type);
        }
    }
}
