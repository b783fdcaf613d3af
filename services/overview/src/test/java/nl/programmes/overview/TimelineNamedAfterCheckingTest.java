package nl.programmes.overview;

import java.util.Map;

/**
 * The same timeline pages and exports with every province's and institution's lines first checked by this service
 * along the timeline's order and, where its first round has not filled the page, read on by the database with the ids
 * named ({@code platform.overview.timeline.named-after-checking-up-to}): what a filter of 5,000 to 15,000 announcements
 * and offerings does when its lines lie under many of other organisations. Here after one round of four times the page,
 * so the small timeline of these tests switches within a page.
 */
class TimelineNamedAfterCheckingTest extends TimelinePagingAndExportTest {

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = super.getProperties();
        properties.put("platform.overview.timeline.named-in-order-up-to", "0");
        properties.put("platform.overview.timeline.named-after-checking-up-to", "100000");
        properties.put("platform.overview.timeline.rounds-checked-before-naming", "1");
        return properties;
    }
}
