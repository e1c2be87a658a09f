/*
 * transition_driver.c
 *	  The per-row work of absolv_compliant, in plain C, on a fixed
 *	  synthetic input: for bench/callgrind, which counts the instructions
 *	  of each core function under valgrind --tool=callgrind.
 *
 *	  transition_driver PRESET [PARTICIPATIONS [ROWS]]
 *
 * For PARTICIPATIONS participations in the preset's scope (default 100000)
 * with ROWS evidence rows each (default 8), it does what the SQL
 * aggregate does per group and per row, without PostgreSQL:
 *	  per group   absolv_case_init, then absolv_case_compliant at the end;
 *				  and absolv_rule_horizon, the core of absolv_horizon(exit_date,
 *				  rule), which the documented query's join condition calls
 *				  (once per candidate pair when it is a join filter);
 *	  per row     absolv_evidence_kind_lookup of the kind's text (the glue
 *				  looks the text up on every row), and absolv_case_add for
 *				  the rows of a known kind (the glue skips the others).
 * It prints the number of calls of each function (callgrind gives the
 * instructions) and a checksum of the verdicts.
 *
 * The input is the same on every run and for every preset (a fixed-seed
 * splitmix64 stream): participations as in bench/generate.sql (measures,
 * durations, outcomes, statuses), drawn until one is in the preset's scope;
 * evidence rows between 120 days before and 40 days after the exit, so
 * nearly all of them fall inside the rule's horizon as they do behind
 * the documented query's horizon join, with the kinds' shares of the
 * benchmark data: a third unrelated note types, which the lookup must
 * reject.  Links the core only (Makefile CORE_OBJS): no PostgreSQL.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "codes.h"
#include "evaluate.h"
#include "rule.h"

/* one evidence row: the kind as text, as the glue gets it */
typedef struct row
{
	const char *kind;
	size_t		kind_len;
	absolv_day	at;
	bool		valid_until_null;
	absolv_day	valid_until;
} row;

static absolv_rule rule;

static uint64_t seed = 0x5eed0f0ab5017ULL;

/* splitmix64: a fixed pseudo-random stream */
static uint64_t
next_random(void)
{
	uint64_t	z = (seed += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* uniform in [0, n) */
static int
pick(int n)
{
	return (int) (next_random() % (uint64_t) n);
}

/* pick an index by weights (summing to total) */
static int
pick_weighted(const int *weights, int count)
{
	int			total = 0;
	int			r;

	for (int i = 0; i < count; i++)
		total += weights[i];
	r = pick(total);
	for (int i = 0; i < count; i++)
	{
		if (r < weights[i])
			return i;
		r -= weights[i];
	}
	return count - 1;
}

/* measures and their shares in per mille, as in bench/generate.sql */
static const int measure_codes[] = {
	ABSOLV_MEASURE_MAT, ABSOLV_MEASURE_MAG, ABSOLV_MEASURE_MABE, ABSOLV_MEASURE_MPAV,
	ABSOLV_MEASURE_AGH, ABSOLV_MEASURE_FBW_UMSCHULUNG, ABSOLV_MEASURE_FBW_FORTBILDUNG,
	ABSOLV_MEASURE_FBW, ABSOLV_MEASURE_BAE, ABSOLV_MEASURE_AZ, ABSOLV_MEASURE_EQ,
	ABSOLV_MEASURE_BVB, ABSOLV_MEASURE_REHA, ABSOLV_MEASURE_REHA_VL, ABSOLV_MEASURE_EVL,
	ABSOLV_MEASURE_TAAM, ABSOLV_MEASURE_BUKSELB, ABSOLV_MEASURE_ASA, ABSOLV_MEASURE_WBV,
	ABSOLV_MEASURE_EA, ABSOLV_MEASURE_DIAG, ABSOLV_MEASURE_IK, ABSOLV_MEASURE_BSK,
	ABSOLV_CODE_UNKNOWN
};
static const int measure_shares[] = {
	235, 80, 40, 50, 130, 60, 100, 45, 20, 10, 15, 40, 15, 5, 25, 25, 10, 10, 10, 10,
	5, 20, 10, 30
};

/* evidence kinds as text and their shares in per mille of the rows */
static const char *const kind_texts[] = {
	"CONTACT", "EINV", "VV", "SI", "MISSED", "EXCEPTION", "HIRING_COMMITMENT",
	"NOTE", "BEWERBUNG", "TERMIN_SONSTIGES", "TELEFONAT"
};
static const int kind_shares[] = {
	285, 125, 116, 77, 32, 5, 5, 132, 85, 85, 53
};

#define LENGTH(a) ((int) (sizeof(a) / sizeof((a)[0])))

/* a participation as bench/generate.sql draws them */
static void
draw_participation(absolv_participation *p)
{
	absolv_day	exit = absolv_day_from_ymd(2023, 1, 1) + pick(1096);
	int			dur = pick(1000);
	int			r;

	memset(p, 0, sizeof(*p));
	p->measure = measure_codes[pick_weighted(measure_shares, LENGTH(measure_shares))];
	p->exit = exit;
	if (dur < 80)
		p->entry = exit - (13 + pick(47));
	else if (dur < 240)
		p->entry = exit - ((const int[]) {59, 60, 61, 62, 89, 90, 91, 92}[pick(8)] - 1);
	else if (dur < 780)
	{
		int			months = dur < 440 ? 3 : dur < 640 ? 6 : 0;

		if (months > 0)
		{
			/* exactly n months, sometimes a day more or less */
			absolv_day	entry;

			if (!absolv_add_months(exit, -months, &entry))
				abort();
			p->entry = entry + 1 + (const int[]) {-1, 1, 0, 0, 0, 0, 0, 0, 0, 0}[pick(10)];
		}
		else
			p->entry = exit - (60 + pick(275));
	}
	else
		p->entry = exit - (365 + pick(730));

	r = pick(100);
	p->outcome = r < 65 ? ABSOLV_OUTCOME_SUCCESS : r < 73 ? ABSOLV_OUTCOME_GOAL_EARLY :
		r < 93 ? ABSOLV_OUTCOME_PREMATURE : ABSOLV_CODE_NULL;
	r = pick(100);
	p->customer_status = r < 45 ? ABSOLV_CUSTOMER_STATUS_ALO : r < 75 ? ABSOLV_CUSTOMER_STATUS_ASU :
		r < 78 ? ABSOLV_CUSTOMER_STATUS_RASU : r < 88 ? ABSOLV_CUSTOMER_STATUS_NAS : ABSOLV_CODE_NULL;
	r = pick(100);
	p->legal_sphere = r < 88 ? ABSOLV_SPHERE_SGB2 : r < 93 ? ABSOLV_SPHERE_SGB3 : ABSOLV_CODE_NULL;
	r = pick(100);
	p->cosach_status = r < 85 ? 'B' - 'A' : r < 88 ? 0 : r < 92 ? 'E' - 'A' :
		r < 95 ? 'Z' - 'A' : ABSOLV_CODE_NULL;
	r = pick(100);
	p->goal = p->measure != ABSOLV_MEASURE_BVB ? ABSOLV_CODE_NULL :
		r < 75 ? ABSOLV_GOAL_INTEGRATION : r < 90 ? ABSOLV_GOAL_OTHER : ABSOLV_CODE_NULL;
}

static void
draw_row(const absolv_participation *p, row *e)
{
	int			k = pick_weighted(kind_shares, LENGTH(kind_shares));
	int			v = pick(100);

	e->kind = kind_texts[k];
	e->kind_len = strlen(kind_texts[k]);
	e->at = p->exit - 120 + pick(161);
	e->valid_until_null = v < 30;
	e->valid_until = v < 92 ? e->at + 90 + pick(270) : p->exit - 1 - pick(10);
}

int
main(int argc, char **argv)
{
	const char *preset;
	int			preset_index;
	const char *text;
	absolv_error error;
	long		participations = 100000;
	int			rows_per = 8;
	absolv_participation *parts;
	row		   *rows;
	long		lookups = 0;
	long		adds = 0;
	long		horizons = 0;
	long		verdicts[3] = {0, 0, 0};
	uint64_t	checksum = 0;

	if (argc < 2 || argc > 4)
	{
		fprintf(stderr, "usage: %s PRESET [PARTICIPATIONS [ROWS]]\n", argv[0]);
		return 2;
	}
	preset = argv[1];
	if (argc > 2)
		participations = strtol(argv[2], NULL, 10);
	if (argc > 3)
		rows_per = (int) strtol(argv[3], NULL, 10);
	if (participations <= 0 || rows_per <= 0)
	{
		fprintf(stderr, "%s: participations and rows must be positive\n", argv[0]);
		return 2;
	}

	preset_index = absolv_preset_lookup(preset, strlen(preset));
	if (preset_index < 0)
	{
		fprintf(stderr, "%s: unknown preset \"%s\"\n", argv[0], preset);
		return 2;
	}
	text = absolv_preset_text(preset_index);
	if (!absolv_rule_parse(text, strlen(text), &rule, &error))
	{
		fprintf(stderr, "%s: preset %s does not parse: %s\n", argv[0], preset, error.message);
		return 1;
	}

	/* the input, drawn before any measured function runs */
	parts = malloc(sizeof(*parts) * (size_t) participations);
	rows = malloc(sizeof(*rows) * (size_t) participations * (size_t) rows_per);
	if (parts == NULL || rows == NULL)
	{
		fprintf(stderr, "%s: out of memory\n", argv[0]);
		return 1;
	}
	for (long i = 0; i < participations; i++)
	{
		do
			draw_participation(&parts[i]);
		while (absolv_rule_scope(&rule, &parts[i]) != ABSOLV_SCOPE_IN);
		for (int j = 0; j < rows_per; j++)
			draw_row(&parts[i], &rows[i * rows_per + j]);
	}

	/* what absolv_compliant does: per group and per row */
	for (long i = 0; i < participations; i++)
	{
		absolv_case_buf c;		/* room for any rule's case */
		int			verdict;
		absolv_day	from;
		absolv_day	to;

		if (absolv_rule_horizon(&rule, parts[i].exit, &from, &to))
			checksum += (uint64_t) (to - from);
		horizons++;
		absolv_case_init(&c.c, &rule, &parts[i]);
		for (int j = 0; j < rows_per; j++)
		{
			const row  *e = &rows[i * rows_per + j];
			int			kind = absolv_evidence_kind_lookup(e->kind, e->kind_len);

			lookups++;
			if (kind == ABSOLV_CODE_UNKNOWN)
				continue;
			adds++;
			absolv_case_add(&c.c, kind, e->at, e->valid_until_null, e->valid_until);
		}
		verdict = absolv_case_compliant(&c.c);
		verdicts[verdict + 1]++;
		checksum = checksum * 31 + (uint64_t) (verdict + 1);
	}

	printf("preset %s\n", preset);
	printf("calls absolv_case_init %ld\n", participations);
	printf("calls absolv_evidence_kind_lookup %ld\n", lookups);
	printf("calls absolv_case_add %ld\n", adds);
	printf("calls absolv_case_compliant %ld\n", participations);
	printf("calls absolv_rule_horizon %ld\n", horizons);
	printf("verdicts true %ld false %ld null %ld checksum %016llx\n",
		   verdicts[2], verdicts[1], verdicts[0], (unsigned long long) checksum);
	free(parts);
	free(rows);
	return 0;
}
