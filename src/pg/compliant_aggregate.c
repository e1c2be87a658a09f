/*
 * compliant_aggregate.c
 *	  The aggregate absolv_compliant: does a participation fulfil the rule's
 *	  requirement with the evidence rows of its group?
 *
 * A group is one participation, its rows are its evidence (or a single row
 * with a NULL kind, from an outer join that found none).  The state is the
 * core's absolv_case, which accumulates the evidence in fixed size, plus
 * what the glue needs to check that every row belongs to the same
 * participation: the cached rule and the raw measure text (entry and exit
 * are in the case).  A mismatch means the GROUP BY is wrong and is an
 * error, because a silently wrong verdict would change a quota.
 *
 * The state lives in the aggregate context and points to its rule in the
 * cache of the support function that created it; those caches are kept
 * until the end of the query.  For parallel aggregation a state is
 * serialized as
 *	  byte 0	format version (1)
 *	  byte 1	rule reference: 0 = preset, then 1 byte preset index;
 *				1 = text, then uint32 length and the canonical text
 *	  uint32	measure length (0xFFFFFFFF for NULL), then its bytes
 *	  rest		the core's serialized case
 * with integers in network byte order.  The deserializer trusts none of it.
 */
#include "postgres.h"

#include "common/hashfn.h"
#include "libpq/pqformat.h"
#include "nodes/pg_list.h"
#include "nodes/primnodes.h"
#include "port/pg_bswap.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "absolv_pg.h"

PG_FUNCTION_INFO_V1(absolv_compliant_transfn);
PG_FUNCTION_INFO_V1(absolv_compliant_finalfn);
PG_FUNCTION_INFO_V1(absolv_compliant_combinefn);
PG_FUNCTION_INFO_V1(absolv_compliant_serialfn);
PG_FUNCTION_INFO_V1(absolv_compliant_deserialfn);

/* arguments of the transition function; 0 is the state */
#define ARG_ENTRY		1
#define ARG_EXIT		2
#define ARG_MEASURE		3
#define ARG_KIND		4
#define ARG_AT			5
#define ARG_VALID_UNTIL 6
#define ARG_RULE		7

/* serialized state */
#define STATE_FORMAT_VERSION	1
#define RULE_REF_PRESET			0
#define RULE_REF_TEXT			1
#define MEASURE_NULL_LENGTH		PG_UINT32_MAX

typedef struct compliant_state
{
	absolv_case c;				/* entry, exit and the evidence so far */
	const absolv_cached_rule *rule; /* in a cache kept until query end */
	bool		rule_constant;	/* constant rule argument: no per-row check */
	bool		measure_null;
	int			measure_len;
	char		measure[FLEXIBLE_ARRAY_MEMBER]; /* raw text, no NUL */
} compliant_state;

#define STATE_SIZE(measure_len) \
	(offsetof(compliant_state, measure) + (measure_len))

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
} participation_key;

/* the bytes of a serialized state still to read */
typedef struct state_reader
{
	const char *data;
	size_t		left;
} state_reader;

static void report_mismatch(const char *what, const char *value,
							const char *earlier, bool combining) pg_attribute_noreturn();
static void malformed(const char *detail) pg_attribute_noreturn();

/*
 * Raise the error of a group that holds rows of more than one
 * participation: what is the argument that differs, value its value on
 * this row (or in one partial state, when combining), earlier its value
 * before.
 */
static void
report_mismatch(const char *what, const char *value, const char *earlier,
				bool combining)
{
	ereport(ERROR,
			errcode(ERRCODE_GROUPING_ERROR),
			errmsg("absolv_compliant got rows of more than one participation in one group"),
			combining ?
			errdetail("%s is %s in one part of the group and %s in another.",
					  what, value, earlier) :
			errdetail("%s is %s on this row and %s on an earlier row of the group.",
					  what, value, earlier),
			errhint("Entry date, exit date, measure and rule must be the same on every row of a group: GROUP BY the participation's key, for example its id."));
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

/*
 * Error unless row and earlier describe the same participation: entry and
 * exit date, and the measure byte for byte.
 */
static void
check_same_key(const participation_key *row, const participation_key *earlier,
			   bool combining)
{
	if (row->entry_null != earlier->entry_null ||
		(!row->entry_null && row->entry != earlier->entry))
		report_mismatch("entry_date",
						date_for_message(row->entry_null, row->entry),
						date_for_message(earlier->entry_null, earlier->entry),
						combining);
	if (row->exit_null != earlier->exit_null ||
		(!row->exit_null && row->exit != earlier->exit))
		report_mismatch("exit_date",
						date_for_message(row->exit_null, row->exit),
						date_for_message(earlier->exit_null, earlier->exit),
						combining);
	if (row->measure_null != earlier->measure_null ||
		(!row->measure_null &&
		 !same_bytes(row->measure, row->measure_len,
					 earlier->measure, earlier->measure_len)))
		report_mismatch("measure",
						measure_for_message(row->measure_null, row->measure,
											row->measure_len),
						measure_for_message(earlier->measure_null,
											earlier->measure,
											earlier->measure_len),
						combining);
}

/* the error of two different rules in one group, named by their names */
static void
report_rule_mismatch(const absolv_rule *rule, const absolv_rule *earlier,
					 bool combining)
{
	const char *earlier_name;

	if (strcmp(rule->name, earlier->name) == 0)
		earlier_name = psprintf("another rule named \"%s\"", earlier->name);
	else
		earlier_name = psprintf("\"%s\"", earlier->name);
	report_mismatch("rule", psprintf("\"%s\"", rule->name), earlier_name,
					combining);
}

/* the key of the participation a state describes */
static void
state_key(const compliant_state *state, participation_key *key)
{
	key->entry_null = state->c.entry_null;
	key->entry = state->c.entry;
	key->exit_null = state->c.exit_null;
	key->exit = state->c.exit;
	key->measure_null = state->measure_null;
	key->measure = state->measure;
	key->measure_len = state->measure_len;
}

/* the core's fingerprint of a raw measure text (NULL: 0) */
static uint64
measure_fingerprint(const char *measure, int len)
{
	if (measure == NULL)
		return 0;
	return hash_bytes_extended((const unsigned char *) measure, len, 0);
}

/*
 * Is the rule argument of the aggregate call a constant, so that every row
 * has the same rule?  get_fn_expr_arg_stable() cannot tell: nodeAgg gives
 * the transition function PARAM_EXEC Params as arguments, so this asks the
 * Aggref.  Outside nodeAgg (a window aggregate) the answer is no.
 */
static bool
rule_arg_is_constant(FunctionCallInfo fcinfo)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	TargetEntry *tle;

	if (aggref == NULL || list_length(aggref->args) < ARG_RULE)
		return false;
	tle = list_nth_node(TargetEntry, aggref->args, ARG_RULE - 1);
	return IsA(tle->expr, Const);
}

/*
 * The state of a group, from its first row with a rule: the participation
 * (only entry, exit and measure matter for the case), its rule and its raw
 * measure, in the aggregate context.
 */
static compliant_state *
start_state(FunctionCallInfo fcinfo, MemoryContext aggcontext)
{
	text	   *measure = ABSOLV_GETARG_TEXT_OR_NULL(ARG_MEASURE);
	int			measure_len = measure ? VARSIZE_ANY_EXHDR(measure) : 0;
	const char *measure_data = measure ? VARDATA_ANY(measure) : NULL;
	const absolv_cached_rule *rule;
	absolv_participation p;
	compliant_state *state;

	absolv_rule_cache_keep(fcinfo->flinfo);
	rule = absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(ARG_RULE));
	absolv_participation_from_args(fcinfo, ARG_ENTRY, ARG_EXIT, ARG_MEASURE, &p);

	state = MemoryContextAlloc(aggcontext, STATE_SIZE(measure_len));
	absolv_case_init(&state->c, rule->rule, &p);
	state->c.measure_fingerprint = measure_fingerprint(measure_data,
													   measure_len);
	state->rule = rule;
	state->rule_constant = rule_arg_is_constant(fcinfo);
	state->measure_null = measure == NULL;
	state->measure_len = measure_len;
	if (measure != NULL)
		memcpy(state->measure, measure_data, measure_len);
	return state;
}

/*
 * Error unless this row belongs to the participation of the state: same
 * entry, exit, measure and rule.  A constant rule argument is the same on
 * every row; otherwise the canonical texts are compared.
 */
static void
check_row(FunctionCallInfo fcinfo, const compliant_state *state)
{
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
	state_key(state, &earlier);
	check_same_key(&row, &earlier, false);

	if (state->rule_constant)
		return;
	rule = PG_GETARG_TEXT_PP(ARG_RULE);
	if (!same_bytes(VARDATA_ANY(rule), VARSIZE_ANY_EXHDR(rule),
					state->rule->text, state->rule->len))
		report_rule_mismatch(absolv_cached_rule_get(fcinfo->flinfo,
													PG_GETARG_DATUM(ARG_RULE))->rule,
							 state->rule->rule, false);
	PG_FREE_IF_COPY(rule, ARG_RULE);
}

/*
 * absolv_compliant_transfn(internal, entry_date, exit_date, measure, kind,
 * at, valid_until, rule): add one evidence row to the state of its group.
 * Rows without a rule are skipped; rows without kind or at, or of a kind no
 * rule uses, only take part in the participation check.
 */
Datum
absolv_compliant_transfn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	compliant_state *state;
	int			kind;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "absolv_compliant_transfn called in non-aggregate context");

	state = PG_ARGISNULL(0) ? NULL : (compliant_state *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(ARG_RULE))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}

	if (state == NULL)
		state = start_state(fcinfo, aggcontext);
	else
		check_row(fcinfo, state);

	if (PG_ARGISNULL(ARG_KIND) || PG_ARGISNULL(ARG_AT))
		PG_RETURN_POINTER(state);
	kind = absolv_lookup_evidence_kind(PG_GETARG_TEXT_PP(ARG_KIND));
	if (kind == ABSOLV_CODE_UNKNOWN)
		PG_RETURN_POINTER(state);

	absolv_case_add(&state->c, kind, PG_GETARG_DATEADT(ARG_AT),
					PG_ARGISNULL(ARG_VALID_UNTIL),
					PG_ARGISNULL(ARG_VALID_UNTIL) ?
					0 : PG_GETARG_DATEADT(ARG_VALID_UNTIL));
	PG_RETURN_POINTER(state);
}

/*
 * absolv_compliant_finalfn(internal): true if the requirement holds, false
 * if not, NULL if the participation is excluded, its data are invalid, or
 * the group had no row with a rule.
 */
Datum
absolv_compliant_finalfn(PG_FUNCTION_ARGS)
{
	compliant_state *state;
	int			result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (compliant_state *) PG_GETARG_POINTER(0);

	result = absolv_case_compliant(&state->c);
	if (result < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(result > 0);
}

/*
 * absolv_compliant_combinefn(internal, internal): merge two partial states
 * of one group.  A missing left state becomes a copy of the right one in
 * the aggregate context: the right one may live in a shorter-lived context.
 */
Datum
absolv_compliant_combinefn(PG_FUNCTION_ARGS)
{
	MemoryContext aggcontext;
	compliant_state *left;
	compliant_state *right;
	participation_key left_key;
	participation_key right_key;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "absolv_compliant_combinefn called in non-aggregate context");

	left = PG_ARGISNULL(0) ? NULL : (compliant_state *) PG_GETARG_POINTER(0);
	right = PG_ARGISNULL(1) ? NULL : (compliant_state *) PG_GETARG_POINTER(1);

	if (right == NULL)
	{
		if (left == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(left);
	}
	if (left == NULL)
	{
		left = MemoryContextAlloc(aggcontext, STATE_SIZE(right->measure_len));
		memcpy(left, right, STATE_SIZE(right->measure_len));
		PG_RETURN_POINTER(left);
	}

	state_key(right, &right_key);
	state_key(left, &left_key);
	check_same_key(&right_key, &left_key, true);
	if (!same_bytes(right->rule->text, right->rule->len,
					left->rule->text, left->rule->len))
		report_rule_mismatch(right->rule->rule, left->rule->rule, true);

	absolv_case_merge(&left->c, &right->c);
	PG_RETURN_POINTER(left);
}

/*
 * absolv_compliant_serialfn(internal) -> bytea: the state in the format
 * described at the top of this file.  A preset rule is sent by its index,
 * any other by its canonical text.
 */
Datum
absolv_compliant_serialfn(PG_FUNCTION_ARGS)
{
	compliant_state *state = (compliant_state *) PG_GETARG_POINTER(0);
	uint8		casebuf[ABSOLV_CASE_SERIAL_MAX];
	size_t		caselen;
	StringInfoData buf;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "absolv_compliant_serialfn called in non-aggregate context");

	caselen = absolv_case_serialize(&state->c, casebuf, sizeof(casebuf));
	Assert(caselen > 0 && caselen <= sizeof(casebuf));

	pq_begintypsend(&buf);
	pq_sendbyte(&buf, STATE_FORMAT_VERSION);
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
	pq_sendbytes(&buf, (const char *) casebuf, caselen);
	PG_RETURN_BYTEA_P(pq_endtypsend(&buf));
}

/* raise the error of a serialized state that cannot be read */
static void
malformed(const char *detail)
{
	ereport(ERROR,
			errcode(ERRCODE_DATA_CORRUPTED),
			errmsg("malformed absolv_compliant state"),
			errdetail_internal("%s", detail));
}

/* take n bytes from the reader; what names them for the error */
static const char *
read_bytes(state_reader *reader, size_t n, const char *what)
{
	const char *result = reader->data;

	if (n > reader->left)
		malformed(psprintf("The state ends inside its %s: %zu bytes needed, %zu left.",
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

/*
 * absolv_compliant_deserialfn(bytea, internal) -> internal: read a state
 * written by absolv_compliant_serialfn, checking every length against the
 * bytes that remain, the version, the rule reference, and that the case
 * matches its measure.  The state is built in the current memory context;
 * the combine function copies what it keeps.
 */
Datum
absolv_compliant_deserialfn(PG_FUNCTION_ARGS)
{
	bytea	   *bytes = PG_GETARG_BYTEA_PP(0);
	state_reader reader;
	uint8		version;
	uint8		reference;
	const absolv_cached_rule *rule;
	uint32		measure_len;
	const char *measure = NULL;
	compliant_state *state;

	if (!AggCheckCallContext(fcinfo, NULL))
		elog(ERROR, "absolv_compliant_deserialfn called in non-aggregate context");
	absolv_rule_cache_keep(fcinfo->flinfo);

	reader.data = VARDATA_ANY(bytes);
	reader.left = VARSIZE_ANY_EXHDR(bytes);

	version = read_uint8(&reader, "format version");
	if (version != STATE_FORMAT_VERSION)
		malformed(psprintf("Format version %u is unknown; this version of absolv writes version %d.",
						   version, STATE_FORMAT_VERSION));

	reference = read_uint8(&reader, "rule reference");
	if (reference == RULE_REF_PRESET)
	{
		uint8		preset = read_uint8(&reader, "preset index");

		if (preset >= absolv_preset_count())
			malformed(psprintf("Preset index %u is out of range: there are %d presets.",
							   preset, absolv_preset_count()));
		rule = absolv_cached_rule_by_preset(fcinfo->flinfo, preset);
	}
	else if (reference == RULE_REF_TEXT)
	{
		uint32		len = read_uint32(&reader, "rule text length");
		const char *text = read_bytes(&reader, len, "rule text");

		rule = absolv_cached_rule_get_text(fcinfo->flinfo, text, (int) len);
	}
	else
		malformed(psprintf("Rule reference kind %u is unknown.", reference));

	measure_len = read_uint32(&reader, "measure length");
	if (measure_len == MEASURE_NULL_LENGTH)
		measure_len = 0;
	else
		measure = read_bytes(&reader, measure_len, "measure");

	state = palloc(STATE_SIZE(measure_len));
	if (!absolv_case_deserialize((const uint8 *) reader.data, reader.left,
								 rule->rule, &state->c))
		malformed("Its case part is not a valid serialized absolv case.");
	if (state->c.measure_fingerprint != measure_fingerprint(measure, measure_len))
		malformed("Its measure does not match the measure fingerprint of its case.");

	state->rule = rule;
	state->rule_constant = false;
	state->measure_null = measure == NULL;
	state->measure_len = measure_len;
	if (measure != NULL)
		memcpy(state->measure, measure, measure_len);
	PG_RETURN_POINTER(state);
}
