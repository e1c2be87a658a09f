-- absolv_partial: the partial state that travels between servers (issue 6).
-- Text and binary round trips; truncated and corrupted states, in text and
-- in binary, are rejected with an error (22P02 for the text syntax, XX001
-- for the content) and never crash the server; the two-level form
-- (absolv_partial_agg per part, absolv_partial_merge, then
-- absolv_partial_compliant or absolv_partial_verdict) gives what
-- absolv_compliant and absolv_verdict give, for every preset, over the
-- sample data, with the evidence of each participation split into three
-- parts, and for as_of days before, inside and after its evidence.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;
SET datestyle = 'ISO, YMD';

-- the sample data, small, in a schema of its own (parallel workers cannot
-- read temporary tables); dropped at the end
CREATE SCHEMA absolv_partial_test;
SET search_path = absolv_partial_test, public;
\set n 3000
\o /dev/null
\i scripts/sample-data.sql
\o
SET client_min_messages = warning;

-- the SQLSTATE a statement raises, NULL if it raises none
CREATE FUNCTION pg_temp.sqlstate_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE statement;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

-- the SQLSTATE of reading text as absolv_partial (and finishing it under
-- both functions, if it is accepted), NULL if it is accepted
CREATE FUNCTION pg_temp.text_state_of(value text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  p absolv_partial;
BEGIN
  p := value::absolv_partial;
  PERFORM absolv_partial_compliant(p), absolv_partial_verdict(p, DATE '2025-06-30');
  IF p::text <> value THEN
    RETURN 'round trip changed the value';
  END IF;
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

-- the text form of state bytes
CREATE FUNCTION pg_temp.text_form(bytes bytea) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
  SELECT 'v' || get_byte(bytes, 0) || ':' || translate(encode(bytes, 'base64'), E'\n', '')
$$;

-- the SQLSTATE of reading state bytes in binary (COPY FORMAT binary, which
-- calls absolv_partial_recv), NULL if they are accepted: the bytes are
-- written as a binary COPY file into the data directory
CREATE TABLE binary_in (p absolv_partial);
CREATE FUNCTION pg_temp.binary_state_of(bytes bytea) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  file bytea := '\x5047434f50590aff0d0a00'::bytea     -- PGCOPY\n\377\r\n\0
                || int4send(0) || int4send(0)         -- flags, header extension
                || int2send(1::int2) || int4send(length(bytes)) || bytes
                || int2send(-1::int2);                -- trailer
  lo oid := lo_from_bytea(0, file);
BEGIN
  PERFORM lo_export(lo, 'absolv_partial_state.copy');
  PERFORM lo_unlink(lo);
  TRUNCATE binary_in;
  COPY binary_in FROM 'absolv_partial_state.copy' WITH (FORMAT binary);
  RETURN NULL;
EXCEPTION WHEN OTHERS THEN
  RETURN SQLSTATE;
END $$;

-- the partial states of every participation under every preset, with the
-- evidence in three parts (by evidence id), and the one-level results
CREATE TABLE parts AS
SELECT r.name AS preset, p.id, e.id % 3 AS part,
       absolv_partial_agg(p.entry_date, p.exit_date, p.measure,
                          e.kind, e.at, e.valid_until, r.rule) AS partial
FROM participation p
CROSS JOIN absolv_presets() r
LEFT JOIN evidence e ON e.customer_id = p.customer_id
GROUP BY r.name, p.id, e.id % 3;

CREATE TABLE merged AS
SELECT preset, id, absolv_partial_merge(partial) AS partial, count(*) AS nparts
FROM parts
GROUP BY preset, id;

-- as_of: before, inside and after the evidence of each participation
CREATE TABLE one_level AS
SELECT r.name AS preset, p.id,
       absolv_compliant(p.entry_date, p.exit_date, p.measure,
                        e.kind, e.at, e.valid_until, r.rule) AS ok,
       absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                      p.exit_date - 30, r.rule) AS v_before,
       absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                      p.exit_date + 7, r.rule) AS v_inside,
       absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until,
                      DATE '2027-01-01', r.rule) AS v_after
FROM participation p
CROSS JOIN absolv_presets() r
LEFT JOIN evidence e ON e.customer_id = p.customer_id
GROUP BY r.name, p.id;

-- states to corrupt: one per preset (with evidence, valid dates), and one
-- of a rule that is no preset, which carries its canonical text
CREATE TABLE custom_rule (rule absolv_rule);
INSERT INTO custom_rule VALUES ($r$
  rule fbw_contact_30 "FbW: Kontakt innerhalb von 30 Tagen nach Austritt"
    scope
      measure in (FBW*)
      duration at least 60 days
    window exit + 1 day .. exit + 30 days
    require CONTACT
$r$);
CREATE TABLE samples AS
SELECT DISTINCT ON (m.preset) m.preset, absolv_partial_send(m.partial) AS bytes
FROM merged m JOIN participation p ON p.id = m.id
WHERE p.exit_date IS NOT NULL AND p.entry_date < p.exit_date AND p.measure = 'MAT'
ORDER BY m.preset, m.id;
INSERT INTO samples
SELECT 'custom', absolv_partial_send(absolv_partial_agg(DATE '2025-01-02', DATE '2025-06-30', 'FBW',
                                                        'CONTACT', DATE '2025-07-10', NULL, c.rule))
FROM custom_rule c;

SELECT plan(38);

-- round trips --------------------------------------------------------------
SELECT is((SELECT count(*)::int FROM merged), 8 * 3000, 'a merged state for every participation and preset');
SELECT is((SELECT count(*)::int FROM merged WHERE partial IS NULL), 0, 'no merged state is NULL');
SELECT ok((SELECT bool_and(p::text ~ '^v3:[A-Za-z0-9+/]+=*$') FROM merged m(preset, id, p)),
          'text form: v3: and base64 without line breaks');
SELECT is((SELECT count(*)::int FROM merged WHERE partial::text::absolv_partial::text <> partial::text),
          0, 'text round trip of every state');
SELECT is((SELECT count(*)::int FROM merged
           WHERE absolv_partial_send(partial::text::absolv_partial) <> absolv_partial_send(partial)),
          0, 'text round trip keeps the bytes');
SELECT is((SELECT count(*)::int FROM merged
           WHERE decode(substr(partial::text, 4), 'base64') <> absolv_partial_send(partial)),
          0, 'the text form is base64 of the binary form');
SELECT is((SELECT count(*)::int FROM samples WHERE pg_temp.binary_state_of(bytes) IS NOT NULL),
          0, 'binary input (COPY FORMAT binary) accepts every sample state');
SELECT is((SELECT absolv_partial_send(p) FROM binary_in),
          (SELECT bytes FROM samples WHERE preset = 'custom'),
          'binary round trip keeps the bytes');
SELECT is((SELECT max(length(absolv_partial_send(partial)))::int < 200 FROM merged), true,
          'a preset state is under 200 bytes');

-- two levels = one level -----------------------------------------------------
SELECT is((SELECT max(nparts)::int FROM merged), 3, 'up to three parts per participation were merged');
SELECT ok((SELECT count(*) FROM merged WHERE nparts = 3) > 1000, 'over 1000 participations with three parts');
SELECT is((SELECT count(*)::int
           FROM merged m JOIN one_level o USING (preset, id)
           WHERE absolv_partial_compliant(m.partial) IS DISTINCT FROM o.ok),
          0, 'every preset: absolv_partial_compliant of the merged parts = absolv_compliant');
SELECT is((SELECT array_agg(DISTINCT preset ORDER BY preset)
           FROM merged m JOIN one_level o USING (preset, id) WHERE o.ok),
          (SELECT array_agg(name ORDER BY name) FROM absolv_presets()),
          'every preset has fulfilled participations');
SELECT is((SELECT array_agg(DISTINCT preset ORDER BY preset)
           FROM merged m JOIN one_level o USING (preset, id) WHERE NOT o.ok),
          (SELECT array_agg(name ORDER BY name) FROM absolv_presets()),
          'every preset has missed participations');
SELECT is((SELECT count(*)::int
           FROM merged m JOIN participation p ON p.id = m.id JOIN one_level o ON (o.preset, o.id) = (m.preset, m.id)
           WHERE absolv_partial_verdict(m.partial, p.exit_date - 30) IS DISTINCT FROM o.v_before),
          0, 'every preset: absolv_partial_verdict = absolv_verdict as of exit - 30 (before most evidence)');
SELECT is((SELECT count(*)::int
           FROM merged m JOIN participation p ON p.id = m.id JOIN one_level o ON (o.preset, o.id) = (m.preset, m.id)
           WHERE absolv_partial_verdict(m.partial, p.exit_date + 7) IS DISTINCT FROM o.v_inside),
          0, 'every preset: absolv_partial_verdict = absolv_verdict as of exit + 7');
SELECT is((SELECT count(*)::int
           FROM merged m JOIN one_level o USING (preset, id)
           WHERE absolv_partial_verdict(m.partial, DATE '2027-01-01') IS DISTINCT FROM o.v_after),
          0, 'every preset: absolv_partial_verdict = absolv_verdict as of 2027-01-01 (after all evidence)');
SELECT is((SELECT array_agg(DISTINCT s ORDER BY s)
           FROM one_level o, unnest(ARRAY[(o.v_before).status, (o.v_inside).status, (o.v_after).status]) AS s
           WHERE s IS NOT NULL),
          '{excluded,fulfilled,invalid,missed,pending}', 'the verdicts of the three days have every status');
SELECT ok((SELECT count(*) FROM merged m JOIN one_level o USING (preset, id)
           WHERE (o.v_before).evidence_dates IS DISTINCT FROM (o.v_after).evidence_dates) > 1000,
          'as_of matters: over 1000 verdicts as of exit - 30 see less evidence than as of 2027-01-01');
SELECT is((SELECT count(*)::int
           FROM merged m JOIN one_level o USING (preset, id)
           WHERE absolv_partial_verdict(m.partial, NULL) IS NOT NULL),
          0, 'absolv_partial_verdict with as_of NULL is NULL, as absolv_verdict is');

-- forced parallel plans: both aggregates aggregated partially in workers
-- (serialize, deserialize, combine), over rows in random order so that the
-- rows of one group reach several workers
CREATE TABLE joined AS
SELECT r.name AS preset, p.id, e.id % 3 AS part, p.entry_date, p.exit_date, p.measure,
       e.kind, e.at, e.valid_until, r.rule
FROM participation p
CROSS JOIN absolv_presets() r
LEFT JOIN evidence e ON e.customer_id = p.customer_id
ORDER BY md5(r.name || p.id || coalesce(e.id, 0));
ANALYZE joined;
CREATE TABLE joined_parts AS
SELECT preset, id, part,
       absolv_partial_agg(entry_date, exit_date, measure, kind, at, valid_until, rule) AS partial
FROM joined GROUP BY preset, id, part
ORDER BY md5(preset || id || part);
ANALYZE joined_parts;
SET parallel_setup_cost = 0;
SET parallel_tuple_cost = 0;
SET min_parallel_table_scan_size = 0;
SET max_parallel_workers_per_gather = 2;
\i test/helpers/plan_of.sql
\set parallel_agg 'SELECT preset, id, absolv_partial_agg(entry_date, exit_date, measure, kind, at, valid_until, rule) AS partial FROM joined GROUP BY preset, id'
\set parallel_merge 'SELECT preset, id, absolv_partial_merge(partial) AS partial FROM joined_parts GROUP BY preset, id'
SELECT ok(pg_temp.plan_of(:'parallel_agg') ~ 'Partial (Group|Hash)Aggregate',
          'parallel plan: absolv_partial_agg is aggregated partially in workers');
SELECT ok(pg_temp.plan_of(:'parallel_merge') ~ 'Partial (Group|Hash)Aggregate',
          'parallel plan: absolv_partial_merge is aggregated partially in workers');
CREATE TABLE parallel_agg AS :parallel_agg;
CREATE TABLE parallel_merge AS :parallel_merge;
RESET parallel_setup_cost;
RESET parallel_tuple_cost;
RESET min_parallel_table_scan_size;
RESET max_parallel_workers_per_gather;
SELECT is((SELECT count(*)::int FROM parallel_agg q JOIN one_level o ON (o.preset, o.id) = (q.preset, q.id)
           WHERE absolv_partial_compliant(q.partial) IS DISTINCT FROM o.ok),
          0, 'parallel absolv_partial_agg = absolv_compliant');
SELECT is((SELECT count(*)::int FROM parallel_merge q JOIN one_level o ON (o.preset, o.id) = (q.preset, q.id)
           WHERE absolv_partial_compliant(q.partial) IS DISTINCT FROM o.ok
              OR absolv_partial_verdict(q.partial, DATE '2027-01-01') IS DISTINCT FROM o.v_after),
          0, 'parallel absolv_partial_merge = absolv_compliant and absolv_verdict');

-- NULLs and mismatches ----------------------------------------------------------
SELECT is((SELECT absolv_partial_agg(DATE '2025-01-01', DATE '2025-06-30', 'MAT', 'VV', DATE '2025-06-01', NULL, NULL)::text),
          NULL, 'absolv_partial_agg: NULL when no row has a rule');
SELECT is((SELECT absolv_partial_merge(NULL::absolv_partial)::text), NULL,
          'absolv_partial_merge: NULL when every value is NULL');
SELECT is(pg_temp.sqlstate_of($$
  SELECT absolv_partial_merge(partial) FROM merged WHERE preset = 'hannover' AND id IN (1, 2)$$),
  '42803', 'merging the states of two participations is 42803');
SELECT is(pg_temp.sqlstate_of($$
  SELECT absolv_partial_merge(partial) FROM merged WHERE preset IN ('cottbus_ies', 'cottbus_iws') AND id = 1$$),
  '42803', 'merging the states of two rules is 42803');

-- malformed text ---------------------------------------------------------------
SELECT is(ARRAY[pg_temp.text_state_of(''), pg_temp.text_state_of('v'), pg_temp.text_state_of('v3'),
                pg_temp.text_state_of('3:AwAA'), pg_temp.text_state_of('vx:AwAA'),
                pg_temp.text_state_of('v3:'), pg_temp.text_state_of('v3:*AwA'),
                pg_temp.text_state_of('v3:AwA'), pg_temp.text_state_of('v1234:AwAA')],
          ARRAY['22P02', '22P02', '22P02', '22P02', '22P02', '22P02', '22P02', '22P02', '22P02'],
          'text syntax errors are 22P02: empty, no version, no colon, no v, no state, not base64');
SELECT is(pg_temp.text_state_of('v3:Aw=='), 'XX001', 'a state of one byte is XX001');
SELECT is((SELECT array_agg(DISTINCT pg_temp.text_state_of(replace(pg_temp.text_form(bytes), 'v3:', 'v4:')))
           FROM samples), '{XX001}', 'a text version other than the state''s version byte is XX001');
SELECT is((SELECT array_agg(DISTINCT coalesce(pg_temp.text_state_of(pg_temp.text_form(substring(bytes FROM 1 FOR k))), 'accepted'))
           FROM samples CROSS JOIN generate_series(1, length(bytes) - 1) AS k),
          '{XX001}', 'every truncated state (text) is XX001');
SELECT is((SELECT array_agg(DISTINCT coalesce(pg_temp.text_state_of(pg_temp.text_form(bytes || '\x00'::bytea)), 'accepted'))
           FROM samples), '{XX001}', 'a state with a byte too many (text) is XX001');
-- every byte changed, to its complement and to its successor: an error, or
-- a state that reads, finishes and round-trips
SELECT is((SELECT array_agg(DISTINCT coalesce(pg_temp.text_state_of(pg_temp.text_form(
                    set_byte(bytes, k, CASE f WHEN 0 THEN 255 - get_byte(bytes, k)
                                              ELSE (get_byte(bytes, k) + 1) % 256 END))), 'accepted'))
           FROM samples CROSS JOIN generate_series(0, length(bytes) - 1) AS k CROSS JOIN generate_series(0, 1) AS f),
          '{XX001,accepted}', 'every corrupted byte (text): XX001 or a state that reads and finishes');
SELECT is(ARRAY(
  SELECT pg_temp.text_state_of(pg_temp.text_form(b)) FROM (VALUES
    -- aggregate 0 -> 1 (an absolv_verdict state), preset index 255, rule reference kind 7
    (set_byte((SELECT bytes FROM samples WHERE preset = 'hannover'), 1, 1)),
    (set_byte((SELECT bytes FROM samples WHERE preset = 'hannover'), 3, 255)),
    (set_byte((SELECT bytes FROM samples WHERE preset = 'hannover'), 2, 7)),
    -- the measure code of the case changed (MAT -> the next code): its measure text stays
    ((SELECT set_byte(bytes, 4 + 4 + 3 + 10, get_byte(bytes, 4 + 4 + 3 + 10) + 1)
      FROM samples WHERE preset = 'hannover')),
    -- a rule that is no preset, its text no longer canonical (a space added at the end)
    ((SELECT substring(bytes FROM 1 FOR 3) || int4send(l + 1) || substring(bytes FROM 8 FOR l) || '\x20'::bytea
             || substring(bytes FROM 8 + l)
      FROM (SELECT bytes, ('x' || encode(substring(bytes FROM 4 FOR 4), 'hex'))::bit(32)::int AS l
            FROM samples WHERE preset = 'custom') s)),
    -- its rule text no rule at all
    ((SELECT overlay(bytes PLACING '\x2a2a2a2a'::bytea FROM 8 FOR 4) FROM samples WHERE preset = 'custom'))
  ) AS t(b)),
  ARRAY['XX001', 'XX001', 'XX001', 'XX001', 'XX001', 'XX001'],
  'crafted states are XX001: another aggregate, preset index out of range, unknown rule reference, wrong measure code, non-canonical rule text, no rule');

-- malformed binary --------------------------------------------------------------
SELECT is((SELECT array_agg(DISTINCT coalesce(pg_temp.binary_state_of(substring(bytes FROM 1 FOR k)), 'accepted'))
           FROM samples CROSS JOIN generate_series(0, length(bytes) - 1) AS k
           WHERE preset IN ('frankfurt', 'custom')),
          '{XX001}', 'every truncated state (binary, recv) is XX001');
SELECT is((SELECT array_agg(DISTINCT coalesce(pg_temp.binary_state_of(
                    set_byte(bytes, k, 255 - get_byte(bytes, k))), 'accepted'))
           FROM samples CROSS JOIN generate_series(0, length(bytes) - 1) AS k
           WHERE preset IN ('frankfurt', 'hannover')),
          '{XX001,accepted}', 'every corrupted byte (binary, recv): XX001 or a state that reads');
SELECT is(pg_temp.binary_state_of('\x04000003'::bytea), 'XX001', 'binary: an unknown format version is XX001');

SELECT * FROM finish();

RESET search_path;
DROP SCHEMA absolv_partial_test CASCADE;
