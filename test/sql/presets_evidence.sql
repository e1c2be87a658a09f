\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- absolv_compliant: the evidence semantics of docs/rules.md and the
-- aggregate contract of docs/reference.md.  Every expected value was worked
-- out by hand from docs/rules.md.
--
-- Standard participation: entry 2024-09-01, exit 2025-03-31 (7 months,
-- in scope of every preset for the measures used).  Evidence days are
-- written relative to the exit ('-90', '0', '+14') or as dates.

\i test/helpers/compliant.sql

-- the error a statement raises: SQLSTATE, and everything it says
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

SELECT plan(147);

-- ===================================================================
-- Cottbus ieS: EINV concluded in [exit - 90, exit], in force at exit,
-- and (VV or SI) in [exit - 90, exit]
-- ===================================================================
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 -1', 'VV -10'), false,
          'cottbus_ies: EinV expiring the day before exit does not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 0', 'VV -10'), true,
          'cottbus_ies: EinV expiring on the exit day counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 open', 'VV -10'), true,
          'cottbus_ies: open-ended EinV counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 +200', 'VV -10'), true,
          'cottbus_ies: EinV in force beyond the exit counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 infinity', 'VV -10'), true,
          'cottbus_ies: EinV valid until infinity counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV +3 open', 'VV -10'), false,
          'cottbus_ies: EinV concluded after the exit does not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 open', 'SI -5'), true,
          'cottbus_ies: SI instead of VV counts');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 open'), false,
          'cottbus_ies: EinV without VV or SI does not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'VV -10', 'SI -5'), false,
          'cottbus_ies: VV and SI without EinV do not count');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 open', 'CONTACT -5'), false,
          'cottbus_ies: a CONTACT does not replace VV or SI');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'EINV -60 -1', 'EINV -20 open', 'VV -10'), true,
          'cottbus_ies: an expired EinV does not spoil a second one in force');

-- ===================================================================
-- Cottbus iwS: window [exit - 90, exit + 14]; an EinV concluded by the
-- exit must be in force on it, one concluded after the exit counts
-- ===================================================================
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV +3 open', 'VV -10'), true,
          'cottbus_iws: EinV concluded after the exit (within exit + 14) counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV +5 +10', 'SI +5'), true,
          'cottbus_iws: EinV concluded after the exit counts whatever its end');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV +15 open', 'VV -10'), false,
          'cottbus_iws: EinV concluded on exit + 15 does not count');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 -1', 'VV -10'), false,
          'cottbus_iws: EinV concluded before the exit and expiring the day before it does not count');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 0', 'VV +5'), true,
          'cottbus_iws: EinV expiring on the exit day counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV 0 open', 'VV +5'), true,
          'cottbus_iws: EinV concluded on the exit day, open-ended, counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -60 -1', 'EINV +2 open', 'VV -10'), true,
          'cottbus_iws: an expired EinV and a new one after the exit: the new one counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV -20 open', 'VV +10'), true,
          'cottbus_iws: VV after the exit (within exit + 14) counts');
SELECT is(pg_temp.v('cottbus_iws', '2024-09-01', '2025-03-31', 'MAT', 'EINV +3 open'), false,
          'cottbus_iws: EinV without VV or SI does not count');

-- ===================================================================
-- Hannover
-- ===================================================================
-- FbW: EINV and (VV or SI) in [exit - 90, exit + 14]; an EINV concluded by
-- the exit must be in force on it
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_UMSCHULUNG', 'EINV +5 open', 'VV +5'), true,
          'hannover (FbW): EinV concluded after the exit (within exit + 14) counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW', 'EINV -30 -1', 'VV -5'), false,
          'hannover (FbW): EinV expiring the day before exit does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW', 'EINV -30 0', 'SI -5'), true,
          'hannover (FbW): EinV expiring on the exit day with SI counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW_FORTBILDUNG', 'EINV -30 open'), false,
          'hannover (FbW): EinV without VV or SI does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'Umschulung', 'EINV -30 open', 'VV +14'), true,
          'hannover (FbW, alias Umschulung): VV on exit + 14 counts');
-- FbW: a HIRING_COMMITMENT in [exit - 90, exit] replaces VV and SI
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW', 'EINV -30 open', 'HIRING_COMMITMENT -91'), false,
          'hannover (FbW): a hiring commitment on exit - 91 does not replace VV or SI');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW', 'EINV -30 open', 'HIRING_COMMITMENT -90'), true,
          'hannover (FbW): a hiring commitment on exit - 90 replaces VV and SI');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW', 'EINV -30 open', 'Einstellungszusage 0'), true,
          'hannover (FbW): a hiring commitment (Einstellungszusage) on the exit day replaces VV and SI');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW', 'EINV -30 open', 'HIRING_COMMITMENT +1'), false,
          'hannover (FbW): a hiring commitment on exit + 1 is no longer during the measure');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'FBW', 'HIRING_COMMITMENT -5'), false,
          'hannover (FbW): a hiring commitment does not replace the EinV');
-- § 45 and AGH: EINV in [exit - 90, exit + 14]; one concluded by the exit
-- must be in force on it; nothing else
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 open'), true,
          'hannover (§ 45): an EinV in force at exit alone is enough');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MPAV', 'EINV -30 0'), true,
          'hannover (§ 45): MPAV with an EinV expiring on the exit day counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'AGH', 'EINV -30 open'), true,
          'hannover (AGH): an EinV in force at exit alone is enough');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'AGH-MAE', 'EINV -30 open'), true,
          'hannover (AGH, alias AGH-MAE): an EinV alone is enough');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV -30 -1'), false,
          'hannover (§ 45): EinV expiring the day before exit does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAG', 'EINV +3 open'), true,
          'hannover (§ 45): an EinV concluded after the exit (within exit + 14) counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'AGH', 'EINV +14 +20'), true,
          'hannover (AGH): an EinV concluded on exit + 14 counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'AGH', 'EINV +15 open'), false,
          'hannover (AGH): an EinV concluded on exit + 15 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MPAV', 'EINV -90 0'), true,
          'hannover (§ 45): an EinV concluded on exit - 90, in force on the exit day, counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MPAV', 'EINV -91 open'), false,
          'hannover (§ 45): an EinV concluded on exit - 91 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', 'EINV 0 0'), true,
          'hannover (§ 45): an EinV concluded and ending on the exit day counts');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MABE', 'VV -10', 'SI -5'), false,
          'hannover (§ 45): VV and SI without EinV do not count');
-- other measures: EINV in force at exit and (VV or SI), in [exit - 90, exit]
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -30 open'), false,
          'hannover (other): EinV alone is not enough for a BAE');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -30 open', 'VV -3'), true,
          'hannover (other): EinV and VV count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'EQ', 'EINV -30 -1', 'VV -3'), false,
          'hannover (other): EinV expiring the day before exit does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BVB', 'EINV +2 open', 'VV -3'), false,
          'hannover (other): EinV concluded after the exit does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -30 open', 'SI +5'), false,
          'hannover (other): SI after the exit does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'BAE', 'EINV -30 open', 'HIRING_COMMITMENT -90'), true,
          'hannover (other): an EinV and a hiring commitment on exit - 90 count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'EQ', 'EINV -30 open', 'HIRING_COMMITMENT 0'), true,
          'hannover (other): an EinV and a hiring commitment on the exit day count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'EQ', 'EINV -30 open', 'HIRING_COMMITMENT -91'), false,
          'hannover (other): a hiring commitment on exit - 91 does not count');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'EQ', 'EINV -30 open', 'HIRING_COMMITMENT +1'), false,
          'hannover (other): a hiring commitment on exit + 1 does not count');

-- ===================================================================
-- Herford: CONTACT and EINV; an EXCEPTION inside the variant's own window
-- excludes (NULL): ieS [exit - 90, exit], iwS [exit - 90, exit + 14].
-- ieS participation 2024-09-01 .. 2025-03-31, iwS participation
-- 2024-12-01 .. 2025-03-31.
-- ===================================================================
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -20'), true,
          'herford: CONTACT and EINV in the window count');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10'), false,
          'herford: CONTACT without EINV does not count');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'EINV -20'), false,
          'herford: EINV without CONTACT does not count');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -60 -30'), true,
          'herford: the EINV need not be in force at exit');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'VV -20', 'SI -5'), false,
          'herford: VV and SI do not replace the EINV');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -20', 'EXCEPTION -90'), NULL,
          'herford: EXCEPTION on exit - 90 excludes the participation (NULL)');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -20', 'EXCEPTION 0'), NULL,
          'herford (ieS case): EXCEPTION on the exit day excludes (NULL)');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -20', 'EXCEPTION +1'), true,
          'herford (ieS case): EXCEPTION on exit + 1 is after the window and ignored');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EXCEPTION +14'), false,
          'herford (ieS case): a missed case stays missed with an EXCEPTION noted on exit + 14');
SELECT is(pg_temp.v('herford', '2024-12-01', '2025-03-31', 'MAT', 'EXCEPTION +14'), NULL,
          'herford (iwS case): EXCEPTION on exit + 14 excludes (NULL)');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -20', 'EXCEPTION -91'), true,
          'herford: EXCEPTION on exit - 91 is ignored');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -20', 'EXCEPTION +15'), true,
          'herford: EXCEPTION on exit + 15 is ignored');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'EXCEPTION -5'), NULL,
          'herford: EXCEPTION without other evidence gives NULL, not false');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -10', 'EINV -20', 'EXCEPTION 0'), NULL,
          'herford_ies: EXCEPTION on the exit day excludes (NULL)');
SELECT is(pg_temp.v('herford_ies', '2024-09-01', '2025-03-31', 'MAT', 'EXCEPTION +1'), false,
          'herford_ies: EXCEPTION on exit + 1 does not exclude');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'EXCEPTION +14'), NULL,
          'herford_iws: EXCEPTION on exit + 14 excludes (NULL)');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'EXCEPTION +15'), false,
          'herford_iws: EXCEPTION on exit + 15 does not exclude');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'EXCEPTION -91'), false,
          'herford_iws: EXCEPTION on exit - 91 does not exclude');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'EXCEPTION -90'), NULL,
          'herford_iws: EXCEPTION on exit - 90 excludes (NULL)');
SELECT is(pg_temp.v('herford_iws', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT +10', 'EINV +12'), true,
          'herford_iws: CONTACT and EINV after the exit (within exit + 14) count');
SELECT is(pg_temp.v('herford', '2024-12-01', '2025-03-31', 'MAT', 'CONTACT +10', 'EINV +12'), true,
          'herford (iwS case): CONTACT and EINV after the exit count');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT +10', 'EINV -12'), false,
          'herford (ieS case): CONTACT after the exit does not count');

-- ===================================================================
-- Frankfurt: CONTACT in [exit + 1, exit + 14]; after a MISSED in that
-- window, a CONTACT up to 10 Hessian working days after it also counts;
-- an EXCEPTION in [exit - 28, exit + 14] excludes.
--
-- Easter 2025 (Hessen: Good Friday 18 April, Easter Monday 21 April,
-- 1 May): exit Thu 2025-04-03, window [2025-04-04, 2025-04-17].
--   MISSED Wed 2025-04-16; working days after it: Thu 17 (1), Tue 22 (2),
--   Wed 23 (3), Thu 24 (4), Fri 25 (5), Mon 28 (6), Tue 29 (7), Wed 30 (8),
--   Fri 2 May (9), Mon 5 May (10), Tue 6 May (11).
--   MISSED Thu 2025-04-17 (exit + 14): Tue 22 (1), 23 (2), 24 (3), 25 (4),
--   28 (5), 29 (6), 30 (7), Fri 2 May (8), Mon 5 May (9), Tue 6 May (10),
--   Wed 7 May (11).
-- Corpus Christi 2025 (Thu 19 June, a Hessian holiday): exit Mon
-- 2025-06-02, window [2025-06-03, 2025-06-16].  MISSED Fri 2025-06-13:
--   Mon 16 (1), Tue 17 (2), Wed 18 (3), Fri 20 (4), Mon 23 (5), Tue 24 (6),
--   Wed 25 (7), Thu 26 (8), Fri 27 (9), Mon 30 (10), Tue 1 July (11).
-- ===================================================================
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'CONTACT 0'), false,
          'frankfurt: CONTACT on the exit day does not count (window starts exit + 1)');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'CONTACT +1'), true,
          'frankfurt: CONTACT on exit + 1 counts');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'EINV +1', 'VV +1'), false,
          'frankfurt: EINV and VV do not replace the CONTACT');

SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'CONTACT 2025-05-05'), true,
          'frankfurt: MISSED Wed 2025-04-16, CONTACT on the 10th working day after it (Mon 2025-05-05, across Easter and 1 May) counts');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'CONTACT 2025-05-06'), false,
          'frankfurt: MISSED Wed 2025-04-16, CONTACT on the 11th working day after it (Tue 2025-05-06) does not count');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'CONTACT 2025-04-25'), true,
          'frankfurt: MISSED, then CONTACT after the window but within 10 working days counts');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'CONTACT 2025-05-01'), true,
          'frankfurt: MISSED, then CONTACT on a holiday (1 May) before the last allowed day counts');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-04', 'CONTACT 2025-04-22'), true,
          'frankfurt: MISSED Fri 2025-04-04, CONTACT on the 10th working day after it (Tue 2025-04-22, Good Friday and Easter Monday skipped) counts');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-04', 'CONTACT 2025-04-23'), false,
          'frankfurt: MISSED Fri 2025-04-04, CONTACT on the 11th working day after it (Wed 2025-04-23) does not count');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-04', 'MISSED 2025-04-16', 'CONTACT 2025-05-05'), true,
          'frankfurt: two MISSED; a CONTACT within 10 working days of the second counts though late for the first');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'CONTACT 2025-04-25'), false,
          'frankfurt: CONTACT after the window without a MISSED does not count');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-17', 'CONTACT 2025-05-06'), true,
          'frankfurt: MISSED on exit + 14 (Thu 2025-04-17), CONTACT on the 10th working day after it (Tue 2025-05-06) counts');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-17', 'CONTACT 2025-05-07'), false,
          'frankfurt: MISSED on exit + 14, CONTACT on the 11th working day after it (Wed 2025-05-07) does not count');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-03', 'CONTACT 2025-04-22'), false,
          'frankfurt: MISSED on the exit day (outside the window) does not open a follow-up');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-18', 'CONTACT 2025-04-22'), false,
          'frankfurt: MISSED on exit + 15 (outside the window) does not open a follow-up');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'CONTACT 2025-04-03', 'MISSED 2025-04-10'), false,
          'frankfurt: a CONTACT before the MISSED (on the exit day) is no follow-up');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'Meldeversäumnis 2025-04-16', 'Kontakt 2025-05-05'), true,
          'frankfurt: German aliases Meldeversaeumnis and Kontakt count as MISSED and CONTACT');
SELECT is(pg_temp.v('frankfurt', '2024-12-01', '2025-06-02', 'FBW', 'MISSED 2025-06-13', 'CONTACT 2025-06-30'), true,
          'frankfurt: MISSED Fri 2025-06-13, CONTACT on the 10th working day after it (Mon 2025-06-30, Corpus Christi skipped) counts');
SELECT is(pg_temp.v('frankfurt', '2024-12-01', '2025-06-02', 'FBW', 'MISSED 2025-06-13', 'CONTACT 2025-07-01'), false,
          'frankfurt: MISSED Fri 2025-06-13, CONTACT on the 11th working day after it (Tue 2025-07-01) does not count');
-- Ascension (Thu 29 May) and Whit Monday (9 June 2025): exit Tue 2025-05-20,
-- window [2025-05-21, 2025-06-03]; MISSED Wed 2025-05-28: Fri 30 (1),
-- Mon 2 (2), Tue 3 (3), Wed 4 (4), Thu 5 (5), Fri 6 (6), Tue 10 (7),
-- Wed 11 (8), Thu 12 (9), Fri 13 June (10), Mon 16 June (11).
SELECT is(pg_temp.v('frankfurt', '2024-12-01', '2025-05-20', 'FBW', 'MISSED 2025-05-28', 'CONTACT 2025-06-13'), true,
          'frankfurt: MISSED Wed 2025-05-28, CONTACT on the 10th working day after it (Fri 2025-06-13, Ascension and Whit Monday skipped) counts');
SELECT is(pg_temp.v('frankfurt', '2024-12-01', '2025-05-20', 'FBW', 'MISSED 2025-05-28', 'CONTACT 2025-06-16'), false,
          'frankfurt: MISSED Wed 2025-05-28, CONTACT on the 11th working day after it (Mon 2025-06-16) does not count');
-- exclusion
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'EXCEPTION -28', 'CONTACT +5'), NULL,
          'frankfurt: EXCEPTION on exit - 28 excludes (NULL)');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'EXCEPTION +14'), NULL,
          'frankfurt: EXCEPTION on exit + 14 excludes (NULL)');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'EXCEPTION -29', 'CONTACT +5'), true,
          'frankfurt: EXCEPTION on exit - 29 is ignored');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'EXCEPTION +15', 'CONTACT +5'), true,
          'frankfurt: EXCEPTION on exit + 15 is ignored');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'EXCEPTION -29'), false,
          'frankfurt: EXCEPTION outside the exclusion window and no CONTACT: false');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'Ausnahme 0'), NULL,
          'frankfurt: German alias Ausnahme is an EXCEPTION');
-- a job start excludes like an EXCEPTION, from exit - 28 to the deadline
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'JOB_START -29', 'CONTACT +5'), true,
          'frankfurt: JOB_START on exit - 29 is ignored');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'JOB_START -28', 'CONTACT +5'), NULL,
          'frankfurt: JOB_START on exit - 28 excludes, and wins over a CONTACT (NULL)');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'Arbeitsaufnahme +14'), NULL,
          'frankfurt: Arbeitsaufnahme (JOB_START) on exit + 14 excludes (NULL)');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', 'Beschäftigungsbeginn +15', 'CONTACT +5'), true,
          'frankfurt: Beschaeftigungsbeginn (JOB_START) on exit + 15 is ignored without a rescheduled appointment');
-- up to the end of a rescheduled appointment's 10 working days: MISSED Wed
-- 2025-04-16 (exit 2025-04-03), its 10th working day is Mon 2025-05-05
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'EXCEPTION 2025-05-02'), NULL,
          'frankfurt: EXCEPTION on the 9th working day after a MISSED excludes (NULL)');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'JOB_START 2025-05-05'), NULL,
          'frankfurt: JOB_START on the 10th working day after a MISSED, after exit + 14, excludes (NULL)');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'JOB_START 2025-05-06'), false,
          'frankfurt: JOB_START on the 11th working day after a MISSED is ignored');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-16', 'CONTACT 2025-04-25', 'EXCEPTION 2025-05-05'), NULL,
          'frankfurt: an exclusion up to the deadline wins over a follow-up CONTACT (NULL)');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-04', 'MISSED 2025-04-16', 'EXCEPTION 2025-05-05'), NULL,
          'frankfurt: two MISSED: the later one sets the deadline');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-18', 'EXCEPTION 2025-04-22'), false,
          'frankfurt: a MISSED after exit + 14 moves no deadline');
SELECT is(pg_temp.v('frankfurt', '2024-10-01', '2025-04-03', 'FBW', 'MISSED 2025-04-10', 'EXCEPTION 2025-04-18'), NULL,
          'frankfurt: MISSED Thu 2025-04-10 (10th working day: Mon 2025-04-28): EXCEPTION on exit + 15 (Good Friday) excludes');

-- ===================================================================
-- Bremen: CONTACT in [exit - 28, exit + 28]
-- ===================================================================
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -28'), true,
          'bremen: CONTACT on exit - 28 counts');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT +28'), true,
          'bremen: CONTACT on exit + 28 counts');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -29', 'CONTACT +29'), false,
          'bremen: CONTACTs on exit - 29 and exit + 29 do not count');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'EINV 0', 'VV 0', 'SI 0'), false,
          'bremen: EINV, VV and SI do not replace the CONTACT');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'EXCEPTION 0', 'CONTACT +5'), true,
          'bremen: has no exclusion, an EXCEPTION changes nothing');

-- ===================================================================
-- Rows of kind NULL, unknown kinds, aliases, case
-- ===================================================================
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', VARIADIC '{}'::text[]), false,
          'cottbus_ies: no evidence (one row of kind NULL) gives false, not NULL');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', '2025-03-31', 'FBW', VARIADIC '{}'::text[]), false,
          'frankfurt: no evidence gives false, not NULL');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', VARIADIC '{}'::text[]), false,
          'bremen: no evidence gives false, not NULL');
SELECT is(pg_temp.v('herford', '2024-09-01', '2025-03-31', 'MAT', VARIADIC '{}'::text[]), false,
          'herford: no evidence gives false, not NULL');
SELECT is(pg_temp.v('hannover', '2024-09-01', '2025-03-31', 'MAT', VARIADIC '{}'::text[]), false,
          'hannover: no evidence gives false, not NULL');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', NULL, 'CONTACT +3', NULL), true,
          'bremen: rows of kind NULL beside a CONTACT are ignored');
SELECT is((SELECT absolv_compliant(d.entry, d.exit, d.measure, e.kind, e.at, e.valid_until, 'bremen')
           FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT')) d(entry, exit, measure)
           LEFT JOIN (VALUES (NULL::text, '2025-03-31'::date, NULL::date)) e(kind, at, valid_until) ON true),
          false,
          'bremen: a row of kind NULL with a date in the window is ignored');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT'), false,
          'bremen: a CONTACT without a day (at NULL) is ignored');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'NOTE 0'), false,
          'bremen: an unknown kind NOTE is ignored (false, no error)');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'NOTE 0', 'CONTACT +1', 'Telefonat -1'), true,
          'bremen: unknown kinds beside a CONTACT are ignored');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'Kooperationsplan -30 open', 'Vermittlungsvorschlag -10'), true,
          'cottbus_ies: Kooperationsplan and Vermittlungsvorschlag count as EINV and VV');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'Eingliederungsvereinbarung -30 open', 'Stelleninformation -10'), true,
          'cottbus_ies: Eingliederungsvereinbarung and Stelleninformation count as EINV and SI');
SELECT is(pg_temp.v('cottbus_ies', '2024-09-01', '2025-03-31', 'MAT', 'einv -30 open', 'vv -10'), true,
          'cottbus_ies: lower-case kinds count');
SELECT is((SELECT absolv_compliant(d.entry, d.exit, d.measure, e.kind, e.at, e.valid_until, 'bremen')
           FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT')) d(entry, exit, measure)
           LEFT JOIN (VALUES (' contact ', '2025-03-31'::date, NULL::date)) e(kind, at, valid_until) ON true),
          true,
          'bremen: kind '' contact '' (lower case, blanks around) is a CONTACT');
SELECT is((SELECT absolv_compliant(d.entry, d.exit, d.measure, e.kind, e.at, e.valid_until, 'bremen')
           FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT')) d(entry, exit, measure)
           LEFT JOIN (VALUES ('qualifizierter Kontakt', '2025-03-31'::date, NULL::date)) e(kind, at, valid_until) ON true),
          true,
          'bremen: kind ''qualifizierter Kontakt'' is a CONTACT');

-- ===================================================================
-- Invalid participation data: NULL
-- ===================================================================
SELECT is(pg_temp.v('bremen', '2025-03-31', '2025-03-01', 'MAT', 'CONTACT -1'), NULL,
          'bremen: exit before entry gives NULL');
SELECT is(pg_temp.v('cottbus_ies', '2025-03-31', '2024-09-01', 'MAT', VARIADIC '{}'::text[]), NULL,
          'cottbus_ies: exit before entry without evidence gives NULL');
SELECT is(pg_temp.v('frankfurt', '2024-09-01', NULL, 'FBW', 'CONTACT 2025-04-01'), NULL,
          'frankfurt: NULL exit gives NULL');
SELECT is(pg_temp.v('hannover', '2024-09-01', 'infinity', 'MAT', 'EINV 2025-01-01'), NULL,
          'hannover: an infinite exit gives NULL');

-- ===================================================================
-- One group, one participation: otherwise 42803
-- ===================================================================
SELECT throws_ok($$SELECT absolv_compliant(d.entry, d.exit, d.measure, 'CONTACT', d.exit, NULL, 'bremen')
                   FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT'),
                                ('2024-09-01'::date, '2025-04-30'::date, 'MAT')) d(entry, exit, measure)$$,
          '42803', NULL, 'bremen: two exit dates in one group raise 42803');
SELECT throws_ok($$SELECT absolv_compliant(d.entry, d.exit, d.measure, 'CONTACT', d.exit, NULL, 'bremen')
                   FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT'),
                                ('2024-09-01'::date, '2025-03-31'::date, 'FBW')) d(entry, exit, measure)$$,
          '42803', NULL, 'bremen: two measures in one group raise 42803');
SELECT throws_ok($$SELECT absolv_compliant(d.entry, d.exit, d.measure, 'CONTACT', d.exit, NULL, 'bremen')
                   FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT'),
                                ('2024-10-01'::date, '2025-03-31'::date, 'MAT')) d(entry, exit, measure)$$,
          '42803', NULL, 'bremen: two entry dates in one group raise 42803');
SELECT throws_ok($$SELECT absolv_compliant(d.entry, d.exit, d.measure, 'EINV', d.exit, NULL, 'hannover')
                   FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT'),
                                ('2024-09-01'::date, '2025-03-31'::date, 'FBW')) d(entry, exit, measure)$$,
          '42803', NULL, 'hannover: a §45 and an FbW participation in one group raise 42803');
SELECT throws_ok($$SELECT absolv_compliant(d.entry, d.exit, d.measure, 'CONTACT', d.exit, NULL, d.rule::absolv_rule)
                   FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'bremen'),
                                ('2024-09-01'::date, '2025-03-31'::date, 'MAT', 'frankfurt')) d(entry, exit, measure, rule)$$,
          '42803', NULL, 'two rules in one group raise 42803');
SELECT throws_ok($$SELECT absolv_compliant(d.entry, d.exit, d.measure, NULL, NULL, NULL, 'bremen')
                   FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT'),
                                ('2024-09-01'::date, '2025-04-30'::date, 'MAT')) d(entry, exit, measure)$$,
          '42803', NULL, 'bremen: two exit dates in one group raise 42803 even on rows of kind NULL');
SELECT ok(pg_temp.error_text($$SELECT absolv_compliant(d.entry, d.exit, d.measure, 'CONTACT', d.exit, NULL, 'bremen')
                   FROM (VALUES ('2024-09-01'::date, '2025-03-31'::date, 'MAT'),
                                ('2024-09-01'::date, '2025-04-30'::date, 'MAT')) d(entry, exit, measure)$$) ~* 'GROUP BY',
          'the group-consistency error says the GROUP BY is wrong');
SELECT is(pg_temp.v('bremen', '2024-09-01', '2025-03-31', 'MAT', 'CONTACT -5', 'CONTACT +5', 'EINV 0', 'NOTE 0', NULL), true,
          'many evidence rows of one participation are one group, no error');

-- ===================================================================
-- A monthly quota, outer join, over a small data set (cottbus_ies)
--
--   id cust measure         entry      exit       outcome    evidence (cust)                 verdict
--   1  1    MAT             2024-09-01 2025-01-31 SUCCESS    EINV 01-10 open, VV 01-20         fulfilled
--   2  2    FBW             2024-06-01 2025-01-15 NULL       EINV 2024-12-01..2025-01-14, SI 01-05  missed (EinV expired the day before exit)
--   3  3    MAT             2024-10-01 2025-01-20 PREMATURE  CONTACT                         out of scope
--   4  4    AGH             2024-01-01 2025-01-31 SUCCESS    EINV, VV                        out of scope (AGH)
--   5  5    BAE             2024-08-01 2025-01-31 GOAL_EARLY none                            missed
--   10 6    MAT             2024-07-01 2025-01-05 SUCCESS    cust 6's evidence is of February missed
--   6  6    MAT             2024-11-01 2025-02-28 SUCCESS    EINV 02-01 open, VV 02-28         fulfilled
--   7  7    MABE            2024-11-01 2025-02-10 SUCCESS    EINV 2024-11-01 open, VV 02-01   missed (EinV before exit - 90 = 2024-11-12)
--   8  8    FBW_FORTBILDUNG 2024-10-01 2025-02-15 SUCCESS    EINV 02-01 open, VV 02-16, NOTE  missed (VV after exit)
--   9  9    MAT             2025-01-01 2025-02-20 SUCCESS    EINV, VV                        out of scope (51 days)
--   11 11   MAT             2024-09-01 2025-02-27 SUCCESS    EINV 02-01 open, VV 02-02, EXCEPTION 02-03  fulfilled (Cottbus has no exclusion)
-- January: fulfilled 1 of counted 4 (25.0 %); February: 2 of 4 (50.0 %).
-- ===================================================================
CREATE TEMP TABLE participation (id int PRIMARY KEY, customer_id int, measure text,
                                 entry_date date, exit_date date, outcome text);
INSERT INTO participation VALUES
  (1, 1, 'MAT', '2024-09-01', '2025-01-31', 'SUCCESS'),
  (2, 2, 'FBW', '2024-06-01', '2025-01-15', NULL),
  (3, 3, 'MAT', '2024-10-01', '2025-01-20', 'PREMATURE'),
  (4, 4, 'AGH', '2024-01-01', '2025-01-31', 'SUCCESS'),
  (5, 5, 'BAE', '2024-08-01', '2025-01-31', 'GOAL_EARLY'),
  (10, 6, 'MAT', '2024-07-01', '2025-01-05', 'SUCCESS'),
  (6, 6, 'MAT', '2024-11-01', '2025-02-28', 'SUCCESS'),
  (7, 7, 'MABE', '2024-11-01', '2025-02-10', 'SUCCESS'),
  (8, 8, 'FBW_FORTBILDUNG', '2024-10-01', '2025-02-15', 'SUCCESS'),
  (9, 9, 'MAT', '2025-01-01', '2025-02-20', 'SUCCESS'),
  (11, 11, 'MAT', '2024-09-01', '2025-02-27', 'SUCCESS');
CREATE TEMP TABLE evidence (customer_id int, kind text, at date, valid_until date);
INSERT INTO evidence VALUES
  (1, 'EINV', '2025-01-10', NULL),
  (1, 'VV', '2025-01-20', NULL),
  (2, 'EINV', '2024-12-01', '2025-01-14'),
  (2, 'SI', '2025-01-05', NULL),
  (3, 'CONTACT', '2025-01-10', NULL),
  (4, 'EINV', '2025-01-10', NULL),
  (4, 'VV', '2025-01-20', NULL),
  (6, 'EINV', '2025-02-01', NULL),
  (6, 'VV', '2025-02-28', NULL),
  (7, 'EINV', '2024-11-01', NULL),
  (7, 'VV', '2025-02-01', NULL),
  (8, 'EINV', '2025-02-01', NULL),
  (8, 'VV', '2025-02-16', NULL),
  (8, 'NOTE', '2025-02-10', NULL),
  (9, 'EINV', '2025-02-01', NULL),
  (9, 'VV', '2025-02-02', NULL),
  (11, 'EINV', '2025-02-01', NULL),
  (11, 'VV', '2025-02-02', NULL),
  (11, 'EXCEPTION', '2025-02-03', NULL);

SELECT results_eq(
  $$SELECT date_trunc('month', p.exit_date)::date AS month,
           count(*) FILTER (WHERE ok) AS fulfilled,
           count(ok) AS counted,
           round(100.0 * count(*) FILTER (WHERE ok) / nullif(count(ok), 0), 1) AS quota
    FROM (
      SELECT p.id, p.exit_date,
             absolv_compliant(p.entry_date, p.exit_date, p.measure,
                              e.kind, e.at, e.valid_until, 'cottbus_ies') AS ok
      FROM participation p
      LEFT JOIN evidence e ON e.customer_id = p.customer_id
                           AND e.at <@ absolv_horizon(p.exit_date, 'cottbus_ies')
      WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'cottbus_ies')
      GROUP BY p.id, p.exit_date
    ) p
    GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('2025-01-01'::date, 1::bigint, 4::bigint, 25.0::numeric),
           ('2025-02-01'::date, 2::bigint, 4::bigint, 50.0::numeric)$$,
  'cottbus_ies: monthly quota with the horizon prefilter: January 1 of 4, February 2 of 4');

SELECT results_eq(
  $$SELECT date_trunc('month', p.exit_date)::date AS month,
           count(*) FILTER (WHERE ok) AS fulfilled,
           count(ok) AS counted
    FROM (
      SELECT p.id, p.exit_date,
             absolv_compliant(p.entry_date, p.exit_date, p.measure,
                              e.kind, e.at, e.valid_until, 'cottbus_ies') AS ok
      FROM participation p
      LEFT JOIN evidence e ON e.customer_id = p.customer_id
      WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'cottbus_ies')
      GROUP BY p.id, p.exit_date
    ) p
    GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('2025-01-01'::date, 1::bigint, 4::bigint),
           ('2025-02-01'::date, 2::bigint, 4::bigint)$$,
  'cottbus_ies: the same quota without the prefilter');

SELECT results_eq(
  $$SELECT p.id,
           absolv_compliant(p.entry_date, p.exit_date, p.measure,
                            e.kind, e.at, e.valid_until, 'cottbus_ies') AS ok
    FROM participation p
    LEFT JOIN evidence e ON e.customer_id = p.customer_id
    WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'cottbus_ies')
    GROUP BY p.id ORDER BY p.id$$,
  $$VALUES (1, true), (2, false), (5, false), (6, true), (7, false), (8, false), (10, false), (11, true)$$,
  'cottbus_ies: verdict of every participation in scope');

-- Bremen over the same data: premature exits count, all measures but
-- those lasting under 61 days; no CONTACT except customer 3's on
-- 2025-01-10, inside [2025-01-20 - 28, 2025-01-20 + 28]: fulfilled.
SELECT results_eq(
  $$SELECT date_trunc('month', p.exit_date)::date AS month,
           count(*) FILTER (WHERE ok) AS fulfilled,
           count(ok) AS counted
    FROM (
      SELECT p.id, p.exit_date,
             absolv_compliant(p.entry_date, p.exit_date, p.measure,
                              e.kind, e.at, e.valid_until, 'bremen') AS ok
      FROM participation p
      LEFT JOIN evidence e ON e.customer_id = p.customer_id
                           AND e.at <@ absolv_horizon(p.exit_date, 'bremen')
      WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'bremen')
      GROUP BY p.id, p.exit_date
    ) p
    GROUP BY 1 ORDER BY 1$$,
  $$VALUES ('2025-01-01'::date, 1::bigint, 6::bigint),
           ('2025-02-01'::date, 0::bigint, 4::bigint)$$,
  'bremen: monthly quota: January 1 of 6 (premature exit and AGH included), February 0 of 4');

SELECT * FROM finish();
