-- Reference table: municipality -> province and UWV labour-market region. Covers every municipality
-- named in the seeds and the demo case, and the larger ones besides. An operator may replace the rows
-- with CBS's official table (gemeenten -> provincies, arbeidsmarktregio's); an unknown municipality is
-- shown under "region unknown" and listed in the data-quality view, never dropped.
CREATE TABLE municipality_region (
    municipality         VARCHAR(100) NOT NULL,
    province             VARCHAR(40)  NOT NULL,
    labour_market_region VARCHAR(80)  NULL,
    PRIMARY KEY (municipality)
) ENGINE = InnoDB;

INSERT INTO municipality_region (municipality, province, labour_market_region) VALUES
    ('Enschede', 'Overijssel', 'Twente'),
    ('Hengelo', 'Overijssel', 'Twente'),
    ('Almelo', 'Overijssel', 'Twente'),
    ('Oldenzaal', 'Overijssel', 'Twente'),
    ('Deventer', 'Overijssel', 'Stedendriehoek en Noordwest Veluwe'),
    ('Zwolle', 'Overijssel', 'Regio Zwolle'),
    ('Kampen', 'Overijssel', 'Regio Zwolle'),
    ('Hardenberg', 'Overijssel', 'Regio Zwolle'),
    ('Apeldoorn', 'Gelderland', 'Stedendriehoek en Noordwest Veluwe'),
    ('Zutphen', 'Gelderland', 'Stedendriehoek en Noordwest Veluwe'),
    ('Arnhem', 'Gelderland', 'Midden-Gelderland'),
    ('Nijmegen', 'Gelderland', 'Rijk van Nijmegen'),
    ('Ede', 'Gelderland', 'Food Valley'),
    ('Wageningen', 'Gelderland', 'Food Valley'),
    ('Doetinchem', 'Gelderland', 'Achterhoek'),
    ('Harderwijk', 'Gelderland', 'Regio Zwolle'),
    ('Tiel', 'Gelderland', 'Rivierenland'),
    ('Utrecht', 'Utrecht', 'Midden-Utrecht'),
    ('Nieuwegein', 'Utrecht', 'Midden-Utrecht'),
    ('Zeist', 'Utrecht', 'Midden-Utrecht'),
    ('Amersfoort', 'Utrecht', 'Amersfoort'),
    ('Veenendaal', 'Utrecht', 'Food Valley'),
    ('Amsterdam', 'Noord-Holland', 'Groot Amsterdam'),
    ('Amstelveen', 'Noord-Holland', 'Groot Amsterdam'),
    ('Zaanstad', 'Noord-Holland', 'Zaanstreek/Waterland'),
    ('Purmerend', 'Noord-Holland', 'Zaanstreek/Waterland'),
    ('Haarlem', 'Noord-Holland', 'Zuid-Kennemerland en IJmond'),
    ('Hilversum', 'Noord-Holland', 'Gooi en Vechtstreek'),
    ('Alkmaar', 'Noord-Holland', 'Noord-Holland Noord'),
    ('Hoorn', 'Noord-Holland', 'Noord-Holland Noord'),
    ('Den Helder', 'Noord-Holland', 'Noord-Holland Noord'),
    ('Almere', 'Flevoland', 'Flevoland'),
    ('Lelystad', 'Flevoland', 'Flevoland'),
    ('Dronten', 'Flevoland', 'Flevoland'),
    ('Rotterdam', 'Zuid-Holland', 'Rijnmond'),
    ('Schiedam', 'Zuid-Holland', 'Rijnmond'),
    ('Vlaardingen', 'Zuid-Holland', 'Rijnmond'),
    ('Den Haag', 'Zuid-Holland', 'Haaglanden'),
    ('Delft', 'Zuid-Holland', 'Haaglanden'),
    ('Zoetermeer', 'Zuid-Holland', 'Zuid-Holland Centraal'),
    ('Leiden', 'Zuid-Holland', 'Holland Rijnland'),
    ('Gouda', 'Zuid-Holland', 'Midden-Holland'),
    ('Dordrecht', 'Zuid-Holland', 'Drechtsteden'),
    ('Leeuwarden', 'Friesland', 'Friesland'),
    ('Drachten', 'Friesland', 'Friesland'),
    ('Heerenveen', 'Friesland', 'Friesland'),
    ('Sneek', 'Friesland', 'Friesland'),
    ('Groningen', 'Groningen', 'Groningen'),
    ('Veendam', 'Groningen', 'Groningen'),
    ('Stadskanaal', 'Groningen', 'Groningen'),
    ('Emmen', 'Drenthe', 'Drenthe'),
    ('Assen', 'Drenthe', 'Drenthe'),
    ('Hoogeveen', 'Drenthe', 'Drenthe'),
    ('Meppel', 'Drenthe', 'Drenthe'),
    ('Heerlen', 'Limburg', 'Zuid-Limburg'),
    ('Maastricht', 'Limburg', 'Zuid-Limburg'),
    ('Sittard-Geleen', 'Limburg', 'Zuid-Limburg'),
    ('Venlo', 'Limburg', 'Noord-Limburg'),
    ('Roermond', 'Limburg', 'Midden-Limburg'),
    ('Eindhoven', 'Noord-Brabant', 'Zuidoost-Brabant'),
    ('Helmond', 'Noord-Brabant', 'Helmond-De Peel'),
    ('Tilburg', 'Noord-Brabant', 'Midden-Brabant'),
    ('Breda', 'Noord-Brabant', 'West-Brabant'),
    ('''s-Hertogenbosch', 'Noord-Brabant', 'Noordoost-Brabant'),
    ('Oss', 'Noord-Brabant', 'Noordoost-Brabant'),
    ('Roosendaal', 'Noord-Brabant', 'West-Brabant'),
    ('Middelburg', 'Zeeland', 'Zeeland'),
    ('Vlissingen', 'Zeeland', 'Zeeland'),
    ('Terneuzen', 'Zeeland', 'Zeeland');

ALTER TABLE announcement_overview
    ADD COLUMN dropped_locations TEXT         NOT NULL DEFAULT '[]',
    ADD COLUMN domain            VARCHAR(200) NULL;

-- Consultations and the current position per consultation, location and form ('' = all forms).
-- Rows are keyed by the source's own ids, so any arrival order converges on the same rows.
CREATE TABLE overview_consultation (
    consultation_id CHAR(36)    NOT NULL,
    announcement_id CHAR(36)    NOT NULL,
    consulted_org   VARCHAR(64) NOT NULL,
    kind            VARCHAR(20) NULL,
    scope           TEXT        NULL,
    due_date        DATE        NULL,
    status          VARCHAR(10) NOT NULL DEFAULT 'OPEN',
    revision        INT         NOT NULL DEFAULT 0,
    meeting_date    DATE        NULL,
    summary         TEXT        NULL,
    agreements      TEXT        NULL,
    PRIMARY KEY (consultation_id),
    KEY overview_consultation_announcement (announcement_id)
) ENGINE = InnoDB;

CREATE TABLE overview_position (
    consultation_id CHAR(36)     NOT NULL,
    location        VARCHAR(100) NOT NULL,
    form            VARCHAR(10)  NOT NULL,
    revision        INT          NOT NULL,
    announcement_id CHAR(36)     NOT NULL,
    position        VARCHAR(30)  NOT NULL,
    grounds         VARCHAR(200) NOT NULL,
    explanation     TEXT         NULL,
    conditions      TEXT         NULL,
    provisional     BOOLEAN      NOT NULL,
    preferred       BOOLEAN      NOT NULL,
    meeting_date    DATE         NOT NULL,
    PRIMARY KEY (consultation_id, location, form, revision),
    KEY overview_position_announcement (announcement_id)
) ENGINE = InnoDB;

CREATE TABLE overview_decision (
    decision_id     CHAR(36)    NOT NULL,
    announcement_id CHAR(36)    NOT NULL,
    committee_id    VARCHAR(64) NOT NULL,
    meeting_date    DATE        NOT NULL,
    decision        VARCHAR(40) NOT NULL,
    locations       TEXT        NOT NULL,
    rationale       TEXT        NULL,
    rules_on        TEXT        NOT NULL,
    corrects_id     CHAR(36)    NULL,
    PRIMARY KEY (decision_id),
    KEY overview_decision_announcement (announcement_id)
) ENGINE = InnoDB;

CREATE TABLE overview_offering (
    offering_id    CHAR(36)     NOT NULL,
    institution_id VARCHAR(64)  NOT NULL,
    programme_name VARCHAR(200) NOT NULL,
    isat_code      VARCHAR(5)   NULL,
    crebo          VARCHAR(5)   NULL,
    level          VARCHAR(20)  NOT NULL,
    form           VARCHAR(10)  NOT NULL,
    location       VARCHAR(100) NULL,
    PRIMARY KEY (offering_id)
) ENGINE = InnoDB;

CREATE TABLE overview_intake (
    offering_id  CHAR(36) NOT NULL,
    study_year   INT      NOT NULL,
    intake_count INT      NULL,
    suppressed   BOOLEAN  NOT NULL,
    PRIMARY KEY (offering_id, study_year)
) ENGINE = InnoDB;


-- One line per event, from every service. Sentences name organisations as {org:id}; the read side
-- puts in their current names, so the line reads right whichever event arrived first.
CREATE TABLE timeline_entry (
    event_id        CHAR(36)     NOT NULL,
    occurred_on     DATE         NOT NULL,
    recorded_at     DATETIME(6)  NOT NULL,
    announcement_id CHAR(36)     NULL,
    kind            VARCHAR(200) NOT NULL,
    actor_user      VARCHAR(100) NOT NULL,
    actor_org       VARCHAR(64)  NOT NULL,
    sentence_nl     TEXT         NOT NULL,
    sentence_en     TEXT         NOT NULL,
    PRIMARY KEY (event_id),
    KEY timeline_order (occurred_on, recorded_at, event_id),
    KEY timeline_announcement (announcement_id)
) ENGINE = InnoDB;
