package nl.programmes.overview.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.offering.IntakeReported;
import nl.programmes.events.offering.OfferingRegistered;
import nl.programmes.kit.persistence.Sql;

/**
 * Existing offerings with their intake. A suppressed intake stays suppressed: no count is stored for it.
 * <p>
 * The last report of an offering or a year's intake wins, column for column. {@code REPLACE} says that: both tables have
 * no column but the ones given, and no foreign key, so replacing the row is updating every column. Unlike an upsert, a
 * poll's run of it goes to MariaDB as {@code LOAD DATA … REPLACE} (the kit's {@code LoadData}), which costs it less per row.
 */
@Singleton
public class RegionalOfferingProjection {

    private final Sql sql;

    public RegionalOfferingProjection(JdbcOperations jdbc) {
        this.sql = new Sql(jdbc);
    }

    public void on(DomainEvent event) {
        if (event instanceof OfferingRegistered o) {
            sql.update("""
                    REPLACE INTO overview_offering (offering_id, institution_id, programme_name, isat_code, crebo, level, form, location)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", Sql.params(o.offeringId(), o.institutionId(), o.programmeName(),
                    o.isatCode(), o.crebo(), o.level().name(), o.form().name(), o.location()));
        } else if (event instanceof IntakeReported i) {
            sql.update("REPLACE INTO overview_intake (offering_id, study_year, intake_count, suppressed) VALUES (?, ?, ?, ?)",
                    Sql.params(i.offeringId(), i.studyYear(), i.count(), i.suppressed()));
        }
    }

}
