// SPDX-License-Identifier: MIT
/*
 * The console as a file, and /dev/null. Reads of the console take a line
 * from the serial port, with echo, backspace, and ^D alone for end of
 * file; writes go to the kernel's console (serial, port 0xE9, VGA). The
 * shell does not read while it waits for a program it runs, so the line
 * is the program's. ioctl answers TCGETS and TIOCGWINSZ as a terminal.
 */
#include "kernel/drivers/console.h"
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "mm/slab.h"
#include <asm/uaccess.h>

#define TCGETS 0x5401
#define TIOCGWINSZ 0x5413
#define CONSOLE_LINE_MAX 256


/* A line from the serial console, echoed; ^D alone is end of file. */
static long console_read(struct file *f, void *ubuf, unsigned long len)
{
	char line[CONSOLE_LINE_MAX];
	size_t n = 0;

	(void)f;
	if (!access_ok(ubuf, len))
		return -EFAULT;
	while (n < sizeof(line)) {
		int got = serial_read_interruptible();
		char c = (char)got;

		/*
		 * A signal: what was typed so far is dropped, and the read
		 * starts again after it unless a handler without SA_RESTART ran.
		 */
		if (got < 0)
			return -ERESTARTSYS;

		if (c == '\r')
			c = '\n';
		if (c == 0x04 && n == 0)
			break;
		if (c == 0x7f || c == '\b') {
			if (n) {
				n--;
				console_write("\b \b", 3);
			}
			continue;
		}
		line[n++] = c;
		console_write(&c, 1);
		if (c == '\n')
			break;
	}
	if (n > len)
		n = len;
	return copy_to_user(ubuf, line, n) ? -EFAULT : (long)n;
}

static long console_write_user(struct file *f, const void *ubuf,
			       unsigned long len)
{
	char buf[128];
	unsigned long done = 0;

	(void)f;
	while (done < len) {
		unsigned long chunk = min(len - done, (unsigned long)sizeof(buf));

		if (copy_from_user(buf, (const u8 __user *)ubuf + done, chunk))
			return done ? (long)done : -EFAULT;
		console_write(buf, chunk);
		done += chunk;
	}
	return (long)done;
}

/* struct termios of TCGETS: a cooked line with echo, 38400 baud. */
struct ktermios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[19];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

static long console_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	static const struct ktermios t = {
		.c_iflag = 0x0500,	 /* ICRNL | IXON */
		.c_oflag = 0x0005,	 /* OPOST | ONLCR */
		.c_cflag = 0x00bf,	 /* B38400 | CS8 | CREAD */
		.c_lflag = 0x8a3b,	 /* ISIG ICANON ECHO ECHOE ECHOK ECHOCTL ECHOKE IEXTEN */
		.c_cc = { 3, 28, 127, 21, 4, 0, 1 },
	};
	static const struct winsize ws = { 24, 80, 0, 0 };

	(void)f;
	if (cmd == TCGETS)
		return copy_to_user((void __user *)arg, &t, sizeof(t)) ? -EFAULT
								       : 0;
	if (cmd == TIOCGWINSZ)
		return copy_to_user((void __user *)arg, &ws, sizeof(ws)) ? -EFAULT
									 : 0;
	return -EINVAL;
}

static const struct file_operations console_fops = {
	.read = console_read,
	.write = console_write_user,
	.ioctl = console_ioctl,
};

static long null_read(struct file *f, void *ubuf, unsigned long len)
{
	(void)f, (void)ubuf, (void)len;
	return 0;
}

static long null_write(struct file *f, const void *ubuf, unsigned long len)
{
	(void)f, (void)ubuf;
	return (long)len;
}

static const struct file_operations null_fops = {
	.read = null_read,
	.write = null_write,
};

struct file *console_file(void)
{
	return file_alloc(NULL, &console_fops, O_RDWR);
}

struct file *null_file(unsigned int flags)
{
	return file_alloc(NULL, &null_fops, flags);
}

int chrdev_open(struct inode *inode, unsigned int major, unsigned int minor,
		unsigned int flags, struct file **filp)
{
	(void)inode, (void)minor;
	if (major == 1)
		*filp = null_file(flags);
	else if (major == 4 || major == 5)
		*filp = console_file();
	else
		return -ENXIO;
	return *filp ? 0 : -ENOMEM;
}
