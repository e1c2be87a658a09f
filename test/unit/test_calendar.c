/*
 * test_calendar.c
 *	  Unit tests of src/core/calendar.c: day numbers, weekdays, month
 *	  arithmetic, Easter, the holidays of the Länder, working days and the
 *	  Land lookup.
 *
 * The expected values are known dates, worked out independently (Easter by
 * the Gauss formula, holidays from the Landesrecht, day numbers from
 * PostgreSQL's julian day numbers).
 *
 * test/unit/test_calendar.c
 */
#include <limits.h>
#include <string.h>

#include "calendar.h"
#include "unit.h"

#define YMD(y, m, d)	absolv_day_from_ymd((y), (m), (d))

/* true if day converts to exactly year-month-mday */
static bool
day_is(absolv_day day, int64_t year, int month, int mday)
{
	int64_t		y;
	int			m;
	int			d;

	absolv_day_to_ymd(day, &y, &m, &d);
	return y == year && m == month && d == mday;
}

/* check both directions of the conversion for one date */
static void
check_ymd(absolv_day day, int64_t year, int month, int mday)
{
	CHECK_INT(absolv_day_from_ymd(year, month, mday), day,
			  "day_from_ymd(%lld-%02d-%02d) = %d",
			  (long long) year, month, mday, (int) day);
	CHECK(day_is(day, year, month, mday),
		  "day_to_ymd(%d) = %lld-%02d-%02d", (int) day,
		  (long long) year, month, mday);
}

/* true if the name is that string (NULL-safe) */
static bool
name_is(const char *name, const char *want)
{
	return name != NULL && strcmp(name, want) == 0;
}

/* true if the holiday on year-month-mday in the Land has that name */
static bool
named(int64_t year, int month, int mday, absolv_land land, const char *want)
{
	return name_is(absolv_holiday_name(YMD(year, month, mday), land), want);
}

/* true if year-month-mday is a holiday in the Land */
static bool
hol(int64_t year, int month, int mday, absolv_land land)
{
	return absolv_is_holiday(YMD(year, month, mday), land);
}

/* Easter Sunday by Gauss' formula with Lichtenberg's correction */
static absolv_day
gauss_easter(int64_t year)
{
	int64_t		k = year / 100;
	int64_t		m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
	int64_t		s = 2 - (3 * k + 3) / 4;
	int64_t		a = year % 19;
	int64_t		d = (19 * a + m) % 30;
	int64_t		r = (d + a / 11) / 29;
	int64_t		og = 21 + d - r;
	int64_t		sz = 7 - (year + year / 4 + s) % 7;
	int64_t		oe = 7 - (og - sz) % 7;
	int64_t		os = og + oe;	/* day of March, may exceed 31 */

	return (absolv_day) (absolv_day_from_ymd(year, 3, 1) + os - 1);
}

/* the n-th working day after day, one day at a time */
static bool
naive_add_working_days(absolv_day day, int n, absolv_land land,
					   absolv_day *result)
{
	while (n > 0)
	{
		if (day >= ABSOLV_DAY_MAX)
			return false;
		day++;
		if (absolv_is_working_day(day, land))
			n--;
	}
	*result = day;
	return true;
}

/* number of holidays of a Land in a year */
static int
holidays_in_year(int64_t year, absolv_land land)
{
	absolv_day day;
	absolv_day last = YMD(year, 12, 31);
	int			count = 0;

	for (day = YMD(year, 1, 1); day <= last; day++)
		if (absolv_is_holiday(day, land))
			count++;
	return count;
}

/* the Land found for a NUL-terminated text */
static int
lookup(const char *text)
{
	return absolv_land_lookup(text, strlen(text));
}

/* day numbers, validity and leap years */
static void
test_days(void)
{
	absolv_day day;
	bool		ok;

	check_ymd(0, 2000, 1, 1);
	check_ymd(-10957, 1970, 1, 1);
	check_ymd(-36465, 1900, 3, 1);
	check_ymd(73048, 2199, 12, 31);
	check_ymd(-730119, 1, 1, 1);
	check_ymd(-730120, 0, 12, 31);
	check_ymd(ABSOLV_DAY_MIN, -4713, 11, 24);
	check_ymd(ABSOLV_DAY_MAX, 5874897, 12, 31);

	CHECK(absolv_day_is_valid(ABSOLV_DAY_MIN), "DAY_MIN is valid");
	CHECK(absolv_day_is_valid(ABSOLV_DAY_MAX), "DAY_MAX is valid");
	CHECK(!absolv_day_is_valid(ABSOLV_DAY_MIN - 1),
		  "DAY_MIN - 1 is not valid");
	CHECK(!absolv_day_is_valid(ABSOLV_DAY_MAX + 1),
		  "DAY_MAX + 1 is not valid");
	CHECK(!absolv_day_is_valid(ABSOLV_DAY_NEG_INFINITY),
		  "-infinity is not valid");
	CHECK(!absolv_day_is_valid(ABSOLV_DAY_POS_INFINITY),
		  "infinity is not valid");

	/* outside the range and impossible dates */
	CHECK_INT(YMD(-4713, 11, 23), ABSOLV_DAY_NEG_INFINITY,
			  "4714-11-23 BC is before the range");
	CHECK_INT(YMD(-5000, 1, 1), ABSOLV_DAY_NEG_INFINITY,
			  "year -5000 is before the range");
	CHECK_INT(YMD(INT64_MIN, 1, 1), ABSOLV_DAY_NEG_INFINITY, "year INT64_MIN");
	CHECK_INT(YMD(5874898, 1, 1), ABSOLV_DAY_POS_INFINITY,
			  "5874898-01-01 is after the range");
	CHECK_INT(YMD(INT64_MAX, 12, 31), ABSOLV_DAY_POS_INFINITY,
			  "year INT64_MAX");
	CHECK(!absolv_day_is_valid(YMD(2024, 13, 1)), "month 13 is not a date");
	CHECK(!absolv_day_is_valid(YMD(2024, 0, 1)), "month 0 is not a date");
	CHECK(!absolv_day_is_valid(YMD(2024, 4, 31)), "31 April is not a date");
	CHECK(!absolv_day_is_valid(YMD(2024, 4, 0)), "day 0 is not a date");

	/* leap years */
	CHECK(!absolv_day_is_valid(YMD(1900, 2, 29)), "1900 is no leap year");
	CHECK_INT(YMD(1900, 3, 1) - YMD(1900, 2, 28), 1,
			  "1900: 28 Feb, then 1 Mar");
	CHECK(absolv_day_is_valid(YMD(2000, 2, 29)), "2000 is a leap year");
	CHECK_INT(YMD(2000, 3, 1) - YMD(2000, 2, 28), 2,
			  "2000: 28 Feb, 29 Feb, 1 Mar");
	CHECK(!absolv_day_is_valid(YMD(2100, 2, 29)), "2100 is no leap year");
	CHECK_INT(YMD(2100, 3, 1) - YMD(2100, 2, 28), 1,
			  "2100: 28 Feb, then 1 Mar");
	CHECK(absolv_day_is_valid(YMD(2024, 2, 29)), "2024 is a leap year");
	CHECK(absolv_day_is_valid(YMD(0, 2, 29)), "year 0 (1 BC) is a leap year");
	CHECK(!absolv_day_is_valid(YMD(-100, 2, 29)), "year -100 is no leap year");
	CHECK(absolv_day_is_valid(YMD(-400, 2, 29)), "year -400 is a leap year");
	CHECK_INT(YMD(2001, 1, 1) - YMD(1601, 1, 1), 146097,
			  "400 years have 146097 days");

	/* every day from 1 BC to 2201 follows its predecessor */
	ok = true;
	for (day = YMD(-1, 1, 1); day < YMD(2201, 12, 31) && ok; day++)
	{
		int64_t		y;
		int			m;
		int			d;
		int64_t		y2;
		int			m2;
		int			d2;

		absolv_day_to_ymd(day, &y, &m, &d);
		absolv_day_to_ymd(day + 1, &y2, &m2, &d2);
		if (YMD(y, m, d) != day)
			ok = false;
		else if (y2 == y && m2 == m)
			ok = (d2 == d + 1);
		else if (y2 == y)
			ok = (m2 == m + 1 && d2 == 1 &&
				  !absolv_day_is_valid(YMD(y, m, d + 1)));
		else
			ok = (y2 == y + 1 && m == 12 && d == 31 && m2 == 1 && d2 == 1);
	}
	CHECK(ok, "days -1-01-01 .. 2201-12-31 are consecutive dates");
}

/* days of the week */
static void
test_weekday(void)
{
	CHECK_INT(absolv_weekday(0), 5, "2000-01-01 was a Saturday");
	CHECK_INT(absolv_weekday(-1), 4, "1999-12-31 was a Friday");
	CHECK_INT(absolv_weekday(YMD(2026, 11, 22)), 6, "2026-11-22 is a Sunday");
	CHECK_INT(absolv_weekday(-10957), 3, "1970-01-01 was a Thursday");
	CHECK_INT(absolv_weekday(YMD(2025, 6, 9)), 0, "2025-06-09 is a Monday");
	CHECK_INT(absolv_weekday(ABSOLV_DAY_MIN), 0, "julian day 0 was a Monday");
	CHECK_INT(absolv_weekday(ABSOLV_DAY_MAX), 1, "5874897-12-31 is a Tuesday");
}

/* add_days and add_months */
static void
test_arithmetic(void)
{
	absolv_day r;
	bool		ok;
	int64_t		span;

	r = 0;
	ok = absolv_add_days(YMD(2024, 2, 28), 2, &r);
	CHECK(ok && day_is(r, 2024, 3, 1), "2024-02-28 + 2 days = 2024-03-01");
	span = (int64_t) ABSOLV_DAY_MAX - ABSOLV_DAY_MIN;
	ok = absolv_add_days(ABSOLV_DAY_MIN, span, &r);
	CHECK(ok && r == ABSOLV_DAY_MAX, "DAY_MIN + whole range = DAY_MAX");
	ok = absolv_add_days(ABSOLV_DAY_MAX, -span, &r);
	CHECK(ok && r == ABSOLV_DAY_MIN, "DAY_MAX - whole range = DAY_MIN");
	r = 42;
	ok = absolv_add_days(ABSOLV_DAY_MAX, 1, &r);
	CHECK(!ok && r == 42, "DAY_MAX + 1 day fails, result untouched");
	ok = absolv_add_days(ABSOLV_DAY_MIN, -1, &r);
	CHECK(!ok && r == 42, "DAY_MIN - 1 day fails");
	ok = absolv_add_days(0, INT64_MAX, &r);
	CHECK(!ok && r == 42, "+ INT64_MAX days fails");
	ok = absolv_add_days(0, INT64_MIN, &r);
	CHECK(!ok && r == 42, "+ INT64_MIN days fails");
	ok = absolv_add_days(ABSOLV_DAY_POS_INFINITY, -1, &r);
	CHECK(!ok && r == 42, "infinity - 1 day fails");

	ok = absolv_add_months(YMD(2024, 1, 31), 1, &r);
	CHECK(ok && day_is(r, 2024, 2, 29), "2024-01-31 + 1 month = 2024-02-29");
	ok = absolv_add_months(YMD(2023, 1, 31), 1, &r);
	CHECK(ok && day_is(r, 2023, 2, 28), "2023-01-31 + 1 month = 2023-02-28");
	ok = absolv_add_months(YMD(2024, 3, 31), -1, &r);
	CHECK(ok && day_is(r, 2024, 2, 29), "2024-03-31 - 1 month = 2024-02-29");
	ok = absolv_add_months(YMD(2025, 1, 15), 3, &r);
	CHECK(ok && day_is(r, 2025, 4, 15), "2025-01-15 + 3 months = 2025-04-15");
	ok = absolv_add_months(YMD(2024, 2, 29), 12, &r);
	CHECK(ok && day_is(r, 2025, 2, 28), "2024-02-29 + 12 months = 2025-02-28");
	ok = absolv_add_months(YMD(2024, 2, 29), 48, &r);
	CHECK(ok && day_is(r, 2028, 2, 29), "2024-02-29 + 48 months = 2028-02-29");
	ok = absolv_add_months(YMD(2024, 11, 30), 3, &r);
	CHECK(ok && day_is(r, 2025, 2, 28), "2024-11-30 + 3 months = 2025-02-28");
	ok = absolv_add_months(YMD(2025, 3, 31), -13, &r);
	CHECK(ok && day_is(r, 2024, 2, 29), "2025-03-31 - 13 months = 2024-02-29");
	ok = absolv_add_months(YMD(2025, 5, 31), 0, &r);
	CHECK(ok && day_is(r, 2025, 5, 31), "+ 0 months is the day itself");
	ok = absolv_add_months(YMD(1, 1, 15), -1, &r);
	CHECK(ok && day_is(r, 0, 12, 15), "0001-01-15 - 1 month = 0000-12-15");
	ok = absolv_add_months(YMD(5874897, 11, 30), 1, &r);
	CHECK(ok && day_is(r, 5874897, 12, 30), "5874897-11-30 + 1 month");
	ok = absolv_add_months(ABSOLV_DAY_MIN, 1, &r);
	CHECK(ok && day_is(r, -4713, 12, 24), "DAY_MIN + 1 month = -4713-12-24");
	ok = absolv_add_months(YMD(-4713, 12, 31), -1, &r);
	CHECK(ok && day_is(r, -4713, 11, 30),
		  "-4713-12-31 - 1 month = -4713-11-30");

	r = 42;
	ok = absolv_add_months(ABSOLV_DAY_MAX, 1, &r);
	CHECK(!ok && r == 42, "DAY_MAX + 1 month fails, result untouched");
	ok = absolv_add_months(YMD(5874897, 12, 1), 1, &r);
	CHECK(!ok && r == 42, "5874897-12-01 + 1 month fails");
	ok = absolv_add_months(ABSOLV_DAY_MIN, -1, &r);
	CHECK(!ok && r == 42, "DAY_MIN - 1 month fails");
	ok = absolv_add_months(YMD(-4713, 12, 20), -1, &r);
	CHECK(!ok && r == 42, "-4713-12-20 - 1 month (before 11-24) fails");
	ok = absolv_add_months(0, INT64_MAX, &r);
	CHECK(!ok && r == 42, "+ INT64_MAX months fails");
	ok = absolv_add_months(0, INT64_MIN, &r);
	CHECK(!ok && r == 42, "+ INT64_MIN months fails");
	ok = absolv_add_months(0, (int64_t) 12 * 5872897 + 11, &r);
	CHECK(ok && day_is(r, 5874897, 12, 1),
		  "2000-01-01 + 70474775 months = 5874897-12-01");
	r = 42;
	ok = absolv_add_months(ABSOLV_DAY_NEG_INFINITY, 1, &r);
	CHECK(!ok && r == 42, "-infinity + 1 month fails");
}

/* Easter Sunday */
static void
test_easter(void)
{
	static const struct
	{
		int			year;
		int			month;
		int			mday;
	}			known[] = {
		{1583, 4, 10}, {1900, 4, 15}, {1954, 4, 18}, {1961, 4, 2},
		{2000, 4, 23}, {2008, 3, 23}, {2011, 4, 24}, {2019, 4, 21},
		{2024, 3, 31}, {2025, 4, 20}, {2026, 4, 5}, {2038, 4, 25},
		{2100, 3, 28}, {2199, 4, 14}
	};
	size_t		i;
	int64_t		year;
	bool		ok;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		CHECK(day_is(absolv_easter_sunday(known[i].year), known[i].year,
					 known[i].month, known[i].mday),
			  "Easter %d is %d-%02d-%02d", known[i].year, known[i].year,
			  known[i].month, known[i].mday);

	ok = true;
	for (year = 1583; year <= 4099 && ok; year++)
		ok = (absolv_easter_sunday(year) == gauss_easter(year));
	CHECK(ok, "Easter agrees with Gauss' formula for 1583-4099");

	ok = true;
	for (year = 1583; year <= 9999 && ok; year++)
	{
		absolv_day e = absolv_easter_sunday(year);

		ok = absolv_weekday(e) == 6 && e >= YMD(year, 3, 22) &&
			e <= YMD(year, 4, 25);
	}
	CHECK(ok, "Easter 1583-9999 is a Sunday between 22 Mar and 25 Apr");

	CHECK(absolv_day_is_valid(absolv_easter_sunday(5874897)),
		  "Easter 5874897 is in range");
	CHECK_INT(absolv_easter_sunday(5874898), ABSOLV_DAY_POS_INFINITY,
			  "Easter 5874898 is after the range");
	CHECK_INT(absolv_easter_sunday(-4713), ABSOLV_DAY_NEG_INFINITY,
			  "Easter -4713 is before the range");
	CHECK_INT(absolv_easter_sunday(INT64_MIN), ABSOLV_DAY_NEG_INFINITY,
			  "Easter of year INT64_MIN");
}

/* public holidays */
static void
test_holidays(void)
{
	static const int count_2025[ABSOLV_LAND_COUNT] = {
		/* NONE BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH */
		0, 12, 12, 11, 12, 10, 10, 10, 11, 10, 11, 11, 12, 11, 11, 10, 11,
		/* BY-MHF BY-AUGSBURG SN-FRONLEICHNAM TH-FRONLEICHNAM */
		13, 14, 12, 12
	};
	static const int count_1994[ABSOLV_LAND_COUNT] = {
		0, 13, 13, 10, 13, 10, 10, 11, 11, 10, 12, 12, 13, 11, 12, 10, 11,
		14, 15, 12, 12
	};
	int			land;
	int64_t		year;
	bool		ok;

	/* nationwide */
	CHECK(named(2025, 1, 1, ABSOLV_LAND_HB, "Neujahr"),
		  "Neujahr 2025 in HB");
	CHECK(named(2025, 4, 18, ABSOLV_LAND_NI, "Karfreitag"),
		  "Karfreitag 2025-04-18 in NI");
	CHECK(named(2025, 4, 21, ABSOLV_LAND_BE, "Ostermontag"),
		  "Ostermontag 2025-04-21 in BE");
	CHECK(named(2025, 5, 29, ABSOLV_LAND_HH, "Christi Himmelfahrt"),
		  "Christi Himmelfahrt 2025-05-29 in HH");
	CHECK(named(2025, 6, 9, ABSOLV_LAND_SH, "Pfingstmontag"),
		  "Pfingstmontag 2025-06-09 in SH");
	CHECK(named(2025, 12, 26, ABSOLV_LAND_MV, "2. Weihnachtstag"),
		  "2. Weihnachtstag in MV");
	CHECK(!hol(2025, 12, 24, ABSOLV_LAND_BY), "24 Dec is no holiday");
	CHECK(!hol(2025, 4, 20, ABSOLV_LAND_HE), "Ostersonntag: no holiday in HE");
	CHECK(named(2025, 4, 20, ABSOLV_LAND_BB, "Ostersonntag"),
		  "Ostersonntag 2025 in BB");
	CHECK(named(2025, 6, 8, ABSOLV_LAND_BB, "Pfingstsonntag"),
		  "Pfingstsonntag 2025 in BB");

	/* Tag der (d|D)eutschen Einheit */
	CHECK(!hol(1989, 10, 3, ABSOLV_LAND_HE), "3 Oct 1989: no holiday");
	CHECK(named(1989, 6, 17, ABSOLV_LAND_HE, "Tag der deutschen Einheit"),
		  "17 June 1989 is Tag der deutschen Einheit");
	CHECK(!hol(1953, 6, 17, ABSOLV_LAND_HE), "17 June 1953: no holiday");
	CHECK(!hol(1990, 6, 18, ABSOLV_LAND_HE), "17 June 1990: no holiday");
	CHECK(!hol(1990, 6, 17, ABSOLV_LAND_HE), "17 June 1990: no holiday");
	CHECK(named(1990, 10, 3, ABSOLV_LAND_SN, "Tag der Deutschen Einheit"),
		  "3 Oct 1990 is Tag der Deutschen Einheit");

	/* two holidays on one day: the fixed-date name */
	CHECK(named(2008, 5, 1, ABSOLV_LAND_NI, "Tag der Arbeit"),
		  "1 May 2008 (also Himmelfahrt) is named Tag der Arbeit");
	CHECK(named(1954, 6, 17, ABSOLV_LAND_BY, "Tag der deutschen Einheit"),
		  "17 June 1954 (also Fronleichnam) in BY");
	CHECK_INT(holidays_in_year(2008, ABSOLV_LAND_NI), 8,
			  "NI 2008: 1 May counts once");
	CHECK_INT(holidays_in_year(1954, ABSOLV_LAND_BY), 12,
			  "BY 1954: 17 June counts once");

	/* by Land */
	CHECK(named(2025, 6, 19, ABSOLV_LAND_HE, "Fronleichnam"),
		  "Fronleichnam 2025-06-19 in HE");
	CHECK(hol(2025, 6, 19, ABSOLV_LAND_NW), "Fronleichnam 2025 in NW");
	CHECK(!hol(2025, 6, 19, ABSOLV_LAND_NI), "Fronleichnam 2025 not in NI");
	CHECK(!hol(2025, 6, 19, ABSOLV_LAND_SN), "Fronleichnam 2025 not in SN");
	CHECK(named(2025, 1, 6, ABSOLV_LAND_ST, "Heilige Drei K\xC3\xB6nige"),
		  "Heilige Drei Koenige in ST");
	CHECK(!hol(2025, 1, 6, ABSOLV_LAND_BE), "6 Jan not in BE");
	CHECK(named(2025, 8, 15, ABSOLV_LAND_SL, "Mari\xC3\xA4 Himmelfahrt"),
		  "Mariae Himmelfahrt in SL");
	CHECK(!hol(2025, 8, 15, ABSOLV_LAND_BY),
		  "15 Aug not in BY (regional only)");
	CHECK(named(2025, 11, 1, ABSOLV_LAND_RP, "Allerheiligen"),
		  "Allerheiligen in RP");
	CHECK(!hol(2025, 11, 1, ABSOLV_LAND_HE), "1 Nov not in HE");
	CHECK(named(2019, 3, 8, ABSOLV_LAND_BE, "Internationaler Frauentag"),
		  "Frauentag 2019 in BE");
	CHECK(!hol(2018, 3, 8, ABSOLV_LAND_BE), "Frauentag 2018 not in BE");
	CHECK(hol(2023, 3, 8, ABSOLV_LAND_MV), "Frauentag 2023 in MV");
	CHECK(!hol(2022, 3, 8, ABSOLV_LAND_MV), "Frauentag 2022 not in MV");
	CHECK(named(2019, 9, 20, ABSOLV_LAND_TH, "Weltkindertag"),
		  "Weltkindertag 2019 in TH");
	CHECK(!hol(2018, 9, 20, ABSOLV_LAND_TH), "Weltkindertag 2018 not in TH");
	CHECK(named(2025, 5, 8, ABSOLV_LAND_BE, "Tag der Befreiung"),
		  "8 May 2025 in BE");
	CHECK(hol(2020, 5, 8, ABSOLV_LAND_BE), "8 May 2020 in BE");
	CHECK(!hol(2021, 5, 8, ABSOLV_LAND_BE), "8 May 2021 not in BE");
	CHECK(!hol(2025, 5, 8, ABSOLV_LAND_BB), "8 May 2025 not in BB");

	/* regional calendars: their own holidays and all of their Land's */
	CHECK(named(2025, 8, 8, ABSOLV_LAND_BY_AUGSBURG,
				"Augsburger Hohes Friedensfest"),
		  "Friedensfest 2025 in Augsburg");
	CHECK(!hol(2025, 8, 8, ABSOLV_LAND_BY), "8 Aug not in BY");
	CHECK(!hol(2025, 8, 8, ABSOLV_LAND_BY_MHF), "8 Aug not in BY-MHF");
	CHECK(named(2025, 8, 15, ABSOLV_LAND_BY_MHF, "Mari\xC3\xA4 Himmelfahrt"),
		  "Mariae Himmelfahrt in BY-MHF");
	CHECK(named(2025, 8, 15, ABSOLV_LAND_BY_AUGSBURG,
				"Mari\xC3\xA4 Himmelfahrt"),
		  "Mariae Himmelfahrt in Augsburg");
	CHECK(named(2025, 1, 6, ABSOLV_LAND_BY_AUGSBURG,
				"Heilige Drei K\xC3\xB6nige"),
		  "Augsburg has the holidays of BY");
	CHECK(named(2025, 6, 19, ABSOLV_LAND_BY_MHF, "Fronleichnam"),
		  "BY-MHF has Fronleichnam of BY");
	CHECK(named(2025, 6, 19, ABSOLV_LAND_SN_FRONLEICHNAM, "Fronleichnam"),
		  "Fronleichnam 2025 in SN-FRONLEICHNAM");
	CHECK(named(2025, 11, 19, ABSOLV_LAND_SN_FRONLEICHNAM,
				"Bu\xC3\x9F- und Bettag"),
		  "SN-FRONLEICHNAM has Buss- und Bettag of SN");
	CHECK(named(2025, 6, 19, ABSOLV_LAND_TH_FRONLEICHNAM, "Fronleichnam"),
		  "Fronleichnam 2025 in TH-FRONLEICHNAM");
	CHECK(named(2025, 9, 20, ABSOLV_LAND_TH_FRONLEICHNAM, "Weltkindertag"),
		  "TH-FRONLEICHNAM has Weltkindertag of TH");
	CHECK(!hol(2025, 6, 19, ABSOLV_LAND_TH), "Fronleichnam 2025 not in TH");
	CHECK(!hol(2025, 8, 15, ABSOLV_LAND_SN_FRONLEICHNAM),
		  "15 Aug not in SN-FRONLEICHNAM");
	CHECK(!hol(2025, 8, 8, ABSOLV_LAND_TH_FRONLEICHNAM),
		  "8 Aug not in TH-FRONLEICHNAM");
	ok = true;
	for (year = 1900; year <= 2199 && ok; year++)
	{
		absolv_day day;

		for (day = YMD(year, 1, 1); day <= YMD(year, 12, 31) && ok; day++)
		{
			int			region;

			/* a regional calendar has every holiday of its Land */
			for (region = ABSOLV_LAND_FIRST_REGION;
				 region < ABSOLV_LAND_COUNT && ok; region++)
				if (absolv_is_holiday(day, absolv_land_parent(region)) &&
					!absolv_is_holiday(day, region))
					ok = false;
		}
	}
	CHECK(ok, "1900-2199: every holiday of a Land holds in its regional "
		  "calendars");

	/* Berlin's one-off holidays: only those enacted */
	CHECK(!hol(2028, 6, 17, ABSOLV_LAND_BE),
		  "17 June 2028 is no Berlin holiday (not enacted)");
	CHECK(!hol(2030, 5, 8, ABSOLV_LAND_BE), "8 May 2030 not in BE");

	/* Reformationstag */
	CHECK(named(2017, 10, 31, ABSOLV_LAND_BY, "Reformationstag"),
		  "Reformationstag 2017 in BY");
	CHECK(!hol(2018, 10, 31, ABSOLV_LAND_BY),
		  "Reformationstag 2018 not in BY");
	CHECK(!hol(2016, 10, 31, ABSOLV_LAND_NI),
		  "Reformationstag 2016 not in NI");
	CHECK(hol(2018, 10, 31, ABSOLV_LAND_NI), "Reformationstag 2018 in NI");
	CHECK(hol(1950, 10, 31, ABSOLV_LAND_SN), "Reformationstag 1950 in SN");
	CHECK_INT(holidays_in_year(2017, ABSOLV_LAND_SN), 11,
			  "SN 2017: 31 Oct counts once");

	/* Buß- und Bettag */
	CHECK(hol(1994, 11, 16, ABSOLV_LAND_HE), "Buss- und Bettag 1994 in HE");
	CHECK(!hol(1995, 11, 22, ABSOLV_LAND_HE),
		  "Buss- und Bettag 1995 not in HE");
	CHECK(named(1995, 11, 22, ABSOLV_LAND_SN, "Bu\xC3\x9F- und Bettag"),
		  "Buss- und Bettag 1995-11-22 in SN");
	CHECK(named(2025, 11, 19, ABSOLV_LAND_SN, "Bu\xC3\x9F- und Bettag"),
		  "Buss- und Bettag 2025-11-19 in SN");
	CHECK(!hol(2025, 11, 12, ABSOLV_LAND_SN),
		  "2025-11-12 is not Buss- und Bettag");
	CHECK(!hol(2025, 11, 26, ABSOLV_LAND_SN),
		  "2025-11-26 is not Buss- und Bettag");
	ok = true;
	for (year = 1900; year <= 2199 && ok; year++)
	{
		int			found = 0;
		int			d;

		for (d = 1; d <= 30; d++)
		{
			absolv_day day = YMD(year, 11, d);

			if (absolv_is_holiday(day, ABSOLV_LAND_SN))
			{
				found++;
				ok = ok && d >= 16 && d <= 22 && absolv_weekday(day) == 2;
			}
		}
		ok = ok && found == 1;
	}
	CHECK(ok,
		  "SN: one Buss- und Bettag a year 1900-2199, Wednesday 16-22 Nov");

	/* counts per Land */
	ok = true;
	for (land = 0; land < ABSOLV_LAND_COUNT; land++)
		if (holidays_in_year(2025, land) != count_2025[land])
		{
			printf("# 2025 land %d: %d holidays\n", land,
				   holidays_in_year(2025, land));
			ok = false;
		}
	CHECK(ok, "number of holidays 2025 per Land");
	ok = true;
	for (land = 0; land < ABSOLV_LAND_COUNT; land++)
		if (holidays_in_year(1994, land) != count_1994[land])
		{
			printf("# 1994 land %d: %d holidays\n", land,
				   holidays_in_year(1994, land));
			ok = false;
		}
	CHECK(ok, "number of holidays 1994 per Land");

	/* no Land, bad input */
	CHECK(absolv_holiday_name(YMD(2025, 12, 25), ABSOLV_LAND_NONE) == NULL,
		  "ABSOLV_LAND_NONE has no holidays");
	CHECK(absolv_holiday_name(YMD(2025, 12, 25),
							  (absolv_land) ABSOLV_LAND_COUNT) == NULL,
		  "an invalid Land has no holidays");
	CHECK(absolv_holiday_name(ABSOLV_DAY_POS_INFINITY, ABSOLV_LAND_HE) == NULL,
		  "infinity is no holiday");
	CHECK(named(5874897, 12, 25, ABSOLV_LAND_HE, "1. Weihnachtstag"),
		  "Christmas in the last year of the range");
	CHECK(named(-4713, 12, 26, ABSOLV_LAND_HE, "2. Weihnachtstag"),
		  "Christmas in the first year of the range");
}

/* working days */
static void
test_working_days(void)
{
	absolv_day start[5];
	absolv_day r;
	absolv_day r2 = 0;
	bool		ok;
	int			land;
	size_t		i;

	start[0] = YMD(2024, 12, 20);
	start[1] = YMD(2025, 1, 1);
	start[2] = YMD(2023, 12, 31);
	start[3] = YMD(1994, 10, 28);
	start[4] = YMD(2016, 11, 30);

	CHECK(absolv_is_working_day(YMD(2025, 6, 10), ABSOLV_LAND_HE),
		  "Tue 2025-06-10 is a working day");
	CHECK(!absolv_is_working_day(YMD(2025, 6, 14), ABSOLV_LAND_NONE),
		  "Saturday is no working day");
	CHECK(!absolv_is_working_day(YMD(2025, 6, 15), ABSOLV_LAND_NONE),
		  "Sunday is no working day");
	CHECK(!absolv_is_working_day(YMD(2025, 6, 19), ABSOLV_LAND_HE),
		  "Fronleichnam: no working day in HE");
	CHECK(absolv_is_working_day(YMD(2025, 6, 19), ABSOLV_LAND_NI),
		  "2025-06-19 is a working day in NI");
	CHECK(absolv_is_working_day(YMD(2025, 12, 25), ABSOLV_LAND_NONE),
		  "Christmas is a working day for NONE");
	CHECK(!absolv_is_working_day(ABSOLV_DAY_NEG_INFINITY, ABSOLV_LAND_NONE),
		  "-infinity is no working day");

	r = 0;
	ok = absolv_add_working_days(YMD(2025, 4, 17), 1, ABSOLV_LAND_HE, &r);
	CHECK(ok && day_is(r, 2025, 4, 22),
		  "Thu 2025-04-17 + 1 working day (HE) = Tue 2025-04-22");
	ok = absolv_add_working_days(YMD(2025, 4, 17), 1, ABSOLV_LAND_NONE, &r);
	CHECK(ok && day_is(r, 2025, 4, 18),
		  "Thu 2025-04-17 + 1 working day (NONE) = Fri 2025-04-18");
	ok = absolv_add_working_days(YMD(2025, 4, 17), 2, ABSOLV_LAND_NONE, &r);
	CHECK(ok && day_is(r, 2025, 4, 21),
		  "Thu 2025-04-17 + 2 working days (NONE) = Mon 2025-04-21");

	/*
	 * After Whit Monday 2025-06-09: 10 Tue, 11 Wed, 12 Thu, 13 Fri, 16 Mon,
	 * 17 Tue, 18 Wed, (19 Thu Fronleichnam in HE), 20 Fri, 23 Mon, 24 Tue.
	 */
	ok = absolv_add_working_days(YMD(2025, 6, 9), 10, ABSOLV_LAND_HE, &r);
	CHECK(ok && day_is(r, 2025, 6, 24),
		  "2025-06-09 + 10 working days (HE) = 2025-06-24");
	ok = absolv_add_working_days(YMD(2025, 6, 9), 10, ABSOLV_LAND_NI, &r);
	CHECK(ok && day_is(r, 2025, 6, 23),
		  "2025-06-09 + 10 working days (NI) = 2025-06-23");
	ok = absolv_add_working_days(YMD(2025, 6, 8), 0, ABSOLV_LAND_HE, &r);
	CHECK(ok && day_is(r, 2025, 6, 8),
		  "n = 0 gives the day itself (a Sunday)");
	ok = absolv_add_working_days(YMD(2025, 12, 19), 5, ABSOLV_LAND_BY, &r);
	CHECK(ok && day_is(r, 2025, 12, 30),
		  "Fri 2025-12-19 + 5 working days (BY) = 2025-12-30");
	/*
	 * 31 Dec (6), 1 Jan Neujahr, 2 Jan (7), 5 Jan (8), 6 Jan Heilige Drei
	 * Koenige in BY, 7 Jan (9)
	 */
	ok = absolv_add_working_days(YMD(2025, 12, 19), 9, ABSOLV_LAND_BY, &r);
	CHECK(ok && day_is(r, 2026, 1, 7),
		  "Fri 2025-12-19 + 9 working days (BY) = 2026-01-07");
	ok = absolv_add_working_days(YMD(2025, 12, 19), 9, ABSOLV_LAND_HE, &r);
	CHECK(ok && day_is(r, 2026, 1, 6),
		  "Fri 2025-12-19 + 9 working days (HE) = 2026-01-06");
	ok = absolv_add_working_days(YMD(2025, 12, 19), 5, ABSOLV_LAND_NONE, &r);
	CHECK(ok && day_is(r, 2025, 12, 26),
		  "Fri 2025-12-19 + 5 working days (NONE) = 2025-12-26");
	ok = absolv_add_working_days(0, 5 * 52, ABSOLV_LAND_NONE, &r);
	CHECK(ok && day_is(r, 2000, 12, 29),
		  "2000-01-01 + 260 working days (NONE) = 2000-12-29");

	/* regional calendars */
	CHECK(!absolv_is_working_day(YMD(2025, 8, 8), ABSOLV_LAND_BY_AUGSBURG),
		  "Fri 2025-08-08 is no working day in Augsburg");
	CHECK(absolv_is_working_day(YMD(2025, 8, 8), ABSOLV_LAND_BY),
		  "Fri 2025-08-08 is a working day in BY");
	ok = absolv_add_working_days(YMD(2025, 8, 7), 1, ABSOLV_LAND_BY_AUGSBURG,
								 &r);
	CHECK(ok && day_is(r, 2025, 8, 11),
		  "Thu 2025-08-07 + 1 working day (BY-AUGSBURG) = Mon 2025-08-11");
	ok = absolv_add_working_days(YMD(2025, 8, 7), 1, ABSOLV_LAND_BY, &r);
	CHECK(ok && day_is(r, 2025, 8, 8),
		  "Thu 2025-08-07 + 1 working day (BY) = Fri 2025-08-08");
	ok = absolv_add_working_days(YMD(2025, 8, 4), 10, ABSOLV_LAND_BY_MHF, &r);
	CHECK(ok && day_is(r, 2025, 8, 19),
		  "Mon 2025-08-04 + 10 working days (BY-MHF) = Tue 2025-08-19");
	ok = absolv_add_working_days(YMD(2025, 8, 4), 10, ABSOLV_LAND_BY_AUGSBURG,
								 &r);
	CHECK(ok && day_is(r, 2025, 8, 20),
		  "Mon 2025-08-04 + 10 working days (BY-AUGSBURG) = Wed 2025-08-20");
	ok = absolv_add_working_days(YMD(2025, 8, 4), 10, ABSOLV_LAND_BY, &r);
	CHECK(ok && day_is(r, 2025, 8, 18),
		  "Mon 2025-08-04 + 10 working days (BY) = Mon 2025-08-18");
	ok = absolv_add_working_days(YMD(2025, 6, 16), 5,
								 ABSOLV_LAND_SN_FRONLEICHNAM, &r);
	CHECK(ok && day_is(r, 2025, 6, 24),
		  "Mon 2025-06-16 + 5 working days (SN-FRONLEICHNAM) = 2025-06-24");
	ok = absolv_add_working_days(YMD(2025, 6, 16), 5, ABSOLV_LAND_SN, &r);
	CHECK(ok && day_is(r, 2025, 6, 23),
		  "Mon 2025-06-16 + 5 working days (SN) = 2025-06-23");
	ok = absolv_add_working_days(YMD(2025, 6, 16), 5,
								 ABSOLV_LAND_TH_FRONLEICHNAM, &r);
	CHECK(ok && day_is(r, 2025, 6, 24),
		  "Mon 2025-06-16 + 5 working days (TH-FRONLEICHNAM) = 2025-06-24");
	ok = absolv_add_working_days(YMD(2025, 6, 16), 5, ABSOLV_LAND_TH, &r);
	CHECK(ok && day_is(r, 2025, 6, 23),
		  "Mon 2025-06-16 + 5 working days (TH) = 2025-06-23");

	/* the year-skipping result equals counting day by day */
	for (land = 0; land < ABSOLV_LAND_COUNT; land++)
	{
		int			n;

		ok = true;
		for (i = 0; i < sizeof(start) / sizeof(start[0]) && ok; i++)
			for (n = 0; n <= 800 && ok; n += (n < 300 ? 1 : 7))
			{
				absolv_day got = 0;
				absolv_day want = 1;

				ok = absolv_add_working_days(start[i], n, land, &got) &&
					naive_add_working_days(start[i], n, land, &want) &&
					got == want;
				if (!ok)
					printf("# start %d n %d: got %d want %d\n",
						   start[i], n, got, want);
			}
		CHECK(ok, "add_working_days = counting day by day, land %d", land);
	}

	/* failures */
	r = 42;
	ok = absolv_add_working_days(YMD(2025, 6, 9), -1, ABSOLV_LAND_HE, &r);
	CHECK(!ok && r == 42, "n < 0 fails, result untouched");
	ok = absolv_add_working_days(ABSOLV_DAY_MAX, 1, ABSOLV_LAND_HE, &r);
	CHECK(!ok && r == 42, "DAY_MAX + 1 working day fails");
	ok = absolv_add_working_days(ABSOLV_DAY_MAX - 3, 5, ABSOLV_LAND_NONE, &r);
	CHECK(!ok && r == 42, "running past DAY_MAX fails");
	ok = absolv_add_working_days(ABSOLV_DAY_MIN, INT_MAX, ABSOLV_LAND_BW, &r);
	CHECK(!ok && r == 42, "INT_MAX working days fail");
	ok = absolv_add_working_days(ABSOLV_DAY_POS_INFINITY, 0,
								 ABSOLV_LAND_HE, &r);
	CHECK(!ok && r == 42, "infinity fails even for n = 0");
	ok = absolv_add_working_days(0, 1, (absolv_land) 99, &r);
	CHECK(!ok && r == 42, "an invalid Land fails");
	ok = absolv_add_working_days(ABSOLV_DAY_MAX - 3, 1, ABSOLV_LAND_NONE, &r);
	CHECK(ok && r == ABSOLV_DAY_MAX - 1,
		  "Sat 5874897-12-28 + 1 working day = Mon 12-30");
	ok = absolv_add_working_days(ABSOLV_DAY_MAX - 3, 2, ABSOLV_LAND_HE, &r);
	CHECK(ok && r == ABSOLV_DAY_MAX,
		  "Sat 5874897-12-28 + 2 working days (HE) = Tue 12-31");
	ok = absolv_add_working_days(ABSOLV_DAY_MAX - 400, 250,
								 ABSOLV_LAND_HE, &r) &&
		naive_add_working_days(ABSOLV_DAY_MAX - 400, 250, ABSOLV_LAND_HE, &r2);
	CHECK(ok && r == r2,
		  "250 working days near the end of the range, as counted day by day");
}

/* Land codes and names */
static void
test_lands(void)
{
	int			land;
	bool		ok;

	CHECK_INT(lookup("he"), ABSOLV_LAND_HE, "\"he\"");
	CHECK_INT(lookup("HE"), ABSOLV_LAND_HE, "\"HE\"");
	CHECK_INT(lookup(" Hessen "), ABSOLV_LAND_HE, "\" Hessen \"");
	CHECK_INT(lookup("\tHESSEN\n"), ABSOLV_LAND_HE, "tab and newline trimmed");
	CHECK_INT(lookup("NORDRHEIN-WESTFALEN"), ABSOLV_LAND_NW,
			  "\"NORDRHEIN-WESTFALEN\"");
	CHECK_INT(lookup("Th\xC3\xBCringen"), ABSOLV_LAND_TH,
			  "Thueringen with umlaut");
	CHECK_INT(lookup("TH\xC3\x9CRINGEN"), ABSOLV_LAND_TH,
			  "THUERINGEN with capital umlaut");
	CHECK_INT(lookup("Thueringen"), ABSOLV_LAND_TH, "\"Thueringen\"");
	CHECK_INT(lookup("Baden-W\xC3\xBCrttemberg"), ABSOLV_LAND_BW,
			  "Baden-Wuerttemberg with umlaut");
	CHECK_INT(lookup("Baden-Wuerttemberg"), ABSOLV_LAND_BW,
			  "\"Baden-Wuerttemberg\"");
	CHECK_INT(lookup("Baden-Wu\xCC\x88rttemberg"), ABSOLV_LAND_BW,
			  "Baden-Wuerttemberg with combining diaeresis");
	CHECK_INT(lookup("sachsen-anhalt"), ABSOLV_LAND_ST, "\"sachsen-anhalt\"");
	CHECK_INT(lookup("Sachsen"), ABSOLV_LAND_SN, "\"Sachsen\"");
	CHECK_INT(absolv_land_lookup("HEX", 2), ABSOLV_LAND_HE,
			  "only len bytes are read");
	CHECK_INT(lookup("Nordrhein Westfalen"), ABSOLV_LAND_NW,
			  "a blank is a separator like '-'");
	CHECK_INT(lookup("BY-AUGSBURG"), ABSOLV_LAND_BY_AUGSBURG, "BY-AUGSBURG");
	CHECK_INT(lookup("by_augsburg"), ABSOLV_LAND_BY_AUGSBURG, "by_augsburg");
	CHECK_INT(lookup("By  Augsburg"), ABSOLV_LAND_BY_AUGSBURG,
			  "By  Augsburg: blanks as a separator");
	CHECK_INT(lookup("Augsburg"), ABSOLV_LAND_BY_AUGSBURG, "Augsburg");
	CHECK_INT(lookup("Stadt Augsburg"), ABSOLV_LAND_BY_AUGSBURG,
			  "Stadt Augsburg");
	CHECK_INT(lookup("by-mhf"), ABSOLV_LAND_BY_MHF, "by-mhf");
	CHECK_INT(lookup("BY-KATH"), ABSOLV_LAND_BY_MHF, "BY-KATH");
	CHECK_INT(lookup("Bayern mit Mari\xC3\xA4 Himmelfahrt"), ABSOLV_LAND_BY_MHF,
			  "Bayern mit Mariae Himmelfahrt, with umlaut");
	CHECK_INT(lookup("SN-Fronleichnam"), ABSOLV_LAND_SN_FRONLEICHNAM,
			  "SN-Fronleichnam");
	CHECK_INT(lookup("Sachsen mit Fronleichnam"), ABSOLV_LAND_SN_FRONLEICHNAM,
			  "Sachsen mit Fronleichnam");
	CHECK_INT(lookup("th_fronleichnam"), ABSOLV_LAND_TH_FRONLEICHNAM,
			  "th_fronleichnam");
	CHECK_INT(lookup("Thueringen mit Fronleichnam"),
			  ABSOLV_LAND_TH_FRONLEICHNAM, "Thueringen mit Fronleichnam");
	CHECK_INT(lookup("BY-"), -1, "\"BY-\" is unknown");
	CHECK_INT(lookup("BYAUGSBURG"), -1, "\"BYAUGSBURG\" is unknown");
	CHECK_INT(lookup("Eichsfeld"), -1,
			  "\"Eichsfeld\" is unknown (part of it is in Niedersachsen)");

	CHECK_INT(lookup("XX"), -1, "\"XX\" is unknown");
	CHECK_INT(lookup(""), -1, "empty text is unknown");
	CHECK_INT(lookup("   "), -1, "blank text is unknown");
	CHECK_INT(lookup("none"), -1, "\"none\" is unknown");
	CHECK_INT(lookup("H"), -1, "\"H\" is unknown");
	CHECK_INT(lookup("Hessenx"), -1, "\"Hessenx\" is unknown");
	CHECK_INT(lookup("Baden-Wurttemberg"), -1,
			  "\"Baden-Wurttemberg\" is unknown");
	CHECK_INT(lookup("H E"), -1, "\"H E\" is unknown");
	CHECK_INT(absolv_land_lookup("H\0E", 3), -1, "a NUL byte does not match");
	CHECK_INT(absolv_land_lookup(NULL, 0), -1, "NULL is unknown");
	CHECK_INT(lookup("Schleswig-Holstein-Schleswig-Holstein"), -1,
			  "long text is unknown");

	CHECK(name_is(absolv_land_code(ABSOLV_LAND_HE), "HE"), "code of HE");
	CHECK(name_is(absolv_land_name(ABSOLV_LAND_HE), "Hessen"), "name of HE");
	CHECK(name_is(absolv_land_name(ABSOLV_LAND_TH), "Th\xC3\xBCringen"),
		  "name of TH");
	CHECK(name_is(absolv_land_code(ABSOLV_LAND_SH), "SH"), "code of SH");
	CHECK(absolv_land_code(ABSOLV_LAND_NONE) == NULL, "NONE has no code");
	CHECK(absolv_land_name(ABSOLV_LAND_NONE) == NULL, "NONE has no name");
	CHECK(absolv_land_code((absolv_land) ABSOLV_LAND_COUNT) == NULL,
		  "invalid Land has no code");

	ok = true;
	for (land = ABSOLV_LAND_NONE + 1; land < ABSOLV_LAND_COUNT; land++)
		ok = ok && absolv_land_code(land) != NULL &&
			absolv_land_name(land) != NULL &&
			(strlen(absolv_land_code(land)) == 2) ==
			(land < ABSOLV_LAND_FIRST_REGION) &&
			lookup(absolv_land_code(land)) == land &&
			lookup(absolv_land_name(land)) == land;
	CHECK(ok, "every code and name looks up its own calendar; the Länder "
		  "have two-letter codes");

	/* the Land of each calendar */
	CHECK_INT(absolv_land_parent(ABSOLV_LAND_HE), ABSOLV_LAND_HE,
			  "the Land of HE is HE");
	CHECK_INT(absolv_land_parent(ABSOLV_LAND_BY_AUGSBURG), ABSOLV_LAND_BY,
			  "the Land of BY-AUGSBURG is BY");
	CHECK_INT(absolv_land_parent(ABSOLV_LAND_BY_MHF), ABSOLV_LAND_BY,
			  "the Land of BY-MHF is BY");
	CHECK_INT(absolv_land_parent(ABSOLV_LAND_SN_FRONLEICHNAM), ABSOLV_LAND_SN,
			  "the Land of SN-FRONLEICHNAM is SN");
	CHECK_INT(absolv_land_parent(ABSOLV_LAND_TH_FRONLEICHNAM), ABSOLV_LAND_TH,
			  "the Land of TH-FRONLEICHNAM is TH");
	CHECK_INT(absolv_land_parent((absolv_land) ABSOLV_LAND_COUNT),
			  ABSOLV_LAND_NONE, "an invalid calendar has no Land");
	CHECK(name_is(absolv_land_name(ABSOLV_LAND_BY_AUGSBURG), "Augsburg"),
		  "name of BY-AUGSBURG");

	/* the accepted codes are every code, in order */
	{
		char		all[300] = "";

		for (land = ABSOLV_LAND_NONE + 1; land < ABSOLV_LAND_COUNT; land++)
		{
			if (land > ABSOLV_LAND_NONE + 1)
				strcat(all, ", ");
			strcat(all, absolv_land_code(land));
		}
		CHECK(name_is(absolv_land_accepted(), all),
			  "absolv_land_accepted lists every code (%s)", all);
	}
}

int
main(void)
{
	test_days();
	test_weekday();
	test_arithmetic();
	test_easter();
	test_holidays();
	test_working_days();
	test_lands();
	return unit_done();
}
