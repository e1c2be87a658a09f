-- Calendars: the regional calendars (BY-MHF, BY-AUGSBURG, SN-FRONLEICHNAM,
-- TH-FRONLEICHNAM) besides the 16 Länder, in absolv_holiday,
-- absolv_add_working_days and the working days of a rule's follow-up limit,
-- and the error for an unknown calendar.  Sources: docs/calendars.md.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
SET DateStyle = ISO, YMD;

\i test/helpers/error_of.sql

-- a rule: a missed appointment in the 14 days after the exit, and a contact
-- within 3 working days of the calendar after it
CREATE FUNCTION pg_temp.rule_of(calendar text) RETURNS absolv_rule
LANGUAGE sql AS $$
  SELECT ('rule followup scope measure any window exit .. exit + 14 days '
          'require CONTACT after MISSED within 3 working days of ' || calendar)::absolv_rule
$$;

-- is a contact on day `contact` in time after a missed appointment on `missed`?
CREATE FUNCTION pg_temp.in_time(calendar text, missed date, contact date) RETURNS boolean
LANGUAGE sql AS $$
  SELECT absolv_compliant(DATE '2025-01-02', DATE '2025-07-24', 'MAT', e.kind, e.at, NULL,
                          pg_temp.rule_of(calendar))
  FROM (VALUES ('MISSED', missed), ('CONTACT', contact)) e(kind, at)
$$;

SELECT plan(27);

-- holidays of the regional calendars
SELECT is(absolv_holiday('2025-08-08', 'BY-AUGSBURG'), 'Augsburger Hohes Friedensfest',
          'Augsburg: Friedensfest on 8 August');
SELECT is(absolv_holiday('2025-08-08', 'Augsburg'), 'Augsburger Hohes Friedensfest',
          'the alias Augsburg');
SELECT is(absolv_holiday('2025-08-08', 'BY'), NULL, 'not in the rest of Bayern');
SELECT is(absolv_holiday('2025-08-15', 'BY-AUGSBURG'), 'Mariä Himmelfahrt',
          'Augsburg also has Mariä Himmelfahrt');
SELECT is(absolv_holiday('2025-08-15', 'by-kath'), 'Mariä Himmelfahrt',
          'Bavarian municipalities with Mariä Himmelfahrt (alias BY-KATH)');
SELECT is(absolv_holiday('2025-08-15', 'Bayern'), NULL,
          'Bayern: the municipalities without Mariä Himmelfahrt');
SELECT is(absolv_holiday('2025-01-06', 'BY-MHF'), 'Heilige Drei Könige',
          'a regional calendar has the holidays of its Land');
SELECT is(absolv_holiday('2025-06-19', 'SN-FRONLEICHNAM'), 'Fronleichnam',
          'Fronleichnam in the Sorbian municipalities of Sachsen');
SELECT is(absolv_holiday('2025-06-19', 'Sachsen'), NULL, 'not in the rest of Sachsen');
SELECT is(absolv_holiday('2025-11-19', 'Sachsen mit Fronleichnam'), 'Buß- und Bettag',
          'SN-FRONLEICHNAM keeps the Buß- und Bettag of Sachsen');
SELECT is(absolv_holiday('2025-06-19', 'Thüringen mit Fronleichnam'), 'Fronleichnam',
          'Fronleichnam in Eichsfeld and the other Thuringian municipalities');
SELECT is(absolv_holiday('2025-06-19', 'TH'), NULL, 'not in the rest of Thüringen');
SELECT is(absolv_holiday('2028-06-17', 'BE'), NULL,
          '17 June 2028 is no Berlin holiday: no evidence that it was enacted');

-- working days
SELECT is(absolv_add_working_days('2025-08-07', 1, 'BY'), DATE '2025-08-08',
          'Bayern: Friday 8 August 2025 is a working day');
SELECT is(absolv_add_working_days('2025-08-07', 1, 'BY-AUGSBURG'), DATE '2025-08-11',
          'Augsburg: the next working day after Thursday 7 August is Monday 11 August');
SELECT is(absolv_add_working_days('2025-08-14', 1, 'BY-MHF'), DATE '2025-08-18',
          'BY-MHF: Friday 15 August 2025 is skipped');
SELECT is(absolv_add_working_days('2025-06-18', 1, 'TH-FRONLEICHNAM'), DATE '2025-06-20',
          'TH-FRONLEICHNAM: Thursday 19 June 2025 is skipped');

-- a rule with working days of a regional calendar: window 24 July .. 7
-- August 2025; a missed appointment on Thursday 7 August
SELECT is(absolv_horizon_end('2025-07-24', pg_temp.rule_of('BY')), DATE '2025-08-12',
          'of BY: the 3rd working day after 7 August is 12 August');
SELECT is(absolv_horizon_end('2025-07-24', pg_temp.rule_of('BY-AUGSBURG')), DATE '2025-08-13',
          'of BY-AUGSBURG: one working day later, 13 August (8 August is the Friedensfest)');
SELECT ok(NOT pg_temp.in_time('BY', '2025-08-07', '2025-08-13'),
          'of BY: a contact on 13 August is too late');
SELECT ok(pg_temp.in_time('BY-AUGSBURG', '2025-08-07', '2025-08-13'),
          'of BY-AUGSBURG: a contact on 13 August is in time');
SELECT ok(NOT pg_temp.in_time('BY-AUGSBURG', '2025-08-07', '2025-08-14'),
          'of BY-AUGSBURG: 14 August is too late');

-- every spelling prints as the code, and the canonical text reads back
SELECT is((SELECT count(DISTINCT pg_temp.rule_of(c)::text)::int
           FROM unnest(ARRAY['BY-AUGSBURG', 'by_augsburg', 'Augsburg', '"Stadt Augsburg"',
                             '"BY-AUGSBURG"']) c), 1,
          'five spellings of Augsburg give one canonical text');
SELECT ok(pg_temp.rule_of('Augsburg')::text LIKE '%within 3 working days of BY-AUGSBURG%',
          'the canonical text names BY-AUGSBURG, without quotes');
SELECT ok((SELECT bool_and(pg_temp.rule_of(c)::text::absolv_rule = pg_temp.rule_of(c)
                           AND pg_temp.rule_of(c)::text LIKE '%of ' || c || E'\n%')
           FROM unnest(ARRAY['BY-MHF', 'BY-AUGSBURG', 'SN-FRONLEICHNAM', 'TH-FRONLEICHNAM']) c),
          'every regional calendar: the canonical text reads back to the same rule');

-- an unknown calendar: 22P02 with its position and the accepted codes
SELECT is(pg_temp.error_of($$SELECT 'rule x scope measure any window exit .. exit require CONTACT after MISSED within 10 working days of BY-AUGSBURGER'::absolv_rule$$),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure any window exit .. exit require CONTACT..." | At character 101, at or near "BY-AUGSBURGER": unknown calendar: expected one of BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, BY-MHF, BY-AUGSBURG, SN-FRONLEICHNAM, TH-FRONLEICHNAM.',
          'an unknown calendar in a rule: 22P02, position and the accepted codes');
SELECT is(pg_temp.error_of($$SELECT absolv_add_working_days('2025-08-07', 1, 'Eichsfeld')$$),
          '22023: unknown calendar code "Eichsfeld" | HINT: Accepted codes: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, BY-MHF, BY-AUGSBURG, SN-FRONLEICHNAM, TH-FRONLEICHNAM, or the German name of the Land.',
          'an unknown calendar in absolv_add_working_days: 22023 and a hint with the accepted codes');

SELECT * FROM finish();
