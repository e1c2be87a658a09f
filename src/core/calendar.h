/*
 * calendar.h
 *	  Calendar arithmetic for absolv: civil dates, calendar months, the
 *	  public holidays of the 16 German Länder and of the regional calendars
 *	  of parts of them, and working days.
 *
 * Plain C, no PostgreSQL headers.  A day is an int32 count of days since
 * 2000-01-01, the same representation as PostgreSQL's DateADT, so the glue
 * layer passes dates through unchanged.  INT32_MIN and INT32_MAX stand for
 * -infinity and infinity, as in PostgreSQL.
 */
#ifndef ABSOLV_CALENDAR_H
#define ABSOLV_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef int32_t absolv_day;

#define ABSOLV_DAY_NEG_INFINITY INT32_MIN
#define ABSOLV_DAY_POS_INFINITY INT32_MAX
/* the finite range of PostgreSQL's date type: 4714-11-24 BC .. 5874897-12-31 */
#define ABSOLV_DAY_MIN (-2451545)
#define ABSOLV_DAY_MAX 2145031948

/*
 * The holiday calendars: the 16 German Länder, by their ISO 3166-2:DE
 * codes, then the regional calendars of parts of a Land whose holidays
 * differ from the rest of it.  A regional calendar has every holiday of its
 * Land (absolv_land_parent) and the regional ones on top.
 */
typedef enum absolv_land
{
	ABSOLV_LAND_NONE = 0,		/* no Land: Monday to Friday only */
	ABSOLV_LAND_BW,				/* Baden-Württemberg */
	ABSOLV_LAND_BY,				/* Bayern */
	ABSOLV_LAND_BE,				/* Berlin */
	ABSOLV_LAND_BB,				/* Brandenburg */
	ABSOLV_LAND_HB,				/* Bremen */
	ABSOLV_LAND_HH,				/* Hamburg */
	ABSOLV_LAND_HE,				/* Hessen */
	ABSOLV_LAND_MV,				/* Mecklenburg-Vorpommern */
	ABSOLV_LAND_NI,				/* Niedersachsen */
	ABSOLV_LAND_NW,				/* Nordrhein-Westfalen */
	ABSOLV_LAND_RP,				/* Rheinland-Pfalz */
	ABSOLV_LAND_SL,				/* Saarland */
	ABSOLV_LAND_SN,				/* Sachsen */
	ABSOLV_LAND_ST,				/* Sachsen-Anhalt */
	ABSOLV_LAND_SH,				/* Schleswig-Holstein */
	ABSOLV_LAND_TH,				/* Thüringen */
	/* regional calendars: */
	ABSOLV_LAND_BY_MHF,			/* Bayern, the municipalities with Mariä
								 * Himmelfahrt */
	ABSOLV_LAND_BY_AUGSBURG,	/* Bayern, the city of Augsburg */
	ABSOLV_LAND_SN_FRONLEICHNAM,	/* Sachsen, the municipalities with
									 * Fronleichnam */
	ABSOLV_LAND_TH_FRONLEICHNAM,	/* Thüringen, the municipalities with
									 * Fronleichnam */
	ABSOLV_LAND_COUNT
} absolv_land;

/* the first regional calendar; the Länder come before it */
#define ABSOLV_LAND_FIRST_REGION ABSOLV_LAND_BY_MHF

/* true for a finite day inside PostgreSQL's date range */
extern bool absolv_day_is_valid(absolv_day day);

/* civil date <-> day number (proleptic Gregorian calendar) */
extern absolv_day absolv_day_from_ymd(int64_t year, int month, int mday);
extern void absolv_day_to_ymd(absolv_day day, int64_t *year, int *month, int *mday);

/* 0 = Monday ... 6 = Sunday */
extern int	absolv_weekday(absolv_day day);

/*
 * Arithmetic.  Each returns false, leaving *result untouched, when the day is
 * not valid or the result falls outside the valid range.
 * Months follow PostgreSQL's date + interval: the day of month is clamped to
 * the end of the target month (2024-01-31 + 1 month = 2024-02-29).
 */
extern bool absolv_add_days(absolv_day day, int64_t days, absolv_day *result);
extern bool absolv_add_months(absolv_day day, int64_t months, absolv_day *result);

/* Easter Sunday of a Gregorian year (any year >= 1583) */
extern absolv_day absolv_easter_sunday(int64_t year);

/*
 * Public holidays.  absolv_holiday_name returns the German name of the
 * holiday on that day in that Land, or NULL when the day is none.
 * ABSOLV_LAND_NONE has no holidays.
 */
extern const char *absolv_holiday_name(absolv_day day, absolv_land land);
extern bool absolv_is_holiday(absolv_day day, absolv_land land);

/* Monday to Friday and no public holiday of the Land */
extern bool absolv_is_working_day(absolv_day day, absolv_land land);

/*
 * The n-th working day after day (n >= 0; n = 0 gives day itself).
 * Returns false if the result leaves the valid range.
 */
extern bool absolv_add_working_days(absolv_day day, int n, absolv_land land,
									absolv_day *result);

/*
 * Calendar lookup: "HE", "he", "Hessen" -> ABSOLV_LAND_HE, "BY-AUGSBURG",
 * "by_augsburg", "Augsburg" -> ABSOLV_LAND_BY_AUGSBURG; -1 if unknown
 */
extern int	absolv_land_lookup(const char *text, size_t len);
/* canonical code: "HE", "BY-AUGSBURG" */
extern const char *absolv_land_code(absolv_land land);
/* German name: "Hessen", "Augsburg" */
extern const char *absolv_land_name(absolv_land land);
/* the Land of a calendar: itself for a Land, BY for BY-AUGSBURG */
extern absolv_land absolv_land_parent(absolv_land land);
/* the accepted codes, for error messages: "BW, BY, ..., TH-FRONLEICHNAM" */
extern const char *absolv_land_accepted(void);

#endif							/* ABSOLV_CALENDAR_H */
