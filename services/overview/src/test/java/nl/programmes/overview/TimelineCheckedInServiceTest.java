package nl.programmes.overview;

import java.util.Map;

/**
 * The same timeline pages and exports with every province's and institution's lines found by this service checking
 * each line along the timeline's order, as for more announcements and offerings than a statement can name
 * ({@code platform.overview.timeline.named-in-order-up-to}; a province of the benchmark holds 23,000 to 34,000).
 * {@link TimelinePagingAndExportTest} has the database test the ids it names.
 */
class TimelineCheckedInServiceTest extends TimelinePagingAndExportTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("platform.overview.timeline.named-in-order-up-to", "0");
        return properties;
    }
}
