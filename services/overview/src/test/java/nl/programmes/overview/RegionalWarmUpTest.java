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
 * With {@code platform.overview.regional.read-at-start}, the overview reads its regional data once its web server is
 * up, without anyone asking for a page: at 100,000 announcements the first regional page otherwise waits 2.2 s for the
 * full read. (Off by default, for what it costs a catch-up; a context without a server, such as a rebuild's or
 * {@link RegionalSnapshotTest}'s, never does.)
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegionalWarmUpTest implements TestPropertyProvider {

    private final ServiceUnderTest overview = TestPlatform.get().service("overview");

    @Inject
    RegionalSnapshot snapshot;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new java.util.HashMap<>(overview.properties());
        properties.put("platform.overview.regional.read-at-start", "true");
        return properties;
    }

    @Test
    void theRegionalDataIsReadAtStartBeforeAnyPageAsks() {
        assertThat(TestPlatform.eventually().until(snapshot::isRead, read -> read)).isTrue();
    }
}
