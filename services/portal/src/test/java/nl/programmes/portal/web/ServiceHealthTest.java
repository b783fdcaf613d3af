package nl.programmes.portal.web;

import io.micronaut.json.JsonMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A service's {@code /health} as the status page reads it (as Micronaut writes it, details shown). */
class ServiceHealthTest {

    private final JsonMapper json = JsonMapper.createDefault();

    @Test
    void aServiceThatIsUpIsNamedAsItNamesItself() {
        ServiceHealth.Service up = read(200, """
                {"name":"overview","status":"UP","details":{"jdbc":{"name":"overview","status":"UP"},"kafka":{"name":"overview","status":"UP"}}}""");
        assertThat(up).isEqualTo(new ServiceHealth.Service("overview", "http://127.0.0.1:8084", "UP", List.of()));
    }

    @Test
    void aServiceThatAnswersWithAPartDownSaysWhichPart() {
        ServiceHealth.Service down = read(503, """
                {"name":"consultations","status":"DOWN","details":{"jdbc":{"name":"consultations","status":"DOWN"},"kafka":{"status":"UP"}}}""");
        assertThat(down).isEqualTo(new ServiceHealth.Service("consultations", "http://127.0.0.1:8084", "DOWN", List.of("jdbc")));
    }

    @Test
    void anAnswerThatIsNoHealthIsDownUnderThePathsItServes() {
        ServiceHealth.Service other = read(404, "<html>Not Found</html>");
        assertThat(other).isEqualTo(new ServiceHealth.Service("/api/overview", "http://127.0.0.1:8084", "DOWN", List.of()));
    }

    private ServiceHealth.Service read(int status, String body) {
        return ServiceHealth.answered("/api/overview", "http://127.0.0.1:8084", status, body.getBytes(StandardCharsets.UTF_8), json);
    }
}
