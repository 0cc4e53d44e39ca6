// SPDX-License-Identifier: MIT
/* Named Bochs magic breakpoints (see kernel/bochs.h). */
#include "kernel/bochs.h"
#include "kernel/console.h"
#include "kernel/errno.h"
#include "kernel/string.h"
#include "kernel/vsprintf.h"

#define BREAK_MSG_LEN 256

static const char *const break_names[NR_BREAK_POINTS] = {
	[BREAK_PAGING] = "paging",
	[BREAK_ZONES] = "zones",
	[BREAK_KMAP] = "kmap",
	[BREAK_PKMAP_FLUSH] = "pkmap-flush",
	[BREAK_KMAP_ATOMIC] = "kmap-atomic",
	[BREAK_PANIC] = "panic",
	[BREAK_KTEST] = "ktest",
};

const char *bochs_break_name(enum bochs_break_point point)
{
	return point < NR_BREAK_POINTS ? break_names[point] : "?";
}

static int lookup_break(const char *name, size_t len)
{
	for (int i = 0; i < NR_BREAK_POINTS; i++)
		if (strlen(break_names[i]) == len &&
		    strncmp(break_names[i], name, len) == 0)
			return i;
	return -1;
}

int bochs_break_parse(const char *list, u32 *mask)
{
	*mask = 0;
	if (strcmp(list, "all") == 0) {
		*mask = (1u << NR_BREAK_POINTS) - 1;
		return 0;
	}
	while (*list) {
		size_t len = 0;
		int point;

		while (list[len] && list[len] != ',')
			len++;
		point = lookup_break(list, len);
		if (point < 0)
			return -EINVAL;
		*mask |= 1u << point;
		list += len;
		if (*list == ',')
			list++;
	}
	return *mask ? 0 : -EINVAL;
}

void __bochs_break(enum bochs_break_point point, const char *fmt, ...)
{
	char msg[BREAK_MSG_LEN];
	int len;
	va_list ap;

	if (!e9_present())
		return;
	len = scnprintf(msg, sizeof(msg), "bochs.break: %s: ",
			bochs_break_name(point));
	va_start(ap, fmt);
	len += vsnprintf(msg + len, sizeof(msg) - len, fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof(msg) - 1)
		len = sizeof(msg) - 2;
	msg[len++] = '\n';
	e9_write(msg, len);
	BOCHS_BREAK();
}
