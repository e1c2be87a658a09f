-- Verdicts as of a day (docs/rules.md, "What a verdict is", issue 3): absolv_verdict gives
-- each status under several presets, the window, the last day to act, the
-- missing parts by name, the evidence days, the rule's name, variant and
-- fingerprint; evidence after as_of is ignored; pending is exact; the
-- parallel plan gives the serial verdicts.  Every expected value is worked
-- out by hand from docs/rules.md section 4.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';

-- the detail of the error a statement raises, NULL if it raises none
CREATE FUNCTION pg_temp.detail_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  detail text;
BEGIN
  EXECUTE statement;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS detail = PG_EXCEPTION_DETAIL;
  RETURN detail;
END $$;

-- the verdict expected under a preset; its fingerprint is md5 of its text
CREATE FUNCTION pg_temp.expect(status text, preset text, variant text,
                               window_from date, window_to date, last_day date,
                               days_left int, missing text[], evidence_dates date[])
RETURNS absolv_verdict_result LANGUAGE sql AS $$
  SELECT ROW(status, preset, variant, md5((preset::absolv_rule)::text),
             window_from, window_to, last_day, days_left, missing, evidence_dates)::absolv_verdict_result
$$;

-- one participation per case, judged as of as_of under rule
CREATE TEMP TABLE vcase (
  id text PRIMARY KEY, entry_date date, exit_date date, measure text, as_of date, rule absolv_rule);
CREATE TEMP TABLE vevidence (id text NOT NULL, kind text, at date, valid_until date);
CREATE TEMP VIEW verdict AS
SELECT c.id, absolv_verdict(c.entry_date, c.exit_date, c.measure, e.kind, e.at, e.valid_until, c.as_of, c.rule) AS v
FROM vcase c LEFT JOIN vevidence e ON e.id = c.id
GROUP BY c.id;

-- cottbus_ies, FBW 2025-01-01 .. 2025-06-30: window [exit - 90, exit] = [2025-04-01, 2025-06-30]
-- cottbus_iws: window [exit - 90, exit + 14] = [2025-04-01, 2025-07-14]
INSERT INTO vcase VALUES
  ('ci fulfilled',   '2025-01-01', '2025-06-30', 'FBW', '2025-07-31', 'cottbus_ies'),
  ('ci pending',     '2025-01-01', '2025-06-30', 'FBW', '2025-06-20', 'cottbus_ies'),
  ('ci pending later','2025-01-01', '2025-06-30', 'FBW', '2025-06-25', 'cottbus_ies'),
  ('ci missed',      '2025-01-01', '2025-06-30', 'FBW', '2025-07-01', 'cottbus_ies'),
  ('ci nothing',     '2025-01-01', '2025-06-30', 'FBW', '2025-07-15', 'cottbus_ies'),
  ('ci exit < entry','2025-07-01', '2025-06-30', 'FBW', '2025-07-15', 'cottbus_ies'),
  ('ci no exit',     '2025-01-01', NULL,         'FBW', '2025-07-15', 'cottbus_ies'),
  ('cw pending',     '2025-01-01', '2025-06-30', 'FBW', '2025-07-10', 'cottbus_iws'),
  ('cw fulfilled',   '2025-01-01', '2025-06-30', 'FBW', '2025-07-20', 'cottbus_iws'),
  ('cw missed',      '2025-01-01', '2025-06-30', 'FBW', '2025-07-15', 'cottbus_iws');
INSERT INTO vevidence VALUES
  ('ci fulfilled', 'EINV', '2025-05-01', NULL),
  ('ci fulfilled', 'VV', '2025-06-10', NULL),
  ('ci pending', 'EINV', '2025-05-01', NULL),
  ('ci pending', 'VV', '2025-06-25', NULL),          -- after as_of: not known yet
  ('ci pending later', 'EINV', '2025-05-01', NULL),
  ('ci pending later', 'VV', '2025-06-25', NULL),    -- known on as_of
  ('ci missed', 'EINV', '2025-05-01', '2025-06-29'), -- expired the day before the exit
  ('ci missed', 'SI', '2025-06-15', NULL),
  ('ci exit < entry', 'EINV', '2025-05-01', NULL),
  ('ci no exit', 'EINV', '2025-05-01', NULL),
  ('cw fulfilled', 'Kooperationsplan', '2025-07-05', NULL), -- concluded after the exit: counts for iwS
  ('cw fulfilled', 'VV', '2025-07-10', NULL),
  ('cw missed', 'EINV', '2025-05-01', '2025-06-01'), -- concluded by the exit, expired before it
  ('cw missed', 'VV', '2025-05-10', NULL);

-- hannover, 2025-01-01 .. 2025-06-30: fbw [2025-04-01, 2025-07-14], s45_agh and other [2025-04-01, 2025-06-30]
INSERT INTO vcase VALUES
  ('h fbw nothing',   '2025-01-01', '2025-06-30', 'FBW_FORTBILDUNG', '2025-07-14', 'hannover'),
  ('h fbw missed',    '2025-01-01', '2025-06-30', 'FBW', '2025-07-20', 'hannover'),
  ('h s45 pending',   '2025-01-01', '2025-06-30', 'MAT', '2025-06-30', 'hannover'),
  ('h agh fulfilled', '2025-01-01', '2025-06-30', 'AGH', '2025-07-01', 'hannover'),
  ('h other fulfilled','2025-01-01', '2025-06-30', 'BAE', '2025-07-01', 'hannover'),
  ('h other missed',  '2025-01-01', '2025-06-30', 'EQ', '2025-07-01', 'hannover');
INSERT INTO vevidence VALUES
  ('h fbw missed', 'EINV', '2025-05-01', '2025-06-15'),
  ('h fbw missed', 'VV', '2025-06-10', NULL),
  ('h agh fulfilled', 'EINV', '2025-04-01', NULL),   -- first day of the window
  ('h other fulfilled', 'EINV', '2025-04-15', '2025-06-30'), -- in force on the exit day itself
  ('h other fulfilled', 'SI', '2025-04-20', NULL),
  ('h other missed', 'VV', '2025-03-31', NULL);      -- the day before the window

-- herford: ies from 6 months, [exit - 90, exit]; iws [exit - 90, exit + 14]
-- 2025-01-01 .. 2025-06-30 is exactly 6 months (ies); 2025-01-02 .. 2025-06-30 is not (iws)
INSERT INTO vcase VALUES
  ('hf ies missed',     '2025-01-01', '2025-06-30', 'FBW', '2025-07-01', 'herford'),
  ('hf iws pending',    '2025-01-02', '2025-06-30', 'MAT', '2025-07-01', 'herford'),
  ('hf excluded',       '2025-01-01', '2025-06-30', 'FBW', '2025-07-10', 'herford'),
  ('hf exception later','2025-01-01', '2025-06-30', 'FBW', '2025-06-27', 'herford'),
  ('hf late exception', '2025-01-01', '2025-06-30', 'FBW', '2025-07-10', 'herford'),
  ('hf iws fulfilled',  '2025-03-01', '2025-06-30', 'MAT', '2025-07-31', 'herford_iws'),
  ('hf ies nothing',    '2024-06-01', '2025-06-30', 'BAE', '2025-06-01', 'herford_ies');
INSERT INTO vevidence VALUES
  ('hf ies missed', 'CONTACT', '2025-06-01', NULL),
  ('hf excluded', 'CONTACT', '2025-06-01', NULL),
  ('hf excluded', 'EXCEPTION', '2025-06-25', NULL),
  ('hf exception later', 'CONTACT', '2025-06-01', NULL),
  ('hf exception later', 'EXCEPTION', '2025-06-28', NULL), -- documented after as_of
  ('hf late exception', 'CONTACT', '2025-06-01', NULL),
  ('hf late exception', 'EXCEPTION', '2025-07-05', NULL), -- after the ieS window
  ('hf iws fulfilled', 'EINV', '2025-04-01', NULL),
  ('hf iws fulfilled', 'CONTACT', '2025-07-14', NULL);

-- bremen, FBW 2025-01-01 .. 2025-06-30: window [exit - 28, exit + 28] = [2025-06-02, 2025-07-28]
INSERT INTO vcase VALUES
  ('b fulfilled',     '2025-01-01', '2025-06-30', 'FBW', '2025-08-01', 'bremen'),
  ('b pending',       '2025-01-01', '2025-06-30', 'FBW', '2025-07-28', 'bremen'),
  ('b missed',        '2025-01-01', '2025-06-30', 'FBW', '2025-07-29', 'bremen'),
  ('b before window', '2025-01-01', '2025-06-30', 'FBW', '2025-05-01', 'bremen');
INSERT INTO vevidence VALUES
  ('b fulfilled', 'CONTACT', '2025-06-02', NULL),
  ('b pending', 'CONTACT', '2025-06-01', NULL),      -- the day before the window
  ('b missed', 'CONTACT', '2025-06-01', NULL),
  ('b missed', 'NOTE', '2025-06-10', NULL);          -- an unknown kind is ignored

-- frankfurt, FBW 2025-01-01 .. 2025-04-03 (Thursday): window [exit + 1, exit + 14] = [2025-04-04, 2025-04-17];
-- after a MISSED appointment on 2025-04-16, a CONTACT up to 10 working days in Hessen later:
-- 17.4., (Good Friday 18.4., Easter Monday 21.4.) 22.-25.4., 28.-30.4., (1 May) 2.5., 5.5. = 2025-05-05;
-- exclusion: EXCEPTION in [exit - 28, exit + 14] = [2025-03-06, 2025-04-17]
INSERT INTO vcase VALUES
  ('f fulfilled',            '2025-01-01', '2025-04-03', 'FBW', '2025-04-30', 'frankfurt'),
  ('f late contact',         '2025-01-01', '2025-04-03', 'FBW', '2025-04-30', 'frankfurt'),
  ('f rescheduled pending',  '2025-01-01', '2025-04-03', 'FBW', '2025-05-05', 'frankfurt'),
  ('f rescheduled missed',   '2025-01-01', '2025-04-03', 'FBW', '2025-05-06', 'frankfurt'),
  ('f rescheduled fulfilled','2025-01-01', '2025-04-03', 'FBW', '2025-05-06', 'frankfurt'),
  ('f rescheduled too late', '2025-01-01', '2025-04-03', 'FBW', '2025-05-10', 'frankfurt'),
  ('f excluded',             '2025-01-01', '2025-04-03', 'FBW', '2025-04-30', 'frankfurt'),
  ('f exception too early',  '2025-01-01', '2025-04-03', 'FBW', '2025-04-30', 'frankfurt');
INSERT INTO vevidence VALUES
  ('f fulfilled', 'CONTACT', '2025-04-17', NULL),
  ('f late contact', 'CONTACT', '2025-04-18', NULL),
  ('f rescheduled pending', 'MISSED', '2025-04-16', NULL),
  ('f rescheduled missed', 'Meldeversäumnis', '2025-04-16', NULL),
  ('f rescheduled fulfilled', 'MISSED', '2025-04-16', NULL),
  ('f rescheduled fulfilled', 'CONTACT', '2025-05-05', NULL),
  ('f rescheduled too late', 'MISSED', '2025-04-16', NULL),
  ('f rescheduled too late', 'CONTACT', '2025-05-06', NULL),
  ('f excluded', 'EXCEPTION', '2025-03-06', NULL),
  ('f exception too early', 'EXCEPTION', '2025-03-05', NULL);

SELECT plan(69);

-- cottbus_ies
SELECT is((SELECT v FROM verdict WHERE id = 'ci fulfilled'),
          pg_temp.expect('fulfilled', 'cottbus_ies', NULL, '2025-04-01', '2025-06-30', NULL, NULL, NULL,
                         '{2025-05-01,2025-06-10}'),
          'cottbus_ies: EINV and VV in the window: fulfilled, with both evidence days');
SELECT is((SELECT v FROM verdict WHERE id = 'ci pending'),
          pg_temp.expect('pending', 'cottbus_ies', NULL, '2025-04-01', '2025-06-30', '2025-06-30', 10,
                         '{"VV or SI"}', '{2025-05-01}'),
          'cottbus_ies: a VV dated after as_of is ignored: pending until the exit, 10 days left, VV or SI missing');
SELECT is((SELECT v FROM verdict WHERE id = 'ci pending later'),
          pg_temp.expect('fulfilled', 'cottbus_ies', NULL, '2025-04-01', '2025-06-30', NULL, NULL, NULL,
                         '{2025-05-01,2025-06-25}'),
          'cottbus_ies: the same evidence as of the VV''s day: fulfilled');
SELECT is((SELECT v FROM verdict WHERE id = 'ci missed'),
          pg_temp.expect('missed', 'cottbus_ies', NULL, '2025-04-01', '2025-06-30', '2025-06-30', NULL,
                         '{"EINV in force at exit"}', '{2025-06-15}'),
          'cottbus_ies: an EinV that expired before the exit: missed, EINV in force at exit missing');
SELECT is((SELECT v FROM verdict WHERE id = 'ci nothing'),
          pg_temp.expect('missed', 'cottbus_ies', NULL, '2025-04-01', '2025-06-30', '2025-06-30', NULL,
                         '{"EINV in force at exit","VV or SI"}', NULL),
          'cottbus_ies: no evidence: missed, both parts missing, no evidence days');
SELECT is((SELECT v FROM verdict WHERE id = 'ci exit < entry'),
          pg_temp.expect('invalid', 'cottbus_ies', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          'cottbus_ies: exit before entry: invalid, no window');
SELECT is((SELECT v FROM verdict WHERE id = 'ci no exit'),
          pg_temp.expect('invalid', 'cottbus_ies', NULL, NULL, NULL, NULL, NULL, NULL, NULL),
          'cottbus_ies: no exit date: invalid');

-- cottbus_iws
SELECT is((SELECT v FROM verdict WHERE id = 'cw pending'),
          pg_temp.expect('pending', 'cottbus_iws', NULL, '2025-04-01', '2025-07-14', '2025-07-14', 4,
                         '{"EINV in force at exit if concluded by exit","VV or SI"}', NULL),
          'cottbus_iws: nothing yet, 10 days after the exit: pending until exit + 14, both parts missing');
SELECT is((SELECT v FROM verdict WHERE id = 'cw fulfilled'),
          pg_temp.expect('fulfilled', 'cottbus_iws', NULL, '2025-04-01', '2025-07-14', NULL, NULL, NULL,
                         '{2025-07-05,2025-07-10}'),
          'cottbus_iws: a Kooperationsplan concluded after the exit and a VV: fulfilled');
SELECT is((SELECT v FROM verdict WHERE id = 'cw missed'),
          pg_temp.expect('missed', 'cottbus_iws', NULL, '2025-04-01', '2025-07-14', '2025-07-14', NULL,
                         '{"EINV in force at exit if concluded by exit"}', '{2025-05-10}'),
          'cottbus_iws: an EinV concluded before the exit and expired: missed once exit + 14 has passed');

-- hannover: the variant by measure
SELECT is((SELECT v FROM verdict WHERE id = 'h fbw nothing'),
          pg_temp.expect('pending', 'hannover', 'fbw', '2025-04-01', '2025-07-14', '2025-07-14', 0,
                         '{"EINV in force at exit if concluded by exit","VV or SI or HIRING_COMMITMENT within exit - 90 days .. exit"}', NULL),
          'hannover fbw: on exit + 14, nothing yet: pending with 0 days left');
SELECT is((SELECT v FROM verdict WHERE id = 'h fbw missed'),
          pg_temp.expect('missed', 'hannover', 'fbw', '2025-04-01', '2025-07-14', '2025-07-14', NULL,
                         '{"EINV in force at exit if concluded by exit"}', '{2025-06-10}'),
          'hannover fbw: an EinV that expired before the exit: missed');
SELECT is((SELECT v FROM verdict WHERE id = 'h s45 pending'),
          pg_temp.expect('pending', 'hannover', 's45_agh', '2025-04-01', '2025-07-14', '2025-07-14', 14,
                         '{"EINV in force at exit if concluded by exit"}', NULL),
          'hannover § 45: on the exit day, no EinV yet: pending for 14 more days, the EINV missing');
SELECT is((SELECT v FROM verdict WHERE id = 'h agh fulfilled'),
          pg_temp.expect('fulfilled', 'hannover', 's45_agh', '2025-04-01', '2025-07-14', NULL, NULL, NULL,
                         '{2025-04-01}'),
          'hannover AGH: an open-ended EinV on the first day of the window fulfils');
SELECT is((SELECT v FROM verdict WHERE id = 'h other fulfilled'),
          pg_temp.expect('fulfilled', 'hannover', 'other', '2025-04-01', '2025-06-30', NULL, NULL, NULL,
                         '{2025-04-15,2025-04-20}'),
          'hannover other (BAE): EinV in force on the exit day and SI: fulfilled');
SELECT is((SELECT v FROM verdict WHERE id = 'h other missed'),
          pg_temp.expect('missed', 'hannover', 'other', '2025-04-01', '2025-06-30', '2025-06-30', NULL,
                         '{"EINV in force at exit","VV or SI or HIRING_COMMITMENT"}', NULL),
          'hannover other (EQ): a VV the day before the window does not count: missed, both parts missing');

-- herford: the variant by duration, the documented exception
SELECT is((SELECT v FROM verdict WHERE id = 'hf ies missed'),
          pg_temp.expect('missed', 'herford', 'ies', '2025-04-01', '2025-06-30', '2025-06-30', NULL,
                         '{EINV}', '{2025-06-01}'),
          'herford ies (exactly 6 months): a contact but no EinV by the exit: missed, EINV missing');
SELECT is((SELECT v FROM verdict WHERE id = 'hf iws pending'),
          pg_temp.expect('pending', 'herford', 'iws', '2025-04-01', '2025-07-14', '2025-07-14', 13,
                         '{CONTACT,EINV}', NULL),
          'herford iws (one day under 6 months): pending until exit + 14, CONTACT and EINV missing');
SELECT is((SELECT v FROM verdict WHERE id = 'hf excluded'),
          pg_temp.expect('excluded', 'herford', 'ies', '2025-04-01', '2025-06-30', NULL, NULL, NULL, NULL),
          'herford: an EXCEPTION on exit - 5: excluded');
SELECT is((SELECT v FROM verdict WHERE id = 'hf late exception'),
          pg_temp.expect('missed', 'herford', 'ies', '2025-04-01', '2025-06-30', '2025-06-30', NULL,
                         '{EINV}', '{2025-06-01}'),
          'herford ies: an EXCEPTION on exit + 5, after the window, does not turn a missed case into an excluded one');
SELECT is((SELECT v FROM verdict WHERE id = 'hf exception later'),
          pg_temp.expect('pending', 'herford', 'ies', '2025-04-01', '2025-06-30', '2025-06-30', 3,
                         '{EINV}', '{2025-06-01}'),
          'herford: an EXCEPTION documented after as_of is not known yet: pending');
SELECT is((SELECT v FROM verdict WHERE id = 'hf iws fulfilled'),
          pg_temp.expect('fulfilled', 'herford_iws', NULL, '2025-04-01', '2025-07-14', NULL, NULL, NULL,
                         '{2025-04-01,2025-07-14}'),
          'herford_iws: EinV on the first and contact on the last day of the window: fulfilled');
SELECT is((SELECT v FROM verdict WHERE id = 'hf ies nothing'),
          pg_temp.expect('pending', 'herford_ies', NULL, '2025-04-01', '2025-06-30', '2025-06-30', 29,
                         '{CONTACT,EINV}', NULL),
          'herford_ies: a month before the exit: pending, 29 days left');

-- bremen
SELECT is((SELECT v FROM verdict WHERE id = 'b fulfilled'),
          pg_temp.expect('fulfilled', 'bremen', NULL, '2025-06-02', '2025-07-28', NULL, NULL, NULL, '{2025-06-02}'),
          'bremen: a contact on exit - 28: fulfilled');
SELECT is((SELECT v FROM verdict WHERE id = 'b pending'),
          pg_temp.expect('pending', 'bremen', NULL, '2025-06-02', '2025-07-28', '2025-07-28', 0, '{CONTACT}', NULL),
          'bremen: on exit + 28 the window is still open: pending, CONTACT missing');
SELECT is((SELECT v FROM verdict WHERE id = 'b missed'),
          pg_temp.expect('missed', 'bremen', NULL, '2025-06-02', '2025-07-28', '2025-07-28', NULL, '{CONTACT}', NULL),
          'bremen: on exit + 29: missed');
SELECT is((SELECT v FROM verdict WHERE id = 'b before window'),
          pg_temp.expect('pending', 'bremen', NULL, '2025-06-02', '2025-07-28', '2025-07-28', 88, '{CONTACT}', NULL),
          'bremen: before the window opens: pending, 88 days left');

-- frankfurt: the rescheduled appointment
SELECT is((SELECT v FROM verdict WHERE id = 'f fulfilled'),
          pg_temp.expect('fulfilled', 'frankfurt', NULL, '2025-04-04', '2025-04-17', NULL, NULL, NULL, '{2025-04-17}'),
          'frankfurt: a contact on exit + 14: fulfilled');
SELECT is((SELECT v FROM verdict WHERE id = 'f late contact'),
          pg_temp.expect('missed', 'frankfurt', NULL, '2025-04-04', '2025-04-17', '2025-04-17', NULL,
                         '{"CONTACT or CONTACT after MISSED within 10 working days of HE"}', NULL),
          'frankfurt: a contact on exit + 15 without a missed appointment: missed, the whole requirement missing');
SELECT is((SELECT v FROM verdict WHERE id = 'f rescheduled pending'),
          pg_temp.expect('pending', 'frankfurt', NULL, '2025-04-04', '2025-04-17', '2025-05-05', 0,
                         '{"CONTACT or CONTACT after MISSED within 10 working days of HE"}', NULL),
          'frankfurt: MISSED on 2025-04-16: still pending on 2025-05-05, the 10th working day after it');
SELECT is((SELECT v FROM verdict WHERE id = 'f rescheduled missed'),
          pg_temp.expect('missed', 'frankfurt', NULL, '2025-04-04', '2025-04-17', '2025-05-05', NULL,
                         '{"CONTACT or CONTACT after MISSED within 10 working days of HE"}', NULL),
          'frankfurt: MISSED (as Meldeversäumnis) on 2025-04-16: missed on 2025-05-06');
SELECT is((SELECT v FROM verdict WHERE id = 'f rescheduled fulfilled'),
          pg_temp.expect('fulfilled', 'frankfurt', NULL, '2025-04-04', '2025-04-17', NULL, NULL, NULL,
                         '{2025-04-16,2025-05-05}'),
          'frankfurt: the follow-up contact on the 10th working day fulfils; evidence: the missed appointment and the contact');
SELECT is((SELECT v FROM verdict WHERE id = 'f rescheduled too late'),
          pg_temp.expect('missed', 'frankfurt', NULL, '2025-04-04', '2025-04-17', '2025-05-05', NULL,
                         '{"CONTACT or CONTACT after MISSED within 10 working days of HE"}', NULL),
          'frankfurt: the follow-up contact on the 11th working day is too late');
SELECT is((SELECT v FROM verdict WHERE id = 'f excluded'),
          pg_temp.expect('excluded', 'frankfurt', NULL, '2025-04-04', '2025-04-17', NULL, NULL, NULL, NULL),
          'frankfurt: an EXCEPTION on exit - 28: excluded');
SELECT is((SELECT (v).status FROM verdict WHERE id = 'f exception too early'), 'missed',
          'frankfurt: an EXCEPTION on exit - 29 does not exclude');

-- pending is exact: as of every day from March to June
CREATE TEMP TABLE frankfurt_days AS
SELECT d::date AS as_of, e.missed,
       absolv_verdict('2025-01-01', '2025-04-03', 'FBW', e.kind, e.at, NULL, d::date, 'frankfurt') AS v
FROM generate_series(date '2025-03-01', date '2025-06-30', interval '1 day') AS d
CROSS JOIN (VALUES (true, 'MISSED', date '2025-04-16'), (false, NULL, NULL)) AS e(missed, kind, at)
GROUP BY d, e.missed;
SELECT is((SELECT max(as_of) FROM frankfurt_days WHERE missed AND (v).status = 'pending'), '2025-05-05'::date,
          'frankfurt with MISSED on 2025-04-16: the last pending day is 2025-05-05');
SELECT is((SELECT min(as_of) FROM frankfurt_days WHERE missed AND (v).status = 'missed'), '2025-05-06'::date,
          'frankfurt with MISSED on 2025-04-16: the first missed day is 2025-05-06');
SELECT is((SELECT count(*)::int FROM frankfurt_days WHERE missed AND (v).status NOT IN ('pending', 'missed')), 0,
          'frankfurt with MISSED: every day is pending or missed');
SELECT ok((SELECT bool_and((v).last_day = CASE WHEN as_of < '2025-04-16' THEN '2025-04-17'::date ELSE '2025-05-05' END
                           AND (v).days_left = (v).last_day - as_of)
           FROM frankfurt_days WHERE missed AND (v).status = 'pending'),
          'frankfurt with MISSED: until the missed appointment the window''s end is the last day, from it the 10th working day after it');
SELECT is((SELECT max(as_of) FROM frankfurt_days WHERE NOT missed AND (v).status = 'pending'), '2025-04-17'::date,
          'frankfurt without a missed appointment: pending until the window closes on 2025-04-17');
SELECT is((SELECT min(as_of) FROM frankfurt_days WHERE NOT missed AND (v).status = 'missed'), '2025-04-18'::date,
          'frankfurt without a missed appointment: missed from 2025-04-18');

-- every preset's parts by name, none empty
SELECT is((SELECT string_agg(DISTINCT m COLLATE "C", ' | ' ORDER BY m COLLATE "C") FROM verdict, unnest((v).missing) AS m),
          'CONTACT | CONTACT or CONTACT after MISSED within 10 working days of HE | EINV | EINV in force at exit | EINV in force at exit if concluded by exit | VV or SI | VV or SI or HIRING_COMMITMENT | VV or SI or HIRING_COMMITMENT within exit - 90 days .. exit',
          'the missing parts of every preset, by name');
SELECT is((SELECT count(*)::int FROM verdict WHERE (v).missing = '{}'), 0, 'missing is never an empty array');
SELECT is((SELECT count(*)::int FROM verdict WHERE ((v).missing IS NULL) <> ((v).status NOT IN ('pending', 'missed'))), 0,
          'missing is set exactly for pending and missed verdicts');
SELECT is((SELECT count(*)::int FROM verdict WHERE ((v).last_day IS NULL) <> ((v).status NOT IN ('pending', 'missed'))), 0,
          'last_day is set exactly for pending and missed verdicts');
SELECT is((SELECT count(*)::int FROM verdict WHERE ((v).days_left IS NULL) <> ((v).status <> 'pending')), 0,
          'days_left is set exactly for pending verdicts');
SELECT is((SELECT string_agg(DISTINCT (v).status COLLATE "C", ',' ORDER BY (v).status COLLATE "C") FROM verdict),
          'excluded,fulfilled,invalid,missed,pending', 'the five statuses of docs/rules.md, "What a verdict is" occur');

-- the verdict agrees with absolv_compliant on the same evidence, as of a late day
SELECT is((SELECT count(*)::int
           FROM (SELECT c.id,
                        absolv_verdict(c.entry_date, c.exit_date, c.measure, e.kind, e.at, e.valid_until, 'infinity', c.rule) AS v,
                        absolv_compliant(c.entry_date, c.exit_date, c.measure, e.kind, e.at, e.valid_until, c.rule) AS ok
                 FROM vcase c LEFT JOIN vevidence e ON e.id = c.id GROUP BY c.id) AS x
           WHERE CASE WHEN (v).status IN ('excluded', 'invalid') THEN 'NULL' ELSE (v).status END
                 <> coalesce(CASE ok WHEN true THEN 'fulfilled' WHEN false THEN 'missed' END, 'NULL')), 0,
          'as of infinity, fulfilled is absolv_compliant true, missed false, excluded and invalid NULL');

-- the rule's name and fingerprint
SELECT ok((SELECT bool_and(absolv_rule_fingerprint(rule) = md5(rule::text)) FROM absolv_presets()),
          'absolv_rule_fingerprint is md5 of the canonical text, for every preset');
SELECT is((SELECT count(DISTINCT absolv_rule_fingerprint(rule))::int FROM absolv_presets()), 8,
          'the eight presets have eight fingerprints');
SELECT is(absolv_rule_fingerprint(' Bremen '), md5(('bremen'::absolv_rule)::text),
          'the fingerprint is that of the canonical text, however the rule was spelled');
SELECT is(absolv_rule_fingerprint(NULL), NULL, 'absolv_rule_fingerprint is strict');
SELECT is((SELECT (absolv_verdict('2025-01-01', '2025-06-30', 'FBW', 'CONTACT', '2025-06-30', NULL, '2025-07-31',
                                  'rule fbw_contact scope measure in (FBW*) window exit .. exit + 7 days require CONTACT'))
                  ::text),
          ROW('fulfilled', 'fbw_contact', NULL,
              md5(('rule fbw_contact scope measure in (FBW*) window exit .. exit + 7 days require CONTACT'::absolv_rule)::text),
              '2025-06-30', '2025-07-07', NULL, NULL, NULL, '{2025-06-30}')::absolv_verdict_result::text,
          'a custom rule: its name, and md5 of its canonical text');

-- the JSON form
SELECT is((SELECT array_agg(k ORDER BY k) FROM verdict, jsonb_object_keys(to_jsonb(v)) AS k WHERE id = 'ci pending'),
          '{days_left,evidence_dates,last_day,missing,rule_fingerprint,rule_name,status,variant,window_from,window_to}'::text[],
          'to_jsonb of a verdict has the ten keys');
SELECT is((SELECT to_jsonb(v) - 'rule_fingerprint' FROM verdict WHERE id = 'ci pending'),
          '{"status": "pending", "rule_name": "cottbus_ies", "variant": null, "window_from": "2025-04-01",
            "window_to": "2025-06-30", "last_day": "2025-06-30", "days_left": 10, "missing": ["VV or SI"],
            "evidence_dates": ["2025-05-01"]}'::jsonb,
          'to_jsonb of a pending verdict');

-- NULLs and the group check
SELECT is((SELECT absolv_verdict('2025-01-01', '2025-06-30', 'FBW', 'CONTACT', '2025-06-10', NULL, NULL, 'bremen')),
          NULL, 'as_of NULL: the verdict is NULL');
SELECT is((SELECT absolv_verdict('2025-01-01', '2025-06-30', 'FBW', 'CONTACT', '2025-06-10', NULL, '2025-07-01', NULL)),
          NULL, 'rule NULL on every row: the verdict is NULL');
SELECT is((SELECT (absolv_verdict('2025-01-01', '2025-06-30', 'FBW', kind, at, NULL, '2025-08-01', rule)).status
           FROM (VALUES ('CONTACT', '2025-06-10'::date, NULL::absolv_rule), (NULL, NULL, 'bremen')) AS e(kind, at, rule)),
          'missed', 'a row whose rule is NULL is skipped, with its evidence');
CREATE TEMP TABLE group_errors (name text PRIMARY KEY, statement text);
INSERT INTO group_errors VALUES
  ('two as_of', $$SELECT absolv_verdict('2025-01-01', '2025-06-30', 'FBW', kind, at, NULL, as_of, 'bremen')
                  FROM (VALUES ('CONTACT', '2025-06-10'::date, '2025-07-01'::date),
                               ('CONTACT', '2025-06-11', '2025-07-02')) AS e(kind, at, as_of)$$),
  ('as_of NULL', $$SELECT absolv_verdict('2025-01-01', '2025-06-30', 'FBW', kind, at, NULL, as_of, 'bremen')
                   FROM (VALUES ('CONTACT', '2025-06-10'::date, '2025-07-01'::date),
                                ('CONTACT', '2025-06-11', NULL)) AS e(kind, at, as_of)$$),
  ('two entries', $$SELECT absolv_verdict(entry, '2025-06-30', 'FBW', 'CONTACT', '2025-06-10', NULL, '2025-07-01', 'bremen')
                    FROM (VALUES ('2025-01-01'::date), ('2025-01-02')) AS e(entry)$$);
SELECT throws_ok((SELECT statement FROM group_errors WHERE name = 'two as_of'), '42803',
                 'absolv_verdict got rows of more than one participation in one group',
                 'two as_of days in one group: 42803');
SELECT is(pg_temp.detail_of((SELECT statement FROM group_errors WHERE name = 'two as_of')),
          'as_of is 2025-07-02 on this row and 2025-07-01 on an earlier row of the group.',
          'two as_of days in one group: the detail names as_of');
SELECT throws_ok((SELECT statement FROM group_errors WHERE name = 'as_of NULL'), '42803',
                 'absolv_verdict got rows of more than one participation in one group',
                 'as_of NULL on one row only: 42803');
SELECT is(pg_temp.detail_of((SELECT statement FROM group_errors WHERE name = 'as_of NULL')),
          'as_of is NULL on this row and 2025-07-01 on an earlier row of the group.',
          'as_of NULL on one row only: the detail names as_of');
SELECT throws_ok((SELECT statement FROM group_errors WHERE name = 'two entries'), '42803',
                 'absolv_verdict got rows of more than one participation in one group',
                 'two entry dates in one group: 42803 from absolv_verdict too');

-- a forced parallel plan gives the serial verdicts: one table with the
-- participation on every evidence row, 2000 participations with 30 rows each,
-- interleaved so that the rows of one participation reach several workers;
-- the rule and as_of vary by participation, one rule is custom (sent as text)
CREATE SCHEMA absolv_verdict_test;
CREATE TABLE absolv_verdict_test.wide AS
SELECT p AS id,
       CASE WHEN p % 250 = 0 THEN exit_date + 1 ELSE exit_date - (60 + (p * 13) % 400) END AS entry_date,
       exit_date,
       (ARRAY['FBW', 'MAT', 'BAE', 'FBW_UMSCHULUNG', 'AGH', 'EQ', 'XYZ', NULL])[1 + p % 8] AS measure,
       (ARRAY['CONTACT', 'EINV', 'VV', 'SI', 'MISSED', 'CONTACT', 'EINV', 'EXCEPTION', 'NOTE', NULL])[1 + (p * 7 + k * 3) % 10] AS kind,
       exit_date + (p * 31 + k * 17) % 130 - 100 AS at,
       CASE WHEN (p + k) % 3 = 0 THEN NULL ELSE exit_date + (p * 31 + k * 17) % 130 - 100 + (p * k) % 200 END AS valid_until,
       exit_date + p % 60 - 20 AS as_of,
       (ARRAY['frankfurt', 'herford', 'hannover', 'bremen', 'cottbus_ies', 'cottbus_iws',
              'rule custom scope measure any window exit - 10 days .. exit + 10 days require CONTACT and (VV or SI)'])[1 + p % 7]::absolv_rule AS rule
FROM (SELECT r, 1 + r % 2000 AS p, r / 2000 AS k, date '2024-03-01' + (1 + r % 2000) * 37 % 400 AS exit_date
      FROM generate_series(0, 59999) AS r) AS s
ORDER BY r;
ANALYZE absolv_verdict_test.wide;

CREATE TABLE absolv_verdict_test.plans (target text PRIMARY KEY, plan text);
CREATE FUNCTION absolv_verdict_test.materialize(target text) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  line text;
  plan text := '';
BEGIN
  FOR line IN EXECUTE format('EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) '
                             'CREATE TABLE absolv_verdict_test.%I AS '
                             'SELECT w.id, absolv_verdict(w.entry_date, w.exit_date, w.measure, w.kind, w.at, '
                             '                            w.valid_until, w.as_of, w.rule)::text AS v '
                             'FROM absolv_verdict_test.wide w GROUP BY w.id', target)
  LOOP
    plan := plan || line || E'\n';
  END LOOP;
  INSERT INTO absolv_verdict_test.plans VALUES (target, plan);
END
$$;

SET max_parallel_workers_per_gather = 0;
DO $$ BEGIN PERFORM absolv_verdict_test.materialize('serial'); END $$;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
SET parallel_leader_participation = off;
DO $$ BEGIN PERFORM absolv_verdict_test.materialize('parallel'); END $$;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
RESET parallel_leader_participation;

SELECT ok((SELECT plan FROM absolv_verdict_test.plans WHERE target = 'serial') !~ 'Gather',
          'serial: no Gather in the plan');
SELECT ok((SELECT plan FROM absolv_verdict_test.plans WHERE target = 'parallel') ~ 'Partial (Hash|Group)?Aggregate',
          'parallel: absolv_verdict is aggregated partially per participation');
SELECT ok((SELECT plan FROM absolv_verdict_test.plans WHERE target = 'parallel') ~ 'Workers Launched: [1-9]',
          'parallel: workers were launched');
SELECT is((SELECT count(*)::int FROM absolv_verdict_test.parallel), 2000, 'parallel: one row per participation');
SELECT is((SELECT string_agg(DISTINCT status COLLATE "C", ',' ORDER BY status COLLATE "C")
           FROM (SELECT split_part(trim(v, '()'), ',', 1) AS status FROM absolv_verdict_test.serial) AS s),
          'excluded,fulfilled,invalid,missed,pending', 'the generated data give every status');
SELECT results_eq('SELECT id, v FROM absolv_verdict_test.parallel ORDER BY id',
                  'SELECT id, v FROM absolv_verdict_test.serial ORDER BY id',
                  'the verdicts of 2000 participations: the parallel plan gives the serial result');

SELECT * FROM finish();

DROP SCHEMA absolv_verdict_test CASCADE;
