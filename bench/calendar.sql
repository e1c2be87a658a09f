-- bench/calendar.sql
--   The calendar a controller keeps for hand-written SQL: the public
--   holidays of the Länder of the five job centres, 2020 to 2030, written
--   by hand from the holiday laws, and a table of days with a running
--   number of working days.  It uses no function of the absolv extension
--   (bench/run compares it with absolv_holiday before it times anything).
--
--   bench_holiday(day, land, name)
--     HE  Hessen: Feiertagsgesetz (HFeiertagsG) § 1
--     NW  Nordrhein-Westfalen: Feiertagsgesetz NW § 2
--     NI  Niedersachsen: NFeiertagsG § 2 (Reformationstag since 2018)
--     HB  Bremen: Sonn- und Feiertagsgesetz § 2 (Reformationstag since 2018)
--     BB  Brandenburg: FTG § 2 (Ostersonntag and Pfingstsonntag, Reformationstag)
--   bench_calendar(land, day, is_working, workday_no)
--     is_working: Monday to Friday and no holiday of the Land;
--     workday_no: the number of working days from 2020-01-01 up to and
--     including day.  The n-th working day after day y is the working day w
--     with w.workday_no = y.workday_no + n: an equi-join, no loop.

\set ON_ERROR_STOP on
SET client_min_messages = warning;

DROP TABLE IF EXISTS bench_calendar;
DROP TABLE IF EXISTS bench_holiday;

CREATE TABLE bench_holiday (
  day  date NOT NULL,
  land text NOT NULL,
  name text NOT NULL,
  PRIMARY KEY (land, day)
);

-- Easter Sunday, from the Gregorian computus (Gauss), checked against the
-- calendar of the Evangelische Kirche in Deutschland
CREATE TEMP TABLE bench_easter (year int PRIMARY KEY, sunday date NOT NULL);
INSERT INTO bench_easter VALUES
  (2020, '2020-04-12'), (2021, '2021-04-04'), (2022, '2022-04-17'),
  (2023, '2023-04-09'), (2024, '2024-03-31'), (2025, '2025-04-20'),
  (2026, '2026-04-05'), (2027, '2027-03-28'), (2028, '2028-04-16'),
  (2029, '2029-04-01'), (2030, '2030-04-21');

-- holidays of every Land: fixed days and days relative to Easter
CREATE TEMP TABLE bench_holiday_rule (
  name   text NOT NULL,
  month  int,                 -- fixed day: month and day of month
  mday   int,
  easter int,                 -- or: days after Easter Sunday
  lands  text[] NOT NULL,
  since  int NOT NULL DEFAULT 2020
);
INSERT INTO bench_holiday_rule (name, month, mday, easter, lands, since) VALUES
  ('Neujahr',                    1,  1, NULL, '{HE,NW,NI,HB,BB}', 2020),
  ('Karfreitag',              NULL, NULL,  -2, '{HE,NW,NI,HB,BB}', 2020),
  ('Ostersonntag',            NULL, NULL,   0, '{BB}',             2020),
  ('Ostermontag',             NULL, NULL,   1, '{HE,NW,NI,HB,BB}', 2020),
  ('Tag der Arbeit',             5,  1, NULL, '{HE,NW,NI,HB,BB}', 2020),
  ('Christi Himmelfahrt',     NULL, NULL,  39, '{HE,NW,NI,HB,BB}', 2020),
  ('Pfingstsonntag',          NULL, NULL,  49, '{BB}',             2020),
  ('Pfingstmontag',           NULL, NULL,  50, '{HE,NW,NI,HB,BB}', 2020),
  ('Fronleichnam',            NULL, NULL,  60, '{HE,NW}',          2020),
  ('Tag der Deutschen Einheit', 10,  3, NULL, '{HE,NW,NI,HB,BB}', 2020),
  ('Reformationstag',           10, 31, NULL, '{NI,HB,BB}',       2018),
  ('Allerheiligen',             11,  1, NULL, '{NW}',             2020),
  ('1. Weihnachtstag',          12, 25, NULL, '{HE,NW,NI,HB,BB}', 2020),
  ('2. Weihnachtstag',          12, 26, NULL, '{HE,NW,NI,HB,BB}', 2020);

INSERT INTO bench_holiday (day, land, name)
SELECT CASE WHEN r.easter IS NULL THEN make_date(e.year, r.month, r.mday)
            ELSE e.sunday + r.easter END,
       l.land, r.name
FROM bench_easter e
CROSS JOIN bench_holiday_rule r
CROSS JOIN LATERAL unnest(r.lands) AS l(land)
WHERE e.year >= r.since;

CREATE TABLE bench_calendar (
  land       text NOT NULL,
  day        date NOT NULL,
  is_working boolean NOT NULL,
  workday_no int NOT NULL,
  PRIMARY KEY (land, day)
);

INSERT INTO bench_calendar
SELECT d.land, d.day, d.is_working,
       count(*) FILTER (WHERE d.is_working) OVER (PARTITION BY d.land ORDER BY d.day)::int
FROM (
  SELECT l.land, g.day::date AS day,
         extract(isodow FROM g.day) < 6
           AND NOT EXISTS (SELECT 1 FROM bench_holiday h
                           WHERE h.land = l.land AND h.day = g.day::date) AS is_working
  FROM unnest('{HE,NW,NI,HB,BB}'::text[]) AS l(land)
  CROSS JOIN generate_series(date '2020-01-01', date '2030-12-31', interval '1 day') AS g(day)
) d;

-- the n-th working day after y: w.workday_no = y.workday_no + n and w.is_working
CREATE UNIQUE INDEX bench_calendar_workday ON bench_calendar (land, workday_no) WHERE is_working;

DROP TABLE bench_easter, bench_holiday_rule;
ANALYZE bench_holiday;
ANALYZE bench_calendar;
RESET client_min_messages;
