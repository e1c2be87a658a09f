/*
 * test_evaluate.c
 *	  Unit tests of evaluation: scope thresholds, windows and horizons of the
 *	  presets, evidence terms and qualifiers, Frankfurt's rescheduled
 *	  appointment across holidays, exclusion, merging, schedules, and the
 *	  serialized case with malformed inputs.
 */
#include <stdlib.h>
#include <string.h>

#include "evaluate.h"
#include "unit.h"

static absolv_rule presets[8];

/* "2025-04-03" -> day number */
static absolv_day
D(const char *iso)
{
	return absolv_day_from_ymd(atoi(iso), atoi(iso + 5), atoi(iso + 8));
}

static const absolv_rule *
preset(const char *name)
{
	int			i = absolv_preset_lookup(name, strlen(name));
	absolv_error err;

	if (presets[i].name[0] == '\0')
		absolv_rule_parse(absolv_preset_text(i), strlen(absolv_preset_text(i)),
						  &presets[i], &err);
	return &presets[i];
}

static absolv_participation
participation(const char *measure, const char *entry, const char *exit, int outcome)
{
	absolv_participation p;

	memset(&p, 0, sizeof(p));
	p.measure = absolv_measure_lookup(measure, strlen(measure));
	p.entry_null = entry == NULL;
	p.exit_null = exit == NULL;
	p.entry = entry ? D(entry) : 0;
	p.exit = exit ? D(exit) : 0;
	p.outcome = outcome;
	p.customer_status = p.legal_sphere = p.cosach_status = p.goal = ABSOLV_CODE_NULL;
	return p;
}

static absolv_scope_result
scope(const char *rule, const char *measure, const char *entry, const char *exit)
{
	absolv_participation p = participation(measure, entry, exit, ABSOLV_CODE_NULL);

	/* Herford requires a known legal sphere and CoSach status */
	if (strncmp(rule, "herford", 7) == 0)
	{
		p.legal_sphere = ABSOLV_SPHERE_SGB2;
		p.cosach_status = 'B' - 'A';
	}
	return absolv_rule_scope(preset(rule), &p);
}

static void
test_scope(void)
{
	absolv_participation p;

	/* "at least 3 months": 15 Jan to 14 Apr is exactly 3 months */
	CHECK_INT(scope("herford_iws", "MAT", "2025-01-15", "2025-04-14"), ABSOLV_SCOPE_IN, "herford_iws: exactly 3 months is in");
	CHECK_INT(scope("herford_iws", "MAT", "2025-01-15", "2025-04-13"), ABSOLV_SCOPE_DURATION, "herford_iws: a day short of 3 months is out");
	CHECK_INT(scope("herford_iws", "MAT", "2025-01-15", "2025-07-13"), ABSOLV_SCOPE_IN, "herford_iws: a day short of 6 months is in");
	CHECK_INT(scope("herford_iws", "MAT", "2025-01-15", "2025-07-14"), ABSOLV_SCOPE_DURATION, "herford_iws: 6 months is out");
	CHECK_INT(scope("herford_ies", "MAT", "2025-01-15", "2025-07-14"), ABSOLV_SCOPE_IN, "herford_ies: 6 months is in");
	/* month-end clamping: 31 Jan + 3 months = 30 Apr, minus a day = 29 Apr */
	CHECK_INT(scope("herford_iws", "MAT", "2025-01-31", "2025-04-29"), ABSOLV_SCOPE_IN, "3 months from 31 Jan end on 29 Apr");
	CHECK_INT(scope("herford_iws", "MAT", "2025-01-31", "2025-04-28"), ABSOLV_SCOPE_DURATION, "28 Apr is short");
	/* Frankfurt: §45 more than 3 months (exit >= entry + 3 months), FbW any duration */
	CHECK_INT(scope("frankfurt", "MAG", "2025-01-15", "2025-04-15"), ABSOLV_SCOPE_IN, "frankfurt: MAG 15 Jan to 15 Apr is more than 3 months");
	CHECK_INT(scope("frankfurt", "MAG", "2025-01-15", "2025-04-14"), ABSOLV_SCOPE_DURATION, "frankfurt: MAG exactly 3 months is out");
	CHECK_INT(scope("frankfurt", "FBW_FORTBILDUNG", "2025-01-15", "2025-01-20"), ABSOLV_SCOPE_IN, "frankfurt: FbW of 6 days is in");
	CHECK_INT(scope("frankfurt", "MPAV", "2024-01-15", "2025-04-14"), ABSOLV_SCOPE_MEASURE, "frankfurt: MPAV is out");
	CHECK_INT(scope("frankfurt", "BAE", "2024-01-15", "2025-04-14"), ABSOLV_SCOPE_MEASURE, "frankfurt: BaE is out");
	/* day thresholds: duration = exit - entry + 1 */
	CHECK_INT(scope("bremen", "EVL", "2025-01-01", "2025-03-02"), ABSOLV_SCOPE_IN, "bremen: 61 days is in");
	CHECK_INT(scope("bremen", "EVL", "2025-01-01", "2025-03-01"), ABSOLV_SCOPE_DURATION, "bremen: 60 days is out");
	CHECK_INT(scope("bremen", "MPAV", "2024-01-01", "2025-03-01"), ABSOLV_SCOPE_MEASURE, "bremen: MPAV is out");
	CHECK_INT(scope("bremen", "REHA_VL", "2024-01-01", "2025-03-01"), ABSOLV_SCOPE_MEASURE, "bremen: Reha preparatory course is out");
	CHECK_INT(scope("hannover", "IK", "2025-01-01", "2025-03-31"), ABSOLV_SCOPE_IN, "hannover: 90 days of any measure is in");
	CHECK_INT(scope("hannover", "IK", "2025-01-01", "2025-03-30"), ABSOLV_SCOPE_DURATION, "hannover: 89 days is out");
	CHECK_INT(scope("hannover", "GSB", "2024-01-01", "2025-03-30"), ABSOLV_SCOPE_MEASURE, "hannover: unknown measure is out, not an error");
	CHECK_INT(scope("cottbus_ies", "AZ", "2025-01-01", "2025-04-01"), ABSOLV_SCOPE_IN, "cottbus: 91 days is in");
	CHECK_INT(scope("cottbus_ies", "AZ", "2025-01-01", "2025-03-31"), ABSOLV_SCOPE_DURATION, "cottbus: 90 days is out");
	/* invalid data */
	CHECK_INT(scope("cottbus_ies", "AZ", "2025-04-01", "2025-03-31"), ABSOLV_SCOPE_INVALID, "exit before entry is invalid");
	CHECK_INT(scope("cottbus_ies", "AZ", "2025-04-01", NULL), ABSOLV_SCOPE_INVALID, "no exit is invalid");
	CHECK_INT(scope("cottbus_ies", "AZ", NULL, "2025-04-01"), ABSOLV_SCOPE_INVALID, "no entry is invalid");
	/* outcomes: NULL counts as SUCCESS; Bremen takes premature exits */
	p = participation("AZ", "2025-01-01", "2025-06-01", ABSOLV_OUTCOME_PREMATURE);
	CHECK_INT(absolv_rule_scope(preset("cottbus_ies"), &p), ABSOLV_SCOPE_OUTCOME, "cottbus: premature exit is out");
	/* Herford: "nicht abgebrochen/vorzeitig beendet": an early end with the goal reached is out too */
	p = participation("MAT", "2025-01-01", "2025-06-01", ABSOLV_OUTCOME_GOAL_EARLY);
	p.legal_sphere = ABSOLV_SPHERE_SGB2;
	p.cosach_status = 'B' - 'A';
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_OUTCOME, "herford: goal reached early is out");
	p.outcome = ABSOLV_OUTCOME_SUCCESS;
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_IN, "herford: ended as planned is in");
	p.outcome = ABSOLV_OUTCOME_GOAL_EARLY;
	CHECK_INT(absolv_rule_scope(preset("cottbus_ies"), &p), ABSOLV_SCOPE_IN, "cottbus: goal reached early is in");
	p = participation("EVL", "2025-01-01", "2025-06-01", ABSOLV_OUTCOME_PREMATURE);
	CHECK_INT(absolv_rule_scope(preset("bremen"), &p), ABSOLV_SCOPE_IN, "bremen: premature exit is in");
	/* Bremen: integration and language courses are in */
	CHECK_INT(scope("bremen", "IK", "2025-01-01", "2025-03-02"), ABSOLV_SCOPE_IN, "bremen: integration course of 61 days is in");
	CHECK_INT(scope("bremen", "BSK", "2025-01-01", "2025-03-02"), ABSOLV_SCOPE_IN, "bremen: job-related German course of 61 days is in");
	CHECK_INT(scope("bremen", "BSK", "2025-01-01", "2025-03-01"), ABSOLV_SCOPE_DURATION, "bremen: job-related German course of 60 days is out");
	CHECK_INT(scope("bremen", "WBV", "2024-01-01", "2025-03-01"), ABSOLV_SCOPE_MEASURE, "bremen: training preparation is out");
	/* Herford's measure list: of § 45 only MAT */
	CHECK_INT(scope("herford", "MAT", "2025-01-01", "2025-06-01"), ABSOLV_SCOPE_IN, "herford: MAT is in");
	CHECK_INT(scope("herford", "MAG", "2025-01-01", "2025-06-01"), ABSOLV_SCOPE_MEASURE, "herford: MAG is out");
	CHECK_INT(scope("herford", "MABE", "2025-01-01", "2025-06-01"), ABSOLV_SCOPE_MEASURE, "herford: MABE is out");
	CHECK_INT(scope("herford", "BAE", "2025-01-01", "2025-06-01"), ABSOLV_SCOPE_IN, "herford: BaE is in");
	/* Herford's filters: status may be unset, sphere, CoSach and goal may not */
	p = participation("BVB", "2025-01-01", "2025-06-01", ABSOLV_CODE_NULL);
	p.legal_sphere = ABSOLV_SPHERE_SGB2;
	p.cosach_status = 'B' - 'A';
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_GOAL, "herford: BvB with an unknown goal is out");
	p.goal = ABSOLV_GOAL_OTHER;
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_GOAL, "herford: BvB with another goal is out");
	p.goal = ABSOLV_GOAL_INTEGRATION;
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_IN, "herford: BvB for integration with an unset status is in");
	p.legal_sphere = ABSOLV_CODE_NULL;
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_LEGAL_SPHERE, "herford: an unknown legal sphere is out");
	p.legal_sphere = ABSOLV_SPHERE_SGB2;
	p.cosach_status = ABSOLV_CODE_NULL;
	CHECK_INT(absolv_rule_scope(preset("herford_iws"), &p), ABSOLV_SCOPE_COSACH_STATUS, "herford_iws: an unknown CoSach status is out");
	p.cosach_status = 'B' - 'A';
	/* Cottbus: CoSach B or unknown; a BvB needs the integration goal */
	p = participation("BVB", "2025-01-01", "2025-06-01", ABSOLV_CODE_NULL);
	CHECK_INT(absolv_rule_scope(preset("cottbus_ies"), &p), ABSOLV_SCOPE_GOAL, "cottbus: BvB with an unknown goal is out");
	p.goal = ABSOLV_GOAL_INTEGRATION;
	CHECK_INT(absolv_rule_scope(preset("cottbus_iws"), &p), ABSOLV_SCOPE_IN, "cottbus: BvB for integration, CoSach status unknown, is in");
	p.cosach_status = 'E' - 'A';
	CHECK_INT(absolv_rule_scope(preset("cottbus_iws"), &p), ABSOLV_SCOPE_COSACH_STATUS, "cottbus: CoSach E is out");
	p.cosach_status = 'B' - 'A';
	CHECK_INT(absolv_rule_scope(preset("cottbus_ies"), &p), ABSOLV_SCOPE_IN, "cottbus: CoSach B is in");
	p = participation("BVB", "2025-01-01", "2025-06-01", ABSOLV_CODE_NULL);
	p.goal = ABSOLV_GOAL_INTEGRATION;
	p.legal_sphere = ABSOLV_SPHERE_SGB2;
	p.cosach_status = 'B' - 'A';
	p.customer_status = ABSOLV_CUSTOMER_STATUS_NAS;
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_CUSTOMER_STATUS, "herford: NAS is out");
	p.customer_status = ABSOLV_CUSTOMER_STATUS_RASU;
	p.legal_sphere = ABSOLV_SPHERE_SGB3;
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_LEGAL_SPHERE, "herford: SGB III is out");
	p.legal_sphere = ABSOLV_SPHERE_SGB2;
	p.cosach_status = 'E' - 'A';
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_COSACH_STATUS, "herford: CoSach E is out");
	p.cosach_status = 'B' - 'A';
	CHECK_INT(absolv_rule_scope(preset("herford"), &p), ABSOLV_SCOPE_IN, "herford: all filters met");
	CHECK(strcmp(absolv_scope_result_name(ABSOLV_SCOPE_COSACH_STATUS), "CoSach status") == 0, "scope result names");
}

/* window of the variant chosen for a participation, as "from..to" days */
static bool
window_is(const char *rule, const char *measure, const char *entry, const char *exit,
		  const char *from, const char *to)
{
	const absolv_rule *r = preset(rule);
	int			v = absolv_select_variant(r, true, D(entry), D(exit),
										  absolv_measure_lookup(measure, strlen(measure)));
	absolv_day	f,
				t;

	return v >= 0 && absolv_variant_window(&r->variants[v], D(exit), &f, &t) &&
		f == D(from) && t == D(to);
}

static bool
horizon_is(const char *rule, const char *exit, const char *from, const char *to)
{
	absolv_day	f,
				t;

	return absolv_rule_horizon(preset(rule), D(exit), &f, &t) && f == D(from) && t == D(to);
}

static void
test_windows(void)
{
	CHECK(window_is("frankfurt", "FBW", "2025-01-01", "2025-03-31", "2025-04-01", "2025-04-14"), "frankfurt window: exit+1 .. exit+14");
	CHECK(window_is("cottbus_ies", "FBW", "2025-01-01", "2025-03-31", "2024-12-31", "2025-03-31"), "cottbus_ies window: exit-90 .. exit");
	CHECK(window_is("cottbus_iws", "FBW", "2025-01-01", "2025-03-31", "2024-12-31", "2025-04-14"), "cottbus_iws window: exit-90 .. exit+14");
	CHECK(window_is("bremen", "MAT", "2025-01-01", "2025-03-31", "2025-03-03", "2025-04-28"), "bremen window: exit-28 .. exit+28");
	CHECK(window_is("hannover", "FBW_UMSCHULUNG", "2024-01-01", "2025-03-31", "2024-12-31", "2025-04-14"), "hannover FbW: exit-90 .. exit+14");
	CHECK(window_is("hannover", "AGH", "2024-01-01", "2025-03-31", "2024-12-31", "2025-04-14"), "hannover AGH: exit-90 .. exit+14");
	CHECK(window_is("hannover", "EQ", "2024-01-01", "2025-03-31", "2024-12-31", "2025-03-31"), "hannover other: exit-90 .. exit");
	CHECK(window_is("herford", "MAT", "2024-10-01", "2025-03-31", "2024-12-31", "2025-03-31"), "herford 6 months: ieS window");
	CHECK(window_is("herford", "MAT", "2024-10-02", "2025-03-31", "2024-12-31", "2025-04-14"), "herford under 6 months: iwS window");
	CHECK(!absolv_window_depends_on_case(preset("cottbus_ies")) && !absolv_window_depends_on_case(preset("frankfurt")),
		  "single-window presets have one window");
	CHECK(absolv_window_depends_on_case(preset("hannover")) && absolv_window_depends_on_case(preset("herford")),
		  "hannover and herford windows depend on the case");
	/* horizons: Frankfurt from exit-28 (exception) to 10 working days (Hessen) after exit+14 */
	CHECK(horizon_is("frankfurt", "2025-06-02", "2025-05-05", "2025-07-01"), "frankfurt horizon across Corpus Christi");
	CHECK(horizon_is("hannover", "2025-03-31", "2024-12-31", "2025-04-14"), "hannover horizon: hull of its variants");
	CHECK(horizon_is("herford", "2025-03-31", "2024-12-31", "2025-04-14"), "herford horizon: exclusion window");
	{
		absolv_day	f,
					t;

		CHECK(!absolv_rule_horizon(preset("bremen"), ABSOLV_DAY_MAX - 10, &f, &t), "horizon past the end of the date range fails");
		CHECK(!absolv_rule_horizon(preset("bremen"), ABSOLV_DAY_POS_INFINITY, &f, &t), "horizon of an infinite exit fails");
	}
}

typedef struct ev
{
	const char *kind;
	const char *at;
	const char *valid_until;
} ev;

/* absolv_compliant of one participation with the given evidence */
static int
compliant(const char *rule, const char *measure, const char *entry, const char *exit,
		  const ev *evidence, int n)
{
	absolv_case_buf c;
	absolv_participation p = participation(measure, entry, exit, ABSOLV_CODE_NULL);

	absolv_case_init(&c.c, preset(rule), &p);
	for (int i = 0; i < n; i++)
		absolv_case_add(&c.c, absolv_evidence_kind_lookup(evidence[i].kind, strlen(evidence[i].kind)),
						D(evidence[i].at), evidence[i].valid_until == NULL,
						evidence[i].valid_until ? D(evidence[i].valid_until) : 0);
	return absolv_case_compliant(&c.c);
}

#define COMPLIANT(rule, measure, entry, exit, ...) \
	compliant(rule, measure, entry, exit, (const ev[]) {__VA_ARGS__}, \
			  (int) (sizeof((const ev[]) {__VA_ARGS__}) / sizeof(ev)))

static void
test_evidence(void)
{
	/* Cottbus ieS: EinV in force at exit and VV or SI in [exit-90, exit] */
	CHECK_INT(COMPLIANT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2024-12-31", NULL}, {"VV", "2025-03-31", NULL}), 1,
			  "cottbus_ies: EinV on the first day, VV on the last day");
	CHECK_INT(COMPLIANT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2024-12-30", NULL}, {"VV", "2025-03-31", NULL}), 0,
			  "cottbus_ies: EinV a day before the window");
	CHECK_INT(COMPLIANT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-01-10", "2025-03-30"}, {"SI", "2025-02-01", NULL}), 0,
			  "cottbus_ies: EinV expiring the day before the exit");
	CHECK_INT(COMPLIANT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-01-10", "2025-03-31"}, {"SI", "2025-02-01", NULL}), 1,
			  "cottbus_ies: EinV expiring on the exit day");
	CHECK_INT(COMPLIANT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-02", NULL}, {"SI", "2025-02-01", NULL}), 0,
			  "cottbus_ies: EinV concluded after the exit");
	CHECK_INT(COMPLIANT("cottbus_iws", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-14", NULL}, {"SI", "2025-04-14", NULL}), 1,
			  "cottbus_iws: EinV and SI on exit+14");
	CHECK_INT(COMPLIANT("cottbus_iws", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-15", NULL}, {"SI", "2025-04-14", NULL}), 0,
			  "cottbus_iws: EinV on exit+15");
	CHECK_INT(COMPLIANT("cottbus_iws", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-01-10", "2025-03-30"}, {"SI", "2025-04-14", NULL}), 0,
			  "cottbus_iws: EinV concluded before the exit must be in force on it");
	CHECK_INT(COMPLIANT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-01-10", NULL}, {"NOTE", "2025-02-01", NULL}), 0,
			  "cottbus_ies: unknown kinds are ignored");
	CHECK_INT(COMPLIANT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", {"Kooperationsplan", "2025-01-10", NULL}, {"Stelleninformation", "2025-02-01", NULL}), 1,
			  "cottbus_ies: German aliases count");
	/* Hannover */
	CHECK_INT(COMPLIANT("hannover", "AGH", "2024-01-01", "2025-03-31", {"EINV", "2025-03-31", NULL}), 1,
			  "hannover AGH: the EinV alone suffices");
	CHECK_INT(COMPLIANT("hannover", "EQ", "2024-01-01", "2025-03-31", {"EINV", "2025-03-31", NULL}), 0,
			  "hannover EQ: EinV alone is not enough");
	CHECK_INT(COMPLIANT("hannover", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-10", NULL}, {"VV", "2025-04-14", NULL}), 1,
			  "hannover FbW: EinV and VV after the exit count");
	/* Herford: contact and EinV; an exception excludes */
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-01", "2025-03-31", {"CONTACT", "2025-01-05", NULL}, {"EINV", "2025-03-31", NULL}), 1,
			  "herford ieS: contact and EinV");
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-01", "2025-03-31", {"CONTACT", "2025-04-01", NULL}, {"EINV", "2025-03-31", NULL}), 0,
			  "herford ieS: contact after the exit is late");
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-02", "2025-03-31", {"CONTACT", "2025-04-01", NULL}, {"EINV", "2025-03-31", NULL}), 1,
			  "herford iwS: contact after the exit counts");
	/* Herford: an exception counts only inside the variant's own window */
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-02", "2025-03-31", {"EXCEPTION", "2025-04-14", NULL}), -1,
			  "herford iwS: an exception on exit+14 excludes");
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-02", "2025-03-31", {"EXCEPTION", "2025-04-15", NULL}), 0,
			  "herford iwS: an exception on exit+15 does not");
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-02", "2025-03-31", {"EXCEPTION", "2024-12-31", NULL}), -1,
			  "herford iwS: an exception on exit-90 excludes");
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-02", "2025-03-31", {"EXCEPTION", "2024-12-30", NULL}), 0,
			  "herford iwS: an exception on exit-91 does not");
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-01", "2025-03-31", {"EXCEPTION", "2025-03-31", NULL}), -1,
			  "herford ieS: an exception on the exit day excludes");
	CHECK_INT(COMPLIANT("herford", "MAT", "2024-10-01", "2025-03-31", {"EXCEPTION", "2025-04-01", NULL}), 0,
			  "herford ieS: an exception on exit+1 does not");
	CHECK_INT(COMPLIANT("herford_ies", "MAT", "2024-10-01", "2025-03-31", {"EXCEPTION", "2025-04-01", NULL}, {"CONTACT", "2025-01-05", NULL}), 0,
			  "herford_ies: an exception noted after the deadline leaves a missed case missed");
	/* Hannover, § 45 and AGH: EinV up to exit+14; in force at the exit if concluded by it */
	CHECK_INT(COMPLIANT("hannover", "MAT", "2024-01-01", "2025-03-31", {"EINV", "2025-04-14", NULL}), 1,
			  "hannover MAT: an EinV concluded on exit+14 counts");
	CHECK_INT(COMPLIANT("hannover", "AGH", "2024-01-01", "2025-03-31", {"EINV", "2025-04-15", NULL}), 0,
			  "hannover AGH: an EinV concluded on exit+15 does not");
	CHECK_INT(COMPLIANT("hannover", "MPAV", "2024-01-01", "2025-03-31", {"EINV", "2025-01-10", "2025-03-30"}), 0,
			  "hannover MPAV: an EinV concluded before the exit must be in force on it");
	CHECK_INT(COMPLIANT("hannover", "MABE", "2024-01-01", "2025-03-31", {"EINV", "2024-12-31", "2025-03-31"}), 1,
			  "hannover MABE: an EinV from exit-90 in force on the exit day");
	CHECK_INT(COMPLIANT("hannover", "MABE", "2024-01-01", "2025-03-31", {"EINV", "2024-12-30", NULL}), 0,
			  "hannover MABE: an EinV from exit-91 does not count");
	/* Hannover: a hiring commitment during the measure's last 90 days replaces VV and SI */
	CHECK_INT(COMPLIANT("hannover", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-10", NULL}, {"HIRING_COMMITMENT", "2025-03-31", NULL}), 1,
			  "hannover FbW: a hiring commitment on the exit day replaces VV and SI");
	CHECK_INT(COMPLIANT("hannover", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-10", NULL}, {"HIRING_COMMITMENT", "2024-12-31", NULL}), 1,
			  "hannover FbW: a hiring commitment on exit-90");
	CHECK_INT(COMPLIANT("hannover", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-10", NULL}, {"HIRING_COMMITMENT", "2024-12-30", NULL}), 0,
			  "hannover FbW: a hiring commitment on exit-91 does not");
	CHECK_INT(COMPLIANT("hannover", "FBW", "2024-01-01", "2025-03-31", {"EINV", "2025-04-10", NULL}, {"HIRING_COMMITMENT", "2025-04-01", NULL}), 0,
			  "hannover FbW: a hiring commitment after the exit does not (VV and SI would, up to exit+14)");
	CHECK_INT(COMPLIANT("hannover", "EQ", "2024-01-01", "2025-03-31", {"EINV", "2025-03-31", NULL}, {"Einstellungszusage", "2025-02-01", NULL}), 1,
			  "hannover other: EinV and a hiring commitment");
	CHECK_INT(COMPLIANT("hannover", "EQ", "2024-01-01", "2025-03-31", {"EINV", "2025-03-31", NULL}, {"HIRING_COMMITMENT", "2025-04-01", NULL}), 0,
			  "hannover other: a hiring commitment after the exit does not");
	/* Bremen */
	CHECK_INT(COMPLIANT("bremen", "MAT", "2024-10-02", "2025-03-31", {"CONTACT", "2025-03-03", NULL}), 1, "bremen: contact on exit-28");
	CHECK_INT(COMPLIANT("bremen", "MAT", "2024-10-02", "2025-03-31", {"CONTACT", "2025-03-02", NULL}), 0, "bremen: contact on exit-29");
	CHECK_INT(COMPLIANT("bremen", "MAT", "2024-10-02", "2025-03-31", {"CONTACT", "2025-04-29", NULL}), 0, "bremen: contact on exit+29");
	/* Frankfurt: contact window starts the day after the exit */
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"CONTACT", "2025-04-03", NULL}), 0, "frankfurt: contact on the exit day is early");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"CONTACT", "2025-04-04", NULL}), 1, "frankfurt: contact on exit+1");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"EXCEPTION", "2025-03-06", NULL}), -1, "frankfurt: exception on exit-28 excludes");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"EXCEPTION", "2025-03-05", NULL}), 0, "frankfurt: exception on exit-29 does not");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"EXCEPTION", "2025-04-17", NULL}), -1, "frankfurt: exception on exit+14 excludes");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"EXCEPTION", "2025-04-18", NULL}), 0,
			  "frankfurt: exception on exit+15 does not, without a missed appointment");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"JOB_START", "2025-03-06", NULL}), -1, "frankfurt: a job start on exit-28 excludes");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"Arbeitsaufnahme", "2025-03-05", NULL}), 0, "frankfurt: a job start on exit-29 does not");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"Beschäftigungsbeginn", "2025-04-17", NULL}, {"CONTACT", "2025-04-10", NULL}), -1,
			  "frankfurt: a job start on exit+14 excludes, and wins over a contact");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"JOB_START", "2025-04-18", NULL}, {"CONTACT", "2025-04-10", NULL}), 1,
			  "frankfurt: a job start on exit+15 leaves a fulfilled case fulfilled");
	/*
	 * Exclusion up to the end of a rescheduled appointment: missed on Wed
	 * 2025-04-16, its 10th working day in Hessen is 5 May (below).
	 */
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"MISSED", "2025-04-16", NULL}, {"EXCEPTION", "2025-05-05", NULL}), -1,
			  "frankfurt: an exception on the rescheduled appointment's last day excludes");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"MISSED", "2025-04-16", NULL}, {"JOB_START", "2025-05-06", NULL}), 0,
			  "frankfurt: a job start the working day after it does not");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"MISSED", "2025-04-18", NULL}, {"EXCEPTION", "2025-05-05", NULL}), 0,
			  "frankfurt: a missed appointment after exit+14 moves no deadline");

	/*
	 * Rescheduled appointment across Easter: exit Thu 2025-04-03, missed
	 * on Wed 2025-04-16.  Working days in Hessen after it: 17 Apr (1),
	 * [18 Good Friday, 21 Easter Monday], 22..25 (2..5), 28..30 (6..8),
	 * [1 May], 2 May (9), 5 May (10).
	 */
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"MISSED", "2025-04-16", NULL}, {"CONTACT", "2025-05-05", NULL}), 1,
			  "frankfurt: follow-up on the 10th working day after a missed appointment, across Easter");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"MISSED", "2025-04-16", NULL}, {"CONTACT", "2025-05-06", NULL}), 0,
			  "frankfurt: follow-up on the 11th working day is late");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"CONTACT", "2025-05-05", NULL}), 0,
			  "frankfurt: a late contact without a missed appointment does not count");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-04-03", {"MISSED", "2025-04-18", NULL}, {"CONTACT", "2025-04-22", NULL}), 0,
			  "frankfurt: a missed appointment outside the window opens no follow-up");

	/*
	 * Across Corpus Christi: exit Mon 2025-06-02, missed Mon 2025-06-16:
	 * 17, 18 (1, 2), [19 Fronleichnam], 20 (3), 23..27 (4..8), 30 (9), 1 Jul (10).
	 */
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-06-02", {"CONTACT", "2025-07-01", NULL}, {"MISSED", "2025-06-16", NULL}), 1,
			  "frankfurt: follow-up across Corpus Christi on the 10th working day");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-06-02", {"CONTACT", "2025-07-02", NULL}, {"MISSED", "2025-06-16", NULL}), 0,
			  "frankfurt: one working day later is late");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-06-02", {"CONTACT", "2025-06-16", NULL}, {"MISSED", "2025-06-16", NULL}), 1,
			  "frankfurt: a contact on the day of a missed appointment still counts as a contact in the window");
	CHECK_INT(COMPLIANT("frankfurt", "FBW", "2025-01-01", "2025-06-02", {"CONTACT", "2025-06-20", NULL}, {"MISSED", "2025-06-21", NULL}), 0,
			  "frankfurt: a contact before the missed appointment is no follow-up (and outside the window)");
	/* invalid participation */
	CHECK_INT(COMPLIANT("bremen", "MAT", "2025-04-01", "2025-03-31", {"CONTACT", "2025-03-31", NULL}), -1, "exit before entry gives NULL");
}

static void
test_merge_and_serialize(void)
{
	absolv_case_buf a,
				b,
				c;
	absolv_participation p = participation("FBW", "2025-01-01", "2025-04-03", ABSOLV_CODE_NULL);
	const absolv_rule *r = preset("frankfurt");
	uint8_t		buf[ABSOLV_CASE_SERIAL_MAX];
	size_t		len;
	int			rejected = 0;

	absolv_case_init(&a.c, r, &p);
	absolv_case_init(&b.c, r, &p);
	absolv_case_add(&a.c, ABSOLV_KIND_MISSED, D("2025-04-16"), true, 0);
	absolv_case_add(&b.c, ABSOLV_KIND_CONTACT, D("2025-05-05"), true, 0);
	CHECK_INT(absolv_case_compliant(&a.c), 0, "half a: missed appointment only");
	CHECK_INT(absolv_case_compliant(&b.c), 0, "half b: late contact only");
	absolv_case_merge(&a.c, &b.c);
	CHECK_INT(absolv_case_compliant(&a.c), 1, "merged halves fulfil the follow-up");

	len = absolv_case_serialize(&a.c, buf, sizeof(buf));
	CHECK(len > 0, "serializes (%zu bytes)", len);
	CHECK(absolv_case_deserialize(buf, len, r, &c.c), "deserializes");
	CHECK_INT(absolv_case_compliant(&c.c), 1, "deserialized case keeps its verdict");
	CHECK(c.c.entry == a.c.entry && c.c.exit == a.c.exit && c.c.measure == a.c.measure &&
		  c.c.entry_null == a.c.entry_null && c.c.exit_null == a.c.exit_null,
		  "deserialized case has the participation's entry, exit and measure");
	CHECK_INT(absolv_case_serialize(&a.c, buf, 10), 0, "a too small buffer gives 0");
	/* every truncation and every single-byte corruption is rejected or harmless */
	len = absolv_case_serialize(&a.c, buf, sizeof(buf));
	for (size_t cut = 0; cut < len; cut++)
		if (!absolv_case_deserialize(buf, cut, r, &c.c))
			rejected++;
	CHECK_INT(rejected, len, "every truncated state is rejected");
	buf[0] = 99;
	CHECK(!absolv_case_deserialize(buf, len, r, &c.c), "a wrong version is rejected");
	buf[0] = ABSOLV_CASE_SERIAL_VERSION;
	buf[len++] = 0;
	CHECK(!absolv_case_deserialize(buf, len, r, &c.c), "trailing bytes are rejected");
	len--;
	for (size_t i = 0; i < len; i++)
		for (int bit = 0; bit < 8; bit++)
		{
			buf[i] ^= (uint8_t) (1 << bit);
			(void) absolv_case_deserialize(buf, len, r, &c.c);	/* must not crash */
			buf[i] ^= (uint8_t) (1 << bit);
		}
	CHECK(absolv_case_deserialize(buf, len, r, &c.c), "corruption tests leave the buffer intact");

	p.exit_null = true;
	absolv_case_init(&b.c, r, &p);
	CHECK(b.c.invalid, "no exit: invalid case");
	len = absolv_case_serialize(&b.c, buf, sizeof(buf));
	CHECK(absolv_case_deserialize(buf, len, r, &c.c) && c.c.invalid && absolv_case_compliant(&c.c) == -1,
		  "an invalid case round-trips");
}

/* due date of the step group named `name`, or -1 */
static absolv_day
due(const char *rule, const char *name, const char *measure, const char *entry, const char *exit)
{
	const absolv_rule *r = preset(rule);

	for (int g = 0; g < absolv_schedule_groups(r); g++)
	{
		int			s = absolv_schedule_step(r, g, D(entry), D(exit),
											 absolv_measure_lookup(measure, strlen(measure)));
		absolv_day	d;

		if (s >= 0 && strcmp(r->steps[s].name, name) == 0)
			return absolv_date_eval(&r->steps[s].due, D(entry), D(exit), &d) ? d : -1;
	}
	return -1;
}

/*
 * absolv_case_cut at every day from before the horizon to after it: the
 * case of all the evidence, cut at a day, serializes to the same bytes as
 * the case of the evidence dated up to that day (a follow-up rule, whose
 * bitmaps are cut, and a rule of plain terms).
 */
static int
cut_mismatches(const char *rule, const char *measure, const char *entry,
			   const char *exit, const int *kinds, const char *const *days, int n)
{
	absolv_participation p = participation(measure, entry, exit, ABSOLV_CODE_NULL);
	const absolv_rule *r = preset(rule);
	absolv_case_buf all,
				cut,
				upto;
	uint8_t		a[ABSOLV_CASE_SERIAL_MAX],
				b[ABSOLV_CASE_SERIAL_MAX];
	int			mismatches = 0;

	absolv_case_init(&all.c, r, &p);
	for (int i = 0; i < n; i++)
		absolv_case_add(&all.c, kinds[i], D(days[i]), true, 0);
	for (absolv_day as_of = all.c.horizon_from - 3; as_of <= all.c.horizon_to + 3; as_of++)
	{
		size_t		alen,
					blen;

		memcpy(&cut, &all, absolv_case_bytes(&all.c));
		absolv_case_cut(&cut.c, as_of);
		absolv_case_init(&upto.c, r, &p);
		for (int i = 0; i < n; i++)
			if (D(days[i]) <= as_of)
				absolv_case_add(&upto.c, kinds[i], D(days[i]), true, 0);
		alen = absolv_case_serialize(&cut.c, a, sizeof(a));
		blen = absolv_case_serialize(&upto.c, b, sizeof(b));
		if (alen == 0 || alen != blen || memcmp(a, b, alen) != 0)
			mismatches++;
	}
	return mismatches;
}

static void
test_cut(void)
{
	static const int followup_kinds[] = {ABSOLV_KIND_MISSED, ABSOLV_KIND_CONTACT,
	ABSOLV_KIND_MISSED, ABSOLV_KIND_CONTACT};
	static const char *const followup_days[] = {"2025-04-16", "2025-05-05",
	"2025-05-20", "2025-05-22"};
	static const int plain_kinds[] = {ABSOLV_KIND_EINV, ABSOLV_KIND_VV, ABSOLV_KIND_SI};
	static const char *const plain_days[] = {"2025-01-10", "2025-02-01", "2025-03-31"};

	CHECK_INT(cut_mismatches("frankfurt", "FBW", "2025-01-01", "2025-04-03",
							 followup_kinds, followup_days, 4), 0,
			  "frankfurt: the case cut at each day is the case of the evidence up to it");
	CHECK_INT(cut_mismatches("cottbus_ies", "FBW", "2024-01-01", "2025-03-31",
							 plain_kinds, plain_days, 3), 0,
			  "cottbus_ies: the case cut at each day is the case of the evidence up to it");
}

static void
test_schedule(void)
{
	CHECK_INT(absolv_schedule_groups(preset("frankfurt")), 4, "frankfurt: four steps");
	CHECK_INT(due("frankfurt", "Aktivierung Handlungsstrategie", "FBW", "2025-01-01", "2025-03-31"), D("2025-01-01"),
			  "frankfurt: the strategy is activated at assignment, on the entry day");
	CHECK_INT(due("hannover", "Beginn Absolventenmanagement", "BAE", "2024-01-01", "2025-03-31"), D("2025-02-17"),
			  "hannover: BaE starts exit-42");
	CHECK_INT(due("hannover", "Wiedervorlage Beratungstermin während der Maßnahme", "FBW_UMSCHULUNG", "2024-01-01", "2025-03-31"), D("2024-12-31"),
			  "hannover: Umschulung counselling reminder exit - 3 months");
	CHECK_INT(due("hannover", "Wiedervorlage Beratungstermin während der Maßnahme", "BAE", "2024-01-01", "2025-03-31"), D("2025-02-17"),
			  "hannover: BaE counselling reminder exit-42");
	CHECK_INT(due("hannover", "Wiedervorlage Beratungstermin während der Maßnahme", "FBW", "2024-01-01", "2025-03-31"), D("2025-02-17"),
			  "hannover: other FbW counselling reminder exit-42");
	CHECK_INT(due("hannover", "Wiedervorlage Beratungstermin während der Maßnahme", "AGH", "2024-01-01", "2025-03-31"), D("2025-02-17"),
			  "hannover: AGH-MAE counselling reminder exit-42");
	CHECK_INT(due("hannover", "Wiedervorlage Beratungstermin während der Maßnahme", "EQ", "2024-01-01", "2025-03-31"), D("2025-02-17"),
			  "hannover: EQ counselling reminder exit-42, as BaE");
	CHECK_INT(due("hannover", "Wiedervorlage Beratungstermin während der Maßnahme", "MAT", "2024-01-01", "2025-03-31"), -1,
			  "hannover: no in-measure reminder for MAT");
	CHECK_INT(due("frankfurt", "Strategieende", "FBW", "2025-01-01", "2025-03-31"), D("2025-07-03"),
			  "frankfurt: strategy ends 4 months after exit-28 (3 Mar + 4 months)");
	CHECK_INT(due("hannover", "Beginn Absolventenmanagement", "FBW_UMSCHULUNG", "2024-01-01", "2025-03-31"), D("2024-12-31"),
			  "hannover: Umschulung starts exit-90");
	CHECK_INT(due("hannover", "Beginn Absolventenmanagement", "FBW_FORTBILDUNG", "2024-01-01", "2025-03-31"), D("2025-02-17"),
			  "hannover: Fortbildung starts exit-42");
	CHECK_INT(due("hannover", "Beginn Absolventenmanagement", "AGH", "2024-01-01", "2025-03-31"), D("2025-04-01"),
			  "hannover: AGH after the exit");
	CHECK_INT(due("hannover", "Beginn Absolventenmanagement", "IK", "2024-01-01", "2025-03-31"), -1,
			  "hannover: no start date for other measures");
	/* "exactly 3 months" is 91 calendar days, as in the scope */
	CHECK_INT(due("cottbus_ies", "Wiedervorlage Gespräch während der Maßnahme", "FBW", "2025-01-15", "2025-04-15"), D("2025-03-15"),
			  "cottbus: 91 days (exactly 3 months): exit - 1 month");
	CHECK_INT(due("cottbus_ies", "Wiedervorlage Gespräch während der Maßnahme", "FBW", "2025-01-15", "2025-04-16"), D("2025-02-16"),
			  "cottbus: 92 days (over 3 months): exit - 2 months");
	CHECK_INT(due("cottbus_ies", "Wiedervorlage Gespräch während der Maßnahme", "FBW", "2025-01-15", "2025-04-14"), -1,
			  "cottbus: 90 days (shorter): no in-measure reminder");
	CHECK_INT(due("cottbus_ies", "Wiedervorlage Gespräch nach Ende", "FBW", "2025-01-15", "2025-04-14"), D("2025-04-21"),
			  "cottbus: shorter measures keep the exit + 7 reminder");
	CHECK_INT(due("cottbus_ies", "Abschluss Handlungsstrategie", "FBW", "2025-01-15", "2025-04-14"), -1,
			  "cottbus: shorter measures close no strategy");
	CHECK_INT(due("cottbus_ies", "Einschaltung Arbeitgeberservice", "FBW", "2025-01-15", "2025-04-14"), D("2025-03-17"),
			  "cottbus: the employer service is involved for shorter measures too: exit-28");
	CHECK_INT(due("cottbus_ies", "Einschaltung Arbeitgeberservice", "FBW", "2024-01-15", "2025-01-13"), D("2024-12-16"),
			  "cottbus: under 12 months: exit-28");
	CHECK_INT(due("cottbus_ies", "Einschaltung Arbeitgeberservice", "FBW", "2024-01-15", "2025-01-14"), D("2024-10-22"),
			  "cottbus: 12 months: exit-84");
	CHECK_INT(due("bremen", "Zuständigkeit", "FBW", "2024-01-01", "2024-06-30"), D("2024-06-02"),
			  "bremen: responsibility step exists for FbW of 6 months");
	CHECK(strstr(preset("bremen")->steps[absolv_schedule_step(preset("bremen"), 2, D("2024-01-01"), D("2024-06-30"), ABSOLV_MEASURE_FBW)].description, "AGS-K") != NULL,
		  "bremen: FbW of 6 months goes to AGS-K");
	CHECK(strstr(preset("bremen")->steps[absolv_schedule_step(preset("bremen"), 2, D("2024-01-01"), D("2024-06-29"), ABSOLV_MEASURE_FBW)].description, "IFK") != NULL,
		  "bremen: shorter FbW stays with the IFK");
}

/* the verdict of one participation as of a day */
static absolv_verdict
verdict_of(const char *rule, const char *measure, const char *entry, const char *exit,
		   const char *as_of, const ev *evidence, int n)
{
	absolv_case_buf c;
	absolv_verdict v;
	absolv_participation p = participation(measure, entry, exit, ABSOLV_CODE_NULL);

	absolv_case_init(&c.c, preset(rule), &p);
	for (int i = 0; i < n; i++)
		absolv_case_add(&c.c, absolv_evidence_kind_lookup(evidence[i].kind, strlen(evidence[i].kind)),
						D(evidence[i].at), evidence[i].valid_until == NULL,
						evidence[i].valid_until ? D(evidence[i].valid_until) : 0);
	absolv_case_verdict(&c.c, D(as_of), &v);
	return v;
}

#define VERDICT(rule, measure, entry, exit, as_of, ...) \
	verdict_of(rule, measure, entry, exit, as_of, (const ev[]) {__VA_ARGS__}, \
			   (int) (sizeof((const ev[]) {__VA_ARGS__}) / sizeof(ev)))

static void
test_verdicts(void)
{
	absolv_verdict v;
	char		buf[256];
	const absolv_variant *cottbus = &preset("cottbus_ies")->variants[0];

	CHECK_INT(absolv_requirement_parts(cottbus), 2, "cottbus_ies has two parts");
	absolv_part_print(cottbus, 0, buf, sizeof(buf));
	CHECK(strcmp(buf, "EINV in force at exit") == 0, "part 1 is named \"%s\"", buf);
	absolv_part_print(cottbus, 1, buf, sizeof(buf));
	CHECK(strcmp(buf, "VV or SI") == 0, "part 2 is named \"%s\"", buf);
	CHECK_INT(absolv_requirement_parts(&preset("frankfurt")->variants[0]), 1, "frankfurt has one part");

	v = VERDICT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", "2025-03-01", {"NOTE", "2025-03-01", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_PENDING, "cottbus_ies: nothing yet, window open: pending");
	CHECK(v.has_last_day && v.last_day == D("2025-03-31"), "cottbus_ies: last day to act is the exit");
	CHECK_INT(v.missing, 3, "cottbus_ies: both parts missing");
	CHECK(v.window_from == D("2024-12-31") && v.window_to == D("2025-03-31"), "verdict carries the window");
	v = VERDICT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", "2025-03-31", {"EINV", "2025-02-01", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_PENDING, "cottbus_ies: on the last day still pending");
	CHECK_INT(v.missing, 2, "cottbus_ies: only VV or SI missing");
	v = VERDICT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", "2025-04-01", {"EINV", "2025-02-01", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_MISSED, "cottbus_ies: the day after: missed");
	CHECK(v.last_day == D("2025-03-31"), "missed: the deadline that passed");
	CHECK(v.nevidence == 1 && v.evidence[0] == D("2025-02-01"), "missed: the evidence that did count");
	v = VERDICT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", "2025-04-01", {"EINV", "2025-02-01", NULL}, {"SI", "2025-01-15", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_FULFILLED, "cottbus_ies: fulfilled");
	CHECK(v.nevidence == 2 && v.evidence[0] == D("2025-01-15") && v.evidence[1] == D("2025-02-01"),
		  "fulfilled: evidence days, sorted");
	CHECK(!v.has_last_day && v.missing == 0, "fulfilled: nothing missing, no deadline");
	v = VERDICT("cottbus_iws", "FBW", "2024-01-01", "2025-03-31", "2025-04-10", {"NOTE", "2025-03-01", NULL});
	CHECK(v.status == ABSOLV_STATUS_PENDING && v.last_day == D("2025-04-14"), "cottbus_iws: pending until exit+14");
	v = VERDICT("cottbus_iws", "FBW", "2024-01-01", "2025-03-31", "2025-04-15", {"NOTE", "2025-03-01", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_MISSED, "cottbus_iws: missed on exit+15");
	/* a requirement that can no longer come true is missed even inside the window */
	v = VERDICT("cottbus_ies", "FBW", "2024-01-01", "2025-03-31", "2025-03-20", {"EINV", "2025-03-01", "2025-03-10"});
	CHECK_INT(v.status, ABSOLV_STATUS_PENDING, "an expired EinV can still be replaced before the exit");

	/* Frankfurt: a rescheduled appointment keeps the case pending after the window */
	v = VERDICT("frankfurt", "FBW", "2025-01-01", "2025-04-03", "2025-04-17", {"NOTE", "2025-04-03", NULL});
	CHECK(v.status == ABSOLV_STATUS_PENDING && v.last_day == D("2025-04-17"), "frankfurt: pending on exit+14");
	v = VERDICT("frankfurt", "FBW", "2025-01-01", "2025-04-03", "2025-04-18", {"NOTE", "2025-04-03", NULL});
	CHECK(v.status == ABSOLV_STATUS_MISSED && v.last_day == D("2025-04-17"), "frankfurt: missed on exit+15");
	v = VERDICT("frankfurt", "FBW", "2025-01-01", "2025-04-03", "2025-04-30", {"MISSED", "2025-04-16", NULL});
	CHECK(v.status == ABSOLV_STATUS_PENDING && v.last_day == D("2025-05-05"),
		  "frankfurt: after a missed appointment pending until 10 working days later");
	v = VERDICT("frankfurt", "FBW", "2025-01-01", "2025-04-03", "2025-05-05", {"MISSED", "2025-04-16", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_PENDING, "frankfurt: still pending on that 10th working day");
	v = VERDICT("frankfurt", "FBW", "2025-01-01", "2025-04-03", "2025-05-06", {"MISSED", "2025-04-16", NULL});
	CHECK(v.status == ABSOLV_STATUS_MISSED && v.last_day == D("2025-05-05"), "frankfurt: missed the day after");
	v = VERDICT("frankfurt", "FBW", "2025-01-01", "2025-04-03", "2025-05-06", {"MISSED", "2025-04-16", NULL}, {"CONTACT", "2025-05-05", NULL});
	CHECK(v.status == ABSOLV_STATUS_FULFILLED && v.nevidence == 2 && v.evidence[1] == D("2025-05-05"),
		  "frankfurt: fulfilled by the follow-up, with both days as evidence");
	v = VERDICT("frankfurt", "FBW", "2025-01-01", "2025-04-03", "2025-05-06", {"EXCEPTION", "2025-03-10", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_EXCLUDED, "frankfurt: excluded by an exception");
	v = VERDICT("frankfurt", "FBW", "2025-05-01", "2025-04-03", "2025-05-06", {"CONTACT", "2025-04-10", NULL});
	CHECK_INT(v.status, ABSOLV_STATUS_INVALID, "exit before entry: invalid");
	CHECK(strcmp(absolv_status_name(ABSOLV_STATUS_PENDING), "pending") == 0, "status names");
	{
		static absolv_rule r;
		absolv_error err;
		const char *text = "rule r scope measure any window exit .. exit + 14 days require CONTACT"
			" exclude EXCEPTION and HIRING_COMMITMENT";
		const char *variants = "rule w scope measure any variant a when measure in (MAT)"
			" window exit - 1 week .. exit + 2 weeks require VV variant b otherwise"
			" window exit - 7 days .. exit + 14 days require SI";
		absolv_case_buf c;
		absolv_participation p = participation("MAT", "2025-01-01", "2025-03-31", ABSOLV_CODE_NULL);

		CHECK(absolv_rule_parse(text, strlen(text), &r, &err), "exclusion rule parses");
		absolv_case_init(&c.c, &r, &p);
		absolv_case_add(&c.c, ABSOLV_KIND_EXCEPTION, D("2025-03-30"), true, 0);
		absolv_case_add(&c.c, ABSOLV_KIND_CONTACT, D("2025-04-02"), true, 0);
		absolv_case_verdict(&c.c, D("2025-04-30"), &v);
		CHECK(v.status == ABSOLV_STATUS_FULFILLED && v.nevidence == 1 && v.evidence[0] == D("2025-04-02"),
			  "evidence days name only the requirement's evidence, not a partial exclusion");
		CHECK(absolv_rule_parse(variants, strlen(variants), &r, &err) && !absolv_window_depends_on_case(&r),
			  "windows equal in days (1 week = 7 days, 2 weeks = 14 days) are one window");
		text = "rule f scope measure any window exit + 1 day .. exit + 14 days require CONTACT after MISSED within 3 days";
		CHECK(absolv_rule_parse(text, strlen(text), &r, &err), "follow-up-only rule parses");
		absolv_case_init(&c.c, &r, &p);
		absolv_case_verdict(&c.c, D("2025-04-10"), &v);
		CHECK(v.status == ABSOLV_STATUS_PENDING && v.last_day == D("2025-04-14"),
			  "a follow-up-only rule is pending while a trigger can still come");
		absolv_case_add(&c.c, ABSOLV_KIND_MISSED, D("2025-04-14"), true, 0);
		absolv_case_verdict(&c.c, D("2025-04-16"), &v);
		CHECK(v.status == ABSOLV_STATUS_PENDING && v.last_day == D("2025-04-17"),
			  "after a trigger on the last day, pending until its limit");
		text = "rule g scope measure any window exit + 5 days .. exit + 10 days require EINV in force at exit";
		CHECK(absolv_rule_parse(text, strlen(text), &r, &err), "impossible rule parses");
		absolv_case_init(&c.c, &r, &p);
		absolv_case_verdict(&c.c, D("2025-04-01"), &v);
		CHECK(v.status == ABSOLV_STATUS_PENDING && v.last_day == D("2025-04-10"),
			  "a requirement that cannot hold is not missed before its window closes");
		absolv_case_verdict(&c.c, D("2025-04-11"), &v);
		CHECK_INT(v.status, ABSOLV_STATUS_MISSED, "... and missed after");
	}
}

/*
 * absolv_case_init builds the case's horizon from the term windows it
 * computes anyway; it must be absolv_variant_horizon's for every preset,
 * measure, duration and exit day, including exits near the end of the date
 * range where some windows cannot be computed.
 */
static void
test_case_horizon(void)
{
	static const char *const names[] = {
		"frankfurt", "herford", "herford_ies", "herford_iws",
		"hannover", "bremen", "cottbus_ies", "cottbus_iws"
	};
	static const int durations[] = {1, 30, 61, 89, 90, 91, 92, 181, 182, 183, 366, 400, 800};
	long		checked = 0,
				invalid = 0,
				mismatches = 0;
	char		first[160] = "";

	for (size_t r = 0; r < sizeof(names) / sizeof(names[0]); r++)
	{
		const absolv_rule *rule = preset(names[r]);

		for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
			for (size_t d = 0; d < sizeof(durations) / sizeof(durations[0]); d++)
				for (int e = 0; e < 400; e += 7)
				{
					absolv_day	exits[2] = {D("2024-11-01") + e, ABSOLV_DAY_MAX - e / 7};

					for (int k = 0; k < 2; k++)
					{
						absolv_participation p;
						absolv_case_buf c;
						absolv_day	f = 0,
									t = 0;

						memset(&p, 0, sizeof(p));
						p.measure = m;
						p.exit = exits[k];
						p.entry = p.exit - durations[d] + 1;
						p.outcome = ABSOLV_CODE_NULL;
						p.customer_status = p.legal_sphere = p.cosach_status = p.goal = ABSOLV_CODE_NULL;
						absolv_case_init(&c.c, rule, &p);
						checked++;
						if (c.c.invalid)
						{
							invalid++;
							continue;
						}
						if (!absolv_variant_horizon(&rule->variants[c.c.variant], c.c.exit, &f, &t) ||
							f != c.c.horizon_from || t != c.c.horizon_to)
						{
							if (mismatches++ == 0)
								snprintf(first, sizeof(first), "%s, measure %d, exit %d: case [%d, %d], variant horizon [%d, %d]",
										 names[r], m, c.c.exit, c.c.horizon_from, c.c.horizon_to, f, t);
						}
					}
				}
	}
	CHECK(mismatches == 0 && invalid > 0 && invalid < checked,
		  "a case's horizon is its variant's (%ld cases, %ld invalid, %ld differ%s%s)",
		  checked, invalid, mismatches, first[0] ? ": first " : "", first);
}

int
main(void)
{
	test_scope();
	test_windows();
	test_case_horizon();
	test_evidence();
	test_merge_and_serialize();
	test_cut();
	test_schedule();
	test_verdicts();
	return unit_done();
}
