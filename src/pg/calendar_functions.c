/*
 * calendar_functions.c
 *	  The calendar of the core in SQL: working days and public holidays of
 *	  a Land.
 */
#include "postgres.h"

#include "utils/builtins.h"
#include "utils/date.h"

#include "absolv_pg.h"

PG_FUNCTION_INFO_V1(absolv_add_working_days_date);
PG_FUNCTION_INFO_V1(absolv_holiday);

/*
 * absolv_add_working_days(day, n, land): the n-th working day after day in
 * the Land (n = 0 gives day itself).  An infinite day stays as it is.  The
 * C name has a suffix: absolv_add_working_days is the core's function.
 */
Datum
absolv_add_working_days_date(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	int32		n = PG_GETARG_INT32(1);
	absolv_land land = absolv_land_arg(PG_GETARG_TEXT_PP(2));
	absolv_day	result;

	if (n < 0)
		ereport(ERROR,
				errcode(ERRCODE_INVALID_PARAMETER_VALUE),
				errmsg("number of working days must not be negative: %d", n));

	if (DATE_NOT_FINITE(day))
		PG_RETURN_DATEADT(day);

	if (!absolv_add_working_days(day, n, land, &result))
		ereport(ERROR,
				errcode(ERRCODE_DATETIME_VALUE_OUT_OF_RANGE),
				errmsg("date out of range"));
	PG_RETURN_DATEADT(result);
}

/*
 * absolv_holiday(day, land): the German name of the public holiday on that
 * day in the Land, or NULL.
 */
Datum
absolv_holiday(PG_FUNCTION_ARGS)
{
	DateADT		day = PG_GETARG_DATEADT(0);
	absolv_land land = absolv_land_arg(PG_GETARG_TEXT_PP(1));
	const char *name;

	if (DATE_NOT_FINITE(day))
		PG_RETURN_NULL();

	name = absolv_holiday_name(day, land);
	if (name == NULL)
		PG_RETURN_NULL();
	PG_RETURN_TEXT_P(cstring_to_text(name));
}
