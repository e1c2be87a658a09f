-- bench/generate.sql
--   The benchmark's data set: participations in measures and the evidence
--   in the customers' files, deterministic and of configurable size.
--
--   psql -v participations=1000000 -f bench/generate.sql
--
--   participations: number of participations (default 1000000).  Creates,
--   in the current schema, after dropping them if they exist, two UNLOGGED
--   tables of the shape of scripts/sample-data.sql (and docs/cookbook.md):
--     participation(id, customer_id, team, measure, entry_date, exit_date,
--                   outcome, customer_status, legal_sphere, cosach_status, goal)
--     evidence(id, customer_id, kind, at, valid_until)
--   with about 7.8 evidence rows per participation.  It creates no index
--   but the primary key of participation: bench/run adds the ones a DBA
--   would add, after loading.
--
--   Every value derives from hashint8extended(key, salt), PostgreSQL's own
--   64-bit integer hash: the same size gives the same tables on every run
--   (on one platform; the hash is that of the server's byte order).  No
--   md5, no text formatting, no random(): 1 million participations and
--   7.8 million evidence rows load in 12 to 35 s on a 2-core machine.
--
--   The data are what a controlling data warehouse holds after its own
--   mapping: canonical codes (docs/codes.md), plus measure types and note
--   types no rule knows, and the text 'nicht gesetzt' for an unset customer
--   status as the source systems export it.  Shares:
--     measures       23 known codes with realistic shares, 3 % unknown types
--     exits          2023-01-01 .. 2025-12-31, uniform
--     durations      2 weeks .. 3 years, many exactly 1, 3, 6, 12 or 24
--                    months (and one day less or more: the edges of "at
--                    least" and "more than" n months), many 59 .. 92 days
--     outcome        65 % SUCCESS, 8 % GOAL_EARLY, 20 % PREMATURE, 7 % NULL
--     status etc.    mostly ALO/ASU, SGB2, CoSach B; some NULL (status:
--                    also 'nicht gesetzt') and others; BVB goal mostly
--                    INTEGRATION, 10 % unknown (NULL)
--     invalid rows   0.3 % (no exit, or exit before entry)
--     customers      about n / 2 customers with participations, so about
--                    two participations per customer: the evidence of one
--                    participation is in the windows of the others
--     evidence       per participation, by slot (probability well handled /
--                    not, the team's diligence decides which):
--                    CONTACT before the exit, CONTACT after it, EINV (valid
--                    open-ended, months, or expiring just before the exit),
--                    VV, SI, MISSED in the two weeks after the exit and a
--                    rescheduled CONTACT 1 to 18 days later, EXCEPTION (2.5 %),
--                    HIRING_COMMITMENT, JOB_START (mostly after an early end
--                    with the goal reached), another CONTACT and MISSED anywhere
--                    from 150 days before to 60 days after the exit, three
--                    unrelated notes (about 30 % of all rows) and two rows
--                    far outside every window (1 to 4 years before, or
--                    200 to 600 days after).

\if :{?participations}
\else
\set participations 1000000
\endif

\set ON_ERROR_STOP on
SET client_min_messages = warning;
-- loading: memory for the sorts of the primary key, no parallel overhead
SET maintenance_work_mem = '1GB';

DROP TABLE IF EXISTS evidence;
DROP TABLE IF EXISTS participation;

CREATE UNLOGGED TABLE participation (
  id              bigint NOT NULL,
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

CREATE UNLOGGED TABLE evidence (
  id          bigint NOT NULL,
  customer_id bigint NOT NULL,
  kind        text,
  at          date,
  valid_until date
);

-- r(key, salt): a pseudo-random integer in [0, 2^63), a pure function of
-- key and salt.  A plain SQL function, inlined by the planner.
CREATE FUNCTION pg_temp.r(k bigint, salt bigint) RETURNS bigint
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT hashint8extended(k, salt) & 9223372036854775807 $$;

\echo generate: :participations participations

-- participations --------------------------------------------------------
INSERT INTO participation
SELECT d.i,
       d.customer_id,
       'Team ' || d.team_no,
       d.measure,
       d.entry_date,
       CASE
         WHEN d.invalid < 15 THEN NULL                                          -- no exit recorded
         WHEN d.invalid < 30 THEN d.entry_date - (1 + d.r_inv % 40)::int          -- exit before entry
         ELSE d.exit_date
       END,
       CASE
         WHEN d.r_outcome < 65 THEN 'SUCCESS'
         WHEN d.r_outcome < 73 THEN 'GOAL_EARLY'
         WHEN d.r_outcome < 93 THEN 'PREMATURE'
       END,
       CASE
         WHEN d.r_status < 45 THEN 'ALO'
         WHEN d.r_status < 75 THEN 'ASU'
         WHEN d.r_status < 78 THEN 'RASU'
         WHEN d.r_status < 88 THEN 'NAS'
         WHEN d.r_status < 92 THEN 'nicht gesetzt'
       END,
       CASE
         WHEN d.r_sphere < 88 THEN 'SGB2'
         WHEN d.r_sphere < 93 THEN 'SGB3'
       END,
       CASE
         WHEN d.r_cosach < 85 THEN 'B'
         WHEN d.r_cosach < 88 THEN 'A'
         WHEN d.r_cosach < 92 THEN 'E'
         WHEN d.r_cosach < 95 THEN 'Z'
       END,
       CASE
         WHEN d.measure <> 'BVB' THEN NULL
         WHEN d.r_goal < 75 THEN 'INTEGRATION'
         WHEN d.r_goal < 90 THEN 'OTHER'
       END
FROM (
  SELECT c.*,
         CASE
           -- a duration in months: exit = entry + months - 1 day, mostly
           -- exact, sometimes one day shorter or longer
           WHEN c.months IS NOT NULL THEN
             (c.exit_date - make_interval(months => c.months))::date + 1
             + CASE c.r_jitter WHEN 0 THEN -1 WHEN 1 THEN 1 ELSE 0 END
           -- a duration in days: exit - entry + 1 = days
           ELSE c.exit_date - (c.days - 1)
         END AS entry_date
  FROM (
    SELECT b.*,
           CASE
             WHEN b.measure = 'FBW_UMSCHULUNG' AND b.r_dur2 < 7 THEN 24
             WHEN b.dur BETWEEN  80 AND 179 THEN 1
             WHEN b.dur BETWEEN 240 AND 439 THEN 3
             WHEN b.dur BETWEEN 440 AND 639 THEN 6
             WHEN b.dur BETWEEN 780 AND 879 THEN 12
             WHEN b.dur BETWEEN 880 AND 949 THEN 24
           END AS months,
           CASE
             WHEN b.dur < 80 THEN 14 + (b.r_days % 47)::int                        -- 2 weeks .. 2 months
             WHEN b.dur < 240 THEN (ARRAY[59, 60, 61, 62, 89, 90, 91, 92])[1 + b.r_days % 8]
             WHEN b.dur < 780 THEN 61 + (b.r_days % 275)::int                       -- 2 .. 11 months
             ELSE 366 + (b.r_days % 730)::int                                       -- 1 .. 3 years
           END AS days
    FROM (
      SELECT a.i,
             a.customer_id,
             1 + pg_temp.r(a.customer_id, 2) % 6 AS team_no,
             CASE
               WHEN a.m <  235 THEN 'MAT'
               WHEN a.m <  315 THEN 'MAG'
               WHEN a.m <  355 THEN 'MABE'
               WHEN a.m <  405 THEN 'MPAV'
               WHEN a.m <  535 THEN 'AGH'
               WHEN a.m <  595 THEN 'FBW_UMSCHULUNG'
               WHEN a.m <  695 THEN 'FBW_FORTBILDUNG'
               WHEN a.m <  740 THEN 'FBW'
               WHEN a.m <  760 THEN 'BAE'
               WHEN a.m <  770 THEN 'AZ'
               WHEN a.m <  785 THEN 'EQ'
               WHEN a.m <  825 THEN 'BVB'
               WHEN a.m <  840 THEN 'REHA'
               WHEN a.m <  845 THEN 'REHA_VL'
               WHEN a.m <  870 THEN 'EVL'
               WHEN a.m <  895 THEN 'TAAM'
               WHEN a.m <  905 THEN 'BUKSELB'
               WHEN a.m <  915 THEN 'ASA'
               WHEN a.m <  925 THEN 'WBV'
               WHEN a.m <  935 THEN 'EA'
               WHEN a.m <  940 THEN 'DIAG'
               WHEN a.m <  960 THEN 'IK'
               WHEN a.m <  970 THEN 'BSK'
               -- measure types no rule knows: never in scope
               WHEN a.m <  980 THEN 'GSB'
               WHEN a.m <  990 THEN 'PSA'
               ELSE 'VERMITTLUNGSGUTSCHEIN'
             END AS measure,
             date '2023-01-01' + (pg_temp.r(a.i, 4) % 1096)::int AS exit_date,
             pg_temp.r(a.i, 5) % 1000 AS dur,
             pg_temp.r(a.i, 6) % 10 AS r_dur2,
             pg_temp.r(a.i, 7) AS r_days,
             pg_temp.r(a.i, 8) % 10 AS r_jitter,
             pg_temp.r(a.i, 9) % 10000 AS invalid,
             pg_temp.r(a.i, 10) AS r_inv,
             pg_temp.r(a.i, 11) % 100 AS r_outcome,
             pg_temp.r(a.i, 12) % 100 AS r_status,
             pg_temp.r(a.i, 13) % 100 AS r_sphere,
             pg_temp.r(a.i, 14) % 100 AS r_cosach,
             pg_temp.r(a.i, 15) % 100 AS r_goal
      FROM (
        SELECT g.i,
               -- ids of about n / 1.6 customers, about 80 % of which have
               -- participations: two per customer on average
               1 + pg_temp.r(g.i, 1) % ceil(:participations / 1.6)::bigint AS customer_id,
               pg_temp.r(g.i, 3) % 1000 AS m
        FROM generate_series(1, :participations) AS g(i)
      ) a
      OFFSET 0  -- a fence: hash once per row, not once per reference
    ) b
  ) c
) d;

\echo generate: participations loaded, primary key
ALTER TABLE participation ADD PRIMARY KEY (id);

-- evidence --------------------------------------------------------------
-- id = participation id * 16 + slot.  The day of each row is relative to
-- the exit of its participation (or entry + 180 days for one without
-- exit); the diligence of the customer's team decides how often the
-- integration specialist acted in time.
--   slot  1  CONTACT during the measure, up to 90 (or 150) days before the exit
--   slot  2  CONTACT after the exit: 85 % in the two weeks after it
--   slot  3  EINV: concluded in the 91 (or 151) days before the exit, 5 %
--            in the two weeks after it; valid open-ended (30 %), 3 to 12
--            months (62 %), or expiring just before the exit (8 %)
--   slot  4  VV, slot 5 SI: mostly in the 91 days before the exit
--   slot  6  MISSED in the two weeks after the exit (8 %)
--   slot  7  CONTACT rescheduled 1 to 18 days after the missed appointment
--   slot  8  EXCEPTION (2.5 %), 100 days before to 20 days after the exit
--   slot  9  HIRING_COMMITMENT (30 % of early ends with a goal reached):
--            75 % in the 91 days before the exit, 15 % in the 30 days
--            before those, 10 % in the 20 days after the exit
--   slot 10  another CONTACT, slot 11 another MISSED: 150 days before to
--            60 days after the exit
--   slot 12..13  unrelated note types, 150 days before to 60 days after
--   slot 14  JOB_START (45 % of early ends with a goal reached, 4 % of the
--            others), 30 days before to 44 days after the exit; otherwise
--            an unrelated note type like slots 12..13
--   slot 15..16  evidence of any kind far outside every window
\echo generate: evidence
INSERT INTO evidence
SELECT k.key,
       k.customer_id,
       k.kind,
       k.at,
       CASE
         WHEN k.kind <> 'EINV' THEN NULL
         WHEN k.r_valid % 100 < 30 THEN NULL
         WHEN k.r_valid % 100 < 92 THEN (k.at + make_interval(months => 3 + (k.r_valid / 100 % 10)::int))::date
         ELSE greatest(k.at, k.anchor - (1 + (k.r_valid / 100 % 10)::int))   -- expires just before the exit
       END
FROM (
  SELECT q.key, q.customer_id, q.anchor, q.r_valid,
         CASE q.slot
           WHEN 1 THEN 'CONTACT'
           WHEN 2 THEN 'CONTACT'
           WHEN 3 THEN 'EINV'
           WHEN 4 THEN 'VV'
           WHEN 5 THEN 'SI'
           WHEN 6 THEN 'MISSED'
           WHEN 7 THEN 'CONTACT'
           WHEN 8 THEN 'EXCEPTION'
           WHEN 9 THEN 'HIRING_COMMITMENT'
           WHEN 10 THEN 'CONTACT'
           WHEN 11 THEN 'MISSED'
           WHEN 14 THEN CASE WHEN q.r_kind % 100 < CASE WHEN q.outcome = 'GOAL_EARLY' THEN 45 ELSE 4 END
                             THEN 'JOB_START'
                             WHEN q.r_kind / 100 % 100 < 35 THEN 'NOTE'
                             WHEN q.r_kind / 100 % 100 < 60 THEN 'BEWERBUNG'
                             WHEN q.r_kind / 100 % 100 < 85 THEN 'TERMIN_SONSTIGES'
                             ELSE 'TELEFONAT' END
           WHEN 15 THEN (ARRAY['EINV', 'CONTACT', 'VV', 'MISSED', 'SI', 'NOTE'])[1 + q.r_kind % 6]
           WHEN 16 THEN (ARRAY['EINV', 'CONTACT', 'VV', 'MISSED', 'SI', 'NOTE'])[1 + q.r_kind % 6]
           ELSE CASE WHEN q.r_kind % 100 < 35 THEN 'NOTE'
                     WHEN q.r_kind % 100 < 60 THEN 'BEWERBUNG'
                     WHEN q.r_kind % 100 < 85 THEN 'TERMIN_SONSTIGES'
                     ELSE 'TELEFONAT' END
         END AS kind,
         q.anchor + CASE q.slot
           WHEN 1 THEN -(q.r_at % CASE WHEN q.diligent THEN 91 ELSE 151 END)::int
           WHEN 2 THEN CASE WHEN q.r_where < 85 THEN 1 + (q.r_at % 14)::int
                            ELSE 15 + (q.r_at % 46)::int END
           WHEN 3 THEN CASE WHEN q.r_where < 5 THEN 1 + (q.r_at % 14)::int
                            WHEN q.diligent AND q.r_where < 90 THEN -(q.r_at % 91)::int
                            ELSE -(q.r_at % 151)::int END
           WHEN 4 THEN CASE WHEN q.r_where < 15 THEN 1 + (q.r_at % 14)::int
                            WHEN q.r_where < 90 THEN -(q.r_at % 91)::int
                            ELSE -(91 + q.r_at % 60)::int END
           WHEN 5 THEN CASE WHEN q.r_where < 15 THEN 1 + (q.r_at % 14)::int
                            WHEN q.r_where < 90 THEN -(q.r_at % 91)::int
                            ELSE -(91 + q.r_at % 60)::int END
           WHEN 6 THEN q.missed_day
           WHEN 7 THEN q.missed_day + 1 + (q.r_at % 18)::int
           WHEN 8 THEN -100 + (q.r_at % 121)::int
           WHEN 9 THEN CASE WHEN q.r_where < 75 THEN -(q.r_at % 91)::int
                            WHEN q.r_where < 90 THEN -(91 + q.r_at % 30)::int
                            ELSE 1 + (q.r_at % 20)::int END
           WHEN 14 THEN CASE WHEN q.r_kind % 100 < CASE WHEN q.outcome = 'GOAL_EARLY' THEN 45 ELSE 4 END
                             THEN -30 + (q.r_at % 75)::int
                             ELSE -150 + (q.r_at % 211)::int END
           WHEN 15 THEN -(400 + (q.r_at % 1100))::int
           WHEN 16 THEN CASE WHEN q.r_where < 70 THEN -(400 + (q.r_at % 1100))::int
                             ELSE 200 + (q.r_at % 400)::int END
           ELSE -150 + (q.r_at % 211)::int
         END AS at
  FROM (
    SELECT pp.*, sl.slot, pp.id * 16 + sl.slot AS key,
           pg_temp.r(pp.id * 16 + sl.slot, 21) AS r_at,
           pg_temp.r(pp.id * 16 + sl.slot, 22) % 100 AS r_where,
           pg_temp.r(pp.id * 16 + sl.slot, 23) AS r_kind,
           pg_temp.r(pp.id * 16 + sl.slot, 24) AS r_valid
    FROM (
      SELECT p.id, p.customer_id, p.outcome,
             coalesce(p.exit_date, p.entry_date + 180) AS anchor,
             -- team diligence in per cent: 88, 82, 75, 90, 80, 70
             pg_temp.r(p.id, 30) % 100
               < (ARRAY[88, 82, 75, 90, 80, 70])[substr(p.team, 6)::int] AS diligent,
             pg_temp.r(p.id * 16 + 6, 20) % 1000 < 80 AS missed,
             1 + (pg_temp.r(p.id, 31) % 14)::int AS missed_day
      FROM participation p
      OFFSET 0
    ) pp
    CROSS JOIN generate_series(1, 16) AS sl(slot)
    WHERE pg_temp.r(pp.id * 16 + sl.slot, 20) % 1000 < CASE sl.slot
            WHEN 1 THEN CASE WHEN pp.diligent THEN 920 ELSE 300 END
            WHEN 2 THEN CASE WHEN pp.diligent THEN 850 ELSE 250 END
            WHEN 3 THEN CASE WHEN pp.diligent THEN 950 ELSE 350 END
            WHEN 4 THEN CASE WHEN pp.diligent THEN 900 ELSE 250 END
            WHEN 5 THEN CASE WHEN pp.diligent THEN 550 ELSE 150 END
            WHEN 6 THEN 80
            WHEN 7 THEN CASE WHEN NOT pp.missed THEN 0 WHEN pp.diligent THEN 800 ELSE 300 END
            WHEN 8 THEN 25
            WHEN 9 THEN CASE WHEN pp.outcome = 'GOAL_EARLY' THEN 300 ELSE 15 END
            WHEN 10 THEN 600
            WHEN 11 THEN 60
            WHEN 15 THEN 400
            WHEN 16 THEN 400
            ELSE 850
          END
    OFFSET 0
  ) q
) k;

RESET client_min_messages;
RESET maintenance_work_mem;
