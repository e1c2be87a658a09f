/*
 * case_aggregates.c
 *	  The aggregates over the evidence of one participation:
 *	  absolv_compliant (does it fulfil the rule's requirement?) and
 *	  absolv_verdict (its status as of a day, RULES.md section 5, with the
 *	  window, the last day to act, the missing parts and the evidence).
 *
 * A group is one participation, its rows are its evidence (or a single row
 * with a NULL kind, from an outer join that found none).  Both aggregates
 * share one state: the core's absolv_case, which accumulates the evidence
 * in fixed size, plus what the glue needs to check that every row belongs
 * to the same participation: the cached rule, the raw measure text (entry
 * and exit are in the case) and, for absolv_verdict, the as_of day.  A
 * mismatch means the GROUP BY is wrong and is an error, because a silently
 * wrong verdict would change a quota.  An aggregate_kind tells the shared
 * code the arguments and the name of each aggregate.
 *
 * absolv_verdict ignores evidence dated after as_of: the verdict is what
 * was known on that day.
 *
 * The state lives in the aggregate context and points to its rule in the
 * cache of the support function that created it; those caches are kept
 * until the end of the query.  For parallel aggregation a state is
 * serialized as
 *	  byte 0	format version (3)
 *	  byte 1	aggregate: 0 = absolv_compliant, 1 = absolv_verdict
 *	  byte 2	rule reference: 0 = preset, then 1 byte preset index;
 *				1 = text, then uint32 length and the canonical text
 *	  uint32	measure length (0xFFFFFFFF for NULL), then its bytes
 *	  absolv_verdict only: byte 1 if as_of is NULL, else 0 and int32 as_of
 *	  rest		the core's serialized case
 * with integers in network byte order.  The deserializer trusts none of it.
 */
#include "postgres.h"

#include "access/htup_details.h"
#include "catalog/pg_type.h"
#include "funcapi.h"
#include "libpq/pqformat.h"
#include "mb/pg_wchar.h"
#include "nodes/pg_list.h"
#include "nodes/primnodes.h"
#include "port/pg_bswap.h"
#include "utils/array.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "absolv_pg.h"

PG_FUNCTION_INFO_V1(absolv_compliant_transfn);
PG_FUNCTION_INFO_V1(absolv_compliant_finalfn);
PG_FUNCTION_INFO_V1(absolv_compliant_combinefn);
PG_FUNCTION_INFO_V1(absolv_compliant_serialfn);
PG_FUNCTION_INFO_V1(absolv_compliant_deserialfn);
PG_FUNCTION_INFO_V1(absolv_verdict_transfn);
PG_FUNCTION_INFO_V1(absolv_verdict_finalfn);
PG_FUNCTION_INFO_V1(absolv_verdict_combinefn);
PG_FUNCTION_INFO_V1(absolv_verdict_serialfn);
PG_FUNCTION_INFO_V1(absolv_verdict_deserialfn);

/* arguments of both transition functions; 0 is the state */
#define ARG_ENTRY		1
#define ARG_EXIT		2
#define ARG_MEASURE		3
#define ARG_KIND		4
#define ARG_AT			5
#define ARG_VALID_UNTIL 6

/* serialized state */
#define STATE_FORMAT_VERSION	3
#define RULE_REF_PRESET			0
#define RULE_REF_TEXT			1
#define MEASURE_NULL_LENGTH		PG_UINT32_MAX

/* what differs between the two aggregates */
typedef struct aggregate_kind
{
	const char *name;			/* SQL name, for messages */
	uint8		id;				/* in the serialized state */
	int			rule_arg;		/* argument of the transition function */
	int			as_of_arg;		/* argument of the transition function, or 0 */
	const char *same_on_every_row;	/* for the hint of a mismatch */
} aggregate_kind;

static const aggregate_kind compliant_kind = {
	"absolv_compliant", 0, 7, 0,
	"Entry date, exit date, measure and rule"
};

static const aggregate_kind verdict_kind = {
	"absolv_verdict", 1, 8, 7,
	"Entry date, exit date, measure, as_of and rule"
};

/*
 * The partial states that travel between servers (partial_state.c) are
 * the state of absolv_compliant under the names of the aggregates that
 * build and merge it and of the type absolv_partial, whose bytes are its
 * serialized form: all three have the id of absolv_compliant.
 */
static const aggregate_kind partial_agg_kind = {
	"absolv_partial_agg", 0, 7, 0,
	"Entry date, exit date, measure and rule"
};

static const aggregate_kind partial_merge_kind = {
	"absolv_partial_merge", 0, 0, 0,
	"The participation (entry date, exit date, measure) and the rule of every absolv_partial"
};

static const aggregate_kind partial_value_kind = {
	"absolv_partial", 0, 0, 0,
	"Entry date, exit date, measure and rule"
};

typedef struct case_state
{
	absolv_case c;				/* entry, exit and the evidence so far */
	const absolv_cached_rule *rule; /* in a cache kept until query end */
	const aggregate_kind *kind;
	bool		rule_constant;	/* constant rule argument: no per-row check */
	bool		as_of_null;		/* always for absolv_compliant */
	absolv_day	as_of;
	bool		measure_null;
	int			measure_len;
	char		measure[FLEXIBLE_ARRAY_MEMBER]; /* raw text, no NUL */
} case_state;

#define STATE_SIZE(measure_len) \
	(offsetof(case_state, measure) + (measure_len))

/* what must be the same on every row of a group, besides the rule */
typedef struct participation_key
{
	bool		entry_null;
	absolv_day	entry;
	bool		exit_null;
	absolv_day	exit;
	bool		measure_null;
	const char *measure;
	int			measure_len;
	bool		as_of_null;
	absolv_day	as_of;
} participation_key;

/* the bytes of a serialized state still to read */
typedef struct state_reader
{
	const aggregate_kind *kind; /* whose state, for errors */
	const char *data;
	size_t		left;
} state_reader;

static void report_mismatch(const aggregate_kind *kind, const char *what,
							const char *value, const char *earlier,
							bool combining) pg_attribute_noreturn();
static void malformed(const aggregate_kind *kind,
					  const char *detail) pg_attribute_noreturn();

/*
 * Raise the error of a group that holds rows of more than one
 * participation: what is the argument that differs, value its value on
 * this row (or in one partial state, when combining), earlier its value
 * before.
 */
static void
report_mismatch(const aggregate_kind *kind, const char *what,
				const char *value, const char *earlier, bool combining)
{
	ereport(ERROR,
			errcode(ERRCODE_GROUPING_ERROR),
			errmsg("%s got rows of more than one participation in one group",
				   kind->name),
			combining ?
			errdetail("%s is %s in one part of the group and %s in another.",
					  what, value, earlier) :
			errdetail("%s is %s on this row and %s on an earlier row of the group.",
					  what, value, earlier),
			errhint("%s must be the same on every row of a group: GROUP BY the participation's key, for example its id.",
					kind->same_on_every_row));
}

/* a date or NULL, as the error detail shows it */
static const char *
date_for_message(bool isnull, absolv_day day)
{
	if (isnull)
		return "NULL";
	return DatumGetCString(DirectFunctionCall1(date_out, DateADTGetDatum(day)));
}

/* a measure or NULL, as the error detail shows it */
static const char *
measure_for_message(bool isnull, const char *measure, int len)
{
	if (isnull)
		return "NULL";
	return psprintf("\"%s\"", absolv_clip_for_message(measure, len));
}

/* are a[0..alen) and b[0..blen) the same bytes? */
static bool
same_bytes(const char *a, int alen, const char *b, int blen)
{
	return alen == blen && memcmp(a, b, alen) == 0;
}

/* error unless two dates (either may be NULL) are the same */
static void
check_same_date(const aggregate_kind *kind, const char *what,
				bool row_null, absolv_day row, bool earlier_null,
				absolv_day earlier, bool combining)
{
	if (row_null != earlier_null || (!row_null && row != earlier))
		report_mismatch(kind, what, date_for_message(row_null, row),
						date_for_message(earlier_null, earlier), combining);
}

/*
 * Error unless row and earlier describe the same participation: entry and
 * exit date, the measure byte for byte, and the as_of day.
 */
static void
check_same_key(const aggregate_kind *kind, const participation_key *row,
			   const participation_key *earlier, bool combining)
{
	check_same_date(kind, "entry_date", row->entry_null, row->entry,
					earlier->entry_null, earlier->entry, combining);
	check_same_date(kind, "exit_date", row->exit_null, row->exit,
					earlier->exit_null, earlier->exit, combining);
	if (row->measure_null != earlier->measure_null ||
		(!row->measure_null &&
		 !same_bytes(row->measure, row->measure_len,
					 earlier->measure, earlier->measure_len)))
		report_mismatch(kind, "measure",
						measure_for_message(row->measure_null, row->measure,
											row->measure_len),
						measure_for_message(earlier->measure_null,
											earlier->measure,
											earlier->measure_len),
						combining);
	check_same_date(kind, "as_of", row->as_of_null, row->as_of,
					earlier->as_of_null, earlier->as_of, combining);
}

/* the error of two different rules in one group, named by their names */
static void
report_rule_mismatch(const aggregate_kind *kind, const absolv_rule *rule,
					 const absolv_rule *earlier, bool combining)
{
	const char *earlier_name;

	if (strcmp(rule->name, earlier->name) == 0)
		earlier_name = psprintf("another rule named \"%s\"", earlier->name);
	else
		earlier_name = psprintf("\"%s\"", earlier->name);
	report_mismatch(kind, "rule", psprintf("\"%s\"", rule->name),
					earlier_name, combining);
}

/* the key of the participation a state describes */
static void
state_key(const case_state *state, participation_key *key)
{
	key->entry_null = state->c.entry_null;
	key->entry = state->c.entry;
	key->exit_null = state->c.exit_null;
	key->exit = state->c.exit;
	key->measure_null = state->measure_null;
	key->measure = state->measure;
	key->measure_len = state->measure_len;
	key->as_of_null = state->as_of_null;
	key->as_of = state->as_of;
}

/* the as_of argument of a row: NULL for absolv_compliant, which has none */
static void
row_as_of(FunctionCallInfo fcinfo, const aggregate_kind *kind,
		  bool *isnull, absolv_day *as_of)
{
	*isnull = kind->as_of_arg == 0 || PG_ARGISNULL(kind->as_of_arg);
	*as_of = *isnull ? 0 : PG_GETARG_DATEADT(kind->as_of_arg);
}

/*
 * Is the rule argument of the aggregate call a constant, so that every row
 * has the same rule?  get_fn_expr_arg_stable() cannot tell: nodeAgg gives
 * the transition function PARAM_EXEC Params as arguments, so this asks the
 * Aggref.  Outside nodeAgg (a window aggregate) the answer is no.
 */
static bool
rule_arg_is_constant(FunctionCallInfo fcinfo, const aggregate_kind *kind)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	TargetEntry *tle;

	if (aggref == NULL || list_length(aggref->args) < kind->rule_arg)
		return false;
	tle = list_nth_node(TargetEntry, aggref->args, kind->rule_arg - 1);
	return IsA(tle->expr, Const);
}

/*
 * The state of a group, from its first row with a rule: the participation
 * (only entry, exit and measure matter for the case), its rule, its raw
 * measure and its as_of day, in the aggregate context.
 */
static case_state *
start_state(FunctionCallInfo fcinfo, const aggregate_kind *kind,
			MemoryContext aggcontext)
{
	text	   *measure = ABSOLV_GETARG_TEXT_OR_NULL(ARG_MEASURE);
	int			measure_len = measure ? VARSIZE_ANY_EXHDR(measure) : 0;
	const char *measure_data = measure ? VARDATA_ANY(measure) : NULL;
	const absolv_cached_rule *rule;
	absolv_participation p;
	case_state *state;

	absolv_rule_cache_keep(fcinfo->flinfo);
	rule = absolv_cached_rule_get(fcinfo->flinfo,
								  PG_GETARG_DATUM(kind->rule_arg));
	absolv_participation_from_args(fcinfo, ARG_ENTRY, ARG_EXIT, ARG_MEASURE, &p);

	state = MemoryContextAlloc(aggcontext, STATE_SIZE(measure_len));
	absolv_case_init(&state->c, rule->rule, &p);
	state->rule = rule;
	state->kind = kind;
	state->rule_constant = rule_arg_is_constant(fcinfo, kind);
	row_as_of(fcinfo, kind, &state->as_of_null, &state->as_of);
	state->measure_null = measure == NULL;
	state->measure_len = measure_len;
	if (measure != NULL)
		memcpy(state->measure, measure_data, measure_len);
	return state;
}

/*
 * Error unless this row belongs to the participation of the state: same
 * entry, exit, measure, as_of and rule.  A constant rule argument is the
 * same on every row; otherwise the canonical texts are compared.
 */
static void
check_row(FunctionCallInfo fcinfo, const case_state *state)
{
	const aggregate_kind *kind = state->kind;
	text	   *measure = ABSOLV_GETARG_TEXT_OR_NULL(ARG_MEASURE);
	participation_key row;
	participation_key earlier;
	text	   *rule;

	row.entry_null = PG_ARGISNULL(ARG_ENTRY);
	row.entry = row.entry_null ? 0 : PG_GETARG_DATEADT(ARG_ENTRY);
	row.exit_null = PG_ARGISNULL(ARG_EXIT);
	row.exit = row.exit_null ? 0 : PG_GETARG_DATEADT(ARG_EXIT);
	row.measure_null = measure == NULL;
	row.measure = measure ? VARDATA_ANY(measure) : NULL;
	row.measure_len = measure ? VARSIZE_ANY_EXHDR(measure) : 0;
	row_as_of(fcinfo, kind, &row.as_of_null, &row.as_of);
	state_key(state, &earlier);
	check_same_key(kind, &row, &earlier, false);

	if (state->rule_constant)
		return;
	rule = PG_GETARG_TEXT_PP(kind->rule_arg);
	if (!same_bytes(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule),
					state->rule->text, state->rule->len))
		report_rule_mismatch(kind,
							 absolv_cached_rule_get(fcinfo->flinfo,
													PG_GETARG_DATUM(kind->rule_arg))->rule,
							 state->rule->rule, false);
	PG_FREE_IF_COPY(rule, kind->rule_arg);
}

/*
 * The transition function of both aggregates: add one evidence row to the
 * state of its group.  Rows without a rule are skipped; rows without kind
 * or at, of a kind no rule uses, or dated after as_of, only take part in
 * the participation check.
 */
static Datum
transition(FunctionCallInfo fcinfo, const aggregate_kind *kind)
{
	MemoryContext aggcontext;
	case_state *state;
	int			evidence_kind;
	DateADT		at;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s_transfn called in non-aggregate context", kind->name);

	state = PG_ARGISNULL(0) ? NULL : (case_state *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(kind->rule_arg))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}

	if (state == NULL)
		state = start_state(fcinfo, kind, aggcontext);
	else
		check_row(fcinfo, state);

	if (PG_ARGISNULL(ARG_KIND) || PG_ARGISNULL(ARG_AT))
		PG_RETURN_POINTER(state);
	at = PG_GETARG_DATEADT(ARG_AT);
	if (!state->as_of_null && at > state->as_of)
		PG_RETURN_POINTER(state);
	evidence_kind = absolv_evidence_kind_arg(PG_GETARG_TEXT_PP(ARG_KIND));
	if (evidence_kind == ABSOLV_CODE_UNKNOWN)
		PG_RETURN_POINTER(state);

	absolv_case_add(&state->c, evidence_kind, at,
					PG_ARGISNULL(ARG_VALID_UNTIL),
					PG_ARGISNULL(ARG_VALID_UNTIL) ?
					0 : PG_GETARG_DATEADT(ARG_VALID_UNTIL));
	PG_RETURN_POINTER(state);
}

/*
 * The combine function of both aggregates: merge two partial states of one
 * group.  A missing left state becomes a copy of the right one in the
 * aggregate context: the right one may live in a shorter-lived context.
 */
static case_state *
combine_states(const aggregate_kind *kind, MemoryContext aggcontext,
			   case_state *left, const case_state *right)
{
	participation_key left_key;
	participation_key right_key;

	if (right == NULL)
		return left;
	if (left == NULL)
	{
		left = MemoryContextAlloc(aggcontext, STATE_SIZE(right->measure_len));
		memcpy(left, right, STATE_SIZE(right->measure_len));
		return left;
	}

	state_key(right, &right_key);
	state_key(left, &left_key);
	check_same_key(kind, &right_key, &left_key, true);
	if (!same_bytes(right->rule->text, right->rule->len,
					left->rule->text, left->rule->len))
		report_rule_mismatch(kind, right->rule->rule, left->rule->rule, true);

	absolv_case_merge(&left->c, &right->c);
	return left;
}

/* combine_states() as a combine function: states in arguments 0 and 1 */
static Datum
combine(FunctionCallInfo fcinfo, const aggregate_kind *kind)
{
	MemoryContext aggcontext;
	case_state *left;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s_combinefn called in non-aggregate context", kind->name);

	left = combine_states(kind, aggcontext,
						  PG_ARGISNULL(0) ? NULL : (case_state *) PG_GETARG_POINTER(0),
						  PG_ARGISNULL(1) ? NULL : (case_state *) PG_GETARG_POINTER(1));
	if (left == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(left);
}

/*
 * The serialization function of both aggregates: the state in the format
 * described at the top of this file.  A preset rule is sent by its index,
 * any other by its canonical text.
 */
static bytea *
serialize_state(const case_state *state, const aggregate_kind *kind)
{
	uint8		casebuf[ABSOLV_CASE_SERIAL_MAX];
	size_t		caselen;
	StringInfoData buf;

	caselen = absolv_case_serialize(&state->c, casebuf, sizeof(casebuf));
	Assert(caselen > 0 && caselen <= sizeof(casebuf));

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
	pq_sendbyte(&buf, kind->id);
	if (state->rule->preset_index >= 0 && state->rule->preset_index <= PG_UINT8_MAX)
	{
		pq_sendbyte(&buf, RULE_REF_PRESET);
		pq_sendbyte(&buf, (uint8) state->rule->preset_index);
	}
	else
	{
		pq_sendbyte(&buf, RULE_REF_TEXT);
		pq_sendint32(&buf, (uint32) state->rule->len);
		pq_sendbytes(&buf, state->rule->text, state->rule->len);
	}
	if (state->measure_null)
		pq_sendint32(&buf, MEASURE_NULL_LENGTH);
	else
	{
		pq_sendint32(&buf, (uint32) state->measure_len);
		pq_sendbytes(&buf, state->measure, state->measure_len);
	}
	if (kind->as_of_arg != 0)
	{
		pq_sendbyte(&buf, state->as_of_null ? 1 : 0);
		if (!state->as_of_null)
			pq_sendint32(&buf, (uint32) state->as_of);
	}
	pq_sendbytes(&buf, (const char *) casebuf, caselen);
	return pq_endtypsend(&buf);
}

/* serialize_state() as a serialization function */
static Datum
serialize(FunctionCallInfo fcinfo, const aggregate_kind *kind)
{
	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "%s_serialfn called in non-aggregate context", kind->name);
	PG_RETURN_BYTEA_P(serialize_state((case_state *) PG_GETARG_POINTER(0), kind));
}

/* raise the error of a serialized state that cannot be read */
static void
malformed(const aggregate_kind *kind, const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_DATA_CORRUPTED),
			errmsg("malformed %s state", kind->name),
			errdetail_internal("%s", detail));
}

/* take n bytes from the reader; what names them for the error */
static const char *
read_bytes(state_reader *reader, size_t n, const char *what)
{
	const char *result = reader->data;

	if (n > reader->left)
		malformed(reader->kind,
				  psprintf("The state ends inside its %s: %zu bytes needed, %zu left.",
						   what, n, reader->left));
	reader->data += n;
	reader->left -= n;
	return result;
}

/* take one byte */
static uint8
read_uint8(state_reader *reader, const char *what)
{
	return (uint8) *read_bytes(reader, 1, what);
}

/* take a uint32 in network byte order */
static uint32
read_uint32(state_reader *reader, const char *what)
{
	uint32		value;

	memcpy(&value, read_bytes(reader, sizeof(value), what), sizeof(value));
	return pg_ntoh32(value);
}

/* read the rule reference of a serialized state */
static const absolv_cached_rule *
read_rule(FmgrInfo *flinfo, state_reader *reader)
{
	uint8		reference = read_uint8(reader, "rule reference");

	if (reference == RULE_REF_PRESET)
	{
		uint8		preset = read_uint8(reader, "preset index");

		if (preset >= absolv_preset_count())
			malformed(reader->kind,
					  psprintf("Preset index %u is out of range: there are %d presets.",
							   preset, absolv_preset_count()));
		return absolv_cached_rule_by_preset(flinfo, preset);
	}
	if (reference == RULE_REF_TEXT)
	{
		uint32		len = read_uint32(reader, "rule text length");
		const char *text = read_bytes(reader, len, "rule text");

		return absolv_cached_rule_get_text(flinfo, text, (int) len);
	}
	malformed(reader->kind,
			  psprintf("Rule reference kind %u is unknown.", reference));
}

/*
 * Read the as_of day of a serialized state of an aggregate that has one
 * into a state whose as_of is NULL: a NULL flag, then a finite date or an
 * infinity.
 */
static void
read_as_of(state_reader *reader, case_state *state)
{
	uint8		isnull = read_uint8(reader, "as_of NULL flag");
	DateADT		as_of;

	if (isnull == 1)
		return;
	if (isnull != 0)
		malformed(reader->kind,
				  psprintf("The as_of NULL flag is %u, not 0 or 1.", isnull));
	as_of = (DateADT) read_uint32(reader, "as_of");
	if (!DATE_NOT_FINITE(as_of) && !IS_VALID_DATE(as_of))
		malformed(reader->kind, psprintf("as_of %d is no date.", as_of));
	state->as_of_null = false;
	state->as_of = as_of;
}

/*
 * The deserialization function of both aggregates: read a state written
 * by serialize(), checking every length against the bytes that remain,
 * the version, the aggregate, the rule reference, the as_of day, and that
 * the case matches its measure.  The state is built in the current memory
 * context; the combine function copies what it keeps.
 */
static case_state *
deserialize_state(FmgrInfo *flinfo, const aggregate_kind *kind,
				  const char *data, size_t len)
{
	state_reader reader;
	uint8		version;
	uint8		aggregate;
	const absolv_cached_rule *rule;
	uint32		measure_len;
	const char *measure = NULL;
	case_state *state;

	reader.kind = kind;
	reader.data = data;
	reader.left = len;

	version = read_uint8(&reader, "format version");
	if (version != STATE_FORMAT_VERSION)
		malformed(kind,
				  psprintf("Format version %u is unknown; this version of absolv writes version %d.",
						   version, STATE_FORMAT_VERSION));
	aggregate = read_uint8(&reader, "aggregate");
	if (aggregate != kind->id)
		malformed(kind,
				  psprintf("It is the state of aggregate %u, not of %s (%u).",
						   aggregate, kind->name, kind->id));

	rule = read_rule(flinfo, &reader);

	measure_len = read_uint32(&reader, "measure length");
	if (measure_len == MEASURE_NULL_LENGTH)
		measure_len = 0;
	else
		measure = read_bytes(&reader, measure_len, "measure");

	state = palloc(STATE_SIZE(measure_len));
	state->as_of_null = true;
	state->as_of = 0;
	if (kind->as_of_arg != 0)
		read_as_of(&reader, state);
	if (!absolv_case_deserialize((const uint8 *) reader.data, reader.left,
								 rule->rule, &state->c))
		malformed(kind, "Its case part is not a valid serialized absolv case.");
	if (state->c.measure != (measure == NULL ? ABSOLV_CODE_NULL :
							 absolv_measure_lookup(measure, measure_len)))
		malformed(kind, "Its measure code does not match its measure.");

	state->rule = rule;
	state->kind = kind;
	state->rule_constant = false;
	state->measure_null = measure == NULL;
	state->measure_len = measure_len;
	if (measure != NULL)
		memcpy(state->measure, measure, measure_len);
	return state;
}

/*
 * deserialize_state() as a deserialization function: the state points
 * into the rule cache of the call site, which is kept until query end.
 */
static Datum
deserialize(FunctionCallInfo fcinfo, const aggregate_kind *kind)
{
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "%s_deserialfn called in non-aggregate context", kind->name);
	absolv_rule_cache_keep(fcinfo->flinfo);
	PG_RETURN_POINTER(deserialize_state(fcinfo->flinfo, kind, VARDATA_ANY(bytes),
										VARSIZE_ANY_EXHDR(bytes)));
}

/* ------------------------------------------------------ absolv_compliant */

/*
 * absolv_compliant_transfn(internal, entry_date, exit_date, measure, kind,
 * at, valid_until, rule)
 */
Datum
absolv_compliant_transfn(PG_FUNCTION_ARGS)
{
	return transition(fcinfo, &compliant_kind);
}

/*
 * absolv_compliant_finalfn(internal): true if the requirement holds, false
 * if not, NULL if the participation is excluded, its data are invalid, or
 * the group had no row with a rule.
 */
Datum
absolv_compliant_finalfn(PG_FUNCTION_ARGS)
{
	case_state *state;
	int			result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (case_state *) PG_GETARG_POINTER(0);

	result = absolv_case_compliant(&state->c);
	if (result < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(result > 0);
}

/* absolv_compliant_combinefn(internal, internal) */
Datum
absolv_compliant_combinefn(PG_FUNCTION_ARGS)
{
	return combine(fcinfo, &compliant_kind);
}

/* absolv_compliant_serialfn(internal) -> bytea */
Datum
absolv_compliant_serialfn(PG_FUNCTION_ARGS)
{
	return serialize(fcinfo, &compliant_kind);
}

/* absolv_compliant_deserialfn(bytea, internal) -> internal */
Datum
absolv_compliant_deserialfn(PG_FUNCTION_ARGS)
{
	return deserialize(fcinfo, &compliant_kind);
}

/* -------------------------------------------------------- absolv_verdict */

/* columns of absolv_verdict_result */
enum
{
	VERDICT_STATUS,
	VERDICT_RULE_NAME,
	VERDICT_VARIANT,
	VERDICT_RULE_FINGERPRINT,
	VERDICT_WINDOW_FROM,
	VERDICT_WINDOW_TO,
	VERDICT_LAST_DAY,
	VERDICT_DAYS_LEFT,
	VERDICT_MISSING,
	VERDICT_EVIDENCE_DATES,
	VERDICT_COLUMNS
};

/* the canonical text of part `part` of a variant's requirement */
static Datum
part_text(const absolv_variant *variant, int part)
{
	char		buf[256];
	size_t		len = absolv_part_print(variant, part, buf, sizeof(buf));
	char	   *longer;

	if (len < sizeof(buf))
		return PointerGetDatum(cstring_to_text_with_len(buf, len));
	longer = palloc(len + 1);
	absolv_part_print(variant, part, longer, len + 1);
	return PointerGetDatum(cstring_to_text_with_len(longer, len));
}

/* the parts of the requirement that do not hold, as text[] */
static Datum
missing_parts(const absolv_variant *variant, const absolv_verdict *verdict)
{
	Datum		parts[ABSOLV_MAX_NODES];
	int			n = 0;

	StaticAssertStmt(ABSOLV_MAX_NODES <= 32,
					 "a requirement has at most 32 parts, one bit of missing each");
	for (int i = 0; i < verdict->nparts; i++)
		if (verdict->missing & (1u << i))
			parts[n++] = part_text(variant, i);
	return PointerGetDatum(construct_array(parts, n, TEXTOID, -1, false,
										   TYPALIGN_INT));
}

/* the days of the evidence that satisfied the requirement, as date[] */
static Datum
evidence_dates(const absolv_verdict *verdict)
{
	Datum		days[ABSOLV_MAX_EVIDENCE_DATES];

	for (int i = 0; i < verdict->nevidence; i++)
		days[i] = DateADTGetDatum(verdict->evidence[i]);
	return PointerGetDatum(construct_array(days, verdict->nevidence, DATEOID,
										   sizeof(DateADT), true, TYPALIGN_INT));
}

/*
 * The absolv_verdict_result of a state's case as of its as_of day (see
 * sql/absolv.sql for the meaning of each column).
 */
static Datum
verdict_result(FunctionCallInfo fcinfo, const case_state *state)
{
	const absolv_case *c = &state->c;
	const absolv_rule *rule = state->rule->rule;
	const absolv_variant *variant = &rule->variants[c->variant];
	absolv_verdict verdict;
	TupleDesc	tupdesc;
	Datum		values[VERDICT_COLUMNS];
	bool		nulls[VERDICT_COLUMNS];
	bool		unfulfilled;
	text	   *name;

	if (get_call_result_type(fcinfo, NULL, &tupdesc) != TYPEFUNC_COMPOSITE)
		elog(ERROR, "return type of absolv_verdict_finalfn must be a row type");
	tupdesc = BlessTupleDesc(tupdesc);

	absolv_case_verdict(c, state->as_of, &verdict);
	unfulfilled = verdict.status == ABSOLV_STATUS_PENDING ||
		verdict.status == ABSOLV_STATUS_MISSED;
	memset(nulls, true, sizeof(nulls));

	values[VERDICT_STATUS] = CStringGetTextDatum(absolv_status_name(verdict.status));
	nulls[VERDICT_STATUS] = false;
	name = absolv_field_text(rule->name, sizeof(rule->name));
	values[VERDICT_RULE_NAME] = PointerGetDatum(name);
	nulls[VERDICT_RULE_NAME] = name == NULL;
	if (rule->has_variants && !c->invalid)
	{
		name = absolv_field_text(variant->name, sizeof(variant->name));
		values[VERDICT_VARIANT] = PointerGetDatum(name);
		nulls[VERDICT_VARIANT] = name == NULL;
	}
	values[VERDICT_RULE_FINGERPRINT] =
		PointerGetDatum(absolv_fingerprint_text(state->rule->text,
												state->rule->len));
	nulls[VERDICT_RULE_FINGERPRINT] = false;
	if (verdict.status != ABSOLV_STATUS_INVALID)
	{
		values[VERDICT_WINDOW_FROM] = DateADTGetDatum(verdict.window_from);
		values[VERDICT_WINDOW_TO] = DateADTGetDatum(verdict.window_to);
		nulls[VERDICT_WINDOW_FROM] = nulls[VERDICT_WINDOW_TO] = false;
	}
	if (unfulfilled && verdict.has_last_day)
	{
		values[VERDICT_LAST_DAY] = DateADTGetDatum(verdict.last_day);
		nulls[VERDICT_LAST_DAY] = false;
	}
	if (verdict.status == ABSOLV_STATUS_PENDING && !DATE_NOT_FINITE(state->as_of))
	{
		values[VERDICT_DAYS_LEFT] = Int32GetDatum(verdict.last_day - state->as_of);
		nulls[VERDICT_DAYS_LEFT] = false;
	}
	if (unfulfilled && verdict.missing != 0)
	{
		values[VERDICT_MISSING] = missing_parts(variant, &verdict);
		nulls[VERDICT_MISSING] = false;
	}
	if (verdict.nevidence > 0)
	{
		values[VERDICT_EVIDENCE_DATES] = evidence_dates(&verdict);
		nulls[VERDICT_EVIDENCE_DATES] = false;
	}

	return HeapTupleGetDatum(heap_form_tuple(tupdesc, values, nulls));
}

/*
 * absolv_verdict_transfn(internal, entry_date, exit_date, measure, kind, at,
 * valid_until, as_of, rule)
 */
Datum
absolv_verdict_transfn(PG_FUNCTION_ARGS)
{
	return transition(fcinfo, &verdict_kind);
}

/*
 * absolv_verdict_finalfn(internal): the verdict as of as_of, NULL when
 * as_of is NULL or the group had no row with a rule.
 */
Datum
absolv_verdict_finalfn(PG_FUNCTION_ARGS)
{
	case_state *state;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (case_state *) PG_GETARG_POINTER(0);
	if (state->as_of_null)
		PG_RETURN_NULL();
	return verdict_result(fcinfo, state);
}

/* absolv_verdict_combinefn(internal, internal) */
Datum
absolv_verdict_combinefn(PG_FUNCTION_ARGS)
{
	return combine(fcinfo, &verdict_kind);
}

/* absolv_verdict_serialfn(internal) -> bytea */
Datum
absolv_verdict_serialfn(PG_FUNCTION_ARGS)
{
	return serialize(fcinfo, &verdict_kind);
}

/* absolv_verdict_deserialfn(bytea, internal) -> internal */
Datum
absolv_verdict_deserialfn(PG_FUNCTION_ARGS)
{
	return deserialize(fcinfo, &verdict_kind);
}

/* ------------------------------------- partial states (partial_state.c) */

/* the transition function of absolv_partial_agg: absolv_compliant's */
Datum
absolv_partial_agg_transition(FunctionCallInfo fcinfo)
{
	return transition(fcinfo, &partial_agg_kind);
}

/*
 * Merge the state right into left (either may be NULL) for
 * absolv_partial_merge (merge) or absolv_partial_agg (not merge).
 */
absolv_case_state *
absolv_partial_combine_states(bool merge, MemoryContext aggcontext,
							  absolv_case_state *left,
							  const absolv_case_state *right)
{
	return combine_states(merge ? &partial_merge_kind : &partial_agg_kind,
						  aggcontext, left, right);
}

/* the bytes of an absolv_partial value: the serialized state, a bytea */
bytea *
absolv_partial_serialize(const absolv_case_state *state)
{
	return serialize_state(state, &partial_value_kind);
}

/*
 * Read the bytes of an absolv_partial value into a state in the current
 * memory context, with the checks of deserialize_state().  A value that
 * comes from outside (check_texts) gets two more: a rule given by its
 * text must be in canonical form, and the measure must be valid in the
 * database encoding.  Errors are XX001.  The state points into the rule cache
 * of flinfo: a caller that keeps it past the next call on flinfo calls
 * absolv_rule_cache_keep(flinfo) first.
 */
absolv_case_state *
absolv_partial_deserialize(FmgrInfo *flinfo, const char *data, size_t len,
						   bool check_texts)
{
	case_state *state = deserialize_state(flinfo, &partial_value_kind, data, len);

	if (!check_texts)
		return state;
	if (state->rule->preset_index < 0)
	{
		struct varlena *canonical = absolv_rule_canonical(state->rule->rule);

		if (!same_bytes(VARDATA_ANY(canonical), VARSIZE_ANY_EXHDR(canonical),
						state->rule->text, state->rule->len))
			malformed(&partial_value_kind, "Its rule text is not in canonical form.");
		pfree(canonical);
	}
	if (!state->measure_null &&
		!pg_verifymbstr(state->measure, state->measure_len, true))
		malformed(&partial_value_kind, "Its measure is not valid in the database encoding.");
	return state;
}

/* the case of a state, to evaluate or to cut at a day */
absolv_case *
absolv_partial_case(absolv_case_state *state)
{
	return &state->c;
}

/*
 * The absolv_verdict_result of a state as of a day, for a function that
 * returns absolv_verdict_result.  The caller has left out the evidence
 * dated after as_of.
 */
Datum
absolv_partial_verdict_result(FunctionCallInfo fcinfo, absolv_case_state *state,
							  absolv_day as_of)
{
	state->as_of_null = false;
	state->as_of = as_of;
	return verdict_result(fcinfo, state);
}
