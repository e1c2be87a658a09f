/*
 * planner_support.c
 *	  Planner support of absolv_in_horizon and absolv_in_scope: index
 *	  conditions for the evidence join, and estimates of how many rows the
 *	  scope keeps and the horizon joins.
 *
 * absolv_in_horizon(at, args...) becomes the index conditions
 *	  at >= absolv_horizon_start(args...) AND at <= absolv_horizon_end(args...)
 * on an index of the day of evidence.  They are exact (not lossy), so the
 * call itself runs only where no such index is used.  The call stays in the
 * plan otherwise, so that the planner asks for its selectivity here: a
 * rewrite into two comparisons would leave it PostgreSQL's default of a
 * third for each.
 *
 * The estimates need a rule given as a constant; for a rule from a column
 * the planner's defaults apply.  The arithmetic of the rule (the share of a
 * code list in scope, the days of a horizon) is the core's (estimate.c);
 * this file reads the column statistics.  docs/performance.md describes
 * the model.
 */
#include "postgres.h"

#include <math.h>

#include "access/htup_details.h"
#include "access/stratnum.h"
#include "catalog/namespace.h"
#include "catalog/pg_am.h"
#include "catalog/pg_statistic.h"
#include "catalog/pg_type.h"
#include "nodes/makefuncs.h"
#include "nodes/nodeFuncs.h"
#include "nodes/pathnodes.h"
#include "nodes/supportnodes.h"
#include "optimizer/optimizer.h"
#include "optimizer/plancat.h"
#include "parser/parse_func.h"
#include "utils/builtins.h"
#include "utils/date.h"
#include "utils/lsyscache.h"
#include "utils/selfuncs.h"

#include "absolv_pg.h"
#include "estimate.h"

PG_FUNCTION_INFO_V1(absolv_in_horizon_support);
PG_FUNCTION_INFO_V1(absolv_in_scope_support);

/*
 * Days of evidence one participation brings, around its exit: the model
 * of the join's estimate assumes that each participation's share of the
 * evidence (evidence rows / participations) is spread evenly over this
 * many days, so that a horizon of h days joins h / 140 of it.  See
 * docs/performance.md.
 */
#define EVIDENCE_DAYS_PER_PARTICIPATION 140.0

/* the compiled rule of a constant argument, or NULL */
static const absolv_rule *
const_rule(FunctionCallInfo fcinfo, Node *arg)
{
	if (arg == NULL || !IsA(arg, Const) || ((Const *) arg)->constisnull)
		return NULL;
	return absolv_cached_rule_get(fcinfo->flinfo, ((Const *) arg)->constvalue)->rule;
}

/* ------------------------------------------------------------ shares */

typedef int (*code_lookup) (const char *text, size_t len);

/* add a share for one text value of a coded column */
static void
add_value(absolv_code_shares *c, code_lookup lookup, int ncodes, Datum value, double share)
{
	text	   *t = DatumGetTextPP(value);
	int			code = lookup(VARDATA_ANY(t), VARSIZE_ANY_EXHDR(t));

	if (code >= 0 && code < ncodes)
		c->share[code] += share;
	else if (code == ABSOLV_CODE_NULL)	/* "nicht gesetzt": not set, as NULL */
		c->null_share += share;
	else
		c->unknown_share += share;
}

/*
 * The shares of the codes of a text argument: from the statistics of a
 * column (its most common values), or a constant.  Unknown otherwise.
 */
static void
code_shares(PlannerInfo *root, Node *arg, int varRelid, code_lookup lookup,
			int ncodes, absolv_code_shares *c)
{
	VariableStatData vardata;

	memset(c, 0, sizeof(*c));
	if (arg == NULL)
		return;
	if (IsA(arg, Const))
	{
		c->known = true;
		if (((Const *) arg)->constisnull)
			c->null_share = 1.0;
		else
			add_value(c, lookup, ncodes, ((Const *) arg)->constvalue, 1.0);
		return;
	}

	examine_variable(root, arg, varRelid, &vardata);
	if (HeapTupleIsValid(vardata.statsTuple) && exprType(arg) == TEXTOID)
	{
		Form_pg_statistic stats = (Form_pg_statistic) GETSTRUCT(vardata.statsTuple);
		AttStatsSlot sslot;
		double		listed = stats->stanullfrac;

		c->null_share = stats->stanullfrac;
		if (get_attstatsslot(&sslot, vardata.statsTuple, STATISTIC_KIND_MCV, InvalidOid,
							 ATTSTATSSLOT_VALUES | ATTSTATSSLOT_NUMBERS))
		{
			for (int i = 0; i < sslot.nvalues; i++)
			{
				add_value(c, lookup, ncodes, sslot.values[i], sslot.numbers[i]);
				listed += sslot.numbers[i];
			}
			free_attstatsslot(&sslot);
			c->known = true;
			c->rest_share = listed < 1.0 ? 1.0 - listed : 0.0;
		}
	}
	ReleaseVariableStats(vardata);
}

/* ------------------------------------------------------------ scope */

/*
 * absolv_in_scope(measure, entry_date, exit_date, outcome, [customer_status,
 * legal_sphere, cosach_status, goal,] rule): the share of the rule's scope
 * from the shares of the codes, for a constant rule.
 */
static Selectivity
scope_selectivity(FunctionCallInfo fcinfo, SupportRequestSelectivity *req)
{
	List	   *args = req->args;
	int			nargs = list_length(args);
	const absolv_rule *rule = const_rule(fcinfo, (Node *) llast(args));
	absolv_scope_shares s;
	Const		null_text;

	if (rule == NULL)
		return -1;

	/* the five-argument form: the attributes are NULL */
	memset(&null_text, 0, sizeof(null_text));
	null_text.xpr.type = T_Const;
	null_text.consttype = TEXTOID;
	null_text.constisnull = true;

	code_shares(req->root, list_nth(args, 0), req->varRelid, absolv_measure_lookup,
				ABSOLV_MEASURE_COUNT, &s.measure);
	code_shares(req->root, list_nth(args, 3), req->varRelid, absolv_outcome_lookup,
				ABSOLV_OUTCOME_COUNT, &s.outcome);
	code_shares(req->root, nargs == 9 ? list_nth(args, 4) : (Node *) &null_text,
				req->varRelid, absolv_customer_status_lookup, ABSOLV_MAX_CODES,
				&s.customer_status);
	code_shares(req->root, nargs == 9 ? list_nth(args, 5) : (Node *) &null_text,
				req->varRelid, absolv_legal_sphere_lookup, ABSOLV_SPHERE_COUNT,
				&s.legal_sphere);
	code_shares(req->root, nargs == 9 ? list_nth(args, 6) : (Node *) &null_text,
				req->varRelid, absolv_cosach_lookup, ABSOLV_COSACH_COUNT,
				&s.cosach_status);
	code_shares(req->root, nargs == 9 ? list_nth(args, 7) : (Node *) &null_text,
				req->varRelid, absolv_goal_lookup, ABSOLV_GOAL_COUNT, &s.goal);
	return absolv_scope_share(rule, &s);
}

/* the planner support of absolv_in_scope: its selectivity */
Datum
absolv_in_scope_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);
	SupportRequestSelectivity *req;
	Selectivity sel;

	if (!IsA(rawreq, SupportRequestSelectivity))
		PG_RETURN_POINTER(NULL);
	req = (SupportRequestSelectivity *) rawreq;
	sel = scope_selectivity(fcinfo, req);
	if (sel < 0)
		PG_RETURN_POINTER(NULL);
	CLAMP_PROBABILITY(sel);
	req->selectivity = sel;
	PG_RETURN_POINTER(req);
}

/* ---------------------------------------------------------- horizon */

/* the operator of a btree strategy for date in an operator family, or InvalidOid */
static Oid
date_operator(Oid opfamily, int strategy)
{
	return get_opfamily_member(opfamily, DATEOID, DATEOID, strategy);
}

/*
 * Index conditions: at >= absolv_horizon_start(args...) AND
 * at <= absolv_horizon_end(args...), when `at` (argument 0) is the column
 * of a btree or BRIN index over dates (whose strategies 2 and 4 are <= and
 * >=) and no other argument refers to its table.
 */
static List *
horizon_index_conditions(SupportRequestIndexCondition *req)
{
	FuncExpr   *call = (FuncExpr *) req->node;
	List	   *bound_args;
	Oid			argtypes[FUNC_MAX_ARGS];
	char	   *schema;
	Oid			ge = date_operator(req->opfamily, BTGreaterEqualStrategyNumber);
	Oid			le = date_operator(req->opfamily, BTLessEqualStrategyNumber);
	Oid			start_fn;
	Oid			end_fn;
	Expr	   *lower;
	Expr	   *upper;
	int			nargs = 0;
	ListCell   *lc;

	if (!IsA(call, FuncExpr) || req->indexarg != 0 ||
		(req->index->relam != BTREE_AM_OID && req->index->relam != BRIN_AM_OID) ||
		!OidIsValid(ge) || !OidIsValid(le))
		return NIL;

	bound_args = list_copy_tail(call->args, 1);
	if (bms_is_member(req->index->rel->relid, pull_varnos(req->root, (Node *) bound_args)) ||
		contain_volatile_functions((Node *) bound_args))
		return NIL;

	foreach(lc, bound_args)
		argtypes[nargs++] = exprType((Node *) lfirst(lc));
	schema = get_namespace_name(get_func_namespace(call->funcid));
	start_fn = LookupFuncName(list_make2(makeString(schema), makeString("absolv_horizon_start")),
							  nargs, argtypes, false);
	end_fn = LookupFuncName(list_make2(makeString(schema), makeString("absolv_horizon_end")),
							nargs, argtypes, false);

	lower = make_opclause(ge, BOOLOID, false,
						  (Expr *) copyObject(linitial(call->args)),
						  (Expr *) makeFuncExpr(start_fn, DATEOID, bound_args,
												InvalidOid, InvalidOid,
												COERCE_EXPLICIT_CALL),
						  InvalidOid, InvalidOid);
	upper = make_opclause(le, BOOLOID, false,
						  (Expr *) copyObject(linitial(call->args)),
						  (Expr *) makeFuncExpr(end_fn, DATEOID, copyObject(bound_args),
												InvalidOid, InvalidOid,
												COERCE_EXPLICIT_CALL),
						  InvalidOid, InvalidOid);
	set_opfuncid((OpExpr *) lower);
	set_opfuncid((OpExpr *) upper);
	req->lossy = false;
	return list_make2(lower, upper);
}

/* the relation a Var-only expression belongs to, or 0 */
static Index
single_relid(PlannerInfo *root, Node *expr)
{
	Relids		relids = pull_varnos(root, expr);
	int			relid;

	if (bms_get_singleton_member(relids, &relid))
		return (Index) relid;
	return 0;
}

/* the base relation relid of the query, or NULL */
static RelOptInfo *
base_rel(PlannerInfo *root, Index relid)
{
	if (relid >= (Index) root->simple_rel_array_size)
		return NULL;
	return root->simple_rel_array[relid];
}

/*
 * The selectivity of one equality a = b, a of rel_a and b of rel_b, as the
 * planner estimates it.
 */
static Selectivity
key_selectivity(PlannerInfo *root, Oid eqop, Expr *a, Expr *b, Oid collation,
				SupportRequestSelectivity *req)
{
	if (req->is_join)
		return join_selectivity(root, eqop, list_make2(a, b), collation,
								req->jointype, req->sjinfo);
	/* a parameterized scan of rel_b: b = a parameter */
	return restriction_selectivity(root, eqop, list_make2(b, a), collation,
								   req->varRelid);
}

/* the equality of an outer join's clause a = b between rel_a and rel_b, or -1 */
static Selectivity
outer_join_key(PlannerInfo *root, List *clauses, Index rel_a, Index rel_b,
			   SupportRequestSelectivity *req)
{
	ListCell   *lc;

	foreach(lc, clauses)
	{
		RestrictInfo *rinfo = ABSOLV_OUTER_JOIN_RINFO(lc);
		OpExpr	   *op = (OpExpr *) rinfo->clause;
		Expr	   *left;
		Expr	   *right;

		if (!is_opclause(op) || list_length(op->args) != 2)
			continue;
		left = linitial(op->args);
		right = lsecond(op->args);
		if (bms_is_member(rel_a, rinfo->left_relids) && bms_is_member(rel_b, rinfo->right_relids))
			return key_selectivity(root, op->opno, left, right, op->inputcollid, req);
		if (bms_is_member(rel_b, rinfo->left_relids) && bms_is_member(rel_a, rinfo->right_relids))
			return key_selectivity(root, op->opno, right, left, op->inputcollid, req);
	}
	return -1;
}

/*
 * The selectivity of the equality that joins rel_a and rel_b (such as
 * customer_id = customer_id), as the planner estimates it, or -1 if they
 * are joined by none: an equivalence class with a member of each (inner
 * joins), or a mergejoinable clause of an outer join.
 */
static Selectivity
key_join_selectivity(PlannerInfo *root, Index rel_a, Index rel_b,
					 SupportRequestSelectivity *req)
{
	Relids		only_a = bms_make_singleton(rel_a);
	Relids		only_b = bms_make_singleton(rel_b);
	Selectivity sel;
	ListCell   *lc;

	foreach(lc, root->eq_classes)
	{
		EquivalenceClass *ec = (EquivalenceClass *) lfirst(lc);
		Expr	   *a = NULL;
		Expr	   *b = NULL;
		ListCell   *m;
		Oid			eqop;

		if (ec->ec_has_const || ec->ec_has_volatile || ec->ec_opfamilies == NIL)
			continue;
		foreach(m, ec->ec_members)
		{
			EquivalenceMember *em = (EquivalenceMember *) lfirst(m);

			if (em->em_is_child)
				continue;
			if (bms_equal(em->em_relids, only_a))
				a = em->em_expr;
			else if (bms_equal(em->em_relids, only_b))
				b = em->em_expr;
		}
		if (a == NULL || b == NULL)
			continue;
		eqop = get_opfamily_member(linitial_oid(ec->ec_opfamilies),
								   exprType((Node *) a), exprType((Node *) b),
								   BTEqualStrategyNumber);
		if (OidIsValid(eqop))
			return key_selectivity(root, eqop, a, b, ec->ec_collation, req);
	}
	if ((sel = outer_join_key(root, root->left_join_clauses, rel_a, rel_b, req)) >= 0 ||
		(sel = outer_join_key(root, root->right_join_clauses, rel_a, rel_b, req)) >= 0 ||
		(sel = outer_join_key(root, root->full_join_clauses, rel_a, rel_b, req)) >= 0)
		return sel;
	return -1;
}

/* the days from the first to the last bound of a date column's histogram, or -1 */
static double
date_spread(PlannerInfo *root, Node *arg, int varRelid)
{
	VariableStatData vardata;
	AttStatsSlot sslot;
	double		days = -1;

	examine_variable(root, arg, varRelid, &vardata);
	if (HeapTupleIsValid(vardata.statsTuple) &&
		get_attstatsslot(&sslot, vardata.statsTuple, STATISTIC_KIND_HISTOGRAM,
						 InvalidOid, ATTSTATSSLOT_VALUES))
	{
		if (sslot.nvalues >= 2)
		{
			DateADT		first = DatumGetDateADT(sslot.values[0]);
			DateADT		last = DatumGetDateADT(sslot.values[sslot.nvalues - 1]);

			if (!DATE_NOT_FINITE(first) && !DATE_NOT_FINITE(last))
				days = (double) last - first + 1;
		}
		free_attstatsslot(&sslot);
	}
	ReleaseVariableStats(vardata);
	return days;
}

/* the middle bound of a date column's histogram, or today */
static DateADT
typical_day(PlannerInfo *root, Node *arg, int varRelid)
{
	VariableStatData vardata;
	AttStatsSlot sslot;
	DateADT		day = GetSQLCurrentDate();

	examine_variable(root, arg, varRelid, &vardata);
	if (HeapTupleIsValid(vardata.statsTuple) &&
		get_attstatsslot(&sslot, vardata.statsTuple, STATISTIC_KIND_HISTOGRAM,
						 InvalidOid, ATTSTATSSLOT_VALUES))
	{
		if (sslot.nvalues >= 1 && !DATE_NOT_FINITE(DatumGetDateADT(sslot.values[sslot.nvalues / 2])))
			day = DatumGetDateADT(sslot.values[sslot.nvalues / 2]);
		free_attstatsslot(&sslot);
	}
	ReleaseVariableStats(vardata);
	return day;
}

/*
 * absolv_in_horizon(at, [entry_date,] exit_date, [measure,] rule) between
 * the evidence and the participations, for a constant rule of h days of
 * horizon.  Joined on a key (customer_id = customer_id): each participation
 * joins h / EVIDENCE_DAYS_PER_PARTICIPATION of its share of the evidence,
 * evidence rows / participations; the selectivity is that over the rows
 * the key join alone gives.  Without a key: h over the days the evidence
 * spans.
 */
static Selectivity
horizon_selectivity(FunctionCallInfo fcinfo, SupportRequestSelectivity *req)
{
	PlannerInfo *root = req->root;
	List	   *args = req->args;
	bool		by_variant = list_length(args) == 5;
	const absolv_rule *rule = const_rule(fcinfo, (Node *) llast(args));
	Node	   *at = linitial(args);
	Node	   *exit = list_nth(args, by_variant ? 2 : 1);
	Index		at_rel = single_relid(root, at);
	Index		exit_rel = single_relid(root, exit);
	absolv_code_shares measure;
	double		days;
	double		spread;
	Selectivity key_sel;

	if (rule == NULL || at_rel == 0)
		return -1;

	memset(&measure, 0, sizeof(measure));
	if (by_variant)
		code_shares(root, list_nth(args, 3), 0, absolv_measure_lookup,
					ABSOLV_MEASURE_COUNT, &measure);
	days = absolv_horizon_mean_days(rule, typical_day(root, exit, 0), by_variant, &measure);

	if (exit_rel != 0 && exit_rel != at_rel)
	{
		RelOptInfo *at_info = base_rel(root, at_rel);
		RelOptInfo *exit_info = base_rel(root, exit_rel);

		key_sel = key_join_selectivity(root, exit_rel, at_rel, req);
		if (key_sel > 0 && at_info != NULL && exit_info != NULL &&
			at_info->tuples > 0 && exit_info->tuples > 0)
		{
			double		key_rows = at_info->tuples * key_sel;	/* per participation */
			double		own_rows = at_info->tuples / exit_info->tuples;

			return own_rows * (days / EVIDENCE_DAYS_PER_PARTICIPATION) / Max(key_rows, 1.0);
		}
	}
	spread = date_spread(root, at, 0);
	if (spread <= 0)
		return -1;
	return days / spread;
}

/*
 * The planner support of absolv_in_horizon: index conditions on the day of
 * evidence, and the selectivity of the horizon.
 */
Datum
absolv_in_horizon_support(PG_FUNCTION_ARGS)
{
	Node	   *rawreq = (Node *) PG_GETARG_POINTER(0);

	if (IsA(rawreq, SupportRequestIndexCondition))
	{
		List	   *conditions = horizon_index_conditions((SupportRequestIndexCondition *) rawreq);

		PG_RETURN_POINTER(conditions);
	}
	if (IsA(rawreq, SupportRequestSelectivity))
	{
		SupportRequestSelectivity *req = (SupportRequestSelectivity *) rawreq;
		Selectivity sel = horizon_selectivity(fcinfo, req);

		if (sel < 0)
			PG_RETURN_POINTER(NULL);
		CLAMP_PROBABILITY(sel);
		req->selectivity = sel;
		PG_RETURN_POINTER(req);
	}
	PG_RETURN_POINTER(NULL);
}
