/*
 * scope_functions.c
 *	  absolv_in_scope: is a participation in the scope of a rule (the
 *	  denominator of the quota)?  absolv_scope_reason: if not, which
 *	  criterion excluded it first (for attrition reports)?
 *
 * Both functions take the same arguments, in two forms each, and share
 * the scope test.  Every form validates every code argument it gets,
 * whether or not the rule filters on it: an unknown outcome, customer
 * status, legal sphere or CoSach status is an error (docs/codes.md).  Invalid participation
 * data (no or infinite dates, exit before entry) are out of scope, never an
 * error.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "utils/builtins.h"

#include "absolv_pg.h"

PG_FUNCTION_INFO_V1(absolv_in_scope_basic);
PG_FUNCTION_INFO_V1(absolv_in_scope_full);
PG_FUNCTION_INFO_V1(absolv_scope_reason_basic);
PG_FUNCTION_INFO_V1(absolv_scope_reason_full);

/* arguments shared by both forms */
#define ARG_MEASURE		0
#define ARG_ENTRY		1
#define ARG_EXIT		2
#define ARG_OUTCOME		3
/* arguments of the nine-argument form only */
#define ARG_CUSTOMER_STATUS	4
#define ARG_LEGAL_SPHERE	5
#define ARG_COSACH_STATUS	6
#define ARG_GOAL			7
/* the rule, last */
#define ARG_RULE_BASIC		4
#define ARG_RULE_FULL		8

/*
 * The five-argument form has no customer status, legal sphere or CoSach
 * status.  A rule that requires one of them to be known for every
 * participation would put every row out of scope and turn a quota into
 * 0 of 0 without a word, so that is an error on every call, whatever the
 * row.
 */
static void
check_rule_needs_no_attributes(const absolv_rule *rule)
{
	uint32_t	needed = absolv_scope_required_attributes(rule);
	StringInfoData names;

	if (needed == 0)
		return;
	initStringInfo(&names);
	for (int r = 0; r < 32; r++)
	{
		if (!(needed & (1u << r)))
			continue;
		needed &= ~(1u << r);
		if (names.len > 0)
			appendStringInfoString(&names, needed ? ", " : " and ");
		appendStringInfoString(&names, absolv_scope_result_name((absolv_scope_result) r));
	}
	ereport(ERROR,
			errcode(ERRCODE_INVALID_PARAMETER_VALUE),
			errmsg("rule \"%s\" needs the %s of every participation, which this form of the function does not take",
				   rule->name, names.data),
			errdetail("The rule's scope says \"not null\" for them: a participation whose value is unknown is out of scope."),
			errhint("Use the nine-argument form: (measure, entry_date, exit_date, outcome, "
					"customer_status, legal_sphere, cosach_status, goal, rule)."));
}

/*
 * The scope test of both forms; the rule is the last argument, rule_arg.
 * The five-argument form has no customer status, legal sphere, CoSach
 * status or goal: they are NULL (not checked, but a rule that requires
 * one of the first three is an error, and a "goal ... not null" puts
 * those measures out of scope).  Returns false when the rule is NULL (the
 * result is NULL), else true with the first criterion that excluded the
 * participation, or ABSOLV_SCOPE_IN, in *result.
 */
static bool
scope_test(FunctionCallInfo fcinfo, int rule_arg, absolv_scope_result *result)
{
	bool		has_attributes = rule_arg == ARG_RULE_FULL;
	absolv_participation p;
	const absolv_rule *rule;

	if (PG_ARGISNULL(rule_arg))
		return false;
	rule = absolv_cached_rule_get(fcinfo->flinfo,
								  PG_GETARG_DATUM(rule_arg))->rule;
	if (!has_attributes)
		check_rule_needs_no_attributes(rule);

	absolv_participation_from_args(fcinfo, ARG_ENTRY, ARG_EXIT, ARG_MEASURE, &p);
	p.outcome = absolv_outcome_arg(ABSOLV_GETARG_TEXT_OR_NULL(ARG_OUTCOME));
	if (has_attributes)
	{
		p.customer_status =
			absolv_customer_status_arg(ABSOLV_GETARG_TEXT_OR_NULL(ARG_CUSTOMER_STATUS));
		p.legal_sphere =
			absolv_legal_sphere_arg(ABSOLV_GETARG_TEXT_OR_NULL(ARG_LEGAL_SPHERE));
		p.cosach_status =
			absolv_cosach_status_arg(ABSOLV_GETARG_TEXT_OR_NULL(ARG_COSACH_STATUS));
		p.goal =
			absolv_goal_arg(ABSOLV_GETARG_TEXT_OR_NULL(ARG_GOAL));
	}

	*result = absolv_rule_scope(rule, &p);
	return true;
}

/* absolv_in_scope, either form: true if in scope */
static Datum
in_scope(FunctionCallInfo fcinfo, int rule_arg)
{
	absolv_scope_result result;

	if (!scope_test(fcinfo, rule_arg, &result))
		PG_RETURN_NULL();
	PG_RETURN_BOOL(result == ABSOLV_SCOPE_IN);
}

/*
 * absolv_scope_reason, either form: NULL if in scope, else the name of the
 * first criterion that excluded the participation ("invalid data",
 * "measure", "duration", "outcome", "customer status", "legal sphere",
 * "CoSach status", "goal").
 */
static Datum
scope_reason(FunctionCallInfo fcinfo, int rule_arg)
{
	absolv_scope_result result;

	if (!scope_test(fcinfo, rule_arg, &result) || result == ABSOLV_SCOPE_IN)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(absolv_scope_result_name(result)));
}

/* absolv_in_scope(measure, entry_date, exit_date, outcome, rule) */
Datum
absolv_in_scope_basic(PG_FUNCTION_ARGS)
{
	return in_scope(fcinfo, ARG_RULE_BASIC);
}

/*
 * absolv_in_scope(measure, entry_date, exit_date, outcome, customer_status,
 *				   legal_sphere, cosach_status, goal, rule)
 */
Datum
absolv_in_scope_full(PG_FUNCTION_ARGS)
{
	return in_scope(fcinfo, ARG_RULE_FULL);
}

/* absolv_scope_reason(measure, entry_date, exit_date, outcome, rule) */
Datum
absolv_scope_reason_basic(PG_FUNCTION_ARGS)
{
	return scope_reason(fcinfo, ARG_RULE_BASIC);
}

/*
 * absolv_scope_reason(measure, entry_date, exit_date, outcome,
 *					   customer_status, legal_sphere, cosach_status, goal,
 *					   rule)
 */
Datum
absolv_scope_reason_full(PG_FUNCTION_ARGS)
{
	return scope_reason(fcinfo, ARG_RULE_FULL);
}
