-- sample-data.sql
--   A deterministic synthetic data set of Absolventenmanagement data: the
--   tables a controller has, with the realistic mess they hold (German
--   aliases, unknown measure types, unrelated note types, invalid rows).
--
--   psql -v n=20000 -f scripts/sample-data.sql
--
--   n: number of participations (default 20000).  Creates, in the current
--   schema, after dropping them if they exist:
--     participation(id, customer_id, team, measure, entry_date, exit_date,
--                   outcome, customer_status, legal_sphere, cosach_status, goal)
--     evidence(id, customer_id, kind, at, valid_until)
--
--   Every value derives from md5 hashes of row numbers: the same n gives
--   byte-identical tables on every run, in every session.  The file uses no
--   function of the absolv extension and loads without it.
--
--   progress: with -v progress=on, one line per tenth of each table goes to
--   the terminal (psql's \echo), with the rows so far and the seconds since
--   the start; off by default, so that a test that loads the file sees no
--   output.  The tables are generated in ten chunks either way: the same
--   rows, in the same order, as in one statement.
--
--   psql -v n=1000000 -v progress=on -f scripts/sample-data.sql

\if :{?n}
\else
\set n 20000
\endif
\if :{?progress}
\else
\set progress off
\endif

\set ON_ERROR_STOP on
SET client_encoding = 'UTF8';
SET client_min_messages = warning;
-- JIT would compile the hash expressions anew for every chunk, at ten times
-- the cost of the chunk itself: off here, restored at the end
SELECT current_setting('jit') AS sample_saved_jit \gset
SET jit = off;

DROP TABLE IF EXISTS evidence;
DROP TABLE IF EXISTS participation;

CREATE TABLE participation (
  id              bigint PRIMARY KEY,
  customer_id     bigint NOT NULL,
  team            text NOT NULL,
  measure         text,
  entry_date      date,
  exit_date       date,
  outcome         text,
  customer_status text,
  legal_sphere    text,
  cosach_status   text,
  goal            text
);

CREATE TABLE evidence (
  id          bigint PRIMARY KEY,
  customer_id bigint NOT NULL,
  kind        text,
  at          date,
  valid_until date
);

-- the progress line of chunk k of 10 of a table: rows so far and seconds
-- since the start of this file
CREATE TEMP TABLE sample_clock AS SELECT clock_timestamp() AS t0;
CREATE OR REPLACE FUNCTION pg_temp.sample_progress(what text, k int, rows_so_far bigint, total bigint)
RETURNS text LANGUAGE sql VOLATILE
AS $$
  SELECT format('sample data: %s %s%s (%s %%), %s s', what, rows_so_far,
                coalesce(' of ' || total, ''), 10 * k,
                round(extract(epoch FROM clock_timestamp() - t0), 1))
  FROM sample_clock
$$;

-- h(i, salt): a pseudo-random integer in [0, 2^32), a pure function of i and salt
CREATE OR REPLACE FUNCTION pg_temp.h(i bigint, salt text) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT ('x' || substr(md5(i::text || ':' || salt), 1, 8))::bit(32)::bigint $$;

-- measure codes with their shares in per mille: 92 % canonical codes,
-- 5 % German spellings as real tables hold them, 3 % measure types no rule knows
CREATE TEMP TABLE sample_measure_share (ord int, code text, permille int);
INSERT INTO sample_measure_share VALUES
  ( 1, 'MAT',                   230),
  ( 2, 'MAG',                    80),
  ( 3, 'MABE',                   40),
  ( 4, 'MPAV',                   50),
  ( 5, 'AGH',                   120),
  ( 6, 'FBW_UMSCHULUNG',         50),
  ( 7, 'FBW_FORTBILDUNG',        90),
  ( 8, 'FBW',                    40),
  ( 9, 'BAE',                    20),
  (10, 'AZ',                     10),
  (11, 'EQ',                     15),
  (12, 'BVB',                    30),
  (13, 'REHA',                   15),
  (14, 'REHA_VL',                 5),
  (15, 'EVL',                    25),
  (16, 'TAAM',                   25),
  (17, 'BUKSELB',                10),
  (18, 'ASA',                    10),
  (19, 'WBV',                    10),
  (20, 'EA',                     10),
  (21, 'DIAG',                    5),
  (22, 'IK',                     20),
  (23, 'BSK',                    10),
  (24, 'Umschulung',             15),
  (25, 'AGH-MAE',                15),
  (26, 'BvB',                    10),
  (27, 'fbw',                    10),
  (28, 'GSB',                    10),
  (29, 'PSA',                    10),
  (30, 'VERMITTLUNGSGUTSCHEIN',  10);

-- one array of 1000 codes, each repeated per mille times
CREATE TEMP TABLE sample_measure_pick AS
SELECT array_agg(m.code ORDER BY m.ord, g.k) AS codes
FROM sample_measure_share m
CROSS JOIN LATERAL generate_series(1, m.permille) AS g(k);

-- share of well-handled participations per team, in per cent
CREATE TEMP TABLE sample_team (team_no int PRIMARY KEY, diligence int);
INSERT INTO sample_team VALUES (1, 88), (2, 82), (3, 75), (4, 90), (5, 80), (6, 70);

-- participations --------------------------------------------------------
-- about n / 1.5 distinct customers: ids drawn from 1 .. 1.15 n.
-- sample_participation(k) inserts chunk k of 10: ids (k - 1) n / 10 + 1 .. k n / 10,
-- and returns its progress line.
PREPARE sample_participation(int) AS
WITH chunk AS (
INSERT INTO participation
SELECT s.i,
       s.customer_id,
       'Team ' || (1 + pg_temp.h(s.customer_id, 'team') % 6),
       s.measure,
       s.entry_date,
       CASE
         WHEN s.invalid < 15 THEN NULL                                  -- no exit recorded
         WHEN s.invalid < 30 THEN s.entry_date - (1 + s.r_inv % 40)::int  -- exit before entry
         ELSE s.exit_date
       END,
       CASE
         WHEN s.r_outcome % 100 < 65 THEN 'SUCCESS'
         WHEN s.r_outcome % 100 < 73 THEN 'GOAL_EARLY'
         WHEN s.r_outcome % 100 < 93 THEN 'PREMATURE'
       END,
       CASE
         WHEN s.r_status % 100 < 45 THEN 'ALO'
         WHEN s.r_status % 100 < 75 THEN 'ASU'
         WHEN s.r_status % 100 < 78 THEN 'RASU'
         WHEN s.r_status % 100 < 88 THEN 'NAS'
       END,
       CASE
         WHEN s.r_sphere % 100 < 88 THEN 'SGB2'
         WHEN s.r_sphere % 100 < 93 THEN 'SGB3'
       END,
       CASE
         WHEN s.r_cosach % 100 < 85 THEN 'B'
         WHEN s.r_cosach % 100 < 88 THEN 'A'
         WHEN s.r_cosach % 100 < 92 THEN 'E'
         WHEN s.r_cosach % 100 < 95 THEN 'Z'
       END,
       CASE
         WHEN s.measure NOT IN ('BVB', 'BvB') THEN NULL
         WHEN s.r_goal % 100 < 75 THEN 'INTEGRATION'
         WHEN s.r_goal % 100 < 90 THEN 'OTHER'
       END
FROM (
  SELECT d.*,
         CASE
           -- a duration in months: exit = entry + months - 1 day, mostly exact,
           -- sometimes one day shorter or longer (the edges of "at least" and
           -- "more than" n months)
           WHEN d.months IS NOT NULL THEN
             (d.exit_date - make_interval(months => d.months))::date + 1
             + CASE d.r_jitter % 10 WHEN 0 THEN -1 WHEN 1 THEN 1 ELSE 0 END
           -- a duration in days: exit - entry + 1 = days
           ELSE d.exit_date - (d.days - 1)
         END AS entry_date
  FROM (
    SELECT c.*,
           CASE
             WHEN c.measure IN ('FBW_UMSCHULUNG', 'Umschulung') AND c.r_dur % 10 < 7 THEN 24
             WHEN c.dur BETWEEN  80 AND 179 THEN 1
             WHEN c.dur BETWEEN 240 AND 439 THEN 3
             WHEN c.dur BETWEEN 440 AND 639 THEN 6
             WHEN c.dur BETWEEN 780 AND 879 THEN 12
             WHEN c.dur BETWEEN 880 AND 949 THEN 24
           END AS months,
           CASE
             WHEN c.dur < 80 THEN 14 + (c.r_days % 47)::int                  -- 2 weeks .. 2 months
             WHEN c.dur < 240 THEN (ARRAY[59, 60, 61, 62, 89, 90, 91, 92])[1 + c.r_days % 8]
             WHEN c.dur < 780 THEN 61 + (c.r_days % 275)::int                 -- 2 .. 11 months
             ELSE 366 + (c.r_days % 730)::int                                 -- 1 .. 3 years
           END AS days
    FROM (
      SELECT g.i,
             1 + pg_temp.h(g.i, 'customer') % ceil(:n * 1.15)::bigint AS customer_id,
             mp.codes[1 + pg_temp.h(g.i, 'measure') % cardinality(mp.codes)] AS measure,
             date '2024-01-01' + (pg_temp.h(g.i, 'exit') % 731)::int AS exit_date,
             pg_temp.h(g.i, 'duration') % 1000 AS dur,
             pg_temp.h(g.i, 'dur_umschulung') AS r_dur,
             pg_temp.h(g.i, 'days') AS r_days,
             pg_temp.h(g.i, 'jitter') AS r_jitter,
             pg_temp.h(g.i, 'invalid') % 10000 AS invalid,
             pg_temp.h(g.i, 'invalid_days') AS r_inv,
             pg_temp.h(g.i, 'outcome') AS r_outcome,
             pg_temp.h(g.i, 'status') AS r_status,
             pg_temp.h(g.i, 'sphere') AS r_sphere,
             pg_temp.h(g.i, 'cosach') AS r_cosach,
             pg_temp.h(g.i, 'goal') AS r_goal
      FROM generate_series(($1 - 1)::bigint * :n / 10 + 1, $1::bigint * :n / 10) AS g(i)
      CROSS JOIN sample_measure_pick mp
      OFFSET 0  -- a fence: hash once per row, not once per reference
    ) c
  ) d
) s
RETURNING 1
)
SELECT pg_temp.sample_progress('participations', $1, $1::bigint * :n / 10, :n) AS msg
FROM (SELECT count(*) FROM chunk) AS done;

EXECUTE sample_participation(1) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(2) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(3) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(4) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(5) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(6) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(7) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(8) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(9) \gset
\if :progress \echo :msg \endif
EXECUTE sample_participation(10) \gset
\if :progress \echo :msg \endif
DEALLOCATE sample_participation;

-- evidence --------------------------------------------------------------
-- Per participation up to 12 rows between exit - 150 and exit + 60 days, and
-- up to 2 far outside any window.  A participation is "well handled" with the
-- diligence of its team: then the integration specialist usually acted in
-- time.  id = participation id * 16 + slot.
--   slot  1  CONTACT during the measure, before the exit
--   slot  2  CONTACT after the exit (follow-up interview)
--   slot  3  EINV (also 'Kooperationsplan', 'Eingliederungsvereinbarung'),
--            open-ended or valid some months, sometimes expiring just before the exit
--   slot  4  VV (also 'Vermittlungsvorschlag')
--   slot  5  SI
--   slot  6  MISSED (also 'Meldeversäumnis'), in the two weeks after the exit
--   slot  7  CONTACT rescheduled after the missed appointment of slot 6
--   slot  8  EXCEPTION (rare)
--   slot  9  HIRING_COMMITMENT (rare, more often with GOAL_EARLY)
--   slot 10..12  unrelated note types
--   slot 13..14  evidence far outside any window
-- sample_evidence(k) inserts the evidence of chunk k of the participations
-- and returns its progress line (the evidence rows so far).
CREATE TEMP TABLE sample_evidence_rows (n bigint NOT NULL);
INSERT INTO sample_evidence_rows VALUES (0);
PREPARE sample_evidence(int) AS
WITH chunk AS (
INSERT INTO evidence
SELECT e.key, e.customer_id, e.kind, e.at,
       CASE
         WHEN e.kind NOT IN ('EINV', 'Kooperationsplan', 'Eingliederungsvereinbarung') THEN NULL
         WHEN e.r_valid % 100 < 30 THEN NULL
         WHEN e.r_valid % 100 < 92 THEN (e.at + make_interval(months => 3 + (e.r_valid / 100 % 10)::int))::date
         ELSE greatest(e.at, e.anchor - (1 + (e.r_valid / 100 % 10)::int))   -- expires just before the exit
       END
FROM (
  SELECT k.*,
         CASE k.slot
           WHEN 1 THEN 'CONTACT'
           WHEN 2 THEN 'CONTACT'
           WHEN 3 THEN CASE WHEN k.r_kind % 100 < 75 THEN 'EINV'
                            WHEN k.r_kind % 100 < 93 THEN 'Kooperationsplan'
                            ELSE 'Eingliederungsvereinbarung' END
           WHEN 4 THEN CASE WHEN k.r_kind % 100 < 85 THEN 'VV' ELSE 'Vermittlungsvorschlag' END
           WHEN 5 THEN 'SI'
           WHEN 6 THEN CASE WHEN k.r_kind % 100 < 90 THEN 'MISSED' ELSE 'Meldeversäumnis' END
           WHEN 7 THEN 'CONTACT'
           WHEN 8 THEN 'EXCEPTION'
           WHEN 9 THEN 'HIRING_COMMITMENT'
           WHEN 13 THEN (ARRAY['EINV', 'CONTACT', 'VV', 'MISSED', 'SI', 'NOTE'])[1 + k.r_kind % 6]
           WHEN 14 THEN (ARRAY['EINV', 'CONTACT', 'VV', 'MISSED', 'SI', 'NOTE'])[1 + k.r_kind % 6]
           ELSE CASE WHEN k.r_kind % 100 < 40 THEN 'NOTE'
                     WHEN k.r_kind % 100 < 70 THEN 'BEWERBUNG'
                     ELSE 'TERMIN_SONSTIGES' END
         END AS kind,
         k.anchor + CASE k.slot
           WHEN 1 THEN -(k.r_at % CASE WHEN k.diligent THEN 90 ELSE 151 END)::int
           WHEN 2 THEN CASE WHEN k.r_where % 100 < 85 THEN 1 + (k.r_at % 14)::int
                            ELSE 15 + (k.r_at % 46)::int END
           WHEN 3 THEN CASE WHEN k.r_where % 100 < 5 THEN 1 + (k.r_at % 14)::int
                            WHEN k.diligent AND k.r_where % 100 < 90 THEN -(k.r_at % 91)::int
                            ELSE -(k.r_at % 151)::int END
           WHEN 4 THEN CASE WHEN k.r_where % 100 < 15 THEN 1 + (k.r_at % 14)::int
                            WHEN k.r_where % 100 < 90 THEN -(k.r_at % 91)::int
                            ELSE -(91 + k.r_at % 60)::int END
           WHEN 5 THEN CASE WHEN k.r_where % 100 < 15 THEN 1 + (k.r_at % 14)::int
                            WHEN k.r_where % 100 < 90 THEN -(k.r_at % 91)::int
                            ELSE -(91 + k.r_at % 60)::int END
           WHEN 6 THEN k.missed_day
           WHEN 7 THEN k.missed_day + 1 + (k.r_at % 14)::int
           WHEN 8 THEN -28 + (k.r_at % 43)::int
           WHEN 9 THEN -(k.r_at % 30)::int
           WHEN 13 THEN -(400 + (k.r_at % 1100))::int
           WHEN 14 THEN CASE WHEN k.r_where % 100 < 70 THEN -(400 + (k.r_at % 1100))::int
                             ELSE 200 + (k.r_at % 400)::int END
           ELSE -150 + (k.r_at % 211)::int
         END AS at
  FROM (
    SELECT q.*,
           pg_temp.h(q.key, 'at') AS r_at,
           pg_temp.h(q.key, 'where') AS r_where,
           pg_temp.h(q.key, 'kind') AS r_kind,
           pg_temp.h(q.key, 'valid') AS r_valid
    FROM (
      -- which slots a participation has
      SELECT pp.*, pp.id * 16 + sl.slot AS key, sl.slot
      FROM (
        SELECT p.id, p.customer_id, p.outcome,
               coalesce(p.exit_date, p.entry_date + 180) AS anchor,
               pg_temp.h(p.id, 'diligence') % 100 < t.diligence AS diligent,
               pg_temp.h(p.id * 16 + 6, 'present') % 1000 < 80 AS missed,
               1 + (pg_temp.h(p.id * 16 + 6, 'at') % 14)::int AS missed_day
        FROM participation p
        JOIN sample_team t ON t.team_no = substr(p.team, 6)::int
        WHERE p.id > ($1 - 1)::bigint * :n / 10 AND p.id <= $1::bigint * :n / 10
        OFFSET 0  -- a fence: hash once per row, not once per reference
      ) pp
      CROSS JOIN generate_series(1, 14) AS sl(slot)
      WHERE pg_temp.h(pp.id * 16 + sl.slot, 'present') % 1000 < CASE sl.slot
              WHEN 1 THEN CASE WHEN pp.diligent THEN 920 ELSE 300 END
              WHEN 2 THEN CASE WHEN pp.diligent THEN 850 ELSE 250 END
              WHEN 3 THEN CASE WHEN pp.diligent THEN 950 ELSE 350 END
              WHEN 4 THEN CASE WHEN pp.diligent THEN 900 ELSE 250 END
              WHEN 5 THEN CASE WHEN pp.diligent THEN 550 ELSE 150 END
              WHEN 6 THEN 80
              WHEN 7 THEN CASE WHEN NOT pp.missed THEN 0 WHEN pp.diligent THEN 800 ELSE 300 END
              WHEN 8 THEN 20
              WHEN 9 THEN CASE WHEN pp.outcome = 'GOAL_EARLY' THEN 300 ELSE 15 END
              WHEN 13 THEN 150
              WHEN 14 THEN 150
              ELSE 550
            END
      OFFSET 0
    ) q
    OFFSET 0
  ) k
) e
RETURNING 1
),
counted AS (
  UPDATE sample_evidence_rows SET n = n + (SELECT count(*) FROM chunk) RETURNING n
)
SELECT pg_temp.sample_progress('evidence rows', $1, counted.n, NULL)
       || format(' (participations up to %s)', $1::bigint * :n / 10) AS msg
FROM counted;

EXECUTE sample_evidence(1) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(2) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(3) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(4) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(5) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(6) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(7) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(8) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(9) \gset
\if :progress \echo :msg \endif
EXECUTE sample_evidence(10) \gset
\if :progress \echo :msg \endif
DEALLOCATE sample_evidence;

\if :progress \echo 'sample data: indexes and statistics' \endif

CREATE INDEX evidence_customer_at ON evidence (customer_id, at);
CREATE INDEX participation_exit_date ON participation (exit_date);

DROP TABLE sample_measure_share, sample_measure_pick, sample_team, sample_clock,
           sample_evidence_rows;
DROP FUNCTION pg_temp.sample_progress(text, int, bigint, bigint);

ANALYZE participation;
ANALYZE evidence;

RESET client_min_messages;
SET jit = :'sample_saved_jit';

SELECT (SELECT count(*) FROM participation)                     AS participations,
       (SELECT count(DISTINCT customer_id) FROM participation)  AS customers,
       (SELECT count(*) FROM evidence)                          AS evidence_rows;
