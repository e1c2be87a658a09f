/*
 * codes.h
 *	  The code lists of absolv (docs/codes.md): measures, outcomes,
 *	  customer status, legal sphere, CoSach status, BvB goal and evidence
 *	  kinds, with the German aliases controllers use.
 *
 * Plain C, no PostgreSQL headers.  Matching ignores case (ASCII and the
 * German umlauts), surrounding white space, and treats '-', '_' and inner
 * white space as one separator: "agh-mae", "AGH MAE" and "AGH_MAE" are equal.
 */
#ifndef ABSOLV_CODES_H
#define ABSOLV_CODES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* result of every lookup for a text that is no known code or alias */
#define ABSOLV_CODE_UNKNOWN (-1)
/* an attribute that is not set: NULL in the data, or the text "nicht gesetzt" */
#define ABSOLV_CODE_NULL (-2)

typedef enum absolv_measure
{
	ABSOLV_MEASURE_FBW = 0,
	ABSOLV_MEASURE_FBW_UMSCHULUNG,
	ABSOLV_MEASURE_FBW_FORTBILDUNG,
	ABSOLV_MEASURE_MAT,
	ABSOLV_MEASURE_MAG,
	ABSOLV_MEASURE_MABE,
	ABSOLV_MEASURE_MPAV,
	ABSOLV_MEASURE_AGH,
	ABSOLV_MEASURE_BAE,
	ABSOLV_MEASURE_AZ,
	ABSOLV_MEASURE_EQ,
	ABSOLV_MEASURE_BVB,
	ABSOLV_MEASURE_REHA,
	ABSOLV_MEASURE_REHA_VL,
	ABSOLV_MEASURE_EVL,
	ABSOLV_MEASURE_TAAM,
	ABSOLV_MEASURE_BUKSELB,
	ABSOLV_MEASURE_ASA,
	ABSOLV_MEASURE_WBV,
	ABSOLV_MEASURE_EA,
	ABSOLV_MEASURE_DIAG,
	ABSOLV_MEASURE_IK,
	ABSOLV_MEASURE_BSK,
	ABSOLV_MEASURE_COUNT
} absolv_measure;

typedef uint32_t absolv_measure_set;	/* bit (1u << measure) */

#define ABSOLV_MEASURE_BIT(m) ((absolv_measure_set) 1u << (m))
#define ABSOLV_FAMILY_FBW (ABSOLV_MEASURE_BIT(ABSOLV_MEASURE_FBW) | \
						   ABSOLV_MEASURE_BIT(ABSOLV_MEASURE_FBW_UMSCHULUNG) | \
						   ABSOLV_MEASURE_BIT(ABSOLV_MEASURE_FBW_FORTBILDUNG))
#define ABSOLV_FAMILY_S45 (ABSOLV_MEASURE_BIT(ABSOLV_MEASURE_MAT) | \
						   ABSOLV_MEASURE_BIT(ABSOLV_MEASURE_MAG) | \
						   ABSOLV_MEASURE_BIT(ABSOLV_MEASURE_MABE) | \
						   ABSOLV_MEASURE_BIT(ABSOLV_MEASURE_MPAV))

typedef enum absolv_outcome
{
	ABSOLV_OUTCOME_SUCCESS = 0,
	ABSOLV_OUTCOME_GOAL_EARLY,
	ABSOLV_OUTCOME_PREMATURE,
	ABSOLV_OUTCOME_COUNT
} absolv_outcome;

typedef enum absolv_customer_status
{
	ABSOLV_CUSTOMER_STATUS_ALO = 0,
	ABSOLV_CUSTOMER_STATUS_ASU,
	ABSOLV_CUSTOMER_STATUS_RASU,
	ABSOLV_CUSTOMER_STATUS_NAS,
	ABSOLV_CUSTOMER_STATUS_COUNT
} absolv_customer_status;

typedef enum absolv_legal_sphere
{
	ABSOLV_SPHERE_SGB2 = 0,
	ABSOLV_SPHERE_SGB3,
	ABSOLV_SPHERE_COUNT
} absolv_legal_sphere;

/* CoSach participation status: one letter A..Z, code = letter - 'A' */
#define ABSOLV_COSACH_COUNT 26

typedef enum absolv_goal
{
	ABSOLV_GOAL_INTEGRATION = 0,	/* "1: Integration in Arbeit" */
	ABSOLV_GOAL_OTHER,			/* any other goal: never an error */
	ABSOLV_GOAL_COUNT
} absolv_goal;

typedef enum absolv_evidence_kind
{
	ABSOLV_KIND_EINV = 0,
	ABSOLV_KIND_VV,
	ABSOLV_KIND_SI,
	ABSOLV_KIND_CONTACT,
	ABSOLV_KIND_MISSED,
	ABSOLV_KIND_EXCEPTION,
	ABSOLV_KIND_HIRING_COMMITMENT,
	ABSOLV_KIND_JOB_START,		/* the customer takes up work: first day of work */
	ABSOLV_KIND_COUNT
} absolv_evidence_kind;

/*
 * Lookups: code or alias text (not necessarily NUL-terminated) -> code, or
 * ABSOLV_CODE_UNKNOWN.  absolv_goal_lookup never fails: an unknown goal is
 * ABSOLV_GOAL_OTHER.
 */
extern int	absolv_measure_lookup(const char *text, size_t len);
extern int	absolv_outcome_lookup(const char *text, size_t len);
extern int	absolv_customer_status_lookup(const char *text, size_t len);
extern int	absolv_legal_sphere_lookup(const char *text, size_t len);
extern int	absolv_cosach_lookup(const char *text, size_t len);
extern int	absolv_goal_lookup(const char *text, size_t len);
extern int	absolv_evidence_kind_lookup(const char *text, size_t len);

/* canonical code names: "FBW_UMSCHULUNG", "SUCCESS", "B", ... */
extern const char *absolv_measure_code(absolv_measure m);
extern const char *absolv_outcome_code(absolv_outcome o);
extern const char *absolv_customer_status_code(absolv_customer_status s);
extern const char *absolv_legal_sphere_code(absolv_legal_sphere s);
extern const char *absolv_cosach_code(int letter_index);
extern const char *absolv_goal_code(absolv_goal g);
extern const char *absolv_evidence_kind_code(absolv_evidence_kind k);

/* the accepted codes, for error hints: "SUCCESS, GOAL_EARLY, PREMATURE" */
extern const char *absolv_outcome_accepted(void);
extern const char *absolv_customer_status_accepted(void);
extern const char *absolv_legal_sphere_accepted(void);
extern const char *absolv_cosach_accepted(void);

/*
 * Alias tables, for documentation and tests: iterate with i = 0, 1, ...
 * until the function returns false.  *alias is the alias as written in the
 * table, *code the canonical code it maps to.
 */
typedef enum absolv_code_list
{
	ABSOLV_LIST_MEASURE,
	ABSOLV_LIST_OUTCOME,
	ABSOLV_LIST_CUSTOMER_STATUS,
	ABSOLV_LIST_LEGAL_SPHERE,
	ABSOLV_LIST_GOAL,
	ABSOLV_LIST_EVIDENCE_KIND
} absolv_code_list;

extern bool absolv_code_alias(absolv_code_list list, int i,
							  const char **alias, const char **code);

/*
 * Normalised comparison key of a code text: folded case, trimmed,
 * separators unified to '_'.  Writes at most outsize bytes including the
 * terminating NUL; returns false if the key does not fit.  Exposed for tests.
 */
extern bool absolv_code_key(const char *text, size_t len, char *out, size_t outsize);

#endif							/* ABSOLV_CODES_H */
