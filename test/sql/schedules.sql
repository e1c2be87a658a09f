-- Schedules and scope explanations (issue 3): absolv_schedule gives every
-- step of every preset's schedule (docs/rules.md) and of a custom
-- rule, ordered by due date; invalid dates give no rows.
-- absolv_scope_reason names the first criterion that excluded a
-- participation, so that an attrition report is one GROUP BY.  Every due
-- date is worked out by hand from docs/rules.md and src/core/presets.c.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';

SELECT plan(51);

-- frankfurt: activation at assignment (entry), strategy start exit - 28,
-- interview exit + 14, strategy end 4 months after the start
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-01', '2025-04-03', 'FBW', 'frankfurt')$$,
  $$VALUES ('Aktivierung Handlungsstrategie', '2025-01-01'::date, 'Bei Zuweisung in die Maßnahme: Handlungsstrategie Absolventenmanagement aktivieren'),
           ('Strategiebeginn', '2025-03-06', 'Handlungsstrategie Absolventenmanagement beginnt 4 Wochen vor Maßnahmeende'),
           ('Vermittlungsgespräch', '2025-04-17', 'Vermittlungsgespräch innerhalb von 2 Wochen nach Abschluss der Maßnahme'),
           ('Strategieende', '2025-07-06', 'Handlungsstrategie endet 4 Monate nach ihrem Beginn')$$,
  'frankfurt, entry 2025-01-01, exit 2025-04-03: activation on the entry day, 2025-03-06, 2025-04-17, 2025-07-06, with their notes');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('2025-06-01', '2025-12-01', 'MAT', 'frankfurt')$$,
  $$VALUES ('Aktivierung Handlungsstrategie', '2025-06-01'::date), ('Strategiebeginn', '2025-11-03'), ('Vermittlungsgespräch', '2025-12-15'),
           ('Strategieende', '2026-03-03')$$,
  'frankfurt, exit 2025-12-01: the end is 4 months after 2025-11-03 (not exit + 4 months - 28 days = 2026-03-04)');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('2025-06-01', '2025-11-28', 'FBW', 'frankfurt')$$,
  $$VALUES ('Aktivierung Handlungsstrategie', '2025-06-01'::date), ('Strategiebeginn', '2025-10-31'), ('Vermittlungsgespräch', '2025-12-12'),
           ('Strategieende', '2026-02-28')$$,
  'frankfurt, exit 2025-11-28: 4 months after 2025-10-31 is clamped to 2026-02-28');

-- hannover: the start by instrument, counselling one week after the end, the phase ends after 180 days
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-01', '2025-06-30', 'FBW_UMSCHULUNG', 'hannover')$$,
  $$VALUES ('Wiedervorlage Beratungstermin während der Maßnahme', '2025-03-30'::date, 'Umschulung: Beratungstermin 3 Monate vor Maßnahmeende'),
           ('Beginn Absolventenmanagement', '2025-04-01', 'Umschulung: 90 Tage vor Maßnahmeende'),
           ('Beratungsgespräch nach Ende', '2025-07-07', 'Beratungsgespräch innerhalb einer Woche nach Ende der Maßnahme'),
           ('Ende Absolventenmanagement', '2025-12-27', 'Das Absolventenmanagement dauert bis 180 Tage nach Maßnahmeende')$$,
  'hannover, Umschulung ending 2025-06-30: in-measure reminder exit - 3 months, start exit - 90, counselling exit + 7, end exit + 180');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-01', '2025-06-30', 'FBW_FORTBILDUNG', 'hannover')
    WHERE step = 'Beginn Absolventenmanagement'$$,
  $$VALUES ('Beginn Absolventenmanagement', '2025-05-19'::date, 'Fortbildung, BaE, EQ und BvB: 6 Wochen vor Maßnahmeende (BaE frühestens 90 Tage vor Ende, nicht verpflichtend)')$$,
  'hannover, Fortbildung: start exit - 42, with its note');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-01', '2025-06-30', 'AGH', 'hannover')$$,
  $$VALUES ('Wiedervorlage Beratungstermin während der Maßnahme', '2025-05-19'::date, 'FbW, AGH-MAE und BaE (analog EQ und BvB): Beratungstermin spätestens 6 Wochen vor Maßnahmeende'),
           ('Beginn Absolventenmanagement', '2025-07-01', 'AGH, MAT und MAG: Auswertung im Anschluss an die Maßnahme'),
           ('Beratungsgespräch nach Ende', '2025-07-07', 'Beratungsgespräch innerhalb einer Woche nach Ende der Maßnahme'),
           ('Ende Absolventenmanagement', '2025-12-27', 'Das Absolventenmanagement dauert bis 180 Tage nach Maßnahmeende')$$,
  'hannover, AGH: the in-measure reminder exit - 42, the start after the exit, then counselling and end');
SELECT results_eq(
  $$SELECT u.m, (SELECT s.due FROM absolv_schedule('2025-01-01', '2025-06-30', u.m, 'hannover') s
                 WHERE s.step = 'Beginn Absolventenmanagement')
    FROM unnest(ARRAY['FBW_UMSCHULUNG', 'Umschulung', 'BAE', 'FBW_FORTBILDUNG', 'FBW', 'EQ', 'BVB',
                      'AGH', 'MAT', 'MAG', 'MABE', 'MPAV', 'REHA', 'XYZ', NULL]) WITH ORDINALITY AS u(m, i)
    ORDER BY u.i$$,
  $$VALUES ('FBW_UMSCHULUNG', '2025-04-01'::date), ('Umschulung', '2025-04-01'), ('BAE', '2025-05-19'),
           ('FBW_FORTBILDUNG', '2025-05-19'), ('FBW', '2025-05-19'), ('EQ', '2025-05-19'), ('BVB', '2025-05-19'),
           ('AGH', '2025-07-01'), ('MAT', '2025-07-01'), ('MAG', '2025-07-01'),
           ('MABE', NULL), ('MPAV', NULL), ('REHA', NULL), ('XYZ', NULL), (NULL, NULL)$$,
  'hannover: the start per instrument (exit - 90 for Umschulung, exit - 42 for BaE and the others listed, exit + 1, none for the rest)');
SELECT results_eq(
  $$SELECT u.m, (SELECT s.due FROM absolv_schedule('2025-01-01', '2025-06-30', u.m, 'hannover') s
                 WHERE s.step = 'Wiedervorlage Beratungstermin während der Maßnahme')
    FROM unnest(ARRAY['FBW_UMSCHULUNG', 'FBW_FORTBILDUNG', 'FBW', 'BAE', 'EQ', 'BVB', 'AGH', 'MAT']) WITH ORDINALITY AS u(m, i)
    ORDER BY u.i$$,
  $$VALUES ('FBW_UMSCHULUNG', '2025-03-30'::date), ('FBW_FORTBILDUNG', '2025-05-19'), ('FBW', '2025-05-19'),
           ('BAE', '2025-05-19'), ('EQ', '2025-05-19'), ('BVB', '2025-05-19'), ('AGH', '2025-05-19'), ('MAT', NULL)$$,
  'hannover: the in-measure counselling reminder: Umschulung exit - 3 months, other FbW, AGH, BaE, EQ and BvB exit - 42, none for the rest');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('2025-01-01', '2025-06-30', 'MABE', 'hannover')$$,
  $$VALUES ('Beratungsgespräch nach Ende', '2025-07-07'::date), ('Ende Absolventenmanagement', '2025-12-27')$$,
  'hannover, MABE: no start, counselling and end only');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('5874897-01-01', '5874897-12-01', 'FBW', 'hannover')$$,
  $$VALUES ('Beginn Absolventenmanagement', '5874897-10-20'::date),
           ('Wiedervorlage Beratungstermin während der Maßnahme', '5874897-10-20'),
           ('Beratungsgespräch nach Ende', '5874897-12-08')$$,
  'hannover at the end of the date range: a due date past the last date is left out, no error');

-- cottbus: reminders during the measure, after the end, employer service,
-- closing.  "Exactly 3 months" is 91 calendar days (the scope's own
-- conversion): 91 days "gleich 3 Monaten", 92 and more "über 3 Monate",
-- fewer the short process; the employer service for every duration.
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-15', '2025-04-15', 'FBW', 'cottbus_ies')$$,
  $$VALUES ('Wiedervorlage Gespräch während der Maßnahme', '2025-03-15'::date, 'Maßnahme von genau 3 Monaten (91 Kalendertage): spätestens 1 Monat vor Maßnahmeende'),
           ('Einschaltung Arbeitgeberservice', '2025-03-18', 'Maßnahmen unter 12 Monaten: 4 Wochen vor Maßnahmeende'),
           ('Wiedervorlage Gespräch nach Ende', '2025-04-22', 'Gespräch innerhalb einer Woche nach Ende der Maßnahme'),
           ('Abschluss Handlungsstrategie', '2025-10-15', 'Handlungsstrategie ABSOLV nach 6 Monaten abschließen')$$,
  'cottbus, 91 days (15 Jan to 15 Apr), exactly 3 months: reminder exit - 1 month, employer service exit - 28, exit + 7, exit + 6 months');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-15', '2025-04-16', 'FBW', 'cottbus_ies')$$,
  $$VALUES ('Wiedervorlage Gespräch während der Maßnahme', '2025-02-16'::date, 'Maßnahme über 3 Monate: spätestens 2 Monate vor Maßnahmeende'),
           ('Einschaltung Arbeitgeberservice', '2025-03-19', 'Maßnahmen unter 12 Monaten: 4 Wochen vor Maßnahmeende'),
           ('Wiedervorlage Gespräch nach Ende', '2025-04-23', 'Gespräch innerhalb einer Woche nach Ende der Maßnahme'),
           ('Abschluss Handlungsstrategie', '2025-10-16', 'Handlungsstrategie ABSOLV nach 6 Monaten abschließen')$$,
  'cottbus, 92 days: over 3 months, reminder exit - 2 months');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-15', '2025-04-14', 'FBW', 'cottbus_ies')$$,
  $$VALUES ('Einschaltung Arbeitgeberservice', '2025-03-17'::date, 'Maßnahmen unter 12 Monaten: 4 Wochen vor Maßnahmeende'),
           ('Wiedervorlage Gespräch nach Ende', '2025-04-21', 'Gespräch innerhalb einer Woche nach Ende der Maßnahme')$$,
  'cottbus, 90 days (15 Jan to 14 Apr, a calendar quarter but under 91 days): the short process, employer service exit - 28 and exit + 7');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('2025-01-01', '2025-06-30', 'MAT', 'cottbus_ies')$$,
  $$VALUES ('Wiedervorlage Gespräch während der Maßnahme', '2025-04-30'::date),
           ('Einschaltung Arbeitgeberservice', '2025-06-02'),
           ('Wiedervorlage Gespräch nach Ende', '2025-07-07'),
           ('Abschluss Handlungsstrategie', '2025-12-30')$$,
  'cottbus, 6 months ending 2025-06-30');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('2025-01-01', '2025-06-30', 'MAT', 'cottbus_iws')$$,
  $$SELECT step, due FROM absolv_schedule('2025-01-01', '2025-06-30', 'MAT', 'cottbus_ies')$$,
  'cottbus_iws has the schedule of cottbus_ies');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2024-07-01', '2025-06-30', 'FBW_UMSCHULUNG', 'cottbus_iws')$$,
  $$VALUES ('Einschaltung Arbeitgeberservice', '2025-04-07'::date, 'Maßnahmen ab 12 Monaten: 12 Wochen vor Maßnahmeende'),
           ('Wiedervorlage Gespräch während der Maßnahme', '2025-04-30', 'Maßnahme über 3 Monate: spätestens 2 Monate vor Maßnahmeende'),
           ('Wiedervorlage Gespräch nach Ende', '2025-07-07', 'Gespräch innerhalb einer Woche nach Ende der Maßnahme'),
           ('Abschluss Handlungsstrategie', '2025-12-30', 'Handlungsstrategie ABSOLV nach 6 Monaten abschließen')$$,
  'cottbus, exactly 12 months: employer service exit - 84, first in the list');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('2024-07-02', '2025-06-30', 'FBW_UMSCHULUNG', 'cottbus_iws')
    WHERE step = 'Einschaltung Arbeitgeberservice'$$,
  $$VALUES ('Einschaltung Arbeitgeberservice', '2025-06-02'::date)$$,
  'cottbus, one day under 12 months: employer service exit - 28');
SELECT results_eq(
  $$SELECT step, due FROM absolv_schedule('2025-03-01', '2025-05-31', 'BAE', 'cottbus_ies')$$,
  $$VALUES ('Wiedervorlage Gespräch während der Maßnahme', '2025-03-31'::date),
           ('Einschaltung Arbeitgeberservice', '2025-05-03'),
           ('Wiedervorlage Gespräch nach Ende', '2025-06-07'),
           ('Abschluss Handlungsstrategie', '2025-11-30')$$,
  'cottbus, 1 March to 31 May is 92 days, over 3 months: 2 months before is 31 March, 6 months after is 30 November');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-16', '2025-04-14', 'FBW', 'cottbus_ies')$$,
  $$VALUES ('Einschaltung Arbeitgeberservice', '2025-03-17'::date, 'Maßnahmen unter 12 Monaten: 4 Wochen vor Maßnahmeende'),
           ('Wiedervorlage Gespräch nach Ende', '2025-04-21', 'Gespräch innerhalb einer Woche nach Ende der Maßnahme')$$,
  'cottbus, 89 days: the employer service exit - 28 and the reminder exit + 7');

-- bremen: the window, and who is responsible
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-01', '2025-06-30', 'FBW_UMSCHULUNG', 'bremen')$$,
  $$VALUES ('Kontaktfenster öffnet', '2025-06-02'::date, 'qualifizierter Kontakt frühestens 28 Tage vor Maßnahmeende'),
           ('Zuständigkeit', '2025-06-02', 'AGS-K: FbW ab 6 Monaten Dauer'),
           ('Kontaktfenster schließt', '2025-07-28', 'qualifizierter Kontakt spätestens 28 Tage nach Maßnahmeende')$$,
  'bremen, FbW of 6 months: window exit - 28 .. exit + 28, AGS-K responsible (same day: in the order of the rule)');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-02', '2025-06-30', 'FBW', 'bremen') WHERE step = 'Zuständigkeit'$$,
  $$VALUES ('Zuständigkeit', '2025-06-02'::date, 'IFK: alle übrigen Maßnahmen')$$,
  'bremen, FbW one day under 6 months: the IFK');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2024-01-01', '2025-06-30', 'MAT', 'bremen') WHERE step = 'Zuständigkeit'$$,
  $$VALUES ('Zuständigkeit', '2025-06-02'::date, 'IFK: alle übrigen Maßnahmen')$$,
  'bremen, MAT of 18 months: the IFK');

-- herford: start exit - 90; contact and EinV by the exit (ieS) or exit + 14 (iwS)
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-01', '2025-06-30', 'FBW', 'herford')$$,
  $$VALUES ('Beginn Absolventenmanagement', '2025-04-01'::date, 'Kundenkontakt und neue EinV innerhalb von 91 Tagen vor Maßnahmeaustritt'),
           ('Kontakt und EinV spätestens', '2025-06-30', 'im engeren Sinne: bis zum Austrittstag')$$,
  'herford, 6 months: the ieS deadline is the exit');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-01-02', '2025-06-30', 'MAT', 'herford')$$,
  $$VALUES ('Beginn Absolventenmanagement', '2025-04-01'::date, 'Kundenkontakt und neue EinV innerhalb von 91 Tagen vor Maßnahmeaustritt'),
           ('Kontakt und EinV spätestens', '2025-07-14', 'im weiteren Sinne: bis 14 Tage nach Maßnahmeaustritt')$$,
  'herford, under 6 months: the iwS deadline is exit + 14');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2024-06-01', '2025-06-30', 'BAE', 'herford_ies')$$,
  $$VALUES ('Beginn Absolventenmanagement', '2025-04-01'::date, 'Kundenkontakt und neue EinV innerhalb von 91 Tagen vor Maßnahmeaustritt'),
           ('Kontakt und EinV spätestens', '2025-06-30', 'bis zum Austrittstag')$$,
  'herford_ies: exit - 90 and the exit');
SELECT results_eq(
  $$SELECT step, due, description FROM absolv_schedule('2025-03-01', '2025-06-30', 'MAT', 'herford_iws')$$,
  $$VALUES ('Beginn Absolventenmanagement', '2025-04-01'::date, 'Kundenkontakt und neue EinV innerhalb von 91 Tagen vor Maßnahmeaustritt'),
           ('Kontakt und EinV spätestens', '2025-07-14', 'bis 14 Tage nach Maßnahmeaustritt')$$,
  'herford_iws: exit - 90 and exit + 14');

-- a custom rule declares its own steps; a step without a note has no description
CREATE TEMP TABLE custom AS SELECT $r$
rule worklist scope measure in (FBW*, BAE, MAT) window exit .. exit + 7 days require CONTACT
  due "Beginn" exit - 3 months when measure in (Umschulung) note "Umschulung: 3 Monate vor Ende"
  due "Beginn" exit - 6 weeks when measure in (FBW*, BAE)
  due "Start" entry + 1 month
  due "Nachgespräch" exit + 1 week
$r$::absolv_rule AS rule;
SELECT results_eq(
  $$SELECT s.step, s.due, s.description FROM custom, absolv_schedule('2025-01-31', '2025-06-30', 'FBW_UMSCHULUNG', custom.rule) s$$,
  $$VALUES ('Start', '2025-02-28'::date, NULL), ('Beginn', '2025-03-30', 'Umschulung: 3 Monate vor Ende'),
           ('Nachgespräch', '2025-07-07', NULL)$$,
  'custom rule, Umschulung: entry + 1 month (clamped), exit - 3 months with its note, exit + 1 week');
SELECT results_eq(
  $$SELECT s.step, s.due, s.description FROM custom, absolv_schedule('2025-01-31', '2025-06-30', 'BAE', custom.rule) s$$,
  $$VALUES ('Start', '2025-02-28'::date, NULL::text), ('Beginn', '2025-05-19', NULL), ('Nachgespräch', '2025-07-07', NULL)$$,
  'custom rule, BAE: the second step of the group, exit - 6 weeks');
SELECT results_eq(
  $$SELECT s.step, s.due FROM custom, absolv_schedule('2025-01-31', '2025-06-30', 'MAT', custom.rule) s$$,
  $$VALUES ('Start', '2025-02-28'::date), ('Nachgespräch', '2025-07-07')$$,
  'custom rule, MAT: no step of the group applies');
SELECT is((SELECT count(*)::int FROM absolv_schedule('2025-01-01', '2025-06-30', 'FBW',
                                                     'rule bare scope measure any window exit .. exit require CONTACT')),
          0, 'a rule without steps has no schedule');

-- invalid dates give no rows, never an error
SELECT is((SELECT string_agg(c.name, ', ')
           FROM (VALUES ('exit before entry', '2025-07-01'::date, '2025-06-30'::date, 'frankfurt'::absolv_rule),
                        ('entry NULL', NULL, '2025-06-30', 'frankfurt'),
                        ('exit NULL', '2025-01-01', NULL, 'frankfurt'),
                        ('rule NULL', '2025-01-01', '2025-06-30', NULL),
                        ('exit infinity', '2025-01-01', 'infinity', 'frankfurt'),
                        ('entry -infinity', '-infinity', '2025-06-30', 'frankfurt')) AS c(name, entry_date, exit_date, rule)
           WHERE EXISTS (SELECT 1 FROM absolv_schedule(c.entry_date, c.exit_date, 'FBW', c.rule))),
          NULL, 'no rows for an exit before the entry, NULL dates or rule, infinite dates');
SELECT is((SELECT string_agg(step, ',' ORDER BY due) FROM absolv_schedule('2025-01-01', '2025-06-30', NULL, 'hannover')),
          'Beratungsgespräch nach Ende,Ende Absolventenmanagement', 'a NULL measure is in no measure list');

-- scope reasons: herford has every criterion
SELECT is(absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'), NULL,
          'herford: in scope, no reason');
SELECT is(absolv_scope_reason('FBW', '2025-07-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'), 'invalid data',
          'exit before entry: invalid data');
SELECT is(absolv_scope_reason('FBW', NULL, '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'), 'invalid data',
          'no entry date: invalid data');
SELECT is(absolv_scope_reason('AGH', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'), 'measure',
          'herford, AGH: measure');
SELECT is(absolv_scope_reason('XYZ', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'), 'measure',
          'an unknown measure: measure');
SELECT is(absolv_scope_reason('FBW', '2025-04-01', '2025-06-29', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'), 'duration',
          'herford, one day under 3 months: duration');
SELECT is(absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'PREMATURE', 'ALO', 'SGB2', 'B', NULL, 'herford'), 'outcome',
          'herford, premature exit: outcome');
SELECT is(absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'SUCCESS', 'NAS', 'SGB2', 'B', NULL, 'herford'), 'customer status',
          'herford, NAS: customer status');
SELECT is(absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB3', 'B', NULL, 'herford'), 'legal sphere',
          'herford, SGB III: legal sphere');
SELECT is(absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'A', NULL, 'herford'), 'CoSach status',
          'herford, CoSach A: CoSach status');
SELECT is(absolv_scope_reason('BVB', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', '2', 'herford'), 'goal',
          'herford, BvB with another goal: goal');
SELECT is(absolv_scope_reason('FBW', '2025-04-01', '2025-06-29', 'PREMATURE', 'NAS', 'SGB3', 'A', NULL, 'herford'), 'duration',
          'several criteria fail: the first in the order of the check is named');
SELECT is(absolv_scope_reason('MAT', '2025-01-15', '2025-04-14', 'SUCCESS', 'frankfurt'), 'duration',
          'frankfurt, MAT of exactly 3 months (not more): duration, from the five-argument form');
SELECT is(absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'PREMATURE', 'cottbus_ies'), 'outcome',
          'cottbus_ies, premature exit: outcome');
SELECT is(absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'PREMATURE', NULL), NULL, 'rule NULL: NULL');
SELECT throws_ok($$SELECT absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', 'WON', 'bremen')$$,
                 '22023', 'unknown outcome code "WON"', 'an unknown outcome code is an error, as for absolv_in_scope');
SELECT throws_ok($$SELECT absolv_scope_reason('FBW', '2025-01-01', '2025-06-30', NULL, 'ALX', NULL, NULL, NULL, 'bremen')$$,
                 '22023', 'unknown customer status code "ALX"',
                 'an unknown customer status is an error, even if the rule does not filter on it');

-- the attrition report: one GROUP BY over the participations of two months
CREATE TEMP TABLE participation (measure text, entry_date date, exit_date date, outcome text,
                                 customer_status text, legal_sphere text, cosach_status text, goal text);
INSERT INTO participation VALUES
  ('FBW', '2025-01-01', '2025-05-31', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL),     -- in scope
  ('MAT', '2024-12-01', '2025-05-15', NULL, NULL, 'SGB2', 'B', NULL),           -- in scope
  ('AGH', '2025-01-01', '2025-05-31', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL),     -- measure
  ('FBW', '2025-04-01', '2025-05-20', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL),     -- duration
  ('FBW', '2025-01-01', '2025-05-31', 'PREMATURE', 'ALO', 'SGB2', 'B', NULL),   -- outcome
  ('FBW', '2025-01-01', '2025-06-30', 'SUCCESS', 'NAS', 'SGB2', 'B', NULL),     -- customer status
  ('FBW', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB3', 'B', NULL),     -- legal sphere
  ('FBW', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'A', NULL),     -- CoSach status
  ('BVB', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', '2'),      -- goal
  ('BVB', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', '1'),      -- in scope
  ('XYZ', '2025-01-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL),     -- measure
  ('FBW', '2025-07-01', '2025-06-30', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL);     -- invalid data
SELECT results_eq(
  $$SELECT date_trunc('month', exit_date)::date AS month,
           coalesce(absolv_scope_reason(measure, entry_date, exit_date, outcome, customer_status,
                                        legal_sphere, cosach_status, goal, 'herford'), 'in scope') COLLATE "C" AS reason,
           count(*)::int
    FROM participation
    GROUP BY 1, 2
    ORDER BY 1, 2$$,
  $$VALUES ('2025-05-01'::date, 'duration' COLLATE "C", 1), ('2025-05-01', 'in scope', 2), ('2025-05-01', 'measure', 1),
           ('2025-05-01', 'outcome', 1),
           ('2025-06-01', 'CoSach status', 1), ('2025-06-01', 'customer status', 1), ('2025-06-01', 'goal', 1),
           ('2025-06-01', 'in scope', 1), ('2025-06-01', 'invalid data', 1), ('2025-06-01', 'legal sphere', 1),
           ('2025-06-01', 'measure', 1)$$,
  'herford attrition report: participations per month and first excluding criterion');
SELECT is((SELECT count(*)::int FROM participation
           WHERE absolv_in_scope(measure, entry_date, exit_date, outcome, customer_status, legal_sphere, cosach_status, goal, 'herford')
                 <> (absolv_scope_reason(measure, entry_date, exit_date, outcome, customer_status, legal_sphere, cosach_status, goal, 'herford') IS NULL)),
          0, 'absolv_scope_reason is NULL exactly when absolv_in_scope is true');

SELECT * FROM finish();
