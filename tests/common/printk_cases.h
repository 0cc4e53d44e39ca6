/* SPDX-License-Identifier: MIT */
/*
 * printf format cases shared by the host tests and the in-kernel tests:
 * CASE(expected output, format, arguments...). Every case has the same
 * result on a 32-bit kernel and a 64-bit host.
 */
#ifndef TESTS_COMMON_PRINTK_CASES_H
#define TESTS_COMMON_PRINTK_CASES_H

#include "kernel/lib/vsprintf.h"

/*
 * snprintf without the format attribute: some cases are deliberately
 * odd (a NULL string, an unknown conversion) and must reach the kernel's
 * formatter instead of being refused by the compiler.
 */
static inline int format_for_test(char *buf, size_t size, const char *fmt,
				  ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#define PRINTK_FORMAT_CASES(CASE)                                         \
	CASE("42", "%d", 42)                                              \
	CASE("-42", "%i", -42)                                            \
	CASE("+5  5", "%+d % d", 5, 5)                                    \
	CASE("4294967295", "%u", 4294967295u)                             \
	CASE("deadbeef DEADBEEF", "%x %X", 0xdeadbeefu, 0xdeadbeefu)      \
	CASE("0xdeadbeef", "%#x", 0xdeadbeefu)                            \
	CASE("377 0377", "%o %#o", 255u, 255u)                            \
	CASE("255 -1", "%hhu %hhd", 511u, 255)                            \
	CASE("65535", "%hu", 0x1ffffu)                                    \
	CASE("18446744073709551615", "%llu", 18446744073709551615ull)     \
	CASE("-9223372036854775808", "%lld", -9223372036854775807ll - 1)  \
	CASE("ffffffffffffffff", "%llx", ~0ull)                           \
	CASE("0000000fffff0000", "%016llx", 0xfffff0000ull)               \
	CASE("12345678", "%zu", (size_t)12345678)                         \
	CASE("-3", "%zd", (ptrdiff_t)-3)                                  \
	CASE("123456", "%lu", 123456ul)                                   \
	CASE("00042|-0042", "%05d|%05d", 42, -42)                         \
	CASE("   42|42   |", "%5d|%-5d|", 42, 42)                         \
	CASE("   -7", "%*d", 5, -7)                                       \
	CASE("-7   |", "%*d|", -5, -7)                                    \
	CASE("00042", "%.5d", 42)                                         \
	CASE("  abc|abc  |", "%5s|%-5s|", "abc", "abc")                   \
	CASE("ab", "%.2s", "abcdef")                                      \
	CASE("abc", "%.*s", 3, "abcdef")                                  \
	CASE("(null)", "%s", (char *)0)                                   \
	CASE("x|  y", "%c|%3c", 'x', 'y')                                 \
	CASE("100%", "%d%%", 100)                                         \
	CASE("", "%.0d", 0)                                               \
	CASE("0", "%d", 0)                                                \
	CASE("%q", "%q")

/* snprint_size: bytes -> human-readable. */
#define PRINTK_SIZE_CASES(CASE)              \
	CASE("0 bytes", 0ull)                \
	CASE("1023 bytes", 1023ull)          \
	CASE("4 KiB", 4096ull)               \
	CASE("640 KiB", 655360ull)           \
	CASE("1.5 MiB", 1572864ull)          \
	CASE("896 MiB", 896ull << 20)        \
	CASE("61 GiB", 61ull << 30)          \
	CASE("64 GiB", 1ull << 36)           \
	CASE("1.25 GiB", 1342177280ull)      \
	CASE("1.75 GiB", 1792ull << 20)      \
	CASE("4097 MiB", 4097ull << 20)      \
	CASE("6.5 GiB", 6656ull << 20)       \
	CASE("1025 bytes", 1025ull)

#endif /* TESTS_COMMON_PRINTK_CASES_H */
