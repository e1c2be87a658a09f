-- pg_temp.plan_of: the plan of a statement (EXPLAIN, COSTS OFF), as one
-- text, for the tests that assert a plan's shape.  Read with \i from the
-- repository root.
CREATE FUNCTION pg_temp.plan_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  line text; result text := '';
BEGIN
  FOR line IN EXECUTE 'EXPLAIN (COSTS OFF) ' || statement LOOP
    result := result || line || E'\n';
  END LOOP;
  RETURN result;
END $$;
