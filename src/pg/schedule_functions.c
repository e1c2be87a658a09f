/*
 * schedule_functions.c
 *	  absolv_schedule: the due dates of a participation under a rule, for
 *	  worklists (docs/rules.md, each job centre's "Schedule").
 *
 * A rule's steps of the same name form a group; for each group the core
 * picks the first step whose condition holds (absolv_schedule_step), and
 * the step's date expression gives the due date.  A group whose steps all
 * fail their conditions, or whose date leaves the date range, gives no
 * row.  Invalid participation data give no rows, never an error: a
 * worklist over real tables must not stop on one bad row.
 */
#include "postgres.h"

#include "funcapi.h"
#include "utils/builtins.h"
#include "utils/date.h"

#include "absolv_pg.h"

PG_FUNCTION_INFO_V1(absolv_schedule);

/* arguments */
#define ARG_ENTRY		0
#define ARG_EXIT		1
#define ARG_MEASURE		2
#define ARG_RULE		3

/* columns of the result: step, due, description */
#define SCHEDULE_COLUMNS 3

/* one due date of the schedule */
typedef struct schedule_row
{
	absolv_day	due;
	int			group;			/* order of the group in the rule */
	int			step;			/* index into rule->steps */
} schedule_row;

/* order of the rows: by due date, then by group */
static int
compare_rows(const void *a, const void *b)
{
	const schedule_row *ra = (const schedule_row *) a;
	const schedule_row *rb = (const schedule_row *) b;

	if (ra->due != rb->due)
		return ra->due < rb->due ? -1 : 1;
	return (ra->group > rb->group) - (ra->group < rb->group);
}

/*
 * The due dates of the participation, one per group that gives one, in
 * rows[]; returns their number.  The dates must be valid.
 */
static int
schedule_rows(const absolv_rule *rule, const absolv_participation *p,
			  schedule_row *rows)
{
	int			ngroups = absolv_schedule_groups(rule);
	int			nrows = 0;

	for (int group = 0; group < ngroups; group++)
	{
		int			step = absolv_schedule_step(rule, group, p->entry, p->exit,
												p->measure);
		absolv_day	due;

		if (step < 0 ||
			!absolv_date_eval(&rule->steps[step].due, p->entry, p->exit, &due))
			continue;
		rows[nrows].due = due;
		rows[nrows].group = group;
		rows[nrows].step = step;
		nrows++;
	}
	qsort(rows, nrows, sizeof(schedule_row), compare_rows);
	return nrows;
}

/*
 * absolv_schedule(entry_date, exit_date, measure, rule): one row (step,
 * due, description) per step group that applies, ordered by due date and
 * then by the order of the groups in the rule.  Not strict: a NULL rule or
 * exit date, a NULL or infinite entry or exit, and an exit before the
 * entry give no rows.  A NULL measure is in no measure list.
 */
Datum
absolv_schedule(PG_FUNCTION_ARGS)
{
	ReturnSetInfo *rsinfo = (ReturnSetInfo *) fcinfo->resultinfo;
	absolv_participation p;
	const absolv_rule *rule;
	schedule_row rows[ABSOLV_MAX_STEPS];
	int			nrows;

	InitMaterializedSRF(fcinfo, 0);

	if (PG_ARGISNULL(ARG_EXIT) || PG_ARGISNULL(ARG_RULE))
		return (Datum) 0;
	absolv_participation_from_args(fcinfo, ARG_ENTRY, ARG_EXIT, ARG_MEASURE, &p);
	if (!absolv_dates_valid(&p))
		return (Datum) 0;

	rule = absolv_cached_rule_get(fcinfo->flinfo, PG_GETARG_DATUM(ARG_RULE))->rule;
	nrows = schedule_rows(rule, &p, rows);

	for (int i = 0; i < nrows; i++)
	{
		const absolv_step *step = &rule->steps[rows[i].step];
		text	   *name = absolv_field_text(step->name, sizeof(step->name));
		text	   *description = absolv_field_text(step->description,
													sizeof(step->description));
		Datum		values[SCHEDULE_COLUMNS];
		bool		nulls[SCHEDULE_COLUMNS];

		values[0] = PointerGetDatum(name);
		nulls[0] = name == NULL;
		values[1] = DateADTGetDatum(rows[i].due);
		nulls[1] = false;
		values[2] = PointerGetDatum(description);
		nulls[2] = description == NULL;
		tuplestore_putvalues(rsinfo->setResult, rsinfo->setDesc, values, nulls);
	}

	return (Datum) 0;
}
