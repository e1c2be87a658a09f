\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- Windows and horizons of the eight presets (docs/rules.md sections 3 and 4),
-- and absolv_compliant with evidence on the first and the last day of each
-- window and one day outside it on either side.
--
-- Every expected date was computed by hand from docs/rules.md:
--   exit 2025-03-31: exit - 91 = 2024-12-30, exit - 90 = 2024-12-31,
--   exit - 29 = 2025-03-02, exit - 28 = 2025-03-03, exit + 1 = 2025-04-01,
--   exit + 14 = 2025-04-14, exit + 15 = 2025-04-15, exit + 28 = 2025-04-28,
--   exit + 29 = 2025-04-29.
-- A window [lo, hi] is the daterange '[lo,hi+1)'.

\i test/helpers/compliant.sql

SELECT plan(132);

-- ===================================================================
-- frankfurt: window [exit + 1, exit + 14]; horizon from the exclusion
-- window start exit - 28 to the 10th Hessian working day after the last
-- possible missed appointment (exit + 14).
-- exit 2025-03-31: exit + 14 = Mon 2025-04-14; working days after it:
-- Tue 15 (1), Wed 16 (2), Thu 17 (3), Good Friday 18 and Easter Monday 21
-- are holidays in Hessen, Tue 22 (4), Wed 23 (5), Thu 24 (6), Fri 25 (7),
-- Mon 28 (8), Tue 29 (9), Wed 30 (10): horizon [2025-03-03, 2025-04-30].
-- exit 2025-08-31: exit - 28 = 2025-08-03, exit + 14 = Sun 2025-09-14; its
-- 10th working day after is Fri 2025-09-26 (no holiday in between).
-- ===================================================================
SELECT is(absolv_window('2025-03-31'::date, 'frankfurt'),
          '[2025-04-01,2025-04-15)'::daterange,
          'frankfurt: window of exit 2025-03-31 is [exit + 1, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'frankfurt'),
          '[2025-04-01,2025-04-15)'::daterange,
          'frankfurt: 4-argument window is the same for a § 45 measure');
SELECT is(absolv_window('2025-03-01'::date, '2025-03-31'::date, 'FBW', 'frankfurt'),
          '[2025-04-01,2025-04-15)'::daterange,
          'frankfurt: 4-argument window is the same for an FbW');
SELECT is(absolv_window('2024-02-10'::date, 'frankfurt'),
          '[2024-02-11,2024-02-25)'::daterange,
          'frankfurt: window across the end of February of a leap year');
SELECT is(absolv_horizon('2025-03-31'::date, 'frankfurt'),
          '[2025-03-03,2025-05-01)'::daterange,
          'frankfurt: horizon spans exit - 28 to 10 Hessian working days after exit + 14 (across Easter)');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'frankfurt'),
          '[2025-03-03,2025-05-01)'::daterange,
          'frankfurt: 4-argument horizon equals the 2-argument horizon');
SELECT is(absolv_horizon('2025-08-31'::date, 'frankfurt'),
          '[2025-08-03,2025-09-27)'::daterange,
          'frankfurt: horizon of exit 2025-08-31 ends on the 10th working day after exit + 14');
SELECT is(absolv_horizon('2025-04-03'::date, 'frankfurt'),
          '[2025-03-06,2025-05-07)'::daterange,
          'frankfurt: horizon of exit Thu 2025-04-03 ends Tue 2025-05-06, the 10th working day after exit + 14 = Thu 2025-04-17 (Easter Monday and 1 May skipped)');
SELECT is(absolv_horizon('2025-05-20'::date, 'frankfurt'),
          '[2025-04-22,2025-06-19)'::daterange,
          'frankfurt: horizon of exit 2025-05-20 ends Wed 2025-06-18, the 10th working day after exit + 14 = Tue 2025-06-03 (Whit Monday skipped)');
SELECT ok(absolv_window('2025-03-31'::date, 'frankfurt') <@ absolv_horizon('2025-03-31'::date, 'frankfurt'),
          'frankfurt: the window lies inside the horizon');

SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'CONTACT +1'), true,
          'frankfurt: CONTACT on the first day of the window (exit + 1) counts');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'CONTACT +14'), true,
          'frankfurt: CONTACT on the last day of the window (exit + 14) counts');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'CONTACT 0'), false,
          'frankfurt: CONTACT on the exit day (the day before the window) does not count');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'CONTACT +15'), false,
          'frankfurt: CONTACT on exit + 15 (the day after the window) does not count');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT 2025-04-01'), true,
          'frankfurt: CONTACT given as a date on exit + 1 counts for a § 45 measure');

-- ===================================================================
-- herford_ies: window [exit - 90, exit]; its exclusion lies inside it,
-- so the horizon is the window.
-- Participation 2024-09-01 .. 2025-03-31 (more than 6 months).
-- ===================================================================
SELECT is(absolv_window('2025-03-31'::date, 'herford_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'herford_ies: window of exit 2025-03-31 is [exit - 90, exit]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'herford_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'herford_ies: 4-argument window is the same');
SELECT is(absolv_horizon('2025-03-31'::date, 'herford_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'herford_ies: the horizon is the window: the exclusion lies inside it');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'herford_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'herford_ies: 4-argument horizon is the same');

SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -90', 'EINV -30'), true,
          'herford_ies: CONTACT on the first day of the window (exit - 90) counts');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT 0', 'EINV -30'), true,
          'herford_ies: CONTACT on the last day of the window (exit) counts');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -91', 'EINV -30'), false,
          'herford_ies: CONTACT on exit - 91 does not count');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT +1', 'EINV -30'), false,
          'herford_ies: CONTACT on exit + 1 does not count');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV -90'), true,
          'herford_ies: EINV on the first day of the window (exit - 90) counts');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV 0'), true,
          'herford_ies: EINV on the last day of the window (exit) counts');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV -91'), false,
          'herford_ies: EINV on exit - 91 does not count');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV +1'), false,
          'herford_ies: EINV on exit + 1 does not count');

-- ===================================================================
-- herford_iws: window [exit - 90, exit + 14], horizon the same.
-- Participation 2024-12-01 .. 2025-03-31 (3 to under 6 months).
-- ===================================================================
SELECT is(absolv_window('2025-03-31'::date, 'herford_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'herford_iws: window of exit 2025-03-31 is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-12-01'::date, '2025-03-31'::date, 'MAT', 'herford_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'herford_iws: 4-argument window is the same');
SELECT is(absolv_horizon('2025-03-31'::date, 'herford_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'herford_iws: horizon equals the window');
SELECT is(absolv_horizon('2024-12-01'::date, '2025-03-31'::date, 'MAT', 'herford_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'herford_iws: 4-argument horizon is the same');

SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -90', 'EINV -30'), true,
          'herford_iws: CONTACT on the first day of the window (exit - 90) counts');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT +14', 'EINV -30'), true,
          'herford_iws: CONTACT on the last day of the window (exit + 14) counts');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -91', 'EINV -30'), false,
          'herford_iws: CONTACT on exit - 91 does not count');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT +15', 'EINV -30'), false,
          'herford_iws: CONTACT on exit + 15 does not count');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV -90'), true,
          'herford_iws: EINV on the first day of the window (exit - 90) counts');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV +14'), true,
          'herford_iws: EINV on the last day of the window (exit + 14) counts');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV -91'), false,
          'herford_iws: EINV on exit - 91 does not count');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV +15'), false,
          'herford_iws: EINV on exit + 15 does not count');

-- ===================================================================
-- herford: the variant depends on the duration, so the 2-argument window
-- is an error; the 2-argument horizon is the hull of both variants.
-- 6 months: entry 2025-01-15 + 6 months - 1 day = 2025-07-14.
--   exit 2025-07-14 (ieS): [2025-04-15, 2025-07-14]
--   exit 2025-07-13 (iwS): [2025-04-14, 2025-07-27]
-- ===================================================================
SELECT throws_ok($$SELECT absolv_window('2025-03-31'::date, 'herford')$$, '22023', NULL,
          'herford: 2-argument absolv_window raises 22023 (window depends on the duration)');
SELECT is(absolv_horizon('2025-03-31'::date, 'herford'),
          '[2024-12-31,2025-04-15)'::daterange,
          'herford: 2-argument horizon is the hull of both variants, [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'herford'),
          '[2024-12-31,2025-04-01)'::daterange,
          'herford: 4-argument window of a 7-month participation is the ieS window [exit - 90, exit]');
SELECT is(absolv_window('2024-12-01'::date, '2025-03-31'::date, 'MAT', 'herford'),
          '[2024-12-31,2025-04-15)'::daterange,
          'herford: 4-argument window of a 4-month participation is the iwS window [exit - 90, exit + 14]');
SELECT is(absolv_window('2025-01-15'::date, '2025-07-14'::date, 'FBW', 'herford'),
          '[2025-04-15,2025-07-15)'::daterange,
          'herford: exactly 6 months (2025-01-15 .. 2025-07-14) takes the ieS window');
SELECT is(absolv_window('2025-01-15'::date, '2025-07-13'::date, 'FBW', 'herford'),
          '[2025-04-14,2025-07-28)'::daterange,
          'herford: one day under 6 months (2025-01-15 .. 2025-07-13) takes the iwS window');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'herford'),
          '[2024-12-31,2025-04-01)'::daterange,
          'herford: 4-argument horizon of an ieS participation is its window [exit - 90, exit]');
SELECT is(absolv_horizon('2024-12-01'::date, '2025-03-31'::date, 'MAT', 'herford'),
          '[2024-12-31,2025-04-15)'::daterange,
          'herford: 4-argument horizon of an iwS participation is [exit - 90, exit + 14]');

SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -90', 'EINV -30'), true,
          'herford (ieS case): CONTACT on exit - 90 counts');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT 0', 'EINV -30'), true,
          'herford (ieS case): CONTACT on the exit day counts');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -91', 'EINV -30'), false,
          'herford (ieS case): CONTACT on exit - 91 does not count');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT +1', 'EINV -30'), false,
          'herford (ieS case): CONTACT on exit + 1 does not count');
SELECT is(pg_temp.v('herford', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -90', 'EINV -30'), true,
          'herford (iwS case): CONTACT on exit - 90 counts');
SELECT is(pg_temp.v('herford', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT +14', 'EINV -30'), true,
          'herford (iwS case): CONTACT on exit + 14 counts');
SELECT is(pg_temp.v('herford', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -91', 'EINV -30'), false,
          'herford (iwS case): CONTACT on exit - 91 does not count');
SELECT is(pg_temp.v('herford', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT +15', 'EINV -30'), false,
          'herford (iwS case): CONTACT on exit + 15 does not count');
SELECT is(pg_temp.v('herford', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV +14'), true,
          'herford (iwS case): EINV on exit + 14 counts');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -30', 'EINV +1'), false,
          'herford (ieS case): EINV on exit + 1 does not count');

-- ===================================================================
-- hannover: the window depends on the measure.
--   FBW*: [exit - 90, exit + 14]; § 45 and AGH: [exit - 90, exit + 14];
--   every other measure: [exit - 90, exit].  No exclusion.
-- ===================================================================
SELECT throws_ok($$SELECT absolv_window('2025-03-31'::date, 'hannover')$$, '22023', NULL,
          'hannover: 2-argument absolv_window raises 22023 (window depends on the measure)');
SELECT is(absolv_horizon('2025-03-31'::date, 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: 2-argument horizon is the hull of all variants, [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'FBW_UMSCHULUNG', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: window of an FBW_UMSCHULUNG is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'FBW', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: window of an FBW is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'fbw_fortbildung', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: window of an FbW further training (lower-case code) is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: window of a MAT (§ 45) is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MPAV', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: window of an MPAV (§ 45) is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'AGH', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: window of an AGH is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'BAE', 'hannover'),
          '[2024-12-31,2025-04-01)'::daterange,
          'hannover: window of a BAE (other measure) is [exit - 90, exit]');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'FBW_UMSCHULUNG', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: horizon of an FBW_UMSCHULUNG is [exit - 90, exit + 14]');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'hannover'),
          '[2024-12-31,2025-04-15)'::daterange,
          'hannover: horizon of a MAT is [exit - 90, exit + 14]');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'BAE', 'hannover'),
          '[2024-12-31,2025-04-01)'::daterange,
          'hannover: horizon of a BAE is [exit - 90, exit]');

-- FbW: EINV and (VV or SI) in [exit - 90, exit + 14]
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV -90', 'VV -10'), true,
          'hannover (FbW): EINV on exit - 90, in force at exit, counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV -91', 'VV -10'), false,
          'hannover (FbW): EINV on exit - 91 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV +14', 'VV -10'), true,
          'hannover (FbW): EINV on exit + 14 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV +15', 'VV -10'), false,
          'hannover (FbW): EINV on exit + 15 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV -10', 'VV -90'), true,
          'hannover (FbW): VV on exit - 90 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV -10', 'VV -91'), false,
          'hannover (FbW): VV on exit - 91 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV -10', 'SI +14'), true,
          'hannover (FbW): SI on exit + 14 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV -10', 'SI +15'), false,
          'hannover (FbW): SI on exit + 15 does not count');
-- § 45 and AGH: EINV in [exit - 90, exit + 14], in force at exit if concluded by it
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV -90'), true,
          'hannover (§ 45): EINV on exit - 90 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV 0'), true,
          'hannover (§ 45): EINV on the exit day counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV -91'), false,
          'hannover (§ 45): EINV on exit - 91 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV +1'), true,
          'hannover (§ 45): EINV on exit + 1 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV +14'), true,
          'hannover (§ 45): EINV on exit + 14 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV +15'), false,
          'hannover (§ 45): EINV on exit + 15 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'AGH', 'EINV 0'), true,
          'hannover (AGH): EINV on the exit day counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'AGH', 'EINV +1'), true,
          'hannover (AGH): EINV on exit + 1 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'AGH', 'EINV +15'), false,
          'hannover (AGH): EINV on exit + 15 does not count');
-- other measures: EINV in force at exit and (VV or SI) in [exit - 90, exit]
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -90', 'SI 0'), true,
          'hannover (other): EINV on exit - 90 and SI on the exit day count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -30', 'SI -90'), true,
          'hannover (other): SI on exit - 90 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -30', 'SI -91'), false,
          'hannover (other): SI on exit - 91 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -30', 'SI +1'), false,
          'hannover (other): SI on exit + 1 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -91', 'SI -10'), false,
          'hannover (other): EINV on exit - 91 does not count');

-- ===================================================================
-- bremen: window [exit - 28, exit + 28]; horizon the same.
-- ===================================================================
SELECT is(absolv_window('2025-03-31'::date, 'bremen'),
          '[2025-03-03,2025-04-29)'::daterange,
          'bremen: window of exit 2025-03-31 is [exit - 28, exit + 28]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'bremen'),
          '[2025-03-03,2025-04-29)'::daterange,
          'bremen: 4-argument window is the same');
SELECT is(absolv_horizon('2025-03-31'::date, 'bremen'),
          '[2025-03-03,2025-04-29)'::daterange,
          'bremen: horizon equals the window');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'bremen'),
          '[2025-03-03,2025-04-29)'::daterange,
          'bremen: 4-argument horizon is the same');
SELECT is(absolv_window('2024-02-15'::date, 'bremen'),
          '[2024-01-18,2024-03-15)'::daterange,
          'bremen: window of exit 2024-02-15 spans the leap day: [2024-01-18, 2024-03-14]');

SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -28'), true,
          'bremen: CONTACT on the first day of the window (exit - 28) counts');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT +28'), true,
          'bremen: CONTACT on the last day of the window (exit + 28) counts');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -29'), false,
          'bremen: CONTACT on exit - 29 does not count');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT +29'), false,
          'bremen: CONTACT on exit + 29 does not count');

-- ===================================================================
-- cottbus_ies: window [exit - 90, exit]; EINV in force at exit and (VV or SI).
-- exit 2024-03-01: exit - 90 = 2023-12-02 (leap year).
-- ===================================================================
SELECT is(absolv_window('2025-03-31'::date, 'cottbus_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'cottbus_ies: window of exit 2025-03-31 is [exit - 90, exit]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'cottbus_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'cottbus_ies: 4-argument window is the same');
SELECT is(absolv_horizon('2025-03-31'::date, 'cottbus_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'cottbus_ies: horizon equals the window');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'cottbus_ies'),
          '[2024-12-31,2025-04-01)'::daterange,
          'cottbus_ies: 4-argument horizon is the same');
SELECT is(absolv_window('2024-03-01'::date, 'cottbus_ies'),
          '[2023-12-02,2024-03-02)'::daterange,
          'cottbus_ies: window of exit 2024-03-01 is [2023-12-02, 2024-03-01] (91 days with 29 February)');

SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -90', 'VV -10'), true,
          'cottbus_ies: EINV concluded on exit - 90, open-ended, counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV 0', 'VV -10'), true,
          'cottbus_ies: EINV concluded on the exit day counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -91', 'VV -10'), false,
          'cottbus_ies: EINV concluded on exit - 91 does not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV +1', 'VV -10'), false,
          'cottbus_ies: EINV concluded on exit + 1 does not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV -90'), true,
          'cottbus_ies: VV on exit - 90 counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV 0'), true,
          'cottbus_ies: VV on the exit day counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV -91'), false,
          'cottbus_ies: VV on exit - 91 does not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV +1'), false,
          'cottbus_ies: VV on exit + 1 does not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'SI -90'), true,
          'cottbus_ies: SI on exit - 90 counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'SI +1'), false,
          'cottbus_ies: SI on exit + 1 does not count');

-- ===================================================================
-- cottbus_iws: window [exit - 90, exit + 14].
-- ===================================================================
SELECT is(absolv_window('2025-03-31'::date, 'cottbus_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'cottbus_iws: window of exit 2025-03-31 is [exit - 90, exit + 14]');
SELECT is(absolv_window('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'cottbus_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'cottbus_iws: 4-argument window is the same');
SELECT is(absolv_horizon('2025-03-31'::date, 'cottbus_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'cottbus_iws: horizon equals the window');
SELECT is(absolv_horizon('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'cottbus_iws'),
          '[2024-12-31,2025-04-15)'::daterange,
          'cottbus_iws: 4-argument horizon is the same');

SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -90', 'VV -10'), true,
          'cottbus_iws: EINV concluded on exit - 90, open-ended, counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -91', 'VV -10'), false,
          'cottbus_iws: EINV concluded on exit - 91 does not count');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV +14', 'VV -10'), true,
          'cottbus_iws: EINV concluded on exit + 14 counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV +15', 'VV -10'), false,
          'cottbus_iws: EINV concluded on exit + 15 does not count');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV -90'), true,
          'cottbus_iws: VV on exit - 90 counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV +14'), true,
          'cottbus_iws: VV on exit + 14 counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV -91'), false,
          'cottbus_iws: VV on exit - 91 does not count');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'VV +15'), false,
          'cottbus_iws: VV on exit + 15 does not count');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'SI +14'), true,
          'cottbus_iws: SI on exit + 14 counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -10', 'SI +15'), false,
          'cottbus_iws: SI on exit + 15 does not count');

-- ===================================================================
-- NULL input: no window, no error
-- ===================================================================
SELECT is(absolv_window(NULL::date, 'bremen'), NULL::daterange,
          'bremen: window of a NULL exit is NULL');
SELECT is(absolv_horizon(NULL::date, 'frankfurt'), NULL::daterange,
          'frankfurt: horizon of a NULL exit is NULL');
SELECT is(absolv_window('2024-09-01'::date, NULL::date, 'MAT', 'cottbus_iws'), NULL::daterange,
          'cottbus_iws: 4-argument window of a NULL exit is NULL');

SELECT * FROM finish();
