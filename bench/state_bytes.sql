-- bench/state_bytes.sql
--   The bytes per group of the aggregation over the evidence of each
--   participation: held in the hash table of a HashAggregate, and shipped
--   from a parallel worker (the serialized state), for absolv_compliant and
--   for the hand-written query (b2) of each preset, whose states are one
--   bool_or per condition of the rule.
--
--   psql -v participations=20000 -f bench/generate.sql
--   psql -f bench/state_bytes.sql
--
--   held: the HashAggregate's peak memory (EXPLAIN ANALYZE) divided by its
--   groups, keys and hash table included, the same for both queries (group
--   key id and exit date; one worker, no spill).  shipped: the bytes of the
--   states of one group that a worker sends to the leader: absolv's
--   serialized state (the bytes of its absolv_partial), b2's bool_or states
--   (one byte each).
SET max_parallel_workers_per_gather = 0;
SET enable_sort = off;
SET work_mem = '1GB';

CREATE FUNCTION pg_temp.hash_bytes_per_group(query text) RETURNS numeric
LANGUAGE plpgsql AS $$
DECLARE
  plan jsonb;
  agg jsonb;
BEGIN
  EXECUTE 'EXPLAIN (ANALYZE, COSTS OFF, FORMAT JSON) ' || query INTO plan;
  agg := jsonb_path_query_first(plan, 'lax $.**? (@."Node Type" == "Aggregate" && @."Strategy" == "Hashed")');
  IF agg IS NULL THEN
    RAISE EXCEPTION 'no HashAggregate in the plan of %', query;
  END IF;
  RETURN round(1024 * (agg->>'Peak Memory Usage')::numeric / nullif((agg->>'Actual Rows')::numeric, 0));
END
$$;

-- the bool_or conditions of each preset's hand-written query (bench/queries/*_join.sql)
CREATE TEMP TABLE b2_conditions(preset text PRIMARY KEY, conditions int);
INSERT INTO b2_conditions VALUES
  ('bremen', 2), ('hannover', 3), ('cottbus_ies', 3), ('cottbus_iws', 3),
  ('frankfurt', 4), ('herford', 4), ('herford_ies', 4), ('herford_iws', 4);

SELECT c.preset,
       pg_temp.hash_bytes_per_group(format($q$
         SELECT p.id, p.exit_date,
                absolv_compliant(p.entry_date, p.exit_date, p.measure, e.kind, e.at, e.valid_until, %L)
         FROM participation p
         LEFT JOIN evidence e ON e.customer_id = p.customer_id
                              AND absolv_in_horizon(e.at, p.exit_date, %L)
         WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status,
                               p.legal_sphere, p.cosach_status, p.goal, %L)
         GROUP BY p.id, p.exit_date$q$, c.preset, c.preset, c.preset)) AS absolv_held,
       pg_temp.hash_bytes_per_group(format($q$
         SELECT p.id, p.exit_date, %s
         FROM participation p
         LEFT JOIN evidence e ON e.customer_id = p.customer_id
                              AND absolv_in_horizon(e.at, p.exit_date, %L)
         WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status,
                               p.legal_sphere, p.cosach_status, p.goal, %L)
         GROUP BY p.id, p.exit_date$q$,
         (SELECT string_agg(format('bool_or(e.kind = %L)', k), ', ')
          FROM unnest((ARRAY['EINV', 'VV', 'SI', 'CONTACT'])[1:c.conditions]) AS k),
         c.preset, c.preset)) AS b2_held,
       (SELECT round(avg(octet_length(absolv_partial_send(s))))
        FROM (SELECT absolv_partial_agg(p.entry_date, p.exit_date, p.measure, e.kind, e.at,
                                        e.valid_until, c.preset::absolv_rule) AS s
              FROM participation p
              LEFT JOIN evidence e ON e.customer_id = p.customer_id
                                   AND absolv_in_horizon(e.at, p.exit_date, c.preset::absolv_rule)
              WHERE absolv_in_scope(p.measure, p.entry_date, p.exit_date, p.outcome, p.customer_status,
                                    p.legal_sphere, p.cosach_status, p.goal, c.preset::absolv_rule)
              GROUP BY p.id) g) AS absolv_shipped,
       c.conditions AS b2_shipped
FROM b2_conditions c
ORDER BY c.preset;
