\echo Use "ALTER EXTENSION absolv UPDATE TO '0.2.0'" to load this file. \quit

-- absolv 0.1.0 -> 0.2.0.  See CHANGELOG.md, section 0.2.0.  Every
-- reference is schema-qualified (@extschema@ or pg_catalog), as in
-- sql/absolv.sql.  The presets themselves live in the shared library: an
-- updated database evaluates them by the 0.2.0 rules as soon as the new
-- library is installed.

-- the calendars: regional calendars besides the 16 Länder (BY-MHF,
-- BY-AUGSBURG, SN-FRONLEICHNAM, TH-FRONLEICHNAM)
COMMENT ON FUNCTION @extschema@.absolv_add_working_days(pg_catalog.date, pg_catalog.int4, pg_catalog.text) IS
  'the n-th working day (Monday to Friday, no public holiday of the Land or regional calendar, such as BY-AUGSBURG) after a day';
COMMENT ON FUNCTION @extschema@.absolv_holiday(pg_catalog.date, pg_catalog.text) IS
  'the German name of the public holiday on a day in a Land or regional calendar (such as BY-AUGSBURG), or NULL';
