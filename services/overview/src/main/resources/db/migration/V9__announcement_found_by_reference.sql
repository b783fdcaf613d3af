-- The timeline's announcement filter takes an announcement's reference (A24-056), as people know it, as well as its id.
-- References are unique per institution only, and the column's collation compares them in any case.
ALTER TABLE announcement_overview
    ADD KEY announcement_overview_reference (reference);
