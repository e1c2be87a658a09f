-- String parameters: a text or varchar value where a rule is expected (what
-- pgJDBC's setString sends) gives the same results as a literal, through
-- the implicit casts text -> absolv_rule and varchar -> absolv_rule, and
-- those casts make no documented query, operator or built-in function call
-- ambiguous or different.  The proof of the latter runs the same statements
-- twice, with the casts and with them dropped (inside a subtransaction that
-- is rolled back), and compares what each statement gives.
\set ECHO none
\pset format unaligned
\pset tuples_only true
\pset pager off
SET client_min_messages = warning;

-- the sample data, small
\set n 600
\o /dev/null
\i scripts/sample-data.sql
\o
\set reference `cat docs/reference.md`
\set cookbook `cat docs/cookbook.md`

-- a row with the same preset as a rule, a text and a varchar, and another
-- preset, for the expressions below
CREATE TEMP TABLE r AS
SELECT 'bremen'::absolv_rule AS rule, 'bremen'::text AS t, 'bremen'::varchar AS v,
       'hannover'::text AS t2, 'hannover'::varchar AS v2;

-- what a statement gives: 'ok' and, for a query, an md5 of its rows in
-- text order; or 'SQLSTATE: message'
CREATE FUNCTION pg_temp.outcome(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  h text;
  state text;
  msg text;
BEGIN
  IF statement ~* '^\s*(--[^\n]*\n\s*)*(select|with|values)\M' THEN
    EXECUTE format(E'SELECT md5(coalesce(string_agg(x::text, E''\\n'' ORDER BY x::text), '''')) FROM (%s\n) x',
                   statement) INTO h;
    RETURN 'ok ' || h;
  END IF;
  EXECUTE statement;
  RETURN 'ok';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
  RETURN state || ': ' || msg;
END $$;

-- the outcomes of statements run in order (each sees what the earlier ones
-- created), with the string casts or without them; everything, the drop
-- of the casts included, is rolled back afterwards
CREATE FUNCTION pg_temp.outcomes(statements text[], with_casts boolean) RETURNS text[]
LANGUAGE plpgsql AS $$
DECLARE
  result text[] := '{}';
  s text;
BEGIN
  -- prepared statements are not transactional: none survives a run
  DEALLOCATE ALL;
  BEGIN
    IF NOT with_casts THEN
      ALTER EXTENSION absolv DROP CAST (text AS absolv_rule);
      ALTER EXTENSION absolv DROP CAST (varchar AS absolv_rule);
      DROP CAST (text AS absolv_rule);
      DROP CAST (varchar AS absolv_rule);
    END IF;
    FOREACH s IN ARRAY statements LOOP
      result := result || pg_temp.outcome(s);
    END LOOP;
    RAISE EXCEPTION USING ERRCODE = 'AB000', MESSAGE = 'undo';
  EXCEPTION WHEN SQLSTATE 'AB000' THEN
    NULL;
  END;
  DEALLOCATE ALL;
  RETURN result;
END $$;

-- statements, one per element, with what they give with and without the casts
CREATE TEMP TABLE compared (source text, ord int, statement text, with_casts text, without_casts text);
CREATE FUNCTION pg_temp.compare(source text, statements text[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO compared
  SELECT source, o.ord, statements[o.ord], a.w, b.wo
  FROM unnest(pg_temp.outcomes(statements, true)) WITH ORDINALITY AS a(w, ord)
  JOIN unnest(pg_temp.outcomes(statements, false)) WITH ORDINALITY AS b(wo, ord) USING (ord)
  CROSS JOIN LATERAL (SELECT a.ord) o;
$$;

-- the statements of the sql blocks of a document, split at a semicolon
-- that ends a line; not the signatures of the reference (name(args) RETURNS type)
CREATE FUNCTION pg_temp.doc_statements(doc text) RETURNS text[]
LANGUAGE sql AS $$
  SELECT array_agg(s ORDER BY b.ord, st.ord)
  FROM regexp_matches(doc, '```sql\n(.*?)```', 'g') WITH ORDINALITY AS b(m, ord)
  CROSS JOIN LATERAL regexp_split_to_table(b.m[1], E';[ \\t]*(--[^\\n]*)?(\\n|$)') WITH ORDINALITY AS st(s, ord)
  WHERE s !~ '^\s*(--[^\n]*\n?\s*)*$'
    AND s !~ '^\s*[a-z_]+\(.*\)\s+RETURNS\s'
$$;

SELECT plan(27);

-- 1. the casts ------------------------------------------------------------------
SELECT is((SELECT string_agg(format('%s %s %s', castsource::regtype, castcontext, castmethod), ', '
                             ORDER BY castsource::regtype::text)
           FROM pg_cast WHERE casttarget = 'absolv_rule'::regtype),
          'character varying i i, text i i',
          'absolv_rule has implicit I/O casts from text and varchar');
SELECT is((SELECT count(*)::int FROM pg_cast
           WHERE castsource = 'absolv_rule'::regtype AND castcontext = 'i'),
          0, 'there is no implicit cast from absolv_rule to anything');

-- 2. every function and aggregate that takes a rule, called with the rule as
-- an unknown literal, text, varchar and absolv_rule, the other arguments as
-- typed values (columns) and as untyped NULLs, resolves to itself
CREATE TEMP TABLE call AS
SELECT p.oid AS fn, p.prokind, rs.style, os.other,
       format(CASE WHEN p.proretset THEN '* FROM %s(%s)' ELSE '%s(%s)' END, p.proname,
              (SELECT string_agg(CASE WHEN a.t = 'absolv_rule'::regtype
                                      THEN rs.arg
                                      WHEN os.other = 'typed' THEN format('NULL::%s', a.t::regtype)
                                      ELSE 'NULL' END, ', ' ORDER BY a.i)
               FROM unnest(p.proargtypes::oid[]) WITH ORDINALITY AS a(t, i))) AS expr
FROM pg_proc p
JOIN pg_depend d ON d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
                AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv')
CROSS JOIN (VALUES ('unknown', $$'bremen'$$), ('text', $$'bremen'::text$$),
                   ('varchar', $$'bremen'::varchar$$), ('absolv_rule', $$'bremen'::absolv_rule$$)) AS rs(style, arg)
CROSS JOIN (VALUES ('typed'), ('untyped')) AS os(other)
WHERE 'absolv_rule'::regtype = ANY (p.proargtypes::oid[])
  -- not the support functions of the type and of the aggregates, which
  -- SQL cannot call
  AND p.prorettype NOT IN ('cstring'::regtype, 'internal'::regtype)
  AND NOT 'internal'::regtype = ANY (p.proargtypes::oid[]);

-- the function a call resolves to (through a view's dependencies), or the error
CREATE FUNCTION pg_temp.resolves_to(expr text, catalog regclass DEFAULT 'pg_proc') RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  fn text;
  state text;
  msg text;
BEGIN
  EXECUTE 'CREATE TEMP VIEW resolved_call AS SELECT ' || expr;
  SELECT string_agg(CASE catalog WHEN 'pg_proc'::regclass THEN d.refobjid::regprocedure::text
                              ELSE d.refobjid::regoperator::text END, ', ')
  INTO fn
  FROM pg_depend d JOIN pg_rewrite w ON w.oid = d.objid
  WHERE d.classid = 'pg_rewrite'::regclass AND w.ev_class = 'resolved_call'::regclass
    AND d.refclassid = catalog;
  DROP VIEW resolved_call;
  RETURN fn;
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT;
  RETURN state || ': ' || msg;
END $$;

SELECT cmp_ok((SELECT count(DISTINCT fn)::int FROM call), '>=', 25,
              'the functions and aggregates that take a rule');
SELECT is((SELECT array_agg(format('%s [%s, %s]: %s', c.expr, c.style, c.other, r.got) ORDER BY c.expr, c.style)
           FROM call c CROSS JOIN LATERAL (SELECT pg_temp.resolves_to(c.expr) AS got) r
           WHERE r.got IS DISTINCT FROM c.fn::regprocedure::text),
          NULL, 'every call with the rule as unknown, text, varchar or absolv_rule resolves to that function or aggregate');

-- the operators of absolv_rule with a string on either side resolve to them
CREATE TEMP TABLE op_call AS
SELECT o.oid AS op, format('%s %s %s', l.arg, o.oprname, rt.arg) AS expr
FROM pg_operator o
JOIN pg_depend d ON d.classid = 'pg_operator'::regclass AND d.objid = o.oid AND d.deptype = 'e'
                AND d.refobjid = (SELECT oid FROM pg_extension WHERE extname = 'absolv')
CROSS JOIN (VALUES ($$'bremen'$$), ($$'bremen'::text$$), ($$'bremen'::varchar$$), ($$'bremen'::absolv_rule$$)) AS l(arg)
CROSS JOIN (VALUES ($$'hannover'$$), ($$'hannover'::text$$), ($$'hannover'::varchar$$), ($$'hannover'::absolv_rule$$)) AS rt(arg)
WHERE (l.arg || rt.arg) LIKE '%absolv_rule%';
SELECT is((SELECT count(*)::int FROM op_call), 6 * 7, 'the six operators of absolv_rule, a rule on one side');
SELECT is((SELECT array_agg(format('%s: %s', c.expr, r.got) ORDER BY c.expr)
           FROM op_call c CROSS JOIN LATERAL (SELECT pg_temp.resolves_to(c.expr, 'pg_operator') AS got) r
           WHERE r.got IS DISTINCT FROM c.op::regoperator::text),
          NULL, 'a rule and an unknown literal, text or varchar resolve to the operator of absolv_rule');

-- 3. the same statements with and without the casts --------------------------------
-- expressions of rules and strings: operators, built-in functions, casts,
-- CASE, COALESCE, UNION, arrays; over the row of r
\o /dev/null
SELECT pg_temp.compare('expression', array_agg('SELECT ' || e || ' FROM r' ORDER BY ord))
FROM unnest(ARRAY[
  'rule = rule', 'rule = t', 't = rule', 'rule = v', 'v = rule', 'rule = t2', 'rule <> t2', 'rule <> v2',
  'rule < t2', 'rule <= v2', 'rule > t2', 'rule >= v2', 't2 > rule',
  $$rule = 'bremen'$$, $$'bremen' = rule$$, $$rule = 'bremen'::text$$, $$rule = 'bremen'::varchar$$,
  $$rule IN ('bremen', 'hannover')$$, 'rule IN (t, t2)', 'rule IN (v, v2)', 'rule = ANY (ARRAY[t, t2])',
  'rule IS DISTINCT FROM t', 'nullif(rule, t)',
  't = v', 't < v2', 'v = v2', 't || v', 'v || t', $$t || 'x'$$, $$v || 'x'$$, 'lower(v)', 'length(v)', 'upper(t)',
  $$rule || 'x'$$, $$'x' || rule$$, 'rule || t', 't || rule', 'rule || v', 'v || rule', 'rule || rule',
  'length(rule)', 'length(rule::text)', 'lower(rule)', 'lower(rule::text)', 'upper(rule)', 'octet_length(rule)',
  $$format('%s', rule)$$, $$format('%s|%s|%s', rule, t, v)$$, $$format('%L', rule)$$, 'concat(rule, t, v)',
  'concat_ws(t, rule, v)', 'md5(rule)', 'md5(rule::text)', 'substr(rule, 1, 6)', 'left(rule, 6)', 'left(rule::text, 6)',
  $$position('bremen' in rule)$$, $$strpos(rule, 'bremen')$$, $$rule LIKE 'rule%'$$, $$rule::text LIKE 'rule%'$$,
  $$rule ~ 'bremen'$$, $$rule::text ~ 'bremen'$$, 'trim(rule)', $$replace(rule, 'a', 'b')$$, 'quote_literal(rule)',
  'quote_nullable(rule)', 'to_json(rule)', $$jsonb_build_object('rule', rule)$$, 'row(rule, t)::text',
  'coalesce(rule, t)', 'coalesce(t, v)', 'coalesce(rule, v)', 'greatest(rule, t2)', 'least(t, v2)',
  'CASE WHEN true THEN rule ELSE t END', 'CASE WHEN true THEN t ELSE v END', 'CASE rule WHEN t THEN 1 ELSE 0 END',
  'ARRAY[rule, t]', 'ARRAY[t, v]', 'ARRAY[rule, rule]',
  '(SELECT count(*) FROM (SELECT rule FROM r UNION SELECT t FROM r) u)',
  '(SELECT count(*) FROM (SELECT t FROM r UNION SELECT v FROM r) u)',
  'rule::text', 't::absolv_rule', 'v::absolv_rule', 'CAST(t AS absolv_rule) = rule',
  'absolv_rule_name(rule)', 'absolv_rule_name(t)', 'absolv_rule_name(v)', $$absolv_rule_name('bremen')$$,
  'absolv_rule_name(t::char(6))', 'absolv_rule_description(v2)', $$absolv_window('2025-03-31', v)$$,
  $$absolv_holiday('2025-10-03', t)$$, $$absolv_holiday('2025-10-03', 'BE')$$,
  $$absolv_add_working_days('2025-10-02', 1, 'BE')$$, $$absolv_add_working_days('2025-10-02', 1, 'BE'::varchar)$$,
  $$absolv_rule_at('cottbus_ies', '2025-01-01')$$, $$absolv_rule_at('cottbus_ies'::varchar, '2025-01-01')$$,
  $$absolv_rule_fingerprint(t) = absolv_rule_fingerprint(rule)$$,
  '(SELECT count(*) FROM absolv_presets() p WHERE p.rule = p.name)',
  '(SELECT count(*) FROM absolv_presets() p WHERE p.name = r.t)',
  '(SELECT string_agg(p.name, '','' ORDER BY p.rule) FROM absolv_presets() p)'
]) WITH ORDINALITY AS x(e, ord);

-- the blocks of the reference and of the cookbook, statement by statement, in order
SELECT pg_temp.compare('reference', pg_temp.doc_statements(:'reference'));
SELECT pg_temp.compare('cookbook', pg_temp.doc_statements(:'cookbook'));
\o

-- the examples of the reference's section on the casts, which need them
CREATE TEMP TABLE cast_examples AS
SELECT pg_temp.doc_statements(substring(:'reference' FROM '\n## Casts from strings\n.*?\n## ')) AS statements;

SELECT cmp_ok((SELECT count(*)::int FROM compared WHERE source = 'reference'), '>=', 60,
              'the statements of the reference''s sql blocks');
SELECT cmp_ok((SELECT count(*)::int FROM compared WHERE source = 'cookbook'), '>=', 12,
              'the statements of the cookbook''s sql blocks');
SELECT is((SELECT array_agg(statement || ' => ' || with_casts ORDER BY source, ord) FROM compared
           WHERE with_casts LIKE '42725%'),
          NULL, 'no statement is ambiguous (42725) with the casts');
SELECT is((SELECT array_agg(source || ': ' || statement || ' => ' || with_casts || ' / without: ' || without_casts
                            ORDER BY source, ord) FROM compared
           WHERE with_casts IS DISTINCT FROM without_casts AND without_casts NOT LIKE '42883%'
             AND NOT (source = 'reference' AND statement IN (SELECT unnest(statements) FROM cast_examples))),
          NULL, 'every statement gives the same with the casts, or was an error 42883 without them');
SELECT is((SELECT array_agg(statement ORDER BY ord) FROM compared
           WHERE source = 'cookbook' AND with_casts IS DISTINCT FROM without_casts),
          NULL, 'the cookbook gives the same with and without the casts');
SELECT is((SELECT array_agg(statement ORDER BY ord) FROM compared
           WHERE source = 'reference' AND with_casts IS DISTINCT FROM without_casts),
          (SELECT statements FROM cast_examples),
          'the reference gives the same with and without the casts, but for the examples of the casts');
SELECT cmp_ok((SELECT count(*)::int FROM compared WHERE source = 'reference' AND with_casts LIKE 'ok%'), '>=', 40,
              'most of the reference''s statements run (the rest are its examples of errors)');
-- what the casts newly allow: exactly the comparisons of a rule with a
-- string and a string where a rule is expected
SELECT is((SELECT array_agg(regexp_replace(statement, '^SELECT (.*) FROM r$', '\1') ORDER BY ord) FROM compared
           WHERE source = 'expression' AND with_casts IS DISTINCT FROM without_casts),
          ARRAY['rule = t', 't = rule', 'rule = v', 'v = rule', 'rule = t2', 'rule <> t2', 'rule <> v2',
                'rule < t2', 'rule <= v2', 'rule > t2', 'rule >= v2', 't2 > rule',
                $$rule = 'bremen'::text$$, $$rule = 'bremen'::varchar$$,
                'rule IN (t, t2)', 'rule IN (v, v2)', 'rule = ANY (ARRAY[t, t2])',
                'rule IS DISTINCT FROM t', 'nullif(rule, t)', 'CASE rule WHEN t THEN 1 ELSE 0 END',
                'absolv_rule_name(t)', 'absolv_rule_name(v)', 'absolv_rule_description(v2)',
                $$absolv_window('2025-03-31', v)$$, $$absolv_rule_fingerprint(t) = absolv_rule_fingerprint(rule)$$,
                '(SELECT count(*) FROM absolv_presets() p WHERE p.rule = p.name)'],
          'the casts newly allow a rule compared with a string, and a string as a rule argument');
SELECT is((SELECT array_agg(DISTINCT with_casts) FROM compared
           WHERE source = 'expression' AND with_casts IS DISTINCT FROM without_casts AND with_casts NOT LIKE 'ok%'),
          NULL, 'each of them runs');
SELECT is((SELECT array_agg(DISTINCT without_casts) FROM compared
           WHERE source = 'expression' AND with_casts IS DISTINCT FROM without_casts AND without_casts NOT LIKE '42883%'),
          NULL, 'each of them was an error 42883 (no such function or operator) without the casts');
-- results of the newly allowed expressions
SELECT is((SELECT ARRAY[rule = t, t = rule, rule = v, rule = t2, rule <> v2, rule < t2, t2 > rule,
                        rule IN (v, v2), rule IS DISTINCT FROM t] FROM r),
          ARRAY[true, true, true, false, true, true, true, true, false],
          'a rule compared with a text or varchar compares rules (bremen < hannover in canonical text)');
SELECT is((SELECT ARRAY[absolv_rule_name(t), absolv_rule_name(v), absolv_rule_name(v2)] FROM r),
          ARRAY['bremen', 'bremen', 'hannover'], 'absolv_rule_name of a text and a varchar');
SELECT is((SELECT count(*)::int FROM absolv_presets() p WHERE p.rule = p.name), 8,
          'each preset equals its name as text');
SELECT is((SELECT pg_temp.outcome($$SELECT 'x'::text = rule FROM r$$)),
          '22P02: unknown absolv_rule preset "x"', 'a text that is no rule is the input error of absolv_rule');

-- 4. prepared statements with varchar and text parameters ------------------------------
-- the monthly quota of the cookbook and the verdicts of the reference, with
-- the rule as $1; compared with the same query with the rule as a literal
\set quota 'SELECT date_trunc(''month'', q.exit_date)::date AS month, count(*) FILTER (WHERE q.ok) AS fulfilled, count(q.ok) AS counted FROM (SELECT p.id, p.exit_date, absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, $1) AS ok FROM participation p LEFT JOIN evidence e ON e.customer_id = p.customer_id AND absolv_in_horizon(e.at, p.exit_date, $1) WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status, p.legal_sphere, p.cosach_status, p.goal, $1) GROUP BY p.id, p.exit_date) q GROUP BY 1'
\set verdict 'SELECT p.id, (absolv_verdict(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, DATE ''2025-06-15'', $1)).* FROM participation p LEFT JOIN evidence e ON e.customer_id = p.customer_id AND absolv_in_horizon(e.at, p.exit_date, $1) WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status, p.legal_sphere, p.cosach_status, p.goal, $1) GROUP BY p.id'
\set name 'SELECT absolv_rule_name($1), absolv_rule_fingerprint($1)'

PREPARE quota_varchar(varchar) AS :quota;
PREPARE quota_text(text) AS :quota;
PREPARE verdict_varchar(varchar) AS :verdict;
PREPARE name_varchar(varchar) AS :name;

-- the md5 of the rows of EXECUTE statement(rule) (run: the how-manieth, so
-- that the planner calls this once per run), and of the query with the rule
-- as a literal
CREATE FUNCTION pg_temp.executed(statement text, rule text, run int) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE h text;
BEGIN
  EXECUTE format('CREATE TEMP TABLE executed AS EXECUTE %I(%L)', statement, rule);
  SELECT md5(coalesce(string_agg(x::text, E'\n' ORDER BY x::text), '')) INTO h FROM executed x;
  DROP TABLE executed;
  RETURN h;
END $$;
CREATE FUNCTION pg_temp.literal(query text, rule text) RETURNS text
LANGUAGE sql AS $$ SELECT pg_temp.outcome(replace(query, '$1', quote_literal(rule))) $$;

-- 8 presets and a custom rule, each executed 7 times: the plan cache
-- switches to a generic plan after 5 executions when it is not dearer
CREATE TEMP TABLE rules AS
SELECT name AS rule FROM absolv_presets()
UNION ALL SELECT 'rule own scope measure in (FBW*) window exit + 1 day .. exit + 30 days require CONTACT';

CREATE FUNCTION pg_temp.differences(statement text, query text) RETURNS text[]
LANGUAGE sql AS $$
  SELECT array_agg(format('%s(%s) run %s', statement, left(rule, 20), i) ORDER BY rule, i)
  FROM rules CROSS JOIN generate_series(1, 7) AS i
  WHERE 'ok ' || pg_temp.executed(statement, rule, i) IS DISTINCT FROM pg_temp.literal(query, rule)
$$;

SET plan_cache_mode = auto;
SELECT is(pg_temp.differences('quota_varchar', :'quota'), NULL,
          'quota with a varchar parameter, 7 executions per rule (plan_cache_mode auto): the same rows as with a literal');
SELECT is(pg_temp.differences('verdict_varchar', :'verdict'), NULL,
          'verdicts with a varchar parameter, 7 executions per rule (auto): the same rows as with a literal');
SELECT is(pg_temp.differences('name_varchar', :'name'), NULL,
          'absolv_rule_name($1) with a varchar parameter: the same as with a literal');
DEALLOCATE quota_varchar;
PREPARE quota_varchar(varchar) AS :quota;
SET plan_cache_mode = force_generic_plan;
SELECT is(pg_temp.differences('quota_varchar', :'quota'), NULL,
          'quota with a varchar parameter, generic plans: the same rows as with a literal');
SELECT is(pg_temp.differences('quota_text', :'quota'), NULL,
          'quota with a text parameter, generic plans: the same rows as with a literal');
SELECT is((SELECT format('%s generic, %s custom', generic_plans, custom_plans) FROM pg_prepared_statements
           WHERE name = 'quota_varchar'),
          '63 generic, 0 custom', 'the varchar statement ran on its generic plan all 63 times');
SELECT ok((SELECT count(*) > 0 FROM participation p
           WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, 'cottbus_ies')),
          'the sample data has cases in scope, so the comparisons compare rows');
RESET plan_cache_mode;

SELECT * FROM finish();
