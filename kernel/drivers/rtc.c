// SPDX-License-Identifier: MIT
/*
 * The battery-backed clock of the PC (the MC146818 "CMOS" RTC), read
 * once at boot for the realtime clock: file times and CLOCK_REALTIME are
 * that reading plus the monotonic time since. The chip counts in BCD or
 * binary and in 12- or 24-hour mode as its status register B says; a
 * reading is taken twice and kept only when both agree, since an update
 * in the middle would tear it.
 */
#define pr_fmt(fmt) "rtc: " fmt

#include "kernel/printk.h"
#include "kernel/timer.h"
#include <asm/io.h>

#define CMOS_INDEX 0x70
#define CMOS_DATA 0x71
#define RTC_SECONDS 0x00
#define RTC_MINUTES 0x02
#define RTC_HOURS 0x04
#define RTC_DAY 0x07
#define RTC_MONTH 0x08
#define RTC_YEAR 0x09
#define RTC_STATUS_A 0x0a
#define RTC_STATUS_B 0x0b
#define RTC_UIP 0x80	  /* A: an update is in progress */
#define RTC_24H 0x02	  /* B: 24-hour mode */
#define RTC_BINARY 0x04	  /* B: binary, not BCD */
#define RTC_PM 0x80	  /* the hour's PM bit in 12-hour mode */

static u64 boot_epoch_ns; /* the realtime at ktime 0 */

static u8 cmos_read(u8 reg)
{
	outb(CMOS_INDEX, reg);
	return inb(CMOS_DATA);
}

struct rtc_time {
	u8 sec, min, hour, day, mon, year;
};

static void read_raw(struct rtc_time *t)
{
	while (cmos_read(RTC_STATUS_A) & RTC_UIP)
		;
	t->sec = cmos_read(RTC_SECONDS);
	t->min = cmos_read(RTC_MINUTES);
	t->hour = cmos_read(RTC_HOURS);
	t->day = cmos_read(RTC_DAY);
	t->mon = cmos_read(RTC_MONTH);
	t->year = cmos_read(RTC_YEAR);
}

static u8 bcd(u8 v)
{
	return (u8)((v >> 4) * 10 + (v & 0xf));
}

/* Days from 1970-01-01 to @y-@m-@d (the proleptic Gregorian calendar). */
static s64 days_from_civil(int y, int m, int d)
{
	int era, yoe, doy, doe;

	y -= m <= 2;
	era = y / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (s64)era * 146097 + doe - 719468;
}

void rtc_init(void)
{
	struct rtc_time a, b;
	u8 status;
	bool pm;
	s64 secs;

	do {
		read_raw(&a);
		read_raw(&b);
	} while (a.sec != b.sec || a.min != b.min || a.hour != b.hour ||
		 a.day != b.day || a.mon != b.mon || a.year != b.year);
	status = cmos_read(RTC_STATUS_B);
	pm = !(status & RTC_24H) && (a.hour & RTC_PM);
	a.hour &= (u8)~RTC_PM;
	if (!(status & RTC_BINARY)) {
		a.sec = bcd(a.sec);
		a.min = bcd(a.min);
		a.hour = bcd(a.hour);
		a.day = bcd(a.day);
		a.mon = bcd(a.mon);
		a.year = bcd(a.year);
	}
	if (!(status & RTC_24H))
		a.hour = (u8)(a.hour % 12 + (pm ? 12 : 0));
	if (a.mon < 1 || a.mon > 12 || a.day < 1 || a.day > 31 ||
	    a.hour > 23 || a.min > 59 || a.sec > 59) {
		pr_warn("nonsense reading (%02u-%02u %02u:%02u:%02u): the "
			"realtime clock starts at 1970\n", a.mon, a.day,
			a.hour, a.min, a.sec);
		return;
	}
	secs = days_from_civil(2000 + a.year, a.mon, a.day) * 86400 +
	       a.hour * 3600 + a.min * 60 + a.sec;
	/* Not logged: the boot log stays the same from one boot to the next. */
	boot_epoch_ns = (u64)secs * 1000000000ull - ktime_get_ns();
}

u64 ktime_get_real_ns(void)
{
	return boot_epoch_ns + ktime_get_ns();
}
