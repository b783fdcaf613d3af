package nl.programmes.kit.kafka;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import nl.programmes.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * Creates missing platform topics (and their dead-letter twins) at start-up with explicit partition
 * counts, so no topic is ever auto-created with broker defaults. Existing topics are left alone.
 * Turn off with {@code platform.topics.provision=false} where topics are managed elsewhere.
 */
@Context
@Requires(property = "platform.topics.provision", value = "true", defaultValue = "true")
public class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);

    private final KafkaClients clients;
    private final PlatformTopics topics;

    public TopicProvisioner(KafkaClients clients, PlatformTopics topics) {
        this.clients = clients;
        this.topics = topics;
    }

    @PostConstruct
    void provision() {
        List<NewTopic> wanted = new ArrayList<>();
        for (Topics.TopicSpec spec : Topics.ALL) {
            wanted.add(new NewTopic(topics.physical(spec.name()), topics.partitionsOf(spec), topics.getReplicationFactor()));
            wanted.add(new NewTopic(topics.physical(Topics.deadLetter(spec.name())), 1, topics.getReplicationFactor()));
        }
        try (Admin admin = clients.admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = wanted.stream().filter(t -> !existing.contains(t.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            LOG.info("Created topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.warn("Could not provision topics; will rely on them existing: {}", e.getCause().toString());
            }
        } catch (Exception e) {
            LOG.warn("Could not provision topics; will rely on them existing: {}", e.toString());
        }
    }
}
