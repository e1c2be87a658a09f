/*
 * case_state.c
 *	  Building and merging the state of the aggregates over the evidence of
 *	  one participation (see case_state.h), and the one definition of "the
 *	  same participation": every row of a group, and every partial state
 *	  merged into another, must have the same entry date, exit date, measure
 *	  (byte for byte), as_of day and rule.  A mismatch means the GROUP BY is
 *	  wrong and is an error, because a silently wrong verdict would change a
 *	  quota.
 *
 * Rows without kind or at, of a kind no rule uses, or dated after as_of,
 * only take part in the participation check: absolv_verdict's verdict is
 * what was known on its as_of day.  The state lives in the aggregate
 * context and points to its rule in the cache of the support function
 * that created it; those caches are kept until the end of the query.
 */
#include "postgres.h"

#include "nodes/pg_list.h"
#include "nodes/primnodes.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "case_state.h"

/* arguments of the transition functions; 0 is the state */
#define ARG_ENTRY		1
#define ARG_EXIT		2
#define ARG_MEASURE		3
#define ARG_KIND		4
#define ARG_AT			5
#define ARG_VALID_UNTIL 6

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

static void report_mismatch(const absolv_state_kind *kind, const char *what,
							const char *value, const char *earlier,
							bool combining) pg_attribute_noreturn();


/*
 * Raise the error of a group that holds rows of more than one
 * participation: what is the argument that differs, value its value on
 * this row (or in one partial state, when combining), earlier its value
 * before.
 */
static void
report_mismatch(const absolv_state_kind *kind, const char *what,
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
check_same_date(const absolv_state_kind *kind, const char *what,
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
check_same_key(const absolv_state_kind *kind, const participation_key *row,
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
report_rule_mismatch(const absolv_state_kind *kind, const absolv_rule *rule,
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
state_key(const absolv_case_state *state, participation_key *key)
{
	const absolv_case *c = ABSOLV_STATE_CASE(state);

	key->entry_null = c->entry_null;
	key->entry = c->entry;
	key->exit_null = c->exit_null;
	key->exit = c->exit;
	key->measure_null = state->measure_null;
	key->measure = state->measure;
	key->measure_len = state->measure_len;
	key->as_of_null = state->as_of_null;
	key->as_of = state->as_of;
}

/* the as_of argument of a row: NULL for absolv_compliant, which has none */
static void
row_as_of(FunctionCallInfo fcinfo, const absolv_state_kind *kind,
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
rule_arg_is_constant(FunctionCallInfo fcinfo, const absolv_state_kind *kind)
{
	Aggref	   *aggref = AggGetAggref(fcinfo);
	TargetEntry *tle;

	if (aggref == NULL || list_length(aggref->args) < kind->rule_arg)
		return false;
	tle = list_nth_node(TargetEntry, aggref->args, kind->rule_arg - 1);
	return IsA(tle->expr, Const);
}

absolv_case_state *
absolv_state_new(MemoryContext cxt, const absolv_cached_rule *rule,
				 const char *measure, int measure_len, size_t case_bytes)
{
	Size		size = ABSOLV_STATE_CASE_OFFSET(measure_len) + case_bytes;
	absolv_case_state *state = MemoryContextAlloc(cxt, size);

	state->rule = rule;
	state->size = (uint32) size;
	state->rule_constant = false;
	state->as_of_null = true;
	state->as_of = 0;
	state->measure_null = measure == NULL;
	state->measure_len = measure_len;
	if (measure != NULL)
		memcpy(state->measure, measure, measure_len);
	return state;
}

/*
 * The state of a group, from its first row with a rule: the participation
 * (only entry, exit and measure matter for the case), its rule, its raw
 * measure and its as_of day, in the aggregate context.
 */
static absolv_case_state *
start_state(FunctionCallInfo fcinfo, const absolv_state_kind *kind,
			MemoryContext aggcontext)
{
	text	   *measure = ABSOLV_GETARG_TEXT_OR_NULL(ARG_MEASURE);
	int			measure_len = measure ? VARSIZE_ANY_EXHDR(measure) : 0;
	const char *measure_data = measure ? VARDATA_ANY(measure) : NULL;
	const absolv_cached_rule *rule;
	absolv_participation p;
	absolv_case_state *state;

	absolv_rule_cache_keep(fcinfo->flinfo);
	rule = absolv_cached_rule_get(fcinfo->flinfo,
								  PG_GETARG_DATUM(kind->rule_arg));
	absolv_participation_from_args(fcinfo, ARG_ENTRY, ARG_EXIT, ARG_MEASURE, &p);

	state = absolv_state_new(aggcontext, rule, measure_data, measure_len,
							 absolv_case_size(rule->rule, &p));
	absolv_case_init(ABSOLV_STATE_CASE(state), rule->rule, &p);
	state->rule_constant = rule_arg_is_constant(fcinfo, kind);
	row_as_of(fcinfo, kind, &state->as_of_null, &state->as_of);
	return state;
}

/*
 * Error unless this row belongs to the participation of the state: same
 * entry, exit, measure, as_of and rule.  A constant rule argument is the
 * same on every row; otherwise the canonical texts are compared.
 */
static void
check_row(FunctionCallInfo fcinfo, const absolv_state_kind *kind,
		  const absolv_case_state *state)
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
 * The transition function of the aggregates: add one evidence row to the
 * state of its group.  Rows without a rule are skipped; rows without kind
 * or at, of a kind no rule uses, or dated after as_of, only take part in
 * the participation check.
 */
Datum
absolv_state_transfn(FunctionCallInfo fcinfo, const absolv_state_kind *kind)
{
	MemoryContext aggcontext;
	absolv_case_state *state;
	int			evidence_kind;
	DateADT		at;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s_transfn called in non-aggregate context", kind->name);

	state = PG_ARGISNULL(0) ? NULL : (absolv_case_state *) PG_GETARG_POINTER(0);
	if (PG_ARGISNULL(kind->rule_arg))
	{
		if (state == NULL)
			PG_RETURN_NULL();
		PG_RETURN_POINTER(state);
	}

	if (state == NULL)
		state = start_state(fcinfo, kind, aggcontext);
	else
		check_row(fcinfo, kind, state);

	if (PG_ARGISNULL(ARG_KIND) || PG_ARGISNULL(ARG_AT))
		PG_RETURN_POINTER(state);
	at = PG_GETARG_DATEADT(ARG_AT);
	if (!state->as_of_null && at > state->as_of)
		PG_RETURN_POINTER(state);
	evidence_kind = absolv_evidence_kind_arg(PG_GETARG_TEXT_PP(ARG_KIND));
	if (evidence_kind == ABSOLV_CODE_UNKNOWN)
		PG_RETURN_POINTER(state);

	absolv_case_add(ABSOLV_STATE_CASE(state), evidence_kind, at,
					PG_ARGISNULL(ARG_VALID_UNTIL),
					PG_ARGISNULL(ARG_VALID_UNTIL) ?
					0 : PG_GETARG_DATEADT(ARG_VALID_UNTIL));
	PG_RETURN_POINTER(state);
}

/*
 * Merge two partial states of one group.  A missing left state becomes a
 * copy of the right one in the aggregate context: the right one may live in
 * a shorter-lived context.
 */
absolv_case_state *
absolv_state_merge(const absolv_state_kind *kind, MemoryContext aggcontext,
				   absolv_case_state *left, const absolv_case_state *right)
{
	participation_key left_key;
	participation_key right_key;

	if (right == NULL)
		return left;
	if (left == NULL)
	{
		left = MemoryContextAlloc(aggcontext, right->size);
		memcpy(left, right, right->size);
		return left;
	}

	state_key(right, &right_key);
	state_key(left, &left_key);
	check_same_key(kind, &right_key, &left_key, true);
	if (!same_bytes(right->rule->text, right->rule->len,
					left->rule->text, left->rule->len))
		report_rule_mismatch(kind, right->rule->rule, left->rule->rule, true);

	absolv_case_merge(ABSOLV_STATE_CASE(left), ABSOLV_STATE_CASE(right));
	return left;
}

/* absolv_state_merge() as a combine function: states in arguments 0 and 1 */
Datum
absolv_state_combinefn(FunctionCallInfo fcinfo, const absolv_state_kind *kind)
{
	MemoryContext aggcontext;
	absolv_case_state *left;

	if (!AggCheckCallContext(fcinfo, &aggcontext))
		elog(ERROR, "%s_combinefn called in non-aggregate context", kind->name);

	left = absolv_state_merge(kind, aggcontext,
						  PG_ARGISNULL(0) ? NULL : (absolv_case_state *) PG_GETARG_POINTER(0),
						  PG_ARGISNULL(1) ? NULL : (absolv_case_state *) PG_GETARG_POINTER(1));
	if (left == NULL)
		PG_RETURN_NULL();
	PG_RETURN_POINTER(left);
}
