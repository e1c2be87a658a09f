\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- absolv_in_scope for the eight presets (docs/rules.md):
-- duration thresholds at the exact boundary and one day below, outcomes,
-- Herford's attribute filters, BvB goals, measure families, aliases,
-- unknown codes and invalid participation data.
--
-- Date conventions (docs/rules.md, "Counting days"):
--   at least n months:  exit >= entry + n months - 1 day
--   more than n months: exit >= entry + n months
--   n days:             exit - entry + 1 >= n
-- All expected values were worked out by hand, e.g.
--   2025-01-15 + 3 months - 1 day = 2025-04-14, + 6 months - 1 day = 2025-07-14
--   2024-11-30 + 3 months = 2025-02-28 (clamped), - 1 day = 2025-02-27
--   2024-08-31 + 6 months = 2025-02-28 (clamped), - 1 day = 2025-02-27
--   2025-01-01 .. 2025-03-02 = 61 days, .. 2025-03-31 = 90 days, .. 2025-04-01 = 91 days
--   2025-02-01 .. 2025-04-02 = 61 days, .. 2025-05-01 = 90 days, .. 2025-05-02 = 91 days
--   2024-01-01 .. 2024-03-31 = 91 days (leap year)

-- every measure code of docs/codes.md, in the order of its table
CREATE FUNCTION pg_temp.all_measures() RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE',
               'MPAV', 'AGH', 'BAE', 'AZ', 'EQ', 'BVB', 'REHA', 'REHA_VL', 'EVL',
               'TAAM', 'BUKSELB', 'ASA', 'WBV', 'EA', 'DIAG', 'IK', 'BSK']
$$;

-- the measure codes in scope of a rule, for a given participation period,
-- with every attribute set so that it passes (ALO, SGB2, CoSach B, goal
-- INTEGRATION): the nine-argument form, which every preset takes
CREATE FUNCTION pg_temp.in_scope_measures(rule absolv_rule, entry_date date, exit_date date)
RETURNS text[] LANGUAGE sql AS $$
  SELECT ARRAY(SELECT u.m
               FROM unnest(pg_temp.all_measures()) WITH ORDINALITY AS u(m, i)
               WHERE absolv_in_scope(u.m, entry_date, exit_date, 'SUCCESS',
                                     'ALO', 'SGB2', 'B', 'INTEGRATION', rule)
               ORDER BY u.i)
$$;

-- Herford's scope needs the legal sphere and CoSach status (the five-argument
-- form refuses Herford): the nine-argument form with ALO, SGB2 and B
CREATE FUNCTION pg_temp.herford_scope(measure text, entry_date date, exit_date date,
                                      outcome text, rule absolv_rule)
RETURNS boolean LANGUAGE sql AS $$
  SELECT absolv_in_scope(measure, entry_date, exit_date, outcome, 'ALO', 'SGB2', 'B', NULL, rule)
$$;

-- the 9-argument form for a participation 2024-09-01 .. 2025-03-31 (7 months), SUCCESS
CREATE FUNCTION pg_temp.f9(rule absolv_rule, measure text, customer_status text,
                           legal_sphere text, cosach_status text, goal text)
RETURNS boolean LANGUAGE sql AS $$
  SELECT absolv_in_scope(measure, '2024-09-01'::date, '2025-03-31'::date, 'SUCCESS',
                         customer_status, legal_sphere, cosach_status, goal, rule)
$$;

-- the error a statement raises: its primary message, and everything it says
CREATE FUNCTION pg_temp.error_message(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  msg text;
BEGIN
  EXECUTE stmt;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT;
  RETURN msg;
END
$$;

CREATE FUNCTION pg_temp.error_text(stmt text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  msg text;
  det text;
  hnt text;
BEGIN
  EXECUTE stmt;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS msg = MESSAGE_TEXT, det = PG_EXCEPTION_DETAIL,
                          hnt = PG_EXCEPTION_HINT;
  RETURN concat_ws(E'\n', msg, det, hnt);
END
$$;

SELECT plan(211);

-- ===================================================================
-- Duration thresholds
-- ===================================================================

-- frankfurt: § 45 (MAT, MAG, MABE) more than 3 months; FBW* any duration
SELECT is(absolv_in_scope('MAT', '2025-01-15', '2025-04-15', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: MAT 2025-01-15 .. 2025-04-15 (entry + 3 months) is more than 3 months');
SELECT is(absolv_in_scope('MAT', '2025-01-15', '2025-04-14', 'SUCCESS', 'frankfurt'), false,
          'frankfurt: MAT 2025-01-15 .. 2025-04-14 (exactly 3 months) is out of scope');
SELECT is(absolv_in_scope('MAG', '2025-01-15', '2025-04-15', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: MAG of 3 months and one day is in scope');
SELECT is(absolv_in_scope('MAG', '2025-01-15', '2025-04-14', 'SUCCESS', 'frankfurt'), false,
          'frankfurt: MAG of exactly 3 months is out of scope');
SELECT is(absolv_in_scope('MABE', '2025-01-15', '2025-04-15', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: MABE of 3 months and one day is in scope');
SELECT is(absolv_in_scope('MABE', '2025-01-15', '2025-04-14', 'SUCCESS', 'frankfurt'), false,
          'frankfurt: MABE of exactly 3 months is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-11-30', '2025-02-28', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: MAT 2024-11-30 .. 2025-02-28 (entry + 3 months, clamped to month end) is in scope');
SELECT is(absolv_in_scope('MAT', '2024-11-30', '2025-02-27', 'SUCCESS', 'frankfurt'), false,
          'frankfurt: MAT 2024-11-30 .. 2025-02-27 is out of scope');
SELECT is(absolv_in_scope('FBW', '2025-03-31', '2025-03-31', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: FBW of one day is in scope (any duration)');
SELECT is(absolv_in_scope('FBW_UMSCHULUNG', '2025-03-01', '2025-03-31', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: FBW_UMSCHULUNG of one month is in scope');
SELECT is(absolv_in_scope('FBW_FORTBILDUNG', '2025-03-30', '2025-03-31', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: FBW_FORTBILDUNG of two days is in scope');

-- herford: at least 3 months
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-04-14', 'SUCCESS', 'herford'), true,
          'herford: 2025-01-15 .. 2025-04-14 is exactly 3 months: in scope');
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-04-13', 'SUCCESS', 'herford'), false,
          'herford: 2025-01-15 .. 2025-04-13 is one day short of 3 months: out of scope');
SELECT is(pg_temp.herford_scope('FBW', '2024-11-30', '2025-02-27', 'SUCCESS', 'herford'), true,
          'herford: 2024-11-30 .. 2025-02-27 is at least 3 months (clamped month end)');
SELECT is(pg_temp.herford_scope('FBW', '2024-11-30', '2025-02-26', 'SUCCESS', 'herford'), false,
          'herford: 2024-11-30 .. 2025-02-26 is under 3 months');
SELECT is(pg_temp.herford_scope('FBW', '2025-03-01', '2025-03-31', 'SUCCESS', 'herford'), false,
          'herford: an FBW of one month is out of scope (the 3 months apply to FbW too)');
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-07-14', 'SUCCESS', 'herford'), true,
          'herford: 6 months is in scope (ieS case)');

-- herford_ies: at least 6 months
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-07-14', 'SUCCESS', 'herford_ies'), true,
          'herford_ies: 2025-01-15 .. 2025-07-14 is exactly 6 months: in scope');
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-07-13', 'SUCCESS', 'herford_ies'), false,
          'herford_ies: 2025-01-15 .. 2025-07-13 is under 6 months: out of scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-08-31', '2025-02-27', 'SUCCESS', 'herford_ies'), true,
          'herford_ies: 2024-08-31 .. 2025-02-27 is at least 6 months (clamped month end)');
SELECT is(pg_temp.herford_scope('MAT', '2024-08-31', '2025-02-26', 'SUCCESS', 'herford_ies'), false,
          'herford_ies: 2024-08-31 .. 2025-02-26 is under 6 months');

-- herford_iws: at least 3 months and less than 6 months
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-04-14', 'SUCCESS', 'herford_iws'), true,
          'herford_iws: exactly 3 months is in scope');
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-04-13', 'SUCCESS', 'herford_iws'), false,
          'herford_iws: one day under 3 months is out of scope');
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-07-13', 'SUCCESS', 'herford_iws'), true,
          'herford_iws: one day under 6 months is in scope');
SELECT is(pg_temp.herford_scope('MAT', '2025-01-15', '2025-07-14', 'SUCCESS', 'herford_iws'), false,
          'herford_iws: exactly 6 months is out of scope (it is ieS)');

-- hannover: at least 90 days
SELECT is(absolv_in_scope('MAT', '2025-01-01', '2025-03-31', 'SUCCESS', 'hannover'), true,
          'hannover: 2025-01-01 .. 2025-03-31 lasts 90 days: in scope');
SELECT is(absolv_in_scope('MAT', '2025-01-01', '2025-03-30', 'SUCCESS', 'hannover'), false,
          'hannover: 2025-01-01 .. 2025-03-30 lasts 89 days: out of scope');
SELECT is(absolv_in_scope('AGH', '2025-02-01', '2025-05-01', 'SUCCESS', 'hannover'), true,
          'hannover: 2025-02-01 .. 2025-05-01 lasts 90 days: in scope');
SELECT is(absolv_in_scope('AGH', '2025-02-01', '2025-04-30', 'SUCCESS', 'hannover'), false,
          'hannover: 2025-02-01 .. 2025-04-30 lasts 89 days: out of scope');

-- bremen: at least 61 days
SELECT is(absolv_in_scope('MAT', '2025-01-01', '2025-03-02', 'SUCCESS', 'bremen'), true,
          'bremen: 2025-01-01 .. 2025-03-02 lasts 61 days: in scope');
SELECT is(absolv_in_scope('MAT', '2025-01-01', '2025-03-01', 'SUCCESS', 'bremen'), false,
          'bremen: 2025-01-01 .. 2025-03-01 lasts 60 days: out of scope');
SELECT is(absolv_in_scope('FBW', '2025-02-01', '2025-04-02', 'SUCCESS', 'bremen'), true,
          'bremen: 2025-02-01 .. 2025-04-02 lasts 61 days: in scope');
SELECT is(absolv_in_scope('FBW', '2025-02-01', '2025-04-01', 'SUCCESS', 'bremen'), false,
          'bremen: 2025-02-01 .. 2025-04-01 lasts 60 days (though two months and a day): out of scope');

-- cottbus: at least 91 days
SELECT is(absolv_in_scope('MAT', '2025-01-01', '2025-04-01', 'SUCCESS', 'cottbus_ies'), true,
          'cottbus_ies: 2025-01-01 .. 2025-04-01 lasts 91 days: in scope');
SELECT is(absolv_in_scope('MAT', '2025-01-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'), false,
          'cottbus_ies: 2025-01-01 .. 2025-03-31 lasts 90 days: out of scope');
SELECT is(absolv_in_scope('MAT', '2025-02-01', '2025-05-02', 'SUCCESS', 'cottbus_ies'), true,
          'cottbus_ies: 2025-02-01 .. 2025-05-02 lasts 91 days: in scope');
SELECT is(absolv_in_scope('MAT', '2025-02-01', '2025-05-01', 'SUCCESS', 'cottbus_ies'), false,
          'cottbus_ies: 2025-02-01 .. 2025-05-01 lasts 90 days (though more than 3 months): out of scope');
SELECT is(absolv_in_scope('FBW', '2025-01-01', '2025-04-01', 'SUCCESS', 'cottbus_iws'), true,
          'cottbus_iws: 91 days is in scope');
SELECT is(absolv_in_scope('FBW', '2025-01-01', '2025-03-31', 'SUCCESS', 'cottbus_iws'), false,
          'cottbus_iws: 90 days is out of scope');
SELECT is(absolv_in_scope('FBW', '2024-01-01', '2024-03-31', 'SUCCESS', 'cottbus_iws'), true,
          'cottbus_iws: 2024-01-01 .. 2024-03-31 lasts 91 days (leap year): in scope');
SELECT is(absolv_in_scope('FBW', '2024-01-01', '2024-03-30', 'SUCCESS', 'cottbus_iws'), false,
          'cottbus_iws: 2024-01-01 .. 2024-03-30 lasts 90 days: out of scope');

-- ===================================================================
-- Outcomes: successful = SUCCESS, GOAL_EARLY or NULL; Bremen takes all
-- (participation MAT 2024-09-01 .. 2025-03-31; herford_iws 2024-12-01 .. 2025-03-31)
-- ===================================================================
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: outcome SUCCESS is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'frankfurt'), true,
          'frankfurt: outcome GOAL_EARLY is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'PREMATURE', 'frankfurt'), false,
          'frankfurt: outcome PREMATURE is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'frankfurt'), true,
          'frankfurt: outcome NULL counts as SUCCESS');

SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'herford'), true,
          'herford: outcome SUCCESS is in scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'herford'), false,
          'herford: outcome GOAL_EARLY is out of scope ("nicht abgebrochen/vorzeitig beendet")');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'PREMATURE', 'herford'), false,
          'herford: outcome PREMATURE is out of scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'herford'), true,
          'herford: outcome NULL counts as SUCCESS');

SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'herford_ies'), true,
          'herford_ies: outcome SUCCESS is in scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'herford_ies'), false,
          'herford_ies: outcome GOAL_EARLY is out of scope ("nicht abgebrochen/vorzeitig beendet")');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'PREMATURE', 'herford_ies'), false,
          'herford_ies: outcome PREMATURE is out of scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'herford_ies'), true,
          'herford_ies: outcome NULL counts as SUCCESS');

SELECT is(pg_temp.herford_scope('MAT', '2024-12-01', '2025-03-31', 'SUCCESS', 'herford_iws'), true,
          'herford_iws: outcome SUCCESS is in scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-12-01', '2025-03-31', 'GOAL_EARLY', 'herford_iws'), false,
          'herford_iws: outcome GOAL_EARLY is out of scope ("nicht abgebrochen/vorzeitig beendet")');
SELECT is(pg_temp.herford_scope('MAT', '2024-12-01', '2025-03-31', 'PREMATURE', 'herford_iws'), false,
          'herford_iws: outcome PREMATURE is out of scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-12-01', '2025-03-31', NULL, 'herford_iws'), true,
          'herford_iws: outcome NULL counts as SUCCESS');

SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'hannover'), true,
          'hannover: outcome SUCCESS is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'hannover'), true,
          'hannover: outcome GOAL_EARLY is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'PREMATURE', 'hannover'), false,
          'hannover: outcome PREMATURE is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'hannover'), true,
          'hannover: outcome NULL counts as SUCCESS');

SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'bremen'), true,
          'bremen: outcome SUCCESS is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'bremen'), true,
          'bremen: outcome GOAL_EARLY is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'PREMATURE', 'bremen'), true,
          'bremen: outcome PREMATURE is in scope (premature exits count, II.1)');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'bremen'), true,
          'bremen: outcome NULL is in scope');

SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'), true,
          'cottbus_ies: outcome SUCCESS is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'cottbus_ies'), true,
          'cottbus_ies: outcome GOAL_EARLY is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'PREMATURE', 'cottbus_ies'), false,
          'cottbus_ies: outcome PREMATURE is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'cottbus_ies'), true,
          'cottbus_ies: outcome NULL counts as SUCCESS');

SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_iws'), true,
          'cottbus_iws: outcome SUCCESS is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'cottbus_iws'), true,
          'cottbus_iws: outcome GOAL_EARLY is in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'PREMATURE', 'cottbus_iws'), false,
          'cottbus_iws: outcome PREMATURE is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'cottbus_iws'), true,
          'cottbus_iws: outcome NULL counts as SUCCESS');

-- ===================================================================
-- Herford's filters (9-argument form); NULL passes a filter
-- ===================================================================
SELECT is(pg_temp.f9('herford', 'MAT', NULL, NULL, NULL, NULL), false,
          'herford: an unknown legal sphere and CoSach status are out of scope ("not null")');
SELECT is(pg_temp.f9('herford', 'MAT', 'nicht gesetzt', 'SGB2', 'B', NULL), true,
          'herford: customer status "nicht gesetzt" (not set) is in scope');
SELECT is(pg_temp.f9('herford', 'MAT', ' Nicht gesetzt ', 'SGB2', 'B', NULL), true,
          'herford: customer status " Nicht gesetzt " (case and blanks) is not set');
SELECT is(pg_temp.f9('herford', 'MAG', 'ALO', 'SGB2', 'B', NULL), false,
          'herford: MAG is out of scope (of § 45 only MAT)');
SELECT is(pg_temp.f9('herford', 'MABE', 'ALO', 'SGB2', 'B', NULL), false,
          'herford: MABE is out of scope (of § 45 only MAT)');
SELECT is(pg_temp.f9('herford', 'BAE', 'ALO', 'SGB2', 'B', NULL), true,
          'herford: BAE is in scope (derzeit noch in Klaerung, but listed)');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB2', 'B', NULL), true,
          'herford: ALO, SGB2, CoSach B is in scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ASU', 'SGB2', 'B', NULL), true,
          'herford: customer status ASU is in scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'RASU', 'SGB2', 'B', NULL), true,
          'herford: customer status RASU is in scope');
SELECT is(pg_temp.f9('herford', 'MAT', NULL, 'SGB2', 'B', NULL), true,
          'herford: customer status not set (NULL) is in scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'NAS', 'SGB2', 'B', NULL), false,
          'herford: customer status NAS is out of scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB3', 'B', NULL), false,
          'herford: legal sphere SGB3 is out of scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', NULL, 'B', NULL), false,
          'herford: legal sphere NULL is out of scope ("not null")');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB2', 'A', NULL), false,
          'herford: CoSach status A is out of scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB2', 'C', NULL), false,
          'herford: CoSach status C is out of scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB2', NULL, NULL), false,
          'herford: CoSach status NULL is out of scope ("not null")');
SELECT is(pg_temp.f9('herford_ies', 'MAT', 'ALO', 'SGB2', NULL, NULL), false,
          'herford_ies: CoSach status NULL is out of scope ("not null")');
SELECT is(absolv_in_scope('MAT', '2024-12-01', '2025-03-31', 'SUCCESS', 'ASU', NULL, 'B', NULL, 'herford_iws'), false,
          'herford_iws: legal sphere NULL is out of scope ("not null")');
SELECT is(pg_temp.f9('herford_ies', 'MAT', 'NAS', 'SGB2', 'B', NULL), false,
          'herford_ies: customer status NAS is out of scope');
SELECT is(pg_temp.f9('herford_ies', 'MAT', 'ALO', 'SGB3', 'B', NULL), false,
          'herford_ies: legal sphere SGB3 is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-12-01', '2025-03-31', 'SUCCESS', 'ASU', 'SGB2', 'B', NULL, 'herford_iws'), true,
          'herford_iws: ASU, SGB2, CoSach B is in scope');
SELECT is(absolv_in_scope('MAT', '2024-12-01', '2025-03-31', 'SUCCESS', 'ASU', 'SGB2', 'C', NULL, 'herford_iws'), false,
          'herford_iws: CoSach status C is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-12-01', '2025-03-31', 'SUCCESS', 'NAS', 'SGB2', 'B', NULL, 'herford_iws'), false,
          'herford_iws: customer status NAS is out of scope');
SELECT is(absolv_in_scope('MAT', '2024-12-01', '2025-03-31', 'PREMATURE', 'ALO', 'SGB2', 'B', NULL, 'herford_iws'), false,
          'herford_iws: the 9-argument form still excludes PREMATURE');
-- the other rules do not filter on these attributes
SELECT is(pg_temp.f9('frankfurt', 'MAT', 'NAS', 'SGB3', 'C', NULL), true,
          'frankfurt: customer status, legal sphere and CoSach status are not checked');
SELECT is(pg_temp.f9('hannover', 'MAT', 'NAS', 'SGB3', 'C', NULL), true,
          'hannover: customer status, legal sphere and CoSach status are not checked');
SELECT is(pg_temp.f9('bremen', 'MAT', 'NAS', 'SGB3', 'C', NULL), true,
          'bremen: customer status, legal sphere and CoSach status are not checked');
SELECT is(pg_temp.f9('cottbus_ies', 'MAT', 'NAS', 'SGB3', 'B', NULL), true,
          'cottbus_ies: customer status and legal sphere are not checked');
SELECT is(pg_temp.f9('cottbus_iws', 'MAT', 'NAS', 'SGB3', 'B', NULL), true,
          'cottbus_iws: customer status and legal sphere are not checked');
-- Cottbus: CoSach status B ("berücksichtigungsfähiger Status"); unknown passes
SELECT is(pg_temp.f9('cottbus_ies', 'MAT', NULL, NULL, 'C', NULL), false,
          'cottbus_ies: CoSach status C is out of scope');
SELECT is(pg_temp.f9('cottbus_iws', 'MAT', NULL, NULL, 'A', NULL), false,
          'cottbus_iws: CoSach status A is out of scope');
SELECT is(pg_temp.f9('cottbus_ies', 'MAT', NULL, NULL, 'B: bewilligt, teilnehmend', NULL), true,
          'cottbus_ies: CoSach status B is in scope');
SELECT is(pg_temp.f9('cottbus_iws', 'MAT', NULL, NULL, NULL, NULL), true,
          'cottbus_iws: CoSach status NULL passes');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'), true,
          'cottbus_ies: the five-argument form (CoSach status unknown) keeps a MAT in scope');

-- ===================================================================
-- BvB only with goal INTEGRATION (herford*, cottbus*)
-- ===================================================================
SELECT is(pg_temp.f9('herford', 'BVB', 'ALO', 'SGB2', 'B', 'INTEGRATION'), true,
          'herford: BVB with goal INTEGRATION is in scope');
SELECT is(pg_temp.f9('herford', 'BVB', 'ALO', 'SGB2', 'B', 'OTHER'), false,
          'herford: BVB with goal OTHER is out of scope');
SELECT is(pg_temp.f9('herford', 'BVB', 'ALO', 'SGB2', 'B', NULL), false,
          'herford: BVB with goal NULL is out of scope ("not null")');
SELECT is(pg_temp.f9('herford', 'BVB', 'ALO', 'SGB2', 'B', '1: Integration in Arbeit'), true,
          'herford: BVB with goal "1: Integration in Arbeit" is in scope');
SELECT is(pg_temp.f9('herford', 'BVB', 'ALO', 'SGB2', 'B', 'Integration in Ausbildung'), false,
          'herford: BVB with some other goal text is out of scope, not an error');
SELECT is(pg_temp.f9('herford_ies', 'BVB', NULL, 'SGB2', 'B', 'OTHER'), false,
          'herford_ies: BVB with goal OTHER is out of scope');
SELECT is(absolv_in_scope('BVB', '2024-12-01', '2025-03-31', 'SUCCESS', NULL, 'SGB2', 'B', 'OTHER', 'herford_iws'), false,
          'herford_iws: BVB with goal OTHER is out of scope');
SELECT is(absolv_in_scope('BVB', '2024-12-01', '2025-03-31', 'SUCCESS', NULL, 'SGB2', 'B', NULL, 'herford_iws'), false,
          'herford_iws: BVB with goal NULL is out of scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB2', 'B', 'OTHER'), true,
          'herford: the goal filter applies to BVB only (MAT with goal OTHER is in scope)');
SELECT is(pg_temp.f9('cottbus_ies', 'BVB', NULL, NULL, NULL, 'INTEGRATION'), true,
          'cottbus_ies: BVB with goal INTEGRATION is in scope');
SELECT is(pg_temp.f9('cottbus_ies', 'BVB', NULL, NULL, NULL, 'OTHER'), false,
          'cottbus_ies: BVB with goal OTHER is out of scope');
SELECT is(pg_temp.f9('cottbus_ies', 'BVB', NULL, NULL, NULL, NULL), false,
          'cottbus_ies: BVB with goal NULL is out of scope ("not null": "mit dem Ziel der Integration in Arbeit")');
SELECT is(pg_temp.f9('cottbus_ies', 'MAT', NULL, NULL, NULL, NULL), true,
          'cottbus_ies: the goal filter applies to BVB only (MAT with goal NULL is in scope)');
SELECT is(pg_temp.f9('cottbus_iws', 'BVB', NULL, NULL, NULL, 'OTHER'), false,
          'cottbus_iws: BVB with goal OTHER is out of scope');
SELECT is(pg_temp.f9('cottbus_iws', 'BVB', NULL, NULL, NULL, 'INTEGRATION'), true,
          'cottbus_iws: BVB with goal INTEGRATION is in scope');
SELECT is(pg_temp.f9('bremen', 'BVB', NULL, NULL, NULL, 'OTHER'), true,
          'bremen: BVB of any goal is in scope');
SELECT is(pg_temp.f9('hannover', 'BVB', NULL, NULL, NULL, 'OTHER'), true,
          'hannover: BVB of any goal is in scope');
SELECT is(pg_temp.f9('frankfurt', 'BVB', NULL, NULL, NULL, 'INTEGRATION'), false,
          'frankfurt: BVB is out of scope whatever its goal');
SELECT is(absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'), false,
          'cottbus_ies: the five-argument form (goal unknown) puts a BVB out of scope');
SELECT is(absolv_scope_reason('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_iws'), 'goal',
          'cottbus_iws: the five-argument form names the goal as the reason');
SELECT is(absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'hannover'), true,
          'hannover: the five-argument form keeps a BVB in scope (no goal filter)');

-- ===================================================================
-- Measure families and measure lists (all 23 codes, 7-month participation;
-- herford_iws: 4 months)
-- ===================================================================
SELECT is(pg_temp.in_scope_measures('frankfurt', '2024-09-01', '2025-03-31'),
          ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE'],
          'frankfurt: exactly FBW* and MAT, MAG, MABE are in scope');
SELECT is(pg_temp.in_scope_measures('herford', '2024-09-01', '2025-03-31'),
          ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'BAE', 'BVB', 'REHA'],
          'herford: exactly FBW*, MAT, BAE, BVB and REHA are in scope');
SELECT is(pg_temp.in_scope_measures('herford_ies', '2024-09-01', '2025-03-31'),
          ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'BAE', 'BVB', 'REHA'],
          'herford_ies: exactly FBW*, MAT, BAE, BVB and REHA are in scope');
SELECT is(pg_temp.in_scope_measures('herford_iws', '2024-12-01', '2025-03-31'),
          ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'BAE', 'BVB', 'REHA'],
          'herford_iws: exactly FBW*, MAT, BAE, BVB and REHA are in scope');
SELECT is(pg_temp.in_scope_measures('hannover', '2024-09-01', '2025-03-31'),
          pg_temp.all_measures(),
          'hannover: every known measure is in scope');
SELECT is(pg_temp.in_scope_measures('bremen', '2024-09-01', '2025-03-31'),
          ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'AGH', 'BAE',
                'EQ', 'BVB', 'REHA', 'EVL', 'TAAM', 'BUKSELB', 'ASA', 'IK', 'BSK'],
          'bremen: exactly FBW*, EQ, BAE, BVB, MAT, MAG, MABE, EVL, TAAM, AGH, BUKSELB, ASA, REHA, IK and BSK are in scope');
SELECT is(pg_temp.in_scope_measures('cottbus_ies', '2024-09-01', '2025-03-31'),
          ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV', 'BAE', 'AZ', 'BVB', 'REHA'],
          'cottbus_ies: exactly FBW*, § 45 (with MPAV), BAE, AZ, REHA and BVB are in scope');
SELECT is(pg_temp.in_scope_measures('cottbus_iws', '2024-09-01', '2025-03-31'),
          ARRAY['FBW', 'FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'MAT', 'MAG', 'MABE', 'MPAV', 'BAE', 'AZ', 'BVB', 'REHA'],
          'cottbus_iws: exactly FBW*, § 45 (with MPAV), BAE, AZ, REHA and BVB are in scope');

-- Bremen's excluded measures, whatever the outcome
SELECT is(absolv_in_scope('REHA_VL', '2024-09-01', '2025-03-31', 'SUCCESS', 'bremen'), false,
          'bremen: REHA_VL (Reha preparatory course) is out of scope');
SELECT is(absolv_in_scope('WBV', '2024-09-01', '2025-03-31', 'SUCCESS', 'bremen'), false,
          'bremen: WBV is out of scope');
SELECT is(absolv_in_scope('EA', '2024-09-01', '2025-03-31', 'PREMATURE', 'bremen'), false,
          'bremen: EA is out of scope');
SELECT is(absolv_in_scope('DIAG', '2024-09-01', '2025-03-31', NULL, 'bremen'), false,
          'bremen: DIAG is out of scope');
SELECT is(absolv_in_scope('IK', '2024-09-01', '2025-03-31', 'GOAL_EARLY', 'bremen'), true,
          'bremen: IK (integration course) is in scope');
SELECT is(absolv_in_scope('BSK', '2024-09-01', '2025-03-31', 'PREMATURE', 'bremen'), true,
          'bremen: BSK (job-related German course) is in scope, premature exit included');
SELECT is(absolv_in_scope('IK', '2025-01-01', '2025-03-02', 'SUCCESS', 'bremen'), true,
          'bremen: IK of 61 days is in scope');
SELECT is(absolv_in_scope('BSK', '2025-01-01', '2025-03-01', 'SUCCESS', 'bremen'), false,
          'bremen: BSK of 60 days is out of scope');
SELECT is(absolv_in_scope('MPAV', '2024-09-01', '2025-03-31', 'SUCCESS', 'bremen'), false,
          'bremen: MPAV is out of scope');
SELECT is(absolv_in_scope('REHA', '2024-09-01', '2025-03-31', 'PREMATURE', 'bremen'), true,
          'bremen: REHA is in scope, premature exit included');

-- ===================================================================
-- Unknown measure codes: out of scope of every rule, never an error
-- ===================================================================
SELECT is(absolv_in_scope('XYZ', '2024-09-01', '2025-03-31', 'SUCCESS', 'frankfurt'), false,
          'frankfurt: unknown measure XYZ is out of scope');
SELECT is(pg_temp.herford_scope('XYZ', '2024-09-01', '2025-03-31', 'SUCCESS', 'herford'), false,
          'herford: unknown measure XYZ is out of scope');
SELECT is(pg_temp.herford_scope('XYZ', '2024-09-01', '2025-03-31', 'SUCCESS', 'herford_ies'), false,
          'herford_ies: unknown measure XYZ is out of scope');
SELECT is(pg_temp.herford_scope('XYZ', '2024-12-01', '2025-03-31', 'SUCCESS', 'herford_iws'), false,
          'herford_iws: unknown measure XYZ is out of scope');
SELECT is(absolv_in_scope('XYZ', '2024-09-01', '2025-03-31', 'SUCCESS', 'hannover'), false,
          'hannover: unknown measure XYZ is out of scope although the rule takes any measure');
SELECT is(absolv_in_scope('XYZ', '2024-09-01', '2025-03-31', 'PREMATURE', 'bremen'), false,
          'bremen: unknown measure XYZ is out of scope');
SELECT is(absolv_in_scope('XYZ', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'), false,
          'cottbus_ies: unknown measure XYZ is out of scope');
SELECT is(absolv_in_scope('XYZ', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_iws'), false,
          'cottbus_iws: unknown measure XYZ is out of scope');
SELECT is(absolv_in_scope('', '2024-09-01', '2025-03-31', 'SUCCESS', 'hannover'), false,
          'hannover: an empty measure text is out of scope');
SELECT is(absolv_in_scope('FBW9', '2024-09-01', '2025-03-31', 'SUCCESS', NULL, NULL, NULL, NULL, 'hannover'), false,
          'hannover: unknown measure FBW9 is out of scope (9-argument form)');

-- ===================================================================
-- Aliases and case
-- ===================================================================
SELECT is(absolv_in_scope('fbw_umschulung', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'), true,
          'cottbus_ies: lower-case fbw_umschulung is FBW_UMSCHULUNG');
SELECT is(absolv_in_scope(' Umschulung ', '2025-03-01', '2025-03-31', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: '' Umschulung '' (alias, blanks around) is an FbW in scope of any duration');
SELECT is(absolv_in_scope('AGH-MAE', '2024-09-01', '2025-03-31', 'SUCCESS', 'bremen'), true,
          'bremen: AGH-MAE is AGH, in scope');
SELECT is(absolv_in_scope('AGH-MAE', '2024-09-01', '2025-03-31', 'SUCCESS', 'hannover'), true,
          'hannover: AGH-MAE is AGH, in scope');
SELECT is(absolv_in_scope('AGH-MAE', '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'), false,
          'cottbus_ies: AGH-MAE is AGH, not in Cottbus'' list');
SELECT is(absolv_in_scope('bvb', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', 'Integration', 'herford'), true,
          'herford: lower-case bvb is BVB');
SELECT is(absolv_in_scope('Mat', '2025-01-15', '2025-04-15', 'SUCCESS', 'frankfurt'), true,
          'frankfurt: mixed-case Mat is MAT');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'erfolgreich beendet', 'cottbus_ies'), true,
          'cottbus_ies: outcome ''erfolgreich beendet'' is SUCCESS');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'Abbruch', 'cottbus_ies'), false,
          'cottbus_ies: outcome ''Abbruch'' is PREMATURE, out of scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'Abbruch', 'bremen'), true,
          'bremen: outcome ''Abbruch'' is PREMATURE, in scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'Maßnahmeziel vorzeitig erreicht', 'herford'), false,
          'herford: outcome ''Massnahmeziel vorzeitig erreicht'' is GOAL_EARLY, an early end: out of scope');
SELECT is(pg_temp.herford_scope('MAT', '2024-09-01', '2025-03-31', 'erfolgreich beendet', 'herford'), true,
          'herford: outcome ''erfolgreich beendet'' is SUCCESS, in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'Maßnahmeziel vorzeitig erreicht', 'cottbus_iws'), true,
          'cottbus_iws: outcome ''Massnahmeziel vorzeitig erreicht'' is GOAL_EARLY, in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', ' success ', 'hannover'), true,
          'hannover: outcome '' success '' (lower case, blanks) is SUCCESS');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'premature', 'frankfurt'), false,
          'frankfurt: outcome ''premature'' is PREMATURE');
SELECT is(pg_temp.f9('herford', 'MAT', 'alo', 'SGB2', 'B', NULL), true,
          'herford: customer status ''alo'' is ALO');
SELECT is(pg_temp.f9('herford', 'MAT', ' nas ', 'SGB2', 'B', NULL), false,
          'herford: customer status '' nas '' is NAS, out of scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB II', 'B', NULL), true,
          'herford: legal sphere ''SGB II'' is SGB2');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB III', 'B', NULL), false,
          'herford: legal sphere ''SGB III'' is SGB3, out of scope');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB2', 'b', NULL), true,
          'herford: CoSach status ''b'' is B');
SELECT is(pg_temp.f9('herford', 'MAT', 'ALO', 'SGB2', 'B: bewilligt, teilnehmend', NULL), true,
          'herford: CoSach status ''B: bewilligt, teilnehmend'' is B');
SELECT is(pg_temp.f9('herford', 'BVB', 'ALO', 'SGB2', 'B', '1'), true,
          'herford: BVB with goal ''1'' is INTEGRATION');

-- ===================================================================
-- Unknown outcome, customer status, legal sphere, CoSach status: 22023,
-- with a message that names the value
-- ===================================================================
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'BOGUS', 'cottbus_ies')$$,
          '22023', NULL, 'cottbus_ies: unknown outcome BOGUS raises 22023');
SELECT ok(pg_temp.error_message($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'BOGUS', 'cottbus_ies')$$) ~ 'BOGUS',
          'cottbus_ies: the error of an unknown outcome names the value');
SELECT ok(pg_temp.error_text($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'BOGUS', 'cottbus_ies')$$) ~ 'GOAL_EARLY',
          'cottbus_ies: the error of an unknown outcome lists the accepted codes');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', '', 'cottbus_ies')$$,
          '22023', NULL, 'cottbus_ies: an empty outcome text is unknown and raises 22023 (only NULL means no entry)');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'BOGUS', 'bremen')$$,
          '22023', NULL, 'bremen: unknown outcome raises 22023 although Bremen takes any outcome');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'BOGUS', 'ALO', 'SGB2', 'B', NULL, 'herford')$$,
          '22023', NULL, 'herford: unknown outcome raises 22023 (9-argument form)');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'XALO', 'SGB2', 'B', NULL, 'herford')$$,
          '22023', NULL, 'herford: unknown customer status XALO raises 22023');
SELECT ok(pg_temp.error_message($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'XALO', 'SGB2', 'B', NULL, 'herford')$$) ~ 'XALO',
          'herford: the error of an unknown customer status names the value');
SELECT ok(pg_temp.error_text($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'XALO', 'SGB2', 'B', NULL, 'herford')$$) ~ 'RASU',
          'herford: the error of an unknown customer status lists the accepted codes');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB9', 'B', NULL, 'herford')$$,
          '22023', NULL, 'herford: unknown legal sphere SGB9 raises 22023');
SELECT ok(pg_temp.error_message($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB9', 'B', NULL, 'herford')$$) ~ 'SGB9',
          'herford: the error of an unknown legal sphere names the value');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'Q9Z', NULL, 'herford')$$,
          '22023', NULL, 'herford: unknown CoSach status Q9Z raises 22023');
SELECT ok(pg_temp.error_message($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'Q9Z', NULL, 'herford')$$) ~ 'Q9Z',
          'herford: the error of an unknown CoSach status names the value');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'XALO', NULL, NULL, NULL, 'cottbus_ies')$$,
          '22023', NULL, 'cottbus_ies: unknown customer status raises 22023 although the rule does not filter on it');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', NULL, 'SGB9', NULL, NULL, 'bremen')$$,
          '22023', NULL, 'bremen: unknown legal sphere raises 22023 although the rule does not filter on it');

-- ===================================================================
-- The five-argument form refuses a rule that needs the legal sphere or
-- CoSach status of every participation (Herford): 22023 on every call,
-- whatever the row, with a hint naming the nine-argument form
-- ===================================================================
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'herford')$$,
          '22023', 'rule "herford" needs the legal sphere and CoSach status of every participation, which this form of the function does not take',
          'herford: the five-argument absolv_in_scope raises 22023');
SELECT throws_ok($$SELECT absolv_in_scope('XYZ', NULL, NULL, NULL, 'herford_ies')$$,
          '22023', NULL, 'herford_ies: the five-argument form raises 22023 even for a row out of scope and invalid');
SELECT throws_ok($$SELECT absolv_scope_reason('MAT', '2024-12-01', '2025-03-31', 'SUCCESS', 'herford_iws')$$,
          '22023', NULL, 'herford_iws: the five-argument absolv_scope_reason raises 22023');
SELECT ok(pg_temp.error_text($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'herford')$$)
          ~ 'nine-argument form: \(measure, entry_date, exit_date, outcome, customer_status, legal_sphere, cosach_status, goal, rule\)',
          'herford: the error hints at the nine-argument form');
SELECT throws_ok($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS',
                   'rule x scope measure in (MAT) customer status in (ALO) not null window exit .. exit require VV')$$,
          '22023', 'rule "x" needs the customer status of every participation, which this form of the function does not take',
          'a custom rule with "customer status ... not null" is refused by the five-argument form');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS',
          'rule x scope measure in (MAT) customer status in (ALO) window exit .. exit require VV'), true,
          'a custom rule whose status filter lets NULL pass works in the five-argument form');
SELECT is(absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', NULL::absolv_rule), NULL,
          'the five-argument form with a NULL rule is NULL, not an error');

-- ===================================================================
-- Invalid participation data: false, never an error
-- ===================================================================
SELECT is(absolv_in_scope('MAT', '2025-03-31', '2024-09-01', 'SUCCESS', 'cottbus_ies'), false,
          'cottbus_ies: exit before entry is not in scope');
SELECT is(absolv_in_scope('FBW', '2025-03-31', '2025-03-30', 'SUCCESS', 'frankfurt'), false,
          'frankfurt: FBW with exit the day before entry is not in scope');
SELECT is(absolv_in_scope('MAT', '2025-03-31', '2025-03-01', 'PREMATURE', 'bremen'), false,
          'bremen: exit before entry is not in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', NULL, 'SUCCESS', 'bremen'), false,
          'bremen: NULL exit is not in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', NULL, 'SUCCESS', 'hannover'), false,
          'hannover: NULL exit is not in scope');
SELECT is(absolv_in_scope('MAT', NULL, '2025-03-31', 'SUCCESS', 'hannover'), false,
          'hannover: NULL entry is not in scope');
SELECT is(absolv_in_scope('FBW', NULL, '2025-03-31', 'SUCCESS', 'frankfurt'), false,
          'frankfurt: FBW with NULL entry is not in scope (invalid data, although FbW has no duration limit)');
SELECT is(absolv_in_scope('MAT', '2024-09-01', 'infinity', 'SUCCESS', 'cottbus_iws'), false,
          'cottbus_iws: an infinite exit is not in scope');
SELECT is(pg_temp.herford_scope('MAT', '-infinity', '2025-03-31', 'SUCCESS', 'herford'), false,
          'herford: an infinite entry is not in scope');
SELECT is(absolv_in_scope('MAT', '2024-09-01', NULL, 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford_ies'), false,
          'herford_ies: NULL exit is not in scope (9-argument form)');
SELECT is(absolv_in_scope('MAT', '2024-09-01', NULL, NULL, 'cottbus_ies'), false,
          'cottbus_ies: NULL exit and NULL outcome is not in scope');

SELECT * FROM finish();
