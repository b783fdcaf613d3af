package nl.programmes.events;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.micronaut.serde.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Each fixture, and what the records themselves write, conforms to the published JSON Schema. */
class EventSchemasTest {

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    private final ObjectMapper json = ObjectMapper.getDefault();

    @TestFactory
    Stream<DynamicTest> everyFixtureMatchesItsSchema() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () ->
                assertThat(validate(type, new String(GoldenFixtures.of(type), StandardCharsets.UTF_8))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> whatTheRecordsWriteMatchesTheSchema() {
        return EventTypes.ALL.stream().map(type -> DynamicTest.dynamicTest(type.ceType(), () -> {
            DomainEvent event = json.readValue(GoldenFixtures.of(type), type.bodyType());
            assertThat(validate(type, json.writeValueAsString(event))).isEmpty();
        }));
    }

    @Test
    void theLevelsNamesAreEveryLevelInOrder() {
        // The constant is what constraints' patterns take (an annotation needs a constant); it must not drift from the enum.
        assertThat(nl.programmes.events.announcement.ProgrammeLevel.NAMES.split("\\|")).containsExactly(
                java.util.Arrays.stream(nl.programmes.events.announcement.ProgrammeLevel.values()).map(Enum::name).toArray(String[]::new));
    }

    @Test
    void schemaCatchesABadBody() {
        String body = new String(GoldenFixtures.of(EventTypes.PROGRAMME_ANNOUNCED), StandardCharsets.UTF_8)
                .replace("\"80179\"", "\"8017\"");
        assertThat(validate(EventTypes.PROGRAMME_ANNOUNCED, body)).isNotEmpty();
    }

    private List<String> validate(EventType<?> type, String body) {
        Schema schema = registry.getSchema(new String(GoldenFixtures.resource(type.schemaResource()), StandardCharsets.UTF_8),
                InputFormat.JSON);
        return schema.validate(body, InputFormat.JSON).stream().map(Error::toString).toList();
    }
}
