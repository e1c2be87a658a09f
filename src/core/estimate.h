/*
 * estimate.h
 *	  What a rule tells a query planner: the share of participations in the
 *	  rule's scope, given the shares of the codes in the data, and how many
 *	  days of evidence its horizon spans.
 *
 * Plain C, no PostgreSQL headers, no allocation.  The SQL glue fills the
 * shares from the column statistics; see docs/performance.md for the
 * model and its assumptions.
 */
#ifndef ABSOLV_ESTIMATE_H
#define ABSOLV_ESTIMATE_H

#include <stdbool.h>

#include "calendar.h"
#include "codes.h"
#include "rule.h"

/* the largest code list: CoSach status, one letter A..Z */
#define ABSOLV_MAX_CODES 32

/*
 * The shares of the values of one coded column, each between 0 and 1.
 * known false: nothing is known (no statistics); the other fields are then
 * ignored and a default is used.  share[code]: rows with that code (any of
 * its aliases).  null_share: NULL.  unknown_share: texts that are no code.
 * rest_share: rows whose values the statistics do not list one by one;
 * they are assumed to be spread like the listed ones.
 */
typedef struct absolv_code_shares
{
	bool		known;
	double		null_share;
	double		unknown_share;
	double		rest_share;
	double		share[ABSOLV_MAX_CODES];
} absolv_code_shares;

/* the shares of every coded argument of absolv_in_scope */
typedef struct absolv_scope_shares
{
	absolv_code_shares measure;
	absolv_code_shares outcome;
	absolv_code_shares customer_status;	/* not known: NULL in the 5-argument form */
	absolv_code_shares legal_sphere;
	absolv_code_shares cosach_status;
	absolv_code_shares goal;
} absolv_scope_shares;

/*
 * The share of participations whose duration (exit - entry + 1 days)
 * meets a duration range.  Durations are assumed spread evenly on a
 * logarithmic scale from 2 weeks to 3 years (ABSOLV_ESTIMATE_MIN_DAYS ..
 * ABSOLV_ESTIMATE_MAX_DAYS): about as many participations last 1 to 2
 * months as 6 to 12.
 */
#define ABSOLV_ESTIMATE_MIN_DAYS 30
#define ABSOLV_ESTIMATE_MAX_DAYS 1096
extern double absolv_duration_share(const absolv_duration_range *a,
									const absolv_duration_range *b);

/*
 * The share of participations in the rule's scope (absolv_in_scope true),
 * assuming the columns independent of each other.
 */
extern double absolv_scope_share(const absolv_rule *rule, const absolv_scope_shares *s);

/*
 * The mean number of days of the horizon, for an exit on the day exit.
 * by_variant false: the hull over all variants (absolv_in_horizon(at,
 * exit_date, rule)); true: each participation's own variant, weighted by
 * the share of the participations in scope that take it (measure shares
 * from *measure, durations as in absolv_duration_share).  0 when the
 * horizon cannot be computed for that exit.
 */
extern double absolv_horizon_mean_days(const absolv_rule *rule, absolv_day exit,
									   bool by_variant, const absolv_code_shares *measure);

#endif							/* ABSOLV_ESTIMATE_H */
