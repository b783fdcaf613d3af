package nl.programmes.overview.reference;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import nl.programmes.kit.persistence.Sql;
import nl.programmes.overview.read.Views;
import io.micronaut.data.jdbc.runtime.JdbcOperations;

import nl.programmes.kit.problem.FieldViolation;
import nl.programmes.kit.problem.InvalidCommandException;

import java.util.List;

/**
 * The reference table that places a municipality in its province and labour-market region ({@code municipality_region}).
 * An operator may replace it wholesale with the CBS table (docs/runbook.md); an administrator adds or corrects one
 * place at a time, for a programme shown under "region unknown". Reference data, not a fact of the coordination: it
 * is not an event, and a rebuild copies the table as it stands.
 */
@Singleton
public class MunicipalityTable {

    /** Adds a place, or moves one the key already holds (under the table's own spelling). */
    private static final String UPSERT = "INSERT INTO municipality_region (municipality, province, labour_market_region) VALUES (?, ?, ?) "
            + "ON DUPLICATE KEY UPDATE province = VALUES(province), labour_market_region = VALUES(labour_market_region)";
    private static final String TABLE = "SELECT municipality, province, labour_market_region FROM municipality_region";

    private final Sql sql;

    public MunicipalityTable(JdbcOperations jdbc) {
        this.sql = new Sql(jdbc);
    }

    /** The table as it stands, by name. */
    @Connectable
    public Views.Municipalities all() {
        return new Views.Municipalities(rows(TABLE + " ORDER BY municipality"));
    }

    /** The provinces the table places municipalities in: a place is put in one of these, not in a new one by a typo. */
    @Connectable
    public List<String> provinces() {
        return sql.query("SELECT DISTINCT province FROM municipality_region ORDER BY province", Sql.params(), rs -> rs.getString(1));
    }

    /**
     * Adds the place, or moves it; whether it was new. A name the table holds in other letters ("enschede" for
     * "Enschede": the key compares without case and accents, and so do the regional pages) is refused: it is placed
     * already, and writing it would move the other without a word.
     */
    @Transactional
    public boolean put(String municipality, String province, String labourMarketRegion) {
        java.util.Optional<String> held = sql.one("SELECT municipality FROM municipality_region WHERE municipality = ? FOR UPDATE",
                Sql.params(municipality), rs -> rs.getString(1));
        if (held.isPresent() && !held.get().equals(municipality)) {
            throw new InvalidCommandException("municipality", "is in the table as " + held.get()
                    + " (names compare without case or accents), and its programmes are placed there");
        }
        boolean known = held.isPresent();
        sql.update(UPSERT, Sql.params(municipality, province, labourMarketRegion));
        return !known;
    }

    /**
     * The file's municipalities, planned against the table as it stands and, unless {@code dryRun}, written in this
     * transaction: the rows added and moved, the others as they are. A file with a row that does not read writes
     * nothing (each such row named: {@code lines[12].province}), so the table is never half replaced.
     *
     * @param unknown the places of programmes the table does not hold now
     */
    @Transactional
    public MunicipalityImport.Report importFile(MunicipalityFile.Parsed file, List<String> unknown, boolean dryRun) {
        List<Views.KnownMunicipality> table = rows(dryRun ? TABLE : TABLE + " FOR UPDATE");
        MunicipalityImport.Report report = MunicipalityImport.plan(table, file, unknown);
        if (dryRun) {
            return report;
        }
        if (!report.rejected().isEmpty()) {
            throw new InvalidCommandException(report.rejected().stream()
                    .map(r -> new FieldViolation("lines[" + r.line() + "]." + r.field(), r.message())).toList());
        }
        sql.insertNow(UPSERT, MunicipalityImport.changes(report).stream().map(m -> new Object[]{m.municipality(), m.province(), m.labourMarketRegion()}).toList());
        return report.done();
    }

    private List<Views.KnownMunicipality> rows(String query) {
        return sql.query(query, Sql.params(), rs -> new Views.KnownMunicipality(rs.getString(1), rs.getString(2), rs.getString(3)));
    }
}
