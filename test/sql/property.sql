-- Property test: absolv_in_scope and absolv_compliant against a brute-force
-- oracle, for every preset and every participation of a deterministic
-- pseudo-random data set (issue 4, item 2).
--
-- The oracle below is written from /work/shared/spec/RULES.md sections 2 to
-- 4 only (codes, date conventions, rules), in plain SQL, without looking at
-- absolv's code or presets: code tables by hand, durations and windows as
-- RULES.md states them, evidence as EXISTS subqueries, and the Frankfurt
-- follow-up after a missed appointment by enumerating calendar days against
-- a hand-written table of the public holidays of Hessen.
--
-- Interpretations the oracle makes where RULES.md is silent:
-- * herford_ies and herford_iws are the two variants of herford as rules of
--   their own, so their scope adds "at least 6 months" resp. "under 6 months".
-- * Invalid data (entry or exit NULL, exit before entry) is out of scope and
--   gives a NULL verdict (RULES.md section 5 "invalid").
-- * absolv_compliant does not test the scope (API.md), so the verdict is
--   compared for out-of-scope participations too; the requirement is chosen
--   as RULES.md describes it (herford by duration, hannover by measure, an
--   unknown or NULL measure falls into hannover's "all other measures").
-- * A follow-up contact must come after the missed appointment (the day
--   itself is inside the window anyway).
--
-- The data set is deterministic: every choice is taken from md5 of the row
-- number, never from random().
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
-- pg_regress sets DateStyle Postgres, MDY; dates are compared as ISO text here
SET DateStyle = ISO, YMD;

SELECT plan(34);

-- a deterministic number in [0, n) from a seed text
CREATE FUNCTION pg_temp.h(seed text, n int) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
  SELECT ((('x' || substr(md5(seed), 1, 8))::bit(32)::bigint) % n)::int
$$;

-- an element of an array, chosen by seed
CREATE FUNCTION pg_temp.pick(seed text, a text[]) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
  SELECT a[1 + pg_temp.h(seed, array_length(a, 1))]
$$;
CREATE FUNCTION pg_temp.pick(seed text, a int[]) RETURNS int
LANGUAGE sql IMMUTABLE AS $$
  SELECT a[1 + pg_temp.h(seed, array_length(a, 1))]
$$;
CREATE FUNCTION pg_temp.pick(seed text, a date[]) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT a[1 + pg_temp.h(seed, array_length(a, 1))]
$$;

-- ===================================================================
-- the data set
-- ===================================================================

-- 3000 participations: every measure code, aliases, unknown and NULL
-- measures; every outcome with aliases and NULL; every customer status,
-- legal sphere, CoSach status and goal with aliases and NULL; exits in 2024
-- and 2025, many in the days before the Hessian holidays around Easter,
-- Ascension, Whit Monday and Corpus Christi, and at month ends; durations at
-- and around every threshold (61, 90, 91 days, 3 and 6 months, month-end
-- entries); 3 % invalid rows.
CREATE TEMP TABLE part AS
WITH base AS (
  SELECT i,
         pg_temp.pick('measure' || i, ARRAY[
           'FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV',
           'AGH', 'BAE', 'AZ', 'EQ', 'BVB', 'REHA', 'REHA_VL', 'EVL', 'TAAM',
           'BUKSELB', 'ASA', 'WBV', 'EA', 'DIAG', 'IK', 'BSK',
           'FBW', 'MAT', 'MAG', 'MABE', 'BVB', 'BVB', 'FBW_UMSCHULUNG',
           'Umschulung', 'Fortbildung', 'fbw', 'FbW Umschulung', 'fbw-fortbildung',
           'AGH-MAE', 'Arbeitsgelegenheit', 'Maßnahme bei einem Träger', 'Maßnahme bei einem Arbeitgeber',
           'mabe', ' MAT ', 'Reha-AuW', 'Vorbereitungslehrgang', 'Einstiegsqualifizierung',
           'berufsvorbereitende Bildungsmaßnahme', 'Teilhabe am Arbeitsmarkt',
           'Assistierte Ausbildung', 'Integrationskurs', '§ 81', 'Berufsausbildung in außerbetrieblichen Einrichtungen',
           'GSB', 'XYZ', 'FBWX', 'MAT2', '', NULL]) AS measure,
         pg_temp.pick('outcome' || i, ARRAY[
           'SUCCESS', 'SUCCESS', 'SUCCESS', 'GOAL_EARLY', 'PREMATURE', NULL, NULL,
           'erfolgreich beendet', 'Abbruch', 'Maßnahmeziel vorzeitig erreicht',
           'vorzeitig beendet', ' success ', 'Goal_Early', 'regulär beendet']) AS outcome,
         pg_temp.pick('status' || i, ARRAY[
           'ALO', 'ALO', 'ASU', 'RASU', 'NAS', NULL, NULL, 'arbeitslos', 'nicht arbeitsuchend',
           'alo', 'ratsuchend']) AS customer_status,
         pg_temp.pick('sphere' || i, ARRAY[
           'SGB2', 'SGB2', 'SGB3', NULL, 'SGB II', 'SGB III', 'sgb2', 'SGB 2']) AS legal_sphere,
         pg_temp.pick('cosach' || i, ARRAY[
           'B', 'B', 'B', 'A', 'C', NULL, 'b', 'B: bewilligt, teilnehmend', 'Z']) AS cosach_status,
         pg_temp.pick('goal' || i, ARRAY[
           NULL, NULL, 'INTEGRATION', '1', '1: Integration in Arbeit', 'OTHER', '2',
           'Integration in Ausbildung', 'Integration in Arbeit', 'integration']) AS goal,
         pg_temp.h('exitmode' || i, 10) AS exit_mode,
         pg_temp.h('entrymode' || i, 20) AS entry_mode
  FROM generate_series(1, 3000) AS i
), ex AS (
  SELECT b.*,
         CASE
           -- the 0 to 31 days before a holiday of Hessen (written as dates
           -- here, independently of the oracle's table below)
           WHEN exit_mode BETWEEN 4 AND 6 THEN
             pg_temp.pick('holiday' || i, ARRAY[
               date '2024-03-29', '2024-04-01', '2024-05-01', '2024-05-09', '2024-05-20',
               '2024-05-30', '2024-10-03', '2024-12-25', '2025-01-01', '2025-04-18',
               '2025-04-21', '2025-05-01', '2025-05-29', '2025-06-09', '2025-06-19',
               '2025-10-03', '2025-12-25', '2026-01-01'])
             - pg_temp.h('before' || i, 32)
           -- a month end
           WHEN exit_mode = 7 THEN
             (date_trunc('month', date '2024-01-01' + pg_temp.h('monthend' || i, 731))
              + interval '1 month - 1 day')::date
           ELSE date '2024-01-01' + pg_temp.h('exit' || i, 731)
         END AS exit0
  FROM base b
)
SELECT i AS id, measure, outcome, customer_status, legal_sphere, cosach_status, goal,
       entry_date, exit_date
FROM ex,
LATERAL (
  SELECT
    CASE
      WHEN entry_mode = 0 THEN
        CASE pg_temp.h('invalid' || i, 3)
          WHEN 0 THEN NULL                                        -- no entry date
          WHEN 1 THEN exit0 + 1 + pg_temp.h('late' || i, 5)       -- exit before entry
          ELSE exit0 - 200
        END
      -- durations in days at and around 61, 90, 91 and 6 months
      WHEN entry_mode BETWEEN 1 AND 8 THEN
        exit0 + 1 - pg_temp.pick('days' || i, ARRAY[1, 2, 30, 59, 60, 61, 62, 63, 88, 89, 90, 91,
                                                     92, 93, 120, 150, 181, 182, 183, 184, 200,
                                                     365, 400, 730])
      -- 3 or 6 months, give or take up to 3 days
      WHEN entry_mode BETWEEN 9 AND 14 THEN
        (exit0 + 1 + pg_temp.h('delta' || i, 7) - 3
         - (pg_temp.pick('months' || i, ARRAY[3, 6]) || ' months')::interval)::date
      -- month-end entries: exit set below from the entry
      WHEN entry_mode BETWEEN 15 AND 16 THEN
        (date_trunc('month', date '2023-08-01' + pg_temp.h('entrymonth' || i, 20) * 31)
         - interval '1 day')::date
      ELSE exit0 + 1 - (1 + pg_temp.h('duration' || i, 900))
    END AS entry_date
) en,
LATERAL (
  SELECT
    CASE
      WHEN entry_mode = 0 AND pg_temp.h('invalid' || i, 3) = 2 THEN NULL  -- no exit date
      WHEN entry_mode BETWEEN 15 AND 16 THEN
        (en.entry_date + (pg_temp.pick('months' || i, ARRAY[3, 6]) || ' months')::interval)::date
        - 1 + pg_temp.h('delta' || i, 5) - 2
      ELSE exit0
    END AS exit_date
) ed;

-- evidence: 0 to 10 rows per participation of every kind (aliases, unknown
-- kinds, NULL kinds, NULL days), on days at the edges of every window and
-- spread from exit - 135 to exit + 70; valid_until NULL, before, on or after
-- the exit.  Plus, for a third of the participations, a missed appointment
-- in or next to Frankfurt's window and often a contact 0 to 20 days after it;
-- for a quarter, an EINV on a day near the edges of the Cottbus and Hannover
-- windows, valid until the day before, on or after the exit or open-ended,
-- and a VV or SI near the edges.
CREATE TEMP TABLE ev AS
SELECT p.id AS pid, j AS n,
       pg_temp.pick('kind' || p.id || '/' || j, ARRAY[
         'EINV', 'EINV', 'EINV', 'VV', 'VV', 'SI', 'SI', 'CONTACT', 'CONTACT', 'CONTACT',
         'MISSED', 'EXCEPTION', 'HIRING_COMMITMENT',
         'Kooperationsplan', 'Eingliederungsvereinbarung', 'KP', 'EinV',
         'Vermittlungsvorschlag', ' vv ', 'Stelleninformation',
         'Kontakt', 'Beratungsgespräch', 'contact', 'Meldeversäumnis', 'MV',
         'Ausnahme', 'Einstellungszusage', 'NOTE', 'BEWERBUNG', 'KONTAKTX', '', NULL]) AS kind,
       d.at,
       CASE pg_temp.h('vumode' || p.id || '/' || j, 10)
         WHEN 4 THEN p.exit_date - 1
         WHEN 5 THEN p.exit_date
         WHEN 6 THEN p.exit_date + 1
         WHEN 7 THEN d.at + pg_temp.h('vu' || p.id || '/' || j, 200)
         WHEN 8 THEN d.at - 1
         ELSE NULL
       END AS valid_until
FROM part p
CROSS JOIN LATERAL generate_series(1, pg_temp.h('count' || p.id, 11)) AS j
CROSS JOIN LATERAL (
  SELECT CASE
           WHEN pg_temp.h('atmode' || p.id || '/' || j, 20) < 8 THEN
             p.exit_date + pg_temp.pick('edge' || p.id || '/' || j, ARRAY[
               -131, -130, -129, -91, -90, -89, -88, -42, -29, -28, -27, -1, 0, 1, 2,
               13, 14, 15, 16, 27, 28, 29, 30, 42, 54, 55])
           WHEN pg_temp.h('atmode' || p.id || '/' || j, 20) < 19 THEN
             p.exit_date - 135 + pg_temp.h('at' || p.id || '/' || j, 206)
           ELSE NULL
         END AS at
) d
UNION ALL
SELECT p.id, 100, pg_temp.pick('missedkind' || p.id, ARRAY['MISSED', 'MISSED', 'Meldeversäumnis', 'MV']),
       p.exit_date + pg_temp.h('missed' || p.id, 17), NULL
FROM part p WHERE pg_temp.h('pair' || p.id, 3) = 0
UNION ALL
SELECT p.id, 101, pg_temp.pick('followkind' || p.id, ARRAY['CONTACT', 'CONTACT', 'Kontakt', 'Vermittlungsgespräch']),
       p.exit_date + pg_temp.h('missed' || p.id, 17) + pg_temp.h('follow' || p.id, 21), NULL
FROM part p WHERE pg_temp.h('pair' || p.id, 3) = 0 AND pg_temp.h('pairfollow' || p.id, 5) > 0
UNION ALL
SELECT p.id, 102, pg_temp.pick('einvkind' || p.id, ARRAY['EINV', 'Kooperationsplan']),
       p.exit_date + pg_temp.pick('einvat' || p.id, ARRAY[-91, -90, -1, 0, 1, 2, 13, 14, 15]),
       p.exit_date + pg_temp.pick('einvvu' || p.id, ARRAY[-1, 0, 1, NULL])
FROM part p WHERE pg_temp.h('einvpair' || p.id, 4) = 0
UNION ALL
SELECT p.id, 103, pg_temp.pick('vvkind' || p.id, ARRAY['VV', 'SI', 'Vermittlungsvorschlag']),
       p.exit_date + pg_temp.pick('vvat' || p.id, ARRAY[-91, -90, -10, 0, 1, 14, 15]), NULL
FROM part p WHERE pg_temp.h('einvpair' || p.id, 4) = 0;

CREATE INDEX ON ev (pid);
ANALYZE part;
ANALYZE ev;

-- ===================================================================
-- the oracle: code tables (RULES.md section 2; aliases from docs/codes.md,
-- which RULES.md names as the list of aliases), written by hand for the
-- spellings used above.  A spelling missing here is an unknown code.
-- ===================================================================

CREATE TEMP TABLE o_measure (raw text PRIMARY KEY, code text NOT NULL);
INSERT INTO o_measure VALUES
  ('FBW', 'FBW'), ('FBW_UMSCHULUNG', 'FBW_UMSCHULUNG'), ('FBW_FORTBILDUNG', 'FBW_FORTBILDUNG'),
  ('MAT', 'MAT'), ('MAG', 'MAG'), ('MABE', 'MABE'), ('MPAV', 'MPAV'), ('AGH', 'AGH'),
  ('BAE', 'BAE'), ('AZ', 'AZ'), ('EQ', 'EQ'), ('BVB', 'BVB'), ('REHA', 'REHA'),
  ('REHA_VL', 'REHA_VL'), ('EVL', 'EVL'), ('TAAM', 'TAAM'), ('BUKSELB', 'BUKSELB'),
  ('ASA', 'ASA'), ('WBV', 'WBV'), ('EA', 'EA'), ('DIAG', 'DIAG'), ('IK', 'IK'), ('BSK', 'BSK'),
  ('Umschulung', 'FBW_UMSCHULUNG'), ('Fortbildung', 'FBW_FORTBILDUNG'), ('fbw', 'FBW'),
  ('FbW Umschulung', 'FBW_UMSCHULUNG'), ('fbw-fortbildung', 'FBW_FORTBILDUNG'),
  ('AGH-MAE', 'AGH'), ('Arbeitsgelegenheit', 'AGH'),
  ('Maßnahme bei einem Träger', 'MAT'), ('Maßnahme bei einem Arbeitgeber', 'MAG'),
  ('mabe', 'MABE'), (' MAT ', 'MAT'), ('Reha-AuW', 'REHA'), ('Vorbereitungslehrgang', 'REHA_VL'),
  ('Einstiegsqualifizierung', 'EQ'), ('berufsvorbereitende Bildungsmaßnahme', 'BVB'),
  ('Teilhabe am Arbeitsmarkt', 'TAAM'), ('Assistierte Ausbildung', 'ASA'),
  ('Integrationskurs', 'IK'), ('§ 81', 'FBW'),
  ('Berufsausbildung in außerbetrieblichen Einrichtungen', 'BAE');
-- unknown: GSB, XYZ, FBWX, MAT2, the empty text

CREATE TEMP TABLE o_outcome (raw text PRIMARY KEY, code text NOT NULL);
INSERT INTO o_outcome VALUES
  ('SUCCESS', 'SUCCESS'), ('GOAL_EARLY', 'GOAL_EARLY'), ('PREMATURE', 'PREMATURE'),
  ('erfolgreich beendet', 'SUCCESS'), ('Abbruch', 'PREMATURE'),
  ('Maßnahmeziel vorzeitig erreicht', 'GOAL_EARLY'), ('vorzeitig beendet', 'PREMATURE'),
  (' success ', 'SUCCESS'), ('Goal_Early', 'GOAL_EARLY'), ('regulär beendet', 'SUCCESS');

CREATE TEMP TABLE o_status (raw text PRIMARY KEY, code text NOT NULL);
INSERT INTO o_status VALUES
  ('ALO', 'ALO'), ('ASU', 'ASU'), ('RASU', 'RASU'), ('NAS', 'NAS'), ('arbeitslos', 'ALO'),
  ('nicht arbeitsuchend', 'NAS'), ('alo', 'ALO'), ('ratsuchend', 'RASU');

CREATE TEMP TABLE o_sphere (raw text PRIMARY KEY, code text NOT NULL);
INSERT INTO o_sphere VALUES
  ('SGB2', 'SGB2'), ('SGB3', 'SGB3'), ('SGB II', 'SGB2'), ('SGB III', 'SGB3'),
  ('sgb2', 'SGB2'), ('SGB 2', 'SGB2');

CREATE TEMP TABLE o_cosach (raw text PRIMARY KEY, code text NOT NULL);
INSERT INTO o_cosach VALUES
  ('B', 'B'), ('A', 'A'), ('C', 'C'), ('b', 'B'), ('B: bewilligt, teilnehmend', 'B'), ('Z', 'Z');

-- goal: INTEGRATION for these, any other text is another goal
CREATE TEMP TABLE o_goal (raw text PRIMARY KEY);
INSERT INTO o_goal VALUES
  ('INTEGRATION'), ('1'), ('1: Integration in Arbeit'), ('Integration in Arbeit'), ('integration');

CREATE TEMP TABLE o_kind (raw text PRIMARY KEY, code text NOT NULL);
INSERT INTO o_kind VALUES
  ('EINV', 'EINV'), ('VV', 'VV'), ('SI', 'SI'), ('CONTACT', 'CONTACT'), ('MISSED', 'MISSED'),
  ('EXCEPTION', 'EXCEPTION'), ('HIRING_COMMITMENT', 'HIRING_COMMITMENT'),
  ('Kooperationsplan', 'EINV'), ('Eingliederungsvereinbarung', 'EINV'), ('KP', 'EINV'),
  ('EinV', 'EINV'), ('Vermittlungsvorschlag', 'VV'), (' vv ', 'VV'),
  ('Stelleninformation', 'SI'), ('Kontakt', 'CONTACT'), ('Beratungsgespräch', 'CONTACT'),
  ('contact', 'CONTACT'), ('Vermittlungsgespräch', 'CONTACT'),
  ('Meldeversäumnis', 'MISSED'), ('MV', 'MISSED'),
  ('Ausnahme', 'EXCEPTION'), ('Einstellungszusage', 'HIRING_COMMITMENT');
-- unknown: NOTE, BEWERBUNG, KONTAKTX, the empty text

-- the public holidays of Hessen 2024 to 2026, from the law (Feiertagsgesetz
-- Hessen): Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi Himmelfahrt,
-- Pfingstmontag, Fronleichnam, 3. Oktober, 25. and 26. Dezember.
-- Easter Sunday: 31 March 2024, 20 April 2025, 5 April 2026.
CREATE TEMP TABLE o_holiday_he (day date PRIMARY KEY, name text NOT NULL);
INSERT INTO o_holiday_he VALUES
  ('2024-01-01', 'Neujahr'), ('2024-03-29', 'Karfreitag'), ('2024-04-01', 'Ostermontag'),
  ('2024-05-01', 'Tag der Arbeit'), ('2024-05-09', 'Christi Himmelfahrt'),
  ('2024-05-20', 'Pfingstmontag'), ('2024-05-30', 'Fronleichnam'),
  ('2024-10-03', 'Tag der Deutschen Einheit'), ('2024-12-25', '1. Weihnachtstag'),
  ('2024-12-26', '2. Weihnachtstag'),
  ('2025-01-01', 'Neujahr'), ('2025-04-18', 'Karfreitag'), ('2025-04-21', 'Ostermontag'),
  ('2025-05-01', 'Tag der Arbeit'), ('2025-05-29', 'Christi Himmelfahrt'),
  ('2025-06-09', 'Pfingstmontag'), ('2025-06-19', 'Fronleichnam'),
  ('2025-10-03', 'Tag der Deutschen Einheit'), ('2025-12-25', '1. Weihnachtstag'),
  ('2025-12-26', '2. Weihnachtstag'),
  ('2026-01-01', 'Neujahr'), ('2026-04-03', 'Karfreitag'), ('2026-04-06', 'Ostermontag'),
  ('2026-05-01', 'Tag der Arbeit'), ('2026-05-14', 'Christi Himmelfahrt'),
  ('2026-05-25', 'Pfingstmontag'), ('2026-06-04', 'Fronleichnam'),
  ('2026-10-03', 'Tag der Deutschen Einheit'), ('2026-12-25', '1. Weihnachtstag'),
  ('2026-12-26', '2. Weihnachtstag');

-- "within 10 working days after d" (RULES.md section 3): enumerate the days
-- after d, keep Monday to Friday that are no holiday, take the 10th
CREATE TEMP TABLE o_deadline_he AS
SELECT d::date AS day,
       (SELECT w.day
        FROM (SELECT d::date + k AS day FROM generate_series(1, 40) AS k) AS w
        WHERE extract(isodow FROM w.day) <= 5
          AND NOT EXISTS (SELECT 1 FROM o_holiday_he h WHERE h.day = w.day)
        ORDER BY w.day
        OFFSET 9 LIMIT 1) AS deadline
FROM generate_series(date '2023-12-01', date '2026-06-30', interval '1 day') AS d;
CREATE UNIQUE INDEX ON o_deadline_he (day);

-- the participations in codes, with the duration facts of RULES.md section 3
CREATE TEMP TABLE o_part AS
SELECT p.id, m.code AS measure, p.entry_date AS entry, p.exit_date AS exit,
       p.outcome IS NULL OR o.code IN ('SUCCESS', 'GOAL_EARLY') AS successful,
       s.code AS status, l.code AS sphere, c.code AS cosach,
       CASE WHEN p.goal IS NULL THEN NULL
            WHEN EXISTS (SELECT 1 FROM o_goal g WHERE g.raw = p.goal) THEN 'INTEGRATION'
            ELSE 'OTHER' END AS goal,
       coalesce(p.entry_date <= p.exit_date, false) AS valid,
       p.exit_date - p.entry_date + 1 AS days,
       p.exit_date >= (p.entry_date + interval '3 months')::date - 1 AS at_least_3_months,
       p.exit_date >= (p.entry_date + interval '3 months')::date     AS more_than_3_months,
       p.exit_date >= (p.entry_date + interval '6 months')::date - 1 AS at_least_6_months
FROM part p
LEFT JOIN o_measure m ON m.raw = p.measure
LEFT JOIN o_outcome o ON o.raw = p.outcome
LEFT JOIN o_status s ON s.raw = p.customer_status
LEFT JOIN o_sphere l ON l.raw = p.legal_sphere
LEFT JOIN o_cosach c ON c.raw = p.cosach_status;

-- the evidence in codes: unknown kinds and rows without kind or day drop out
CREATE TEMP TABLE o_ev AS
SELECT e.pid, k.code AS kind, e.at, e.valid_until
FROM ev e JOIN o_kind k ON k.raw = e.kind
WHERE e.at IS NOT NULL;
CREATE INDEX ON o_ev (pid, kind);
ANALYZE o_ev;

-- evidence of a kind on a day in [lo, hi]
CREATE FUNCTION pg_temp.has(pid int, k text, lo date, hi date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM o_ev e WHERE e.pid = $1 AND e.kind = $2 AND e.at BETWEEN $3 AND $4)
$$;
-- ... and in force on the exit day: at <= exit <= coalesce(valid_until, infinity)
CREATE FUNCTION pg_temp.has_in_force(pid int, k text, lo date, hi date, exit date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM o_ev e
                 WHERE e.pid = $1 AND e.kind = $2 AND e.at BETWEEN $3 AND $4
                   AND e.at <= $5 AND $5 <= coalesce(e.valid_until, 'infinity'))
$$;
-- ... where one concluded on or before the exit day must be in force on it
CREATE FUNCTION pg_temp.has_in_force_if_before(pid int, k text, lo date, hi date, exit date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM o_ev e
                 WHERE e.pid = $1 AND e.kind = $2 AND e.at BETWEEN $3 AND $4
                   AND (e.at > $5 OR $5 <= coalesce(e.valid_until, 'infinity')))
$$;
-- Frankfurt: a MISSED in [lo, hi] and a CONTACT after it, up to the 10th
-- Hessian working day after it
CREATE FUNCTION pg_temp.has_followup_he(pid int, lo date, hi date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1
                 FROM o_ev m
                 JOIN o_deadline_he d ON d.day = m.at
                 JOIN o_ev c ON c.pid = m.pid AND c.kind = 'CONTACT'
                            AND c.at > m.at AND c.at <= d.deadline
                 WHERE m.pid = $1 AND m.kind = 'MISSED' AND m.at BETWEEN $2 AND $3)
$$;

CREATE TEMP TABLE presets (preset text PRIMARY KEY, ord int NOT NULL);
INSERT INTO presets VALUES ('frankfurt', 1), ('herford', 2), ('herford_ies', 3), ('herford_iws', 4),
                           ('hannover', 5), ('bremen', 6), ('cottbus_ies', 7), ('cottbus_iws', 8);

-- in scope (RULES.md section 4, "Scope"); filters pass NULL
CREATE FUNCTION pg_temp.oracle_scope(preset text, p o_part) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT coalesce(p.valid AND CASE preset
    WHEN 'frankfurt' THEN
      p.successful
      AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG')
           OR (p.measure IN ('MAT', 'MAG', 'MABE') AND p.more_than_3_months))
    WHEN 'hannover' THEN
      p.successful AND p.measure IS NOT NULL AND p.days >= 90
    WHEN 'bremen' THEN
      p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'EQ', 'BAE', 'BVB', 'MAT', 'MAG',
                    'MABE', 'EVL', 'TAAM', 'AGH', 'BUKSELB', 'ASA', 'REHA')
      AND p.days >= 61
    WHEN 'cottbus_ies' THEN
      p.successful AND p.days >= 91
      AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV',
                         'BAE', 'AZ', 'REHA')
           OR (p.measure = 'BVB' AND coalesce(p.goal, 'INTEGRATION') = 'INTEGRATION'))
    WHEN 'cottbus_iws' THEN
      p.successful AND p.days >= 91
      AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV',
                         'BAE', 'AZ', 'REHA')
           OR (p.measure = 'BVB' AND coalesce(p.goal, 'INTEGRATION') = 'INTEGRATION'))
    ELSE -- herford, herford_ies, herford_iws
      p.successful AND p.at_least_3_months
      AND (p.measure IN ('MAT', 'MAG', 'MABE', 'BAE', 'FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'REHA')
           OR (p.measure = 'BVB' AND coalesce(p.goal, 'INTEGRATION') = 'INTEGRATION'))
      AND coalesce(p.status IN ('ALO', 'ASU', 'RASU'), true)
      AND coalesce(p.sphere = 'SGB2', true)
      AND coalesce(p.cosach = 'B', true)
      AND CASE preset WHEN 'herford_ies' THEN p.at_least_6_months
                      WHEN 'herford_iws' THEN NOT p.at_least_6_months
                      ELSE true END
  END, false)
$$;

-- compliant (RULES.md section 4, "Requirement" and "Exclusion"):
-- NULL for invalid data and for an exclusion
CREATE FUNCTION pg_temp.oracle_compliant(preset text, p o_part) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN NOT p.valid THEN NULL
    WHEN preset = 'frankfurt' THEN
      CASE WHEN pg_temp.has(p.id, 'EXCEPTION', p.exit - 28, p.exit + 14) THEN NULL
           ELSE pg_temp.has(p.id, 'CONTACT', p.exit + 1, p.exit + 14)
                OR pg_temp.has_followup_he(p.id, p.exit + 1, p.exit + 14) END
    WHEN preset IN ('herford', 'herford_ies', 'herford_iws') THEN
      CASE WHEN pg_temp.has(p.id, 'EXCEPTION', p.exit - 90, p.exit + 14) THEN NULL
           WHEN preset = 'herford_ies' OR (preset = 'herford' AND p.at_least_6_months) THEN
             pg_temp.has(p.id, 'CONTACT', p.exit - 90, p.exit)
             AND pg_temp.has(p.id, 'EINV', p.exit - 90, p.exit)
           ELSE
             pg_temp.has(p.id, 'CONTACT', p.exit - 90, p.exit + 14)
             AND pg_temp.has(p.id, 'EINV', p.exit - 90, p.exit + 14) END
    WHEN preset = 'hannover' THEN
      CASE WHEN p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG') THEN
             pg_temp.has_in_force_if_before(p.id, 'EINV', p.exit - 90, p.exit + 14, p.exit)
             AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit + 14)
                  OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit + 14))
           WHEN p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH') THEN
             pg_temp.has_in_force(p.id, 'EINV', p.exit - 90, p.exit, p.exit)
           ELSE
             pg_temp.has_in_force(p.id, 'EINV', p.exit - 90, p.exit, p.exit)
             AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit)
                  OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit)) END
    WHEN preset = 'bremen' THEN
      pg_temp.has(p.id, 'CONTACT', p.exit - 28, p.exit + 28)
    WHEN preset = 'cottbus_ies' THEN
      pg_temp.has_in_force(p.id, 'EINV', p.exit - 90, p.exit, p.exit)
      AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit) OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit))
    WHEN preset = 'cottbus_iws' THEN
      pg_temp.has_in_force_if_before(p.id, 'EINV', p.exit - 90, p.exit + 14, p.exit)
      AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit + 14)
           OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit + 14))
  END
$$;

-- the five-argument absolv_in_scope has no status, sphere, CoSach or goal
CREATE FUNCTION pg_temp.without_filters(p o_part) RETURNS o_part
LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(p.id, p.measure, p.entry, p.exit, p.successful, NULL, NULL, NULL, NULL,
             p.valid, p.days, p.at_least_3_months, p.more_than_3_months, p.at_least_6_months)::o_part
$$;

-- ===================================================================
-- absolv and the oracle, side by side
-- ===================================================================

CREATE TEMP TABLE cmp (fn text, preset text, id int, absolv boolean, oracle boolean);

INSERT INTO cmp
SELECT 'absolv_in_scope/9', r.preset, p.id,
       absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status,
                       p.legal_sphere, p.cosach_status, p.goal, r.preset::absolv_rule),
       pg_temp.oracle_scope(r.preset, o)
FROM presets r CROSS JOIN part p JOIN o_part o ON o.id = p.id;

INSERT INTO cmp
SELECT 'absolv_in_scope/5', r.preset, p.id,
       absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, r.preset::absolv_rule),
       pg_temp.oracle_scope(r.preset, pg_temp.without_filters(o))
FROM presets r CROSS JOIN part p JOIN o_part o ON o.id = p.id;

INSERT INTO cmp
SELECT 'absolv_compliant', a.preset, a.id, a.verdict, pg_temp.oracle_compliant(a.preset, o)
FROM (SELECT r.preset, p.id,
             absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                              r.preset::absolv_rule) AS verdict
      FROM presets r CROSS JOIN part p LEFT JOIN ev e ON e.pid = p.id
      GROUP BY r.preset, p.id) a
JOIN o_part o ON o.id = a.id;

CREATE UNIQUE INDEX ON cmp (fn, preset, id);
ANALYZE cmp;

-- one assertion per preset and function; on failure, up to 5 disagreeing
-- participations with their evidence (day relative to the exit, valid_until
-- relative to the exit) as diagnostics
CREATE FUNCTION pg_temp.agree(f text, pr text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  n int;
  total int;
  r record;
BEGIN
  SELECT count(*) FILTER (WHERE c.absolv IS DISTINCT FROM c.oracle), count(*)
    INTO n, total
  FROM cmp c WHERE c.fn = f AND c.preset = pr;
  RETURN NEXT is(n, 0, format('%s, %s: agrees with the oracle on all %s participations', pr, f, total));
  FOR r IN
    SELECT c.absolv, c.oracle, p.*,
           (SELECT string_agg(format('%s@%s/%s', coalesce(e.kind, 'NULL'), e.at - p.exit_date,
                                     coalesce((e.valid_until - p.exit_date)::text, 'open')),
                              ' ' ORDER BY e.at, e.n)
            FROM ev e WHERE e.pid = p.id) AS evidence
    FROM cmp c JOIN part p ON p.id = c.id
    WHERE c.fn = f AND c.preset = pr AND c.absolv IS DISTINCT FROM c.oracle
    ORDER BY p.id LIMIT 5
  LOOP
    RETURN NEXT diag(format('id %s: absolv %s, oracle %s | measure %L entry %s exit %s outcome %L status %L sphere %L cosach %L goal %L | %s',
                            r.id, coalesce(r.absolv::text, 'NULL'), coalesce(r.oracle::text, 'NULL'),
                            r.measure, r.entry_date, r.exit_date, r.outcome, r.customer_status,
                            r.legal_sphere, r.cosach_status, r.goal, r.evidence));
  END LOOP;
END
$$;

-- the data set reaches every branch: each preset has participations in and
-- out of scope, and compliant, not compliant and NULL verdicts among those
-- in scope, at least 10 of each (excluded counts only for rules with an
-- exclusion)
SELECT is((SELECT string_agg(r.preset, ',' ORDER BY r.ord)
           FROM presets r
           WHERE (SELECT count(*) FILTER (WHERE s.oracle) >= 10
                     AND count(*) FILTER (WHERE NOT s.oracle) >= 10
                     AND count(*) FILTER (WHERE s.oracle AND c.oracle) >= 10
                     AND count(*) FILTER (WHERE s.oracle AND NOT c.oracle) >= 10
                     AND (r.preset NOT IN ('frankfurt', 'herford', 'herford_ies', 'herford_iws')
                          OR count(*) FILTER (WHERE s.oracle AND c.oracle IS NULL) >= 10)
                  FROM cmp s JOIN cmp c ON c.id = s.id AND c.preset = s.preset AND c.fn = 'absolv_compliant'
                  WHERE s.fn = 'absolv_in_scope/9' AND s.preset = r.preset)),
          'frankfurt,herford,herford_ies,herford_iws,hannover,bremen,cottbus_ies,cottbus_iws',
          'coverage: every preset has >= 10 participations in and out of scope, compliant, not compliant (and excluded)');

-- Frankfurt's follow-up is exercised: compliant only through a contact after
-- the window (the follow-up), and a contact one day after the follow-up
-- deadline that does not count; some follow-up periods contain a holiday
SELECT cmp_ok((SELECT count(*)::int FROM o_part p
               WHERE p.valid AND pg_temp.has_followup_he(p.id, p.exit + 1, p.exit + 14)
                 AND NOT pg_temp.has(p.id, 'CONTACT', p.exit + 1, p.exit + 14)
                 AND NOT pg_temp.has(p.id, 'EXCEPTION', p.exit - 28, p.exit + 14)),
              '>=', 20, 'coverage: >= 20 participations fulfil Frankfurt only through the follow-up');
SELECT cmp_ok((SELECT count(*)::int FROM o_ev m JOIN o_part p ON p.id = m.pid
               JOIN o_deadline_he d ON d.day = m.at
               JOIN o_ev c ON c.pid = m.pid AND c.kind = 'CONTACT' AND c.at = d.deadline + 1
               WHERE m.kind = 'MISSED' AND m.at BETWEEN p.exit + 1 AND p.exit + 14
                 AND p.valid
                 AND NOT pg_temp.has(p.id, 'CONTACT', p.exit + 1, p.exit + 14)
                 AND NOT pg_temp.has_followup_he(p.id, p.exit + 1, p.exit + 14)),
              '>=', 5, 'coverage: >= 5 Frankfurt cases with a contact on the day after the follow-up deadline');
SELECT cmp_ok((SELECT count(*)::int FROM o_ev m JOIN o_part p ON p.id = m.pid
               JOIN o_deadline_he d ON d.day = m.at
               WHERE m.kind = 'MISSED' AND m.at BETWEEN p.exit + 1 AND p.exit + 14
                 AND EXISTS (SELECT 1 FROM o_holiday_he h WHERE h.day > m.at AND h.day <= d.deadline)
                 AND EXISTS (SELECT 1 FROM o_ev c WHERE c.pid = m.pid AND c.kind = 'CONTACT'
                                                   AND c.at BETWEEN d.deadline - 3 AND d.deadline + 3)),
              '>=', 10, 'coverage: >= 10 Frankfurt follow-ups over a Hessian holiday with a contact near the deadline');
-- the data set has unknown codes, aliases and invalid rows
SELECT ok((SELECT count(*) FILTER (WHERE p.measure IS NOT NULL AND o.measure IS NULL) >= 20
              AND count(*) FILTER (WHERE p.measure IS NULL) >= 20
              AND count(*) FILTER (WHERE NOT o.valid) >= 30
              AND count(*) FILTER (WHERE p.entry_date IS NULL) >= 5
              AND count(*) FILTER (WHERE p.exit_date IS NULL) >= 5
              AND count(*) FILTER (WHERE p.exit_date < p.entry_date) >= 5
              AND count(*) FILTER (WHERE o.days IN (61, 90, 91)) >= 60
              AND count(*) FILTER (WHERE p.exit_date = (p.entry_date + interval '3 months')::date - 1) >= 10
              AND count(*) FILTER (WHERE p.exit_date = (p.entry_date + interval '6 months')::date - 2) >= 10
           FROM part p JOIN o_part o ON o.id = p.id),
          'coverage: unknown and NULL measures, invalid rows, durations on every threshold');
SELECT ok((SELECT count(*) FILTER (WHERE e.kind IS NULL) >= 50
              AND count(*) FILTER (WHERE e.at IS NULL) >= 50
              AND count(*) FILTER (WHERE e.kind IS NOT NULL AND k.code IS NULL) >= 200
              AND count(*) FILTER (WHERE k.code IS NOT NULL AND k.raw <> k.code) >= 1000
              AND count(*) FILTER (WHERE e.valid_until = p.exit_date) >= 100
              AND count(*) FILTER (WHERE e.valid_until = p.exit_date - 1) >= 100
           FROM ev e JOIN part p ON p.id = e.pid LEFT JOIN o_kind k ON k.raw = e.kind),
          'coverage: NULL, unknown and alias kinds, NULL days, valid_until on and before the exit');

-- the comparisons: 8 presets x (9-argument scope, 5-argument scope, compliant)
SELECT pg_temp.agree('absolv_in_scope/9', 'frankfurt');
SELECT pg_temp.agree('absolv_in_scope/9', 'herford');
SELECT pg_temp.agree('absolv_in_scope/9', 'herford_ies');
SELECT pg_temp.agree('absolv_in_scope/9', 'herford_iws');
SELECT pg_temp.agree('absolv_in_scope/9', 'hannover');
SELECT pg_temp.agree('absolv_in_scope/9', 'bremen');
SELECT pg_temp.agree('absolv_in_scope/9', 'cottbus_ies');
SELECT pg_temp.agree('absolv_in_scope/9', 'cottbus_iws');
SELECT pg_temp.agree('absolv_in_scope/5', 'frankfurt');
SELECT pg_temp.agree('absolv_in_scope/5', 'herford');
SELECT pg_temp.agree('absolv_in_scope/5', 'herford_ies');
SELECT pg_temp.agree('absolv_in_scope/5', 'herford_iws');
SELECT pg_temp.agree('absolv_in_scope/5', 'hannover');
SELECT pg_temp.agree('absolv_in_scope/5', 'bremen');
SELECT pg_temp.agree('absolv_in_scope/5', 'cottbus_ies');
SELECT pg_temp.agree('absolv_in_scope/5', 'cottbus_iws');
SELECT pg_temp.agree('absolv_compliant', 'frankfurt');
SELECT pg_temp.agree('absolv_compliant', 'herford');
SELECT pg_temp.agree('absolv_compliant', 'herford_ies');
SELECT pg_temp.agree('absolv_compliant', 'herford_iws');
SELECT pg_temp.agree('absolv_compliant', 'hannover');
SELECT pg_temp.agree('absolv_compliant', 'bremen');
SELECT pg_temp.agree('absolv_compliant', 'cottbus_ies');
SELECT pg_temp.agree('absolv_compliant', 'cottbus_iws');

-- the same verdicts when the evidence join is restricted to the horizon
-- (API.md: the safe prefilter), over all presets at once
SELECT is((SELECT count(*)::int
           FROM (SELECT r.preset, p.id,
                        absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                                         r.preset::absolv_rule) AS verdict
                 FROM presets r CROSS JOIN part p
                 LEFT JOIN ev e ON e.pid = p.id
                               AND e.at <@ absolv_horizon(p.exit_date, r.preset::absolv_rule)
                 GROUP BY r.preset, p.id) a
           JOIN cmp c ON c.fn = 'absolv_compliant' AND c.preset = a.preset AND c.id = a.id
           WHERE a.verdict IS DISTINCT FROM c.oracle),
          0, 'every preset: the oracle also agrees with a join restricted to absolv_horizon');

-- the oracle's holiday arithmetic is not absolv's: spot checks from the
-- docs (reference.md), so that a wrong hand-written table would show
SELECT is((SELECT deadline FROM o_deadline_he WHERE day = '2025-04-14'), date '2025-04-30',
          'oracle: 10 Hessian working days after 2025-04-14 end on 2025-04-30 (Easter)');
SELECT is((SELECT deadline FROM o_deadline_he WHERE day = '2025-06-16'), date '2025-07-01',
          'oracle: 10 Hessian working days after 2025-06-16 end on 2025-07-01 (Corpus Christi)');
SELECT is((SELECT deadline FROM o_deadline_he WHERE day = '2024-12-20'), date '2025-01-08',
          'oracle: 10 Hessian working days after 2024-12-20 end on 2025-01-08 (Christmas, New Year)');

SELECT * FROM finish();
