package nl.programmes.overview.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import jakarta.annotation.PreDestroy;
import nl.programmes.events.Topics;
import nl.programmes.kit.kafka.KafkaClients;
import nl.programmes.kit.kafka.PlatformTopics;
import nl.programmes.kit.security.Roles;
import nl.programmes.overview.read.OverviewReads;
import nl.programmes.overview.read.Views;
import nl.programmes.overview.rebuild.Offsets;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** How far behind the projection is per topic, how many records are parked, and what it processed last. */
@Controller("/api/overview/status")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class StatusController {

    private final KafkaClients clients;
    private final PlatformTopics topics;
    private final OverviewReads reads;
    private final ParkedRecords parked;
    /**
     * One admin client for every status request, made at the first: a new one for each request cost a thread, a connection
     * and a metadata round trip before it asked anything. It reconnects by itself if the broker goes away.
     */
    private Admin admin;

    public StatusController(KafkaClients clients, PlatformTopics topics, OverviewReads reads, ParkedRecords parked) {
        this.clients = clients;
        this.topics = topics;
        this.reads = reads;
        this.parked = parked;
    }

    /** What the overview could not place (shown under "region unknown"): the data-quality view of the status page. */
    @Get("/data-quality")
    public Views.DataQuality dataQuality() {
        return reads.dataQuality();
    }

    /** Every parked record with the error that parked it. */
    @Get("/parked")
    public List<ParkedRecords.Parked> parked() {
        return parked.list();
    }

    /** Puts a parked record back on its topic, after the cause was fixed. Admins only. */
    @Post("/parked/{topic}/{partition}/{offset}/replay")
    @Secured(Roles.ADMIN)
    public ParkedRecords.Parked replay(String topic, int partition, long offset) throws Exception {
        return parked.replay(topic, partition, offset);
    }

    @Get
    public Views.Status status() throws Exception {
        List<Views.TopicStatus> statuses = new ArrayList<>();
        Admin admin = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(topics.physical("overview"))
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        // Two requests for every topic and its dead-letter twin together, not two per topic.
        Map<TopicPartition, Long> ends = Offsets.endOffsets(admin, Topics.ALL.stream()
                .flatMap(spec -> Stream.of(spec.name(), Topics.deadLetter(spec.name()))).map(topics::physical).toList());
        for (Topics.TopicSpec spec : Topics.ALL) {
            long lag = 0;
            long parked = 0;
            for (var end : ends.entrySet()) {
                if (end.getKey().topic().equals(topics.physical(spec.name()))) {
                    OffsetAndMetadata done = committed.get(end.getKey());
                    lag += end.getValue() - (done == null ? 0 : done.offset());
                } else if (end.getKey().topic().equals(topics.physical(Topics.deadLetter(spec.name())))) {
                    parked += end.getValue();
                }
            }
            statuses.add(new Views.TopicStatus(spec.name(), lag, parked));
        }
        Map<String, Object> last = reads.lastProcessed();
        return new Views.Status(statuses, reads.eventsProcessed(),
                last.get("processed_at") == null ? null : ((java.time.LocalDateTime) last.get("processed_at"))
                        .atZone(java.time.ZoneId.systemDefault()).toInstant(),
                (String) last.get("ce_type"));
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = clients.admin();
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
            admin = null;
        }
    }

}
