-- Each of the timeline's filters gets an index that holds the timeline's order (business date, recorded time, event
-- id) after the filtered column, so a page reads the lines it shows and not every newer line before them. Without
-- them a filter on a kind or an organisation with few lines scanned the whole timeline: 1.7-3.7 s a page at 1.3 million
-- lines (docs/benchmarks/README.md, session 16). The announcement's index gains the order too, so one announcement's
-- timeline, the page read most, is read in order from the index, and the keys of a page are found without the rows.
ALTER TABLE timeline_entry
    ADD KEY timeline_kind (kind, occurred_on, recorded_at, event_id),
    ADD KEY timeline_actor (actor_org, occurred_on, recorded_at, event_id),
    DROP KEY timeline_announcement,
    ADD KEY timeline_announcement (announcement_id, occurred_on, recorded_at, event_id);
