-- Helpers of the preset tests (test/sql/presets_windows.sql and
-- presets_evidence.sql), read with \i from the repository root.

-- pg_temp.ev_day: an evidence day, written either as a date or relative to
-- the exit ('+14', '-90', '0'); 'open' or nothing is NULL.
CREATE FUNCTION pg_temp.ev_day(tok text, exit_date date) RETURNS date
LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
           WHEN tok IS NULL OR tok = '' OR tok = 'open' THEN NULL
           WHEN tok ~ '^[+-]?[0-9]+$' THEN exit_date + tok::int
           ELSE tok::date
         END
$$;

-- pg_temp.v: absolv_compliant over one participation and its evidence rows,
-- each written 'KIND AT [VALID_UNTIL]'.  No evidence (VARIADIC '{}') or a
-- NULL element gives a row with kind NULL, as a LEFT JOIN that found nothing.
CREATE FUNCTION pg_temp.v(rule absolv_rule, entry_date date, exit_date date,
                          measure text, VARIADIC evidence text[])
RETURNS boolean LANGUAGE sql AS $$
  SELECT absolv_compliant($2, $3, $4,
                          nullif(split_part(e.r, ' ', 1), ''),
                          pg_temp.ev_day(nullif(split_part(e.r, ' ', 2), ''), $3),
                          pg_temp.ev_day(nullif(split_part(e.r, ' ', 3), ''), $3),
                          $1)
  FROM (VALUES (1)) AS one(x)
  LEFT JOIN unnest($5) AS e(r) ON true
$$;
