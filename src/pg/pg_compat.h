/*
 * pg_compat.h
 *	  What differs between the PostgreSQL major versions absolv builds
 *	  against (15 to 18), each behind a check of PG_VERSION_NUM, so that the
 *	  rest of src/pg is written once.  Included by absolv_pg.h after
 *	  postgres.h.
 */
#ifndef ABSOLV_PG_COMPAT_H
#define ABSOLV_PG_COMPAT_H

/*
 * VARSIZE, VARDATA, SET_VARSIZE, VARDATA_ANY: postgres.h includes varatt.h
 * up to 15; from 16 on a file that uses them includes it itself.
 */
#if PG_VERSION_NUM >= 160000
#include "varatt.h"
#endif

/*
 * A function that never returns: 18 replaced the attribute written after
 * the declaration, pg_attribute_noreturn(), with pg_noreturn written before
 * it.  Before 18, pg_noreturn is the same gcc/clang attribute, which may
 * stand at the start of a declaration too.
 */
#if PG_VERSION_NUM < 180000 && !defined(pg_noreturn)
#define pg_noreturn pg_attribute_noreturn()
#endif

/*
 * common/base64.h: from 18 on, the bytes side of pg_b64_encode (its source)
 * and of pg_b64_decode (its destination) is uint8 instead of char.
 * absolv_b64_encode and absolv_b64_decode take a char buffer on every
 * version.
 */
#if PG_VERSION_NUM >= 180000
#define ABSOLV_B64_BYTE uint8
#else
#define ABSOLV_B64_BYTE char
#endif
#define absolv_b64_encode(src, len, dst, dstlen) \
	pg_b64_encode((const ABSOLV_B64_BYTE *) (src), (len), (dst), (dstlen))
#define absolv_b64_decode(src, len, dst, dstlen) \
	pg_b64_decode((src), (len), (ABSOLV_B64_BYTE *) (dst), (dstlen))

/*
 * The planner's lists of outer-join clauses (PlannerInfo's
 * left_join_clauses, right_join_clauses, full_join_clauses): up to 15 a
 * list of RestrictInfo; from 16 on a list of OuterJoinClauseInfo, which
 * holds the RestrictInfo and its join.  ABSOLV_OUTER_JOIN_RINFO(cell) is
 * the RestrictInfo of a cell of such a list (nodes/pathnodes.h).
 */
#if PG_VERSION_NUM >= 160000
#define ABSOLV_OUTER_JOIN_RINFO(cell) (((OuterJoinClauseInfo *) lfirst(cell))->rinfo)
#else
#define ABSOLV_OUTER_JOIN_RINFO(cell) ((RestrictInfo *) lfirst(cell))
#endif

#endif							/* ABSOLV_PG_COMPAT_H */
