package nl.programmes.overview.read;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the overview API answers. */
public final class Views {

    private Views() {
    }

    @Serdeable
    public record Matrix(String announcementId, String reference, String institution, String institutionName, String programme,
                         String level, @Nullable String isatCode, List<String> forms, String status, String intendedStart,
                         String announcedBy, List<String> candidateLocations, List<String> droppedLocations, List<MatrixRow> rows,
                         List<AwaitedPosition> awaiting, List<DecisionView> decisions) {
    }

    @Serdeable
    public record MatrixRow(String organisation, String organisationName, String consultationId, @Nullable String kind,
                            String status, @Nullable LocalDate dueDate, boolean overdue, @Nullable LocalDate meetingDate,
                            @Nullable String summary, @Nullable String agreements, List<Cell> cells, List<Cell> droppedCells) {
    }

    /** One location (and form, when the organisation distinguished forms) in a row. */
    @Serdeable
    public record Cell(String location, @Nullable String form, String position, boolean provisional, boolean preferred,
                       List<String> grounds, @Nullable String explanation, @Nullable String conditions,
                       List<CellHistory> history) {
    }

    @Serdeable
    public record CellHistory(int revision, LocalDate meetingDate, String position, boolean provisional, boolean preferred) {
    }

    @Serdeable
    public record AwaitedPosition(String organisation, String location, boolean overdue) {
    }

    @Serdeable
    public record DecisionView(String decisionId, String committee, String committeeName, LocalDate meetingDate, String decision,
                               List<String> locations, @Nullable String rationale, @Nullable String corrects,
                               @Nullable String correctedBy) {
    }

    @Serdeable
    public record RegionSummary(String region, int municipalities, int existingOfferings, int intendedProgrammes) {
    }

    @Serdeable
    public record Regions(List<RegionSummary> regions, List<String> unknownMunicipalities) {
    }

    /** The reference table the overview places programmes by: each municipality it knows, its province and labour market. */
    @Serdeable
    public record Municipalities(List<KnownMunicipality> municipalities) {
    }

    @Serdeable
    public record KnownMunicipality(String municipality, String province, @Nullable String labourMarketRegion) {
    }

    @Serdeable
    /** An existing offering; {@code lastIntakeYear} is set when it ended: its last study year with first-year students. */
    public record Offering(String offeringId, String institution, String institutionName, String programme,
                           @Nullable String code, String level, String form, @Nullable String location,
                           Map<String, String> intake, @Nullable Integer lastIntakeYear) {
    }

    /** An institution's register of existing offerings, in every province; ended ones marked, ones registered in error left out. */
    @Serdeable
    public record InstitutionOfferings(String institution, List<OfferingInProvince> offerings) {
    }

    @Serdeable
    public record OfferingInProvince(String province, Offering offering) {
    }

    @Serdeable
    public record Intended(String announcementId, String reference, String institution, String institutionName,
                           String programme, String level, @Nullable String code, List<String> forms, List<String> locations,
                           String status, String intendedStart, @Nullable String domain) {
    }

    @Serdeable
    public record Municipality(String municipality, @Nullable String labourMarketRegion, List<Offering> existing,
                               List<Intended> intended) {
    }

    /**
     * Programmes that belong side by side, with what exists and what is intended: the same CROHO/ISAT code
     * ({@code code}), or intended programmes in the same domain ({@code domain}) with the offerings sharing their codes.
     */
    @Serdeable
    public record Related(@Nullable String code, @Nullable String domain, List<String> existingOfferingIds,
                          List<String> intendedAnnouncementIds) {
    }

    @Serdeable
    public record Region(String region, List<Municipality> municipalities, List<Related> related) {
    }

    /**
     * One line of the timeline. {@code actor} is the acting user's id, {@code actorName} the name people know them by
     * (null on lines projected before names were kept, until a rebuild).
     */
    @Serdeable
    public record TimelineLine(String eventId, LocalDate occurredOn, Instant recordedAt, @Nullable String announcementId,
                               @Nullable String reference, String kind, String actor, @Nullable String actorName,
                               String actorOrganisation, String actorOrganisationName, String textNl, String textEn) {
    }

    @Serdeable
    public record TimelinePage(List<TimelineLine> entries, @Nullable String nextCursor) {
    }

    /** Lines projected since a position, in the order they were projected, and the position to ask from next. */
    @Serdeable
    public record NewLines(List<TimelineLine> entries, Instant position) {
    }

    @Serdeable
    public record TopicStatus(String topic, long lag, long parked) {
    }

    @Serdeable
    public record Status(List<TopicStatus> topics, long eventsProcessed, @Nullable Instant lastProcessedAt,
                         @Nullable String lastProcessedType) {
    }

    /**
     * What the overview could not place: each place of a programme that the municipality table does not hold (a typo, or
     * a municipality the table lacks), with whose programmes are there, and the existing offerings registered without a
     * location. Both are shown under "region unknown", never dropped.
     */
    @Serdeable
    public record DataQuality(List<UnknownPlace> unknownMunicipalities, int offeringsWithoutLocation) {
    }

    @Serdeable
    public record UnknownPlace(String municipality, List<String> institutions, int existingOfferings, List<AnnouncementAt> announcements) {
    }

    /** An announcement named by its id and its reference, as its institution knows it. */
    @Serdeable
    public record AnnouncementAt(String announcementId, String reference) {
    }
}
