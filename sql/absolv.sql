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
COMMENT ON FUNCTION @extschema@.absolv_add_working_days(pg_catalog.date, pg_catalog.int4, pg_catalog.text) IS
  'the n-th working day (Monday to Friday, no public holiday of the Land) after a day';
COMMENT ON FUNCTION @extschema@.absolv_holiday(pg_catalog.date, pg_catalog.text) IS
  'the German name of the public holiday on a day in a Land, or NULL';

------------------------------------------------------------------------------
-- scope: the denominator
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_in_scope(measure pg_catalog.text, entry_date pg_catalog.date,
                                            exit_date pg_catalog.date, outcome pg_catalog.text,
                                            rule @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_in_scope_basic'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

CREATE FUNCTION @extschema@.absolv_in_scope(measure pg_catalog.text, entry_date pg_catalog.date,
                                            exit_date pg_catalog.date, outcome pg_catalog.text,
                                            customer_status pg_catalog.text,
                                            legal_sphere pg_catalog.text,
                                            cosach_status pg_catalog.text, goal pg_catalog.text,
                                            rule @extschema@.absolv_rule)
RETURNS pg_catalog.bool
AS 'MODULE_PATHNAME', 'absolv_in_scope_full'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

COMMENT ON FUNCTION @extschema@.absolv_in_scope(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, @extschema@.absolv_rule) IS
  'is the participation in the scope of the rule (denominator)? unknown outcome codes are an error';
COMMENT ON FUNCTION @extschema@.absolv_in_scope(pg_catalog.text, pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, pg_catalog.text, @extschema@.absolv_rule) IS
  'is the participation in the scope of the rule, with customer status, legal sphere, CoSach status and goal? unknown codes are an error';

------------------------------------------------------------------------------
-- compliance: the numerator
------------------------------------------------------------------------------

CREATE FUNCTION @extschema@.absolv_compliant_transfn(pg_catalog.internal, pg_catalog.date, pg_catalog.date,
                                                     pg_catalog.text, pg_catalog.text, pg_catalog.date,
                                                     pg_catalog.date, @extschema@.absolv_rule)
RETURNS pg_catalog.internal
AS 'MODULE_PATHNAME', 'absolv_compliant_transfn'
LANGUAGE C IMMUTABLE PARALLEL SAFE;

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

-- SSPACE: the state is the core's absolv_case (776 bytes on 64-bit platforms),
-- a rule pointer, flags and the raw measure code: about 800 bytes, which the
-- allocator serves from its 1 kB size class, plus the chunk header
CREATE AGGREGATE @extschema@.absolv_compliant(entry_date pg_catalog.date, exit_date pg_catalog.date,
                                              measure pg_catalog.text, kind pg_catalog.text,
                                              at pg_catalog.date, valid_until pg_catalog.date,
                                              rule @extschema@.absolv_rule) (
  SFUNC = @extschema@.absolv_compliant_transfn,
  STYPE = pg_catalog.internal,
  SSPACE = 1040,
  FINALFUNC = @extschema@.absolv_compliant_finalfn,
  COMBINEFUNC = @extschema@.absolv_compliant_combinefn,
  SERIALFUNC = @extschema@.absolv_compliant_serialfn,
  DESERIALFUNC = @extschema@.absolv_compliant_deserialfn,
  PARALLEL = SAFE
);

COMMENT ON AGGREGATE @extschema@.absolv_compliant(pg_catalog.date, pg_catalog.date, pg_catalog.text, pg_catalog.text, pg_catalog.date, pg_catalog.date, @extschema@.absolv_rule) IS
  'numerator: does the participation of the group fulfil the requirement of the rule with the evidence rows of the group? NULL if excluded or invalid';
