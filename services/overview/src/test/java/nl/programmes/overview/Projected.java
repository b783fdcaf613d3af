package nl.programmes.overview;

import nl.programmes.events.Topics;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;

/** "Wait for the projection": the overview's consumer group has committed everything on every topic it reads. */
final class Projected {

    private Projected() {
    }

    static void caughtUp(ServiceUnderTest overview) {
        for (Topics.TopicSpec topic : Topics.ALL) {
            EventProbe.awaitCaughtUp(TestPlatform.get().bootstrapServers(), overview.topicPrefix() + "overview",
                    overview.topic(topic.name()));
        }
    }
}
