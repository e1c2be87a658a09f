/*
 * evaluate.c
 *	  Evaluation of compiled absolv rules: scope, windows and horizon,
 *	  the evidence of one participation (absolv_case), its verdict, its
 *	  schedule, and the serialized form of a case.
 *
 * Date conventions are those of docs/rules.md ("Counting days").
 */
#include "evaluate.h"

#include <string.h>

/* ------------------------------------------------------------- scope */

const char *
absolv_scope_result_name(absolv_scope_result r)
{
	static const char *const names[] = {
		"in scope", "invalid data", "measure", "duration", "outcome",
		"customer status", "legal sphere", "CoSach status", "goal"
	};

	return (unsigned) r < sizeof(names) / sizeof(names[0]) ? names[r] : NULL;
}

bool
absolv_dates_valid(const absolv_participation *p)
{
	return !p->entry_null && !p->exit_null &&
		absolv_day_is_valid(p->entry) && absolv_day_is_valid(p->exit) &&
		p->exit >= p->entry;
}

/* one duration condition (docs/rules.md, "Counting days") */
static bool
duration_cond_holds(const absolv_duration_cond *c, absolv_day entry, absolv_day exit)
{
	bool		holds;

	if (c->unit == ABSOLV_UNIT_MONTHS)
	{
		absolv_day	bound;
		bool		at_least = c->cmp == ABSOLV_CMP_AT_LEAST || c->cmp == ABSOLV_CMP_LESS_THAN;

		/*
		 * at least n months: exit >= entry + n months - 1 day; more than n
		 * months: exit >= entry + n months.  A bound past the end of the
		 * date range is never reached.
		 */
		if (!absolv_add_months(entry, c->amount, &bound))
			holds = false;
		else
			holds = at_least ? (int64_t) exit + 1 >= bound : exit >= bound;
		return (c->cmp == ABSOLV_CMP_AT_LEAST || c->cmp == ABSOLV_CMP_MORE_THAN) ? holds : !holds;
	}
	else
	{
		int64_t		days = (int64_t) exit - entry + 1;
		int64_t		n = c->unit == ABSOLV_UNIT_WEEKS ? 7 * (int64_t) c->amount : c->amount;

		switch (c->cmp)
		{
			case ABSOLV_CMP_AT_LEAST:
				return days >= n;
			case ABSOLV_CMP_MORE_THAN:
				return days > n;
			case ABSOLV_CMP_AT_MOST:
				return days <= n;
			default:
				return days < n;
		}
	}
}

bool
absolv_duration_holds(const absolv_duration_range *range, absolv_day entry, absolv_day exit)
{
	for (int i = 0; i < ABSOLV_MAX_DURATION_CONDS; i++)
		if (range->conds[i].present &&
			!duration_cond_holds(&range->conds[i], entry, exit))
			return false;
	return true;
}

/* does a coded attribute pass a filter? */
static bool
filter_passes(const absolv_attr_filter *f, int code)
{
	if (!f->present)
		return true;
	if (code < 0)
		return f->null_passes;
	return (f->accepted & (1u << code)) != 0;
}

absolv_scope_result
absolv_rule_scope(const absolv_rule *rule, const absolv_participation *p)
{
	const absolv_scope *s = &rule->scope;
	const absolv_measure_scope *ms;
	int			outcome;

	if (!absolv_dates_valid(p))
		return ABSOLV_SCOPE_INVALID;
	if (p->measure < 0 || !(s->measures & ABSOLV_MEASURE_BIT(p->measure)))
		return ABSOLV_SCOPE_MEASURE;
	ms = &s->per_measure[p->measure];
	if (!absolv_duration_holds(&s->duration, p->entry, p->exit) ||
		!absolv_duration_holds(&ms->duration, p->entry, p->exit))
		return ABSOLV_SCOPE_DURATION;
	outcome = p->outcome < 0 ? ABSOLV_OUTCOME_SUCCESS : p->outcome;
	if (!(s->outcomes & (1u << outcome)))
		return ABSOLV_SCOPE_OUTCOME;
	if (!filter_passes(&s->customer_status, p->customer_status))
		return ABSOLV_SCOPE_CUSTOMER_STATUS;
	if (!filter_passes(&s->legal_sphere, p->legal_sphere))
		return ABSOLV_SCOPE_LEGAL_SPHERE;
	if (!filter_passes(&s->cosach_status, p->cosach_status))
		return ABSOLV_SCOPE_COSACH_STATUS;
	if (!filter_passes(&ms->goal, p->goal))
		return ABSOLV_SCOPE_GOAL;
	return ABSOLV_SCOPE_IN;
}

/* -------------------------------------------------------- conditions */

uint32_t
absolv_scope_required_attributes(const absolv_rule *rule)
{
	const absolv_scope *s = &rule->scope;
	uint32_t	bits = 0;

	if (s->customer_status.present && !s->customer_status.null_passes)
		bits |= 1u << ABSOLV_SCOPE_CUSTOMER_STATUS;
	if (s->legal_sphere.present && !s->legal_sphere.null_passes)
		bits |= 1u << ABSOLV_SCOPE_LEGAL_SPHERE;
	if (s->cosach_status.present && !s->cosach_status.null_passes)
		bits |= 1u << ABSOLV_SCOPE_COSACH_STATUS;
	return bits;
}

/*
 * Does a variant's or step's condition hold?  Returns -1 if it tests the
 * duration and the entry is unknown.
 */
static int
condition_holds(const absolv_condition *c, bool entry_known, absolv_day entry,
				absolv_day exit, int measure)
{
	if (c->otherwise)
		return 1;
	if (c->measures && (measure < 0 || !(c->measures & ABSOLV_MEASURE_BIT(measure))))
		return 0;
	if (c->duration.conds[0].present)
	{
		if (!entry_known)
			return -1;
		return absolv_duration_holds(&c->duration, entry, exit) ? 1 : 0;
	}
	return 1;
}

int
absolv_select_variant(const absolv_rule *rule, bool entry_known, absolv_day entry,
					  absolv_day exit, int measure)
{
	for (int i = 0; i < rule->nvariants; i++)
	{
		int			h = condition_holds(&rule->variants[i].when, entry_known,
										entry, exit, measure);

		if (h != 0)
			return h > 0 ? i : -1;
	}
	return -1;					/* unreachable: the last variant is "otherwise" */
}

static bool
date_expr_equal(const absolv_date_expr *a, const absolv_date_expr *b)
{
	if (a->anchor != b->anchor || a->noffsets != b->noffsets)
		return false;
	for (int i = 0; i < a->noffsets; i++)
		if (a->offsets[i].amount != b->offsets[i].amount ||
			a->offsets[i].unit != b->offsets[i].unit)
			return false;
	return true;
}

/*
 * Do two date expressions give the same day for every exit?  Structurally
 * equal ones do, and so do two made of days and weeks only that add up to
 * the same number of days ("exit + 2 weeks", "exit + 14 days").
 */
static bool
date_expr_same_day(const absolv_date_expr *a, const absolv_date_expr *b)
{
	int64_t		days[2] = {0, 0};
	const absolv_date_expr *e[2] = {a, b};

	if (date_expr_equal(a, b))
		return true;
	if (a->anchor != b->anchor)
		return false;
	for (int k = 0; k < 2; k++)
		for (int i = 0; i < e[k]->noffsets; i++)
		{
			if (e[k]->offsets[i].unit == ABSOLV_UNIT_MONTHS)
				return false;
			days[k] += (e[k]->offsets[i].unit == ABSOLV_UNIT_WEEKS ? 7 : 1) *
				(int64_t) e[k]->offsets[i].amount;
		}
	return days[0] == days[1];
}

bool
absolv_window_depends_on_case(const absolv_rule *rule)
{
	for (int i = 1; i < rule->nvariants; i++)
		if (!date_expr_same_day(&rule->variants[i].window.from, &rule->variants[0].window.from) ||
			!date_expr_same_day(&rule->variants[i].window.to, &rule->variants[0].window.to))
			return true;
	return false;
}

/* ----------------------------------------------------------- windows */

bool
absolv_date_eval(const absolv_date_expr *expr, absolv_day entry, absolv_day exit,
				 absolv_day *result)
{
	absolv_day	d = expr->anchor == ABSOLV_ANCHOR_ENTRY ? entry : exit;

	if (!absolv_day_is_valid(d))
		return false;
	for (int i = 0; i < expr->noffsets; i++)
	{
		const absolv_offset *o = &expr->offsets[i];
		bool		ok;

		if (o->unit == ABSOLV_UNIT_MONTHS)
			ok = absolv_add_months(d, o->amount, &d);
		else
			ok = absolv_add_days(d, o->unit == ABSOLV_UNIT_WEEKS ? 7 * (int64_t) o->amount : o->amount, &d);
		if (!ok)
			return false;
	}
	*result = d;
	return true;
}

bool
absolv_range_eval(const absolv_range_expr *range, absolv_day exit,
				  absolv_day *from, absolv_day *to)
{
	absolv_day	f,
				t;

	if (!absolv_date_eval(&range->from, exit, exit, &f) ||
		!absolv_date_eval(&range->to, exit, exit, &t) || f > t)
		return false;
	*from = f;
	*to = t;
	return true;
}

bool
absolv_variant_window(const absolv_variant *variant, absolv_day exit,
					  absolv_day *from, absolv_day *to)
{
	return absolv_range_eval(&variant->window, exit, from, to);
}

/* last day a follow-up response may fall on, for a trigger on day */
static bool
followup_limit(const absolv_term *t, absolv_day day, absolv_day *limit)
{
	switch (t->limit_unit)
	{
		case ABSOLV_UNIT_WORKING_DAYS:
			return absolv_add_working_days(day, t->limit_amount, (absolv_land) t->land, limit);
		case ABSOLV_UNIT_WEEKS:
			return absolv_add_days(day, 7 * (int64_t) t->limit_amount, limit);
		default:
			return absolv_add_days(day, t->limit_amount, limit);
	}
}

/*
 * The days of term t of a variant whose window [window_from, window_to]
 * was computed for an exit day: its window [*from, *to] (its own, or the
 * variant's), and *last, the last day evidence for it can fall on: *to, or
 * for a follow-up, whose response may come after the window, the limit
 * after *to.  A window that ends at the deadline ends at deadline_bound,
 * the latest day the deadline can ever be (requirement_bound).  False when
 * a day leaves the date range.
 */
static bool
term_days(const absolv_term *t, absolv_day exit, absolv_day window_from,
		  absolv_day window_to, absolv_day deadline_bound, absolv_day *from,
		  absolv_day *to, absolv_day *last)
{
	*from = window_from;
	*to = window_to;
	if (t->has_window && t->to_deadline)
	{
		if (!absolv_date_eval(&t->window.from, 0, exit, from))
			return false;
		*to = deadline_bound;
	}
	else if (t->has_window && !absolv_range_eval(&t->window, exit, from, to))
		return false;
	*last = *to;
	return !t->is_followup || followup_limit(t, *to, last);
}

/*
 * The latest day on which the requirement of a variant can ever be met:
 * the latest last day of its terms (the end of the variant's window at
 * the least).  Terms that end at the deadline belong to exclusions only,
 * so none of the requirement's terms needs this bound itself; a variant
 * without such a term needs no bound, and case init skips the walk.
 */
static bool
requirement_bound(const absolv_variant *variant, absolv_day exit,
				  absolv_day window_from, absolv_day window_to, absolv_day *bound)
{
	const absolv_expr *req = &variant->require;
	bool		needed = false;

	*bound = window_to;
	/* only a term that ends at the deadline uses the bound */
	for (int i = 0; i < variant->nterms && !needed; i++)
		needed = variant->terms[i].to_deadline;
	if (!needed)
		return true;
	for (int n = 0; n < req->nnodes; n++)
	{
		absolv_day	f,
					t,
					last;

		if (req->nodes[n].op != ABSOLV_NODE_TERM)
			continue;
		if (!term_days(&variant->terms[req->nodes[n].arg], exit, window_from,
					   window_to, window_to, &f, &t, &last))
			return false;
		if (last > *bound)
			*bound = last;
	}
	return true;
}

bool
absolv_variant_horizon(const absolv_variant *variant, absolv_day exit,
					   absolv_day *from, absolv_day *to)
{
	absolv_day	window_from,
				window_to,
				deadline_bound,
				f,
				t;

	if (!absolv_variant_window(variant, exit, &window_from, &window_to) ||
		!requirement_bound(variant, exit, window_from, window_to, &deadline_bound))
		return false;
	f = window_from;
	t = window_to;
	for (int i = 0; i < variant->nterms; i++)
	{
		absolv_day	tf,
					tt,
					last;

		if (!term_days(&variant->terms[i], exit, window_from, window_to,
					   deadline_bound, &tf, &tt, &last))
			return false;
		if (tf < f)
			f = tf;
		if (last > t)
			t = last;
	}
	*from = f;
	*to = t;
	return true;
}

bool
absolv_rule_horizon(const absolv_rule *rule, absolv_day exit,
					absolv_day *from, absolv_day *to)
{
	for (int i = 0; i < rule->nvariants; i++)
	{
		absolv_day	f,
					t;

		if (!absolv_variant_horizon(&rule->variants[i], exit, &f, &t))
			return false;
		if (i == 0 || f < *from)
			*from = f;
		if (i == 0 || t > *to)
			*to = t;
	}
	return true;
}

/* -------------------------------------------------------------- cases */

/* the follow-up states of a case, after its terms */
#define FOLLOWUPS(c) \
	((absolv_followup_state *) ((char *) (c) + ABSOLV_CASE_FOLLOWUPS_OFFSET((c)->room_terms)))

/* the variant that applies to a participation, or -1 (invalid dates too) */
static int
case_variant(const absolv_rule *rule, const absolv_participation *p)
{
	if (!absolv_dates_valid(p))
		return -1;
	return absolv_select_variant(rule, true, p->entry, p->exit, p->measure);
}

/* the follow-up terms of a variant */
static int
variant_followups(const absolv_variant *v)
{
	int			n = 0;

	for (int i = 0; i < v->nterms; i++)
		n += v->terms[i].is_followup;
	return n;
}

size_t
absolv_case_size(const absolv_rule *rule, const absolv_participation *p)
{
	int			nterms = 0;
	int			nfollowups = 0;

	if (p != NULL)
	{
		int			variant = case_variant(rule, p);

		if (variant < 0)
			return ABSOLV_CASE_BYTES(0, 0);
		return ABSOLV_CASE_BYTES(rule->variants[variant].nterms,
								 variant_followups(&rule->variants[variant]));
	}
	for (int v = 0; v < rule->nvariants; v++)
	{
		int			followups = variant_followups(&rule->variants[v]);

		if (rule->variants[v].nterms > nterms)
			nterms = rule->variants[v].nterms;
		if (followups > nfollowups)
			nfollowups = followups;
	}
	return ABSOLV_CASE_BYTES(nterms, nfollowups);
}

size_t
absolv_case_bytes(const absolv_case *c)
{
	return ABSOLV_CASE_BYTES(c->room_terms, c->room_followups);
}

void
absolv_case_init(absolv_case *c, const absolv_rule *rule, const absolv_participation *p)
{
	const absolv_variant *v;
	int			variant;
	absolv_day	deadline_bound;

	variant = case_variant(rule, p);
	memset(c, 0, offsetof(absolv_case, terms));
	c->rule = rule;
	c->entry_null = p->entry_null;
	c->exit_null = p->exit_null;
	c->entry = p->entry_null ? 0 : p->entry;
	c->exit = p->exit_null ? 0 : p->exit;
	c->measure = p->measure;
	c->invalid = true;
	if (variant < 0)
		return;
	c->variant = (uint8_t) variant;
	v = &rule->variants[variant];
	c->room_terms = v->nterms;
	c->room_followups = (uint8_t) variant_followups(v);
	memset(c->terms, 0, absolv_case_bytes(c) - offsetof(absolv_case, terms));
	if (!absolv_variant_window(v, c->exit, &c->window_from, &c->window_to) ||
		!requirement_bound(v, c->exit, c->window_from, c->window_to, &deadline_bound))
		return;

	/*
	 * The horizon is absolv_variant_horizon's hull of the window and the
	 * terms' days, built from the days the case keeps anyway.
	 */
	c->horizon_from = c->window_from;
	c->horizon_to = c->window_to;
	for (int i = 0; i < v->nterms; i++)
	{
		const absolv_term *t = &v->terms[i];
		absolv_day	last;

		if (!term_days(t, c->exit, c->window_from, c->window_to, deadline_bound,
					   &c->terms[i].from, &c->terms[i].to, &last))
			return;
		c->terms[i].first = ABSOLV_DAY_POS_INFINITY;
		if (t->is_followup)
		{
			absolv_followup_state *f = &FOLLOWUPS(c)[c->nfollowups];

			f->base = c->terms[i].from;
			f->last = last;
			if ((int64_t) f->last - f->base >= ABSOLV_FOLLOWUP_DAYS)
				return;
			c->followup_term[c->nfollowups++] = (uint8_t) i;
		}
		if (c->terms[i].from < c->horizon_from)
			c->horizon_from = c->terms[i].from;
		if (last > c->horizon_to)
			c->horizon_to = last;
	}
	c->invalid = false;
}

/* set bit (day - base) of a follow-up bitmap */
static void
set_day(uint64_t *bits, absolv_day base, absolv_day day)
{
	uint32_t	off = (uint32_t) (day - base);

	bits[off / 64] |= (uint64_t) 1 << (off % 64);
}

static bool
test_day(const uint64_t *bits, absolv_day base, absolv_day day)
{
	uint32_t	off = (uint32_t) (day - base);

	return (bits[off / 64] >> (off % 64)) & 1;
}

/* does evidence meet a plain term's qualifier? */
static bool
qualifier_holds(uint8_t qualifier, absolv_day exit, absolv_day at,
				bool valid_until_null, absolv_day valid_until)
{
	bool		in_force_at_exit = valid_until_null || valid_until >= exit;

	switch (qualifier)
	{
		case ABSOLV_QUAL_IN_FORCE_AT_EXIT:
			return at <= exit && in_force_at_exit;
		case ABSOLV_QUAL_IN_FORCE_IF_CONCLUDED_BY_EXIT:
			return at > exit || in_force_at_exit;
		default:
			return true;
	}
}

void
absolv_case_add(absolv_case *c, int kind, absolv_day at,
				bool valid_until_null, absolv_day valid_until)
{
	const absolv_variant *v;
	int			slot = 0;

	if (c->invalid || kind < 0 || kind >= ABSOLV_KIND_COUNT ||
		at < c->horizon_from || at > c->horizon_to)
		return;
	v = &c->rule->variants[c->variant];
	for (int i = 0; i < v->nterms; i++)
	{
		const absolv_term *t = &v->terms[i];
		bool		in_window = at >= c->terms[i].from && at <= c->terms[i].to;

		if (t->is_followup)
		{
			absolv_followup_state *f = &FOLLOWUPS(c)[slot++];

			if (kind == t->trigger_kind && in_window)
				set_day(f->triggers, f->base, at);
			if (kind == t->kind && at > f->base && at <= f->last)
				set_day(f->responses, f->base, at);
		}
		else if (kind == t->kind && in_window && at < c->terms[i].first &&
				 qualifier_holds(t->qualifier, c->exit, at, valid_until_null, valid_until))
			c->terms[i].first = at;
	}
}

void
absolv_case_merge(absolv_case *dst, const absolv_case *src)
{
	if (dst->invalid || src->invalid)
		return;
	for (int i = 0; i < dst->room_terms && i < src->room_terms; i++)
		if (src->terms[i].first < dst->terms[i].first)
			dst->terms[i].first = src->terms[i].first;
	for (int k = 0; k < dst->nfollowups; k++)
		for (int w = 0; w < ABSOLV_FOLLOWUP_WORDS; w++)
		{
			FOLLOWUPS(dst)[k].triggers[w] |= FOLLOWUPS(src)[k].triggers[w];
			FOLLOWUPS(dst)[k].responses[w] |= FOLLOWUPS(src)[k].responses[w];
		}
}

/* clear the bits of the days after as_of in a follow-up bitmap */
static void
cut_bitmap(uint64_t *bits, absolv_day base, absolv_day as_of)
{
	/* the offset of as_of from base: bits after it go */
	int64_t		keep_to = (int64_t) as_of - (int64_t) base;

	for (int w = 0; w < ABSOLV_FOLLOWUP_WORDS; w++)
	{
		int64_t		first = (int64_t) w * 64;

		if (keep_to < first)
			bits[w] = 0;
		else if (keep_to - first < 63)
			bits[w] &= ((uint64_t) 1 << (keep_to - first + 1)) - 1;
	}
}

/*
 * Whether a piece of evidence satisfies a term never depends on the day a
 * verdict is asked for (only on its kind, its day, its valid_until and the
 * exit), so the case of the evidence dated on or before as_of is the case
 * of all the evidence cut at as_of: a plain term's earliest day if it is
 * on or before as_of, else none; the bits of the days up to as_of.
 */
void
absolv_case_cut(absolv_case *c, absolv_day as_of)
{
	if (c->invalid)
		return;
	for (int i = 0; i < c->rule->variants[c->variant].nterms; i++)
		if (c->terms[i].first != ABSOLV_DAY_POS_INFINITY && c->terms[i].first > as_of)
			c->terms[i].first = ABSOLV_DAY_POS_INFINITY;
	for (int k = 0; k < c->nfollowups; k++)
	{
		cut_bitmap(FOLLOWUPS(c)[k].triggers, FOLLOWUPS(c)[k].base, as_of);
		cut_bitmap(FOLLOWUPS(c)[k].responses, FOLLOWUPS(c)[k].base, as_of);
	}
}

/* slot of the follow-up state of term i */
static int
followup_slot(const absolv_case *c, int term)
{
	for (int k = 0; k < c->nfollowups; k++)
		if (c->followup_term[k] == term)
			return k;
	return -1;
}

/*
 * The follow-up bitmaps of term i are walked in one way only: trigger
 * days y of its window in day order, each with the last day its response
 * may fall on, capped at the bitmap's last day.  Returns the first trigger
 * day after *y (start with term_from - 1) and its limit; false when none.
 */
static bool
next_trigger(const absolv_case *c, int i, const absolv_followup_state *f,
			 absolv_day *y, absolv_day *limit)
{
	const absolv_term *t = &c->rule->variants[c->variant].terms[i];

	for ((*y)++; *y <= c->terms[i].to; (*y)++)
		if (test_day(f->triggers, f->base, *y) && followup_limit(t, *y, limit))
		{
			if (*limit > f->last)
				*limit = f->last;
			return true;
		}
	return false;
}

/*
 * The first pair of trigger day y and response day d of follow-up term i
 * with y < d <= limit(y), in the order of the trigger days; false if none.
 */
static bool
followup_pair(const absolv_case *c, int i, absolv_day *trigger, absolv_day *response)
{
	int			slot = followup_slot(c, i);
	const absolv_followup_state *f;
	absolv_day	y;
	absolv_day	limit;

	if (slot < 0)
		return false;
	f = &FOLLOWUPS(c)[slot];
	for (y = c->terms[i].from - 1; next_trigger(c, i, f, &y, &limit);)
		for (absolv_day d = y + 1; d <= limit; d++)
			if (test_day(f->responses, f->base, d))
			{
				*trigger = y;
				*response = d;
				return true;
			}
	return false;
}

static absolv_day term_last_day(const absolv_case *c, int i);

/*
 * The deadline of a case: the last day on which its requirement can still
 * be met with the evidence seen, the latest last day of the requirement's
 * terms (a missed appointment moves a follow-up's past its window).
 */
static absolv_day
case_deadline(const absolv_case *c)
{
	const absolv_expr *req = &c->rule->variants[c->variant].require;
	absolv_day	deadline = c->window_to;

	for (int n = 0; n < req->nnodes; n++)
	{
		absolv_day	last;

		if (req->nodes[n].op != ABSOLV_NODE_TERM)
			continue;
		last = term_last_day(c, req->nodes[n].arg);
		if (last > deadline)
			deadline = last;
	}
	return deadline;
}

bool
absolv_case_term_holds(const absolv_case *c, int term)
{
	const absolv_term *t = &c->rule->variants[c->variant].terms[term];
	absolv_day	trigger;
	absolv_day	response;

	if (!t->is_followup && t->to_deadline)
		return c->terms[term].first <= case_deadline(c);
	if (!t->is_followup)
		return c->terms[term].first != ABSOLV_DAY_POS_INFINITY;
	return followup_pair(c, term, &trigger, &response);
}

/* index of the first node of the subexpression that ends at node end */
static int
expr_start(const absolv_expr *e, int end)
{
	int			need = 1;
	int			pos = end;

	while (need > 0)
	{
		need += e->nodes[pos].op == ABSOLV_NODE_TERM ? -1 : e->nodes[pos].arg - 1;
		pos--;
	}
	return pos + 1;
}

/* run the postfix program of nodes [start, end] on given term values */
static bool
expr_eval(const absolv_expr *e, int start, int end, const bool *term_value)
{
	bool		stack[ABSOLV_MAX_NODES];
	int			top = 0;

	for (int i = start; i <= end; i++)
	{
		const absolv_node *n = &e->nodes[i];

		if (n->op == ABSOLV_NODE_TERM)
			stack[top++] = term_value[n->arg];
		else
		{
			bool		acc = n->op == ABSOLV_NODE_AND;

			for (int k = 0; k < n->arg; k++)
			{
				bool		v = stack[--top];

				acc = n->op == ABSOLV_NODE_AND ? (acc && v) : (acc || v);
			}
			stack[top++] = acc;
		}
	}
	return top == 1 && stack[0];
}

/* the truth of every term of the case's variant */
static void
term_values(const absolv_case *c, bool *values)
{
	const absolv_variant *v = &c->rule->variants[c->variant];

	for (int i = 0; i < v->nterms; i++)
		values[i] = absolv_case_term_holds(c, i);
}

/* does an expression hold with the evidence of the case? */
static bool
expr_holds(const absolv_case *c, const absolv_expr *e)
{
	bool		values[ABSOLV_MAX_TERMS];

	if (e->nnodes == 0)
		return false;
	term_values(c, values);
	return expr_eval(e, 0, e->nnodes - 1, values);
}

bool
absolv_case_excluded(const absolv_case *c)
{
	const absolv_variant *v = &c->rule->variants[c->variant];

	return !c->invalid && v->exclude.nnodes > 0 && expr_holds(c, &v->exclude);
}

int
absolv_case_compliant(const absolv_case *c)
{
	if (c->invalid || absolv_case_excluded(c))
		return -1;
	return expr_holds(c, &c->rule->variants[c->variant].require) ? 1 : 0;
}

/* ------------------------------------------------------------ verdicts */

const char *
absolv_status_name(absolv_status s)
{
	static const char *const names[] = {"excluded", "fulfilled", "pending", "missed", "invalid"};

	return (unsigned) s < sizeof(names) / sizeof(names[0]) ? names[s] : NULL;
}

/* node indexes where the parts of a requirement end; returns their number */
static int
part_ends(const absolv_expr *e, int *ends)
{
	int			root = e->nnodes - 1;
	int			pos = root - 1;

	if (e->nodes[root].op != ABSOLV_NODE_AND)
	{
		ends[0] = root;
		return 1;
	}
	for (int i = e->nodes[root].arg - 1; i >= 0; i--)
	{
		ends[i] = pos;
		pos = expr_start(e, pos) - 1;
	}
	return e->nodes[root].arg;
}

int
absolv_requirement_parts(const absolv_variant *variant)
{
	int			ends[ABSOLV_MAX_NODES];

	return part_ends(&variant->require, ends);
}

size_t
absolv_part_print(const absolv_variant *variant, int part, char *buf, size_t size)
{
	int			ends[ABSOLV_MAX_NODES];
	int			n = part_ends(&variant->require, ends);

	if (part < 0 || part >= n)
	{
		if (size > 0)
			buf[0] = '\0';
		return 0;
	}
	return absolv_expr_print(variant, &variant->require, ends[part], buf, size);
}

/*
 * The last day on which evidence can still satisfy term i, or -infinity:
 * the end of its window (the exit, for "in force at exit", which needs a
 * conclusion by the exit); for a follow-up, the end of its window (a
 * trigger may still come), or the limit of a trigger already seen if that
 * is later.
 */
static absolv_day
term_last_day(const absolv_case *c, int i)
{
	const absolv_term *t = &c->rule->variants[c->variant].terms[i];
	absolv_day	last;
	int			slot;

	if (!t->is_followup)
	{
		if (t->qualifier == ABSOLV_QUAL_IN_FORCE_AT_EXIT && c->exit < c->terms[i].to)
			return c->terms[i].from <= c->exit ? c->exit : ABSOLV_DAY_NEG_INFINITY;
		return c->terms[i].to;
	}
	last = c->terms[i].to;
	slot = followup_slot(c, i);
	if (slot >= 0)
		for (absolv_day y = c->terms[i].from - 1, limit;
			 next_trigger(c, i, &FOLLOWUPS(c)[slot], &y, &limit);)
			if (limit > last)
				last = limit;
	return last;
}

/* the days of evidence that satisfied term i (one, or two for a follow-up) */
static int
term_evidence(const absolv_case *c, int i, absolv_day *days)
{
	if (!c->rule->variants[c->variant].terms[i].is_followup)
	{
		days[0] = c->terms[i].first;
		return 1;
	}
	return followup_pair(c, i, &days[0], &days[1]) ? 2 : 0;
}

/* add a day to a sorted set of days */
static void
add_evidence_day(absolv_verdict *v, absolv_day day)
{
	int			i = 0;

	while (i < v->nevidence && v->evidence[i] < day)
		i++;
	if ((i < v->nevidence && v->evidence[i] == day) || v->nevidence >= ABSOLV_MAX_EVIDENCE_DATES)
		return;
	memmove(&v->evidence[i + 1], &v->evidence[i], (v->nevidence - i) * sizeof(absolv_day));
	v->evidence[i] = day;
	v->nevidence++;
}

void
absolv_case_verdict(const absolv_case *c, absolv_day as_of, absolv_verdict *verdict)
{
	const absolv_variant *v;
	bool		holds[ABSOLV_MAX_TERMS];
	bool		possible[ABSOLV_MAX_TERMS];
	absolv_day	last[ABSOLV_MAX_TERMS];
	bool		in_require[ABSOLV_MAX_TERMS];
	int			ends[ABSOLV_MAX_NODES];
	const absolv_expr *req;

	memset(verdict, 0, sizeof(*verdict));
	if (c->invalid)
	{
		verdict->status = ABSOLV_STATUS_INVALID;
		return;
	}
	v = &c->rule->variants[c->variant];
	req = &v->require;
	verdict->window_from = c->window_from;
	verdict->window_to = c->window_to;
	if (absolv_case_excluded(c))
	{
		verdict->status = ABSOLV_STATUS_EXCLUDED;
		return;
	}
	term_values(c, holds);
	/* only the requirement's terms count here, not the exclusion's */
	memset(in_require, 0, sizeof(in_require));
	for (int n = 0; n < req->nnodes; n++)
		if (req->nodes[n].op == ABSOLV_NODE_TERM)
			in_require[req->nodes[n].arg] = true;
	verdict->nparts = part_ends(req, ends);
	for (int p = 0; p < verdict->nparts; p++)
		if (!expr_eval(req, expr_start(req, ends[p]), ends[p], holds))
			verdict->missing |= 1u << p;
	for (int i = 0; i < v->nterms; i++)
	{
		absolv_day	days[2];
		int			n = holds[i] && in_require[i] ? term_evidence(c, i, days) : 0;

		for (int k = 0; k < n; k++)
			add_evidence_day(verdict, days[k]);
		last[i] = term_last_day(c, i);
	}
	if (verdict->missing == 0)
	{
		verdict->status = ABSOLV_STATUS_FULFILLED;
		return;
	}

	/*
	 * The last day to act: the latest day d on which the requirement can
	 * still come true, every term that does not hold yet being possible
	 * until its own last day.  Candidates are those last days.
	 */
	for (int i = 0; i < v->nterms; i++)
	{
		absolv_day	d = last[i];

		if (!in_require[i] || holds[i] || d == ABSOLV_DAY_NEG_INFINITY ||
			(verdict->has_last_day && d <= verdict->last_day))
			continue;
		for (int k = 0; k < v->nterms; k++)
			possible[k] = holds[k] || last[k] >= d;
		if (expr_eval(req, 0, req->nnodes - 1, possible))
		{
			verdict->has_last_day = true;
			verdict->last_day = d;
		}
	}
	/*
	 * A requirement that cannot come true any more (or never could) is due
	 * by the end of its window: "missed" means the window has closed
	 * (docs/rules.md, "What a verdict is").
	 */
	if (!verdict->has_last_day)
	{
		verdict->has_last_day = true;
		verdict->last_day = c->window_to;
	}

	/*
	 * Possibility only shrinks as days pass, so the case is pending exactly
	 * when that last day has not passed yet.
	 */
	verdict->status = verdict->last_day >= as_of ? ABSOLV_STATUS_PENDING : ABSOLV_STATUS_MISSED;
}

/* ----------------------------------------------------------- schedule */

/* is step i the first of its name? */
static bool
step_starts_group(const absolv_rule *rule, int i)
{
	for (int k = 0; k < i; k++)
		if (strcmp(rule->steps[k].name, rule->steps[i].name) == 0)
			return false;
	return true;
}

int
absolv_schedule_groups(const absolv_rule *rule)
{
	int			n = 0;

	for (int i = 0; i < rule->nsteps; i++)
		if (step_starts_group(rule, i))
			n++;
	return n;
}

int
absolv_schedule_step(const absolv_rule *rule, int group, absolv_day entry,
					 absolv_day exit, int measure)
{
	const char *name = NULL;

	for (int i = 0, g = -1; i < rule->nsteps; i++)
		if (step_starts_group(rule, i) && ++g == group)
		{
			name = rule->steps[i].name;
			break;
		}
	if (name == NULL)
		return -1;
	for (int i = 0; i < rule->nsteps; i++)
		if (strcmp(rule->steps[i].name, name) == 0 &&
			condition_holds(&rule->steps[i].when, true, entry, exit, measure) > 0)
			return i;
	return -1;
}

/* ------------------------------------------------------ serialization */

typedef struct writer
{
	uint8_t    *buf;
	size_t		size;
	size_t		len;
	bool		overflow;
} writer;

static void
write_bytes(writer *w, uint64_t value, int nbytes)
{
	if (w->len + nbytes > w->size)
	{
		w->overflow = true;
		return;
	}
	for (int i = 0; i < nbytes; i++)
		w->buf[w->len++] = (uint8_t) (value >> (8 * i));
}

typedef struct reader
{
	const uint8_t *buf;
	size_t		len;
	size_t		pos;
} reader;

/* read nbytes little-endian; false if fewer remain */
static bool
read_bytes(reader *r, int nbytes, uint64_t *value)
{
	if (r->len - r->pos < (size_t) nbytes)
		return false;
	*value = 0;
	for (int i = 0; i < nbytes; i++)
		*value |= (uint64_t) r->buf[r->pos++] << (8 * i);
	return true;
}

/* words of a follow-up bitmap in use */
static int
followup_words(const absolv_followup_state *f)
{
	return (int) (((int64_t) f->last - f->base) / 64 + 1);
}

size_t
absolv_case_serialize(const absolv_case *c, uint8_t *buf, size_t size)
{
	writer		w = {buf, size, 0, false};
	int			nterms = c->invalid ? 0 : c->rule->variants[c->variant].nterms;

	write_bytes(&w, ABSOLV_CASE_SERIAL_VERSION, 1);
	write_bytes(&w, (c->entry_null ? 1 : 0) | (c->exit_null ? 2 : 0), 1);
	write_bytes(&w, (uint32_t) c->entry, 4);
	write_bytes(&w, (uint32_t) c->exit, 4);
	write_bytes(&w, (uint32_t) c->measure, 4);
	write_bytes(&w, (uint64_t) nterms, 1);
	for (int i = 0; i < nterms; i++)
		write_bytes(&w, (uint32_t) c->terms[i].first, 4);
	write_bytes(&w, c->invalid ? 0 : c->nfollowups, 1);
	for (int k = 0; !c->invalid && k < c->nfollowups; k++)
	{
		const absolv_followup_state *f = &FOLLOWUPS(c)[k];
		int			words = followup_words(f);

		write_bytes(&w, (uint64_t) words, 2);
		for (int i = 0; i < words; i++)
			write_bytes(&w, f->triggers[i], 8);
		for (int i = 0; i < words; i++)
			write_bytes(&w, f->responses[i], 8);
	}
	return w.overflow ? 0 : w.len;
}

/* are all bits of a bitmap outside [0, last - base] clear? */
static bool
bits_within(const uint64_t *bits, int words, int64_t span)
{
	for (int64_t off = span + 1; off < (int64_t) words * 64; off++)
		if ((bits[off / 64] >> (off % 64)) & 1)
			return false;
	return true;
}

bool
absolv_case_deserialize(const uint8_t *buf, size_t len, const absolv_rule *rule,
						absolv_case *c)
{
	reader		r = {buf, len, 0};
	absolv_participation p;
	uint64_t	v,
				flags,
				nterms,
				nfollowups;
	int			expected_terms;

	memset(&p, 0, sizeof(p));
	if (!read_bytes(&r, 1, &v) || v != ABSOLV_CASE_SERIAL_VERSION ||
		!read_bytes(&r, 1, &flags) || flags > 3)
		return false;
	p.entry_null = (flags & 1) != 0;
	p.exit_null = (flags & 2) != 0;
	if (!read_bytes(&r, 4, &v))
		return false;
	p.entry = (absolv_day) (uint32_t) v;
	if (!read_bytes(&r, 4, &v))
		return false;
	p.exit = (absolv_day) (uint32_t) v;
	if (!read_bytes(&r, 4, &v))
		return false;
	p.measure = (int) (int32_t) (uint32_t) v;
	if (p.measure < ABSOLV_CODE_NULL || p.measure >= ABSOLV_MEASURE_COUNT)
		return false;
	absolv_case_init(c, rule, &p);
	/* a null date is stored as 0: anything else was not written by us */
	if ((p.entry_null && p.entry != 0) || (p.exit_null && p.exit != 0))
		return false;
	expected_terms = c->invalid ? 0 : rule->variants[c->variant].nterms;
	if (!read_bytes(&r, 1, &nterms) || nterms != (uint64_t) expected_terms)
		return false;
	for (int i = 0; i < expected_terms; i++)
	{
		absolv_day	d;

		if (!read_bytes(&r, 4, &v))
			return false;
		d = (absolv_day) (uint32_t) v;
		if (d != ABSOLV_DAY_POS_INFINITY && (d < c->terms[i].from || d > c->terms[i].to))
			return false;
		c->terms[i].first = d;
	}
	if (!read_bytes(&r, 1, &nfollowups) ||
		nfollowups != (uint64_t) (c->invalid ? 0 : c->nfollowups))
		return false;
	for (int k = 0; k < (int) nfollowups; k++)
	{
		absolv_followup_state *f = &FOLLOWUPS(c)[k];
		int			words = followup_words(f);

		if (!read_bytes(&r, 2, &v) || v != (uint64_t) words)
			return false;
		for (int i = 0; i < words; i++)
			if (!read_bytes(&r, 8, &f->triggers[i]))
				return false;
		for (int i = 0; i < words; i++)
			if (!read_bytes(&r, 8, &f->responses[i]))
				return false;
		if (!bits_within(f->triggers, words, (int64_t) f->last - f->base) ||
			!bits_within(f->responses, words, (int64_t) f->last - f->base))
			return false;
	}
	return r.pos == r.len;
}
