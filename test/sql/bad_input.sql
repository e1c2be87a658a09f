-- Bad input (issue 4, item 5): every error path of absolv with its SQLSTATE
-- and message, hostile dates, NULL in every argument of every function, a
-- group that mixes participations, unknown codes, and the binary input.
-- Data rows never stop a report (docs/rules.md, "What a verdict is"); rule texts and codes
-- fail loudly.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
-- pg_regress sets DateStyle Postgres, MDY; dates are compared as ISO text here
SET DateStyle = ISO, YMD;

\i test/helpers/error_of.sql

-- the SQLSTATE and message only
CREATE FUNCTION pg_temp.state_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  state text; msg text;
BEGIN
  EXECUTE statement;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
  RETURN state || ': ' || msg;
END $$;

-- a rule of the given text parses: 'ok', or the error
CREATE FUNCTION pg_temp.parse(rule_text text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM rule_text::absolv_rule;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  RETURN pg_temp.error_of(format('SELECT %L::absolv_rule', rule_text));
END $$;

-- binary input through COPY ... (FORMAT binary): a COPY file with one
-- absolv_rule column and one row per field is written into the data
-- directory (lo_export) and read back, which calls absolv_rule_recv.  The
-- receive function takes internal and cannot be called from SQL.
CREATE TEMP TABLE bin (r absolv_rule);
CREATE FUNCTION pg_temp.copy_file(fields bytea[]) RETURNS bytea
LANGUAGE sql AS $$
  SELECT '\x5047434f50590aff0d0a00'::bytea            -- signature PGCOPY\n\377\r\n\0
         || '\x0000000000000000'::bytea               -- flags, header extension length
         || coalesce((SELECT string_agg('\x0001'::bytea || int4send(length(f)) || f, ''::bytea ORDER BY o)
                      FROM unnest(fields) WITH ORDINALITY AS u(f, o)), ''::bytea)
         || '\xffff'::bytea                           -- trailer
$$;
CREATE FUNCTION pg_temp.copy_in(fields bytea[]) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  lo oid;
BEGIN
  lo := lo_from_bytea(0, pg_temp.copy_file(fields));
  PERFORM lo_export(lo, 'absolv_bad_input.copy');
  PERFORM lo_unlink(lo);
  RETURN pg_temp.error_of($q$COPY bin FROM 'absolv_bad_input.copy' WITH (FORMAT binary)$q$);
END $$;

SELECT plan(114);

-- ===================================================================
-- 1. rule texts
-- ===================================================================

-- empty
SELECT is(pg_temp.parse(''),
          '22P02: invalid input syntax for type absolv_rule: "" | At character 1: expected "rule": the rule text is empty.',
          'rule text: empty');
SELECT is(pg_temp.parse(E' \t\n -- nur ein Kommentar\n'),
          E'22P02: invalid input syntax for type absolv_rule: " \t\n -- nur ein Kommentar\n" | At character 26: expected "rule": the rule text is empty.',
          'rule text: white space and a comment only');

-- huge: at most 16384 bytes (rule-language.md section 7)
SELECT is(pg_temp.parse(rpad('rule x scope measure any window exit .. exit require VV', 16384)), 'ok',
          'rule text: exactly 16384 bytes are accepted');
SELECT is(pg_temp.parse(rpad('rule x scope measure any window exit .. exit require VV', 16385)),
          '54000: absolv_rule is too large or too deeply nested | At character 1: rule text is 16385 bytes, at most 16384 are allowed.',
          'rule text: 16385 bytes is 54000');
SELECT is(pg_temp.state_of($$SELECT repeat('rule ', 1000000)::absolv_rule$$),
          '54000: absolv_rule is too large or too deeply nested',
          'rule text: 5 MB is 54000, before any parsing');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit require VV --' || repeat('ä', 8200)),
          '54000: absolv_rule is too large or too deeply nested | At character 1: rule text is 16458 bytes, at most 16384 are allowed.',
          'rule text: the limit counts bytes, not characters (8258 characters)');

-- deeply nested: parentheses nest at most 8 deep; the parser stops at the
-- ninth, so even 8000 levels (inside the size limit) cost no stack
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit .. exit require ' || repeat('(', 8) || 'VV' || repeat(')', 8)),
          'ok', 'nesting: 8 levels are accepted');
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit .. exit require ' || repeat('(', 9) || 'VV' || repeat(')', 9)),
          '54000: absolv_rule is too large or too deeply nested | At character 67, at or near "(": parentheses nest at most 8 deep.',
          'nesting: 9 levels are 54000');
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit .. exit require ' || repeat('(', 8000) || 'VV' || repeat(')', 8000)),
          '54000: absolv_rule is too large or too deeply nested | At character 67, at or near "(": parentheses nest at most 8 deep.',
          'nesting: 8000 levels are 54000 at the ninth, no stack overflow');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit require ' || repeat('(VV or ', 9) || 'SI' || repeat(')', 9)),
          '54000: absolv_rule is too large or too deeply nested | At character 110, at or near "(": parentheses nest at most 8 deep.',
          'nesting: 9 levels of (VV or (... are 54000');
SELECT is(pg_temp.parse('rule x scope measure in ' || repeat('(', 8000) || 'MAT' || repeat(')', 8000) || ' window exit .. exit require VV'),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure in ((((((((((((((((((((((((((((((((((((..." | At character 27, at or near "(": expected a measure code such as FBW, FBW*, MAT or BVB.',
          'nesting: measure lists nest one level only');

-- unbalanced
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit .. exit require (VV or SI'),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure in (MAT) window exit .. exit require (V..." | At character 68: expected ")", "and" or "or".',
          'unbalanced: a missing ) at the end of the text');
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit .. exit require VV)'),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure in (MAT) window exit .. exit require VV..." | At character 61, at or near ")": expected "scope", "window", "variant", "due" or the end of the rule.',
          'unbalanced: a ) too many');
SELECT is(pg_temp.parse('rule x scope measure in (MAT window exit .. exit require VV'),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure in (MAT window exit .. exit require VV" | At character 30, at or near "window": expected "," or ")" in the list of measures.',
          'unbalanced: an unclosed measure list');
SELECT is(pg_temp.parse('rule x "Beschreibung scope measure in (MAT) window exit .. exit require VV'),
          '22P02: invalid input syntax for type absolv_rule: "rule x "Beschreibung scope measure in (MAT) window exit .. e..." | At character 8, at or near """: unterminated string: expected a closing ".',
          'unbalanced: an unterminated string');

-- unknown words
SELECT is(pg_temp.parse('frobnicate'),
          '22P02: unknown absolv_rule preset "frobnicate" | HINT: Use one of the presets frankfurt, herford, herford_ies, herford_iws, hannover, bremen, cottbus_ies, cottbus_iws, or write a rule in the rule language, starting with "rule".',
          'unknown word: a single word that is no preset');
SELECT is(pg_temp.parse('rule x frobnicate'),
          '22P02: invalid input syntax for type absolv_rule: "rule x frobnicate" | At character 8, at or near "frobnicate": expected "scope", "window", "variant", "due" or the end of the rule.',
          'unknown word: instead of a clause');
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit .. exit require VV frobnicate'),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure in (MAT) window exit .. exit require VV..." | At character 62, at or near "frobnicate": expected "scope", "window", "variant", "due" or the end of the rule.',
          'unknown word: after the requirement');
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit .. exit require NOTE'),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure in (MAT) window exit .. exit require NO..." | At character 59, at or near "NOTE": unknown evidence kind: expected EINV, VV, SI, CONTACT, MISSED, EXCEPTION or HIRING_COMMITMENT.',
          'unknown word: an evidence kind is an error in a rule (in data it is ignored)');
SELECT matches(pg_temp.parse('rule x scope measure in (GSB) window exit .. exit require VV'),
               '^22P02: .* \| At character 26, at or near "GSB": unknown measure',
               'unknown word: a measure is an error in a rule (in data it is out of scope)');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit require CONTACT after MISSED within 10 working days of Preußen'),
          '22P02: invalid input syntax for type absolv_rule: "rule x scope measure any window exit .. exit require CONTACT..." | At character 101, at or near "Preußen": unknown calendar: expected one of BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, BY-MHF, BY-AUGSBURG, SN-FRONLEICHNAM, TH-FRONLEICHNAM.',
          'unknown word: a Land, with the position in characters (not bytes)');

-- invalid UTF-8: a UTF8 database validates text before absolv sees it, so
-- the text path cannot deliver invalid UTF-8 (the conversion fails first)
SELECT is(pg_temp.error_of($$SELECT convert_from('\xc328'::bytea, 'UTF8')::absolv_rule$$),
          '22021: invalid byte sequence for encoding "UTF8": 0xc3 0x28',
          'invalid UTF-8: rejected by PostgreSQL before absolv_rule_in is reached');
SELECT is(pg_temp.error_of($$SELECT convert_from('\x72756c6500'::bytea, 'UTF8')::absolv_rule$$),
          '22021: invalid byte sequence for encoding "UTF8": 0x00',
          'a NUL byte: rejected by PostgreSQL before absolv_rule_in is reached');

-- other limits of rule-language.md section 7: 54000 with the limit named
SELECT is(pg_temp.parse('rule x scope measure in (MAT) window exit - 10000 days .. exit require VV'),
          '54000: absolv_rule is too large or too deeply nested | At character 45, at or near "10000": numbers in rules are at most 9999.',
          'limit: a number over 9999');
SELECT matches(pg_temp.parse('rule ' || repeat('a', 64) || ' scope measure in (MAT) window exit .. exit require VV'),
               '^54000: absolv_rule is too large or too deeply nested \| At character 6, .*: names are at most 63 bytes\.$',
               'limit: a name of 64 bytes');
SELECT is(pg_temp.parse('rule ' || repeat('a', 63) || ' scope measure in (MAT) window exit .. exit require VV'), 'ok',
          'limit: a name of 63 bytes is accepted');
SELECT matches(pg_temp.parse('rule x "' || repeat('a', 256) || '" scope measure in (MAT) window exit .. exit require VV'),
               '^54000: .* \| At character 8, .*: a description is longer than 255 bytes\.$',
               'limit: a description of 256 bytes');
SELECT is(pg_temp.parse('rule x scope measure any '
                        || (SELECT string_agg(format('variant v%s when duration at least %s days window exit .. exit require VV ', i, i), '')
                            FROM generate_series(1, 8) AS i)
                        || 'variant z otherwise window exit .. exit require VV'),
          '54000: absolv_rule is too large or too deeply nested | At character 610, at or near "z": a rule has at most 8 variants.',
          'limit: 9 variants');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit require '
                        || (SELECT string_agg('VV', ' or ') FROM generate_series(1, 17))),
          '54000: absolv_rule is too large or too deeply nested | At character 150, at or near "VV": a variant has at most 16 evidence terms.',
          'limit: 17 evidence terms');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit require '
                        || (SELECT string_agg('CONTACT after MISSED within 1 day', ' or ') FROM generate_series(1, 3))),
          '54000: absolv_rule is too large or too deeply nested | At character 128: a variant has at most 2 follow-up terms ("after").',
          'limit: 3 follow-up terms');
SELECT matches(pg_temp.parse('rule x scope measure any window exit .. exit require VV '
                             || (SELECT string_agg(format('due "d%s" exit', i), ' ') FROM generate_series(1, 25) AS i)),
               '^54000: absolv_rule is too large or too deeply nested \| At character [0-9]+, .*24',
               'limit: 25 due steps');
SELECT is(pg_temp.parse('rule x scope measure any window exit - 1 day - 1 day - 1 day - 1 day - 1 day .. exit require VV'),
          '54000: absolv_rule is too large or too deeply nested | At character 70, at or near "-": a date has at most 4 offsets.',
          'limit: 5 offsets in a date');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit + 40 months require CONTACT after MISSED within 1 day'),
          '54000: absolv_rule is too large or too deeply nested | At character 66: a follow-up term may span at most 255 days, window and time limit together.',
          'limit: the span of a follow-up term');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit + 244 days require CONTACT after MISSED within 10 days'), 'ok',
          'limit: a follow-up span of 245 + 10 = 255 days is accepted');
SELECT is(pg_temp.parse('rule x scope measure any window exit .. exit + 245 days require CONTACT after MISSED within 10 days'),
          '54000: absolv_rule is too large or too deeply nested | At character 65: a follow-up term may span at most 255 days, window and time limit together.',
          'limit: a follow-up span of 256 days is 54000');

-- ===================================================================
-- 2. binary input (absolv_rule_recv) through binary COPY
-- ===================================================================

SELECT is(pg_temp.copy_in(ARRAY[absolv_rule_send('bremen'), '\x01'::bytea || convert_to('Cottbus_IES', 'UTF8')]),
          'no error', 'binary: a sent value and a preset name after version byte 1 are read');
SELECT is((SELECT string_agg(absolv_rule_name(r), ',' ORDER BY r) FROM bin), 'bremen,cottbus_ies',
          'binary: ... as the rules they are');
SELECT is(pg_temp.copy_in(ARRAY['\x02'::bytea || substr(absolv_rule_send('bremen'), 2)]),
          '22P03: invalid binary representation of type absolv_rule | Format version 2 is not supported; this version of absolv reads version 1.',
          'binary: version byte 2 is 22P03');
SELECT is(pg_temp.copy_in(ARRAY['\x00'::bytea || substr(absolv_rule_send('bremen'), 2)]),
          '22P03: invalid binary representation of type absolv_rule | Format version 0 is not supported; this version of absolv reads version 1.',
          'binary: version byte 0 is 22P03');
SELECT is(pg_temp.copy_in(ARRAY[''::bytea]),
          '22P03: invalid binary representation of type absolv_rule | The value is empty.',
          'binary: an empty value is 22P03');
SELECT is(pg_temp.copy_in(ARRAY['\x01'::bytea]),
          '22P02: invalid input syntax for type absolv_rule: "" | At character 1: expected "rule": the rule text is empty.',
          'binary: version byte 1 and no text is an empty rule (22P02)');
SELECT is(pg_temp.copy_in(ARRAY['\x01'::bytea || convert_to('rule x scope measure in (MAT) window exit .. exit require VV ', 'UTF8') || '\xc328'::bytea]),
          '22021: invalid byte sequence for encoding "UTF8": 0xc3 0x28',
          'binary: invalid UTF-8 in the text is 22021');
SELECT is(pg_temp.copy_in(ARRAY['\x01'::bytea || convert_to('rule x', 'UTF8') || '\x00'::bytea]),
          '22021: invalid byte sequence for encoding "UTF8": 0x00',
          'binary: a NUL byte in the text is 22021');
SELECT is(pg_temp.copy_in(ARRAY['\x01'::bytea || convert_to(rpad('rule x scope measure any window exit .. exit require VV', 16385), 'UTF8')]),
          '54000: absolv_rule is too large or too deeply nested | At character 1: rule text is 16385 bytes, at most 16384 are allowed.',
          'binary: a text over the size limit is 54000');
SELECT is((SELECT count(*)::int FROM bin), 2, 'binary: no failed COPY left a row behind');

-- support functions that take internal cannot be called from SQL at all
-- (15.20 answers 42883 or 42846, 15.18 answers 0A000: any refusal will do),
-- so a malformed serialized aggregate state cannot be fed to the
-- deserialization functions here; test/unit/test_evaluate.c truncates and
-- corrupts every byte of a serialized case instead (XX001 in the server)
SELECT matches(pg_temp.state_of($$SELECT absolv_compliant_deserialfn('\x00'::bytea, NULL)$$),
          '^(42883|42846|0A000): ',
          'absolv_compliant_deserialfn is not callable from SQL');
SELECT matches(pg_temp.state_of($$SELECT absolv_verdict_deserialfn('\x00'::bytea, NULL::internal)$$),
          '^(42883|42846|0A000): ',
          'absolv_verdict_deserialfn is not callable from SQL: no internal value can be made');
SELECT matches(pg_temp.state_of($$SELECT absolv_rule_recv(NULL)$$),
          '^(42883|42846|0A000): ',
          'absolv_rule_recv is not callable from SQL');

-- ===================================================================
-- 3. dates: infinity, -infinity, the minimum 4714-11-24 BC and the maximum
--    5874897-12-31 of date, window arithmetic past either end.  A data
--    value never raises an error: a window that leaves the date range is
--    NULL (invalid), and absolv_add_working_days alone raises 22008.
-- ===================================================================

SELECT is(array_to_string(ARRAY[
            absolv_window('infinity', 'frankfurt')::text, absolv_window('-infinity', 'frankfurt')::text,
            absolv_window('4714-11-24 BC', 'frankfurt')::text, absolv_window('5874897-12-31', 'frankfurt')::text,
            absolv_window('5874897-12-16', 'frankfurt')::text, absolv_window('5874897-12-17', 'frankfurt')::text,
            absolv_window('4714-11-24 BC', 'bremen')::text, absolv_window('4714-12-22 BC', 'bremen')::text], ';', 'NULL'),
          'NULL;NULL;["4714-11-25 BC","4714-12-09 BC");NULL;[5874897-12-17,5874897-12-31);NULL;NULL;["4714-11-24 BC","4713-01-20 BC")',
          'absolv_window(exit, rule): infinite exits and windows past either end of date are NULL');
SELECT is(array_to_string(ARRAY[
            absolv_window('2024-01-01', 'infinity', 'MAT', 'herford')::text,
            absolv_window('-infinity', '2025-03-31', 'MAT', 'herford')::text,
            absolv_window('4714-11-24 BC', '5874897-12-30', 'EQ', 'hannover')::text,
            absolv_window('4714-11-24 BC', '5874897-12-31', 'EQ', 'hannover')::text,
            absolv_window('4714-11-24 BC', '5874897-12-30', 'FBW', 'hannover')::text,
            absolv_window('4714-11-24 BC', '4714-11-24 BC', 'MAT', 'herford')::text,
            absolv_window('4714-11-24 BC', '4714-12-24 BC', 'MAT', 'frankfurt')::text], ';', 'NULL'),
          'NULL;NULL;[5874897-10-01,5874897-12-31);NULL;NULL;NULL;["4714-12-25 BC","4713-01-08 BC")',
          'absolv_window(entry, exit, measure, rule): the same; a window that ends on the maximum has no daterange [from, to + 1) and is NULL');
SELECT is(array_to_string(ARRAY[
            absolv_horizon('infinity', 'frankfurt')::text, absolv_horizon('-infinity', 'bremen')::text,
            absolv_horizon('4714-11-24 BC', 'frankfurt')::text, absolv_horizon('4714-12-22 BC', 'frankfurt')::text,
            absolv_horizon('5874897-11-28', 'frankfurt')::text, absolv_horizon('5874897-11-29', 'frankfurt')::text,
            absolv_horizon('5874897-12-31', 'cottbus_ies')::text], ';', 'NULL'),
          'NULL;NULL;NULL;["4714-11-24 BC","4713-01-20 BC");[5874897-10-31,5874897-12-31);NULL;NULL',
          'absolv_horizon(exit, rule): NULL as soon as the exclusion or follow-up leaves the date range');
SELECT is(array_to_string(ARRAY[
            absolv_horizon('2024-01-01', 'infinity', 'MAT', 'hannover')::text,
            absolv_horizon('4714-11-24 BC', '5874897-12-30', 'EQ', 'hannover')::text,
            absolv_horizon('4714-11-24 BC', '5874897-12-30', 'FBW', 'hannover')::text,
            absolv_horizon('4714-11-24 BC', '4714-11-24 BC', 'FBW', 'frankfurt')::text], ';', 'NULL'),
          'NULL;[5874897-10-01,5874897-12-31);NULL;NULL',
          'absolv_horizon(entry, exit, measure, rule): the same');
-- absolv_horizon_start, absolv_horizon_end and absolv_in_horizon agree with
-- absolv_horizon at the ends of date, for every preset, both forms, and
-- days of evidence at, inside and just outside the horizon
SELECT is((SELECT count(*)::int
           FROM absolv_presets() r,
                unnest(ARRAY[DATE 'infinity', '-infinity', '4714-11-24 BC', '4714-12-22 BC', '4713-06-15 BC',
                             '5874897-12-31', '5874897-12-30', '5874897-12-17', '5874897-11-28', '5874897-09-01',
                             '2025-03-31']) AS x(exit_date),
                unnest(ARRAY['MAT', 'FBW', NULL]) AS m(measure),
                LATERAL (SELECT CASE WHEN NOT isfinite(x.exit_date) OR x.exit_date - DATE '4714-11-24 BC' > 200
                                     THEN x.exit_date - 200 ELSE DATE '4714-11-24 BC' END AS entry_date) AS e,
                LATERAL (SELECT absolv_horizon(x.exit_date, r.rule) AS h2,
                                absolv_horizon(e.entry_date, x.exit_date, m.measure, r.rule) AS h4) AS h,
                LATERAL unnest(ARRAY[lower(h.h2), upper(h.h2) - 1, upper(h.h2), lower(h.h4), upper(h.h4) - 1, upper(h.h4),
                                     x.exit_date, DATE 'infinity', '-infinity', '4714-11-24 BC', '5874897-12-31']) AS a(at)
           WHERE absolv_horizon_start(x.exit_date, r.rule) IS DISTINCT FROM lower(h.h2)
              OR absolv_horizon_end(x.exit_date, r.rule) IS DISTINCT FROM upper(h.h2) - 1
              OR absolv_horizon_start(e.entry_date, x.exit_date, m.measure, r.rule) IS DISTINCT FROM lower(h.h4)
              OR absolv_horizon_end(e.entry_date, x.exit_date, m.measure, r.rule) IS DISTINCT FROM upper(h.h4) - 1
              OR absolv_in_horizon(a.at, x.exit_date, r.rule) IS DISTINCT FROM (a.at <@ h.h2)
              OR absolv_in_horizon(a.at, e.entry_date, x.exit_date, m.measure, r.rule) IS DISTINCT FROM (a.at <@ h.h4)),
          0, 'absolv_horizon_start, absolv_horizon_end and absolv_in_horizon agree with absolv_horizon at the ends of date');
SELECT is(array_to_string(ARRAY[
            absolv_in_scope('FBW', '2024-01-01', 'infinity', NULL, 'frankfurt'),
            absolv_in_scope('FBW', '-infinity', '2025-01-01', NULL, 'frankfurt'),
            absolv_in_scope('FBW', 'infinity', 'infinity', NULL, 'frankfurt'),
            absolv_in_scope('FBW', '4714-11-24 BC', '5874897-12-31', NULL, 'frankfurt'),
            absolv_in_scope('FBW', '4714-11-24 BC', '4714-11-24 BC', NULL, 'frankfurt'),
            absolv_in_scope('MAT', '5874897-12-31', '5874897-12-31', NULL, 'frankfurt'),
            absolv_in_scope('BVB', '4714-11-24 BC', '5874897-12-31', NULL, 'ALO', 'SGB2', 'B', '1', 'herford')]::text[], ';', 'NULL'),
          'false;false;false;true;true;false;true',
          'absolv_in_scope: infinite dates are invalid (false); the ends of date are ordinary days');
SELECT is(array_to_string(ARRAY[
            absolv_scope_reason('FBW', '2024-01-01', 'infinity', NULL, 'frankfurt'),
            absolv_scope_reason('FBW', '-infinity', '2025-01-01', NULL, 'frankfurt'),
            absolv_scope_reason('FBW', '4714-11-24 BC', '5874897-12-31', NULL, 'frankfurt'),
            absolv_scope_reason('MAT', '5874897-12-31', '5874897-12-31', NULL, 'frankfurt'),
            absolv_scope_reason('BVB', '4714-11-24 BC', '5874897-12-31', NULL, 'NAS', 'SGB2', 'B', '1', 'herford')], ';', 'NULL'),
          'invalid data;invalid data;NULL;duration;customer status',
          'absolv_scope_reason: infinite dates are "invalid data"');

-- absolv_compliant and absolv_verdict over a table of participations at
-- the ends of date: invalid (NULL), never an error
CREATE TEMP TABLE edge (id int, entry_date date, exit_date date, measure text, kind text, at date, valid_until date);
INSERT INTO edge VALUES
  (1, '2024-01-01', 'infinity', 'MAT', 'CONTACT', '2025-01-01', NULL),
  (2, '-infinity', '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL),
  (3, '4714-11-24 BC', '4714-11-24 BC', 'MAT', 'CONTACT', '4714-11-24 BC', NULL),   -- window starts before the minimum
  (4, '4714-11-24 BC', '4714-12-22 BC', 'MAT', 'CONTACT', '4714-11-24 BC', NULL),   -- window starts on the minimum
  (5, '5874897-01-01', '5874897-12-31', 'MAT', 'CONTACT', '5874897-12-31', NULL),   -- window ends after the maximum
  (6, '5874897-01-01', '5874897-12-03', 'MAT', 'CONTACT', '5874897-12-31', NULL),   -- window ends on the maximum
  (7, '2024-09-01', '2025-03-31', 'MAT', 'CONTACT', 'infinity', NULL),              -- evidence on infinite days is outside every window
  (8, '2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '-infinity', 'infinity'),
  (9, '2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '5874897-12-31', NULL),
  (10, '2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '4714-11-24 BC', NULL);
SELECT is((SELECT string_agg(coalesce(ok::text, 'NULL'), ';' ORDER BY id)
           FROM (SELECT id, absolv_compliant(entry_date, exit_date, measure, kind, at, valid_until, 'bremen') AS ok
                 FROM edge GROUP BY id) x),
          'NULL;NULL;NULL;true;NULL;true;false;false;false;false',
          'absolv_compliant (bremen): infinite or overflowing dates give NULL, evidence on extreme days is ignored');
SELECT is((SELECT string_agg(coalesce(ok::text, 'NULL'), ';' ORDER BY id)
           FROM (SELECT id, absolv_compliant(entry_date, exit_date, measure, 'EINV', DATE '2025-03-01', valid_until, 'hannover') AS ok
                 FROM (VALUES (1, DATE '2024-09-01', DATE '2025-03-31', 'MAT', DATE 'infinity'),
                              (2, DATE '2024-09-01', DATE '2025-03-31', 'MAT', DATE '5874897-12-31'),
                              (3, DATE '2024-09-01', DATE '2025-03-31', 'MAT', DATE '-infinity'),
                              (4, DATE '2024-09-01', DATE '2025-03-31', 'MAT', DATE '4714-11-24 BC')) v(id, entry_date, exit_date, measure, valid_until)
                 GROUP BY id) x),
          'true;true;false;false',
          'absolv_compliant (hannover): valid_until infinity or the maximum is in force, -infinity or the minimum is not');
SELECT is((SELECT string_agg(coalesce(s, 'NULL'), ';' ORDER BY id)
           FROM (SELECT id, (absolv_verdict(entry_date, exit_date, measure, kind, at, valid_until, DATE '2025-06-01', 'frankfurt')).status AS s
                 FROM edge GROUP BY id) x),
          'invalid;invalid;invalid;missed;invalid;invalid;missed;missed;missed;missed',
          'absolv_verdict (frankfurt): invalid where the horizon leaves the date range');
SELECT is((SELECT string_agg(coalesce((v).status, 'NULL') || '/' || coalesce((v).last_day::text, 'NULL'), ';' ORDER BY a)
           FROM (SELECT a, absolv_verdict(DATE '2024-09-01', DATE '2025-03-31', 'MAT', NULL, NULL, NULL, a, 'bremen') AS v
                 FROM unnest(ARRAY[DATE '-infinity', '4714-11-24 BC', '5874897-12-31', 'infinity']) AS a
                 GROUP BY a) x),
          'pending/2025-04-28;pending/2025-04-28;missed/2025-04-28;missed/2025-04-28',
          'absolv_verdict: as_of at -infinity, the minimum, the maximum and infinity');
SELECT is((SELECT count(*)::int FROM absolv_schedule('2024-01-01', 'infinity', 'MAT', 'frankfurt'))
          + (SELECT count(*)::int FROM absolv_schedule('-infinity', '2025-01-01', 'MAT', 'frankfurt')),
          0, 'absolv_schedule: no rows for infinite dates');
SELECT is((SELECT string_agg(step || '=' || due, ';' ORDER BY due) FROM absolv_schedule('4714-11-24 BC', '4714-11-24 BC', 'MAT', 'frankfurt')),
          'Aktivierung Handlungsstrategie=4714-11-24 BC;Vermittlungsgespräch=4714-12-08 BC',
          'absolv_schedule: at the minimum only the due dates inside the date range');
SELECT is((SELECT string_agg(step || '=' || due, ';' ORDER BY due) FROM absolv_schedule('5874897-01-01', '5874897-12-31', 'MAT', 'frankfurt')),
          'Aktivierung Handlungsstrategie=5874897-01-01;Strategiebeginn=5874897-12-03',
          'absolv_schedule: at the maximum only the due dates inside the date range');
SELECT is(array_to_string(ARRAY[
            absolv_add_working_days('infinity', 5, 'HE'), absolv_add_working_days('-infinity', 5, 'HE'),
            absolv_add_working_days('4714-11-24 BC', 3, 'HE'), absolv_add_working_days('5874897-12-16', 9, 'HE'),
            absolv_add_working_days('5874897-12-31', 0, 'HE')]::text[], ';'),
          'infinity;-infinity;4714-11-27 BC;5874897-12-31;5874897-12-31',
          'absolv_add_working_days: infinite days unchanged, the ends of date reachable');
SELECT is(pg_temp.error_of($$SELECT absolv_add_working_days('5874897-12-16', 10, 'HE')$$),
          '22008: date out of range', 'absolv_add_working_days: past the maximum is 22008');
SELECT is(pg_temp.error_of($$SELECT absolv_add_working_days('2025-01-01', 2147483647, 'HE')$$),
          '22008: date out of range', 'absolv_add_working_days: n = 2^31 - 1 is 22008');
SELECT is(pg_temp.error_of($$SELECT absolv_add_working_days('2025-01-01', -1, 'HE')$$),
          '22023: number of working days must not be negative: -1', 'absolv_add_working_days: a negative n is 22023');
SELECT is(pg_temp.error_of($$SELECT absolv_add_working_days('infinity', -2147483648, 'HE')$$),
          '22023: number of working days must not be negative: -2147483648',
          'absolv_add_working_days: a negative n is 22023 even for an infinite day');
SELECT is(array_to_string(ARRAY[absolv_holiday('infinity', 'HE'), absolv_holiday('-infinity', 'HE'),
                                absolv_holiday('4714-11-24 BC', 'HE'), absolv_holiday('5874897-12-25', 'HE'),
                                absolv_holiday('5874897-12-31', 'HE')], ';', 'NULL'),
          'NULL;NULL;NULL;1. Weihnachtstag;NULL',
          'absolv_holiday: infinite days are no holiday; the maximum year has Christmas');

-- ===================================================================
-- 4. NULL in every argument of every function (the result documented)
-- ===================================================================

-- absolv_window(exit, rule) and absolv_horizon(exit, rule): STRICT
SELECT is(array_to_string(ARRAY[absolv_window(NULL, 'frankfurt'), absolv_window('2025-03-31', NULL),
                                absolv_horizon(NULL, 'frankfurt'), absolv_horizon('2025-03-31', NULL)]::text[], ';', 'NULL'),
          'NULL;NULL;NULL;NULL', 'NULL: absolv_window and absolv_horizon (exit, rule) are strict');
-- four-argument forms: a NULL exit or rule is NULL; a NULL entry only when
-- a variant needs the duration (herford, not hannover or frankfurt); a NULL
-- measure picks the variant for no measure (herford by duration, hannover "other")
SELECT is(array_to_string(ARRAY[
            absolv_window(NULL, '2025-03-31', 'MAT', 'herford'), absolv_window(NULL, '2025-03-31', 'MAT', 'hannover'),
            absolv_window(NULL, '2025-03-31', 'MAT', 'frankfurt'), absolv_window('2024-09-01', NULL, 'MAT', 'herford'),
            absolv_window('2024-09-01', '2025-03-31', NULL, 'herford'), absolv_window('2024-09-01', '2025-03-31', NULL, 'hannover'),
            absolv_window('2024-09-01', '2025-03-31', 'MAT', NULL)]::text[], ';', 'NULL'),
          'NULL;[2024-12-31,2025-04-15);[2025-04-01,2025-04-15);NULL;[2024-12-31,2025-04-01);[2024-12-31,2025-04-01);NULL',
          'NULL: absolv_window(entry, exit, measure, rule)');
SELECT is(array_to_string(ARRAY[
            absolv_horizon(NULL, '2025-03-31', 'MAT', 'herford'), absolv_horizon(NULL, '2025-03-31', 'FBW', 'hannover'),
            absolv_horizon('2024-09-01', NULL, 'MAT', 'herford'), absolv_horizon('2024-09-01', '2025-03-31', NULL, 'herford'),
            absolv_horizon('2024-09-01', '2025-03-31', NULL, 'hannover'), absolv_horizon('2024-09-01', '2025-03-31', 'MAT', NULL)]::text[], ';', 'NULL'),
          'NULL;[2024-12-31,2025-04-15);NULL;[2024-12-31,2025-04-01);[2024-12-31,2025-04-01);NULL',
          'NULL: absolv_horizon(entry, exit, measure, rule)');
SELECT is(array_to_string(ARRAY[
            absolv_horizon_start(NULL, 'bremen')::text, absolv_horizon_start('2025-03-31', NULL)::text,
            absolv_horizon_end(NULL, 'bremen')::text, absolv_horizon_end('2025-03-31', NULL)::text,
            absolv_in_horizon(NULL, '2025-03-31', 'bremen')::text, absolv_in_horizon('2025-03-31', NULL, 'bremen')::text,
            absolv_in_horizon('2025-03-31', '2025-03-31', NULL)::text], ';', 'NULL'),
          'NULL;NULL;NULL;NULL;NULL;NULL;NULL',
          'NULL: absolv_horizon_start, absolv_horizon_end and absolv_in_horizon (exit, rule) are strict');
SELECT is(array_to_string(ARRAY[
            absolv_horizon_start(NULL, '2025-03-31', 'MAT', 'herford'), absolv_horizon_start(NULL, '2025-03-31', 'MAT', 'hannover'),
            absolv_horizon_start('2024-09-01', NULL, 'MAT', 'hannover'), absolv_horizon_start('2024-09-01', '2025-03-31', NULL, 'hannover'),
            absolv_horizon_start('2024-09-01', '2025-03-31', 'MAT', NULL),
            absolv_horizon_end(NULL, '2025-03-31', 'MAT', 'herford'), absolv_horizon_end(NULL, '2025-03-31', 'FBW', 'hannover'),
            absolv_horizon_end('2024-09-01', NULL, 'MAT', 'hannover'), absolv_horizon_end('2024-09-01', '2025-03-31', NULL, 'hannover'),
            absolv_horizon_end('2024-09-01', '2025-03-31', 'MAT', NULL)]::text[], ';', 'NULL'),
          'NULL;2024-12-31;NULL;2024-12-31;NULL;NULL;2025-04-14;NULL;2025-03-31;NULL',
          'NULL: absolv_horizon_start and absolv_horizon_end (entry, exit, measure, rule)');
SELECT is(array_to_string(ARRAY[
            absolv_in_horizon(NULL, '2024-09-01', '2025-03-31', 'MAT', 'hannover'),
            absolv_in_horizon('2025-03-31', NULL, '2025-03-31', 'MAT', 'hannover'),
            absolv_in_horizon('2025-03-31', NULL, '2025-03-31', 'MAT', 'herford'),
            absolv_in_horizon('2025-03-31', '2024-09-01', NULL, 'MAT', 'hannover'),
            absolv_in_horizon('2025-04-14', '2024-09-01', '2025-03-31', NULL, 'hannover'),
            absolv_in_horizon('2025-03-31', '2024-09-01', '2025-03-31', 'MAT', NULL)]::text[], ';', 'NULL'),
          'NULL;true;NULL;NULL;false;NULL',
          'NULL: absolv_in_horizon (at, entry, exit, measure, rule): NULL where the horizon is NULL');
-- in scope: NULL measure, entry or exit false; NULL outcome counts as
-- SUCCESS; NULL status, sphere, CoSach, goal pass; NULL rule NULL
SELECT is(array_to_string(ARRAY[
            absolv_in_scope(NULL, '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'),
            absolv_in_scope('MAT', NULL, '2025-03-31', 'SUCCESS', 'cottbus_ies'),
            absolv_in_scope('MAT', '2024-09-01', NULL, 'SUCCESS', 'cottbus_ies'),
            absolv_in_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'cottbus_ies'),
            absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', NULL)]::text[], ';', 'NULL'),
          'false;false;false;true;NULL', 'NULL: absolv_in_scope, five arguments');
SELECT is(array_to_string(ARRAY[
            absolv_in_scope(NULL, '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_in_scope('BVB', NULL, '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_in_scope('BVB', '2024-09-01', NULL, 'SUCCESS', 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_in_scope('BVB', '2024-09-01', '2025-03-31', NULL, 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', NULL, 'SGB2', 'B', '1', 'herford'),
            absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', NULL, 'B', '1', 'herford'),
            absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', NULL, '1', 'herford'),
            absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'),
            absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', '1', NULL)]::text[], ';', 'NULL'),
          'false;false;false;true;true;false;false;false;NULL',
          'NULL: absolv_in_scope, nine arguments (an unset customer status passes Herford; an unknown legal sphere, CoSach status or BvB goal does not)');
SELECT is(array_to_string(ARRAY[
            absolv_scope_reason(NULL, '2024-09-01', '2025-03-31', 'SUCCESS', 'cottbus_ies'),
            absolv_scope_reason('MAT', NULL, '2025-03-31', 'SUCCESS', 'cottbus_ies'),
            absolv_scope_reason('MAT', '2024-09-01', NULL, 'SUCCESS', 'cottbus_ies'),
            absolv_scope_reason('MAT', '2024-09-01', '2025-03-31', NULL, 'cottbus_ies'),
            absolv_scope_reason('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', NULL)], ';', 'NULL'),
          'measure;invalid data;invalid data;NULL;NULL', 'NULL: absolv_scope_reason, five arguments');
SELECT is(array_to_string(ARRAY[
            absolv_scope_reason(NULL, '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_scope_reason('BVB', NULL, '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_scope_reason('BVB', '2024-09-01', NULL, 'SUCCESS', 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_scope_reason('BVB', '2024-09-01', '2025-03-31', NULL, 'ALO', 'SGB2', 'B', '1', 'herford'),
            absolv_scope_reason('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', NULL, 'SGB2', 'B', '1', 'herford'),
            absolv_scope_reason('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', NULL, 'B', '1', 'herford'),
            absolv_scope_reason('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', NULL, '1', 'herford'),
            absolv_scope_reason('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL, 'herford'),
            absolv_scope_reason('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', '1', NULL)], ';', 'NULL'),
          'measure;invalid data;invalid data;NULL;NULL;legal sphere;CoSach status;goal;NULL',
          'NULL: absolv_scope_reason, nine arguments');
-- absolv_compliant: NULL entry or exit: NULL (invalid); NULL measure:
-- matches no measure condition (bremen has none: true; hannover: "other");
-- NULL kind or at: the row carries no evidence; NULL valid_until:
-- open-ended, in force; NULL rule: the row is skipped, NULL
SELECT is(array_to_string(ARRAY[
            absolv_compliant(NULL, '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL, 'bremen'),
            absolv_compliant('2024-09-01', NULL, 'MAT', 'CONTACT', '2025-03-31', NULL, 'bremen'),
            absolv_compliant('2024-09-01', '2025-03-31', NULL, 'CONTACT', '2025-03-31', NULL, 'bremen'),
            absolv_compliant('2024-09-01', '2025-03-31', NULL, 'EINV', '2025-03-01', NULL, 'hannover'),
            absolv_compliant('2024-09-01', '2025-03-31', 'MAT', NULL, '2025-03-31', NULL, 'bremen'),
            absolv_compliant('2024-09-01', '2025-03-31', 'MAT', 'CONTACT', NULL, NULL, 'bremen'),
            absolv_compliant('2024-09-01', '2025-03-31', 'MAT', 'EINV', '2025-03-01', NULL, 'hannover'),
            absolv_compliant('2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL, NULL)]::text[], ';', 'NULL'),
          'NULL;NULL;true;false;false;false;true;NULL', 'NULL: absolv_compliant, each of its seven arguments');
SELECT is(array_to_string(ARRAY[
            (absolv_verdict(NULL, '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL, '2025-06-01', 'bremen')).status,
            (absolv_verdict('2024-09-01', NULL, 'MAT', 'CONTACT', '2025-03-31', NULL, '2025-06-01', 'bremen')).status,
            (absolv_verdict('2024-09-01', '2025-03-31', NULL, 'CONTACT', '2025-03-31', NULL, '2025-06-01', 'bremen')).status,
            (absolv_verdict('2024-09-01', '2025-03-31', 'MAT', NULL, '2025-03-31', NULL, '2025-06-01', 'bremen')).status,
            (absolv_verdict('2024-09-01', '2025-03-31', 'MAT', 'CONTACT', NULL, NULL, '2025-06-01', 'bremen')).status,
            (absolv_verdict('2024-09-01', '2025-03-31', 'MAT', 'EINV', '2025-03-01', NULL, '2025-06-01', 'hannover')).status,
            (absolv_verdict('2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL, NULL, 'bremen')).status,
            (absolv_verdict('2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL, '2025-06-01', NULL)).status], ';', 'NULL'),
          'invalid;invalid;fulfilled;missed;missed;fulfilled;NULL;NULL', 'NULL: absolv_verdict, each of its eight arguments');
SELECT is((absolv_verdict('2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL, NULL, 'bremen'))::text
          || ';' || (absolv_verdict('2024-09-01', '2025-03-31', 'MAT', 'CONTACT', '2025-03-31', NULL, '2025-06-01', NULL))::text,
          NULL, 'NULL: absolv_verdict with a NULL as_of or rule is a NULL verdict, not a verdict of NULLs');
-- absolv_schedule: no rows for a NULL entry, exit or rule; a NULL measure
-- is in no measure list (hannover's measure-dependent step gives no row)
SELECT is(array_to_string(ARRAY[
            (SELECT count(*) FROM absolv_schedule(NULL, '2025-03-31', 'MAT', 'hannover')),
            (SELECT count(*) FROM absolv_schedule('2024-09-01', NULL, 'MAT', 'hannover')),
            (SELECT count(*) FROM absolv_schedule('2024-09-01', '2025-03-31', NULL, 'hannover')),
            (SELECT count(*) FROM absolv_schedule('2024-09-01', '2025-03-31', 'MAT', 'hannover')),
            (SELECT count(*) FROM absolv_schedule('2024-09-01', '2025-03-31', 'MAT', NULL))]::text[], ';'),
          '0;0;2;3;0', 'NULL: absolv_schedule (row counts)');
-- calendar: STRICT, NULL in any argument is NULL, even where the other
-- arguments are wrong
SELECT is(array_to_string(ARRAY[
            absolv_add_working_days(NULL, 1, 'HE'), absolv_add_working_days('2025-01-01', NULL, 'HE'),
            absolv_add_working_days('2025-01-01', 1, NULL), absolv_add_working_days('2025-01-01', -1, NULL),
            absolv_add_working_days(NULL, 1, 'Preußen')]::text[], ';', 'NULL'),
          'NULL;NULL;NULL;NULL;NULL', 'NULL: absolv_add_working_days');
SELECT is(array_to_string(ARRAY[absolv_holiday(NULL, 'HE'), absolv_holiday('2025-01-01', NULL), absolv_holiday(NULL, 'XX')], ';', 'NULL'),
          'NULL;NULL;NULL', 'NULL: absolv_holiday');
-- the rule functions and operators: STRICT
SELECT is(array_to_string(ARRAY[
            absolv_rule_name(NULL), absolv_rule_description(NULL), absolv_rule_fingerprint(NULL),
            absolv_rule_send(NULL)::text, NULL::absolv_rule::text,
            (NULL::absolv_rule = 'bremen')::text, ('bremen' <> NULL::absolv_rule)::text, (NULL::absolv_rule < 'bremen')::text,
            absolv_rule_cmp(NULL, 'bremen')::text, absolv_rule_hash(NULL)::text, absolv_rule_hash_extended('bremen', NULL)::text,
            absolv_rule_at(NULL, '2025-01-01')::text, absolv_rule_at('cottbus', NULL)::text], ';', 'NULL'),
          'NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL;NULL',
          'NULL: rule functions, operators, absolv_rule_at');

-- ===================================================================
-- 5. a group that mixes participations: 42803, naming the argument
-- ===================================================================

SELECT is(pg_temp.error_of($$SELECT absolv_compliant(e, x, m, 'CONTACT', '2025-03-31', NULL, 'bremen')
                            FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT'), ('2024-09-02', '2025-03-31', 'MAT')) v(e, x, m)$$),
          '42803: absolv_compliant got rows of more than one participation in one group | entry_date is 2024-09-02 on this row and 2024-09-01 on an earlier row of the group. | HINT: Entry date, exit date, measure and rule must be the same on every row of a group: GROUP BY the participation''s key, for example its id.',
          'mixed group: entry_date');
SELECT is(pg_temp.error_of($$SELECT absolv_compliant(e, x, m, 'CONTACT', '2025-03-31', NULL, 'bremen')
                            FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT'), ('2024-09-01', '2025-03-30', 'MAT')) v(e, x, m)$$),
          '42803: absolv_compliant got rows of more than one participation in one group | exit_date is 2025-03-30 on this row and 2025-03-31 on an earlier row of the group. | HINT: Entry date, exit date, measure and rule must be the same on every row of a group: GROUP BY the participation''s key, for example its id.',
          'mixed group: exit_date');
SELECT is(pg_temp.error_of($$SELECT absolv_compliant(e, x, m, 'CONTACT', '2025-03-31', NULL, 'bremen')
                            FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT'), ('2024-09-01', '2025-03-31', 'mat')) v(e, x, m)$$),
          '42803: absolv_compliant got rows of more than one participation in one group | measure is "mat" on this row and "MAT" on an earlier row of the group. | HINT: Entry date, exit date, measure and rule must be the same on every row of a group: GROUP BY the participation''s key, for example its id.',
          'mixed group: measure, compared byte for byte');
SELECT is(pg_temp.error_of($$SELECT absolv_compliant(e, x, m, 'CONTACT', '2025-03-31', NULL, r::absolv_rule)
                            FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT', 'bremen'), ('2024-09-01', '2025-03-31', 'MAT', 'frankfurt')) v(e, x, m, r)$$),
          '42803: absolv_compliant got rows of more than one participation in one group | rule is "frankfurt" on this row and "bremen" on an earlier row of the group. | HINT: Entry date, exit date, measure and rule must be the same on every row of a group: GROUP BY the participation''s key, for example its id.',
          'mixed group: rule');
SELECT is(pg_temp.error_of($$SELECT absolv_compliant(e, x, m, 'CONTACT', '2025-03-31', NULL, 'bremen')
                            FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT'), (NULL, '2025-03-31', 'MAT')) v(e, x, m)$$),
          '42803: absolv_compliant got rows of more than one participation in one group | entry_date is NULL on this row and 2024-09-01 on an earlier row of the group. | HINT: Entry date, exit date, measure and rule must be the same on every row of a group: GROUP BY the participation''s key, for example its id.',
          'mixed group: NULL and a date differ');
SELECT is(pg_temp.error_of($$SELECT absolv_verdict(e, x, m, 'CONTACT', '2025-03-31', NULL, a, 'bremen')
                            FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT', DATE '2025-06-01'), ('2024-09-01', '2025-03-31', 'MAT', '2025-06-02')) v(e, x, m, a)$$),
          '42803: absolv_verdict got rows of more than one participation in one group | as_of is 2025-06-02 on this row and 2025-06-01 on an earlier row of the group. | HINT: Entry date, exit date, measure, as_of and rule must be the same on every row of a group: GROUP BY the participation''s key, for example its id.',
          'mixed group: as_of of absolv_verdict');
SELECT is(pg_temp.state_of($$SELECT absolv_verdict(e, x, m, 'CONTACT', '2025-03-31', NULL, '2025-06-01', 'bremen')
                            FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT'), ('2024-09-01', '2025-03-31', 'MAG')) v(e, x, m)$$),
          '42803: absolv_verdict got rows of more than one participation in one group',
          'mixed group: measure of absolv_verdict');
-- a row with a NULL rule is skipped, not a mismatch (absolv_rule_at gives
-- NULL outside every period)
SELECT is((SELECT absolv_compliant(e, x, m, 'CONTACT', '2025-03-31', NULL, r::absolv_rule)
           FROM (VALUES (DATE '2024-09-01', DATE '2025-03-31', 'MAT', 'bremen'), ('2024-09-01', '2025-03-31', 'MAT', NULL)) v(e, x, m, r)),
          true, 'a row with a NULL rule is skipped, not a mixed group');

-- ===================================================================
-- 6. codes: unknown outcome, customer status, legal sphere, CoSach status
--    and Land are 22023 naming the value; unknown measures, goals and
--    evidence kinds are data, never an error
-- ===================================================================

SELECT is(pg_temp.error_of($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'WON', 'frankfurt')$$),
          '22023: unknown outcome code "WON" | HINT: Accepted codes: SUCCESS, GOAL_EARLY, PREMATURE, or NULL; NULL counts as SUCCESS. German aliases are listed in docs/codes.md.',
          'unknown outcome');
SELECT is(pg_temp.error_of($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'XX', NULL, NULL, NULL, 'herford')$$),
          '22023: unknown customer status code "XX" | HINT: Accepted codes: ALO, ASU, RASU, NAS, or NULL (also written "nicht gesetzt"). German aliases are listed in docs/codes.md.',
          'unknown customer status');
SELECT is(pg_temp.error_of($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', NULL, 'SGB 9', NULL, NULL, 'herford')$$),
          '22023: unknown legal sphere code "SGB 9" | HINT: Accepted codes: SGB2, SGB3, or NULL. German aliases are listed in docs/codes.md.',
          'unknown legal sphere');
SELECT is(pg_temp.error_of($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', NULL, NULL, 'BB', NULL, 'herford')$$),
          '22023: unknown CoSach status code "BB" | HINT: Accepted codes: a single letter A-Z, for example B (bewilligt, teilnehmend), or NULL. German aliases are listed in docs/codes.md.',
          'unknown CoSach status');
SELECT is(pg_temp.state_of($$SELECT absolv_in_scope('GSB', NULL, NULL, 'WON', 'bremen')$$),
          '22023: unknown outcome code "WON"',
          'an unknown code is an error even where the participation is out of scope anyway (bremen takes any outcome)');
SELECT is(pg_temp.state_of($$SELECT absolv_scope_reason('MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'Ä', NULL, 'cottbus_ies')$$),
          '22023: unknown CoSach status code "Ä"',
          'absolv_scope_reason checks codes the rule does not filter on');
SELECT is(pg_temp.state_of($$SELECT absolv_in_scope('MAT', '2024-09-01', '2025-03-31', repeat('x', 300), 'frankfurt')$$),
          '22023: unknown outcome code "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx..."',
          'a long unknown code is cut in the message');
SELECT is(pg_temp.error_of($$SELECT absolv_add_working_days('2025-01-01', 1, 'Preußen')$$),
          '22023: unknown calendar code "Preußen" | HINT: Accepted codes: BW, BY, BE, BB, HB, HH, HE, MV, NI, NW, RP, SL, SN, ST, SH, TH, BY-MHF, BY-AUGSBURG, SN-FRONLEICHNAM, TH-FRONLEICHNAM, or the German name of the Land.',
          'unknown Land: absolv_add_working_days');
SELECT is(pg_temp.state_of($$SELECT absolv_holiday('2025-01-01', '')$$),
          '22023: unknown calendar code ""', 'unknown Land: absolv_holiday, the empty text');
SELECT is(pg_temp.error_of($$SELECT absolv_window('2025-03-31', 'hannover')$$),
          '22023: rule "hannover" has no single window | Its window depends on the measure or the duration of the participation. | HINT: Use absolv_window(entry_date, exit_date, measure, rule).',
          'the two-argument window of a rule with several windows');
SELECT is(pg_temp.state_of($$SELECT absolv_window('infinity', 'herford')$$),
          '22023: rule "herford" has no single window',
          '... raised before the data are looked at (infinite exit)');
SELECT is(array_to_string(ARRAY[
            absolv_in_scope('GSB', '2024-09-01', '2025-03-31', 'SUCCESS', 'hannover'),
            absolv_in_scope('BVB', '2024-09-01', '2025-03-31', 'SUCCESS', NULL, NULL, NULL, 'Quatsch', 'cottbus_ies'),
            absolv_compliant('2024-09-01', '2025-03-31', 'MAT', 'QUATSCH', '2025-03-31', NULL, 'bremen')]::text[], ';', 'NULL'),
          'false;false;false',
          'unknown measure: out of scope; unknown goal: OTHER; unknown evidence kind: ignored; no error');
-- a NULL rule is NULL before any code is checked (absolv_rule_at outside
-- every period must not stop a report)
SELECT is(array_to_string(ARRAY[
            absolv_in_scope('MAT', '2024-09-01', '2025-03-31', 'WON', NULL)::text,
            absolv_scope_reason('MAT', '2024-09-01', '2025-03-31', 'WON', NULL)], ';', 'NULL'),
          'NULL;NULL', 'a NULL rule gives NULL without checking the codes');

-- ===================================================================
-- 7. absolv_rule_version: the constraints of the table
-- ===================================================================

INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule) VALUES ('bad_input', '2024-01-01', '2024-12-31', 'cottbus_ies');
SELECT is(pg_temp.error_of($$INSERT INTO absolv_rule_version (name, valid_from, rule) VALUES ('bad_input', '2024-06-01', 'bremen')$$),
          '23P01: rule version "bad_input" from 2024-06-01 to open end overlaps the version from 2024-01-01 to 2024-12-31 | HINT: End the earlier version (valid_to) the day before the next one begins.',
          'absolv_rule_version: an overlapping period is 23P01');
SELECT is(pg_temp.state_of($$INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule) VALUES ('bad_input', '2026-01-01', '2025-01-01', 'bremen')$$),
          '23514: new row for relation "absolv_rule_version" violates check constraint "absolv_rule_version_check"',
          'absolv_rule_version: valid_to before valid_from is 23514');
SELECT is(pg_temp.state_of($$INSERT INTO absolv_rule_version (name, valid_from, rule) VALUES ('bad_input', '2025-01-01', 'rule x')$$),
          '22P02: invalid input syntax for type absolv_rule: "rule x"',
          'absolv_rule_version: a rule that does not parse is 22P02');
SELECT is(array_to_string(ARRAY[absolv_rule_name(absolv_rule_at('bad_input', '2024-06-30')),
                                absolv_rule_name(absolv_rule_at('bad_input', '2025-06-30')),
                                absolv_rule_name(absolv_rule_at('bad_input', 'infinity')),
                                absolv_rule_name(absolv_rule_at('no such name', '2024-06-30'))], ';', 'NULL'),
          'cottbus_ies;NULL;NULL;NULL', 'absolv_rule_at: NULL outside every period, for an infinite day and an unknown name');
DELETE FROM absolv_rule_version WHERE name = 'bad_input';

-- ===================================================================
-- 8. data rows never stop a report: the quota of docs/reference.md and the verdicts
--    over hostile rows, for every preset and rule versions, without error
-- ===================================================================

CREATE TEMP TABLE hostile (id int PRIMARY KEY, measure text, entry_date date, exit_date date, outcome text,
                           customer_status text, legal_sphere text, cosach_status text, goal text);
INSERT INTO hostile VALUES
  (1, 'MAT', '2024-09-01', '2025-03-31', 'SUCCESS', 'ALO', 'SGB2', 'B', NULL),
  (2, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
  (3, 'FBW', '2025-03-31', '2024-09-01', 'SUCCESS', NULL, NULL, NULL, NULL),      -- exit before entry
  (4, 'FBW', '-infinity', 'infinity', NULL, NULL, NULL, NULL, NULL),
  (5, 'FBW', '4714-11-24 BC', '4714-11-24 BC', NULL, NULL, NULL, NULL, NULL),
  (6, 'FBW', '4714-11-24 BC', '5874897-12-31', NULL, 'ALO', 'SGB2', 'B', NULL),
  (7, 'BVB', '5874897-01-01', '5874897-12-31', NULL, NULL, NULL, NULL, 'Quatsch'),
  (8, '', '2024-09-01', '2025-03-31', 'Abbruch', 'NAS', 'SGB III', 'z', ''),
  (9, repeat('M', 5000), '2024-09-01', '2025-03-31', NULL, NULL, NULL, NULL, repeat('1', 5000)),
  (10, 'FBW', '2024-09-01', '2025-03-31', NULL, NULL, NULL, NULL, NULL);
CREATE TEMP TABLE hostile_ev (pid int, kind text, at date, valid_until date);
INSERT INTO hostile_ev
SELECT h.id, k, d, v
FROM hostile h,
     unnest(ARRAY['CONTACT', 'EINV', 'VV', 'MISSED', 'EXCEPTION', NULL, '', repeat('K', 5000)]) AS k,
     unnest(ARRAY[DATE '-infinity', 'infinity', '4714-11-24 BC', '5874897-12-31', '2025-04-01', NULL]) AS d,
     unnest(ARRAY[NULL, DATE 'infinity', '-infinity', '2025-03-31']) AS v;
INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule) VALUES
  ('hostile', '2025-01-01', '2025-12-31', 'cottbus_iws');
SELECT lives_ok($$
  CREATE TEMP TABLE hostile_report AS
  -- the month as a number: date_trunc would go through timestamp, whose
  -- range ends in 294276 AD
  SELECT r.name AS preset, extract(year FROM q.exit_date) * 100 + extract(month FROM q.exit_date) AS month,
         count(*) FILTER (WHERE q.ok) AS fulfilled, count(q.ok) AS counted, count(*) AS rows
  FROM absolv_presets() r
  CROSS JOIN LATERAL (
    SELECT p.id, p.exit_date,
           absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, r.rule) AS ok
    FROM hostile p
    LEFT JOIN hostile_ev e ON e.pid = p.id
    WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status,
                          p.legal_sphere, p.cosach_status, p.goal, r.rule)
    GROUP BY p.id, p.exit_date) q
  GROUP BY 1, 2$$,
  'a monthly quota over hostile rows and evidence runs for every preset');
SELECT is((SELECT string_agg(format('%s:%s/%s/%s', preset, month, fulfilled, counted), ';' ORDER BY preset, month) FROM hostile_report),
          -- worked out by hand: rows 1 and 10 (exits 2025-03-31) are excluded for
          -- frankfurt (EXCEPTION on 2025-04-01), fulfilled for bremen and
          -- cottbus_iws (evidence on 2025-04-01), not for cottbus_ies (no EINV by the
          -- exit); hannover: MAT (§ 45) and FBW take the EINV and VV of 2025-04-01.
          -- herford: row 10 has no legal sphere (out of scope); row 1 is ieS, whose
          -- exclusion ends on the exit day, so the EXCEPTION of 2025-04-01 does not
          -- exclude it and it is missed.  Rows at the ends of date are in scope but
          -- NULL wherever a window or horizon leaves the range; cottbus_ies and
          -- hannover ("other") end on the exit day and count evidence on 5874897-12-31
          'bremen:202503/2/2;bremen:587489712/0/0;cottbus_ies:202503/0/2;cottbus_ies:587489712/1/1;cottbus_iws:202503/2/2;cottbus_iws:587489712/0/0;frankfurt:-471389/0/0;frankfurt:202503/0/0;frankfurt:587489712/0/0;hannover:202503/2/2;hannover:587489712/1/1;herford:202503/0/1;herford:587489712/0/0;herford_ies:202503/0/1;herford_ies:587489712/0/0',
          'the hostile quota: per preset and month, fulfilled / counted');
SELECT lives_ok($$
  CREATE TEMP TABLE hostile_detail AS
  SELECT p.id,
         absolv_window(p.entry_date, p.exit_date, p.measure, 'herford') AS w,
         absolv_horizon(p.entry_date, p.exit_date, p.measure, 'hannover') AS h,
         absolv_horizon(p.exit_date, 'frankfurt') AS h2,
         absolv_scope_reason(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status,
                             p.legal_sphere, p.cosach_status, p.goal, 'herford') AS reason,
         (SELECT count(*) FROM absolv_schedule(p.entry_date, p.exit_date, p.measure, 'cottbus_ies')) AS steps,
         (SELECT absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, DATE '2025-06-01',
                                absolv_rule_at('hostile', p.exit_date))
          FROM hostile_ev e WHERE e.pid = p.id) AS v
  FROM hostile p$$,
  'windows, horizons, reasons, schedules and verdicts over hostile rows run');
SELECT is((SELECT string_agg(format('%s:%s:%s', id, coalesce(reason, 'in scope'), coalesce((v).status, 'NULL')), ';' ORDER BY id) FROM hostile_detail),
          '1:in scope:fulfilled;2:invalid data:NULL;3:invalid data:NULL;4:invalid data:NULL;5:duration:NULL;6:in scope:NULL;7:legal sphere:NULL;8:measure:fulfilled;9:measure:fulfilled;10:legal sphere:fulfilled',
          'the hostile details: reasons, and verdicts by the rule version of the exit day (NULL outside it; the verdict does not test the scope)');
DELETE FROM absolv_rule_version WHERE name = 'hostile';

SELECT * FROM finish();
