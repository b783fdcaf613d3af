package nl.programmes.platform.bench;

import io.micronaut.serde.ObjectMapper;
import nl.programmes.events.Actor;
import nl.programmes.events.CloudEvent;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.EventType;
import nl.programmes.events.EventTypes;
import nl.programmes.events.KafkaCloudEvents;
import nl.programmes.events.Topics;
import nl.programmes.events.announcement.Orientation;
import nl.programmes.events.announcement.Programme;
import nl.programmes.events.announcement.ProgrammeAnnounced;
import nl.programmes.events.announcement.ProgrammeForm;
import nl.programmes.events.announcement.ProgrammeLevel;
import nl.programmes.events.consultation.ConsultationKind;
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.events.consultation.ObjectionGround;
import nl.programmes.events.consultation.PositionKind;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingDiscontinued;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.events.organisation.OrganisationKind;
import nl.programmes.events.organisation.OrganisationRegistered;
import nl.programmes.kit.ids.TimeOrderedIds;
import nl.programmes.runtime.Ports;
import nl.programmes.testkit.EventProbe;
import nl.programmes.testkit.RunningService;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Measures the overview on this machine and prints the figures (run by docs/benchmarks/run.sh, never
 * by the test suite): raw consumer rate, catch-up of a new deployment and the admin rebuild from offset 0, command-to-visible latency
 * at a steady command rate, and query latency under concurrent readers.
 */
public final class OverviewBenchmark {

    private static final Actor ACTOR = new Actor("bench", "Benchmark", "bench-org");
    private static final String[] PLACES = {"Enschede", "Deventer", "Apeldoorn", "Zwolle", "Arnhem", "Nijmegen", "Utrecht",
            "Amersfoort", "Amsterdam", "Rotterdam", "Leeuwarden", "Groningen", "Emmen", "Heerlen", "Maastricht", "Eindhoven"};

    private OverviewBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(args);
            System.exit(0);
        } catch (Exception | Error e) {
            // Services, broker and database run in other processes and threads: exit so none outlives a failed run.
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int commandsPerSecond = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int readers = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Path root = Path.of(System.getProperty("platform.root", "."));
        TestPlatform platform = TestPlatform.get();
        Map<String, ServiceUnderTest> slices = platform.services("announcements", "overview");
        String prefix = slices.get("overview").topicPrefix();

        List<String> announcementIds = new ArrayList<>();
        long start = System.nanoTime();
        int published = publish(platform.bootstrapServers(), prefix, events, announcementIds);
        double publishSeconds = seconds(start);

        // The first pass runs on cold code on both sides (this JVM's consumer and the broker's fetch path) and measured
        // 55-65% of the passes after it; a projection that has caught up reads with warm code. So the figure the
        // projection is held against is the median of three passes after the first, which is printed beside it.
        // The partitions are looked up once, outside the timed passes: a lookup inside them was a consumer's start-up and a
        // metadata round trip counted against a pass of about a second.
        List<TopicPartition> partitions = partitions(platform.bootstrapServers(), prefix);
        start = System.nanoTime();
        long read = rawConsume(platform.bootstrapServers(), partitions, 1);
        double firstPassRate = read / seconds(start);
        List<Double> warmPasses = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            start = System.nanoTime();
            read = rawConsume(platform.bootstrapServers(), partitions, 1);
            warmPasses.add(read / seconds(start));
        }
        Collections.sort(warmPasses);
        double rawRate = warmPasses.get(1);
        // The rebuild reads with three consumers; the raw rate is one consumer's. Printed to show what that choice does.
        start = System.nanoTime();
        read = rawConsume(platform.bootstrapServers(), partitions, 3);
        double threeConsumersRate = read / seconds(start);

        int overviewPort = Ports.free();
        int announcementsPort = Ports.free();
        RunningService overview = RunningService.start(slices.get("overview"), root, overviewPort, Map.of());
        RunningService announcements = null;
        // The services are other processes: take them down however the run ends.
        try {
            start = System.nanoTime();
            for (String topic : List.of(Topics.ORGANISATIONS, Topics.PROGRAMME_ANNOUNCEMENTS, Topics.CONSULTATIONS,
                    Topics.PROGRAMME_OFFERINGS, Topics.STEERING_DECISIONS)) {
                awaitCaughtUp(platform.bootstrapServers(), prefix + "overview", prefix + topic, Duration.ofMinutes(60));
            }
            double catchUpRate = published / seconds(start);
            // BENCH_PHASES=commands,queries (say) leaves out the other phases, to look at one quickly.
            List<String> phases = List.of(System.getenv().getOrDefault("BENCH_PHASES", "rebuild,commands,queries,filters,export,mixed").split(","));
            Rebuild rebuild = phases.contains("rebuild") ? rebuild(overview, platform, prefix) : new Rebuild(0, 0, "not measured");
            // Once more: the first rebuild runs while the JIT still compiles its code (a C2 thread took a third of a core),
            // as it would on a freshly started service; a service that has run for a while rebuilds like the second.
            Rebuild again = phases.contains("rebuild") ? rebuild(overview, platform, prefix) : new Rebuild(0, 0, "not measured");

            announcements = RunningService.start(slices.get("announcements"), root, announcementsPort, Map.of());
            String token = platform.tokens().mint("bench-staff", "bench-org", "INSTITUTION_STAFF");
            List<List<Long>> e2e = phases.contains("commands")
                    ? commandToVisible(announcements, token, commandsPerSecond, Duration.ofSeconds(20), slices) : List.of(List.of(), List.of());

            String reader = platform.tokens().mint("bench-reader", "bench-org", "CONSULTEE");
            boolean queried = phases.contains("queries");
            List<List<Long>> none = List.of(List.of(), List.of(), List.of());
            List<List<Long>> alone = queried ? queryLatency(overview, reader, announcementIds, 1, Duration.ofSeconds(5), Duration.ZERO, Draw.ASKED) : none;
            if (queried && !QUERY_WARM_UP.isZero()) {
                // The JIT compiles the request path with C2 only after some ten thousand requests. At 100,000 announcements
                // the closed loop (mostly misses) sends a tenth of what it sends at 1,000, and the paced readers after it
                // measured the compiler.
                queryLatency(overview, reader, announcementIds, readers, QUERY_WARM_UP, Duration.ZERO, Draw.WARMING);
            }
            List<List<Long>> queries = queried ? queryLatency(overview, reader, announcementIds, readers, Duration.ofSeconds(20), Duration.ZERO, Draw.ASKED) : none;
            CacheCounts beforePaced = CacheCounts.of(overview);
            List<List<Long>> paced = queried ? queryLatency(overview, reader, announcementIds, readers, Duration.ofSeconds(20), Duration.ofSeconds(1), Draw.ASKED) : none;
            CacheCounts afterPaced = CacheCounts.of(overview);
            // The phases above draw the same announcements (one seed), so the paced readers find the closed loop's answers
            // cached. Drawn anew, they ask mostly about announcements nobody asked for when there are many (at 100,000).
            List<List<Long>> drawnAnew = queried ? queryLatency(overview, reader, announcementIds, readers, Duration.ofSeconds(20), Duration.ofSeconds(1), Draw.ANEW) : none;
            CacheCounts afterDrawnAnew = CacheCounts.of(overview);
            // One reader, warm, over announcements nobody asked about: at 100,000 nearly all misses, one at a time, so the
            // figure is what reading an answer from the database costs without waiting behind other readers.
            List<List<Long>> aloneAnew = queried ? queryLatency(overview, reader, announcementIds, 1, Duration.ofSeconds(10), Duration.ZERO, Draw.ALONE) : none;
            CacheCounts afterAloneAnew = CacheCounts.of(overview);
            // The whole timeline by each of its filters, one request at a time, each a different page size so none is a hit.
            Map<String, FilterTimes> filtered = phases.contains("filters") ? filterLatency(overview, reader) : Map.of();
            // The whole timeline as CSV: one page of 500 lines per cursor, all the way down.
            Export export = phases.contains("export") ? export(overview, reader) : null;
            List<List<Long>> mixed = phases.contains("mixed")
                    ? readWhileWriting(announcements, token, overview, reader, announcementIds, commandsPerSecond, readers) : none;
            double mixedHitRate = CacheCounts.of(overview).hitRateSince(afterAloneAnew);

            boolean rebuilt = phases.contains("rebuild");
            boolean commanded = phases.contains("commands");
            boolean mixedRun = phases.contains("mixed");
            StringBuilder summary = new StringBuilder(String.format("""

                    ==== Overview benchmark (%d cores) ====
                    events generated                 %,d (%,d announcements; published in %.1f s)
                    raw consumer rate                %,.0f events/s (median of three passes after the first; they ranged %,.0f-%,.0f)
                      its first pass (cold code)     %,.0f events/s (what sessions 1-10 called the raw rate)
                      with three consumers (warm)    %,.0f events/s (one pass; the rebuild reads with three)
                    new deployment catching up       %,.0f events/s (%.0f%% of raw; cold JVM, from its first second)
                    """, Runtime.getRuntime().availableProcessors(), published, announcementIds.size(), publishSeconds, rawRate,
                    warmPasses.get(0), warmPasses.get(2), firstPassRate, threeConsumersRate, catchUpRate, 100 * catchUpRate / rawRate));
            // A phase BENCH_PHASES left out says so, rather than printing zeros that read like a measurement.
            summary.append(rebuilt ? String.format("""
                    rebuild (admin endpoint)         %,.0f events/s (%.1f%% of raw, %.1f%% of the first pass; %.1f s from request to switch-over)
                      CPU per event                  %s
                    rebuild again (JIT warm)         %,.0f events/s (%.1f%% of raw, %.1f%% of the first pass; %.1f s from request to switch-over)
                      CPU per event                  %s
                    """, rebuild.eventsPerSecond(), 100 * rebuild.eventsPerSecond() / rawRate, 100 * rebuild.eventsPerSecond() / firstPassRate,
                    rebuild.seconds(), rebuild.cpu(), again.eventsPerSecond(), 100 * again.eventsPerSecond() / rawRate,
                    100 * again.eventsPerSecond() / firstPassRate, again.seconds(), again.cpu()) : notRun("rebuild"));
            summary.append(commanded ? String.format("""
                    command -> visible, %d cmd/s    p50 %.1f ms, p99 %.1f ms (%d commands, after %d s of warm-up)
                      of which command -> on Kafka   p50 %.1f ms, p99 %.1f ms (commit to the relay's acknowledgement)
                    """, commandsPerSecond, ms(e2e.get(0), 50), ms(e2e.get(0), 99), e2e.get(0).size(), WARM_UP.toSeconds(),
                    ms(e2e.get(1), 50), ms(e2e.get(1), 99)) : notRun("commands"));
            summary.append(queried ? String.format("""
                    queries, 1 reader                p50 %.1f ms, p99 %.1f ms (%,d requests; one after the other)
                    queries, %d readers              p50 %.1f ms, p99 %.1f ms (%,d requests, matrix/timeline/region; each reader asks again at once; after %d s of warm-up)
                    queries, %d readers, 1 req/s each p50 %.1f ms, p99 %.1f ms (%,d requests; from the intended send time)
                      by kind, p50 / p99             %s
                      read cache hit rate            %.0f%%
                    queries, %d readers, 1 req/s each, announcements drawn anew
                                                     p50 %.1f ms, p99 %.1f ms (%,d requests; at 1k announcements all were asked before, at 100k most were not)
                      by kind, p50 / p99             %s
                      read cache hit rate            %.0f%%
                    queries, 1 reader, drawn anew    p50 %.1f ms, p99 %.1f ms (%,d requests; one after the other, warm)
                      by kind, p50 / p99             %s
                      read cache hit rate            %.0f%%
                    """, ms(all(alone), 50), ms(all(alone), 99), all(alone).size(), readers, ms(all(queries), 50), ms(all(queries), 99),
                    all(queries).size(), QUERY_WARM_UP.toSeconds(), readers, ms(all(paced), 50), ms(all(paced), 99),
                    all(paced).size(), byKind(paced), afterPaced.hitRateSince(beforePaced),
                    readers, ms(all(drawnAnew), 50), ms(all(drawnAnew), 99), all(drawnAnew).size(), byKind(drawnAnew),
                    afterDrawnAnew.hitRateSince(afterPaced),
                    ms(all(aloneAnew), 50), ms(all(aloneAnew), 99), all(aloneAnew).size(), byKind(aloneAnew),
                    afterAloneAnew.hitRateSince(afterDrawnAnew)) : notRun("queries"));
            summary.append(mixedRun ? String.format("""
                    queries, %d readers, 1 req/s each, while %d cmd/s are written
                                                     p50 %.1f ms, p99 %.1f ms (%,d requests; each committed poll renews the answers it changes)
                      by kind, p50 / p99             %s
                      read cache hit rate            %.0f%%
                    """, readers, commandsPerSecond, ms(all(mixed), 50), ms(all(mixed), 99), all(mixed).size(), byKind(mixed),
                    mixedHitRate) : notRun("mixed"));
            if (queried || mixedRun) {
                summary.append("stalls of the paced phases (cached, drawn anew, while writing; requests over 15 ms due within 80 ms of each other)\n")
                        .append(STALLS.stream().map(stalls -> "  " + stalls).collect(Collectors.joining("\n"))).append('\n');
            }
            summary.append(phases.contains("filters") ? "timeline filters, 1 reader, misses: the first request; after 20 unmeasured, p50 / p90 / max\n"
                    + filtered.entrySet().stream().map(e -> String.format("  %-30s first %.1f ms; %.1f / %.1f / %.1f ms (%d requests)", e.getKey(),
                            e.getValue().first() / 1000.0, ms(e.getValue().micros(), 50), ms(e.getValue().micros(), 90),
                            ms(e.getValue().micros(), 100), e.getValue().micros().size())).collect(Collectors.joining("\n")) + "\n"
                    : notRun("filters"));
            summary.append(export != null ? String.format("timeline export (CSV, oldest first)  %,d lines in %.1f s: %,.0f lines/s (%,.1f MB)%n",
                    export.lines(), export.seconds(), export.lines() / export.seconds(), export.bytes() / 1e6) : notRun("export"));
            System.out.print(summary);
            // BENCH_HOLD=<seconds> keeps the broker, the database and the overview up after the figures, to look into them.
            long hold = Long.parseLong(System.getenv().getOrDefault("BENCH_HOLD", "0"));
            if (hold > 0) {
                // The reader's token is the test kit's, signed by a key this run made up: good for this run's services only.
                System.out.printf("holding for %d s: overview %s, %s%nreader token (this run only): %s%n", hold, overview.url("/"),
                        platform.jdbcUrl(slices.get("overview").schema()), reader);
                Thread.sleep(hold * 1000);
            }
        } finally {
            if (announcements != null) {
                announcements.close();
            }
            overview.close();
        }
    }

    /** Synthetic but shaped like the real thing: announcements with consultations and outcomes, offerings with intake. */
    private static int publish(String bootstrap, String prefix, int target, List<String> announcementIds) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, 10);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        ObjectMapper json = ObjectMapper.getDefault();
        Random random = new Random(42);
        int count = 0;
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < 50; i++) {
                count += send(producer, json, prefix, new OrganisationRegistered("org-" + i, "Organisation " + i,
                        i % 10 == 0 ? OrganisationKind.STEERING_COMMITTEE : OrganisationKind.HBO_INSTITUTION, null, null,
                        List.of(PLACES[i % PLACES.length]), null, ACTOR));
            }
            while (count < target) {
                String announcement = TimeOrderedIds.next().toString();
                announcementIds.add(announcement);
                List<String> places = List.of(PLACES[random.nextInt(PLACES.length)], PLACES[random.nextInt(PLACES.length)])
                        .stream().distinct().toList();
                count += send(producer, json, prefix, new ProgrammeAnnounced(announcement, "B-" + count, "org-" + random.nextInt(50),
                        new Programme("Programme " + count, ProgrammeLevel.ASSOCIATE_DEGREE, Orientation.HBO,
                                String.valueOf(80000 + random.nextInt(200)), null, List.of(ProgrammeForm.VOLTIJD), "nl", 120,
                                BigDecimal.valueOf(2), "Techniek", "Domain " + random.nextInt(12)),
                        places, "2030-09", null, null, null, ACTOR));
                for (int c = 0; c < 3 && count < target; c++) {
                    String consultation = TimeOrderedIds.next().toString();
                    String org = "org-" + random.nextInt(50);
                    count += send(producer, json, prefix, new ConsultationRequested(consultation, announcement, "org-0", org,
                            ConsultationKind.BILATERAL, places, List.of(ProgrammeForm.VOLTIJD), null, null, ACTOR));
                    count += send(producer, json, prefix, new ConsultationOutcomeRecorded(consultation, announcement, org, 1,
                            LocalDate.of(2025, 1 + random.nextInt(12), 1 + random.nextInt(28)), null, null,
                            places.stream().map(p -> random.nextInt(5) == 0
                                    ? new LocationPosition(p, null, PositionKind.OBJECTION, List.of(ObjectionGround.OVERLAP),
                                    "overlap", null, random.nextBoolean(), false)
                                    : new LocationPosition(p, null, PositionKind.NO_OBJECTION, List.of(), null, null, false, false))
                                    .toList(), new Actor("bench", "Benchmark", org)));
                }
                String offering = TimeOrderedIds.next().toString();
                count += send(producer, json, prefix, new OfferingRegistered(offering, "org-" + random.nextInt(50), "Offering " + count,
                        String.valueOf(80000 + random.nextInt(200)), null, ProgrammeLevel.ASSOCIATE_DEGREE, ProgrammeForm.VOLTIJD,
                        PLACES[random.nextInt(PLACES.length)], ACTOR));
                for (int year = 2019; year <= 2023 && count < target; year++) {
                    int n = random.nextInt(200);
                    count += send(producer, json, prefix, new IntakeReported(offering, year, n < 5 ? null : n, n < 5, ACTOR));
                }
                int fate = random.nextInt(40); // some programmes end, as they do; a few were registered in error
                if (fate < 3 && count < target) {
                    count += send(producer, json, prefix, fate == 0
                            ? new OfferingDiscontinued(offering, OfferingDiscontinued.Reason.REGISTERED_IN_ERROR, null, ACTOR)
                            : new OfferingDiscontinued(offering, OfferingDiscontinued.Reason.ENDED, 2023, ACTOR));
                }
            }
            producer.flush();
        }
        return count;
    }

    private static int send(KafkaProducer<String, byte[]> producer, ObjectMapper json, String prefix, DomainEvent event)
            throws Exception {
        EventType<?> type = EventTypes.of(event.getClass());
        // Ids as the services mint them (time-ordered, TimeOrderedIds), so the tables fill as they would in production.
        Instant now = Instant.now();
        CloudEvent envelope = new CloudEvent(TimeOrderedIds.at(now).toString(), type.ceType(), "/bench", event.subject(),
                now, json.writeValueAsBytes(event));
        producer.send(KafkaCloudEvents.toRecord(prefix + type.topic(), envelope));
        return 1;
    }

    /** Every partition of the platform's topics. */
    private static List<TopicPartition> partitions(String bootstrap, String prefix) {
        List<TopicPartition> partitions = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> lookup = new KafkaConsumer<>(rawConsumerProperties(bootstrap))) {
            for (Topics.TopicSpec spec : Topics.ALL) {
                lookup.partitionsFor(prefix + spec.name()).forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            }
        }
        return partitions;
    }

    /** Reads every partition from the beginning to its end with this many consumers, each on its share of the partitions. */
    private static long rawConsume(String bootstrap, List<TopicPartition> partitions, int consumers) {
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(consumers);
        try {
            List<CompletableFuture<Long>> reads = new ArrayList<>();
            for (int c = 0; c < consumers; c++) {
                List<TopicPartition> share = new ArrayList<>();
                for (int i = c; i < partitions.size(); i += consumers) {
                    share.add(partitions.get(i));
                }
                reads.add(CompletableFuture.supplyAsync(() -> readToEnd(bootstrap, share), threads));
            }
            return reads.stream().mapToLong(CompletableFuture::join).sum();
        } finally {
            threads.shutdown();
        }
    }

    private static Properties rawConsumerProperties(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        return props;
    }

    private static long readToEnd(String bootstrap, List<TopicPartition> partitions) {
        long read = 0;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(rawConsumerProperties(bootstrap))) {
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    // Decode the envelope as the projection would, so the figure is comparable.
                    KafkaCloudEvents.fromRecord(record);
                    read++;
                }
            }
        }
        return read;
    }

    private static void awaitCaughtUp(String bootstrap, String group, String topic, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                EventProbe.awaitCaughtUp(bootstrap, group, topic);
                return;
            } catch (RuntimeException stillBehind) {
                // awaitCaughtUp gives up after 30 s; keep waiting up to the benchmark's own limit
            }
        }
        throw new IllegalStateException(group + " did not catch up on " + topic + " within " + timeout);
    }

    /**
     * BENCH_WARM_UP seconds (default 150) of commands at the same rate before the measured ones. The JIT compiles a
     * method with C2 after some ten thousand calls, so at 200 commands/s the announcements service's per-request code
     * is still being compiled a minute in: at 13,000 events the same code measured p50 66 / p99 173 ms after 60 s of
     * warm-up and 18 / 92 ms after 150 s, with the service's CPU down from 90–100% of a core to about 60%.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_WARM_UP", "150")));
    /** BENCH_QUERY_WARM_UP seconds (default 60) of closed-loop queries after the single reader, before the measured closed loop. */
    private static final Duration QUERY_WARM_UP = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("BENCH_QUERY_WARM_UP", "60")));

    /**
     * Sends announcements at a steady rate for the given time, references {@code <prefix>-<n>}, pipelined over a
     * few kept-alive connections, and waits for every answer. Fails when any is refused.
     */
    private static void announce(HttpLoad load, List<HttpLoad.Connection> connections, String token, int perSecond,
                                 Duration length, String prefix) throws InterruptedException {
        int total = (int) (perSecond * length.toSeconds());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        CountDownLatch answered = new CountDownLatch(total);
        ScheduledFuture<?> ticker = connections.get(0).eventLoop().scheduleAtFixedRate(() -> {
            int n = sent.incrementAndGet();
            if (n > total) {
                return;
            }
            String body = """
                    {"reference": "%s-%d", "institution": "bench-org",
                     "programme": {"name": "Bench", "level": "ASSOCIATE_DEGREE", "orientation": "HBO", "isatCode": "80179",
                                   "forms": ["VOLTIJD"], "language": "nl", "studyLoadEc": 120, "durationYears": 2},
                     "candidateLocations": ["Enschede"], "intendedStart": "2030-09"}""".formatted(prefix, n);
            connections.get(n % connections.size()).send(load.postJson("/api/announcements", token, body))
                    .whenComplete((status, error) -> {
                        if (error != null || status != 201) {
                            refused.incrementAndGet();
                        }
                        answered.countDown();
                    });
        }, 0, 1_000_000L / perSecond, TimeUnit.MICROSECONDS);
        boolean all = answered.await(length.toSeconds() + 60, TimeUnit.SECONDS);
        ticker.cancel(false);
        if (!all || refused.get() > 0) {
            throw new IllegalStateException("Announcements refused or unanswered: " + refused.get() + " refused, "
                    + answered.getCount() + " unanswered of " + total);
        }
    }

    /** A rebuild's rate, its wall time to the switch-over, and each process's CPU per event over the rate's window. */
    record Rebuild(double eventsPerSecond, double seconds, String cpu) {
    }

    /**
     * The admin rebuild on the running (warm) service: a second context reads every topic from offset 0 into
     * fresh tables. The rate is taken from the rebuild's own consumer group, from its first committed poll to
     * caught up, so it leaves out preparing the schema and the switch-over; the wall time includes both.
     */
    private static Rebuild rebuild(RunningService overview, TestPlatform platform, String prefix) throws Exception {
        String admin = platform.tokens().mint("bench-admin", "bench-org", "ADMIN");
        HttpClient http = HttpClient.newHttpClient();
        ProcessCpu processes = ProcessCpu.find();
        long requested = System.nanoTime();
        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(URI.create(overview.url("/api/overview/rebuild")))
                .header("Authorization", "Bearer " + admin).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException("Rebuild refused: " + accepted.statusCode() + " " + accepted.body());
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.bootstrapServers());
        long firstAt = 0;
        long firstDone = 0;
        long caughtUpAt = 0;
        long total;
        // CPU over the same window as the rate: from the first committed poll (the new context has started) to caught up.
        java.util.Optional<ProcessCpu.Sample> cpuBefore = java.util.Optional.empty();
        java.util.Optional<ProcessCpu.Sample> cpuAfter = java.util.Optional.empty();
        try (Admin kafka = Admin.create(props)) {
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            for (Topics.TopicSpec spec : Topics.ALL) {
                kafka.describeTopics(List.of(prefix + spec.name())).allTopicNames().get().values().forEach(d -> d.partitions()
                        .forEach(p -> latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            }
            total = kafka.listOffsets(latest).all().get().values().stream().mapToLong(o -> o.offset()).sum();
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            String group = null;
            while (caughtUpAt == 0 && System.nanoTime() < deadline) {
                if (group == null) { // the rebuild names its group when it starts; a rebuild before it deleted its own
                    group = kafka.listGroups().all().get().stream().map(g -> g.groupId())
                            .filter(g -> g.startsWith(prefix + "overview-rebuild-")).findFirst().orElse(null);
                }
                long done = group == null ? 0 : kafka.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values()
                        .stream().filter(java.util.Objects::nonNull).mapToLong(o -> o.offset()).sum();
                if (done > 0 && firstAt == 0) {
                    firstAt = System.nanoTime();
                    firstDone = done;
                    cpuBefore = processes.sample();
                }
                if (done >= total) {
                    caughtUpAt = System.nanoTime();
                    cpuAfter = processes.sample();
                }
                // Every 100 ms: the broker answers these requests on the same two cores as the rebuild.
                TimeUnit.MILLISECONDS.sleep(100);
            }
        }
        while (true) {
            String state = http.send(HttpRequest.newBuilder(URI.create(overview.url("/api/overview/rebuild")))
                    .header("Authorization", "Bearer " + admin).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            if (state.contains("\"SWITCHED\"")) {
                break;
            }
            if (state.contains("\"FAILED\"")) {
                throw new IllegalStateException("Rebuild failed: " + state);
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return new Rebuild((total - firstDone) / ((caughtUpAt - firstAt) / 1e9), seconds(requested),
                ProcessCpu.perEvent(cpuBefore, cpuAfter, total - firstDone));
    }

    /**
     * Latency from the announcement's creation to the overview's applying it, and the first leg of that (to the
     * relay marking it sent after Kafka's acknowledgement); all three clocks are the services' own on this machine.
     */
    private static List<List<Long>> commandToVisible(RunningService announcements, String token, int perSecond, Duration length,
                                               Map<String, ServiceUnderTest> slices) throws Exception {
        try (HttpLoad load = new HttpLoad("127.0.0.1", announcements.port(), 1)) {
            List<HttpLoad.Connection> connections = load.connect(8);
            // Warm up first, at the same rate, so the figure is the steady state and not the JIT's first minute.
            announce(load, connections, token, perSecond, WARM_UP, "WARM");
            announce(load, connections, token, perSecond, length, "E2E");
        }
        ServiceUnderTest source = slices.get("announcements");
        ServiceUnderTest target = slices.get("overview");
        TestPlatform.eventually().atMost(Duration.ofMinutes(5)).until(() -> target.count(
                "SELECT COUNT(*) FROM announcement_overview WHERE reference LIKE 'E2E-%'") >= source.count(
                "SELECT COUNT(*) FROM announcement WHERE reference LIKE 'E2E-%'"));
        List<Long> latencies = new ArrayList<>();
        List<Long> toKafka = new ArrayList<>();
        try (Connection connection = TestPlatform.get().connect(source.schema());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT TIMESTAMPDIFF(MICROSECOND, a.created_at, t.projected_at), "
                     + "TIMESTAMPDIFF(MICROSECOND, a.created_at, o.sent_at) FROM "
                     + source.schema() + ".announcement a JOIN " + source.schema() + ".outbox o ON o.event_key = a.id JOIN "
                     + target.schema() + ".timeline_entry t ON t.event_id = o.event_id WHERE a.reference LIKE 'E2E-%'")) {
            while (rs.next()) {
                latencies.add(rs.getLong(1));
                toKafka.add(rs.getLong(2));
            }
        }
        return List.of(latencies, toKafka);
    }

    /** What the readers of a query phase ask for; the phases with one seed draw the same announcements in the same order. */
    enum Draw {
        /** The announcements the closed loop asked about, matrices, timelines and regional pages. */
        ASKED(42, true),
        /** Others, the same three kinds. */
        ANEW(43, true),
        /** Regional pages only: the warm-up, which should take no room in the read cache from the measured phases' answers. */
        WARMING(44, false),
        /** Matrices, timelines and regional pages again, for the one reader that asks one after the other. */
        ALONE(45, true);

        private final long seed;
        private final boolean aboutAnnouncements;

        Draw(long seed, boolean aboutAnnouncements) {
            this.seed = seed;
            this.aboutAnnouncements = aboutAnnouncements;
        }

        /** 0 a matrix, 1 a timeline, 2 a regional page. */
        int kind(Random random) {
            return aboutAnnouncements ? random.nextInt(3) : 2;
        }
    }

    /**
     * Query latency (microseconds) per kind of query (the objection matrix, one announcement's timeline, a
     * regional page) with N concurrent readers, each on its own kept-alive connection. With no pause each reader
     * asks again as soon as it has its answer (closed loop: the figure is N divided by the throughput). With a
     * pause each reader asks once per pause, at a random phase, like people reading pages; latency then counts
     * from when the request was due, so a slow answer that delays the next request is not hidden.
     */
    private static List<List<Long>> queryLatency(RunningService overview, String token, List<String> announcementIds, int readers,
                                           Duration length, Duration pause, Draw draw) throws Exception {
        List<List<Long>> latencies = List.of(Collections.synchronizedList(new ArrayList<>()),
                Collections.synchronizedList(new ArrayList<>()), Collections.synchronizedList(new ArrayList<>()));
        AtomicInteger failed = new AtomicInteger();
        try (HttpLoad load = new HttpLoad("127.0.0.1", overview.port(), 1)) {
            List<HttpLoad.Connection> connections = load.connect(readers);
            CountDownLatch finished = new CountDownLatch(readers);
            long begin = System.nanoTime();
            long deadline = begin + length.toNanos();
            List<long[]> trace = Collections.synchronizedList(new ArrayList<>());
            /** One reader on its own connection: asks, waits for the answer, asks again when due. */
            final class Reader {
                private final Random random;
                private final HttpLoad.Connection connection;

                Reader(Random random, HttpLoad.Connection connection) {
                    this.random = random;
                    this.connection = connection;
                }

                void ask(long due) {
                    if (due >= deadline) {
                        finished.countDown();
                        return;
                    }
                    connection.at(due - System.nanoTime(), () -> {
                        int kind = draw.kind(random);
                        String path = switch (kind) {
                            case 0 -> "/api/overview/announcements/" + announcementIds.get(random.nextInt(announcementIds.size()));
                            case 1 -> "/api/timeline?size=50&announcement=" + announcementIds.get(random.nextInt(announcementIds.size()));
                            default -> "/api/overview/regions/Overijssel?institution=org-" + random.nextInt(50);
                        };
                        long start = pause.isZero() ? System.nanoTime() : due;
                        connection.send(load.get(path, token)).whenComplete((status, error) -> {
                            if (error != null || status != 200) {
                                failed.incrementAndGet();
                            } else {
                                long end = System.nanoTime();
                                latencies.get(kind).add((end - start) / 1_000);
                                trace.add(new long[] {(start - begin) / 1_000, (end - start) / 1_000, kind});
                            }
                            if (error != null) {
                                finished.countDown();
                            } else {
                                ask(pause.isZero() ? System.nanoTime() : due + pause.toNanos());
                            }
                        });
                    });
                }
            }
            // One seed source for all readers: java.util.Random's first draws for consecutive seeds (new Random(r))
            // are nearly equal, which put every "paced" reader's phase within the same 100 ms of each second.
            Random seeds = new Random(draw.seed);
            for (int r = 0; r < readers; r++) {
                Random random = new Random(seeds.nextLong());
                long firstDue = begin + (pause.isZero() ? 0 : (long) (random.nextDouble() * pause.toNanos()));
                new Reader(random, connections.get(r)).ask(firstDue);
            }
            if (!finished.await(length.toSeconds() + 60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Readers did not finish: " + finished.getCount() + " still waiting");
            }
            writeTrace(trace, readers, pause);
            if (!pause.isZero()) {
                STALLS.add(Stalls.of(draw, trace));
            }
        }
        if (failed.get() > 0) {
            throw new IllegalStateException(failed.get() + " queries failed or were refused");
        }
        return latencies;
    }

    /** The stalls of each paced phase, in the order the phases ran. */
    private static final List<Stalls> STALLS = Collections.synchronizedList(new ArrayList<>());

    /**
     * Slow requests (over 15 ms) that came together: a burst is two or more, each due within 80 ms of the one before. On
     * this machine they came every 0.545 s, with the kernel's DAMON pass (see the README's "What limits"); a spacing like
     * that says the host, not the overview, made the tail.
     *
     * @param slowInBursts slow requests in bursts; the others came alone
     * @param spacingMillis the median time from one burst's start to the next's; NaN with fewer than two bursts
     */
    record Stalls(Draw draw, int bursts, int slow, int slowInBursts, double spacingMillis) {

        static Stalls of(Draw draw, List<long[]> trace) {
            List<long[]> slow;
            synchronized (trace) {
                slow = trace.stream().filter(t -> t[1] > 15_000).sorted(Comparator.comparingLong(t -> t[0])).toList();
            }
            List<List<long[]>> together = new ArrayList<>();
            for (long[] request : slow) {
                List<long[]> last = together.isEmpty() ? null : together.get(together.size() - 1);
                if (last != null && request[0] - last.get(last.size() - 1)[0] < 80_000) {
                    last.add(request);
                } else {
                    together.add(new ArrayList<>(List.of(request)));
                }
            }
            List<List<long[]>> bursts = together.stream().filter(group -> group.size() > 1).toList();
            List<Long> spacings = new ArrayList<>();
            for (int i = 1; i < bursts.size(); i++) {
                spacings.add(bursts.get(i).get(0)[0] - bursts.get(i - 1).get(0)[0]);
            }
            return new Stalls(draw, bursts.size(), slow.size(), bursts.stream().mapToInt(List::size).sum(),
                    spacings.isEmpty() ? Double.NaN : pct(spacings, 50) / 1000.0);
        }

        @Override
        public String toString() {
            return String.format("%-7s %d bursts, %s; %d of %d slow requests in bursts", draw, bursts,
                    Double.isNaN(spacingMillis) ? "too few to space" : String.format("median %.0f ms apart", spacingMillis),
                    slowInBursts, slow);
        }
    }

    /**
     * With BENCH_TRACE=/some/prefix, each query phase's requests go to {@code <prefix>-<readers>r-<pause ms>ms-<n>.csv}:
     * when each was due or sent (µs since the phase began), its latency (µs) and its kind (0 matrix, 1 timeline,
     * 2 region), to see whether slow answers come together (a stall) or one by one.
     */
    private static void writeTrace(List<long[]> trace, int readers, Duration pause) throws IOException {
        String prefix = System.getenv("BENCH_TRACE");
        if (prefix == null || prefix.isBlank()) {
            return;
        }
        Path file;
        int n = 0;
        do {
            file = Path.of(prefix + "-" + readers + "r-" + pause.toMillis() + "ms-" + ++n + ".csv");
        } while (Files.exists(file));
        List<String> lines = new ArrayList<>(List.of("due_us,latency_us,kind"));
        synchronized (trace) {
            trace.stream().sorted(Comparator.comparingLong(t -> t[0])).forEach(t -> lines.add(t[0] + "," + t[1] + "," + t[2]));
        }
        Files.write(file, lines);
    }

    /**
     * Paced readers while announcements are written at the same time: what people see while others work. Each
     * poll the projection commits empties the read cache, so most answers are read from the database again.
     */
    private static List<List<Long>> readWhileWriting(RunningService announcements, String token, RunningService overview, String reader,
                                                     List<String> announcementIds, int perSecond, int readers) throws Exception {
        CompletableFuture<List<List<Long>>> reads = CompletableFuture.supplyAsync(() -> {
            try {
                return queryLatency(overview, reader, announcementIds, readers, Duration.ofSeconds(20), Duration.ofSeconds(1), Draw.ASKED);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        try (HttpLoad load = new HttpLoad("127.0.0.1", announcements.port(), 1)) {
            announce(load, load.connect(8), token, perSecond, Duration.ofSeconds(20), "MIX");
        }
        return reads.get();
    }

    /**
     * The whole timeline (no announcement) by each filter a reader can choose, one request after the other, newest and
     * oldest first in turn. Each request asks for a page size no request of its filter asked for before, so each is read
     * from the database: what a person choosing a filter waits for. The first request of each filter is timed on its own
     * (it may read the regional data: seconds at 100k announcements); then 20 go unmeasured, as the JIT of a filters-only
     * run is cold (in session 18 they cut the institution's p50 from 16.6 to 9.5 ms); then a filter is asked for up to
     * 10 s or 60 times.
     */
    private static Map<String, FilterTimes> filterLatency(RunningService overview, String token) throws Exception {
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        filters.put("kind, common (positions)", "kind=nl.programmes.consultation.outcome-recorded.v1");
        filters.put("kind, rare (organisations)", "kind=nl.programmes.organisation.registered.v1");
        filters.put("kind, absent (decisions)", "kind=nl.programmes.steering.decision-recorded.v1");
        filters.put("institution", "institution=org-7");
        filters.put("institution, none of its own", "institution=org-unknown");
        filters.put("region (Overijssel)", "region=Overijssel");
        filters.put("region (Limburg)", "region=Limburg");
        filters.put("dates (a month)", "from=2025-03-01&to=2025-03-31");
        Map<String, FilterTimes> latencies = new java.util.LinkedHashMap<>();
        HttpClient http = HttpClient.newHttpClient();
        for (Map.Entry<String, String> filter : filters.entrySet()) {
            long first = timedPage(http, overview, token, filter.getValue(), 19, true);
            for (int n = 0; n < 20; n++) {
                timedPage(http, overview, token, filter.getValue(), 100 + n, n % 2 == 0);
            }
            List<Long> micros = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            for (int n = 0; n < 60 && System.nanoTime() < deadline; n++) {
                micros.add(timedPage(http, overview, token, filter.getValue(), 20 + n, n % 2 == 0));
            }
            latencies.put(filter.getKey(), new FilterTimes(first, micros));
        }
        // What a page open on the timeline asks every two seconds: the lines projected since its last answer, read along
        // the projection time's index and checked against the page's filter (OverviewReads.projectedSince).
        Map<String, String> polls = new java.util.LinkedHashMap<>();
        polls.put("live poll, no filter", "");
        polls.put("live poll, region (Overijssel)", "region=Overijssel");
        polls.put("live poll, institution", "institution=org-7");
        // A start page's lines new since the previous sign-in, an hour back: every line of the run is in that window, so
        // the read checks up to 10,000 (OverviewReads.AN_ABSENCE); one of no lines of its own checks them all.
        polls.put("since an hour ago, institution", "institution=org-7");
        polls.put("since an hour ago, none of its own", "institution=org-unknown");
        for (Map.Entry<String, String> poll : polls.entrySet()) {
            String position = (String) ObjectMapper.getDefault().readValue(recent(http, overview, token, poll.getValue()).body(), Map.class)
                    .get("position");
            if (poll.getKey().startsWith("since an hour ago")) {
                position = Instant.parse(position).minus(Duration.ofHours(1)).toString();
            }
            String since = poll.getValue() + "&since=" + position;
            long start = System.nanoTime();
            recent(http, overview, token, since);
            long first = (System.nanoTime() - start) / 1_000;
            for (int n = 0; n < 20; n++) {
                recent(http, overview, token, since);
            }
            List<Long> micros = new ArrayList<>();
            for (int n = 0; n < 60; n++) {
                long each = System.nanoTime();
                recent(http, overview, token, since);
                micros.add((System.nanoTime() - each) / 1_000);
            }
            latencies.put(poll.getKey(), new FilterTimes(first, micros));
        }
        return latencies;
    }

    private static HttpResponse<String> recent(HttpClient http, RunningService overview, String token, String query) throws Exception {
        URI uri = URI.create(overview.url("/api/timeline/recent?" + query));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return response;
    }

    /** A filter's first request, and the measured ones after the unmeasured (micros). */
    record FilterTimes(long first, List<Long> micros) {
    }

    /** One timeline page of a filter, read whole: the microseconds from sending to its last byte. */
    private static long timedPage(HttpClient http, RunningService overview, String token, String filter, int size, boolean newestFirst)
            throws Exception {
        URI uri = URI.create(overview.url("/api/timeline?" + filter + "&size=" + size + "&order=" + (newestFirst ? "newest" : "oldest")));
        long start = System.nanoTime();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode());
        }
        return (System.nanoTime() - start) / 1_000;
    }

    /** What reading the whole timeline's CSV export took. */
    record Export(long lines, long bytes, double seconds) {
    }

    /**
     * The whole timeline as CSV, read to its end: every page after the first starts at a cursor, so this measures reading
     * deep in the timeline (a page a million lines deep cost 1.8 s until session 16, when the cursor was a row comparison).
     */
    private static Export export(RunningService overview, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(overview.url("/api/timeline.csv?order=oldest"))).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("The timeline export answered " + response.statusCode());
        }
        long lines = 0;
        long bytes = 0;
        byte[] buffer = new byte[1 << 16];
        try (java.io.InputStream body = response.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        // The header is a line; the synthetic events' texts hold no line break, so every other LF ends one line of the timeline.
        return new Export(lines - 1, bytes, seconds(start));
    }

    /** The overview's read-cache counters, from Prometheus; NaN when they cannot be read. */
    record CacheCounts(double hits, double misses) {
        static CacheCounts of(RunningService overview) {
            try {
                String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(overview.url("/prometheus"))).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return new CacheCounts(counter(metrics, "hit"), counter(metrics, "miss"));
            } catch (Exception e) {
                return new CacheCounts(Double.NaN, Double.NaN);
            }
        }

        double hitRateSince(CacheCounts before) {
            double hits = this.hits - before.hits;
            double total = hits + misses - before.misses;
            return total == 0 ? Double.NaN : 100 * hits / total;
        }

        private static double counter(String metrics, String result) {
            return metrics.lines().filter(l -> l.startsWith("overview_read_cache_total") && l.contains("result=\"" + result + "\""))
                    .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
        }
    }

    private static String notRun(String phase) {
        return String.format("%-32s not run (BENCH_PHASES leaves it out)%n", phase);
    }

    /** p50 / p99 of a query phase's matrices, timelines and regional pages, as the summary prints them. */
    private static String byKind(List<List<Long>> latencies) {
        return String.format("matrix %.1f / %.1f ms, timeline %.1f / %.1f ms, region %.1f / %.1f ms", ms(latencies.get(0), 50),
                ms(latencies.get(0), 99), ms(latencies.get(1), 50), ms(latencies.get(1), 99), ms(latencies.get(2), 50),
                ms(latencies.get(2), 99));
    }

    private static List<Long> all(List<List<Long>> byKind) {
        return byKind.stream().flatMap(List::stream).toList();
    }

    /** The percentile of values in microseconds, in milliseconds. */
    private static double ms(List<Long> micros, int percentile) {
        return pct(micros, percentile) / 1000.0;
    }

    private static long pct(List<Long> values, int percentile) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
