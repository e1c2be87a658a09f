/*
 * estimate.c
 *	  What a rule tells a query planner: the share of participations in its
 *	  scope and the days of its horizon (see estimate.h).
 *
 * Plain C, no PostgreSQL headers, no allocation.
 */
#include <math.h>

#include "estimate.h"
#include "evaluate.h"

/* average days of a month, for "at least n months" */
#define DAYS_PER_MONTH 30.4375

/* the share of a code list's rows, with the rest spread like the listed ones */
static double
listed_scale(const absolv_code_shares *c, int ncodes)
{
	double		listed = c->null_share + c->unknown_share;

	for (int i = 0; i < ncodes; i++)
		listed += c->share[i];
	if (listed <= 0.0)
		return 0.0;
	return (listed + c->rest_share) / listed;
}

/* share of rows with a code in the bit set accepted, NULL counted if null_passes */
static double
accepted_share(const absolv_code_shares *c, int ncodes, uint32_t accepted,
			   bool null_passes, double default_share)
{
	double		sum = 0.0;

	if (!c->known)
		return default_share;
	for (int i = 0; i < ncodes; i++)
		if (accepted & (1u << i))
			sum += c->share[i];
	if (null_passes)
		sum += c->null_share;
	sum *= listed_scale(c, ncodes);
	return sum > 1.0 ? 1.0 : sum;
}

/* an attribute filter: share of rows that pass */
static double
filter_share(const absolv_attr_filter *f, const absolv_code_shares *c, int ncodes)
{
	if (!f->present)
		return 1.0;
	/* without statistics: half of the rows */
	return accepted_share(c, ncodes, f->accepted, f->null_passes, 0.5);
}

/* share of durations of at least `days` days, evenly on a log scale */
static double
share_at_least(double days)
{
	if (days <= ABSOLV_ESTIMATE_MIN_DAYS)
		return 1.0;
	if (days > ABSOLV_ESTIMATE_MAX_DAYS)
		return 0.0;
	return log((double) ABSOLV_ESTIMATE_MAX_DAYS / days) /
		log((double) ABSOLV_ESTIMATE_MAX_DAYS / ABSOLV_ESTIMATE_MIN_DAYS);
}

/* narrow [*lo, *hi] (days, inclusive) by the conditions of one range */
static void
narrow(const absolv_duration_range *r, double *lo, double *hi)
{
	for (int i = 0; i < ABSOLV_MAX_DURATION_CONDS; i++)
	{
		const absolv_duration_cond *c = &r->conds[i];
		double		n;

		if (!c->present)
			continue;
		n = c->unit == ABSOLV_UNIT_MONTHS ? c->amount * DAYS_PER_MONTH :
			c->unit == ABSOLV_UNIT_WEEKS ? 7.0 * c->amount : (double) c->amount;
		switch (c->cmp)
		{
			case ABSOLV_CMP_AT_LEAST:
				if (n > *lo)
					*lo = n;
				break;
			case ABSOLV_CMP_MORE_THAN:
				if (n + 1 > *lo)
					*lo = n + 1;
				break;
			case ABSOLV_CMP_AT_MOST:
				if (n < *hi)
					*hi = n;
				break;
			default:
				if (n - 1 < *hi)
					*hi = n - 1;
				break;
		}
	}
}

double
absolv_duration_share(const absolv_duration_range *a, const absolv_duration_range *b)
{
	double		lo = 1.0;
	double		hi = HUGE_VAL;
	double		share;

	if (a != NULL)
		narrow(a, &lo, &hi);
	if (b != NULL)
		narrow(b, &lo, &hi);
	if (hi < lo)
		return 0.0;
	share = share_at_least(lo) - (hi == HUGE_VAL ? 0.0 : share_at_least(hi + 1));
	return share < 0.0 ? 0.0 : share;
}

/* the share of participations of measure m that are in scope, given its measure */
static double
measure_in_scope(const absolv_rule *rule, int m, const absolv_scope_shares *s)
{
	const absolv_scope *scope = &rule->scope;
	const absolv_measure_scope *ms = &scope->per_measure[m];

	return absolv_duration_share(&scope->duration, &ms->duration) *
		filter_share(&ms->goal, &s->goal, ABSOLV_GOAL_COUNT);
}

/* the share of each measure's rows (known codes only), summing to at most 1 */
static void
measure_shares(const absolv_code_shares *c, double out[ABSOLV_MEASURE_COUNT])
{
	double		scale = c->known ? listed_scale(c, ABSOLV_MEASURE_COUNT) : 0.0;

	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
		out[m] = c->known ? c->share[m] * scale : 1.0 / ABSOLV_MEASURE_COUNT;
}

double
absolv_scope_share(const absolv_rule *rule, const absolv_scope_shares *s)
{
	const absolv_scope *scope = &rule->scope;
	double		shares[ABSOLV_MEASURE_COUNT];
	double		result = 0.0;

	measure_shares(&s->measure, shares);
	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
		if (scope->measures & ABSOLV_MEASURE_BIT(m))
			result += shares[m] * measure_in_scope(rule, m, s);

	/* NULL counts as SUCCESS; without statistics, two in three pass */
	if (s->outcome.known)
		result *= accepted_share(&s->outcome, ABSOLV_OUTCOME_COUNT, scope->outcomes,
								 (scope->outcomes & (1u << ABSOLV_OUTCOME_SUCCESS)) != 0, 0.0);
	else if (scope->outcomes != (1u << ABSOLV_OUTCOME_COUNT) - 1)
		result *= 2.0 / 3.0;

	/* every code slot: slots past the last status have no share and no bit */
	result *= filter_share(&scope->customer_status, &s->customer_status, ABSOLV_MAX_CODES);
	result *= filter_share(&scope->legal_sphere, &s->legal_sphere, ABSOLV_SPHERE_COUNT);
	result *= filter_share(&scope->cosach_status, &s->cosach_status, ABSOLV_COSACH_COUNT);
	return result > 1.0 ? 1.0 : result;
}

/* P(the condition of a variant holds | measure m) */
static double
condition_share(const absolv_condition *c, int m)
{
	if (c->otherwise)
		return 1.0;
	if (c->measures && !(c->measures & ABSOLV_MEASURE_BIT(m)))
		return 0.0;
	return c->duration.conds[0].present ? absolv_duration_share(&c->duration, NULL) : 1.0;
}

double
absolv_horizon_mean_days(const absolv_rule *rule, absolv_day exit, bool by_variant,
						 const absolv_code_shares *measure)
{
	double		days[ABSOLV_MAX_VARIANTS];
	double		shares[ABSOLV_MEASURE_COUNT];
	double		weighted = 0.0;
	double		weight = 0.0;
	absolv_day	from,
				to;

	if (!by_variant || rule->nvariants == 1)
	{
		if (!absolv_rule_horizon(rule, exit, &from, &to) || to < from)
			return 0.0;
		return (double) to - from + 1;
	}
	for (int i = 0; i < rule->nvariants; i++)
	{
		if (!absolv_variant_horizon(&rule->variants[i], exit, &from, &to))
			return 0.0;
		days[i] = to < from ? 0.0 : (double) to - from + 1;
	}

	/* each measure in scope takes the first variant whose condition holds */
	measure_shares(measure, shares);
	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
	{
		double		left = 1.0;

		if (!(rule->scope.measures & ABSOLV_MEASURE_BIT(m)) || shares[m] <= 0.0)
			continue;
		for (int i = 0; i < rule->nvariants && left > 0.0; i++)
		{
			double		here = left * condition_share(&rule->variants[i].when, m);

			weighted += shares[m] * here * days[i];
			weight += shares[m] * here;
			left -= here;
		}
	}
	if (weight <= 0.0)
		return days[rule->nvariants - 1];
	return weighted / weight;
}
