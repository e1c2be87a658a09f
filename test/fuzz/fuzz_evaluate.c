/*
 * fuzz_evaluate.c
 *	  libFuzzer harness of evaluation: a rule (one of the presets, or a rule
 *	  text taken from the input), a participation and evidence rows, all
 *	  from the fuzzer's bytes.
 *
 * Invariants checked:
 *	- the verdict agrees with absolv_compliant (fulfilled <=> true,
 *	  excluded or invalid <=> NULL);
 *	- the order of the evidence does not matter, and splitting it in two
 *	  cases that are merged gives the same result (parallel aggregation);
 *	- serialize then deserialize gives the same result, and every
 *	  truncation of the serialized form is rejected;
 *	- a pending verdict as of a day is not missed as of an earlier day;
 *	- the case cut at a day (absolv_case_cut) is the case of the evidence
 *	  dated up to that day, byte for byte in serialized form.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "evaluate.h"

#define MAX_EVIDENCE 64

typedef struct input
{
	const uint8_t *data;
	size_t		size;
	size_t		pos;
} input;

static uint32_t
take(input *in, int bytes)
{
	uint32_t	v = 0;

	for (int i = 0; i < bytes; i++)
		v = (v << 8) | (in->pos < in->size ? in->data[in->pos++] : 0);
	return v;
}

static absolv_rule presets[8];
static absolv_rule custom;

typedef struct evidence_row
{
	int			kind;
	absolv_day	at;
	bool		valid_until_null;
	absolv_day	valid_until;
} evidence_row;

static void
add_rows(absolv_case *c, const evidence_row *rows, int from, int to, int step)
{
	for (int i = from; i != to; i += step)
		absolv_case_add(c, rows[i].kind, rows[i].at, rows[i].valid_until_null, rows[i].valid_until);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input		in = {data, size, 0};
	const absolv_rule *rule;
	absolv_participation p;
	evidence_row rows[MAX_EVIDENCE];
	absolv_case_buf forward,
				backward,
				restored;
	absolv_case *left,
			   *right;
	absolv_verdict v,
				earlier;
	int			nrows,
				split,
				result;
	uint8_t		buf[ABSOLV_CASE_SERIAL_MAX];
	uint8_t		cut_buf[ABSOLV_CASE_SERIAL_MAX];
	size_t		len;
	absolv_day	cut_day;
	absolv_error err;
	uint32_t	choice = take(&in, 1);
	absolv_day	base = (absolv_day) (9000 + (take(&in, 2) % 2000));	/* 2024..2030 */

	if (choice < 224)
	{
		int			i = choice % absolv_preset_count();

		if (presets[i].name[0] == '\0' &&
			!absolv_rule_parse(absolv_preset_text(i), strlen(absolv_preset_text(i)), &presets[i], &err))
			abort();
		rule = &presets[i];
	}
	else
	{
		/* a rule text: the rest of the input up to a NUL byte */
		size_t		end = in.pos;

		while (end < size && data[end] != 0)
			end++;
		if (!absolv_rule_parse((const char *) data + in.pos, end - in.pos, &custom, &err))
			return 0;
		rule = &custom;
		in.pos = end + 1;
	}

	memset(&p, 0, sizeof(p));
	p.entry_null = take(&in, 1) == 0xFF;
	p.exit_null = take(&in, 1) == 0xFF;
	p.exit = base;
	p.entry = base - (absolv_day) (take(&in, 2) % 1200) + 5;
	p.measure = (int) (take(&in, 1) % (ABSOLV_MEASURE_COUNT + 2)) - 2;
	nrows = (int) (take(&in, 1) % MAX_EVIDENCE);
	for (int i = 0; i < nrows; i++)
	{
		rows[i].kind = (int) (take(&in, 1) % (ABSOLV_KIND_COUNT + 1)) - 1;
		rows[i].at = base + (int16_t) take(&in, 2) % 200;
		rows[i].valid_until_null = take(&in, 1) & 1;
		rows[i].valid_until = rows[i].at + (int) (take(&in, 1) % 200) - 20;
	}
	split = nrows ? (int) (take(&in, 1) % (nrows + 1)) : 0;
	cut_day = base + (int16_t) take(&in, 2) % 220;

	absolv_case_init(&forward.c, rule, &p);
	absolv_case_init(&backward.c, rule, &p);
	/* the halves in exactly the bytes they need, so that ASan sees overruns */
	left = malloc(absolv_case_size(rule, &p));
	right = malloc(absolv_case_size(rule, &p));
	if (left == NULL || right == NULL)
		abort();
	absolv_case_init(left, rule, &p);
	absolv_case_init(right, rule, &p);
	add_rows(&forward.c, rows, 0, nrows, 1);
	add_rows(&backward.c, rows, nrows - 1, -1, -1);
	add_rows(left, rows, 0, split, 1);
	add_rows(right, rows, split, nrows, 1);
	absolv_case_merge(left, right);

	result = absolv_case_compliant(&forward.c);
	if (absolv_case_compliant(&backward.c) != result || absolv_case_compliant(left) != result)
	{
		fprintf(stderr, "order or split changes the result\n");
		abort();
	}
	free(left);
	free(right);
	absolv_case_verdict(&forward.c, base + 400, &v);
	if ((v.status == ABSOLV_STATUS_FULFILLED) != (result == 1) ||
		((v.status == ABSOLV_STATUS_EXCLUDED || v.status == ABSOLV_STATUS_INVALID) != (result == -1)) ||
		(forward.c.invalid != (v.status == ABSOLV_STATUS_INVALID)))
	{
		fprintf(stderr, "verdict %d disagrees with compliant %d\n", v.status, result);
		abort();
	}
	if (v.status == ABSOLV_STATUS_MISSED)
	{
		/* earlier, the same case may have been pending, never anything else */
		absolv_case_verdict(&forward.c, v.last_day, &earlier);
		if (earlier.status != ABSOLV_STATUS_PENDING && earlier.status != ABSOLV_STATUS_MISSED)
			abort();
	}
	if (v.status == ABSOLV_STATUS_PENDING && v.last_day < base + 400)
		abort();

	len = absolv_case_serialize(&forward.c, buf, sizeof(buf));
	if (len == 0 || !absolv_case_deserialize(buf, len, rule, &restored.c) ||
		absolv_case_compliant(&restored.c) != result)
	{
		fprintf(stderr, "serialization changes the result\n");
		abort();
	}
	for (size_t cut = 0; cut < len; cut++)
		if (absolv_case_deserialize(buf, cut, rule, &restored.c))
			abort();

	absolv_case_init(&backward.c, rule, &p);
	for (int i = 0; i < nrows; i++)
		if (rows[i].at <= cut_day)
			add_rows(&backward.c, rows, i, i + 1, 1);
	absolv_case_cut(&forward.c, cut_day);
	len = absolv_case_serialize(&forward.c, buf, sizeof(buf));
	if (len == 0 || len != absolv_case_serialize(&backward.c, cut_buf, sizeof(cut_buf)) ||
		memcmp(buf, cut_buf, len) != 0)
	{
		fprintf(stderr, "the case cut at a day is not the case of the evidence up to it\n");
		abort();
	}
	return 0;
}
