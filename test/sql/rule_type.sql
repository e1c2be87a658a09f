-- The absolv_rule type: presets, canonical text, equality, custom rules,
-- parse errors with their SQLSTATE and position, and the catalogue of objects.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- the error of a statement as 'SQLSTATE: message | detail'
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  state text; msg text; detail text;
BEGIN
  EXECUTE statement;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT, detail = PG_EXCEPTION_DETAIL;
  RETURN state || ': ' || msg || coalesce(' | ' || nullif(detail, ''), '');
END $$;

SELECT plan(44);

-- presets
SELECT is((SELECT count(*)::int FROM absolv_presets()), 8, 'eight presets');
SELECT is((SELECT string_agg(name, ',' ORDER BY name) FROM absolv_presets()),
          'bremen,cottbus_ies,cottbus_iws,frankfurt,hannover,herford,herford_ies,herford_iws',
          'the preset names of the SQL contract');
SELECT ok((SELECT bool_and(rule::text::absolv_rule = rule) FROM absolv_presets()),
          'every preset: r::text::absolv_rule = r');
SELECT ok((SELECT bool_and(name::absolv_rule = rule) FROM absolv_presets()),
          'a preset name reads as the preset');
SELECT ok((SELECT bool_and(absolv_rule_name(rule) = name) FROM absolv_presets()),
          'absolv_rule_name gives the preset name');
SELECT ok((SELECT bool_and(source ~ '^Jobcenter [^,]+, .+') FROM absolv_presets()),
          'every preset names its job centre and directive');
SELECT is(' COTTBUS_IES '::absolv_rule, 'cottbus_ies'::absolv_rule, 'preset names ignore case and blanks');
SELECT isnt('cottbus_ies'::absolv_rule, 'cottbus_iws'::absolv_rule, 'different presets differ');
SELECT ok(('cottbus_ies'::absolv_rule)::text LIKE 'rule cottbus_ies "Jobcenter Cottbus%',
          'output is rule-language text');
SELECT ok(('cottbus_ies'::absolv_rule)::text ~ E'\n  require EINV in force at exit and \\(VV or SI\\)\n',
          'the canonical text states the requirement');

-- canonical text: spelling does not matter, meaning does
SELECT is($r$RULE x SCOPE Measure In (Umschulung, fbw_fortbildung, FBW) Window exit - 2 weeks .. exit Require vv OR si$r$::absolv_rule,
          $r$rule x scope measure in (FBW*) window exit - 2 weeks .. exit require VV or SI$r$::absolv_rule,
          'keyword case, aliases and families normalise');
SELECT isnt($r$rule x scope measure in (FBW*) window exit - 14 days .. exit require VV or SI$r$::absolv_rule,
            $r$rule x scope measure in (FBW*) window exit - 2 weeks .. exit require VV or SI$r$::absolv_rule,
            'units are kept as written');
SELECT is((SELECT count(DISTINCT r)::int FROM (VALUES ('bremen'::absolv_rule), ('BREMEN'), (' bremen'), ('frankfurt')) v(r)),
          2, 'DISTINCT uses equality of rules (hash opclass)');
SELECT is((SELECT string_agg(absolv_rule_name(r), ',' ORDER BY r) FROM (VALUES ('hannover'::absolv_rule), ('bremen'), ('frankfurt')) v(r)),
          'bremen,frankfurt,hannover', 'ORDER BY rule uses the btree opclass');

-- the custom rule of the issue: CONTACT within 30 days after the exit, FBW only, at least 60 days
CREATE TEMP TABLE custom AS SELECT $r$
rule fbw_contact_30 "FbW: Kontakt innerhalb von 30 Tagen nach Austritt"
  scope
    measure in (FBW*)
    duration at least 60 days
  window exit + 1 day .. exit + 30 days
  require CONTACT
$r$::absolv_rule AS rule;
SELECT is((SELECT absolv_rule_name(rule) FROM custom), 'fbw_contact_30', 'a custom rule is a value');
SELECT is((SELECT absolv_window('2025-03-31', rule) FROM custom), '[2025-04-01,2025-05-01)'::daterange,
          'custom rule: window exit+1 .. exit+30');
SELECT is((SELECT absolv_in_scope('Umschulung', '2025-01-30', '2025-03-30', 'SUCCESS', rule) FROM custom), true,
          'custom rule: 60 days of FbW are in scope');
SELECT is((SELECT absolv_in_scope('FBW', '2025-01-31', '2025-03-30', 'SUCCESS', rule) FROM custom), false,
          'custom rule: 59 days are not');
SELECT is((SELECT absolv_in_scope('MAT', '2024-01-31', '2025-03-30', 'SUCCESS', rule) FROM custom), false,
          'custom rule: MAT is not');
SELECT is((SELECT absolv_compliant('2025-01-01', '2025-03-31', 'FBW', e.kind, e.at, NULL, c.rule)
           FROM custom c, (VALUES ('CONTACT', '2025-04-30'::date)) e(kind, at)), true,
          'custom rule: contact on exit+30 fulfils');
SELECT is((SELECT absolv_compliant('2025-01-01', '2025-03-31', 'FBW', e.kind, e.at, NULL, c.rule)
           FROM custom c, (VALUES ('CONTACT', '2025-05-01'::date)) e(kind, at)), false,
          'custom rule: contact on exit+31 does not');
CREATE TEMP TABLE rule_store (id int PRIMARY KEY, rule absolv_rule NOT NULL);
INSERT INTO rule_store SELECT 1, rule FROM custom UNION ALL SELECT 2, 'hannover';
SELECT is((SELECT count(*)::int FROM rule_store r JOIN absolv_presets() p ON p.rule = r.rule), 1,
          'rules stored in a table join on equality');

-- parse errors: SQLSTATE 22P02, position, what was found and what was expected
SELECT is(pg_temp.error_of($$SELECT 'cottbus'::absolv_rule$$),
          '22P02: unknown absolv_rule preset "cottbus"', 'an unknown preset name');
SELECT matches(pg_temp.error_of($$SELECT 'rule x scope measure in (FBW, XYZ) window exit .. exit require VV'::absolv_rule$$),
               '^22P02: invalid input syntax for type absolv_rule: .* \| At character 31, at or near "XYZ": unknown measure',
               'an unknown measure: position and token');
SELECT matches(pg_temp.error_of($$SELECT 'rule x scope measure in (MAT) window exit .. exit require (VV or SI'::absolv_rule$$),
               '^22P02: .* \| At character 68: expected "\)"',
               'unbalanced parentheses: the end of the text');
SELECT matches(pg_temp.error_of($$SELECT 'rule x scope measure in (MAT) window exit .. exit require VV & SI'::absolv_rule$$),
               '^22P02: .* \| At character 62, at or near "&": unexpected character', 'an unexpected character');
SELECT matches(pg_temp.error_of($$SELECT ''::absolv_rule$$), '^22P02: .*empty', 'an empty rule');
SELECT matches(pg_temp.error_of($$SELECT 'rule x scope measure in (MAT) outcome in (WON) window exit .. exit require VV'::absolv_rule$$),
               '^22P02: .*"WON": unknown outcome: expected SUCCESS, GOAL_EARLY, PREMATURE', 'an unknown outcome in a rule');
SELECT matches(pg_temp.error_of($$SELECT ('rule x scope measure in (MAT) window exit .. exit require ' || repeat('(', 9) || 'VV' || repeat(')', 9))::absolv_rule$$),
               '^54000: .*nest', 'nesting deeper than the limit: 54000');
SELECT matches(pg_temp.error_of($$SELECT ('rule x scope measure in (MAT) window exit .. exit require VV' || repeat(' ', 20000))::absolv_rule$$),
               '^54000: .*at most 16384', 'a rule text over the size limit: 54000');
SELECT matches(pg_temp.error_of($$SELECT 'rule x scope measure in (MAT) window exit .. exit require CONTACT after MISSED within 10 working days of XX'::absolv_rule$$),
               '^22P02: .*"XX": unknown calendar', 'an unknown Land');

-- the two-argument window of a rule with several windows
SELECT matches(pg_temp.error_of($$SELECT absolv_window('2025-03-31', 'hannover')$$),
               '^22023: rule "hannover" has no single window', 'hannover has no single window');
SELECT matches(pg_temp.error_of($$SELECT absolv_window('2025-03-31', 'herford')$$),
               '^22023: rule "herford" has no single window', 'herford has no single window');
SELECT is(absolv_horizon('2025-03-31', 'hannover'), '[2024-12-31,2025-04-15)'::daterange,
          'the two-argument horizon of hannover is the hull of its variants');

-- codes: unknown outcome or status codes fail loudly, unknown measures do not
SELECT matches(pg_temp.error_of($$SELECT absolv_in_scope('FBW', '2025-01-01', '2025-06-30', 'WON', 'cottbus_ies')$$),
               '^22023: unknown outcome code "WON"', 'an unknown outcome code is an error');
SELECT is(absolv_in_scope('GSB', '2025-01-01', '2025-06-30', 'SUCCESS', 'cottbus_ies'), false,
          'an unknown measure is out of scope');

-- binary form: a version byte, then the canonical text
SELECT is(substr(absolv_rule_send('bremen'), 1, 1), '\x01'::bytea, 'send starts with format version 1');
SELECT is(convert_from(substr(absolv_rule_send('bremen'), 2), 'UTF8'), ('bremen'::absolv_rule)::text,
          'send carries the canonical text');

-- calendar helpers
SELECT is(absolv_add_working_days('2025-04-16', 10, 'HE'), '2025-05-05'::date,
          '10 working days in Hessen after 16 April 2025 (Easter, 1 May)');
SELECT is(absolv_add_working_days('2025-06-16', 10, 'Hessen'), '2025-07-01'::date,
          'across Corpus Christi in Hessen');
SELECT is(absolv_add_working_days('2025-06-16', 10, 'NI'), '2025-06-30'::date,
          'Niedersachsen has no Corpus Christi');
SELECT is(absolv_holiday('2025-06-19', 'HE'), 'Fronleichnam', 'Corpus Christi is a Hessen holiday');
SELECT is(absolv_holiday('2025-06-19', 'NI'), NULL, 'but not in Niedersachsen');
SELECT matches(pg_temp.error_of($$SELECT absolv_holiday('2025-06-19', 'XX')$$), '^22023: .*XX', 'an unknown Land is an error');

SELECT * FROM finish();
