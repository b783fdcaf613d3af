package nl.programmes.overview.read;

import io.micronaut.context.annotation.Value;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.transaction.TransactionOperations;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.places.PlaceNames;
import nl.programmes.kit.replica.OrganisationReplica;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the regional pages show, kept in memory: existing offerings and intended programmes grouped by
 * province (and within a province by institution). It is read in full once, and again only when everything
 * changed (an organisation's name, a rebuild's switch-over, a failed update). After that, the announcements a
 * commit was about are read again on their own and merged in, so that under a stream of writes a regional
 * page costs a few rows, not the whole country (a full read takes seconds at 100,000 announcements).
 * Offerings are few and change rarely: they are read again whole when an offering event was committed. The
 * municipality table is reference data: it is read again once a {@code platform.overview.read-cache.max-age}
 * (also when nothing is committed), so an operator's replacement of it shows within a minute or two.
 *
 * <p>{@link #current()} is never older than the last change signalled before it was called; {@link
 * ReadModelChanges} signals a commit here before it tells the {@link ReadCache}, so a regional page read at
 * a commit count sees at least that commit.
 */
@Singleton
public class RegionalSnapshot {

    private static final Logger LOG = LoggerFactory.getLogger(RegionalSnapshot.class);
    // The order of intended programmes on a page, the same after a full read and after a patch.
    private static final Comparator<Placed> ORDER = Comparator.comparing((Placed p) -> p.programme().reference())
            .thenComparing(p -> p.programme().announcementId()).thenComparing(Placed::location);
    private static final int CHUNK = 500;

    /** An intended programme at one of its candidate locations. */
    public record Placed(String location, Views.Intended programme) {
    }

    /**
     * One state of the regional data; never changed once published, so pages derive from it without locks.
     * Lists an update did not touch are shared with the state before it. Each province's lists are also kept
     * per institution: a page filtered to one institution then reads (and is kept for) only that institution's
     * programmes, where a province can hold tens of thousands.
     */
    public record Regional(Map<String, String> provinceOf, Map<String, String> names, Map<String, String> labourMarket, Map<String, Long> municipalities,
                           Map<String, List<Views.Offering>> offerings, Map<String, Map<String, List<Views.Offering>>> offeringsByInstitution,
                           Map<String, List<Placed>> intended, Map<String, Map<String, List<Placed>>> intendedByInstitution,
                           List<String> unknown) {

        /** A place as the municipality table writes it ("enschede" is Enschede), or as written where the table does not hold it. */
        public String nameOf(String location) {
            return names.getOrDefault(PlaceNames.key(location), location);
        }

        /** The existing offerings in a province, of one institution when it is given. */
        public List<Views.Offering> offeringsIn(String province, String institution) {
            return institution == null ? offerings.getOrDefault(province, List.of())
                    : offeringsByInstitution.getOrDefault(province, Map.of()).getOrDefault(institution, List.of());
        }

        /** The intended programmes placed in a province, of one institution when it is given. */
        public List<Placed> intendedIn(String province, String institution) {
            return institution == null ? intended.getOrDefault(province, List.of())
                    : intendedByInstitution.getOrDefault(province, Map.of()).getOrDefault(institution, List.of());
        }
    }

    private final Sql sql;
    private final StoredLists lists;
    private final OrganisationReplica organisations;
    private final TransactionOperations<Connection> transactions;
    private final ReadCache cache;

    // What commits changed since the last update; guarded by 'pending'.
    private final Object pending = new Object();
    private Set<String> changedAnnouncements = new HashSet<>();
    private boolean offeringsChanged;
    private boolean everythingChanged = true;
    private long signalled;
    private final List<Waiter> waiting = new ArrayList<>();

    /** A {@link #currentAsync()} call waiting for a state with every change signalled before it. */
    private record Waiter(long asked, CompletableFuture<Regional> answer) {
    }

    // Written by one updater at a time (under 'this'); 'current' is published before 'applied'.
    private volatile Regional current;
    private volatile long applied = -1;
    private volatile long appliedAt;
    private final long maxAgeNanos;
    private final boolean readAtStart;
    private Map<String, Views.Intended> byAnnouncement = new HashMap<>();
    private Map<String, String> names = Map.of();
    private final RecurringValues recurring = new RecurringValues();
    private long merging; // the last update's time spent merging, for the debug line
    private final AtomicBoolean updateQueued = new AtomicBoolean();
    private final ExecutorService updater = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "regional-snapshot");
        thread.setDaemon(true);
        return thread;
    });

    public RegionalSnapshot(JdbcOperations jdbc, ObjectMapper json, OrganisationReplica organisations,
                            TransactionOperations<Connection> transactions, ReadCache cache,
                            @Value("${platform.overview.read-cache.max-age:60s}") Duration maxAge,
                            @Value("${platform.overview.regional.read-at-start:false}") boolean readAtStart) {
        this.maxAgeNanos = maxAge.toNanos();
        this.readAtStart = readAtStart;
        this.sql = new Sql(jdbc);
        this.lists = new StoredLists(json);
        this.organisations = organisations;
        this.transactions = transactions;
        this.cache = cache;
    }

    /** A commit changed these announcements (and offerings, if said so). Call after the commit. */
    public void changed(Collection<String> announcementIds, boolean offerings) {
        synchronized (pending) {
            changedAnnouncements.addAll(announcementIds);
            offeringsChanged |= offerings;
            signalled++;
        }
        updateSoon();
    }

    /** Everything may have changed: the next update reads it all again. */
    public void changedEverything() {
        synchronized (pending) {
            everythingChanged = true;
            signalled++;
        }
        updateSoon();
    }

    /** The regional data, with at least every change signalled before this call. */
    /**
     * The last state read, without waiting for changes since: enough to know the provinces (the municipality table
     * changes only when an operator replaces it), and it never holds the thread. Empty before the first read.
     */
    public java.util.Optional<Regional> lastRead() {
        return java.util.Optional.ofNullable(current);
    }

    public Regional current() {
        long asked = signalled();
        // 'applied' before 'current': a state published with this count or later is new enough.
        if (applied >= asked && fresh()) {
            return current;
        }
        return bringUpTo(asked, true);
    }

    /**
     * The same without holding a thread while an update is under way: completes, on the thread that publishes
     * it, with a state that has every change signalled before this call. Regional pages wait this way; when
     * each waited on a thread, at 100,000 announcements and 200 commands/s the few threads for regional pages
     * were all waiting for updates and requests queued for seconds.
     */
    public CompletableFuture<Regional> currentAsync() {
        CompletableFuture<Regional> answer = new CompletableFuture<>();
        synchronized (pending) {
            if (applied >= signalled && fresh()) {
                return CompletableFuture.completedFuture(current);
            }
            waiting.add(new Waiter(signalled, answer));
        }
        updateSoon(true);
        return answer;
    }

    /**
     * Once someone has read the snapshot, it is brought up to date right after each commit on a thread of its
     * own, so a regional page seldom waits for the database. The updates of a burst of commits coalesce into
     * one; a failed update is left to the next commit or page read. A rebuild's projection, which nobody
     * reads, never updates it.
     */
    private void updateSoon() {
        updateSoon(false);
    }

    private void updateSoon(boolean someoneWaits) {
        if ((someoneWaits || current != null) && updateQueued.compareAndSet(false, true)) {
            try {
                updater.execute(() -> {
                    updateQueued.set(false); // a commit from here on queues another update
                    try {
                        bringUpTo(signalled(), false);
                    } catch (RuntimeException e) {
                        LOG.warn("Could not update the regional snapshot; the next commit or regional page tries again", e);
                    }
                });
            } catch (RejectedExecutionException e) {
                updateQueued.set(false); // shutting down: a page read would update it itself
            }
        }
    }

    private long signalled() {
        synchronized (pending) {
            return signalled;
        }
    }

    /**
     * @param bounded whether the read takes one of the read cache's concurrent reads: a request's does, the
     *                updater's (one connection at most) does not
     */
    private synchronized Regional bringUpTo(long asked, boolean bounded) {
        if (applied >= asked && fresh()) {
            return current;
        }
        Set<String> announcements;
        boolean offerings;
        boolean everything;
        long upTo;
        synchronized (pending) {
            announcements = changedAnnouncements;
            offerings = offeringsChanged;
            everything = everythingChanged || current == null;
            upTo = signalled;
            changedAnnouncements = new HashSet<>();
            offeringsChanged = false;
            everythingChanged = false;
        }
        try {
            Supplier<Regional> read = () -> transactions.executeRead(status -> everything ? readAll()
                    : update(current, announcements, offerings));
            long started = System.nanoTime();
            Regional next = bounded ? cache.bounded(read) : read.get();
            List<Waiter> ready = new ArrayList<>();
            synchronized (pending) {
                current = next;
                appliedAt = System.nanoTime();
                applied = upTo;
                waiting.removeIf(w -> w.asked() <= upTo && ready.add(w));
            }
            if (LOG.isDebugEnabled()) {
                LOG.debug("Regional snapshot updated to change {} in {} ms, merging {} ms ({} announcements{}{}; {} waiting)", upTo,
                        (System.nanoTime() - started) / 1_000_000, everything ? 0 : merging / 1_000_000, announcements.size(),
                        offerings ? ", offerings" : "", everything ? ", everything" : "", ready.size());
            }
            ready.forEach(w -> w.answer().complete(next));
            return next;
        } catch (RuntimeException | Error e) {
            // Not applied. The index may be half updated (a failed commit comes after the merge), so the next
            // caller reads everything again; whoever waits now is told.
            List<Waiter> failed;
            synchronized (pending) {
                everythingChanged = true;
                failed = List.copyOf(waiting);
                waiting.clear();
            }
            failed.forEach(w -> w.answer().completeExceptionally(e));
            throw e;
        }
    }

    /**
     * With {@code platform.overview.regional.read-at-start}, reads the regional data once the web server is up, so the
     * first regional page (or timeline of a province or a large institution) does not wait for the full read: 2.2 s at
     * 100,000 announcements. Off by default: once read, the data is brought up to date after every commit, and during a
     * catch-up from offset 0 that took a new deployment from 27,000 to 17,500 events/s; a rebuild's switch-over reads
     * it in full again while the service has it (docs/benchmarks/README.md, session 17). Only the service's own context
     * has a server: a rebuild's context never reads it.
     */
    @EventListener
    void warmUp(ServerStartupEvent started) {
        if (!readAtStart) {
            return;
        }
        currentAsync().whenComplete((state, failed) -> {
            if (failed != null) {
                LOG.warn("Could not read the regional data at start; the first regional page reads it", failed);
            }
        });
    }

    /** Whether the regional data has been read since the start, so a regional page need not wait for the full read. */
    public boolean isRead() {
        return current != null;
    }

    @PreDestroy
    void stop() {
        updater.shutdownNow();
    }

    private boolean fresh() {
        return System.nanoTime() - appliedAt < maxAgeNanos;
    }

    private Regional readAll() {
        long started = System.nanoTime();
        Map<String, String> provinceOf = new HashMap<>();
        Map<String, String> places = new HashMap<>();
        Map<String, String> labourMarket = new HashMap<>();
        municipalities(provinceOf, places, labourMarket);
        names = Map.copyOf(organisations.names());
        Map<String, Views.Intended> all = new HashMap<>();
        sql.query("SELECT a.*, " + ShownStatus.CONSULTED + " FROM announcement_overview a", Sql.params(), rs -> all.put(rs.getString("announcement_id"), intended(rs)));
        byAnnouncement = all;
        Regional read = group(provinceOf, places, labourMarket, offerings(provinceOf));
        LOG.debug("Regional snapshot read in full: {} announcements in {} ms", all.size(), (System.nanoTime() - started) / 1_000_000);
        return read;
    }

    /** The same state as a full read would give, from the changed rows only. */
    private Regional update(Regional before, Set<String> announcements, boolean offeringsChanged) {
        // The municipality table is reference data: read again once a max-age, not for every commit.
        Map<String, String> provinceOf = new HashMap<>(before.provinceOf());
        Map<String, String> places = new HashMap<>(before.names());
        Map<String, String> labourMarket = new HashMap<>(before.labourMarket());
        if (!fresh()) {
            provinceOf.clear();
            places.clear();
            labourMarket.clear();
            municipalities(provinceOf, places, labourMarket);
        }
        Map<String, Views.Intended> fresh = new HashMap<>();
        List<String> ids = new ArrayList<>(announcements);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            sql.query("SELECT a.*, " + ShownStatus.CONSULTED + " FROM announcement_overview a WHERE a.announcement_id IN (" + Sql.marks(chunk.size())
                    + ")", Sql.params(chunk.toArray()), rs -> fresh.put(rs.getString("announcement_id"), intended(rs)));
        }
        Map<String, List<Views.Offering>> offerings = offeringsChanged || !provinceOf.equals(before.provinceOf())
                ? offerings(provinceOf) : before.offerings();
        // From here on nothing reads the database, so nothing can fail half-way through the index.
        long mergingFrom = System.nanoTime();
        Map<String, Set<String>> touched = new HashMap<>(); // province -> institutions whose places there changed
        List<Views.Intended> gone = new ArrayList<>();
        List<Views.Intended> come = new ArrayList<>();
        for (String id : announcements) {
            Views.Intended was = byAnnouncement.remove(id);
            Views.Intended now = fresh.get(id);
            if (now != null) {
                byAnnouncement.put(id, now);
            }
            if (!Objects.equals(was, now)) {
                touch(was, provinceOf, touched);
                touch(now, provinceOf, touched);
                if (was != null) {
                    gone.add(was);
                }
                if (now != null) {
                    come.add(now);
                }
            }
        }
        if (!provinceOf.equals(before.provinceOf()) || !places.equals(before.names())) {
            return group(provinceOf, places, labourMarket, offerings); // the operator replaced the municipality table
        }
        Map<String, List<Placed>> intended = new HashMap<>(before.intended());
        Map<String, Map<String, List<Placed>>> byInstitution = new HashMap<>(before.intendedByInstitution());
        for (Map.Entry<String, Set<String>> province : touched.entrySet()) {
            List<Placed> removed = new ArrayList<>();
            gone.forEach(was -> place(was, provinceOf, province.getKey(), removed));
            List<Placed> added = new ArrayList<>();
            come.forEach(now -> place(now, provinceOf, province.getKey(), added));
            put(intended, province.getKey(), merged(before.intended().getOrDefault(province.getKey(), List.of()), removed, added));
            Map<String, List<Placed>> institutions = new HashMap<>(before.intendedByInstitution().getOrDefault(province.getKey(), Map.of()));
            for (String institution : province.getValue()) {
                put(institutions, institution, merged(institutions.getOrDefault(institution, List.of()), ofInstitution(removed, institution),
                        ofInstitution(added, institution)));
            }
            put(byInstitution, province.getKey(), institutions.isEmpty() ? null : Collections.unmodifiableMap(institutions));
        }
        List<String> unknown = offerings != before.offerings() || touched.containsKey(OverviewReads.REGION_UNKNOWN)
                ? unknown(offerings, intended) : before.unknown();
        // The same objects where nothing changed: regional pages are kept while what they show is identical.
        Map<String, String> labourMarkets = labourMarket.equals(before.labourMarket()) ? before.labourMarket() : Map.copyOf(labourMarket);
        merging = System.nanoTime() - mergingFrom;
        return new Regional(before.provinceOf(), before.names(), labourMarkets, before.municipalities(), offerings,
                offerings == before.offerings() ? before.offeringsByInstitution() : byInstitution(offerings, Views.Offering::institution),
                intended, byInstitution, unknown);
    }

    /** Puts the value in, or takes the key out when the value is empty or null. */
    private static <V> void put(Map<String, V> map, String key, V value) {
        if (value == null || (value instanceof Collection<?> c && c.isEmpty())) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }

    /** Each province's list split by institution, in the same order. */
    private static <T> Map<String, Map<String, List<T>>> byInstitution(Map<String, List<T>> byProvince, Function<T, String> institution) {
        Map<String, Map<String, List<T>>> split = new HashMap<>();
        byProvince.forEach((province, list) -> {
            Map<String, List<T>> theirs = new HashMap<>();
            list.forEach(item -> theirs.computeIfAbsent(institution.apply(item), k -> new ArrayList<>()).add(item));
            theirs.replaceAll((k, v) -> Collections.unmodifiableList(v));
            split.put(province, Collections.unmodifiableMap(theirs));
        });
        return split;
    }

    /** The places of one institution's programmes, as a list {@link #merged} may sort. */
    private static List<Placed> ofInstitution(List<Placed> places, String institution) {
        return new ArrayList<>(places.stream().filter(p -> p.programme().institution().equals(institution)).toList());
    }

    /**
     * A sorted list without the removed places and with the added ones, in order. Both are found by binary
     * search and the rest is copied in runs: a province can hold tens of thousands of places, and sorting or
     * even scanning it for every commit kept the updater busy at 100,000 announcements.
     */
    private static List<Placed> merged(List<Placed> before, List<Placed> removed, List<Placed> added) {
        added.sort(ORDER);
        int[] at = new int[added.size()];
        for (int i = 0; i < added.size(); i++) {
            int found = Collections.binarySearch(before, added.get(i), ORDER);
            at[i] = found < 0 ? -found - 1 : found;
        }
        Set<Integer> skipped = new TreeSet<>();
        for (Placed place : removed) {
            int found = Collections.binarySearch(before, place, ORDER);
            // Every entry with the same announcement and location, should a location be listed twice.
            for (int i = found; i >= 0 && i < before.size() && ORDER.compare(before.get(i), place) == 0; i--) {
                skipped.add(i);
            }
            for (int i = found + 1; found >= 0 && i < before.size() && ORDER.compare(before.get(i), place) == 0; i++) {
                skipped.add(i);
            }
        }
        int[] skip = skipped.stream().mapToInt(Integer::intValue).toArray();
        List<Placed> list = new ArrayList<>(before.size() + added.size());
        int from = 0;
        int next = 0;
        int gap = 0;
        while (true) {
            int insertAt = next < at.length ? at[next] : Integer.MAX_VALUE;
            int skipAt = gap < skip.length ? skip[gap] : Integer.MAX_VALUE;
            int stop = Math.min(Math.min(insertAt, skipAt), before.size());
            list.addAll(before.subList(from, stop));
            from = stop;
            if (insertAt == stop) {
                list.add(added.get(next++));
            } else if (skipAt == stop) {
                from = stop + 1;
                gap++;
            } else {
                return Collections.unmodifiableList(list);
            }
        }
    }

    /** Groups the index and the offerings by province. */
    private Regional group(Map<String, String> provinceOf, Map<String, String> places, Map<String, String> labourMarket,
                           Map<String, List<Views.Offering>> offerings) {
        Map<String, List<Placed>> intended = new HashMap<>();
        for (Views.Intended i : byAnnouncement.values()) {
            for (String location : i.locations()) {
                intended.computeIfAbsent(regionOf(location, provinceOf), r -> new ArrayList<>()).add(new Placed(location, i));
            }
        }
        intended.replaceAll((province, list) -> {
            list.sort(ORDER);
            return Collections.unmodifiableList(list);
        });
        Map<String, Long> municipalities = new HashMap<>();
        provinceOf.values().forEach(p -> municipalities.merge(p, 1L, Long::sum));
        return new Regional(Map.copyOf(provinceOf), Map.copyOf(places), Map.copyOf(labourMarket), Map.copyOf(municipalities), offerings,
                byInstitution(offerings, Views.Offering::institution), intended, byInstitution(intended, p -> p.programme().institution()),
                unknown(offerings, intended));
    }

    private static void place(Views.Intended programme, Map<String, String> provinceOf, String province, List<Placed> into) {
        for (String location : programme.locations()) {
            if (regionOf(location, provinceOf).equals(province)) {
                into.add(new Placed(location, programme));
            }
        }
    }

    private static void touch(Views.Intended programme, Map<String, String> provinceOf, Map<String, Set<String>> touched) {
        if (programme != null) {
            programme.locations().forEach(location -> touched.computeIfAbsent(regionOf(location, provinceOf), k -> new HashSet<>())
                    .add(programme.institution()));
        }
    }

    /** Municipalities no province knows; offerings without a location are shown unknown too, but name none. */
    private static List<String> unknown(Map<String, List<Views.Offering>> offerings, Map<String, List<Placed>> intended) {
        Set<String> unknown = new TreeSet<>();
        offerings.getOrDefault(OverviewReads.REGION_UNKNOWN, List.of()).stream().map(Views.Offering::location)
                .filter(Objects::nonNull).forEach(unknown::add);
        intended.getOrDefault(OverviewReads.REGION_UNKNOWN, List.of()).forEach(p -> unknown.add(p.location()));
        return List.copyOf(unknown);
    }

    /** A place's province as the table's key compares it ("enschede" is in Enschede's), or "region unknown". */
    static String regionOf(String location, Map<String, String> provinceOf) {
        return location == null ? OverviewReads.REGION_UNKNOWN : provinceOf.getOrDefault(PlaceNames.key(location), OverviewReads.REGION_UNKNOWN);
    }

    /** The municipality table, by each place's key: its province, its name as the table writes it, its labour-market region. */
    private void municipalities(Map<String, String> provinceOf, Map<String, String> places, Map<String, String> labourMarket) {
        sql.query("SELECT municipality, province, labour_market_region FROM municipality_region", Sql.params(), rs -> {
            String key = PlaceNames.key(rs.getString(1));
            provinceOf.put(key, rs.getString(2));
            places.put(key, rs.getString(1));
            return rs.getString(3) == null ? null : labourMarket.put(key, rs.getString(3));
        });
    }

    private Map<String, List<Views.Offering>> offerings(Map<String, String> provinceOf) {
        Map<String, Map<String, String>> intake = new HashMap<>();
        // In the primary key's order: the server sorts nothing (at 100,000 offerings it sorted half a million rows),
        // and each offering's years come together, ascending, as its map keeps them.
        sql.query("SELECT * FROM overview_intake ORDER BY offering_id, study_year", Sql.params(), rs -> intake.computeIfAbsent(rs.getString("offering_id"),
                k -> new LinkedHashMap<>()).put(recurring.of(Integer.toString(rs.getInt("study_year"))), rs.getBoolean("suppressed") ? "<5"
                : recurring.of(Integer.toString(rs.getInt("intake_count")))));
        Map<String, List<Views.Offering>> byProvince = new HashMap<>();
        // One registered in error is left out; an ended one stays, with its last intake year.
        sql.query("""
                SELECT o.*, d.last_intake_year FROM overview_offering o LEFT JOIN overview_offering_discontinued d USING (offering_id)
                WHERE d.reason IS NULL OR d.reason = 'ENDED' ORDER BY o.institution_id, o.programme_name, o.form""", Sql.params(), rs -> {
            String institution = recurring.of(rs.getString("institution_id"));
            String code = recurring.of(rs.getString("isat_code") != null ? rs.getString("isat_code") : rs.getString("crebo"));
            Views.Offering offering = new Views.Offering(rs.getString("offering_id"), institution, names.getOrDefault(institution, institution),
                    rs.getString("programme_name"), code, recurring.of(rs.getString("level")), recurring.of(rs.getString("form")),
                    recurring.of(rs.getString("location")), intake.getOrDefault(rs.getString("offering_id"), Map.of()),
                    lastIntakeYear(rs));
            byProvince.computeIfAbsent(regionOf(offering.location(), provinceOf), r -> new ArrayList<>()).add(offering);
            return offering;
        });
        byProvince.replaceAll((province, list) -> Collections.unmodifiableList(list));
        return byProvince;
    }

    private static Integer lastIntakeYear(java.sql.ResultSet rs) throws java.sql.SQLException {
        int year = rs.getInt("last_intake_year");
        return rs.wasNull() ? null : year;
    }

    private Views.Intended intended(java.sql.ResultSet rs) throws java.sql.SQLException {
        String institution = recurring.of(rs.getString("institution_id"));
        return new Views.Intended(rs.getString("announcement_id"), rs.getString("reference"), institution,
                names.getOrDefault(institution, institution), rs.getString("programme_name"), recurring.of(rs.getString("level")),
                recurring.of(rs.getString("isat_code") != null ? rs.getString("isat_code") : rs.getString("crebo")),
                recurring.list(rs.getString("forms"), forms -> List.of(forms.split(","))),
                recurring.list(rs.getString("candidate_locations"), lists::of),
                recurring.of(ShownStatus.of(rs.getString("status"), rs.getBoolean("consulted"))),
                recurring.of(rs.getString("intended_start")), recurring.of(rs.getString("domain")));
    }
}
