/*
 * case_state.h
 *	  The state of the aggregates over the evidence of one participation
 *	  (absolv_compliant, absolv_verdict, absolv_partial_agg,
 *	  absolv_partial_merge), shared by the files that build and merge it
 *	  (case_state.c), ship it (state_wire.c) and finish it
 *	  (case_aggregates.c, partial_state.c, verdict_row.c).
 *
 * The state is the core's absolv_case, which accumulates the evidence, plus
 * what the glue needs to check that every row belongs to the same
 * participation: the cached rule, the raw measure text (entry and exit are
 * in the case) and, for absolv_verdict, the as_of day.
 */
#ifndef ABSOLV_CASE_STATE_H
#define ABSOLV_CASE_STATE_H

#include "absolv_pg.h"

/* the aggregate whose state a serialized state is (its byte 1) */
#define ABSOLV_STATE_COMPLIANT	0	/* also absolv_partial_agg, absolv_partial */
#define ABSOLV_STATE_VERDICT	1

/* what differs between the aggregates that share the state */
typedef struct absolv_state_kind
{
	const char *name;			/* SQL name, for messages */
	uint8		id;				/* ABSOLV_STATE_COMPLIANT or ABSOLV_STATE_VERDICT */
	int			rule_arg;		/* argument of the transition function, or 0 */
	int			as_of_arg;		/* argument of the transition function, or 0 */
	const char *same_on_every_row;	/* for the hint of a mismatch */
} absolv_state_kind;

typedef struct absolv_case_state
{
	const absolv_cached_rule *rule; /* in a cache kept until query end */
	uint32		size;			/* bytes of the whole state */
	bool		rule_constant;	/* constant rule argument: no per-row check */
	bool		as_of_null;		/* always for absolv_compliant */
	bool		measure_null;
	absolv_day	as_of;
	int			measure_len;
	char		measure[FLEXIBLE_ARRAY_MEMBER]; /* raw text, no NUL; then,
												 * MAXALIGNed, the case */
} absolv_case_state;

/* the case of a state: entry, exit and the evidence so far */
#define ABSOLV_STATE_CASE_OFFSET(measure_len) \
	MAXALIGN(offsetof(absolv_case_state, measure) + (measure_len))
#define ABSOLV_STATE_CASE(state) \
	((absolv_case *) ((char *) (state) + ABSOLV_STATE_CASE_OFFSET((state)->measure_len)))

/* case_state.c: building and merging states */

/*
 * A new state in cxt for rule and a measure (NULL or measure_len bytes),
 * with room for a case of case_bytes bytes (absolv_case_size); the case
 * is not initialized, as_of is NULL and the rule argument not constant.
 */
extern absolv_case_state *absolv_state_new(MemoryContext cxt,
										   const absolv_cached_rule *rule,
										   const char *measure, int measure_len,
										   size_t case_bytes);

/*
 * The transition function of the aggregates: add one evidence row
 * (arguments entry, exit, measure, kind, at, valid_until, then as_of and
 * rule as kind says) to the state of its group.
 */
extern Datum absolv_state_transfn(FunctionCallInfo fcinfo,
								  const absolv_state_kind *kind);

/*
 * Merge right into left (either may be NULL; a copy of right in aggcontext
 * when left is NULL); 42803, in the name of kind, if they describe
 * different participations or rules.
 */
extern absolv_case_state *absolv_state_merge(const absolv_state_kind *kind,
											 MemoryContext aggcontext,
											 absolv_case_state *left,
											 const absolv_case_state *right);

/* absolv_state_merge as a combine function: states in arguments 0 and 1 */
extern Datum absolv_state_combinefn(FunctionCallInfo fcinfo,
									const absolv_state_kind *kind);

/* state_wire.c: the bytes of a state (the format: docs/scale-out.md) */

extern bytea *absolv_state_serialize(const absolv_case_state *state,
									 const absolv_state_kind *kind);

/*
 * Read the bytes of a state (XX001, in the name of kind, if malformed) into
 * a state in the current memory context that points into the rule cache of
 * flinfo (see absolv_rule_cache_keep).  from_outside: a value from outside
 * the database, whose rule text and measure text are checked too.
 */
extern absolv_case_state *absolv_state_deserialize(FmgrInfo *flinfo,
												   const absolv_state_kind *kind,
												   const char *data, size_t len,
												   bool from_outside);

/* the two as serialization and deserialization functions */
extern Datum absolv_state_serialfn(FunctionCallInfo fcinfo,
								   const absolv_state_kind *kind);
extern Datum absolv_state_deserialfn(FunctionCallInfo fcinfo,
									 const absolv_state_kind *kind);

/* verdict_row.c: the absolv_verdict_result of a case */

/*
 * The verdict of case c under rule as of a day, as an absolv_verdict_result
 * for a function that returns one; the case holds no evidence dated after
 * as_of.
 */
extern Datum absolv_verdict_row(FunctionCallInfo fcinfo,
								const absolv_cached_rule *rule,
								const absolv_case *c, absolv_day as_of);

#endif							/* ABSOLV_CASE_STATE_H */
