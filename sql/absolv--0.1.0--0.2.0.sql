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

-- the aggregate state holds only the terms and follow-ups of the
-- participation's variant: 144 bytes for the typical case instead of 528.
-- CREATE AGGREGATE's SSPACE has no ALTER AGGREGATE form, and dropping the
-- aggregates would drop the views of reports built on them, so the update
-- sets the estimate in the catalog, where the fresh install's CREATE
-- AGGREGATE puts it (pg_aggregate.aggtransspace).
UPDATE pg_catalog.pg_aggregate SET aggtransspace = 144
WHERE aggfnoid IN (
  '@extschema@.absolv_compliant(pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule)'::pg_catalog.regprocedure,
  '@extschema@.absolv_verdict(pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule)'::pg_catalog.regprocedure,
  '@extschema@.absolv_partial_agg(pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule)'::pg_catalog.regprocedure);

------------------------------------------------------------------------------
-- rules revision 2: the five-argument scope functions refuse a rule that
-- needs the customer status, legal sphere or CoSach status of every
-- participation, and say so in their comments
------------------------------------------------------------------------------

COMMENT ON FUNCTION @extschema@.absolv_in_scope(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'is the participation in the scope of the rule (denominator)? unknown outcome codes are an error; a rule whose scope needs the customer status, legal sphere or CoSach status of every participation ("not null") raises 22023: use the nine-argument form';
COMMENT ON FUNCTION @extschema@.absolv_scope_reason(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'NULL if the participation is in the scope of the rule, else the first criterion that excluded it: invalid data, measure, duration, outcome, or goal (a BvB whose goal the rule requires); raises 22023 like absolv_in_scope for a rule that needs attributes this form lacks';

------------------------------------------------------------------------------
-- casts from strings: a text or varchar parameter where a rule is expected
------------------------------------------------------------------------------
-- A client that binds the rule as a string (pgJDBC's setString sends
-- varchar, other drivers text) gets the same result as with a literal.
-- Both casts parse the string with absolv_rule's input function.  They are
-- implicit in this one direction only: there is no implicit cast from
-- absolv_rule to a string, so an operator or function of text never
-- competes with one of absolv_rule.  varchar needs its own cast because
-- PostgreSQL applies at most one cast to an argument.

CREATE CAST (pg_catalog.text AS @extschema@.absolv_rule) WITH INOUT AS IMPLICIT;
CREATE CAST (pg_catalog.varchar AS @extschema@.absolv_rule) WITH INOUT AS IMPLICIT;

COMMENT ON CAST (pg_catalog.text AS @extschema@.absolv_rule) IS
  'implicit: a text value where a rule is expected reads as absolv_rule input (a preset name or rule-language text)';
COMMENT ON CAST (pg_catalog.varchar AS @extschema@.absolv_rule) IS
  'implicit: a varchar value (pgJDBC''s setString) where a rule is expected reads as absolv_rule input (a preset name or rule-language text)';

-- Planner support (issue 14).  absolv_in_horizon_support keeps its name and
-- signature: from 0.2.0 on it gives index conditions and a selectivity
-- instead of rewriting the call, so absolv_in_horizon gets the cost of
-- computing a horizon.  absolv_in_scope gets a support function for its
-- selectivity, and the transition functions a cost that makes the planner
-- aggregate in the parallel workers.  Both are changed in place
-- (ALTER FUNCTION), never dropped and created again, so views in user
-- databases that use absolv_in_scope or the aggregates (pg_depend) keep
-- working.
CREATE FUNCTION @extschema@.absolv_in_scope_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_in_scope_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_in_scope_support(pg_catalog.internal) IS
  'planner support of absolv_in_scope: its selectivity, from the rule and the statistics of the code columns';

ALTER FUNCTION @extschema@.absolv_in_scope(pg_catalog.text, pg_catalog.date, pg_catalog.date,
                                           pg_catalog.text, @extschema@.absolv_rule)
  SUPPORT @extschema@.absolv_in_scope_support;
ALTER FUNCTION @extschema@.absolv_in_scope(pg_catalog.text, pg_catalog.date, pg_catalog.date,
                                           pg_catalog.text, pg_catalog.text, pg_catalog.text,
                                           pg_catalog.text, pg_catalog.text, @extschema@.absolv_rule)
  SUPPORT @extschema@.absolv_in_scope_support;

ALTER FUNCTION @extschema@.absolv_in_horizon(pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule)
  COST 10;
ALTER FUNCTION @extschema@.absolv_in_horizon(pg_catalog.date, pg_catalog.date, pg_catalog.date,
                                             pg_catalog.text, @extschema@.absolv_rule)
  COST 10;

COMMENT ON FUNCTION @extschema@.absolv_in_horizon_support(pg_catalog.internal) IS
  'planner support of absolv_in_horizon: index bounds on the day of evidence, and the share of the evidence in the horizon';

ALTER FUNCTION @extschema@.absolv_compliant_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date,
                                                    pg_catalog.text, pg_catalog.text, pg_catalog.date,
                                                    pg_catalog.date, @extschema@.absolv_rule)
  COST 10;
ALTER FUNCTION @extschema@.absolv_verdict_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date,
                                                  pg_catalog.text, pg_catalog.text, pg_catalog.date,
                                                  pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule)
  COST 10;
ALTER FUNCTION @extschema@.absolv_partial_agg_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date,
                                                      pg_catalog.text, pg_catalog.text, pg_catalog.date,
                                                      pg_catalog.date, @extschema@.absolv_rule)
  COST 10;

------------------------------------------------------------------------------
-- the catalogue's source names the directive by title
------------------------------------------------------------------------------

COMMENT ON VIEW @extschema@.absolv_catalogue IS
  'the preset rules: name, description, source (the directive: job centre, title and section) and canonical rule text';
COMMENT ON COLUMN @extschema@.absolv_catalogue.source IS 'the directive: job centre, title and section';
