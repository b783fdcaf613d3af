package nl.programmes.overview.projection;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;
import nl.programmes.events.DomainEvent;
import nl.programmes.events.consultation.ConsultationClosed;
import nl.programmes.events.consultation.ConsultationOutcomeRecorded;
import nl.programmes.events.consultation.ConsultationOutcomeRevised;
import nl.programmes.events.consultation.ConsultationRequested;
import nl.programmes.events.consultation.LocationPosition;
import nl.programmes.kit.persistence.Sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.stream.Collectors;

/**
 * The objection matrix's rows and cells: consultations and every recorded position per location and
 * form, kept per revision so each cell has its history. Upserts keyed by the consultation's own ids:
 * an outcome that arrives before its request still lands, and the request fills in the rest later.
 */
@Singleton
public class ConsultationMatrixProjection {

    private final Sql sql;
    private final ObjectMapper json;

    public ConsultationMatrixProjection(JdbcOperations jdbc, ObjectMapper json) {
        this.sql = new Sql(jdbc);
        this.json = json;
    }

    public void on(DomainEvent event) {
        if (event instanceof ConsultationRequested requested) {
            consultation(requested.consultationId(), requested.announcementId(), requested.consultedOrganisationId(),
                    requested.kind().name(), write(requested.locations()),
                    requested.dueDate(), "OPEN", 0, null, null, null);
        } else if (event instanceof ConsultationOutcomeRecorded recorded) {
            outcome(recorded.consultationId(), recorded.announcementId(), recorded.consultedOrganisationId(), recorded.revision(),
                    recorded.meetingDate(), recorded.summary(), recorded.agreements());
            recorded.positions().forEach(p -> position(recorded.consultationId(), recorded.announcementId(), recorded.revision(),
                    recorded.meetingDate(), p));
        } else if (event instanceof ConsultationOutcomeRevised revised) {
            outcome(revised.consultationId(), revised.announcementId(), revised.consultedOrganisationId(), revised.revision(),
                    revised.meetingDate(), revised.summary(), revised.agreements());
            revised.changes().forEach(c -> position(revised.consultationId(), revised.announcementId(), revised.revision(),
                    revised.meetingDate(), c.current()));
        } else if (event instanceof ConsultationClosed closed) {
            consultation(closed.consultationId(), closed.announcementId(), "", null, null, null, "CLOSED", 0, null, null, null);
        }
    }

    private void outcome(String consultationId, String announcementId, String consultedOrg, int revision, LocalDate meetingDate,
                         String summary, String agreements) {
        consultation(consultationId, announcementId, consultedOrg, null, null, null, "OPEN", revision, meetingDate,
                summary, agreements);
    }

    /**
     * Every event about a consultation is this one upsert, so a poll's consultation rows go out as one
     * multi-row statement. A request sets kind, scope and due date (kind is never null there); an outcome
     * moves the meeting, summary and agreements forward only for a later revision; a close only closes.
     * MySQL applies the assignments left to right, so {@code revision} is compared before it is raised.
     */
    static final String CONSULTATION = """
            INSERT INTO overview_consultation (consultation_id, announcement_id, consulted_org, kind, scope, due_date, status,
                revision, meeting_date, summary, agreements) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON DUPLICATE KEY UPDATE consulted_org = IF(VALUES(consulted_org) = '', consulted_org, VALUES(consulted_org)),
                due_date = IF(VALUES(kind) IS NULL, due_date, VALUES(due_date)),
                scope = IF(VALUES(kind) IS NULL, scope, VALUES(scope)),
                kind = COALESCE(VALUES(kind), kind),
                status = IF(VALUES(status) = 'CLOSED', 'CLOSED', status),
                meeting_date = IF(VALUES(revision) > revision, VALUES(meeting_date), meeting_date),
                summary = IF(VALUES(revision) > revision, VALUES(summary), summary),
                agreements = IF(VALUES(revision) > revision, VALUES(agreements), agreements),
                revision = GREATEST(revision, VALUES(revision))""";

    private void consultation(String consultationId, String announcementId, String consultedOrg, String kind, String scope,
                              LocalDate dueDate, String status, int revision, LocalDate meetingDate, String summary, String agreements) {
        sql.upsert(CONSULTATION, consultationId, new Object[] {consultationId, announcementId, consultedOrg, kind, scope, dueDate,
                status, revision, meetingDate, summary, agreements}, ConsultationMatrixProjection::merge);
    }

    /**
     * Two rows of {@link #CONSULTATION} for one consultation in one poll, as one: the row whose upsert leaves the table as
     * the earlier's and then the later's would, rule by rule of its {@code ON DUPLICATE KEY UPDATE}. A request and its
     * outcome in one poll then cost the database one row instead of an insert and an update.
     * {@code ConsultationUpsertMergeTest} holds this against the database.
     */
    static Object[] merge(Object[] earlier, Object[] later) {
        Object[] row = earlier.clone(); // the id, and the announcement an insert would take from the first row
        if (!"".equals(later[2])) {
            row[2] = later[2]; // consulted_org: the last one given
        }
        if (later[3] != null) {
            row[3] = later[3]; // kind, scope and due date: those of the last request
            row[4] = later[4];
            row[5] = later[5];
        }
        if ("CLOSED".equals(later[6])) {
            row[6] = "CLOSED"; // closed once, closed for good
        }
        if ((int) later[7] > (int) earlier[7]) {
            row[7] = later[7]; // meeting, summary and agreements: those of the highest revision, the first of equals
            row[8] = later[8];
            row[9] = later[9];
            row[10] = later[10];
        }
        return row;
    }

    private void position(String consultationId, String announcementId, int revision, LocalDate meetingDate, LocationPosition p) {
        sql.update("""
                INSERT IGNORE INTO overview_position (consultation_id, location, form, revision, announcement_id, position,
                    grounds, explanation, conditions, provisional, preferred, meeting_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Sql.params(consultationId, p.location(), p.form() == null ? "" : p.form().name(), revision, announcementId,
                        p.position().name(), grounds(p),
                        p.explanation(), p.conditions(), p.provisional(), p.preferred(), meetingDate));
    }

    /** The grounds as a comma-separated list; most positions are a consent without any, and cost no stream then. */
    private static String grounds(LocationPosition p) {
        return p.grounds().isEmpty() ? "" : p.grounds().stream().map(Enum::name).collect(Collectors.joining(","));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
