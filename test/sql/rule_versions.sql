-- Rules that change over time (issue 3): versions of a named rule with
-- validity periods in absolv_rule_version, absolv_rule_at resolving the
-- version in force on a day, the overlap trigger, verdicts and quotas that
-- judge each exit by its version (with the version's fingerprint), and the
-- catalogue view of the presets.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';

SELECT plan(39);

-- the version of cottbus_ies in force until 2024: the preset with a window of 61 days
CREATE TEMP TABLE old_rule AS
SELECT replace(('cottbus_ies'::absolv_rule)::text, 'window exit - 90 days .. exit',
               'window exit - 60 days .. exit')::absolv_rule AS rule;
SELECT isnt((SELECT rule FROM old_rule), 'cottbus_ies'::absolv_rule, 'the 2024 version differs from the preset');
SELECT is((SELECT absolv_window('2024-12-31', rule) FROM old_rule), '[2024-11-01,2025-01-01)'::daterange,
          'the 2024 version: window exit - 60 .. exit');

SELECT lives_ok($$
  INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule, note)
  SELECT 'cottbus_ies', '2024-01-01', '2024-12-31', rule, 'Geschäftsanweisung 2024' FROM old_rule;
  INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule, note)
  VALUES ('cottbus_ies', '2025-01-01', NULL, 'cottbus_ies', 'Geschäftsanweisung 2025')$$,
  'two versions of cottbus_ies, one after the other');

-- resolving a version
SELECT is(absolv_rule_at('cottbus_ies', '2024-12-31'), (SELECT rule FROM old_rule),
          'on 2024-12-31 the 2024 version is in force');
SELECT is(absolv_rule_at('cottbus_ies', '2025-01-01'), 'cottbus_ies'::absolv_rule,
          'on 2025-01-01 the 2025 version (the preset) is in force');
SELECT is(absolv_rule_at('cottbus_ies', '2024-01-01'), (SELECT rule FROM old_rule),
          'valid_from is the first day of a period');
SELECT is(absolv_rule_at('cottbus_ies', '2099-12-31'), 'cottbus_ies'::absolv_rule,
          'valid_to NULL: open-ended');
SELECT is(absolv_rule_at('cottbus_ies', '2023-12-31'), NULL,
          'before the first period: NULL, no error');
SELECT is(absolv_rule_at('hannover', '2025-01-01'), NULL, 'a name without versions: NULL');
SELECT is(absolv_rule_at(NULL, '2025-01-01'), NULL, 'absolv_rule_at is strict (name)');
SELECT is(absolv_rule_at('cottbus_ies', NULL), NULL, 'absolv_rule_at is strict (day)');

-- each exit judged by the version in force on its exit day:
-- A exits 2024-12-31 (2024 version: window 2024-11-01 .. 2024-12-31),
-- B exits 2025-01-01 (preset: window 2024-10-03 .. 2025-01-01);
-- both have an EinV 70 and a VV 10 days before their exit
CREATE TEMP TABLE participation (id text PRIMARY KEY, entry_date date, exit_date date, measure text);
CREATE TEMP TABLE evidence (id text, kind text, at date, valid_until date);
INSERT INTO participation VALUES ('A', '2024-06-01', '2024-12-31', 'FBW'), ('B', '2024-06-02', '2025-01-01', 'FBW'),
                                 ('C', '2023-06-01', '2023-12-29', 'FBW');
INSERT INTO evidence VALUES ('A', 'EINV', '2024-10-22', NULL), ('A', 'VV', '2024-12-21', NULL),
                            ('B', 'EINV', '2024-10-23', NULL), ('B', 'VV', '2024-12-22', NULL),
                            ('C', 'EINV', '2023-12-01', NULL), ('C', 'VV', '2023-12-01', NULL);
SELECT results_eq(
  $$SELECT p.id, (v).status, (v).rule_name, (v).rule_fingerprint, (v).window_from, (v).missing
    FROM (SELECT p.id,
                 absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, '2025-03-01',
                                absolv_rule_at('cottbus_ies', p.exit_date)) AS v
          FROM participation p LEFT JOIN evidence e ON e.id = p.id
          WHERE p.id IN ('A', 'B')
          GROUP BY p.id) AS p
    ORDER BY p.id$$,
  $$VALUES ('A', 'missed', 'cottbus_ies', (SELECT md5(rule::text) FROM old_rule), '2024-11-01'::date, '{"EINV in force at exit"}'::text[]),
           ('B', 'fulfilled', 'cottbus_ies', md5(('cottbus_ies'::absolv_rule)::text), '2024-10-03', NULL)$$,
  'verdicts: the exit on 2024-12-31 is judged by the 2024 version, the exit on 2025-01-01 by the preset, each with its fingerprint');
SELECT results_eq(
  $$SELECT p.id, absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                                  absolv_rule_at('cottbus_ies', p.exit_date))
    FROM participation p LEFT JOIN evidence e ON e.id = p.id
    WHERE p.id IN ('A', 'B')
    GROUP BY p.id ORDER BY p.id$$,
  $$VALUES ('A', false), ('B', true)$$,
  'quota: the EinV 70 days before the exit counts in 2025, not in 2024');
SELECT is((SELECT absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, '2025-03-01',
                                 absolv_rule_at('cottbus_ies', p.exit_date))
           FROM participation p LEFT JOIN evidence e ON e.id = p.id
           WHERE p.id = 'C'), NULL,
          'an exit before every period: no version, a NULL verdict, no error');
SELECT is((SELECT absolv_in_scope(p.measure, p.entry_date, p.exit_date, NULL, absolv_rule_at('cottbus_ies', p.exit_date))
           FROM participation p WHERE p.id = 'C'), NULL,
          'an exit before every period: NULL scope, no error');

-- the overlap trigger: SQLSTATE 23P01, naming both periods
SELECT throws_ok($$INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule)
                   VALUES ('cottbus_ies', '2024-06-01', '2024-06-30', 'cottbus_ies')$$,
                 '23P01', 'rule version "cottbus_ies" from 2024-06-01 to 2024-06-30 overlaps the version from 2024-01-01 to 2024-12-31',
                 'a period inside another version: 23P01');
SELECT throws_ok($$INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule)
                   VALUES ('cottbus_ies', '2023-01-01', '2024-01-01', 'cottbus_ies')$$,
                 '23P01', 'rule version "cottbus_ies" from 2023-01-01 to 2024-01-01 overlaps the version from 2024-01-01 to 2024-12-31',
                 'a period that ends on the first day of another: 23P01');
SELECT throws_ok($$INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule)
                   VALUES ('cottbus_ies', '2026-01-01', NULL, 'cottbus_ies')$$,
                 '23P01', 'rule version "cottbus_ies" from 2026-01-01 to open end overlaps the version from 2025-01-01 to open end',
                 'an open-ended period after an open-ended one: 23P01');
SELECT throws_ok($$UPDATE absolv_rule_version SET valid_to = '2025-01-01'
                   WHERE name = 'cottbus_ies' AND valid_from = '2024-01-01'$$,
                 '23P01', 'rule version "cottbus_ies" from 2024-01-01 to 2025-01-01 overlaps the version from 2025-01-01 to open end',
                 'an update that makes two periods overlap: 23P01');
SELECT lives_ok($$UPDATE absolv_rule_version SET note = 'Geschäftsanweisung 2024, Fassung 2'
                  WHERE name = 'cottbus_ies' AND valid_from = '2024-01-01'$$,
                'an update of a version does not overlap with the version itself');
SELECT throws_ok($$INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule)
                   VALUES ('bremen_v', '2025-01-01', '2025-06-30', 'bremen'),
                          ('bremen_v', '2025-06-30', NULL, 'bremen')$$,
                 '23P01', 'rule version "bremen_v" from 2025-06-30 to open end overlaps the version from 2025-01-01 to 2025-06-30',
                 'two overlapping versions in one statement: 23P01');
SELECT lives_ok($$INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule)
                  VALUES ('bremen_v', '2024-01-01', NULL, 'bremen')$$,
                'another name may have a period that overlaps');
SELECT throws_ok($$INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule)
                   VALUES ('x', '2025-01-02', '2025-01-01', 'bremen')$$,
                 '23514', NULL, 'valid_to before valid_from violates the check constraint');
SELECT lives_ok($$UPDATE absolv_rule_version SET valid_to = '2025-12-31'
                  WHERE name = 'cottbus_ies' AND valid_from = '2025-01-01';
                  INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule)
                  VALUES ('cottbus_ies', '2026-01-01', NULL, 'cottbus_iws')$$,
                'closing the open period and starting the next version');
SELECT is(absolv_rule_name(absolv_rule_at('cottbus_ies', '2026-01-01')), 'cottbus_iws',
          'the version from 2026 is in force on 2026-01-01');
SELECT is(absolv_rule_at('cottbus_ies', '2025-12-31'), 'cottbus_ies'::absolv_rule,
          'the 2025 version is still in force on 2025-12-31');

-- the objects: privileges, dump, definitions
SELECT ok(EXISTS (SELECT 1 FROM pg_class c, aclexplode(c.relacl) a
                  WHERE c.oid = 'absolv_rule_version'::regclass AND a.grantee = 0 AND a.privilege_type = 'SELECT'),
          'PUBLIC may read absolv_rule_version');
SELECT ok(NOT EXISTS (SELECT 1 FROM pg_class c, aclexplode(c.relacl) a
                      WHERE c.oid = 'absolv_rule_version'::regclass AND a.grantee = 0 AND a.privilege_type <> 'SELECT'),
          'PUBLIC may not write absolv_rule_version');
SELECT ok((SELECT 'absolv_rule_version'::regclass = ANY (extconfig) FROM pg_extension WHERE extname = 'absolv'),
          'absolv_rule_version is a configuration table: pg_dump dumps its rows');
SELECT is((SELECT row(prosecdef, proconfig)::text FROM pg_proc WHERE oid = 'absolv_rule_version_check()'::regprocedure),
          row(false, '{"search_path=pg_catalog, pg_temp"}'::text[])::text,
          'the trigger function is not SECURITY DEFINER and has a fixed search_path');
SELECT is((SELECT row(provolatile, proisstrict, proparallel)::text FROM pg_proc
           WHERE oid = 'absolv_rule_at(text, date)'::regprocedure),
          row('s', true, 's')::text, 'absolv_rule_at is STABLE, STRICT and PARALLEL SAFE');

-- the catalogue view
SELECT is((SELECT count(*)::int FROM absolv_catalogue), 8, 'the catalogue lists the 8 presets');
SELECT results_eq(
  $$SELECT name, split_part(source, ',', 1) FROM absolv_catalogue ORDER BY name COLLATE "C"$$,
  $$VALUES ('bremen', 'Jobcenter Bremen'), ('cottbus_ies', 'Jobcenter Cottbus'),
           ('cottbus_iws', 'Jobcenter Cottbus'), ('frankfurt', 'Jobcenter Frankfurt am Main'),
           ('hannover', 'Jobcenter Region Hannover'), ('herford', 'Jobcenter Herford'),
           ('herford_ies', 'Jobcenter Herford'), ('herford_iws', 'Jobcenter Herford')$$,
  'each preset names the job centre of its directive (docs/job-centres/)');
SELECT is((SELECT count(*)::int FROM absolv_catalogue c
           WHERE c.description IS NULL OR c.rule_text::absolv_rule <> c.name::absolv_rule
              OR c.rule_text <> (c.name::absolv_rule)::text OR c.source !~ '^Jobcenter [^,]+, .+'),
          0, 'each preset has a description, the title of its directive and its canonical rule text');
SELECT is((SELECT string_agg(attname || ' ' || format_type(atttypid, atttypmod), ', ' ORDER BY attnum)
           FROM pg_attribute WHERE attrelid = 'absolv_catalogue'::regclass AND attnum > 0),
          'name text, description text, source text, rule_text text', 'the catalogue has plain text columns');
SELECT ok(EXISTS (SELECT 1 FROM pg_class c, aclexplode(c.relacl) a
                  WHERE c.oid = 'absolv_catalogue'::regclass AND a.grantee = 0 AND a.privilege_type = 'SELECT'),
          'PUBLIC may read the catalogue');

-- every object of the extension is documented
SELECT is((SELECT string_agg(pg_describe_object(d.classid, d.objid, 0), ', ' ORDER BY 1)
           FROM pg_depend d
           WHERE d.refclassid = 'pg_extension'::regclass
             AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv')
             AND d.deptype = 'e'
             AND NOT EXISTS (SELECT 1 FROM pg_description x
                             WHERE x.classoid = d.classid AND x.objoid = d.objid AND x.objsubid = 0)),
          NULL, 'every object of the extension has a comment');
SELECT is((SELECT string_agg(a.attname, ', ' ORDER BY a.attnum)
           FROM pg_attribute a
           WHERE a.attrelid IN ('absolv_verdict_result'::regclass, 'absolv_rule_version'::regclass)
             AND a.attnum > 0 AND col_description(a.attrelid, a.attnum) IS NULL),
          NULL, 'every column of the verdict type and the version table has a comment');
SELECT is((SELECT obj_description(oid, 'pg_trigger') FROM pg_trigger WHERE tgname = 'absolv_rule_version_check'),
          'no two versions of one name are in force on the same day', 'the trigger has a comment');

SELECT * FROM finish();
