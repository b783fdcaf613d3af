package nl.programmes.overview.projection;

import io.micronaut.context.ApplicationContext;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.kit.persistence.WriteBehind;
import nl.programmes.testkit.ServiceUnderTest;
import nl.programmes.testkit.TestPlatform;

import java.sql.Connection;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consultation's upserts in one poll are merged into one row ({@link ConsultationMatrixProjection#merge}). Whatever the
 * upserts, on a new row or an existing one, the merged row must leave the table exactly as the upserts one by one do.
 * The database is the judge: the same upserts go in once statement by statement and once merged in one poll.
 */
class ConsultationUpsertMergeTest {

    private static final String[] ORGS = {"", "org-a", "org-b"};
    private static final String[] KINDS = {null, "BILATERAL", "REGIONAL"};

    private static ApplicationContext context;
    private static ServiceUnderTest overview;
    private static int tries;

    /** One upsert's values, as the projection binds them; the id is filled in per try. */
    record Upsert(int consultation, String org, String kind, String scope, LocalDate due, String status, int revision,
                  LocalDate meeting, String summary, String agreements) {

        Object[] values(String prefix) {
            return new Object[] {prefix + consultation, "announcement-1", org, kind, kind == null ? null : scope,
                    kind == null ? null : due, status, revision,
                    meeting, summary, agreements};
        }
    }

    @Property(tries = 60)
    void mergedUpsertsLeaveTheTableAsTheUpsertsOneByOne(@ForAll("upserts") List<Upsert> upserts, @ForAll("upserts") List<Upsert> before) {
        setUp();
        Sql sql = new Sql(context.getBean(JdbcOperations.class));
        @SuppressWarnings("unchecked")
        TransactionOperations<Connection> transactions = context.getBean(TransactionOperations.class);
        String oneByOne = "merge-" + ++tries + "-a-";
        String merged = "merge-" + tries + "-b-";

        // Rows there before the poll, the same for both; then the poll's upserts.
        for (String side : List.of(oneByOne, merged)) {
            before.forEach(u -> transactions.executeWrite(status -> sql.update(ConsultationMatrixProjection.CONSULTATION,
                    Sql.params(u.values(side)))));
        }
        upserts.forEach(u -> transactions.executeWrite(status -> sql.update(ConsultationMatrixProjection.CONSULTATION,
                Sql.params(u.values(oneByOne)))));
        AtomicInteger merges = new AtomicInteger();
        transactions.executeWrite(status -> WriteBehind.during(context.getBean(JdbcOperations.class), () -> {
            upserts.forEach(u -> sql.upsert(ConsultationMatrixProjection.CONSULTATION, u.consultation(), u.values(merged), (a, b) -> {
                merges.incrementAndGet();
                return ConsultationMatrixProjection.merge(a, b);
            }));
            return null;
        }));

        assertThat(merges).hasValue(upserts.size() - (int) upserts.stream().map(Upsert::consultation).distinct().count());
        Map<String, String> expected = transactions.executeRead(status -> rows(oneByOne));
        Map<String, String> actual = transactions.executeRead(status -> rows(merged));
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<Upsert>> upserts() {
        Arbitrary<LocalDate> dates = Arbitraries.integers().between(1, 28).map(d -> LocalDate.of(2025, 3, d)).injectNull(0.2);
        Arbitrary<String> texts = Arbitraries.of("eens", "oneens", "afspraak").injectNull(0.3);
        return Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.of(ORGS), Arbitraries.of(KINDS),
                        Arbitraries.of("[\"Enschede\"]", "[\"Enschede\",\"Hengelo\"]"), dates, Arbitraries.of("OPEN", "CLOSED"),
                        Arbitraries.integers().between(0, 3), dates)
                .as((consultation, org, kind, scope, due, status, revision, meeting) ->
                        new Upsert(consultation, org, kind, scope, due, status, revision, meeting, "samenvatting " + revision, null))
                .flatMap(u -> texts.map(agreements -> new Upsert(u.consultation(), u.org(), u.kind(), u.scope(), u.due(), u.status(),
                        u.revision(), u.meeting(), u.summary(), agreements)))
                .list().ofMaxSize(6);
    }

    /** The rows of one side, without the side's prefix in their ids, as text to compare. */
    private static Map<String, String> rows(String prefix) {
        Map<String, String> rows = new LinkedHashMap<>();
        new Sql(context.getBean(JdbcOperations.class)).query("""
                SELECT consultation_id, announcement_id, consulted_org, kind, scope, due_date, status, revision, meeting_date,
                    summary, agreements FROM overview_consultation WHERE consultation_id LIKE ? ORDER BY consultation_id""",
                Sql.params(prefix + "%"), rs -> {
                    StringBuilder row = new StringBuilder();
                    for (int column = 2; column <= 11; column++) {
                        row.append(rs.getString(column)).append(" | ");
                    }
                    return rows.put(rs.getString(1).substring(prefix.length()), row.toString());
                });
        return rows;
    }

    private static synchronized void setUp() {
        if (context == null) {
            overview = TestPlatform.get().service("overview");
            Map<String, Object> properties = new LinkedHashMap<>(overview.properties());
            properties.put("kafka.enabled", "false");
            context = ApplicationContext.run(properties);
        }
    }

    @AfterContainer
    static void close() {
        if (context != null) {
            context.close();
            context = null;
        }
    }
}
