-- Property test: absolv_in_scope, absolv_compliant and absolv_verdict
-- against a brute-force oracle, for every preset and every participation of
-- a deterministic pseudo-random data set (issue 4, item 2; revision 2 of the
-- rules, issue 11).
--
-- The oracle below is written from the rules only (codes, date conventions,
-- the five job centres' rules and what a verdict is, as docs/rules.md and
-- docs/job-centres/ state them), in plain SQL, without looking at absolv's
-- code or presets: code tables by hand, durations and windows as the rules
-- state them, evidence as EXISTS subqueries, and the Frankfurt follow-up
-- after a missed appointment by enumerating calendar days against a
-- hand-written table of the public holidays of Hessen.
--
-- Revision 2 of the rules, as the oracle reads them:
-- * frankfurt: an EXCEPTION or a JOB_START from exit - 28 up to the later of
--   exit + 14 and the 10th Hessian working day after a missed appointment
--   in [exit + 1, exit + 14] excludes; an exclusion wins over fulfilment.
-- * herford*: MAT, BAE, FBW*, REHA and BVB with goal INTEGRATION (MAG, MABE
--   and BVB with another or no goal are out); customer status ALO, ASU, RASU
--   or not set ("nicht gesetzt" is not set); legal sphere SGB2 and CoSach
--   status B, both required to be known.  The five-argument absolv_in_scope
--   cannot give these attributes and raises 22023 for every participation.
--   Only an EXCEPTION inside the variant's own window excludes (ieS
--   [exit - 90, exit], iwS [exit - 90, exit + 14]).
-- * hannover: § 45 and AGH need an EINV in [exit - 90, exit + 14], one
--   concluded on or before the exit in force on it; a HIRING_COMMITMENT in
--   [exit - 90, exit] replaces VV or SI, for FBW* and for all other
--   measures.
-- * bremen: IK and BSK are in scope.
-- * cottbus_*: CoSach status B (NULL passes); BVB only with goal
--   INTEGRATION, which must be known (so BVB is out of the five-argument
--   form's scope).
--
-- Interpretations the oracle makes where the rules are silent:
-- * herford_ies and herford_iws are the two variants of herford as rules of
--   their own, so their scope adds "at least 6 months" resp. "under 6 months".
-- * Invalid data (entry or exit NULL, exit before entry) is out of scope and
--   gives a NULL verdict (status "invalid").
-- * absolv_compliant does not test the scope, so the verdict is compared
--   for out-of-scope participations too; the requirement is chosen as the
--   rules describe it (herford by duration, hannover by measure, an unknown
--   or NULL measure falls into hannover's "all other measures").
-- * A follow-up contact must come after the missed appointment (the day
--   itself is inside the window anyway).
-- * absolv_verdict as of a day sees only the evidence dated up to that day;
--   not excluded and not fulfilled, it is pending up to the end of the
--   window (Frankfurt: or the follow-up deadline of a missed appointment
--   already recorded, whichever is later), missed after it.  In none of the
--   rules does a part of the requirement close before the whole window does.
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

SELECT plan(51);

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

-- 6000 participations: every measure code, aliases, unknown and NULL
-- measures; every outcome with aliases and NULL; every customer status
-- (with "nicht gesetzt"), legal sphere, CoSach status and goal with aliases
-- and NULL; exits in 2024 and 2025, many in the days before the Hessian
-- holidays around Easter, Ascension, Whit Monday and Corpus Christi, and at
-- month ends; durations at and around every threshold (61, 90, 91 days, 3
-- and 6 months, month-end entries); 3 % invalid rows.  Each participation
-- also has a day to ask absolv_verdict about, at the edges of the windows.
CREATE TEMP TABLE part AS
WITH base AS (
  SELECT i,
         pg_temp.pick('measure' || i, ARRAY[
           'FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV',
           'AGH', 'BAE', 'AZ', 'EQ', 'BVB', 'REHA', 'REHA_VL', 'EVL', 'TAAM',
           'BUKSELB', 'ASA', 'WBV', 'EA', 'DIAG', 'IK', 'BSK',
           'FBW', 'MAT', 'MAG', 'MABE', 'BVB', 'BVB', 'FBW_UMSCHULUNG',
           'MAT', 'MAG', 'MABE', 'BAE', 'REHA', 'BVB', 'AGH', 'IK', 'BSK',
           'Umschulung', 'Fortbildung', 'fbw', 'FbW Umschulung', 'fbw-fortbildung',
           'AGH-MAE', 'Arbeitsgelegenheit', 'Maßnahme bei einem Träger', 'Maßnahme bei einem Arbeitgeber',
           'mabe', ' MAT ', 'Reha-AuW', 'Vorbereitungslehrgang', 'Einstiegsqualifizierung',
           'berufsvorbereitende Bildungsmaßnahme', 'Teilhabe am Arbeitsmarkt',
           'Assistierte Ausbildung', 'Integrationskurs', ' ik ', 'bsk',
           'berufsbezogener Deutschkurs', 'berufsbezogene Deutschsprachförderung',
           '§ 81', 'Berufsausbildung in außerbetrieblichen Einrichtungen',
           'GSB', 'XYZ', 'FBWX', 'MAT2', '', NULL]) AS measure,
         pg_temp.pick('outcome' || i, ARRAY[
           'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'SUCCESS', 'GOAL_EARLY', 'PREMATURE', NULL, NULL,
           'erfolgreich beendet', 'Abbruch', 'Maßnahmeziel vorzeitig erreicht',
           'vorzeitig beendet', ' success ', 'Goal_Early', 'regulär beendet']) AS outcome,
         pg_temp.pick('status' || i, ARRAY[
           'ALO', 'ALO', 'ASU', 'RASU', 'NAS', NULL, NULL, 'arbeitslos', 'nicht arbeitsuchend',
           'alo', 'ratsuchend', 'nicht gesetzt', 'Nicht gesetzt', ' NICHT GESETZT ']) AS customer_status,
         pg_temp.pick('sphere' || i, ARRAY[
           'SGB2', 'SGB2', 'SGB2', 'SGB2', 'SGB2', 'SGB2', 'SGB2', 'SGB II', 'sgb2', 'SGB 2', 'SGB3', 'SGB III', NULL, NULL]) AS legal_sphere,
         pg_temp.pick('cosach' || i, ARRAY[
           'B', 'B', 'B', 'B', 'B', 'B', 'B', 'b', 'B: bewilligt, teilnehmend', 'A', 'C', 'Z', NULL, NULL]) AS cosach_status,
         pg_temp.pick('goal' || i, ARRAY[
           NULL, NULL, NULL, 'INTEGRATION', '1', '1: Integration in Arbeit', 'OTHER', '2',
           'Integration in Ausbildung', 'Integration in Arbeit', 'integration']) AS goal,
         pg_temp.h('exitmode' || i, 10) AS exit_mode,
         pg_temp.h('entrymode' || i, 20) AS entry_mode
  FROM generate_series(1, 6000) AS i
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
       entry_date, exit_date,
       -- the day absolv_verdict is asked about: around the window bounds of
       -- every rule and the Frankfurt follow-up deadlines
       exit0 + pg_temp.pick('asof' || i, ARRAY[
         -200, -91, -90, -89, -29, -28, -27, -1, 0, 1, 13, 14, 15, 16, 17, 18, 19, 20,
         21, 22, 24, 26, 27, 28, 29, 30, 40]) AS as_of
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
-- the exit.  Plus:
-- * for a third of the participations, a missed appointment in or next to
--   Frankfurt's window and often a contact 0 to 20 days after it;
-- * for a quarter, an EINV on a day near the edges of the Cottbus and
--   Hannover windows, valid until the day before, on or after the exit or
--   open-ended, and a VV or SI near the edges;
-- * for two fifths, an EXCEPTION or JOB_START: after a missed appointment,
--   10 to 20 days after it (around its follow-up deadline); otherwise on
--   the day before, on or after a bound of an exclusion window;
-- * for a quarter, a HIRING_COMMITMENT on the day before, on or after a
--   bound of Hannover's [exit - 90, exit];
-- * for a third, an EXCEPTION on the day before, on or after a bound of
--   Herford's two windows;
-- * for a third, a CONTACT on the day before, on or after a bound of the
--   Bremen, Frankfurt and Herford windows.
CREATE TEMP TABLE ev AS
SELECT p.id AS pid, j AS n,
       pg_temp.pick('kind' || p.id || '/' || j, ARRAY[
         'EINV', 'EINV', 'EINV', 'VV', 'VV', 'SI', 'SI', 'CONTACT', 'CONTACT', 'CONTACT',
         'MISSED', 'EXCEPTION', 'HIRING_COMMITMENT', 'JOB_START',
         'Kooperationsplan', 'Eingliederungsvereinbarung', 'KP', 'EinV',
         'Vermittlungsvorschlag', ' vv ', 'Stelleninformation',
         'Kontakt', 'Beratungsgespräch', 'contact', 'Meldeversäumnis', 'MV',
         'Ausnahme', 'Aussetzung', 'Einstellungszusage', 'Arbeitsaufnahme', 'Beschäftigungsbeginn',
         ' job_start ', 'NOTE', 'BEWERBUNG', 'KONTAKTX', 'JOBSTART', '', NULL]) AS kind,
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
       p.exit_date + pg_temp.pick('einvat' || p.id, ARRAY[-91, -90, -1, 0, 0, 0, 1, 2, 13, 14, 15]),
       p.exit_date + pg_temp.pick('einvvu' || p.id, ARRAY[-1, 0, 1, NULL])
FROM part p WHERE pg_temp.h('einvpair' || p.id, 4) = 0
UNION ALL
SELECT p.id, 103, pg_temp.pick('vvkind' || p.id, ARRAY['VV', 'SI', 'Vermittlungsvorschlag']),
       p.exit_date + pg_temp.pick('vvat' || p.id, ARRAY[-91, -90, -10, 0, 1, 14, 15]), NULL
FROM part p WHERE pg_temp.h('einvpair' || p.id, 4) = 0
UNION ALL
SELECT p.id, 104,
       pg_temp.pick('exclkind' || p.id, ARRAY['EXCEPTION', 'JOB_START', 'EXCEPTION', 'JOB_START',
                                              'Ausnahme', 'Arbeitsaufnahme', 'Beschäftigungsbeginn']),
       CASE WHEN pg_temp.h('pair' || p.id, 3) = 0 AND pg_temp.h('exclmode' || p.id, 2) = 0 THEN
              p.exit_date + pg_temp.h('missed' || p.id, 17) + 10 + pg_temp.h('excldays' || p.id, 11)
            ELSE
              p.exit_date + pg_temp.pick('exclat' || p.id, ARRAY[-92, -91, -90, -89, -29, -28, -27,
                                                                  -1, 0, 1, 13, 14, 15, 16])
       END,
       NULL
FROM part p WHERE pg_temp.h('excl' || p.id, 5) < 2
UNION ALL
SELECT p.id, 105, pg_temp.pick('hckind' || p.id, ARRAY['HIRING_COMMITMENT', 'Einstellungszusage']),
       p.exit_date + pg_temp.pick('hcat' || p.id, ARRAY[-91, -90, -89, -1, 0, 1, 14]), NULL
FROM part p WHERE pg_temp.h('hc' || p.id, 4) = 0
UNION ALL
SELECT p.id, 106, pg_temp.pick('hexclkind' || p.id, ARRAY['EXCEPTION', 'Ausnahme', 'Aussetzung']),
       p.exit_date + pg_temp.pick('hexclat' || p.id, ARRAY[-91, -90, 0, 1, 14, 15]), NULL
FROM part p WHERE pg_temp.h('hexcl' || p.id, 3) = 0
UNION ALL
SELECT p.id, 107, pg_temp.pick('contactkind' || p.id, ARRAY['CONTACT', 'Kontakt', 'Beratungsgespräch']),
       p.exit_date + pg_temp.pick('contactat' || p.id, ARRAY[-91, -90, -50, -29, -28, -1, 0, 1, 14, 15, 28, 29]),
       NULL
FROM part p WHERE pg_temp.h('contact' || p.id, 3) = 0;

CREATE INDEX ON ev (pid);
ANALYZE part;
ANALYZE ev;

-- ===================================================================
-- the oracle: code tables (the codes of the rules; aliases from
-- docs/codes.md), written by hand for the spellings used above.  A
-- spelling missing here is an unknown code.
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
  ('Integrationskurs', 'IK'), (' ik ', 'IK'), ('bsk', 'BSK'),
  ('berufsbezogener Deutschkurs', 'BSK'), ('berufsbezogene Deutschsprachförderung', 'BSK'),
  ('§ 81', 'FBW'), ('Berufsausbildung in außerbetrieblichen Einrichtungen', 'BAE');
-- unknown: GSB, XYZ, FBWX, MAT2, the empty text

CREATE TEMP TABLE o_outcome (raw text PRIMARY KEY, code text NOT NULL);
INSERT INTO o_outcome VALUES
  ('SUCCESS', 'SUCCESS'), ('GOAL_EARLY', 'GOAL_EARLY'), ('PREMATURE', 'PREMATURE'),
  ('erfolgreich beendet', 'SUCCESS'), ('Abbruch', 'PREMATURE'),
  ('Maßnahmeziel vorzeitig erreicht', 'GOAL_EARLY'), ('vorzeitig beendet', 'PREMATURE'),
  (' success ', 'SUCCESS'), ('Goal_Early', 'GOAL_EARLY'), ('regulär beendet', 'SUCCESS');

-- "nicht gesetzt" is the unset status: code NULL, like a NULL status
CREATE TEMP TABLE o_status (raw text PRIMARY KEY, code text);
INSERT INTO o_status VALUES
  ('ALO', 'ALO'), ('ASU', 'ASU'), ('RASU', 'RASU'), ('NAS', 'NAS'), ('arbeitslos', 'ALO'),
  ('nicht arbeitsuchend', 'NAS'), ('alo', 'ALO'), ('ratsuchend', 'RASU'),
  ('nicht gesetzt', NULL), ('Nicht gesetzt', NULL), (' NICHT GESETZT ', NULL);

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
  ('EXCEPTION', 'EXCEPTION'), ('HIRING_COMMITMENT', 'HIRING_COMMITMENT'), ('JOB_START', 'JOB_START'),
  ('Kooperationsplan', 'EINV'), ('Eingliederungsvereinbarung', 'EINV'), ('KP', 'EINV'),
  ('EinV', 'EINV'), ('Vermittlungsvorschlag', 'VV'), (' vv ', 'VV'),
  ('Stelleninformation', 'SI'), ('Kontakt', 'CONTACT'), ('Beratungsgespräch', 'CONTACT'),
  ('contact', 'CONTACT'), ('Vermittlungsgespräch', 'CONTACT'),
  ('Meldeversäumnis', 'MISSED'), ('MV', 'MISSED'),
  ('Ausnahme', 'EXCEPTION'), ('Aussetzung', 'EXCEPTION'), ('Einstellungszusage', 'HIRING_COMMITMENT'),
  ('Arbeitsaufnahme', 'JOB_START'), ('Beschäftigungsbeginn', 'JOB_START'), (' job_start ', 'JOB_START');
-- unknown: NOTE, BEWERBUNG, KONTAKTX, JOBSTART, the empty text

-- the public holidays of Hessen 2023 to 2026, from the law (Feiertagsgesetz
-- Hessen): Neujahr, Karfreitag, Ostermontag, 1. Mai, Christi Himmelfahrt,
-- Pfingstmontag, Fronleichnam, 3. Oktober, 25. and 26. Dezember.
-- Easter Sunday: 9 April 2023, 31 March 2024, 20 April 2025, 5 April 2026.
CREATE TEMP TABLE o_holiday_he (day date PRIMARY KEY, name text NOT NULL);
INSERT INTO o_holiday_he VALUES
  ('2023-01-01', 'Neujahr'), ('2023-04-07', 'Karfreitag'), ('2023-04-10', 'Ostermontag'),
  ('2023-05-01', 'Tag der Arbeit'), ('2023-05-18', 'Christi Himmelfahrt'),
  ('2023-05-29', 'Pfingstmontag'), ('2023-06-08', 'Fronleichnam'),
  ('2023-10-03', 'Tag der Deutschen Einheit'), ('2023-12-25', '1. Weihnachtstag'),
  ('2023-12-26', '2. Weihnachtstag'),
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

-- "within 10 working days after d": enumerate the days after d, keep
-- Monday to Friday that are no holiday, take the 10th
CREATE TEMP TABLE o_deadline_he AS
SELECT d::date AS day,
       (SELECT w.day
        FROM (SELECT d::date + k AS day FROM generate_series(1, 40) AS k) AS w
        WHERE extract(isodow FROM w.day) <= 5
          AND NOT EXISTS (SELECT 1 FROM o_holiday_he h WHERE h.day = w.day)
        ORDER BY w.day
        OFFSET 9 LIMIT 1) AS deadline
FROM generate_series(date '2023-01-01', date '2026-10-31', interval '1 day') AS d;
CREATE UNIQUE INDEX ON o_deadline_he (day);

-- the participations in codes, with the duration facts of the date
-- conventions
CREATE TEMP TABLE o_part AS
SELECT p.id, m.code AS measure, p.entry_date AS entry, p.exit_date AS exit,
       p.outcome IS NULL OR o.code IN ('SUCCESS', 'GOAL_EARLY') AS successful,
       -- Herford: "nicht abgebrochen/vorzeitig beendet": no early end at all
       p.outcome IS NULL OR o.code = 'SUCCESS' AS ended_as_planned,
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

-- Every helper takes "upto": only evidence dated on or before it is seen
-- (absolv_verdict as of a day); 'infinity' for absolv_compliant.

-- evidence of a kind on a day in [lo, hi]
CREATE FUNCTION pg_temp.has(pid int, k text, lo date, hi date, upto date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM o_ev e
                 WHERE e.pid = $1 AND e.kind = $2 AND e.at BETWEEN $3 AND $4 AND e.at <= $5)
$$;
-- ... and in force on the exit day: at <= exit <= coalesce(valid_until, infinity)
CREATE FUNCTION pg_temp.has_in_force(pid int, k text, lo date, hi date, exit date, upto date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM o_ev e
                 WHERE e.pid = $1 AND e.kind = $2 AND e.at BETWEEN $3 AND $4 AND e.at <= $6
                   AND e.at <= $5 AND $5 <= coalesce(e.valid_until, 'infinity'))
$$;
-- ... where one concluded on or before the exit day must be in force on it
CREATE FUNCTION pg_temp.has_in_force_if_before(pid int, k text, lo date, hi date, exit date, upto date)
RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1 FROM o_ev e
                 WHERE e.pid = $1 AND e.kind = $2 AND e.at BETWEEN $3 AND $4 AND e.at <= $6
                   AND (e.at > $5 OR $5 <= coalesce(e.valid_until, 'infinity')))
$$;
-- Frankfurt: a MISSED in [lo, hi] and a CONTACT after it, up to the 10th
-- Hessian working day after it
CREATE FUNCTION pg_temp.has_followup_he(pid int, lo date, hi date, upto date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT EXISTS (SELECT 1
                 FROM o_ev m
                 JOIN o_deadline_he d ON d.day = m.at
                 JOIN o_ev c ON c.pid = m.pid AND c.kind = 'CONTACT'
                            AND c.at > m.at AND c.at <= d.deadline AND c.at <= $4
                 WHERE m.pid = $1 AND m.kind = 'MISSED' AND m.at BETWEEN $2 AND $3 AND m.at <= $4)
$$;
-- Frankfurt: the last day on which the requirement can still be met:
-- exit + 14, or the follow-up deadline of a missed appointment in
-- [exit + 1, exit + 14], whichever is later
CREATE FUNCTION pg_temp.last_day_he(pid int, exit date, upto date) RETURNS date
LANGUAGE sql STABLE AS $$
  SELECT greatest($2 + 14, (SELECT max(d.deadline)
                            FROM o_ev m JOIN o_deadline_he d ON d.day = m.at
                            WHERE m.pid = $1 AND m.kind = 'MISSED'
                              AND m.at BETWEEN $2 + 1 AND $2 + 14 AND m.at <= $3))
$$;

CREATE TEMP TABLE presets (preset text PRIMARY KEY, ord int NOT NULL);
INSERT INTO presets VALUES ('frankfurt', 1), ('herford', 2), ('herford_ies', 3), ('herford_iws', 4),
                           ('hannover', 5), ('bremen', 6), ('cottbus_ies', 7), ('cottbus_iws', 8);

-- in scope; a filter passes NULL unless the rule requires the attribute
-- to be known
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
                    'MABE', 'EVL', 'TAAM', 'AGH', 'BUKSELB', 'ASA', 'REHA', 'IK', 'BSK')
      AND p.days >= 61
    WHEN 'cottbus_ies' THEN
      p.successful AND p.days >= 91
      AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV',
                         'BAE', 'AZ', 'REHA')
           OR (p.measure = 'BVB' AND p.goal IS NOT NULL AND p.goal = 'INTEGRATION'))
      AND (p.cosach IS NULL OR p.cosach = 'B')
    WHEN 'cottbus_iws' THEN
      p.successful AND p.days >= 91
      AND (p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV',
                         'BAE', 'AZ', 'REHA')
           OR (p.measure = 'BVB' AND p.goal IS NOT NULL AND p.goal = 'INTEGRATION'))
      AND (p.cosach IS NULL OR p.cosach = 'B')
    ELSE -- herford, herford_ies, herford_iws
      p.ended_as_planned AND p.at_least_3_months
      AND (p.measure IN ('MAT', 'BAE', 'FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'REHA')
           OR (p.measure = 'BVB' AND p.goal IS NOT NULL AND p.goal = 'INTEGRATION'))
      AND (p.status IS NULL OR p.status IN ('ALO', 'ASU', 'RASU'))
      AND p.sphere IS NOT NULL AND p.sphere = 'SGB2'
      AND p.cosach IS NOT NULL AND p.cosach = 'B'
      AND CASE preset WHEN 'herford_ies' THEN p.at_least_6_months
                      WHEN 'herford_iws' THEN NOT p.at_least_6_months
                      ELSE true END
  END, false)
$$;

-- the window of the requirement, [lo, hi]
CREATE FUNCTION pg_temp.oracle_window(preset text, p o_part) RETURNS daterange
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN preset = 'frankfurt' THEN daterange(p.exit + 1, p.exit + 14, '[]')
    WHEN preset = 'herford_ies' OR (preset = 'herford' AND p.at_least_6_months) THEN
      daterange(p.exit - 90, p.exit, '[]')
    WHEN preset IN ('herford', 'herford_iws') THEN daterange(p.exit - 90, p.exit + 14, '[]')
    WHEN preset = 'hannover' THEN
      CASE WHEN p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG',
                              'MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
           THEN daterange(p.exit - 90, p.exit + 14, '[]')
           ELSE daterange(p.exit - 90, p.exit, '[]') END
    WHEN preset = 'bremen' THEN daterange(p.exit - 28, p.exit + 28, '[]')
    WHEN preset = 'cottbus_ies' THEN daterange(p.exit - 90, p.exit, '[]')
    WHEN preset = 'cottbus_iws' THEN daterange(p.exit - 90, p.exit + 14, '[]')
  END
$$;

-- excluded, with the evidence up to "upto"
CREATE FUNCTION pg_temp.oracle_excluded(preset text, p o_part, upto date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN preset = 'frankfurt' THEN
      pg_temp.has(p.id, 'EXCEPTION', p.exit - 28, pg_temp.last_day_he(p.id, p.exit, upto), upto)
      OR pg_temp.has(p.id, 'JOB_START', p.exit - 28, pg_temp.last_day_he(p.id, p.exit, upto), upto)
    WHEN preset IN ('herford', 'herford_ies', 'herford_iws') THEN
      pg_temp.has(p.id, 'EXCEPTION', lower(pg_temp.oracle_window(preset, p)),
                  upper(pg_temp.oracle_window(preset, p)) - 1, upto)
    ELSE false
  END
$$;

-- the requirement holds, with the evidence up to "upto"
CREATE FUNCTION pg_temp.oracle_fulfilled(preset text, p o_part, upto date) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN preset = 'frankfurt' THEN
      pg_temp.has(p.id, 'CONTACT', p.exit + 1, p.exit + 14, upto)
      OR pg_temp.has_followup_he(p.id, p.exit + 1, p.exit + 14, upto)
    WHEN preset = 'herford_ies' OR (preset = 'herford' AND p.at_least_6_months) THEN
      pg_temp.has(p.id, 'CONTACT', p.exit - 90, p.exit, upto)
      AND pg_temp.has(p.id, 'EINV', p.exit - 90, p.exit, upto)
    WHEN preset IN ('herford', 'herford_iws') THEN
      pg_temp.has(p.id, 'CONTACT', p.exit - 90, p.exit + 14, upto)
      AND pg_temp.has(p.id, 'EINV', p.exit - 90, p.exit + 14, upto)
    WHEN preset = 'hannover' THEN
      CASE WHEN p.measure IN ('FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG') THEN
             pg_temp.has_in_force_if_before(p.id, 'EINV', p.exit - 90, p.exit + 14, p.exit, upto)
             AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit + 14, upto)
                  OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit + 14, upto)
                  OR pg_temp.has(p.id, 'HIRING_COMMITMENT', p.exit - 90, p.exit, upto))
           WHEN p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH') THEN
             pg_temp.has_in_force_if_before(p.id, 'EINV', p.exit - 90, p.exit + 14, p.exit, upto)
           ELSE
             pg_temp.has_in_force(p.id, 'EINV', p.exit - 90, p.exit, p.exit, upto)
             AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit, upto)
                  OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit, upto)
                  OR pg_temp.has(p.id, 'HIRING_COMMITMENT', p.exit - 90, p.exit, upto)) END
    WHEN preset = 'bremen' THEN
      pg_temp.has(p.id, 'CONTACT', p.exit - 28, p.exit + 28, upto)
    WHEN preset = 'cottbus_ies' THEN
      pg_temp.has_in_force(p.id, 'EINV', p.exit - 90, p.exit, p.exit, upto)
      AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit, upto)
           OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit, upto))
    WHEN preset = 'cottbus_iws' THEN
      pg_temp.has_in_force_if_before(p.id, 'EINV', p.exit - 90, p.exit + 14, p.exit, upto)
      AND (pg_temp.has(p.id, 'VV', p.exit - 90, p.exit + 14, upto)
           OR pg_temp.has(p.id, 'SI', p.exit - 90, p.exit + 14, upto))
  END
$$;

-- compliant: NULL for invalid data and for an exclusion (which wins over
-- fulfilment)
CREATE FUNCTION pg_temp.oracle_compliant(preset text, p o_part) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN NOT p.valid THEN NULL
    WHEN pg_temp.oracle_excluded(preset, p, 'infinity') THEN NULL
    ELSE pg_temp.oracle_fulfilled(preset, p, 'infinity')
  END
$$;

-- the status as of a day
CREATE FUNCTION pg_temp.oracle_status(preset text, p o_part, as_of date) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN NOT p.valid THEN 'invalid'
    WHEN pg_temp.oracle_excluded(preset, p, as_of) THEN 'excluded'
    WHEN pg_temp.oracle_fulfilled(preset, p, as_of) THEN 'fulfilled'
    WHEN as_of <= CASE WHEN preset = 'frankfurt' THEN pg_temp.last_day_he(p.id, p.exit, as_of)
                       ELSE upper(pg_temp.oracle_window(preset, p)) - 1 END
      THEN 'pending'
    ELSE 'missed'
  END
$$;

-- the five-argument absolv_in_scope has no status, sphere, CoSach or goal
CREATE FUNCTION pg_temp.without_filters(p o_part) RETURNS o_part
LANGUAGE sql IMMUTABLE AS $$
  SELECT ROW(p.id, p.measure, p.entry, p.exit, p.successful, p.ended_as_planned, NULL, NULL, NULL, NULL,
             p.valid, p.days, p.at_least_3_months, p.more_than_3_months, p.at_least_6_months)::o_part
$$;

-- ===================================================================
-- absolv and the oracle, side by side
-- ===================================================================

CREATE TEMP TABLE cmp (fn text, preset text, id int, absolv text, oracle text);

INSERT INTO cmp
SELECT 'absolv_in_scope/9', r.preset, p.id,
       absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status,
                       p.legal_sphere, p.cosach_status, p.goal, r.preset::absolv_rule),
       pg_temp.oracle_scope(r.preset, o)
FROM presets r CROSS JOIN part p JOIN o_part o ON o.id = p.id;

-- the five-argument form, for the rules that do not need an attribute it
-- cannot supply
INSERT INTO cmp
SELECT 'absolv_in_scope/5', r.preset, p.id,
       absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, r.preset::absolv_rule),
       pg_temp.oracle_scope(r.preset, pg_temp.without_filters(o))
FROM presets r CROSS JOIN part p JOIN o_part o ON o.id = p.id
WHERE r.preset NOT IN ('herford', 'herford_ies', 'herford_iws');

INSERT INTO cmp
SELECT 'absolv_compliant', a.preset, a.id, a.verdict, pg_temp.oracle_compliant(a.preset, o)
FROM (SELECT r.preset, p.id,
             absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                              r.preset::absolv_rule) AS verdict
      FROM presets r CROSS JOIN part p LEFT JOIN ev e ON e.pid = p.id
      GROUP BY r.preset, p.id) a
JOIN o_part o ON o.id = a.id;

-- the status once every window has closed, and as of the participation's
-- day at the edges
INSERT INTO cmp
SELECT 'absolv_verdict/final', a.preset, a.id, (a.v).status,
       pg_temp.oracle_status(a.preset, o, date '2030-01-01')
FROM (SELECT r.preset, p.id,
             absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                            date '2030-01-01', r.preset::absolv_rule) AS v
      FROM presets r CROSS JOIN part p LEFT JOIN ev e ON e.pid = p.id
      GROUP BY r.preset, p.id) a
JOIN o_part o ON o.id = a.id;

INSERT INTO cmp
SELECT 'absolv_verdict/as_of', a.preset, a.id, (a.v).status,
       pg_temp.oracle_status(a.preset, o, a.as_of)
FROM (SELECT r.preset, p.id, p.as_of,
             absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                            p.as_of, r.preset::absolv_rule) AS v
      FROM presets r CROSS JOIN part p LEFT JOIN ev e ON e.pid = p.id
      GROUP BY r.preset, p.id, p.as_of) a
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
    RETURN NEXT diag(format('id %s: absolv %s, oracle %s | measure %L entry %s exit %s outcome %L status %L sphere %L cosach %L goal %L as_of exit%s | %s',
                            r.id, coalesce(r.absolv, 'NULL'), coalesce(r.oracle, 'NULL'),
                            r.measure, r.entry_date, r.exit_date, r.outcome, r.customer_status,
                            r.legal_sphere, r.cosach_status, r.goal,
                            to_char(r.as_of - r.exit_date, 'SG999'), r.evidence));
  END LOOP;
END
$$;

-- the five-argument absolv_in_scope for a rule that needs an attribute it
-- cannot supply: 22023 for every participation, valid or not, with a hint
-- that names the nine-argument form
CREATE FUNCTION pg_temp.raises_for_all(pr text) RETURNS SETOF text
LANGUAGE plpgsql AS $$
DECLARE
  p record;
  total int := 0;
  good int := 0;
  state text;
  hint text;
  other text;
BEGIN
  FOR p IN SELECT * FROM part ORDER BY id LOOP
    total := total + 1;
    BEGIN
      PERFORM absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, pr::absolv_rule);
      other := coalesce(other, format('id %s: no error', p.id));
    EXCEPTION WHEN OTHERS THEN
      GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, hint = PG_EXCEPTION_HINT;
      IF state = '22023' AND hint ~* 'nine' THEN
        good := good + 1;
      ELSE
        other := coalesce(other, format('id %s: %s, hint %L', p.id, state, hint));
      END IF;
    END;
  END LOOP;
  RETURN NEXT is(good, total,
                 format('%s, absolv_in_scope/5: 22023 with a hint naming the nine-argument form for all %s participations',
                        pr, total));
  IF other IS NOT NULL THEN
    RETURN NEXT diag(other);
  END IF;
END
$$;

-- ===================================================================
-- coverage: the data reach every edge of every rule
-- ===================================================================

-- a named count and the least it must reach; the assertions below list
-- the names that fall short
CREATE TEMP TABLE cov (area text, name text, n int, least int);
CREATE FUNCTION pg_temp.short(a text) RETURNS text
LANGUAGE sql AS $$
  SELECT coalesce(string_agg(format('%s (%s < %s)', name, n, least), ', ' ORDER BY name), '')
  FROM cov WHERE area = a AND n < least
$$;

-- every preset has participations in and out of scope, and compliant, not
-- compliant and NULL verdicts among those in scope, at least 10 of each
-- (excluded only for rules with an exclusion), and every status of
-- absolv_verdict as of a day
INSERT INTO cov
SELECT 'branches', format('%s %s', r.preset, b.name), b.n, 10
FROM presets r,
LATERAL (SELECT count(*) FILTER (WHERE s.oracle = 'true') AS in_scope,
                count(*) FILTER (WHERE s.oracle = 'false') AS out_of_scope,
                count(*) FILTER (WHERE s.oracle = 'true' AND c.oracle = 'true') AS compliant,
                count(*) FILTER (WHERE s.oracle = 'true' AND c.oracle = 'false') AS not_compliant,
                count(*) FILTER (WHERE s.oracle = 'true' AND c.oracle IS NULL) AS excluded,
                count(*) FILTER (WHERE s.oracle = 'true' AND v.oracle = 'pending') AS pending,
                count(*) FILTER (WHERE s.oracle = 'true' AND v.oracle = 'missed') AS missed,
                count(*) FILTER (WHERE s.oracle = 'true' AND v.oracle = 'fulfilled') AS fulfilled
         FROM cmp s
         JOIN cmp c ON c.id = s.id AND c.preset = s.preset AND c.fn = 'absolv_compliant'
         JOIN cmp v ON v.id = s.id AND v.preset = s.preset AND v.fn = 'absolv_verdict/as_of'
         WHERE s.fn = 'absolv_in_scope/9' AND s.preset = r.preset) k,
LATERAL (VALUES ('in scope', k.in_scope), ('out of scope', k.out_of_scope),
                ('compliant', k.compliant), ('not compliant', k.not_compliant),
                ('excluded', CASE WHEN r.preset IN ('frankfurt', 'herford', 'herford_ies', 'herford_iws')
                                  THEN k.excluded ELSE 10 END),
                ('pending as of', k.pending), ('missed as of', k.missed),
                ('fulfilled as of', k.fulfilled)) b(name, n);

-- Frankfurt's follow-up: compliant only through a contact after the window,
-- a contact one day after the follow-up deadline that does not count, and
-- follow-up periods over a holiday with a contact near the deadline
INSERT INTO cov
SELECT 'frankfurt', 'fulfilled only through the follow-up', count(*), 20
FROM o_part p
WHERE p.valid AND pg_temp.has_followup_he(p.id, p.exit + 1, p.exit + 14, 'infinity')
  AND NOT pg_temp.has(p.id, 'CONTACT', p.exit + 1, p.exit + 14, 'infinity')
  AND NOT pg_temp.oracle_excluded('frankfurt', p, 'infinity');
INSERT INTO cov
SELECT 'frankfurt', 'contact the day after the follow-up deadline', count(*), 5
FROM o_ev m JOIN o_part p ON p.id = m.pid
JOIN o_deadline_he d ON d.day = m.at
JOIN o_ev c ON c.pid = m.pid AND c.kind = 'CONTACT' AND c.at = d.deadline + 1
WHERE m.kind = 'MISSED' AND m.at BETWEEN p.exit + 1 AND p.exit + 14
  AND p.valid
  AND NOT pg_temp.has(p.id, 'CONTACT', p.exit + 1, p.exit + 14, 'infinity')
  AND NOT pg_temp.has_followup_he(p.id, p.exit + 1, p.exit + 14, 'infinity');
INSERT INTO cov
SELECT 'frankfurt', 'follow-up over a holiday, contact near the deadline', count(*), 10
FROM o_ev m JOIN o_part p ON p.id = m.pid
JOIN o_deadline_he d ON d.day = m.at
WHERE m.kind = 'MISSED' AND m.at BETWEEN p.exit + 1 AND p.exit + 14
  AND EXISTS (SELECT 1 FROM o_holiday_he h WHERE h.day > m.at AND h.day <= d.deadline)
  AND EXISTS (SELECT 1 FROM o_ev c WHERE c.pid = m.pid AND c.kind = 'CONTACT'
                                    AND c.at BETWEEN d.deadline - 3 AND d.deadline + 3);
-- the exclusion at each bound: exit - 29, - 28, - 27; exit + 14 and + 15
-- without a missed appointment that extends it; the follow-up deadline and
-- the day after it, where it is later than exit + 14; each kind; and
-- compliant cases that an exclusion overrides
INSERT INTO cov
SELECT 'frankfurt', format('%s at %s', x.kind, x.edge), count(*), 8
FROM (SELECT e.kind,
             CASE WHEN e.at - p.exit IN (-29, -28, -27) THEN 'exit' || (e.at - p.exit)
                  WHEN pg_temp.last_day_he(p.id, p.exit, 'infinity') = p.exit + 14
                       AND e.at - p.exit IN (14, 15) THEN 'exit+' || (e.at - p.exit) || ', no follow-up'
                  WHEN pg_temp.last_day_he(p.id, p.exit, 'infinity') > p.exit + 14
                       AND e.at = pg_temp.last_day_he(p.id, p.exit, 'infinity') THEN 'follow-up deadline'
                  WHEN pg_temp.last_day_he(p.id, p.exit, 'infinity') > p.exit + 15
                       AND e.at = pg_temp.last_day_he(p.id, p.exit, 'infinity') + 1
                    THEN 'follow-up deadline + 1'
             END AS edge
      FROM o_ev e JOIN o_part p ON p.id = e.pid
      WHERE p.valid AND e.kind IN ('EXCEPTION', 'JOB_START')) x
WHERE x.edge IS NOT NULL
GROUP BY x.kind, x.edge;
INSERT INTO cov
SELECT 'frankfurt', 'exclusion over a fulfilled requirement', count(*), 20
FROM o_part p
WHERE p.valid AND pg_temp.oracle_fulfilled('frankfurt', p, 'infinity')
  AND pg_temp.oracle_excluded('frankfurt', p, 'infinity');

-- Herford: the attributes of the scope, each with the rest of the scope met
INSERT INTO cov
SELECT 'herford', x.name, count(*), 10
FROM (SELECT p.*, pt.customer_status AS raw_status, p AS op
      FROM o_part p JOIN part pt ON pt.id = p.id
      WHERE p.valid AND p.successful AND p.at_least_3_months) p,
LATERAL (VALUES
  ('GOAL_EARLY, all else in scope',
   NOT p.ended_as_planned AND p.measure IN ('MAT', 'FBW', 'BAE') AND p.sphere = 'SGB2' AND p.cosach = 'B'),
  ('MAG or MABE, all else in scope',
   p.measure IN ('MAG', 'MABE') AND p.ended_as_planned AND p.sphere = 'SGB2' AND p.cosach = 'B'),
  ('BAE in scope', p.measure = 'BAE' AND p.sphere = 'SGB2' AND p.cosach = 'B'),
  ('BVB with goal NULL, all else in scope',
   p.measure = 'BVB' AND p.goal IS NULL AND p.sphere = 'SGB2' AND p.cosach = 'B'),
  ('BVB with goal INTEGRATION in scope',
   p.measure = 'BVB' AND p.goal = 'INTEGRATION' AND p.sphere = 'SGB2' AND p.cosach = 'B'),
  ('sphere NULL, all else in scope',
   p.measure = 'MAT' AND p.sphere IS NULL AND p.cosach = 'B'),
  ('CoSach NULL, all else in scope',
   p.measure IN ('MAT', 'FBW') AND p.sphere = 'SGB2' AND p.cosach IS NULL),
  ('status "nicht gesetzt" in scope',
   pg_temp.oracle_scope('herford', p.op) AND lower(trim(p.raw_status)) = 'nicht gesetzt'),
  ('status NAS, all else in scope',
   p.status = 'NAS' AND p.measure IN ('MAT', 'FBW', 'BAE', 'REHA') AND p.sphere = 'SGB2' AND p.cosach = 'B')
) x(name, hit)
WHERE x.hit
GROUP BY x.name;
-- the exclusion at the bounds of each variant's window
INSERT INTO cov
SELECT 'herford', format('EXCEPTION at %s, %s', e.at - p.exit,
                                     CASE WHEN p.at_least_6_months THEN 'ieS' ELSE 'iwS' END),
                   count(*), 5
FROM o_ev e JOIN o_part p ON p.id = e.pid
WHERE pg_temp.oracle_scope('herford', p) AND e.kind = 'EXCEPTION'
  AND e.at - p.exit IN (-91, -90, 0, 1, 14, 15)
GROUP BY 2;

-- Hannover: the § 45/AGH EINV after the exit and the one before it that is
-- not in force; the hiring commitment at the bounds of [exit - 90, exit],
-- for FBW* and for the other measures
INSERT INTO cov
SELECT 'hannover', x.name, count(DISTINCT p.id), 5
FROM o_part p JOIN o_ev e ON e.pid = p.id,
LATERAL (VALUES
  ('§ 45/AGH: EINV concluded at exit+1', p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
                                         AND e.kind = 'EINV' AND e.at = p.exit + 1),
  ('§ 45/AGH: EINV concluded at exit+14', p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
                                          AND e.kind = 'EINV' AND e.at = p.exit + 14),
  ('§ 45/AGH: EINV concluded at exit+15', p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
                                          AND e.kind = 'EINV' AND e.at = p.exit + 15),
  ('§ 45/AGH: EINV at exit, valid until exit-1', p.measure IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH')
                                                 AND e.kind = 'EINV' AND e.at = p.exit
                                                 AND e.valid_until = p.exit - 1),
  ('FBW*: HIRING_COMMITMENT at exit-91', p.measure LIKE 'FBW%' AND e.kind = 'HIRING_COMMITMENT' AND e.at = p.exit - 91),
  ('FBW*: HIRING_COMMITMENT at exit-90', p.measure LIKE 'FBW%' AND e.kind = 'HIRING_COMMITMENT' AND e.at = p.exit - 90),
  ('FBW*: HIRING_COMMITMENT at exit', p.measure LIKE 'FBW%' AND e.kind = 'HIRING_COMMITMENT' AND e.at = p.exit),
  ('FBW*: HIRING_COMMITMENT at exit+1', p.measure LIKE 'FBW%' AND e.kind = 'HIRING_COMMITMENT' AND e.at = p.exit + 1),
  ('other: HIRING_COMMITMENT at exit-91', p.measure IN ('BAE', 'EQ', 'BVB', 'REHA', 'IK', 'BSK', 'AZ', 'EVL')
                                           AND e.kind = 'HIRING_COMMITMENT' AND e.at = p.exit - 91),
  ('other: HIRING_COMMITMENT at exit', p.measure IN ('BAE', 'EQ', 'BVB', 'REHA', 'IK', 'BSK', 'AZ', 'EVL')
                                        AND e.kind = 'HIRING_COMMITMENT' AND e.at = p.exit),
  ('other: HIRING_COMMITMENT at exit+1', p.measure IN ('BAE', 'EQ', 'BVB', 'REHA', 'IK', 'BSK', 'AZ', 'EVL')
                                          AND e.kind = 'HIRING_COMMITMENT' AND e.at = p.exit + 1)
) x(name, hit)
WHERE pg_temp.oracle_scope('hannover', p) AND x.hit
GROUP BY x.name;
INSERT INTO cov
SELECT 'hannover', 'fulfilled only through a hiring commitment', count(*), 10
FROM o_part p
WHERE pg_temp.oracle_scope('hannover', p) AND pg_temp.oracle_fulfilled('hannover', p, 'infinity')
  AND NOT pg_temp.has(p.id, 'VV', p.exit - 90, p.exit + 14, 'infinity')
  AND NOT pg_temp.has(p.id, 'SI', p.exit - 90, p.exit + 14, 'infinity')
  AND p.measure NOT IN ('MAT', 'MAG', 'MABE', 'MPAV', 'AGH');

-- Bremen's integration and language courses; Cottbus's CoSach status and
-- BvB goal
INSERT INTO cov
SELECT 'bremen, cottbus', x.name, count(*), 10
FROM o_part p,
LATERAL (VALUES
  ('bremen: IK in scope', p.measure = 'IK' AND pg_temp.oracle_scope('bremen', p)),
  ('bremen: BSK in scope', p.measure = 'BSK' AND pg_temp.oracle_scope('bremen', p)),
  ('cottbus: BVB goal NULL, all else in scope',
   p.measure = 'BVB' AND p.goal IS NULL AND p.successful AND p.days >= 91
   AND coalesce(p.cosach, 'B') = 'B'),
  ('cottbus: BVB goal INTEGRATION in scope', p.measure = 'BVB' AND pg_temp.oracle_scope('cottbus_ies', p)),
  ('cottbus: CoSach not B, all else in scope',
   p.measure IN ('MAT', 'FBW', 'MAG') AND p.successful AND p.days >= 91 AND p.cosach <> 'B'),
  ('cottbus: CoSach NULL in scope', p.cosach IS NULL AND pg_temp.oracle_scope('cottbus_ies', p))
) x(name, hit)
WHERE x.hit
GROUP BY x.name;

-- the data set has unknown codes, aliases and invalid rows
INSERT INTO cov
SELECT 'codes', x.name, x.n, x.least
FROM (SELECT count(*) FILTER (WHERE p.measure IS NOT NULL AND o.measure IS NULL) AS unknown_measure,
             count(*) FILTER (WHERE p.measure IS NULL) AS null_measure,
             count(*) FILTER (WHERE NOT o.valid) AS invalid,
             count(*) FILTER (WHERE p.entry_date IS NULL) AS null_entry,
             count(*) FILTER (WHERE p.exit_date IS NULL) AS null_exit,
             count(*) FILTER (WHERE p.exit_date < p.entry_date) AS exit_before_entry,
             count(*) FILTER (WHERE o.days IN (61, 90, 91)) AS days_61_90_91,
             count(*) FILTER (WHERE p.exit_date = (p.entry_date + interval '3 months')::date - 1) AS exactly_3_months,
             count(*) FILTER (WHERE p.exit_date = (p.entry_date + interval '6 months')::date - 2) AS under_6_months,
             count(*) FILTER (WHERE p.customer_status IS NOT NULL AND o.status IS NULL) AS nicht_gesetzt,
             count(*) FILTER (WHERE p.legal_sphere IS NULL) AS null_sphere,
             count(*) FILTER (WHERE p.cosach_status IS NULL) AS null_cosach,
             count(*) FILTER (WHERE p.goal IS NULL) AS null_goal
      FROM part p JOIN o_part o ON o.id = p.id) c,
LATERAL (VALUES ('unknown measure', c.unknown_measure, 20), ('NULL measure', c.null_measure, 20),
                ('invalid', c.invalid, 30), ('NULL entry', c.null_entry, 5), ('NULL exit', c.null_exit, 5),
                ('exit before entry', c.exit_before_entry, 5), ('61, 90, 91 days', c.days_61_90_91, 60),
                ('exactly 3 months', c.exactly_3_months, 10), ('a day under 6 months', c.under_6_months, 10),
                ('nicht gesetzt', c.nicht_gesetzt, 100), ('NULL sphere', c.null_sphere, 100),
                ('NULL CoSach', c.null_cosach, 100), ('NULL goal', c.null_goal, 100)) x(name, n, least);
INSERT INTO cov
SELECT 'codes', x.name, x.n, x.least
FROM (SELECT count(*) FILTER (WHERE e.kind IS NULL) AS null_kind,
             count(*) FILTER (WHERE e.at IS NULL) AS null_at,
             count(*) FILTER (WHERE e.kind IS NOT NULL AND k.code IS NULL) AS unknown_kind,
             count(*) FILTER (WHERE k.code IS NOT NULL AND k.raw <> k.code) AS alias_kind,
             count(*) FILTER (WHERE e.valid_until = p.exit_date) AS valid_until_exit,
             count(*) FILTER (WHERE e.valid_until = p.exit_date - 1) AS valid_until_before_exit,
             count(*) FILTER (WHERE k.code = 'JOB_START') AS job_start,
             count(*) FILTER (WHERE k.code = 'JOB_START' AND k.raw <> k.code) AS job_start_alias,
             count(*) FILTER (WHERE k.code = 'HIRING_COMMITMENT') AS hiring_commitment
      FROM ev e JOIN part p ON p.id = e.pid LEFT JOIN o_kind k ON k.raw = e.kind) c,
LATERAL (VALUES ('NULL kind', c.null_kind, 50), ('NULL day', c.null_at, 50),
                ('unknown kind', c.unknown_kind, 200), ('alias kind', c.alias_kind, 1000),
                ('valid_until on the exit', c.valid_until_exit, 100),
                ('valid_until the day before the exit', c.valid_until_before_exit, 100),
                ('JOB_START', c.job_start, 300), ('JOB_START by an alias', c.job_start_alias, 100),
                ('HIRING_COMMITMENT', c.hiring_commitment, 300)) x(name, n, least);

SELECT is(pg_temp.short('branches'), '',
          'coverage: every preset has >= 10 participations in and out of scope, compliant, not compliant (and excluded), pending, missed and fulfilled as of a day');
SELECT is(pg_temp.short('frankfurt'), '',
          'coverage: Frankfurt''s follow-up, and each exclusion kind on the day before, on and after each bound');
SELECT is(pg_temp.short('herford'), '',
          'coverage: Herford''s measures, goal, status, sphere and CoSach filters, and the exclusion at each variant''s bounds');
SELECT is(pg_temp.short('hannover'), '',
          'coverage: Hannover''s § 45/AGH agreements after the exit, and hiring commitments at the bounds');
SELECT is(pg_temp.short('bremen, cottbus'), '',
          'coverage: Bremen''s IK and BSK, Cottbus''s CoSach status and BvB goal');
SELECT is(pg_temp.short('codes'), '',
          'coverage: unknown and NULL codes, aliases, invalid rows, durations on every threshold, the new kinds and values');

-- the comparisons: 8 presets x (9-argument scope, 5-argument scope or its
-- error, compliant, verdict at the end, verdict as of a day)
SELECT pg_temp.agree('absolv_in_scope/9', r.preset) FROM presets r ORDER BY r.ord;
SELECT pg_temp.agree('absolv_in_scope/5', r.preset) FROM presets r
WHERE r.preset NOT IN ('herford', 'herford_ies', 'herford_iws') ORDER BY r.ord;
SELECT pg_temp.raises_for_all('herford');
SELECT pg_temp.raises_for_all('herford_ies');
SELECT pg_temp.raises_for_all('herford_iws');
SELECT pg_temp.agree('absolv_compliant', r.preset) FROM presets r ORDER BY r.ord;
SELECT pg_temp.agree('absolv_verdict/final', r.preset) FROM presets r ORDER BY r.ord;
SELECT pg_temp.agree('absolv_verdict/as_of', r.preset) FROM presets r ORDER BY r.ord;

-- the same verdicts when the evidence join is restricted to the horizon
-- (the safe prefilter), over all presets at once
SELECT is((SELECT count(*)::int
           FROM (SELECT r.preset, p.id,
                        absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                                         r.preset::absolv_rule) AS verdict
                 FROM presets r CROSS JOIN part p
                 LEFT JOIN ev e ON e.pid = p.id
                               AND e.at <@ absolv_horizon(p.exit_date, r.preset::absolv_rule)
                 GROUP BY r.preset, p.id) a
           JOIN cmp c ON c.fn = 'absolv_compliant' AND c.preset = a.preset AND c.id = a.id
           WHERE a.verdict::text IS DISTINCT FROM c.oracle),
          0, 'every preset: the oracle also agrees with a join restricted to absolv_horizon');

-- the oracle's holiday arithmetic is not absolv's: spot checks from the
-- docs (reference.md), so that a wrong hand-written table would show; and
-- its calendar covers every missed appointment of the data
SELECT is((SELECT count(*)::int FROM o_ev m LEFT JOIN o_deadline_he d ON d.day = m.at
           WHERE m.kind = 'MISSED' AND d.deadline IS NULL),
          0, 'oracle: the Hessian calendar gives a follow-up deadline for every missed appointment');
SELECT is((SELECT deadline FROM o_deadline_he WHERE day = '2025-04-14'), date '2025-04-30',
          'oracle: 10 Hessian working days after 2025-04-14 end on 2025-04-30 (Easter)');
SELECT is((SELECT deadline FROM o_deadline_he WHERE day = '2025-06-16'), date '2025-07-01',
          'oracle: 10 Hessian working days after 2025-06-16 end on 2025-07-01 (Corpus Christi)');
SELECT is((SELECT deadline FROM o_deadline_he WHERE day = '2024-12-20'), date '2025-01-08',
          'oracle: 10 Hessian working days after 2024-12-20 end on 2025-01-08 (Christmas, New Year)');

SELECT * FROM finish();
