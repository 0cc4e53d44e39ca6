// SPDX-License-Identifier: MIT
/* Named Bochs magic breakpoints (see kernel/debug/bochs.h). */
#include "kernel/debug/bochs.h"
#include "kernel/cmdline.h"
#include "kernel/drivers/console.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/lib/vsprintf.h"
#include "kernel/printk.h"

#define BREAK_MSG_LEN 256

static const char *const break_names[NR_BREAK_POINTS] = {
	[BREAK_PAGING] = "paging",
	[BREAK_ZONES] = "zones",
	[BREAK_KMAP] = "kmap",
	[BREAK_PKMAP_FLUSH] = "pkmap-flush",
	[BREAK_KMAP_ATOMIC] = "kmap-atomic",
	[BREAK_KMAP_LOCAL] = "kmap-local",
	[BREAK_USER_FAULT] = "fault",
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

/* Read the COUNT of "NAME:COUNT" (at most @len chars): 0 if bad. */
static u32 parse_count(const char *s, size_t len)
{
	u32 n = 0;

	if (len == 0 || len > 6)
		return 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		n = n * 10 + (u32)(s[i] - '0');
	}
	return n;
}

int bochs_break_parse(const char *list, u32 *mask, u32 *left)
{
	*mask = 0;
	for (int i = 0; i < NR_BREAK_POINTS; i++)
		left[i] = 0;
	if (strcmp(list, "all") == 0) {
		*mask = (1u << NR_BREAK_POINTS) - 1;
		return 0;
	}
	while (*list) {
		size_t len = 0, name_len;
		int point;

		while (list[len] && list[len] != ',')
			len++;
		for (name_len = 0; name_len < len && list[name_len] != ':';
		     name_len++)
			;
		point = lookup_break(list, name_len);
		if (point < 0)
			return -EINVAL;
		if (name_len < len) {
			left[point] = parse_count(list + name_len + 1,
						  len - name_len - 1);
			if (!left[point])
				return -EINVAL;
		}
		*mask |= 1u << point;
		list += len;
		if (*list == ',')
			list++;
	}
	return *mask ? 0 : -EINVAL;
}

/* bochs.break=: the points switched on, and the stops left at each. */
u32 bochs_break_mask;
static u32 bochs_break_left[NR_BREAK_POINTS];

static int parse_bochs_break(const char *value)
{
	u32 mask, left[NR_BREAK_POINTS];

	/* Parsed aside: a bad value leaves the settings in force alone. */
	if (!value || bochs_break_parse(value, &mask, left))
		return cmdline_bad_value("bochs.break", value,
					 "expected all or a list of breakpoint "
					 "names (NAME or NAME:COUNT)");
	memcpy(bochs_break_left, left, sizeof(left));
	bochs_break_mask = mask;
	return 0;
}

static void show_bochs_break(char *buf, size_t size)
{
	size_t len = 0;

	strlcpy(buf, bochs_break_mask ? "" : "(none)", size);
	for (int i = 0; i < NR_BREAK_POINTS && len + 1 < size; i++)
		if (bochs_break_mask & (1u << i))
			len += scnprintf(buf + len, size - len, "%s%s",
					 len ? "," : "", bochs_break_name(i));
}
BOOT_PARAM("bochs.break", "bochs.break=P,.. stop in the Bochs debugger at P",
	   parse_bochs_break, show_bochs_break);

void __bochs_break(enum bochs_break_point point, unsigned long a,
		   unsigned long d, const char *fmt, ...)
{
	char msg[BREAK_MSG_LEN];
	int len;
	va_list ap;

	if (!e9_present())
		return;
	/* NAME:COUNT: this is the last stop at this point. */
	if (bochs_break_left[point] && --bochs_break_left[point] == 0)
		bochs_break_mask &= ~(1u << point);
	len = scnprintf(msg, sizeof(msg), "bochs.break: %s: ",
			bochs_break_name(point));
	va_start(ap, fmt);
	len += vsnprintf(msg + len, sizeof(msg) - len, fmt, ap);
	va_end(ap);
	if (len >= (int)sizeof(msg) - 1)
		len = sizeof(msg) - 2;
	msg[len++] = '\n';
	e9_write(msg, len);
	BOCHS_BREAK_WITH(a, d);
}
