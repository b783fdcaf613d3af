package nl.programmes.overview.reference;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import nl.programmes.kit.places.PlaceNames;
import nl.programmes.overview.read.Views;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a municipality file does to the table: it adds the municipalities the table lacks and moves those it places
 * elsewhere; the table's other places stay. A CBS table names each municipality as it is on the first of January,
 * while programmes keep the places they were registered with: a municipality merged away ("Heerhugowaard", now in Dijk
 * en Waard) and a place staff write otherwise than CBS ("Den Haag", "'s-Gravenhage") still place their programmes.
 * Without a labour-market region column, the places the table holds keep their region. Pure: it reads nothing.
 */
public final class MunicipalityImport {

    private MunicipalityImport() {
    }

    /** A municipality the file places in another province or labour-market region than the table did. */
    @Serdeable
    public record Move(String municipality, String fromProvince, @Nullable String fromLabourMarketRegion, String province,
                       @Nullable String labourMarketRegion) {
    }

    /**
     * What the file does (or did, when {@code imported}): {@code rows} read; the municipalities {@code added} and
     * {@code moved}; how many it names as the table has them; the table's places it does not name, which stay
     * ({@code kept}); provinces no place of the table was in ({@code newProvinces}: a new name for a province, such
     * as CBS's "Fryslân", moves every municipality it names); places of programmes now under "region unknown" that it
     * places, and those it leaves there.
     */
    @Serdeable
    public record Report(int rows, List<Views.KnownMunicipality> added, List<Move> moved, int unchanged, List<String> kept,
                         List<String> newProvinces, boolean withLabourMarketRegions, List<String> placed, List<String> stillUnknown,
                         List<MunicipalityFile.Rejection> rejected, boolean imported) {

        Report done() {
            return new Report(rows, added, moved, unchanged, kept, newProvinces, withLabourMarketRegions, placed, stillUnknown, rejected, true);
        }
    }

    /** The rows a report writes: each added or moved municipality, under the name the table has for it. */
    public static List<Views.KnownMunicipality> changes(Report report) {
        List<Views.KnownMunicipality> changes = new ArrayList<>(report.added());
        report.moved().forEach(m -> changes.add(new Views.KnownMunicipality(m.municipality(), m.province(), m.labourMarketRegion())));
        return changes;
    }

    /**
     * @param table   the table as it stands
     * @param file    the file read
     * @param unknown the places of programmes the table does not hold now (shown under "region unknown")
     */
    public static Report plan(List<Views.KnownMunicipality> table, MunicipalityFile.Parsed file, List<String> unknown) {
        Map<String, Views.KnownMunicipality> held = new HashMap<>();
        table.forEach(m -> held.put(PlaceNames.key(m.municipality()), m));
        Set<String> provinces = new TreeSet<>();
        table.forEach(m -> provinces.add(m.province()));
        List<Views.KnownMunicipality> added = new ArrayList<>();
        List<Move> moved = new ArrayList<>();
        Set<String> named = new java.util.HashSet<>();
        Set<String> newProvinces = new TreeSet<>();
        Set<String> after = new java.util.HashSet<>(held.keySet()); // the keys of the places the table will hold
        int unchanged = 0;
        for (MunicipalityFile.Row row : file.rows()) {
            String key = PlaceNames.key(row.municipality());
            named.add(key);
            if (!provinces.contains(row.province())) {
                newProvinces.add(row.province());
            }
            Views.KnownMunicipality now = held.get(key);
            if (now == null) {
                added.add(new Views.KnownMunicipality(row.municipality(), row.province(), row.labourMarketRegion()));
                after.add(key);
                continue;
            }
            String region = file.withLabourMarketRegions() ? row.labourMarketRegion() : now.labourMarketRegion();
            if (now.province().equals(row.province()) && Objects.equals(now.labourMarketRegion(), region)) {
                unchanged++;
            } else {
                moved.add(new Move(now.municipality(), now.province(), now.labourMarketRegion(), row.province(), region));
            }
        }
        List<String> kept = table.stream().map(Views.KnownMunicipality::municipality)
                .filter(m -> !named.contains(PlaceNames.key(m))).sorted().toList();
        // The regional pages find a programme's place as the table's key compares it ("enschede" is Enschede).
        List<String> placed = unknown.stream().filter(p -> after.contains(PlaceNames.key(p))).sorted().toList();
        List<String> stillUnknown = unknown.stream().filter(p -> !after.contains(PlaceNames.key(p))).sorted().toList();
        return new Report(file.rows().size(), List.copyOf(added), List.copyOf(moved), unchanged, kept, List.copyOf(newProvinces),
                file.withLabourMarketRegions(), placed, stillUnknown, file.rejections(), false);
    }
}
