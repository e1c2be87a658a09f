/*
 * messages.c
 *	  A user's value quoted in an error message, clipped to a readable
 *	  length.
 */
#include "postgres.h"

#include "lib/stringinfo.h"
#include "mb/pg_wchar.h"

#include "absolv_pg.h"

/*
 * A user's value for an error message: its first ABSOLV_QUOTE_CHARS
 * characters, and "..." if there were more.
 */
char *
absolv_clip_for_message(const char *value, int len)
{
	int			clip = pg_mbcharcliplen(value, len, ABSOLV_QUOTE_CHARS);
	StringInfoData buf;

	initStringInfo(&buf);
	appendBinaryStringInfo(&buf, value, clip);
	if (clip < len)
		appendStringInfoString(&buf, "...");
	return buf.data;
}
