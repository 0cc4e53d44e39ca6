// SPDX-License-Identifier: MIT
/*
 * A small printf engine. It writes through a cursor that counts every
 * character but stores only those that fit, which gives snprintf's
 * "would have written" return value for free.
 */
#include "kernel/lib/vsprintf.h"
#include "kernel/lib/string.h"

#define FLAG_LEFT 0x01	/* '-' */
#define FLAG_ZERO 0x02	/* '0' */
#define FLAG_PLUS 0x04	/* '+' */
#define FLAG_SPACE 0x08 /* ' ' */
#define FLAG_ALT 0x10	/* '#' */

struct out {
	char *buf;
	size_t size;
	size_t len; /* characters produced, stored or not */
};

struct spec {
	unsigned int flags;
	int width;
	int precision; /* -1: none given */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const char *s, const struct spec *sp)
{
	int len;

	if (!s)
		s = "(null)";
	len = sp->precision >= 0 ? (int)strnlen(s, sp->precision)
				 : (int)strlen(s);
	if (!(sp->flags & FLAG_LEFT))
		put_repeat(o, ' ', sp->width - len);
	for (int i = 0; i < len; i++)
		put(o, s[i]);
	if (sp->flags & FLAG_LEFT)
		put_repeat(o, ' ', sp->width - len);
}

/* Format @val in @base with sign, prefix, precision and padding. */
static void put_number(struct out *o, u64 val, bool negative, int base,
		       bool upper, const struct spec *sp)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24]; /* 2^64 in octal is 22 digits */
	const char *prefix = "";
	int n = 0, zeros, pad;

	do {
		tmp[n++] = digits[val % base];
		val /= base;
	} while (val);
	if (sp->precision == 0 && n == 1 && tmp[0] == '0')
		n = 0;

	if (negative)
		prefix = "-";
	else if (sp->flags & FLAG_PLUS)
		prefix = "+";
	else if (sp->flags & FLAG_SPACE)
		prefix = " ";
	else if ((sp->flags & FLAG_ALT) && base == 16)
		prefix = upper ? "0X" : "0x";
	else if ((sp->flags & FLAG_ALT) && base == 8)
		prefix = "0";

	zeros = sp->precision > n ? sp->precision - n : 0;
	pad = sp->width - n - zeros - (int)strlen(prefix);
	if ((sp->flags & FLAG_ZERO) && !(sp->flags & FLAG_LEFT) &&
	    sp->precision < 0) {
		zeros += pad > 0 ? pad : 0;
		pad = 0;
	}
	if (!(sp->flags & FLAG_LEFT))
		put_repeat(o, ' ', pad);
	while (*prefix)
		put(o, *prefix++);
	put_repeat(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	if (sp->flags & FLAG_LEFT)
		put_repeat(o, ' ', pad);
}

static void put_pointer(struct out *o, const char **fmtp, void *ptr,
			struct spec *sp)
{
	const char *fmt = *fmtp;

	if (fmt[1] == 'S' || fmt[1] == 's' || fmt[1] == 'B') {
		char sym[SYMBOL_TEXT_MAX];

		if (fmt[1] == 'B')
			sprint_backtrace(sym, sizeof(sym), (unsigned long)ptr);
		else
			sprint_symbol(sym, sizeof(sym), (unsigned long)ptr);
		put_str(o, sym, sp);
		*fmtp = fmt + 1;
		return;
	}
	/* A plain %p is always the full width of an address. */
	sp->flags |= FLAG_ZERO;
	sp->width = 2 * sizeof(void *);
	put_number(o, (uintptr_t)ptr, false, 16, false, sp);
}

static const char *parse_int(const char *fmt, int *val)
{
	*val = 0;
	while (*fmt >= '0' && *fmt <= '9')
		*val = *val * 10 + (*fmt++ - '0');
	return fmt;
}

/* Fetch the next integer argument according to the length modifier. */
static u64 fetch_int(va_list *ap, int length, bool is_signed, bool *negative)
{
	s64 sval;
	u64 uval;

	*negative = false;
	if (!is_signed) {
		switch (length) {
		case 'H': return (u8)va_arg(*ap, unsigned int);
		case 'h': return (u16)va_arg(*ap, unsigned int);
		case 'l': return va_arg(*ap, unsigned long);
		case 'q': return va_arg(*ap, unsigned long long);
		case 'z': return va_arg(*ap, size_t);
		case 't': return (uintptr_t)va_arg(*ap, ptrdiff_t);
		case 'j': return va_arg(*ap, uintmax_t);
		default: return va_arg(*ap, unsigned int);
		}
	}
	switch (length) {
	case 'H': sval = (s8)va_arg(*ap, int); break;
	case 'h': sval = (s16)va_arg(*ap, int); break;
	case 'l': sval = va_arg(*ap, long); break;
	case 'q': sval = va_arg(*ap, long long); break;
	case 'z': sval = (ptrdiff_t)va_arg(*ap, size_t); break;
	case 't': sval = va_arg(*ap, ptrdiff_t); break;
	case 'j': sval = va_arg(*ap, intmax_t); break;
	default: sval = va_arg(*ap, int); break;
	}
	if (sval < 0) {
		*negative = true;
		uval = -(u64)sval;
	} else {
		uval = sval;
	}
	return uval;
}

static const char *parse_length(const char *fmt, int *length)
{
	*length = 0;
	if (fmt[0] == 'h' && fmt[1] == 'h') {
		*length = 'H';
		return fmt + 2;
	}
	if (fmt[0] == 'l' && fmt[1] == 'l') {
		*length = 'q';
		return fmt + 2;
	}
	if (*fmt == 'h' || *fmt == 'l' || *fmt == 'z' || *fmt == 't' ||
	    *fmt == 'j')
		*length = *fmt++;
	return fmt;
}

static const char *parse_spec(const char *fmt, va_list *ap, struct spec *sp)
{
	sp->flags = 0;
	for (;; fmt++) {
		if (*fmt == '-')
			sp->flags |= FLAG_LEFT;
		else if (*fmt == '0')
			sp->flags |= FLAG_ZERO;
		else if (*fmt == '+')
			sp->flags |= FLAG_PLUS;
		else if (*fmt == ' ')
			sp->flags |= FLAG_SPACE;
		else if (*fmt == '#')
			sp->flags |= FLAG_ALT;
		else
			break;
	}
	if (*fmt == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->flags |= FLAG_LEFT;
			sp->width = -sp->width;
		}
		fmt++;
	} else {
		fmt = parse_int(fmt, &sp->width);
	}
	sp->precision = -1;
	if (*fmt == '.') {
		fmt++;
		if (*fmt == '*') {
			sp->precision = va_arg(*ap, int);
			fmt++;
		} else {
			fmt = parse_int(fmt, &sp->precision);
		}
		if (sp->precision < 0)
			sp->precision = -1;
	}
	return fmt;
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list args;

	va_copy(args, ap);
	for (; *fmt; fmt++) {
		struct spec sp;
		int length;
		bool negative;
		u64 val;

		if (*fmt != '%') {
			put(&o, *fmt);
			continue;
		}
		fmt = parse_spec(fmt + 1, &args, &sp);
		fmt = parse_length(fmt, &length);
		switch (*fmt) {
		case 'd':
		case 'i':
			val = fetch_int(&args, length, true, &negative);
			put_number(&o, val, negative, 10, false, &sp);
			break;
		case 'u':
		case 'x':
		case 'X':
		case 'o':
			val = fetch_int(&args, length, false, &negative);
			put_number(&o, val, false,
				   *fmt == 'u' ? 10 : *fmt == 'o' ? 8 : 16,
				   *fmt == 'X', &sp);
			break;
		case 'c': {
			char c[2] = { (char)va_arg(args, int), '\0' };

			sp.precision = 1;
			put_str(&o, c, &sp);
			break;
		}
		case 's':
			put_str(&o, va_arg(args, const char *), &sp);
			break;
		case 'p':
			put_pointer(&o, &fmt, va_arg(args, void *), &sp);
			break;
		case '%':
			put(&o, '%');
			break;
		case '\0':
			fmt--; /* a lone '%' at the end: stop cleanly */
			break;
		default:
			/* Unknown conversion: show it rather than guess. */
			put(&o, '%');
			put(&o, *fmt);
			break;
		}
	}
	va_end(args);
	if (size)
		buf[o.len < size ? o.len : size - 1] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

int scnprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (size == 0)
		return 0;
	return n < (int)size ? n : (int)size - 1;
}

int snprint_size(char *buf, size_t size, u64 bytes)
{
	static const char *const units[] = { "bytes", "KiB", "MiB", "GiB",
					     "TiB" };
	unsigned int u = ARRAY_SIZE(units) - 1;
	u64 unit = 1, hundredths;

	/*
	 * The largest unit in which the size is exact with at most two
	 * decimals: 1.75 GiB, but 4097 MiB rather than a rounded 4.0 GiB.
	 */
	for (; u > 0; u--) {
		unit = 1ull << (10 * u);
		if (bytes >= unit && bytes <= ~0ull / 100 &&
		    (bytes * 100) % unit == 0)
			break;
	}
	if (u == 0)
		return scnprintf(buf, size, "%llu bytes",
				 (unsigned long long)bytes);
	hundredths = bytes * 100 / unit;
	if (hundredths % 100 == 0)
		return scnprintf(buf, size, "%llu %s",
				 (unsigned long long)(hundredths / 100),
				 units[u]);
	if (hundredths % 10 == 0)
		return scnprintf(buf, size, "%llu.%llu %s",
				 (unsigned long long)(hundredths / 100),
				 (unsigned long long)(hundredths / 10 % 10),
				 units[u]);
	return scnprintf(buf, size, "%llu.%02llu %s",
			 (unsigned long long)(hundredths / 100),
			 (unsigned long long)(hundredths % 100), units[u]);
}
