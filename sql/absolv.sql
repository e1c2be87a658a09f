\echo Use "CREATE EXTENSION absolv" to load this file. \quit

-- absolv: the Absolventenmanagement rules of German job centres as SQL values.
-- Every reference is schema-qualified (@extschema@ or pg_catalog), so the
-- script does not depend on the search_path of the user who installs it.

------------------------------------------------------------------------------
-- the type absolv_rule
------------------------------------------------------------------------------

CREATE TYPE @extschema@.absolv_rule;

CREATE FUNCTION @extschema@.absolv_rule_in(pg_catalog.cstring)
RETURNS @extschema@.absolv_rule
AS 'MODULE_PATHNAME', 'absolv_rule_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_out(@extschema@.absolv_rule)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'absolv_rule_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_recv(pg_catalog.internal)
RETURNS @extschema@.absolv_rule
AS 'MODULE_PATHNAME', 'absolv_rule_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_send(@extschema@.absolv_rule)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'absolv_rule_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.absolv_rule (
  INPUT = @extschema@.absolv_rule_in,
  OUTPUT = @extschema@.absolv_rule_out,
  RECEIVE = @extschema@.absolv_rule_recv,
  SEND = @extschema@.absolv_rule_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = int4,
  STORAGE = extended
);

COMMENT ON TYPE @extschema@.absolv_rule IS
  'an Absolventenmanagement rule (scope, window, required evidence, schedule): a preset name or rule-language text, stored as canonical text';
COMMENT ON FUNCTION @extschema@.absolv_rule_in(pg_catalog.cstring) IS
  'text input of absolv_rule: a preset name or a rule written in the rule language';
COMMENT ON FUNCTION @extschema@.absolv_rule_out(@extschema@.absolv_rule) IS
  'text output of absolv_rule: the canonical rule-language text';
COMMENT ON FUNCTION @extschema@.absolv_rule_recv(pg_catalog.internal) IS
  'binary input of absolv_rule: version byte 1, then the rule text';
COMMENT ON FUNCTION @extschema@.absolv_rule_send(@extschema@.absolv_rule) IS
  'binary output of absolv_rule: version byte 1, then the canonical rule text';

------------------------------------------------------------------------------
-- comparison: byte order of the canonical texts, so that equal rules are
-- equal values and GROUP BY, DISTINCT, indexes and hash joins work
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_rule_eq(@extschema@.absolv_rule, @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_rule_eq'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_ne(@extschema@.absolv_rule, @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_rule_ne'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_lt(@extschema@.absolv_rule, @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_rule_lt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_le(@extschema@.absolv_rule, @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_rule_le'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_gt(@extschema@.absolv_rule, @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_rule_gt'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_ge(@extschema@.absolv_rule, @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_rule_ge'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_cmp(@extschema@.absolv_rule, @extschema@.absolv_rule)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'absolv_rule_cmp'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_hash(@extschema@.absolv_rule)
RETURNS pg_catalog.int4
AS 'MODULE_PATHNAME', 'absolv_rule_hash'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_hash_extended(@extschema@.absolv_rule, pg_catalog.int8)
RETURNS pg_catalog.int8
AS 'MODULE_PATHNAME', 'absolv_rule_hash_extended'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_rule_eq(@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'implementation of = for absolv_rule: same canonical text';
COMMENT ON FUNCTION @extschema@.absolv_rule_ne(@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'implementation of <> for absolv_rule: different canonical text';
COMMENT ON FUNCTION @extschema@.absolv_rule_lt(@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'implementation of < for absolv_rule: byte order of the canonical texts';
COMMENT ON FUNCTION @extschema@.absolv_rule_le(@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'implementation of <= for absolv_rule: byte order of the canonical texts';
COMMENT ON FUNCTION @extschema@.absolv_rule_gt(@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'implementation of > for absolv_rule: byte order of the canonical texts';
COMMENT ON FUNCTION @extschema@.absolv_rule_ge(@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'implementation of >= for absolv_rule: byte order of the canonical texts';
COMMENT ON FUNCTION @extschema@.absolv_rule_cmp(@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'btree support for absolv_rule: -1, 0 or 1 in byte order of the canonical texts';
COMMENT ON FUNCTION @extschema@.absolv_rule_hash(@extschema@.absolv_rule) IS
  'hash support for absolv_rule: hash of the canonical text';
COMMENT ON FUNCTION @extschema@.absolv_rule_hash_extended(@extschema@.absolv_rule, pg_catalog.int8) IS
  'hash support for absolv_rule: seeded 64-bit hash of the canonical text';

CREATE OPERATOR @extschema@.= (
  LEFTARG = @extschema@.absolv_rule,
  RIGHTARG = @extschema@.absolv_rule,
  FUNCTION = @extschema@.absolv_rule_eq,
  COMMUTATOR = OPERATOR(@extschema@.=),
  NEGATOR = OPERATOR(@extschema@.<>),
  RESTRICT = pg_catalog.eqsel,
  JOIN = pg_catalog.eqjoinsel,
  HASHES,
  MERGES
);

CREATE OPERATOR @extschema@.<> (
  LEFTARG = @extschema@.absolv_rule,
  RIGHTARG = @extschema@.absolv_rule,
  FUNCTION = @extschema@.absolv_rule_ne,
  COMMUTATOR = OPERATOR(@extschema@.<>),
  NEGATOR = OPERATOR(@extschema@.=),
  RESTRICT = pg_catalog.neqsel,
  JOIN = pg_catalog.neqjoinsel
);

CREATE OPERATOR @extschema@.< (
  LEFTARG = @extschema@.absolv_rule,
  RIGHTARG = @extschema@.absolv_rule,
  FUNCTION = @extschema@.absolv_rule_lt,
  COMMUTATOR = OPERATOR(@extschema@.>),
  NEGATOR = OPERATOR(@extschema@.>=),
  RESTRICT = pg_catalog.scalarltsel,
  JOIN = pg_catalog.scalarltjoinsel
);

CREATE OPERATOR @extschema@.<= (
  LEFTARG = @extschema@.absolv_rule,
  RIGHTARG = @extschema@.absolv_rule,
  FUNCTION = @extschema@.absolv_rule_le,
  COMMUTATOR = OPERATOR(@extschema@.>=),
  NEGATOR = OPERATOR(@extschema@.>),
  RESTRICT = pg_catalog.scalarlesel,
  JOIN = pg_catalog.scalarlejoinsel
);

CREATE OPERATOR @extschema@.> (
  LEFTARG = @extschema@.absolv_rule,
  RIGHTARG = @extschema@.absolv_rule,
  FUNCTION = @extschema@.absolv_rule_gt,
  COMMUTATOR = OPERATOR(@extschema@.<),
  NEGATOR = OPERATOR(@extschema@.<=),
  RESTRICT = pg_catalog.scalargtsel,
  JOIN = pg_catalog.scalargtjoinsel
);

CREATE OPERATOR @extschema@.>= (
  LEFTARG = @extschema@.absolv_rule,
  RIGHTARG = @extschema@.absolv_rule,
  FUNCTION = @extschema@.absolv_rule_ge,
  COMMUTATOR = OPERATOR(@extschema@.<=),
  NEGATOR = OPERATOR(@extschema@.<),
  RESTRICT = pg_catalog.scalargesel,
  JOIN = pg_catalog.scalargejoinsel
);

COMMENT ON OPERATOR @extschema@.= (@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'same rule (same canonical text)';
COMMENT ON OPERATOR @extschema@.<> (@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'different rules';
COMMENT ON OPERATOR @extschema@.< (@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'less than, in byte order of the canonical texts';
COMMENT ON OPERATOR @extschema@.<= (@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'less than or equal, in byte order of the canonical texts';
COMMENT ON OPERATOR @extschema@.> (@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'greater than, in byte order of the canonical texts';
COMMENT ON OPERATOR @extschema@.>= (@extschema@.absolv_rule, @extschema@.absolv_rule) IS
  'greater than or equal, in byte order of the canonical texts';

CREATE OPERATOR CLASS @extschema@.absolv_rule_ops
  DEFAULT FOR TYPE @extschema@.absolv_rule USING btree AS
    OPERATOR 1 @extschema@.< ,
    OPERATOR 2 @extschema@.<= ,
    OPERATOR 3 @extschema@.= ,
    OPERATOR 4 @extschema@.>= ,
    OPERATOR 5 @extschema@.> ,
    FUNCTION 1 @extschema@.absolv_rule_cmp(@extschema@.absolv_rule, @extschema@.absolv_rule),
    FUNCTION 4 pg_catalog.btequalimage(pg_catalog.oid);

CREATE OPERATOR CLASS @extschema@.absolv_rule_hash_ops
  DEFAULT FOR TYPE @extschema@.absolv_rule USING hash AS
    OPERATOR 1 @extschema@.= ,
    FUNCTION 1 @extschema@.absolv_rule_hash(@extschema@.absolv_rule),
    FUNCTION 2 @extschema@.absolv_rule_hash_extended(@extschema@.absolv_rule, pg_catalog.int8);

COMMENT ON OPERATOR FAMILY @extschema@.absolv_rule_ops USING btree IS
  'btree operators of absolv_rule';
COMMENT ON OPERATOR CLASS @extschema@.absolv_rule_ops USING btree IS
  'default btree operator class of absolv_rule: byte order of the canonical texts';
COMMENT ON OPERATOR FAMILY @extschema@.absolv_rule_hash_ops USING hash IS
  'hash operators of absolv_rule';
COMMENT ON OPERATOR CLASS @extschema@.absolv_rule_hash_ops USING hash IS
  'default hash operator class of absolv_rule, for hash joins and hash aggregation';

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

------------------------------------------------------------------------------
-- rules and presets
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_rule_name(rule @extschema@.absolv_rule)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'absolv_rule_name'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_rule_description(rule @extschema@.absolv_rule)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'absolv_rule_description'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_presets()
RETURNS TABLE (name pg_catalog.text, description pg_catalog.text,
               source pg_catalog.text, rule @extschema@.absolv_rule)
AS 'MODULE_PATHNAME', 'absolv_presets'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 8;

COMMENT ON FUNCTION @extschema@.absolv_rule_name(@extschema@.absolv_rule) IS
  'the name of a rule, for example cottbus_ies';
COMMENT ON FUNCTION @extschema@.absolv_rule_description(@extschema@.absolv_rule) IS
  'the description of a rule, NULL if it has none';
COMMENT ON FUNCTION @extschema@.absolv_presets() IS
  'the preset rules: name, description, source directive and the rule itself';

------------------------------------------------------------------------------
-- windows, horizons and calendar
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_window(exit_date pg_catalog.date, rule @extschema@.absolv_rule)
RETURNS pg_catalog.daterange
AS 'MODULE_PATHNAME', 'absolv_window_exit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_window(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                          measure pg_catalog.text, rule @extschema@.absolv_rule)
RETURNS pg_catalog.daterange
AS 'MODULE_PATHNAME', 'absolv_window_case'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_horizon(exit_date pg_catalog.date, rule @extschema@.absolv_rule)
RETURNS pg_catalog.daterange
AS 'MODULE_PATHNAME', 'absolv_horizon_exit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_horizon(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                           measure pg_catalog.text, rule @extschema@.absolv_rule)
RETURNS pg_catalog.daterange
AS 'MODULE_PATHNAME', 'absolv_horizon_case'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_horizon_start(exit_date pg_catalog.date, rule @extschema@.absolv_rule)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'absolv_horizon_start_exit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_horizon_start(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                                 measure pg_catalog.text, rule @extschema@.absolv_rule)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'absolv_horizon_start_case'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_horizon_end(exit_date pg_catalog.date, rule @extschema@.absolv_rule)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'absolv_horizon_end_exit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_horizon_end(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                               measure pg_catalog.text, rule @extschema@.absolv_rule)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'absolv_horizon_end_case'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_in_horizon_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_in_horizon_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

-- COST 10: a call computes the participation's horizon (hundreds of
-- instructions).  With the default of 1 the planner prefers a hash join
-- that calls it for every pair of participation and evidence of a customer
-- to the index scan of the horizon.
CREATE FUNCTION @extschema@.absolv_in_horizon(at pg_catalog.date, exit_date pg_catalog.date,
                                              rule @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_in_horizon_exit'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
COST 10
SUPPORT @extschema@.absolv_in_horizon_support;

CREATE FUNCTION @extschema@.absolv_in_horizon(at pg_catalog.date, entry_date pg_catalog.date,
                                              exit_date pg_catalog.date, measure pg_catalog.text,
                                              rule @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_in_horizon_case'
LANGUAGE C IMMUTABLE PARALLEL SAFE
COST 10
SUPPORT @extschema@.absolv_in_horizon_support;

CREATE FUNCTION @extschema@.absolv_add_working_days(day pg_catalog.date, n pg_catalog.int4,
                                                    land pg_catalog.text)
RETURNS pg_catalog.date
AS 'MODULE_PATHNAME', 'absolv_add_working_days_date'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_holiday(day pg_catalog.date, land pg_catalog.text)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'absolv_holiday'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_window(pg_catalog.date, @extschema@.absolv_rule) IS
  'requirement window of a participation as [from, to + 1); an error for a rule whose window depends on the measure or the duration';
COMMENT ON FUNCTION @extschema@.absolv_window(pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'requirement window of the rule variant that applies to the participation; NULL if the dates are invalid or do not choose a variant';
COMMENT ON FUNCTION @extschema@.absolv_horizon(pg_catalog.date, @extschema@.absolv_rule) IS
  'every day of evidence the rule can look at, over all its variants: the safe prefilter of an evidence join';
COMMENT ON FUNCTION @extschema@.absolv_horizon(pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'every day of evidence the rule variant that applies to the participation can look at; NULL if the dates are invalid';
COMMENT ON FUNCTION @extschema@.absolv_horizon_start(pg_catalog.date, @extschema@.absolv_rule) IS
  'the first day of absolv_horizon(exit_date, rule)';
COMMENT ON FUNCTION @extschema@.absolv_horizon_start(pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'the first day of absolv_horizon(entry_date, exit_date, measure, rule)';
COMMENT ON FUNCTION @extschema@.absolv_horizon_end(pg_catalog.date, @extschema@.absolv_rule) IS
  'the last day of absolv_horizon(exit_date, rule)';
COMMENT ON FUNCTION @extschema@.absolv_horizon_end(pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'the last day of absolv_horizon(entry_date, exit_date, measure, rule)';
COMMENT ON FUNCTION @extschema@.absolv_in_horizon_support(pg_catalog.internal) IS
  'planner support of absolv_in_horizon: index bounds on the day of evidence, and the share of the evidence in the horizon';
COMMENT ON FUNCTION @extschema@.absolv_in_horizon(pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'is a day of evidence inside absolv_horizon(exit_date, rule)? The planner turns it into index bounds: the prefilter of an evidence join';
COMMENT ON FUNCTION @extschema@.absolv_in_horizon(pg_catalog.date, pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'is a day of evidence inside absolv_horizon(entry_date, exit_date, measure, rule)? The planner turns it into index bounds';
COMMENT ON FUNCTION @extschema@.absolv_add_working_days(pg_catalog.date, pg_catalog.int4, pg_catalog.text) IS
  'the n-th working day (Monday to Friday, no public holiday of the Land or regional calendar, such as BY-AUGSBURG) after a day';
COMMENT ON FUNCTION @extschema@.absolv_holiday(pg_catalog.date, pg_catalog.text) IS
  'the German name of the public holiday on a day in a Land or regional calendar (such as BY-AUGSBURG), or NULL';

------------------------------------------------------------------------------
-- scope: the denominator
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_in_scope_support(pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_in_scope_support'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_in_scope_support(pg_catalog.internal) IS
  'planner support of absolv_in_scope: its selectivity, from the rule and the statistics of the code columns';

CREATE FUNCTION @extschema@.absolv_in_scope(measure pg_catalog.text, entry_date pg_catalog.date,
                                            exit_date pg_catalog.date, outcome pg_catalog.text,
                                            rule @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_in_scope_basic'
LANGUAGE C IMMUTABLE PARALLEL SAFE
SUPPORT @extschema@.absolv_in_scope_support;

CREATE FUNCTION @extschema@.absolv_in_scope(measure pg_catalog.text, entry_date pg_catalog.date,
                                            exit_date pg_catalog.date, outcome pg_catalog.text,
                                            customer_status pg_catalog.text,
                                            legal_sphere pg_catalog.text,
                                            cosach_status pg_catalog.text, goal pg_catalog.text,
                                            rule @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_in_scope_full'
LANGUAGE C IMMUTABLE PARALLEL SAFE
SUPPORT @extschema@.absolv_in_scope_support;

COMMENT ON FUNCTION @extschema@.absolv_in_scope(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'is the participation in the scope of the rule (denominator)? unknown outcome codes are an error; a rule whose scope needs the customer status, legal sphere or CoSach status of every participation ("not null") raises 22023: use the nine-argument form';
COMMENT ON FUNCTION @extschema@.absolv_in_scope(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, @extschema@.absolv_rule) IS
  'is the participation in the scope of the rule, with customer status, legal sphere, CoSach status and goal? unknown codes are an error';

------------------------------------------------------------------------------
-- compliance: the numerator
------------------------------------------------------------------------------

-- COST 10 (of cpu_operator_cost) for the transition functions: one row
-- costs about 550 instructions (bench/callgrind --backend), ten times a
-- built-in comparison.  With the default of 1 the planner finds it as cheap
-- to run every transition in the leader, above the Gather, as in the
-- workers, and at 8 or more workers it plans no partial aggregate.
CREATE FUNCTION @extschema@.absolv_compliant_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date,
                                                     pg_catalog.text, pg_catalog.text, pg_catalog.date,
                                                     pg_catalog.date, @extschema@.absolv_rule)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_compliant_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE
COST 10;

CREATE FUNCTION @extschema@.absolv_compliant_finalfn(pg_catalog.internal)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_compliant_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_compliant_combinefn(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_compliant_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_compliant_serialfn(pg_catalog.internal)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'absolv_compliant_serialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_compliant_deserialfn(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_compliant_deserialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_compliant_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'transition function of absolv_compliant: adds one evidence row of a participation';
COMMENT ON FUNCTION @extschema@.absolv_compliant_finalfn(pg_catalog.internal) IS
  'final function of absolv_compliant: true, false, or NULL for an excluded or invalid participation';
COMMENT ON FUNCTION @extschema@.absolv_compliant_combinefn(pg_catalog.internal, pg_catalog.internal) IS
  'combine function of absolv_compliant: merges the evidence of two partial states of one participation';
COMMENT ON FUNCTION @extschema@.absolv_compliant_serialfn(pg_catalog.internal) IS
  'serialization function of absolv_compliant, for parallel aggregation';
COMMENT ON FUNCTION @extschema@.absolv_compliant_deserialfn(pg_catalog.bytea, pg_catalog.internal) IS
  'deserialization function of absolv_compliant, for parallel aggregation; checks every length';

-- SSPACE: the state is a rule pointer, flags, the raw measure code and the
-- core's absolv_case, which has room for the terms and follow-ups of the
-- participation's variant only: 96 to 128 bytes on 64-bit platforms for a
-- preset without follow-ups and a measure code of up to 8 bytes, which the
-- allocator serves from its 128-byte size class, plus the chunk header
-- (frankfurt, with a follow-up's bitmaps: 200 bytes, the 256-byte class)
CREATE AGGREGATE @extschema@.absolv_compliant(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                              measure pg_catalog.text, kind pg_catalog.text,
                                              at pg_catalog.date, valid_until pg_catalog.date,
                                              rule @extschema@.absolv_rule) (
  SFUNC = @extschema@.absolv_compliant_transfn,
  STYPE = pg_catalog.internal,
  SSPACE = 144,
  FINALFUNC = @extschema@.absolv_compliant_finalfn,
  COMBINEFUNC = @extschema@.absolv_compliant_combinefn,
  SERIALFUNC = @extschema@.absolv_compliant_serialfn,
  DESERIALFUNC = @extschema@.absolv_compliant_deserialfn,
  PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.absolv_compliant(pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'numerator: does the participation of the group fulfil the requirement of the rule with the evidence rows of the group? NULL if excluded or invalid';

------------------------------------------------------------------------------
-- verdicts: the status of one participation as of a day (docs/rules.md)
------------------------------------------------------------------------------

CREATE TYPE @extschema@.absolv_verdict_result AS (
  status pg_catalog.text,
  rule_name pg_catalog.text,
  variant pg_catalog.text,
  rule_fingerprint pg_catalog.text,
  window_from pg_catalog.date,
  window_to pg_catalog.date,
  last_day pg_catalog.date,
  days_left pg_catalog.int4,
  missing pg_catalog.text[],
  evidence_dates pg_catalog.date[]
);

COMMENT ON TYPE @extschema@.absolv_verdict_result IS
  'the verdict of one participation as of a day, in plain SQL types for BI tools; to_jsonb(verdict) gives its JSON form';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.status IS
  'excluded (documented exception), fulfilled, pending (not yet fulfilled, still possible), missed (no longer possible) or invalid (the participation''s own data)';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.rule_name IS
  'the name of the rule that gave the verdict';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.variant IS
  'the name of the rule variant that applied; NULL for a rule without variants and for invalid data';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.rule_fingerprint IS
  'md5 of the canonical text of the rule (absolv_rule_fingerprint): which rule text gave the verdict';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.window_from IS
  'first day of the requirement window; NULL for invalid data';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.window_to IS
  'last day of the requirement window; NULL for invalid data';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.last_day IS
  'pending or missed: the last day on which the requirement could still be (or could have been) fulfilled; else NULL';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.days_left IS
  'pending: last_day - as_of; else NULL';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.missing IS
  'pending or missed: the parts of the requirement that do not hold, as rule-language text (for example EINV in force at exit, VV or SI); else NULL';
COMMENT ON COLUMN @extschema@.absolv_verdict_result.evidence_dates IS
  'the days of the evidence that satisfied parts of the requirement, sorted; NULL if none';

CREATE FUNCTION @extschema@.absolv_verdict_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date,
                                                   pg_catalog.text, pg_catalog.text, pg_catalog.date,
                                                   pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_verdict_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE
COST 10;

CREATE FUNCTION @extschema@.absolv_verdict_finalfn(pg_catalog.internal)
RETURNS @extschema@.absolv_verdict_result
AS 'MODULE_PATHNAME', 'absolv_verdict_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_verdict_combinefn(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_verdict_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_verdict_serialfn(pg_catalog.internal)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'absolv_verdict_serialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_verdict_deserialfn(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_verdict_deserialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_verdict_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'transition function of absolv_verdict: adds one evidence row of a participation, ignoring evidence dated after as_of';
COMMENT ON FUNCTION @extschema@.absolv_verdict_finalfn(pg_catalog.internal) IS
  'final function of absolv_verdict: the verdict as of as_of';
COMMENT ON FUNCTION @extschema@.absolv_verdict_combinefn(pg_catalog.internal, pg_catalog.internal) IS
  'combine function of absolv_verdict: merges the evidence of two partial states of one participation';
COMMENT ON FUNCTION @extschema@.absolv_verdict_serialfn(pg_catalog.internal) IS
  'serialization function of absolv_verdict, for parallel aggregation';
COMMENT ON FUNCTION @extschema@.absolv_verdict_deserialfn(pg_catalog.bytea, pg_catalog.internal) IS
  'deserialization function of absolv_verdict, for parallel aggregation; checks every length and the as_of day';

-- SSPACE: the state of absolv_compliant with the as_of day, in the same
-- 128-byte size class
CREATE AGGREGATE @extschema@.absolv_verdict(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                            measure pg_catalog.text, kind pg_catalog.text,
                                            at pg_catalog.date, valid_until pg_catalog.date,
                                            as_of pg_catalog.date, rule @extschema@.absolv_rule) (
  SFUNC = @extschema@.absolv_verdict_transfn,
  STYPE = pg_catalog.internal,
  SSPACE = 144,
  FINALFUNC = @extschema@.absolv_verdict_finalfn,
  COMBINEFUNC = @extschema@.absolv_verdict_combinefn,
  SERIALFUNC = @extschema@.absolv_verdict_serialfn,
  DESERIALFUNC = @extschema@.absolv_verdict_deserialfn,
  PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.absolv_verdict(pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'the verdict of the participation of the group as of as_of (status, window, last day to act, missing parts, evidence days, rule name and fingerprint); evidence dated after as_of is ignored; as_of must be the same on every row; NULL if as_of is NULL';

------------------------------------------------------------------------------
-- scope explanation: attrition reports
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_scope_reason(measure pg_catalog.text, entry_date pg_catalog.date,
                                                exit_date pg_catalog.date, outcome pg_catalog.text,
                                                rule @extschema@.absolv_rule)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'absolv_scope_reason_basic'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_scope_reason(measure pg_catalog.text, entry_date pg_catalog.date,
                                                exit_date pg_catalog.date, outcome pg_catalog.text,
                                                customer_status pg_catalog.text,
                                                legal_sphere pg_catalog.text,
                                                cosach_status pg_catalog.text, goal pg_catalog.text,
                                                rule @extschema@.absolv_rule)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'absolv_scope_reason_full'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_scope_reason(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'NULL if the participation is in the scope of the rule, else the first criterion that excluded it: invalid data, measure, duration, outcome, or goal (a BvB whose goal the rule requires); raises 22023 like absolv_in_scope for a rule that needs attributes this form lacks';
COMMENT ON FUNCTION @extschema@.absolv_scope_reason(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, @extschema@.absolv_rule) IS
  'NULL if the participation is in the scope of the rule, else the first criterion that excluded it: invalid data, measure, duration, outcome, customer status, legal sphere, CoSach status or goal';

------------------------------------------------------------------------------
-- schedule: due dates for worklists
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_schedule(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                            measure pg_catalog.text, rule @extschema@.absolv_rule)
RETURNS TABLE (step pg_catalog.text, due pg_catalog.date, description pg_catalog.text)
AS 'MODULE_PATHNAME', 'absolv_schedule'
LANGUAGE C IMMUTABLE PARALLEL SAFE ROWS 5;

COMMENT ON FUNCTION @extschema@.absolv_schedule(pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'the due dates of a participation under the rule: one row per step that applies (step, due date, note), by due date; no rows for invalid dates';

------------------------------------------------------------------------------
-- rule versions: rules that change over time
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_rule_fingerprint(rule @extschema@.absolv_rule)
RETURNS pg_catalog.text
AS 'MODULE_PATHNAME', 'absolv_rule_fingerprint'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_rule_fingerprint(@extschema@.absolv_rule) IS
  'md5 of the canonical text of the rule, the same as md5(rule::text): tells which rule text gave a result';

CREATE TABLE @extschema@.absolv_rule_version (
  name pg_catalog.text NOT NULL,
  valid_from pg_catalog.date NOT NULL,
  valid_to pg_catalog.date,
  rule @extschema@.absolv_rule NOT NULL,
  note pg_catalog.text,
  PRIMARY KEY (name, valid_from),
  CHECK (valid_to IS NULL OR valid_to >= valid_from)
);

SELECT pg_catalog.pg_extension_config_dump('@extschema@.absolv_rule_version', '');
GRANT SELECT ON @extschema@.absolv_rule_version TO PUBLIC;
-- the extension is trusted: a non-superuser who creates it owns the extension
-- but not this table, and is to maintain the versions
GRANT INSERT, UPDATE, DELETE ON @extschema@.absolv_rule_version TO @extowner@;

COMMENT ON TABLE @extschema@.absolv_rule_version IS
  'named rules with validity periods: judge each exit by the version in force on its exit day (absolv_rule_at); periods of one name must not overlap; the rows are the user''s and pg_dump dumps them';
COMMENT ON COLUMN @extschema@.absolv_rule_version.name IS
  'the name reports use for the rule, for example cottbus_ies; need not be the name inside the rule text';
COMMENT ON COLUMN @extschema@.absolv_rule_version.valid_from IS
  'first day of the period in which this version is in force';
COMMENT ON COLUMN @extschema@.absolv_rule_version.valid_to IS
  'last day of the period (inclusive); NULL: open-ended';
COMMENT ON COLUMN @extschema@.absolv_rule_version.rule IS
  'the rule of this version';
COMMENT ON COLUMN @extschema@.absolv_rule_version.note IS
  'free text, for example the directive or decision that introduced the version';

CREATE FUNCTION @extschema@.absolv_rule_version_check()
RETURNS pg_catalog.trigger
LANGUAGE plpgsql
SET search_path = pg_catalog, pg_temp
AS $$
DECLARE
  other record;
BEGIN
  -- concurrent writers of one name wait for each other, so that each sees
  -- the periods the other committed (in READ COMMITTED)
  PERFORM pg_catalog.pg_advisory_xact_lock(
    '@extschema@.absolv_rule_version'::pg_catalog.regclass::pg_catalog.oid::pg_catalog.int4,
    pg_catalog.hashtext(NEW.name));
  SELECT v.valid_from, v.valid_to INTO other
  FROM @extschema@.absolv_rule_version AS v
  WHERE v.name = NEW.name
    AND (TG_OP = 'INSERT' OR (v.name, v.valid_from) IS DISTINCT FROM (OLD.name, OLD.valid_from))
    AND v.valid_from <= coalesce(NEW.valid_to, 'infinity'::pg_catalog.date)
    AND NEW.valid_from <= coalesce(v.valid_to, 'infinity'::pg_catalog.date)
  ORDER BY v.valid_from
  LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'rule version "%" from % to % overlaps the version from % to %',
                    NEW.name, NEW.valid_from, coalesce(NEW.valid_to::text, 'open end'),
                    other.valid_from, coalesce(other.valid_to::text, 'open end')
      USING ERRCODE = 'exclusion_violation',
            HINT = 'End the earlier version (valid_to) the day before the next one begins.';
  END IF;
  RETURN NEW;
END
$$;

COMMENT ON FUNCTION @extschema@.absolv_rule_version_check() IS
  'trigger function of absolv_rule_version: rejects a period that overlaps another version of the same name (SQLSTATE 23P01)';

CREATE TRIGGER absolv_rule_version_check
BEFORE INSERT OR UPDATE ON @extschema@.absolv_rule_version
FOR EACH ROW EXECUTE FUNCTION @extschema@.absolv_rule_version_check();

COMMENT ON TRIGGER absolv_rule_version_check ON @extschema@.absolv_rule_version IS
  'no two versions of one name are in force on the same day';

CREATE FUNCTION @extschema@.absolv_rule_at(name pg_catalog.text, day pg_catalog.date)
RETURNS @extschema@.absolv_rule
LANGUAGE sql STABLE STRICT PARALLEL SAFE
AS $$
  SELECT v.rule
  FROM @extschema@.absolv_rule_version AS v
  WHERE v.name OPERATOR(pg_catalog.=) $1
    AND v.valid_from OPERATOR(pg_catalog.<=) $2
    AND $2 OPERATOR(pg_catalog.<=) coalesce(v.valid_to, 'infinity'::pg_catalog.date)
  ORDER BY v.valid_from DESC
  LIMIT 1
$$;

COMMENT ON FUNCTION @extschema@.absolv_rule_at(pg_catalog.text, pg_catalog.date) IS
  'the version of the named rule in force on a day (valid_from <= day <= valid_to) from absolv_rule_version; NULL when none is, so that a row outside every period does not stop a report';

------------------------------------------------------------------------------
-- catalogue of the presets
------------------------------------------------------------------------------

CREATE VIEW @extschema@.absolv_catalogue AS
SELECT p.name, p.description, p.source, p.rule::pg_catalog.text AS rule_text
FROM @extschema@.absolv_presets() AS p;

GRANT SELECT ON @extschema@.absolv_catalogue TO PUBLIC;

COMMENT ON VIEW @extschema@.absolv_catalogue IS
  'the preset rules: name, description, source (the directive: job centre, title and section) and canonical rule text';
COMMENT ON COLUMN @extschema@.absolv_catalogue.name IS 'the preset name, for example cottbus_ies';
COMMENT ON COLUMN @extschema@.absolv_catalogue.description IS 'the description of the preset';
COMMENT ON COLUMN @extschema@.absolv_catalogue.source IS 'the directive: job centre, title and section';
COMMENT ON COLUMN @extschema@.absolv_catalogue.rule_text IS 'the canonical rule-language text of the preset';

------------------------------------------------------------------------------
-- Partial states that travel between servers (scale-out)
--
-- absolv_partial is the state of absolv_compliant and absolv_verdict for one
-- participation as a value: shards aggregate their evidence into it
-- (absolv_partial_agg), a coordinator merges the values of one participation
-- (absolv_partial_merge) and finishes them (absolv_partial_compliant,
-- absolv_partial_verdict).  Text form 'v2:' || base64 of the bytes.
------------------------------------------------------------------------------

CREATE TYPE @extschema@.absolv_partial;

CREATE FUNCTION @extschema@.absolv_partial_in(pg_catalog.cstring)
RETURNS @extschema@.absolv_partial
AS 'MODULE_PATHNAME', 'absolv_partial_in'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_out(@extschema@.absolv_partial)
RETURNS pg_catalog.cstring
AS 'MODULE_PATHNAME', 'absolv_partial_out'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_recv(pg_catalog.internal)
RETURNS @extschema@.absolv_partial
AS 'MODULE_PATHNAME', 'absolv_partial_recv'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_send(@extschema@.absolv_partial)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'absolv_partial_send'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE @extschema@.absolv_partial (
  INPUT = @extschema@.absolv_partial_in,
  OUTPUT = @extschema@.absolv_partial_out,
  RECEIVE = @extschema@.absolv_partial_recv,
  SEND = @extschema@.absolv_partial_send,
  INTERNALLENGTH = VARIABLE,
  ALIGNMENT = int4,
  STORAGE = extended
);

COMMENT ON TYPE @extschema@.absolv_partial IS
  'the evidence of one participation under one rule, as far as absolv_compliant and absolv_verdict need it: a partial state that can travel between servers of the same absolv version (absolv_partial_agg, absolv_partial_merge, absolv_partial_compliant, absolv_partial_verdict)';
COMMENT ON FUNCTION @extschema@.absolv_partial_in(pg_catalog.cstring) IS
  'text input of absolv_partial: v2: and the state in base64; a malformed state is an error (22P02 syntax, XX001 content)';
COMMENT ON FUNCTION @extschema@.absolv_partial_out(@extschema@.absolv_partial) IS
  'text output of absolv_partial: v, the format version, a colon and the state in base64';
COMMENT ON FUNCTION @extschema@.absolv_partial_recv(pg_catalog.internal) IS
  'binary input of absolv_partial: the state (format version byte first), checked like text input';
COMMENT ON FUNCTION @extschema@.absolv_partial_send(@extschema@.absolv_partial) IS
  'binary output of absolv_partial: the state, format version byte first';

CREATE FUNCTION @extschema@.absolv_partial_agg_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date,
                                                       pg_catalog.text, pg_catalog.text, pg_catalog.date,
                                                       pg_catalog.date, @extschema@.absolv_rule)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_partial_agg_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE
COST 10;

CREATE FUNCTION @extschema@.absolv_partial_agg_combinefn(pg_catalog.internal, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_partial_agg_combinefn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_merge_sfunc(@extschema@.absolv_partial, @extschema@.absolv_partial)
RETURNS @extschema@.absolv_partial
AS 'MODULE_PATHNAME', 'absolv_partial_merge_sfunc'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_finalfn(pg_catalog.internal)
RETURNS @extschema@.absolv_partial
AS 'MODULE_PATHNAME', 'absolv_partial_finalfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_serialfn(pg_catalog.internal)
RETURNS pg_catalog.bytea
AS 'MODULE_PATHNAME', 'absolv_partial_serialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_deserialfn(pg_catalog.bytea, pg_catalog.internal)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_partial_deserialfn'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_partial_agg_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'transition function of absolv_partial_agg: adds one evidence row of a participation, as absolv_compliant does';
COMMENT ON FUNCTION @extschema@.absolv_partial_agg_combinefn(pg_catalog.internal, pg_catalog.internal) IS
  'combine function of absolv_partial_agg: merges two partial states of one participation in a parallel plan';
COMMENT ON FUNCTION @extschema@.absolv_partial_merge_sfunc(@extschema@.absolv_partial, @extschema@.absolv_partial) IS
  'transition and combine function of absolv_partial_merge: the two absolv_partial values of one participation merged into one; 42803 if they describe different participations or rules';
COMMENT ON FUNCTION @extschema@.absolv_partial_finalfn(pg_catalog.internal) IS
  'final function of absolv_partial_agg: the state as an absolv_partial';
COMMENT ON FUNCTION @extschema@.absolv_partial_serialfn(pg_catalog.internal) IS
  'serialization function of absolv_partial_agg, for parallel aggregation: the bytes of an absolv_partial';
COMMENT ON FUNCTION @extschema@.absolv_partial_deserialfn(pg_catalog.bytea, pg_catalog.internal) IS
  'deserialization function of absolv_partial_agg, for parallel aggregation; checks every length';

-- SSPACE: the state of absolv_compliant
CREATE AGGREGATE @extschema@.absolv_partial_agg(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                                measure pg_catalog.text, kind pg_catalog.text,
                                                at pg_catalog.date, valid_until pg_catalog.date,
                                                rule @extschema@.absolv_rule) (
  SFUNC = @extschema@.absolv_partial_agg_transfn,
  STYPE = pg_catalog.internal,
  SSPACE = 144,
  FINALFUNC = @extschema@.absolv_partial_finalfn,
  COMBINEFUNC = @extschema@.absolv_partial_agg_combinefn,
  SERIALFUNC = @extschema@.absolv_partial_serialfn,
  DESERIALFUNC = @extschema@.absolv_partial_deserialfn,
  PARALLEL = SAFE
);

-- the state is an absolv_partial, not INTERNAL: the first value of a group
-- is taken as it is, and Citus can distribute the aggregate (one argument,
-- a combine function, a state type that is no pseudo-type)
CREATE AGGREGATE @extschema@.absolv_partial_merge(@extschema@.absolv_partial) (
  SFUNC = @extschema@.absolv_partial_merge_sfunc,
  STYPE = @extschema@.absolv_partial,
  COMBINEFUNC = @extschema@.absolv_partial_merge_sfunc,
  PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.absolv_partial_agg(pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'the first level, on each shard: the evidence rows of the group (one participation) as an absolv_partial; the arguments and rules of absolv_compliant; NULL if no row had a rule';
COMMENT ON AGGREGATE @extschema@.absolv_partial_merge(@extschema@.absolv_partial) IS
  'the second level, on the coordinator: merges the absolv_partial values of one participation (from several shards or parts) into one; NULL values are skipped; 42803 if they describe different participations or rules';

CREATE FUNCTION @extschema@.absolv_partial_compliant(@extschema@.absolv_partial)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_partial_compliant'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_partial_verdict(@extschema@.absolv_partial, as_of pg_catalog.date)
RETURNS @extschema@.absolv_verdict_result
AS 'MODULE_PATHNAME', 'absolv_partial_verdict'
LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_partial_compliant(@extschema@.absolv_partial) IS
  'finishes an absolv_partial: what absolv_compliant gives over the same evidence (true, false, NULL if excluded or invalid)';
COMMENT ON FUNCTION @extschema@.absolv_partial_verdict(@extschema@.absolv_partial, pg_catalog.date) IS
  'finishes an absolv_partial: what absolv_verdict gives over the same evidence with the same as_of; evidence dated after as_of is left out exactly, whatever as_of is';
