package nl.programmes.overview.read;

import com.github.benmanes.caffeine.cache.Caffeine;
import io.micronaut.context.annotation.Value;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.Supplier;

/**
 * Regional pages as JSON, derived from the {@link RegionalSnapshot} and kept while what they show is the
 * same: a page of one province is kept until an update replaces that province's lists (the snapshot shares
 * the lists of provinces a commit did not touch), the provinces' summary until the next update. A request
 * waits for a snapshot with every commit before it without holding a thread; a page is derived on the
 * {@code regional} executor, once for all requests that want the same page of the same lists.
 */
@Singleton
public class RegionalPages {

    /** A page and what it was derived from, compared by identity: the snapshot never changes a list it published. */
    private record Page(Object[] from, CompletableFuture<byte[]> json) {
        boolean derivedFrom(Object[] inputs) {
            for (int i = 0; i < inputs.length; i++) {
                if (from[i] != inputs[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final RegionalSnapshot snapshot;
    private final ReadCache cache;
    private final ObjectMapper json;
    private final ExecutorService executor;
    private final Map<String, Page> pages;

    public RegionalPages(RegionalSnapshot snapshot, ReadCache cache, ObjectMapper json, @Named("regional") ExecutorService executor,
                         @Value("${platform.overview.read-cache.max-entries:20000}") int maxEntries) {
        this.snapshot = snapshot;
        this.cache = cache;
        this.json = json;
        this.executor = executor;
        // Filters come from query parameters, so the pages are bounded; Caffeine evicts the pages asked for least, as in
        // the read cache (which says why its upkeep runs on the calling thread). Emptying the map when full, as before,
        // dropped the much-asked pages with the rest.
        this.pages = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).<String, Page>build().asMap();
    }

    /** A province's existing and intended programmes, filtered. */
    public CompletableFuture<byte[]> region(String region, OverviewReads.RegionFilter filter) {
        return snapshot.currentAsync().thenCompose(all -> {
            String province = OverviewReads.province(all, region);
            // Exactly the lists the page reads: filtered to one institution, only that institution's.
            Object[] inputs = {all.intendedIn(province, filter.institution()), all.offeringsIn(province, filter.institution()),
                    all.names(), all.labourMarket(), all.municipalities()};
            return page("region|" + region + "|" + filter, inputs, () -> OverviewReads.region(all, region, filter));
        });
    }

    /** Provinces with their counts and the unknown municipalities. */
    public CompletableFuture<byte[]> regions() {
        return snapshot.currentAsync().thenCompose(all -> page("regions", new Object[]{all}, () -> OverviewReads.regions(all)));
    }

    private CompletableFuture<byte[]> page(String key, Object[] inputs, Supplier<Object> derive) {
        Page kept = pages.get(key);
        if (kept != null && kept.derivedFrom(inputs) && !kept.json().isCompletedExceptionally()) {
            cache.count(true);
            return kept.json();
        }
        cache.count(false);
        Page fresh = new Page(inputs, new CompletableFuture<>());
        // One derivation per page and inputs: whoever comes second takes the first one's.
        Page winner = pages.compute(key, (k, old) -> old != null && old.derivedFrom(inputs) && !old.json().isCompletedExceptionally()
                ? old : fresh);
        if (winner == fresh) {
            executor.execute(() -> {
                try {
                    fresh.json().complete(json.writeValueAsBytes(derive.get()));
                } catch (IOException e) {
                    fresh.json().completeExceptionally(new UncheckedIOException(e));
                } catch (RuntimeException | Error e) {
                    fresh.json().completeExceptionally(e);
                }
            });
        }
        return winner.json();
    }
}
