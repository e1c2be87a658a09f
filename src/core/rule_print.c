/*
 * rule_print.c
 *	  Canonical text of a compiled absolv rule.
 *
 * The canonical text is a function of the compiled rule alone: fixed
 * layout, keywords in lower case, codes in their canonical spelling,
 * measures in code-table order (families folded to FBW*), and a
 * requirement with parentheses only around an "or" inside an "and".
 * Parsing it gives a rule with the same canonical text, so equality of
 * rules is equality of their canonical texts.
 */
#include "rule.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* an snprintf-like sink: counts every byte, stores what fits */
typedef struct sink
{
	char	   *buf;
	size_t		size;
	size_t		len;
} sink;

/* append formatted text */
#if defined(__GNUC__)
static void put(sink *s, const char *fmt,...) __attribute__((format(printf, 2, 3)));
#endif
static void
put(sink *s, const char *fmt,...)
{
	va_list		ap;
	int			n;
	size_t		room = s->len < s->size ? s->size - s->len : 0;

	va_start(ap, fmt);
	n = vsnprintf(room ? s->buf + s->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n > 0)
		s->len += (size_t) n;
}

/* append a string in double quotes, doubling inner quotes */
static void
put_quoted(sink *s, const char *str)
{
	put(s, "\"");
	for (const char *p = str; *p; p++)
	{
		if (*p == '"')
			put(s, "\"\"");
		else
			put(s, "%c", *p);
	}
	put(s, "\"");
}

static const char *
unit_word(uint8_t unit, int32_t amount)
{
	bool		one = amount == 1 || amount == -1;

	switch (unit)
	{
		case ABSOLV_UNIT_WEEKS:
			return one ? "week" : "weeks";
		case ABSOLV_UNIT_MONTHS:
			return one ? "month" : "months";
		case ABSOLV_UNIT_WORKING_DAYS:
			return one ? "working day" : "working days";
		default:
			return one ? "day" : "days";
	}
}

static void
put_date(sink *s, const absolv_date_expr *e)
{
	put(s, e->anchor == ABSOLV_ANCHOR_ENTRY ? "entry" : "exit");
	for (int i = 0; i < e->noffsets; i++)
	{
		int32_t		a = e->offsets[i].amount;

		put(s, " %c %d %s", a < 0 ? '-' : '+', a < 0 ? -a : a,
			unit_word(e->offsets[i].unit, a));
	}
}

static void
put_range(sink *s, const absolv_range_expr *r)
{
	put_date(s, &r->from);
	put(s, " .. ");
	put_date(s, &r->to);
}

static void
put_duration(sink *s, const absolv_duration_range *d)
{
	static const char *const cmp_words[] = {"at least", "more than", "at most", "less than"};

	for (int i = 0; i < ABSOLV_MAX_DURATION_CONDS && d->conds[i].present; i++)
		put(s, "%s%s %d %s", i > 0 ? " and " : "duration ",
			cmp_words[d->conds[i].cmp], d->conds[i].amount,
			unit_word(d->conds[i].unit, d->conds[i].amount));
}

/* measures of a set, comma separated, FBW* for the whole family */
static void
put_measure_set(sink *s, absolv_measure_set set)
{
	bool		first = true;

	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
	{
		if (!(set & ABSOLV_MEASURE_BIT(m)))
			continue;
		if ((ABSOLV_FAMILY_FBW & ABSOLV_MEASURE_BIT(m)) &&
			(set & ABSOLV_FAMILY_FBW) == ABSOLV_FAMILY_FBW)
		{
			if (m == ABSOLV_MEASURE_FBW)
			{
				put(s, "%sFBW*", first ? "" : ", ");
				first = false;
			}
			continue;
		}
		put(s, "%s%s", first ? "" : ", ", absolv_measure_code((absolv_measure) m));
		first = false;
	}
}

static void
put_codes(sink *s, uint32_t mask, int count, const char *(*name) (int))
{
	bool		first = true;

	put(s, "(");
	for (int i = 0; i < count; i++)
		if (mask & (1u << i))
		{
			put(s, "%s%s", first ? "" : ", ", name(i));
			first = false;
		}
	put(s, ")");
}

/* adapters from typed code-name functions to int-indexed ones */
static const char *
outcome_name(int i)
{
	return absolv_outcome_code((absolv_outcome) i);
}
static const char *
status_name(int i)
{
	return absolv_customer_status_code((absolv_customer_status) i);
}
static const char *
sphere_name(int i)
{
	return absolv_legal_sphere_code((absolv_legal_sphere) i);
}
static const char *
goal_name(int i)
{
	return absolv_goal_code((absolv_goal) i);
}

static void
put_filter(sink *s, const char *label, const absolv_attr_filter *f, int count,
		   const char *(*name) (int))
{
	if (!f->present)
		return;
	put(s, "\n    %s in ", label);
	put_codes(s, f->accepted, count, name);
	if (!f->null_passes)
		put(s, " not null");
}

static bool
duration_equal(const absolv_duration_range *a, const absolv_duration_range *b)
{
	for (int i = 0; i < ABSOLV_MAX_DURATION_CONDS; i++)
	{
		const absolv_duration_cond *x = &a->conds[i],
				   *y = &b->conds[i];

		if (x->present != y->present ||
			(x->present && (x->cmp != y->cmp || x->unit != y->unit || x->amount != y->amount)))
			return false;
	}
	return true;
}

static bool
measure_scope_equal(const absolv_measure_scope *a, const absolv_measure_scope *b)
{
	return duration_equal(&a->duration, &b->duration) &&
		a->goal.present == b->goal.present &&
		(!a->goal.present || (a->goal.null_passes == b->goal.null_passes &&
							  a->goal.accepted == b->goal.accepted));
}

static bool
measure_scope_empty(const absolv_measure_scope *a)
{
	return !a->duration.conds[0].present && !a->goal.present;
}

/* the "with ..." part of a measure item */
static void
put_measure_conditions(sink *s, const absolv_measure_scope *c)
{
	put(s, " with ");
	if (c->duration.conds[0].present)
	{
		put_duration(s, &c->duration);
		if (c->goal.present)
			put(s, " and ");
	}
	if (c->goal.present)
	{
		if (c->goal.accepted == (1u << ABSOLV_GOAL_INTEGRATION) ||
			c->goal.accepted == (1u << ABSOLV_GOAL_OTHER))
			put(s, "goal %s", goal_name(c->goal.accepted == 1u ? 0 : 1));
		else
		{
			put(s, "goal in ");
			put_codes(s, c->goal.accepted, ABSOLV_GOAL_COUNT, goal_name);
		}
		if (!c->goal.null_passes)
			put(s, " not null");
	}
}

/*
 * measure in (...): first the measures without conditions, then one item
 * per distinct set of conditions, in order of their first measure.
 */
static void
put_scope_measures(sink *s, const absolv_scope *scope)
{
	absolv_measure_set plain = 0,
				done = 0;
	bool		first = true;
	const absolv_measure_set all = (absolv_measure_set) ((1u << ABSOLV_MEASURE_COUNT) - 1);

	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
		if ((scope->measures & ABSOLV_MEASURE_BIT(m)) &&
			measure_scope_empty(&scope->per_measure[m]))
			plain |= ABSOLV_MEASURE_BIT(m);
	if (plain == all)
	{
		put(s, "\n    measure any");
		return;
	}
	put(s, "\n    measure in (");
	if (plain)
	{
		put_measure_set(s, plain);
		first = false;
	}
	done = plain;
	for (int m = 0; m < ABSOLV_MEASURE_COUNT; m++)
	{
		absolv_measure_set group = 0;

		if (!(scope->measures & ABSOLV_MEASURE_BIT(m)) || (done & ABSOLV_MEASURE_BIT(m)))
			continue;
		for (int n = m; n < ABSOLV_MEASURE_COUNT; n++)
			if ((scope->measures & ABSOLV_MEASURE_BIT(n)) && !(done & ABSOLV_MEASURE_BIT(n)) &&
				measure_scope_equal(&scope->per_measure[m], &scope->per_measure[n]))
				group |= ABSOLV_MEASURE_BIT(n);
		done |= group;
		put(s, first ? "" : ", ");
		first = false;
		/* a single code, or FBW* alone, needs no parentheses */
		if ((group & (group - 1)) == 0 || group == ABSOLV_FAMILY_FBW)
			put_measure_set(s, group);
		else
		{
			put(s, "(");
			put_measure_set(s, group);
			put(s, ")");
		}
		put_measure_conditions(s, &scope->per_measure[m]);
	}
	put(s, ")");
}

static void
put_scope(sink *s, const absolv_scope *scope)
{
	const uint32_t successful = (1u << ABSOLV_OUTCOME_SUCCESS) | (1u << ABSOLV_OUTCOME_GOAL_EARLY);

	put(s, "\n  scope");
	put_scope_measures(s, scope);
	if (scope->duration.conds[0].present)
	{
		put(s, "\n    ");
		put_duration(s, &scope->duration);
	}
	if (scope->outcomes == successful)
		put(s, "\n    outcome successful");
	else if (scope->outcomes == (1u << ABSOLV_OUTCOME_COUNT) - 1)
		put(s, "\n    outcome any");
	else
	{
		put(s, "\n    outcome in ");
		put_codes(s, scope->outcomes, ABSOLV_OUTCOME_COUNT, outcome_name);
	}
	put_filter(s, "customer status", &scope->customer_status, ABSOLV_CUSTOMER_STATUS_COUNT, status_name);
	put_filter(s, "legal sphere", &scope->legal_sphere, ABSOLV_SPHERE_COUNT, sphere_name);
	put_filter(s, "cosach status", &scope->cosach_status, ABSOLV_COSACH_COUNT, absolv_cosach_code);
}

static void
put_condition(sink *s, const absolv_condition *c)
{
	if (c->otherwise)
	{
		put(s, "otherwise");
		return;
	}
	put(s, "when ");
	if (c->measures)
	{
		put(s, "measure in (");
		put_measure_set(s, c->measures);
		put(s, ")");
		if (c->duration.conds[0].present)
			put(s, " and ");
	}
	if (c->duration.conds[0].present)
		put_duration(s, &c->duration);
}

static void
put_term(sink *s, const absolv_term *t)
{
	put(s, "%s", absolv_evidence_kind_code((absolv_evidence_kind) t->kind));
	if (t->qualifier == ABSOLV_QUAL_IN_FORCE_AT_EXIT)
		put(s, " in force at exit");
	else if (t->qualifier == ABSOLV_QUAL_IN_FORCE_IF_CONCLUDED_BY_EXIT)
		put(s, " in force at exit if concluded by exit");
	if (t->is_followup)
	{
		put(s, " after %s within %d %s",
			absolv_evidence_kind_code((absolv_evidence_kind) t->trigger_kind),
			t->limit_amount, unit_word(t->limit_unit, t->limit_amount));
		if (t->limit_unit == ABSOLV_UNIT_WORKING_DAYS)
			put(s, " of %s", absolv_land_code((absolv_land) t->land));
	}
	if (t->has_window && t->to_deadline)
	{
		put(s, " within ");
		put_date(s, &t->window.from);
		put(s, " .. deadline");
	}
	else if (t->has_window)
	{
		put(s, " within ");
		put_range(s, &t->window);
	}
}

/*
 * Print the subexpression that ends at node index `end` of a postfix
 * program; returns the index of its first node.
 */
static int
put_expr(sink *s, const absolv_variant *v, const absolv_expr *e, int end,
		 uint8_t parent_op)
{
	const absolv_node *n = &e->nodes[end];
	int			starts[ABSOLV_MAX_NODES];
	int			pos = end - 1;
	bool		parens;

	if (n->op == ABSOLV_NODE_TERM)
	{
		put_term(s, &v->terms[n->arg]);
		return end;
	}
	/* find where each operand starts, right to left, without printing */
	for (int i = n->arg - 1; i >= 0; i--)
	{
		int			need = 1;

		while (need > 0)
		{
			need += e->nodes[pos].op == ABSOLV_NODE_TERM ? -1 : e->nodes[pos].arg - 1;
			pos--;
		}
		starts[i] = pos + 1;
	}
	parens = parent_op == ABSOLV_NODE_AND && n->op == ABSOLV_NODE_OR;
	if (parens)
		put(s, "(");
	for (int i = 0; i < n->arg; i++)
	{
		int			operand_end = i + 1 < n->arg ? starts[i + 1] - 1 : end - 1;

		if (i > 0)
			put(s, n->op == ABSOLV_NODE_AND ? " and " : " or ");
		put_expr(s, v, e, operand_end, n->op);
	}
	if (parens)
		put(s, ")");
	return pos + 1;
}

static void
put_variant_body(sink *s, const absolv_variant *v, const char *indent)
{
	put(s, "\n%swindow ", indent);
	put_range(s, &v->window);
	put(s, "\n%srequire ", indent);
	put_expr(s, v, &v->require, v->require.nnodes - 1, ABSOLV_NODE_TERM);
	if (v->exclude.nnodes > 0)
	{
		put(s, "\n%sexclude ", indent);
		put_expr(s, v, &v->exclude, v->exclude.nnodes - 1, ABSOLV_NODE_TERM);
	}
}

size_t
absolv_expr_print(const absolv_variant *variant, const absolv_expr *expr, int end,
				  char *buf, size_t size)
{
	sink		s = {buf, size, 0};

	if (size > 0)
		buf[0] = '\0';
	put_expr(&s, variant, expr, end, ABSOLV_NODE_TERM);
	return s.len;
}

size_t
absolv_rule_print(const absolv_rule *rule, char *buf, size_t size)
{
	sink		s = {buf, size, 0};

	if (size > 0)
		buf[0] = '\0';
	put(&s, "rule %s", rule->name);
	if (rule->description[0])
	{
		put(&s, " ");
		put_quoted(&s, rule->description);
	}
	put_scope(&s, &rule->scope);
	if (!rule->has_variants)
		put_variant_body(&s, &rule->variants[0], "  ");
	else
		for (int i = 0; i < rule->nvariants; i++)
		{
			const absolv_variant *v = &rule->variants[i];

			put(&s, "\n  variant %s", v->name);
			if (v->description[0])
			{
				put(&s, " ");
				put_quoted(&s, v->description);
			}
			put(&s, "\n    ");
			put_condition(&s, &v->when);
			put_variant_body(&s, v, "    ");
		}
	for (int i = 0; i < rule->nsteps; i++)
	{
		const absolv_step *st = &rule->steps[i];

		put(&s, "\n  due ");
		put_quoted(&s, st->name);
		put(&s, " ");
		put_date(&s, &st->due);
		if (!st->when.otherwise)
		{
			put(&s, " ");
			put_condition(&s, &st->when);
		}
		if (st->description[0])
		{
			put(&s, " note ");
			put_quoted(&s, st->description);
		}
	}
	put(&s, "\n");
	return s.len;
}
