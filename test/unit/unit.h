/*
 * unit.h
 *	  A minimal TAP producer for the plain-C unit tests of the absolv core.
 *
 * Each CHECK prints "ok N - what" or "not ok N - what"; unit_done() prints
 * the plan and a closing "N passed, N failed" line and returns the exit code.
 */
#ifndef ABSOLV_UNIT_H
#define ABSOLV_UNIT_H

#include <stdio.h>

static int	unit_run = 0;
static int	unit_failed = 0;

#define CHECK(cond, ...) \
	do { \
		unit_run++; \
		if (cond) \
			printf("ok %d - ", unit_run); \
		else \
		{ \
			unit_failed++; \
			printf("not ok %d - ", unit_run); \
		} \
		printf(__VA_ARGS__); \
		printf("\n"); \
		if (!(cond)) \
			printf("#   failed at %s:%d: %s\n", __FILE__, __LINE__, #cond); \
	} while (0)

#define CHECK_INT(got, want, ...) \
	do { \
		long long unit_g_ = (long long) (got), unit_w_ = (long long) (want); \
		CHECK(unit_g_ == unit_w_, __VA_ARGS__); \
		if (unit_g_ != unit_w_) \
			printf("#   got %lld, want %lld\n", unit_g_, unit_w_); \
	} while (0)

static inline int
unit_done(void)
{
	printf("1..%d\n", unit_run);
	printf("%d passed, %d failed\n", unit_run - unit_failed, unit_failed);
	return unit_failed == 0 ? 0 : 1;
}

#endif							/* ABSOLV_UNIT_H */
