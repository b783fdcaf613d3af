package nl.programmes.overview;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import nl.programmes.overview.read.RegionalSnapshot;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview reads its regional data once its web server is up, without anyone asking for a page: at 100,000
 * announcements the first regional page otherwise waited 2.2 s for the full read. (A context without a server, such
 * as a rebuild's or {@link RegionalSnapshotTest}'s, does not.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalWarmUpTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");

    @Inject
    RegionalSnapshot snapshot;

    @Override
    public Map<String, String> getProperties() {
        return overview.properties();
    }

    @Test
    void theRegionalDataIsReadAtStartBeforeAnyPageAsks() {
        assertThat(TestPlatform.eventually().until(snapshot::isRead, read -> read)).isTrue();
    }
}
