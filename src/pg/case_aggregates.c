/*
 * case_aggregates.c
 *	  The aggregates over the evidence of one participation:
 *	  absolv_compliant (does it fulfil the rule's requirement?) and
 *	  absolv_verdict (its status as of a day, with the window, the last day
 *	  to act, the missing parts and the evidence).
 *
 * A group is one participation, its rows are its evidence (or a single row
 * with a NULL kind, from an outer join that found none).  Both aggregates
 * share one state (case_state.h): it is built and merged by case_state.c,
 * shipped between parallel workers by state_wire.c, and finished here.
 * absolv_verdict ignores evidence dated after as_of: the verdict is what
 * was known on that day.
 */
#include "postgres.h"

#include "case_state.h"

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

static const absolv_state_kind compliant_kind = {
	"absolv_compliant", ABSOLV_STATE_COMPLIANT, 7, 0,
	"Entry date, exit date, measure and rule"
};

static const absolv_state_kind verdict_kind = {
	"absolv_verdict", ABSOLV_STATE_VERDICT, 8, 7,
	"Entry date, exit date, measure, as_of and rule"
};

/* ------------------------------------------------------ absolv_compliant */

/*
 * absolv_compliant_transfn(internal, entry_date, exit_date, measure, kind,
 * at, valid_until, rule)
 */
Datum
absolv_compliant_transfn(PG_FUNCTION_ARGS)
{
	return absolv_state_transfn(fcinfo, &compliant_kind);
}

/*
 * absolv_compliant_finalfn(internal): true if the requirement holds, false
 * if not, NULL if the participation is excluded, its data are invalid, or
 * the group had no row with a rule.
 */
Datum
absolv_compliant_finalfn(PG_FUNCTION_ARGS)
{
	absolv_case_state *state;
	int			result;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (absolv_case_state *) PG_GETARG_POINTER(0);

	result = absolv_case_compliant(ABSOLV_STATE_CASE(state));
	if (result < 0)
		PG_RETURN_NULL();
	PG_RETURN_BOOL(result > 0);
}

/* absolv_compliant_combinefn(internal, internal) */
Datum
absolv_compliant_combinefn(PG_FUNCTION_ARGS)
{
	return absolv_state_combinefn(fcinfo, &compliant_kind);
}

/* absolv_compliant_serialfn(internal) -> bytea */
Datum
absolv_compliant_serialfn(PG_FUNCTION_ARGS)
{
	return absolv_state_serialfn(fcinfo, &compliant_kind);
}

/* absolv_compliant_deserialfn(bytea, internal) -> internal */
Datum
absolv_compliant_deserialfn(PG_FUNCTION_ARGS)
{
	return absolv_state_deserialfn(fcinfo, &compliant_kind);
}

/* -------------------------------------------------------- absolv_verdict */

/*
 * absolv_verdict_transfn(internal, entry_date, exit_date, measure, kind, at,
 * valid_until, as_of, rule)
 */
Datum
absolv_verdict_transfn(PG_FUNCTION_ARGS)
{
	return absolv_state_transfn(fcinfo, &verdict_kind);
}

/*
 * absolv_verdict_finalfn(internal): the verdict as of as_of, NULL when
 * as_of is NULL or the group had no row with a rule.
 */
Datum
absolv_verdict_finalfn(PG_FUNCTION_ARGS)
{
	absolv_case_state *state;

	if (PG_ARGISNULL(0))
		PG_RETURN_NULL();
	state = (absolv_case_state *) PG_GETARG_POINTER(0);
	if (state->as_of_null)
		PG_RETURN_NULL();
	return absolv_verdict_row(fcinfo, state->rule, ABSOLV_STATE_CASE(state),
							  state->as_of);
}

/* absolv_verdict_combinefn(internal, internal) */
Datum
absolv_verdict_combinefn(PG_FUNCTION_ARGS)
{
	return absolv_state_combinefn(fcinfo, &verdict_kind);
}

/* absolv_verdict_serialfn(internal) -> bytea */
Datum
absolv_verdict_serialfn(PG_FUNCTION_ARGS)
{
	return absolv_state_serialfn(fcinfo, &verdict_kind);
}

/* absolv_verdict_deserialfn(bytea, internal) -> internal */
Datum
absolv_verdict_deserialfn(PG_FUNCTION_ARGS)
{
	return absolv_state_deserialfn(fcinfo, &verdict_kind);
}
