-- The timeline's order index also holds the announcement and the offering a line is about. A province or an
-- institution with more than platform.overview.timeline.listed-up-to announcements and offerings is read along this
-- index, each line checked against what it holds (OverviewReads.keysAmong). Without the two columns every line so
-- checked cost a lookup of its row: an institution with 2,000 announcements and 2,000 offerings took 21 ms a page at
-- 1.3 million lines (docs/benchmarks/README.md, session 16). With them the check reads the index alone.
ALTER TABLE timeline_entry
    DROP KEY timeline_order,
    ADD KEY timeline_order (occurred_on, recorded_at, event_id, announcement_id, offering_id);
