/*
 * test_estimate.c
 *	  Unit tests of the planner estimates of the core: the share of a
 *	  rule's scope against a count over a population built to the same
 *	  shares, and the mean days of a horizon.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "estimate.h"
#include "evaluate.h"
#include "unit.h"

static absolv_rule rules[8];

static const absolv_rule *
preset(const char *name)
{
	int			i = absolv_preset_lookup(name, strlen(name));
	absolv_error err;

	if (rules[i].name[0] == '\0')
		absolv_rule_parse(absolv_preset_text(i), strlen(absolv_preset_text(i)),
						  &rules[i], &err);
	return &rules[i];
}

/* duration number k of n, evenly on the log scale of the model */
static int
duration(int k, int n)
{
	double		lo = log((double) ABSOLV_ESTIMATE_MIN_DAYS);
	double		hi = log((double) ABSOLV_ESTIMATE_MAX_DAYS);

	return (int) floor(exp(lo + (hi - lo) * (k + 0.5) / n));
}

/*
 * The share of a population in scope, counted with absolv_rule_scope:
 * every known measure equally often (and 10 % unknown), outcomes SUCCESS
 * 50 %, PREMATURE 30 %, GOAL_EARLY 10 %, NULL 10 %, customer status ALO
 * 80 % and NULL 20 %, 400 durations on the model's scale; goal and the
 * other attributes NULL.
 */
static double
counted_share(const absolv_rule *rule)
{
	static const int outcomes[10] = {0, 0, 0, 0, 0, -2, 1, 2, 2, 2};
	absolv_day	exit = absolv_day_from_ymd(2024, 6, 30);
	long		in = 0;
	long		all = 0;

	for (int m = -1; m < ABSOLV_MEASURE_COUNT; m++)
		for (int o = 0; o < 10; o++)
			for (int s = 0; s < 5; s++)
				for (int k = 0; k < 400; k++)
				{
					absolv_participation p;
					int			weight = m < 0 ? ABSOLV_MEASURE_COUNT * 10 / 90 : 1;

					memset(&p, 0, sizeof(p));
					p.measure = m;
					p.exit = exit;
					p.entry = exit - duration(k, 400) + 1;
					p.outcome = outcomes[o] == -2 ? ABSOLV_CODE_NULL : outcomes[o];
					p.customer_status = s < 4 ? absolv_customer_status_lookup("ALO", 3) : ABSOLV_CODE_NULL;
					p.legal_sphere = p.cosach_status = p.goal = ABSOLV_CODE_NULL;
					if (absolv_rule_scope(rule, &p) == ABSOLV_SCOPE_IN)
						in += weight;
					all += weight;
				}
	return (double) in / all;
}

/* the same shares as counted_share, as the glue would read them */
static void
population_shares(absolv_scope_shares *s)
{
	int			alo = absolv_customer_status_lookup("ALO", 3);

	memset(s, 0, sizeof(*s));
	s->measure.known = true;
	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
		s->measure.share[m] = 0.9 / ABSOLV_MEASURE_COUNT;
	s->measure.unknown_share = 0.1;
	s->outcome.known = true;
	s->outcome.share[ABSOLV_OUTCOME_SUCCESS] = 0.5;
	s->outcome.share[1] = 0.1;	/* GOAL_EARLY */
	s->outcome.share[2] = 0.3;	/* PREMATURE */
	s->outcome.null_share = 0.1;
	s->customer_status.known = true;
	s->customer_status.share[alo] = 0.8;
	s->customer_status.null_share = 0.2;
	s->legal_sphere.known = s->cosach_status.known = s->goal.known = true;
	s->legal_sphere.null_share = s->cosach_status.null_share = s->goal.null_share = 1.0;
}

static void
test_scope_share(void)
{
	absolv_scope_shares s;

	population_shares(&s);
	for (int i = 0; i < absolv_preset_count(); i++)
	{
		const absolv_rule *rule = preset(absolv_preset_name(i));
		double		estimate = absolv_scope_share(rule, &s);
		double		counted = counted_share(rule);

		CHECK(fabs(estimate - counted) < 0.02 + 0.05 * counted,
			  "%s: scope share %.3f estimated, %.3f counted", rule->name, estimate, counted);
	}

	/* values the statistics do not list are spread like the listed ones */
	{
		const absolv_rule *rule = preset("hannover");
		double		full = absolv_scope_share(rule, &s);

		for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
			s.measure.share[m] /= 2;
		s.measure.unknown_share /= 2;
		s.measure.rest_share = 0.5;
		CHECK(fabs(absolv_scope_share(rule, &s) - full) < 1e-9,
			  "half of the measures unlisted: the same share");
	}

	/* no statistics: the defaults, still a share */
	memset(&s, 0, sizeof(s));
	{
		double		share = absolv_scope_share(preset("herford"), &s);

		CHECK(share > 0.0 && share < 1.0, "no statistics: a share between 0 and 1 (%.3f)", share);
	}
}

static void
test_duration_share(void)
{
	absolv_rule r;
	absolv_error err;
	const char *text = "rule t scope measure any duration at least 3 months and less than 12 months "
		"window exit - 90 days .. exit require EINV";

	CHECK(absolv_rule_parse(text, strlen(text), &r, &err), "a rule with a duration range parses");
	CHECK(fabs(absolv_duration_share(&r.scope.duration, NULL) -
			   (log(12 * 30.4375 / (3 * 30.4375)) / log((double) ABSOLV_ESTIMATE_MAX_DAYS / ABSOLV_ESTIMATE_MIN_DAYS))) < 0.01,
		  "at least 3 months and less than 12 months: the share between on the log scale");
	CHECK(absolv_duration_share(NULL, NULL) == 1.0, "no condition: every participation");
}

/* days of the horizon of the variant a measure takes (a participation of a year) */
static double
variant_days(const absolv_rule *rule, int measure, absolv_day exit)
{
	int			v = absolv_select_variant(rule, true, exit - 364, exit, measure);
	absolv_day	from,
				to;

	if (v < 0 || !absolv_variant_horizon(&rule->variants[v], exit, &from, &to))
		return -1;
	return (double) to - from + 1;
}

static void
test_horizon_days(void)
{
	absolv_day	exit = absolv_day_from_ymd(2024, 6, 28);
	const absolv_rule *hannover = preset("hannover");
	double		fbw = variant_days(hannover, ABSOLV_MEASURE_FBW, exit);
	double		bae = variant_days(hannover, ABSOLV_MEASURE_BAE, exit);
	absolv_code_shares only;
	absolv_day	from,
				to;

	CHECK(fbw > 0 && bae > 0 && fbw != bae,
		  "hannover: FbW and BaE take variants of different horizons (%.0f and %.0f days)", fbw, bae);

	memset(&only, 0, sizeof(only));
	only.known = true;
	only.share[ABSOLV_MEASURE_FBW] = 1.0;
	CHECK(fabs(absolv_horizon_mean_days(hannover, exit, true, &only) - fbw) < 1e-9,
		  "hannover, FbW only: its variant's days");
	only.share[ABSOLV_MEASURE_FBW] = 0.0;
	only.share[ABSOLV_MEASURE_BAE] = 1.0;
	CHECK(fabs(absolv_horizon_mean_days(hannover, exit, true, &only) - bae) < 1e-9,
		  "hannover, BaE only: its variant's days");
	only.share[ABSOLV_MEASURE_FBW] = 1.0;
	CHECK(fabs(absolv_horizon_mean_days(hannover, exit, true, &only) - (fbw + bae) / 2) < 1e-9,
		  "hannover, FbW and BaE alike: the mean of the two");
	CHECK(absolv_rule_horizon(hannover, exit, &from, &to) &&
		  fabs(absolv_horizon_mean_days(hannover, exit, false, &only) - ((double) to - from + 1)) < 1e-9,
		  "hannover, exit form: the hull over all variants");
	CHECK(fabs(absolv_horizon_mean_days(preset("bremen"), exit, false, &only) - 57) < 1e-9,
		  "bremen: 57 days (exit - 28 .. exit + 28)");
}

int
main(void)
{
	test_scope_share();
	test_duration_share();
	test_horizon_days();
	return unit_done();
}
