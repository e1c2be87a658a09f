-- Security (issue 4, item 6): trusted install by a database owner without
-- superuser, row-level security is never bypassed, no SECURITY DEFINER, no
-- LEAKPROOF, search_path attacks do not reach absolv's SQL-language
-- functions or its install scripts, and volatility and parallel safety
-- are as documented.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- ===================================================================
-- (c) trusted install, in a database of its own.  This part runs before
-- the TAP plan: \c opens a new session, which would lose pgTAP's state.
-- Its results are kept in psql variables (\gset) and tested below.
-- ===================================================================

SELECT current_database() AS regress_db \gset
DROP DATABASE IF EXISTS regress_absolv_trusted;
DROP ROLE IF EXISTS regress_absolv_dbowner;
DROP ROLE IF EXISTS regress_absolv_stranger;
CREATE ROLE regress_absolv_dbowner LOGIN;          -- no SUPERUSER, no CREATEDB, no CREATEROLE
CREATE ROLE regress_absolv_stranger LOGIN;
CREATE DATABASE regress_absolv_trusted OWNER regress_absolv_dbowner;
\c regress_absolv_trusted
SET client_min_messages = warning;
CREATE TEMP TABLE trusted (k text PRIMARY KEY, v text);
GRANT ALL ON trusted TO PUBLIC;
-- a role that does not own the database cannot install absolv
SET ROLE regress_absolv_stranger;
DO $$
BEGIN
  CREATE EXTENSION absolv;
  INSERT INTO trusted VALUES ('stranger', 'installed');
EXCEPTION WHEN OTHERS THEN
  INSERT INTO trusted VALUES ('stranger', SQLSTATE || ': ' || SQLERRM);
END $$;
-- the owner of the database can, without superuser; temporary objects
-- named like the types and the table of the install script do not
-- capture it (CREATE EXTENSION searches pg_temp last)
SET ROLE regress_absolv_dbowner;
CREATE DOMAIN pg_temp.trigger AS integer;
CREATE DOMAIN pg_temp.date AS integer;
CREATE DOMAIN pg_temp.text AS integer;
CREATE TABLE pg_temp.absolv_rule_version (x integer);
DO $$
BEGIN
  CREATE EXTENSION absolv;
  INSERT INTO trusted VALUES ('owner', 'installed');
EXCEPTION WHEN OTHERS THEN
  INSERT INTO trusted VALUES ('owner', SQLSTATE || ': ' || SQLERRM);
END $$;
INSERT INTO trusted
SELECT 'captured', (SELECT coalesce(string_agg(DISTINCT n.nspname, ','), 'none')
                    FROM pg_depend d
                    JOIN pg_proc p ON p.oid = d.objid
                    JOIN pg_type t ON t.oid = ANY (p.prorettype || p.proargtypes::oid[])
                    JOIN pg_namespace n ON n.oid = t.typnamespace
                    WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_proc'::regclass
                      AND d.deptype = 'e' AND n.nspname LIKE 'pg_temp%'
                      AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv'))
UNION ALL
SELECT 'table', (SELECT string_agg(c.relnamespace::regnamespace::pg_catalog.text, ',') FROM pg_class c
                 WHERE c.relname = 'absolv_rule_version' AND c.relkind = 'r' AND c.relpersistence = 'p');
DROP TABLE pg_temp.absolv_rule_version;
DROP DOMAIN pg_temp.trigger;
DROP DOMAIN pg_temp.date;
DROP DOMAIN pg_temp.text;
INSERT INTO trusted
SELECT 'superuser', (SELECT rolsuper::text FROM pg_roles WHERE rolname = current_user)
UNION ALL
SELECT 'extowner', (SELECT extowner::regrole::text FROM pg_extension WHERE extname = 'absolv')
UNION ALL
-- the objects themselves belong to the bootstrap superuser (trusted install)
SELECT 'objowners', (SELECT string_agg(DISTINCT pg_get_userbyid(p.proowner), ',')
                     FROM pg_depend d JOIN pg_proc p ON p.oid = d.objid
                     WHERE d.refclassid = 'pg_extension'::regclass AND d.classid = 'pg_proc'::regclass
                       AND d.deptype = 'e'
                       AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv'))
UNION ALL
SELECT 'works', absolv_rule_name('cottbus_ies') || ',' || absolv_in_scope('MAT', '2024-09-01', '2025-03-31', NULL, 'cottbus_ies')::text;
-- the owner of the extension maintains the rule versions
DO $$
BEGIN
  INSERT INTO absolv_rule_version (name, valid_from, rule) VALUES ('cottbus', '2025-01-01', 'cottbus_iws');
  INSERT INTO trusted SELECT 'versions', absolv_rule_name(absolv_rule_at('cottbus', '2025-06-30'));
EXCEPTION WHEN OTHERS THEN
  INSERT INTO trusted VALUES ('versions', SQLSTATE || ': ' || SQLERRM);
END $$;
-- another role may read them (SELECT to PUBLIC) but not change them
SET ROLE regress_absolv_stranger;
INSERT INTO trusted SELECT 'stranger reads', count(*)::text FROM absolv_rule_version;
DO $$
BEGIN
  INSERT INTO absolv_rule_version (name, valid_from, rule) VALUES ('cottbus', '2020-01-01', 'bremen');
  INSERT INTO trusted VALUES ('stranger writes', 'inserted');
EXCEPTION WHEN OTHERS THEN
  INSERT INTO trusted VALUES ('stranger writes', SQLSTATE || ': ' || SQLERRM);
END $$;
-- and the owner can drop it again
SET ROLE regress_absolv_dbowner;
DO $$
BEGIN
  DROP EXTENSION absolv;
  INSERT INTO trusted VALUES ('drop', 'dropped');
EXCEPTION WHEN OTHERS THEN
  INSERT INTO trusted VALUES ('drop', SQLSTATE || ': ' || SQLERRM);
END $$;
RESET ROLE;
SELECT coalesce(string_agg(k || '=' || coalesce(v, 'NULL'), '; ' ORDER BY k), 'nothing') AS trusted_result FROM trusted \gset
\c :regress_db
SET client_min_messages = warning;
DROP DATABASE regress_absolv_trusted;
DROP ROLE regress_absolv_dbowner;
DROP ROLE regress_absolv_stranger;

SELECT plan(36);

SELECT is(:'trusted_result'::text,
          'captured=none; drop=dropped; extowner=regress_absolv_dbowner; objowners=' || (SELECT rolname FROM pg_roles WHERE oid = 10)
          || '; owner=installed; stranger=42501: permission denied to create extension "absolv"'
          || '; stranger reads=1; stranger writes=42501: permission denied for table absolv_rule_version'
          || '; superuser=false; table=public; versions=cottbus_iws; works=cottbus_ies,true',
          'trusted: the database owner installs, uses, maintains and drops absolv without superuser; others cannot');
SELECT is((SELECT string_agg(format('%s trusted=%s superuser=%s relocatable=%s', version, trusted::text, superuser::text, relocatable::text), '; ' ORDER BY version)
           FROM pg_available_extension_versions WHERE name = 'absolv'),
          (SELECT string_agg(format('%s trusted=true superuser=true relocatable=false', version), '; ' ORDER BY version)
           FROM pg_available_extension_versions WHERE name = 'absolv'),
          'trusted: every available version is trusted = true (superuser = true is required for the trust to apply)');

-- ===================================================================
-- the functions of the extension: none SECURITY DEFINER, none LEAKPROOF,
-- volatility and parallel safety as documented (reference.md: every
-- function IMMUTABLE and PARALLEL SAFE, except absolv_rule_at, STABLE, and
-- the trigger function absolv_rule_version_check)
-- ===================================================================

CREATE TEMP VIEW ext_functions AS
SELECT p.oid, p.oid::regprocedure::text AS signature, p.proname, p.prokind, p.provolatile,
       p.proparallel, p.prosecdef, p.proleakproof, p.proconfig, p.prosrc, l.lanname
FROM pg_depend d
JOIN pg_proc p ON p.oid = d.objid
JOIN pg_language l ON l.oid = p.prolang
WHERE d.classid = 'pg_proc'::regclass AND d.refclassid = 'pg_extension'::regclass AND d.deptype = 'e'
  AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv');

SELECT cmp_ok((SELECT count(*)::int FROM ext_functions), '>=', 40, 'the extension has its functions (at least 40)');
SELECT is((SELECT string_agg(signature, ', ') FROM ext_functions WHERE prosecdef), NULL,
          'no function of the extension is SECURITY DEFINER');
SELECT is((SELECT string_agg(signature, ', ') FROM ext_functions WHERE proleakproof), NULL,
          'no function of the extension is LEAKPROOF (they raise errors naming values), so RLS quals run first');
SELECT is((SELECT string_agg(signature, ', ' ORDER BY signature) FROM ext_functions WHERE proparallel <> 's'),
          'absolv_rule_version_check()',
          'every function is PARALLEL SAFE except the trigger function');
SELECT is((SELECT string_agg(signature || '=' || provolatile::text, ', ' ORDER BY signature) FROM ext_functions WHERE provolatile <> 'i'),
          'absolv_rule_at(text,date)=s, absolv_rule_version_check()=v',
          'every function is IMMUTABLE except absolv_rule_at (STABLE) and the trigger function');
SELECT ok((SELECT array_agg(signature) FROM ext_functions WHERE prokind = 'a')
           @> ARRAY['absolv_compliant(date,date,text,text,date,date,absolv_rule)',
                    'absolv_verdict(date,date,text,text,date,date,date,absolv_rule)'],
          'absolv_compliant and absolv_verdict are aggregates of the extension');
SELECT is((SELECT string_agg(a.aggfnoid::regprocedure::text, ', ' ORDER BY a.aggfnoid::regprocedure::text)
           FROM pg_aggregate a JOIN ext_functions f ON f.oid = a.aggfnoid
           WHERE a.aggcombinefn = 0
              OR (a.aggtranstype = 'pg_catalog.internal'::pg_catalog.regtype
                  AND (a.aggserialfn = 0 OR a.aggdeserialfn = 0))), NULL,
          'every aggregate has a combine function, and serial and deserial functions if its state is internal (parallel aggregation)');
SELECT is((SELECT string_agg(signature || ':' || lanname, ', ' ORDER BY signature) FROM ext_functions WHERE lanname NOT IN ('c', 'internal')),
          'absolv_rule_at(text,date):sql, absolv_rule_version_check():plpgsql',
          'the functions written in SQL or PL/pgSQL (checked below for search_path safety)');

-- ===================================================================
-- (b) search_path safety of the functions written in SQL or PL/pgSQL:
-- either a pinned search_path that ends with pg_temp, or a body whose every
-- operator, cast, function and relation is schema-qualified
-- ===================================================================

-- a body's unqualified references: casts, operators, function calls and
-- relations (string literals and OPERATOR(schema.op) removed first)
CREATE FUNCTION pg_temp.unqualified(body text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  b text := regexp_replace(body, '''([^'']|'''')*''', '''''', 'g');      -- string literals
  found text[] := '{}';
  m text[];
BEGIN
  b := regexp_replace(b, '--[^\n]*', '', 'g');                            -- comments
  b := regexp_replace(b, 'OPERATOR\(\s*[a-z_]+\.[^)]+\)', ' ', 'gi');       -- OPERATOR(schema.op)
  b := regexp_replace(b, '\$[0-9]+', ' ', 'g');                             -- parameters
  FOR m IN SELECT regexp_matches(b, '::\s*("?[a-z_][a-z_0-9]*"?)(\s*\.\s*"?[a-z_][a-z_0-9]*"?)?', 'gi') LOOP
    IF m[2] IS NULL THEN found := found || ('cast to ' || m[1]); END IF;
  END LOOP;
  FOR m IN SELECT regexp_matches(b, '([-+*/<>=~!@#%^&|`?]+)', 'g') LOOP
    IF m[1] <> '::' THEN found := found || ('operator ' || m[1]); END IF;
  END LOOP;
  FOR m IN SELECT regexp_matches(b, '(^|[^.a-z_0-9"])([a-z_][a-z_0-9]*)\s*\(', 'gi') LOOP
    IF lower(m[2]) NOT IN ('coalesce', 'nullif', 'greatest', 'least', 'exists', 'in', 'values', 'select', 'any', 'all', 'row', 'array')
    THEN found := found || ('function ' || m[2]); END IF;
  END LOOP;
  FOR m IN SELECT regexp_matches(b, '\m(from|join|into|update|table)\s+("?[a-z_][a-z_0-9]*"?)(\s*\.)?', 'gi') LOOP
    IF m[3] IS NULL THEN found := found || ('relation ' || m[2]); END IF;
  END LOOP;
  RETURN array_to_string(found, ', ');
END $$;

-- the checker finds what it should: a naive body
SELECT is(pg_temp.unqualified($b$SELECT v.rule FROM absolv_rule_version v WHERE v.name = $1 AND $2 <= coalesce(v.valid_to, 'infinity'::date) AND lower(v.name) = 'x'$b$),
          'cast to date, operator =, operator <=, operator =, function lower, relation absolv_rule_version',
          'the search_path lint finds unqualified casts, operators, functions and relations');
SELECT is((SELECT string_agg(signature || ': ' || pg_temp.unqualified(prosrc), '; ' ORDER BY signature)
           FROM ext_functions
           WHERE lanname IN ('sql', 'plpgsql')
             AND NOT coalesce(array_to_string(proconfig, ' ') ~ 'search_path=.*pg_temp$', false)
             AND pg_temp.unqualified(prosrc) <> ''), NULL,
          'every SQL or PL/pgSQL function either pins search_path (ending with pg_temp) or qualifies every reference');
SELECT is((SELECT string_agg(signature || ' ' || array_to_string(proconfig, ' '), '; ' ORDER BY signature)
           FROM ext_functions
           WHERE lanname IN ('sql', 'plpgsql') AND array_to_string(proconfig, ' ') ~ 'search_path'),
          'absolv_rule_version_check() search_path=pg_catalog, pg_temp',
          'the trigger function pins search_path to pg_catalog, pg_temp');

-- the install and update scripts: no CREATE OR REPLACE, no SECURITY
-- DEFINER, every object created in @extschema@, every type qualified
CREATE TEMP TABLE scripts AS
SELECT f AS file, pg_read_file(s.dir || '/extension/' || f) AS body
FROM (SELECT setting AS dir FROM pg_config WHERE name = 'SHAREDIR') s,
     pg_ls_dir((SELECT setting FROM pg_config WHERE name = 'SHAREDIR') || '/extension') AS f
WHERE f ~ '^absolv--.*\.sql$';
-- the statements only: comments, dollar-quoted bodies and string literals
-- removed
ALTER TABLE scripts ADD COLUMN clean text;
UPDATE scripts SET clean = regexp_replace(regexp_replace(regexp_replace(body, '--[^\n]*', '', 'g'),
                                                         '\$\$.*?\$\$', '$$$$', 'g'),
                                          '''([^'']|'''')*''', '''''', 'g');
SELECT cmp_ok((SELECT count(*)::int FROM scripts), '>=', 1, 'the installed scripts absolv--*.sql are read');
SELECT is((SELECT string_agg(file, ', ') FROM scripts WHERE clean ~* 'create\s+or\s+replace'), NULL,
          'no script uses CREATE OR REPLACE (it could take over an object the extension does not own)');
SELECT is((SELECT string_agg(file, ', ') FROM scripts WHERE clean ~* 'security\s+definer'), NULL,
          'no script declares SECURITY DEFINER');
-- (a cast has no name of its own: its source and target are qualified)
SELECT is((SELECT string_agg(DISTINCT file || ': ' || x.name, ', ')
           FROM scripts,
                LATERAL (SELECT m[1] FROM regexp_matches(clean,
                           '\mCREATE\s+(?:TYPE|FUNCTION|AGGREGATE|OPERATOR(?!\s+CLASS|\s+FAMILY)|TABLE|VIEW|DOMAIN|SEQUENCE|INDEX\s+\w+\s+ON|OPERATOR\s+CLASS)\s+(?!@extschema@\.)(\S+)', 'gi') AS m
                         UNION ALL
                         SELECT c FROM regexp_matches(clean, '\mCREATE\s+CAST\s*\(\s*(\S+)\s+AS\s+([^)\s]+)', 'gi') AS m,
                                       unnest(m) AS c
                         WHERE c !~ '^(pg_catalog|@extschema@)\.') AS x(name)),
          NULL, 'every object is created as @extschema@.name');
-- types in signatures, results and casts: pg_catalog.date, not date,
-- pg_catalog.trigger, not trigger
SELECT is((SELECT string_agg(DISTINCT file || ': ' || m[1], ', ')
           FROM scripts,
                (VALUES ('date|text|bool|boolean|int4|int8|integer|bigint|bytea|internal|cstring|daterange|oid|record|void|trigger')) AS t(types),
                LATERAL (SELECT regexp_matches(clean, '\mRETURNS\s+(?:SETOF\s+)?(' || types || ')\M(?!\s*\.)', 'gi')
                         UNION ALL
                         SELECT regexp_matches(clean, '::\s*(' || types || ')\M(?!\s*\.)', 'gi')
                         UNION ALL
                         SELECT regexp_matches(clean, '(?:\(|,)\s*(?:[a-z_]+\s+)?(' || types || ')\s*(?:\[\])?\s*(?=[,)])', 'gi')) AS x(m)),
          NULL, 'types in signatures, results and casts are schema-qualified (pg_catalog.date, not date)');

-- ===================================================================
-- (b) search_path attack: an attacker schema first in search_path, ahead of
-- pg_catalog, with operators, casts and functions of the names absolv's
-- SQL-language functions and trigger use
-- ===================================================================

DROP SCHEMA IF EXISTS regress_attacker CASCADE;
CREATE SCHEMA regress_attacker;
CREATE TABLE regress_attacker.calls (what text);
GRANT ALL ON regress_attacker.calls TO PUBLIC;
CREATE FUNCTION regress_attacker.evil_text_eq(text, text) RETURNS boolean
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO regress_attacker.calls VALUES ('text = text'); RETURN true; END $$;
CREATE OPERATOR regress_attacker.= (LEFTARG = text, RIGHTARG = text, FUNCTION = regress_attacker.evil_text_eq);
CREATE FUNCTION regress_attacker.evil_date_le(date, date) RETURNS boolean
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO regress_attacker.calls VALUES ('date <= date'); RETURN true; END $$;
CREATE OPERATOR regress_attacker.<= (LEFTARG = date, RIGHTARG = date, FUNCTION = regress_attacker.evil_date_le);
CREATE FUNCTION regress_attacker.hashtext(text) RETURNS integer
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO regress_attacker.calls VALUES ('hashtext'); RETURN 0; END $$;
CREATE FUNCTION regress_attacker.pg_advisory_xact_lock(integer, integer) RETURNS void
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO regress_attacker.calls VALUES ('pg_advisory_xact_lock'); END $$;
CREATE FUNCTION regress_attacker.md5(text) RETURNS text
LANGUAGE plpgsql AS $$ BEGIN INSERT INTO regress_attacker.calls VALUES ('md5'); RETURN 'pwned'; END $$;
-- a type "date" of the attacker's
CREATE DOMAIN regress_attacker.date AS pg_catalog.text;
-- a table of the same name as absolv's
CREATE TABLE regress_attacker.absolv_rule_version (name text, valid_from pg_catalog.date, valid_to pg_catalog.date,
                                                  rule absolv_rule, note text);
INSERT INTO regress_attacker.absolv_rule_version VALUES ('regress_sp', '1900-01-01', NULL, 'hannover', 'attacker');

INSERT INTO absolv_rule_version (name, valid_from, valid_to, rule) VALUES
  ('regress_sp', '2020-01-01', '2024-12-31', 'cottbus_ies'),
  ('regress_sp', '2025-01-01', NULL, 'cottbus_iws');

-- a function written without qualification, as a control: the attack
-- works on it
CREATE FUNCTION pg_temp.naive_rule_at(n text, d pg_catalog.date) RETURNS absolv_rule
LANGUAGE sql STABLE AS $$
  SELECT v.rule FROM absolv_rule_version v
  WHERE v.name = n AND v.valid_from <= d AND d <= coalesce(v.valid_to, 'infinity'::pg_catalog.date)
  ORDER BY v.valid_from DESC LIMIT 1
$$;

-- pgTAP's own functions are not safe against this search_path, so the
-- results are taken under the attack (\gset, fully qualified statements)
-- and tested after RESET search_path
CREATE TEMP TABLE attack (k text PRIMARY KEY, v text);
SET search_path = regress_attacker, pg_catalog, public;
SELECT public.absolv_rule_name(pg_temp.naive_rule_at('regress_sp', '2024-06-30')) AS naive_result \gset
SELECT pg_catalog.count(*) AS naive_calls FROM regress_attacker.calls \gset
TRUNCATE regress_attacker.calls;
SELECT coalesce(public.absolv_rule_name(public.absolv_rule_at('regress_sp', '2024-06-30')), 'NULL') AS at_2024,
       coalesce(public.absolv_rule_name(public.absolv_rule_at('regress_sp', '2025-06-30')), 'NULL') AS at_2025,
       coalesce(public.absolv_rule_name(public.absolv_rule_at('regress_sp', '2019-06-30')), 'NULL') AS at_2019,
       (SELECT pg_catalog.string_agg(public.absolv_rule_name(r.rule), ',' ORDER BY r.valid_from)
        FROM public.absolv_rule_version r WHERE r.name OPERATOR(pg_catalog.=) 'regress_sp') AS versions,
       (SELECT public.absolv_compliant(v.e, v.x, v.m, v.k, v.a, v.u, 'frankfurt'::public.absolv_rule)
        FROM (VALUES (pg_catalog.date '2024-10-01', pg_catalog.date '2025-03-31', 'MAT', 'MISSED', pg_catalog.date '2025-04-14', NULL::pg_catalog.date),
                     ('2024-10-01', '2025-03-31', 'MAT', 'CONTACT', '2025-04-30', NULL)) AS v(e, x, m, k, a, u)) AS compliant,
       public.absolv_in_scope('MAT', '2024-10-01', '2025-03-31', NULL, 'frankfurt') AS in_scope,
       public.absolv_rule_fingerprint('bremen') OPERATOR(pg_catalog.=) pg_catalog.md5(('bremen'::public.absolv_rule)::pg_catalog.text) AS fingerprint \gset
-- the trigger: an overlapping period is still found, a disjoint one still
-- accepted
DO $$
BEGIN
  INSERT INTO public.absolv_rule_version (name, valid_from, valid_to, rule) VALUES ('regress_sp', '2024-06-01', '2024-06-30', 'bremen');
  INSERT INTO pg_temp.attack VALUES ('overlap', 'inserted');
EXCEPTION WHEN OTHERS THEN
  INSERT INTO pg_temp.attack VALUES ('overlap', SQLSTATE);
END $$;
DO $$
BEGIN
  INSERT INTO public.absolv_rule_version (name, valid_from, valid_to, rule) VALUES ('regress_sp2', '2024-06-01', '2024-06-30', 'bremen');
  INSERT INTO pg_temp.attack VALUES ('disjoint', 'inserted');
EXCEPTION WHEN OTHERS THEN
  INSERT INTO pg_temp.attack VALUES ('disjoint', SQLSTATE);
END $$;
SELECT coalesce((SELECT pg_catalog.string_agg(c.what, ',') FROM regress_attacker.calls c), 'none') AS attacker_calls \gset
RESET search_path;

SELECT is(:'naive_result'::text, 'hannover', 'control: a naive SQL function is fooled by the attacker schema');
SELECT ok(:'naive_calls'::int > 0, 'control: ... and calls the attacker''s operators');
SELECT is(:'at_2024'::text, 'cottbus_ies', 'search_path attack: absolv_rule_at finds the version in force in 2024');
SELECT is(:'at_2025'::text, 'cottbus_iws', 'search_path attack: absolv_rule_at finds the version in force in 2025');
SELECT is(:'at_2019'::text, 'NULL', 'search_path attack: absolv_rule_at finds no version before 2020');
SELECT is(:'versions'::text, 'cottbus_ies,cottbus_iws', 'search_path attack: absolv_rule_version is absolv''s table');
SELECT is((SELECT string_agg(k || '=' || v, ', ' ORDER BY k) FROM attack), 'disjoint=inserted, overlap=23P01',
          'search_path attack: the trigger still finds an overlap and accepts another name');
SELECT is(:'compliant'::text, 't', 'search_path attack: absolv_compliant (follow-up over Easter) is right');
SELECT is(:'in_scope'::text, 't', 'search_path attack: absolv_in_scope is right');
SELECT is(:'fingerprint'::text, 't', 'search_path attack: absolv_rule_fingerprint is the real md5');
SELECT is(:'attacker_calls'::text, 'none',
          'search_path attack: none of the attacker''s operators or functions was called by absolv');

DELETE FROM absolv_rule_version WHERE name IN ('regress_sp', 'regress_sp2');
DROP SCHEMA regress_attacker CASCADE;

-- ===================================================================
-- (a) row-level security: two team leads, each sees and counts only the
-- rows of their team; absolv's functions run after the policy
-- ===================================================================

DROP ROLE IF EXISTS regress_absolv_team_a;
DROP ROLE IF EXISTS regress_absolv_team_b;
CREATE ROLE regress_absolv_team_a;
CREATE ROLE regress_absolv_team_b;

CREATE TABLE rls_participation (
  id int PRIMARY KEY, team name NOT NULL, customer_id int NOT NULL, measure text,
  entry_date date, exit_date date, outcome text,
  legal_sphere text DEFAULT 'SGB2', cosach_status text DEFAULT 'B');
CREATE TABLE rls_evidence (customer_id int NOT NULL, kind text, at date, valid_until date);
-- 300 participations of three teams; team C has an outcome code that is
-- not valid, which would stop any report that reached it
INSERT INTO rls_participation
SELECT i,
       (ARRAY['regress_absolv_team_a', 'regress_absolv_team_b', 'regress_absolv_team_c'])[1 + i % 3],
       i,
       (ARRAY['MAT', 'FBW', 'BAE', 'MPAV', 'AGH', 'GSB'])[1 + (i * 7) % 6],
       DATE '2024-01-01' + (i * 13) % 300,
       DATE '2024-01-01' + (i * 13) % 300 + 40 + (i * 31) % 300,
       CASE WHEN i % 3 = 2 THEN 'GEHEIM' ELSE (ARRAY['SUCCESS', NULL, 'PREMATURE', 'GOAL_EARLY'])[1 + i % 4] END
FROM generate_series(1, 300) AS i;
INSERT INTO rls_evidence
SELECT p.customer_id, (ARRAY['CONTACT', 'EINV', 'VV', 'SI', 'EXCEPTION'])[1 + (p.id + j) % 5],
       p.exit_date + ((p.id * 17 + j * 29) % 140) - 100, NULL
FROM rls_participation p, generate_series(1, 4) AS j;

ALTER TABLE rls_participation ENABLE ROW LEVEL SECURITY;
ALTER TABLE rls_evidence ENABLE ROW LEVEL SECURITY;
CREATE POLICY team_rows ON rls_participation USING (team = current_user);
-- evidence of the customers of one's own participations (the subquery is
-- itself subject to the policy of rls_participation)
CREATE POLICY team_evidence ON rls_evidence
  USING (EXISTS (SELECT 1 FROM rls_participation p WHERE p.customer_id = rls_evidence.customer_id));
GRANT SELECT ON rls_participation, rls_evidence TO regress_absolv_team_a, regress_absolv_team_b;

-- the team quota: fulfilled / counted / in scope / rows seen, per preset;
-- with a team t, only that team's participations and the evidence of its
-- customers (an explicit filter, for the table owner, who bypasses RLS)
CREATE FUNCTION pg_temp.team_quota(t name DEFAULT NULL) RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT string_agg(format('%s %s/%s/%s/%s', r.name, q.fulfilled, q.counted, q.in_scope, q.seen), '; ' ORDER BY r.name)
  FROM absolv_presets() r
  CROSS JOIN LATERAL (
    SELECT count(*) FILTER (WHERE x.ok) AS fulfilled, count(x.ok) AS counted,
           count(*) FILTER (WHERE x.in_scope) AS in_scope, count(*) AS seen
    FROM (SELECT p.id,
                 absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome,
                                 NULL, p.legal_sphere, p.cosach_status, NULL, r.rule) AS in_scope,
                 absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, r.rule) AS ok
          FROM rls_participation p
          LEFT JOIN rls_evidence e ON e.customer_id = p.customer_id
                                  AND (t IS NULL OR e.customer_id IN (SELECT customer_id FROM rls_participation WHERE team = t))
          WHERE t IS NULL OR p.team = t
          GROUP BY p.id) x) q
$$;
-- the rows a team lead sees
CREATE FUNCTION pg_temp.team_ids() RETURNS text
LANGUAGE sql STABLE AS $$
  SELECT count(*) || ' rows, teams ' || coalesce(string_agg(DISTINCT team::text, ','), '-')
  FROM rls_participation
$$;
-- absolv_in_scope in WHERE: it is not LEAKPROOF, so the planner must apply
-- the policy first; otherwise team C's code would raise an error that
-- names it (a leak through the error message)
CREATE FUNCTION pg_temp.team_in_scope_where() RETURNS text
LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN (SELECT count(*) FROM rls_participation p
          WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'bremen'))::text;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE || ': ' || SQLERRM;
END $$;

SET ROLE regress_absolv_team_a;
SELECT pg_temp.team_quota() AS quota_a, pg_temp.team_ids() AS ids_a, pg_temp.team_in_scope_where() AS where_a \gset
RESET ROLE;
SET ROLE regress_absolv_team_b;
SELECT pg_temp.team_quota() AS quota_b, pg_temp.team_ids() AS ids_b \gset
RESET ROLE;

SELECT is(:'ids_a'::text, '100 rows, teams regress_absolv_team_a', 'RLS: team lead A sees only the 100 rows of team A');
SELECT is(:'ids_b'::text, '100 rows, teams regress_absolv_team_b', 'RLS: team lead B sees only the 100 rows of team B');
SELECT is(:'quota_a'::text, pg_temp.team_quota('regress_absolv_team_a'),
          'RLS: team A''s quota of every preset counts exactly team A''s participations and evidence');
SELECT is(:'quota_b'::text, pg_temp.team_quota('regress_absolv_team_b'),
          'RLS: team B''s quota of every preset counts exactly team B''s participations and evidence');
SELECT isnt(:'quota_a'::text, :'quota_b'::text, 'RLS: the two teams'' quotas differ');
SELECT is(:'where_a'::text, (SELECT count(*)::text
                              FROM (SELECT * FROM rls_participation WHERE team = 'regress_absolv_team_a' OFFSET 0) p
                              WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'bremen')),
          'RLS: absolv_in_scope in the WHERE clause of a team lead runs only on the team''s rows (no error from team C''s code)');
-- the table owner bypasses RLS, reaches team C's invalid outcome code and
-- fails: so the team leads' reports above ran absolv only on their rows
SELECT throws_ok('SELECT pg_temp.team_quota()', '22023', 'unknown outcome code "GEHEIM"',
                 'RLS: without the policy the report reaches team C''s rows (and fails on their code)');

DROP TABLE rls_evidence;
DROP TABLE rls_participation;
DROP ROLE regress_absolv_team_a;
DROP ROLE regress_absolv_team_b;

SELECT * FROM finish();
