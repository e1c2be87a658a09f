-- Helper of the error tests (test/sql/bad_input.sql and calendars.sql), read
-- with \i from the repository root.

-- the error of a statement as 'SQLSTATE: message | detail | HINT: hint'
CREATE FUNCTION pg_temp.error_of(statement text) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  state text; msg text; detail text; hint text;
BEGIN
  EXECUTE statement;
  RETURN 'no error';
EXCEPTION WHEN OTHERS THEN
  GET STACKED DIAGNOSTICS state = RETURNED_SQLSTATE, msg = MESSAGE_TEXT,
                          detail = PG_EXCEPTION_DETAIL, hint = PG_EXCEPTION_HINT;
  RETURN state || ': ' || msg || coalesce(' | ' || nullif(detail, ''), '')
         || coalesce(' | HINT: ' || nullif(hint, ''), '');
END $$;
