/*
 * evaluate.h
 *	  Evaluation of a compiled absolv rule: scope, windows, horizon, the
 *	  evidence of one participation, and its verdict.
 *
 * Plain C, no PostgreSQL headers, no allocation.
 */
#ifndef ABSOLV_EVALUATE_H
#define ABSOLV_EVALUATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "calendar.h"
#include "codes.h"
#include "rule.h"

/* the participation, with codes already looked up */
typedef struct absolv_participation
{
	bool		entry_null;
	bool		exit_null;
	absolv_day	entry;
	absolv_day	exit;
	int			measure;		/* absolv_measure or ABSOLV_CODE_UNKNOWN/NULL */
	int			outcome;		/* absolv_outcome; NULL maps to SUCCESS */
	int			customer_status;	/* code or ABSOLV_CODE_NULL */
	int			legal_sphere;	/* code or ABSOLV_CODE_NULL */
	int			cosach_status;	/* letter index or ABSOLV_CODE_NULL */
	int			goal;			/* absolv_goal or ABSOLV_CODE_NULL */
} absolv_participation;

/* why a participation is or is not in scope, in the order checked */
typedef enum absolv_scope_result
{
	ABSOLV_SCOPE_IN = 0,
	ABSOLV_SCOPE_INVALID,		/* no entry/exit, infinite, or exit < entry */
	ABSOLV_SCOPE_MEASURE,
	ABSOLV_SCOPE_DURATION,
	ABSOLV_SCOPE_OUTCOME,
	ABSOLV_SCOPE_CUSTOMER_STATUS,
	ABSOLV_SCOPE_LEGAL_SPHERE,
	ABSOLV_SCOPE_COSACH_STATUS,
	ABSOLV_SCOPE_GOAL
} absolv_scope_result;

extern const char *absolv_scope_result_name(absolv_scope_result r);

/* true if entry and exit are finite and exit >= entry */
extern bool absolv_dates_valid(const absolv_participation *p);

extern absolv_scope_result absolv_rule_scope(const absolv_rule *rule,
											 const absolv_participation *p);

/*
 * The participation attributes a rule's scope requires to be known for
 * every participation ("not null" on customer status, legal sphere or
 * CoSach status): bit (1u << r) for the absolv_scope_result r that names
 * the attribute.  0 when a participation without these attributes can be
 * in scope.  A "goal ... not null" concerns only some measures and is not
 * included.
 */
extern uint32_t absolv_scope_required_attributes(const absolv_rule *rule);

/* duration conditions (all must hold); entry and exit must be valid */
extern bool absolv_duration_holds(const absolv_duration_range *range,
								  absolv_day entry, absolv_day exit);

/*
 * Index of the variant that applies to a participation (first whose
 * condition holds; the last is "otherwise").  The duration is needed only if
 * some variant's condition tests it; pass entry_known = false when the
 * entry is unknown, and the function returns -1 if it would need it.
 */
extern int	absolv_select_variant(const absolv_rule *rule, bool entry_known,
								  absolv_day entry, absolv_day exit, int measure);

/* does the rule's window differ between its variants? */
extern bool absolv_window_depends_on_case(const absolv_rule *rule);

/* evaluate a date expression; false when it leaves the date range */
extern bool absolv_date_eval(const absolv_date_expr *expr, absolv_day entry,
							 absolv_day exit, absolv_day *result);
extern bool absolv_range_eval(const absolv_range_expr *range, absolv_day exit,
							  absolv_day *from, absolv_day *to);

/* the requirement window of a variant, for a given exit day */
extern bool absolv_variant_window(const absolv_variant *variant, absolv_day exit,
								  absolv_day *from, absolv_day *to);

/*
 * The horizon of a variant: every day of evidence it can look at (window,
 * term windows, follow-up limits, exclusion windows), as one closed range.
 */
extern bool absolv_variant_horizon(const absolv_variant *variant, absolv_day exit,
								   absolv_day *from, absolv_day *to);

/* hull of the horizons of all variants */
extern bool absolv_rule_horizon(const absolv_rule *rule, absolv_day exit,
								absolv_day *from, absolv_day *to);

/*
 * The evidence of one participation under one rule, accumulated row by
 * row.  No pointers but the rule: it is the state of the aggregate
 * absolv_compliant and can be copied byte for byte, merged and serialized.
 * Its size is that of the variant that applies to the participation: a
 * fixed part, then per evidence term of the variant its window and its
 * earliest evidence, then per follow-up term of the variant its bitmaps.
 * absolv_case_size gives the bytes a case needs; a case on the stack is an
 * absolv_case_buf, which has room for any rule.
 */
#define ABSOLV_FOLLOWUP_WORDS (ABSOLV_FOLLOWUP_DAYS / 64)

typedef struct absolv_followup_state
{
	absolv_day	base;			/* day of bit 0: first day of the term's window */
	absolv_day	last;			/* last day a response can count */
	uint64_t	triggers[ABSOLV_FOLLOWUP_WORDS];	/* trigger days in window */
	uint64_t	responses[ABSOLV_FOLLOWUP_WORDS];	/* response days */
} absolv_followup_state;

typedef struct absolv_case_term
{
	absolv_day	from;			/* the term's window */
	absolv_day	to;
	absolv_day	first;			/* earliest day of evidence that satisfies a
								 * plain term, or +infinity */
} absolv_case_term;

typedef struct absolv_case
{
	const absolv_rule *rule;
	uint8_t		variant;		/* index into rule->variants */
	bool		invalid;		/* participation data invalid: verdict NULL */
	bool		entry_null;
	bool		exit_null;
	absolv_day	entry;
	absolv_day	exit;
	int			measure;
	absolv_day	window_from;
	absolv_day	window_to;
	absolv_day	horizon_from;
	absolv_day	horizon_to;
	uint8_t		room_terms;		/* terms this case has room for */
	uint8_t		room_followups; /* follow-up states it has room for */
	uint8_t		nfollowups;
	uint8_t		followup_term[ABSOLV_MAX_FOLLOWUPS];
	absolv_case_term terms[];	/* room_terms of them; then, 8-aligned,
								 * room_followups absolv_followup_states */
} absolv_case;

/* the bytes of a case with room for nterms terms and nfollowups follow-ups */
#define ABSOLV_CASE_FOLLOWUPS_OFFSET(nterms) \
	((offsetof(absolv_case, terms) + (size_t) (nterms) * sizeof(absolv_case_term) + 7) & ~(size_t) 7)
#define ABSOLV_CASE_BYTES(nterms, nfollowups) \
	(ABSOLV_CASE_FOLLOWUPS_OFFSET(nterms) + (size_t) (nfollowups) * sizeof(absolv_followup_state))
#define ABSOLV_CASE_MAX_SIZE ABSOLV_CASE_BYTES(ABSOLV_MAX_TERMS, ABSOLV_MAX_FOLLOWUPS)

/* a case with room for any rule, for the stack */
typedef union absolv_case_buf
{
	absolv_case c;
	uint64_t	bytes[ABSOLV_CASE_MAX_SIZE / 8];
} absolv_case_buf;

/*
 * The bytes absolv_case_init needs for a participation under a rule: room
 * for the variant that applies to it.  With p NULL, room for any
 * participation (the most terms and follow-ups of any variant).
 */
extern size_t absolv_case_size(const absolv_rule *rule, const absolv_participation *p);

/* the bytes a case uses (to copy it) */
extern size_t absolv_case_bytes(const absolv_case *c);

/*
 * Start a case in absolv_case_size(rule, p) bytes at c.  Never fails: invalid participation data (no or infinite
 * dates, exit < entry, a window outside the date range) give a case with
 * invalid = true, which ignores evidence and evaluates to NULL.
 */
extern void absolv_case_init(absolv_case *c, const absolv_rule *rule,
							 const absolv_participation *p);

/*
 * Add one evidence row.  kind is an absolv_evidence_kind or
 * ABSOLV_CODE_UNKNOWN (ignored); valid_until_null for an open-ended one.
 */
extern void absolv_case_add(absolv_case *c, int kind, absolv_day at,
							bool valid_until_null, absolv_day valid_until);

/* merge src into dst; both must describe the same participation */
extern void absolv_case_merge(absolv_case *dst, const absolv_case *src);

/*
 * Leave out of a case the evidence dated after as_of: afterwards it is the
 * case that only the evidence dated on or before as_of would have built.
 */
extern void absolv_case_cut(absolv_case *c, absolv_day as_of);

/* per-term truth, after all evidence */
extern bool absolv_case_term_holds(const absolv_case *c, int term);

/* does the variant's exclusion hold (documented exception)? */
extern bool absolv_case_excluded(const absolv_case *c);

/* the result of absolv_compliant: 1 true, 0 false, -1 NULL (excluded or invalid) */
extern int	absolv_case_compliant(const absolv_case *c);

/*
 * The verdict of a case as of a day (docs/rules.md).  The caller
 * passes only evidence dated on or before that day.
 */
typedef enum absolv_status
{
	ABSOLV_STATUS_EXCLUDED = 0,	/* documented exception */
	ABSOLV_STATUS_FULFILLED,
	ABSOLV_STATUS_PENDING,		/* not fulfilled, still possible */
	ABSOLV_STATUS_MISSED,		/* not fulfilled, no longer possible */
	ABSOLV_STATUS_INVALID		/* the participation's own data */
} absolv_status;

#define ABSOLV_MAX_EVIDENCE_DATES (ABSOLV_MAX_TERMS * 2)

typedef struct absolv_verdict
{
	absolv_status status;
	absolv_day	window_from;	/* the requirement window (valid unless invalid) */
	absolv_day	window_to;
	bool		has_last_day;
	absolv_day	last_day;		/* pending or missed: the last day to act */
	int			nparts;			/* parts of the requirement (operands of its top "and") */
	uint32_t	missing;		/* bit i: part i does not hold */
	int			nevidence;
	absolv_day	evidence[ABSOLV_MAX_EVIDENCE_DATES];	/* days of evidence that
														 * satisfied a term, sorted */
} absolv_verdict;

extern const char *absolv_status_name(absolv_status s);

extern void absolv_case_verdict(const absolv_case *c, absolv_day as_of,
								absolv_verdict *verdict);

/*
 * The parts of a variant's requirement: the operands of its top-level
 * "and", or the whole requirement if it is no "and".  absolv_part_print
 * writes the canonical text of part i (snprintf-like).
 */
extern int	absolv_requirement_parts(const absolv_variant *variant);
extern size_t absolv_part_print(const absolv_variant *variant, int part,
								char *buf, size_t size);

/*
 * Schedule: for step group g (0, 1, ... in order of first appearance),
 * the index of the step that applies, or -1.  absolv_schedule_groups gives
 * the number of groups.
 */
extern int	absolv_schedule_groups(const absolv_rule *rule);
extern int	absolv_schedule_step(const absolv_rule *rule, int group,
								 absolv_day entry, absolv_day exit, int measure);

/*
 * Serialized form: a version byte and the fields that evidence changes,
 * little-endian, with the rule left out (the caller stores a reference to
 * it); described in docs/scale-out.md, section "The bytes of a state".
 * absolv_case_serialize returns the number of bytes written (at most
 * ABSOLV_CASE_SERIAL_MAX), absolv_case_deserialize false on any malformed
 * input.
 */
#define ABSOLV_CASE_SERIAL_VERSION 2
#define ABSOLV_CASE_SERIAL_MAX 2048
extern size_t absolv_case_serialize(const absolv_case *c, uint8_t *buf, size_t size);
extern bool absolv_case_deserialize(const uint8_t *buf, size_t len,
									const absolv_rule *rule, absolv_case *c);

#endif							/* ABSOLV_EVALUATE_H */
