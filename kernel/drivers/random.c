// SPDX-License-Identifier: MIT
/*
 * The kernel's random numbers: ChaCha20 (RFC 8439's block function) in
 * counter mode under a 256-bit key, with "fast key erasure": each
 * request first makes a block whose first half becomes the next key and
 * whose second half is output, so what was handed out cannot be worked
 * back from a key read later.
 *
 * The key starts from the TSC, RDRAND (where the CPU has it) and the
 * RTC's time. Each serial interrupt adds its TSC value to a small pool,
 * and every request folds the pool and the TSC into the key.
 */
#include "kernel/drivers/random.h"
#include "kernel/fs/fs.h"
#include "kernel/lib/errno.h"
#include "kernel/lib/string.h"
#include "kernel/proc/process.h"
#include "kernel/proc/syscalls.h"
#include "kernel/spinlock.h"
#include "kernel/timer.h"
#include <asm/cpu.h>
#include <asm/io.h>
#include <asm/uaccess.h>

#define CHACHA_ROUNDS 20
#define KEY_WORDS 8
#define POOL_WORDS 8
#define CPUID1_ECX_RDRAND (1u << 30)
#define RDRAND_TRIES 10
#define GRND_NONBLOCK 0x0001
#define GRND_RANDOM 0x0002
#define GRND_INSECURE 0x0004
#define GETRANDOM_MAX 0x7ffff000 /* Linux's MAX_RW_COUNT */
#define RANDOM_CHUNK 256

static DEFINE_SPINLOCK(random_lock);
static u32 key[KEY_WORDS];
static u64 counter;
static u32 pool[POOL_WORDS];
static unsigned int pool_pos;

static u32 rotl32(u32 v, int n)
{
	return (v << n) | (v >> (32 - n));
}

#define QUARTER(a, b, c, d)                                                    \
	do {                                                                   \
		a += b;                                                        \
		d = rotl32(d ^ a, 16);                                         \
		c += d;                                                        \
		b = rotl32(b ^ c, 12);                                         \
		a += b;                                                        \
		d = rotl32(d ^ a, 8);                                          \
		c += d;                                                        \
		b = rotl32(b ^ c, 7);                                          \
	} while (0)

/* One 64-byte block of the key stream at @ctr. */
static void chacha20_block(const u32 k[KEY_WORDS], u64 ctr, u32 out[16])
{
	static const u32 sigma[4] = {0x61707865, 0x3320646e, 0x79622d32,
				     0x6b206574}; /* "expand 32-byte k" */
	u32 in[16], x[16];

	/* The constant, the key, a 64-bit block counter, a zero nonce. */
	memcpy(in, sigma, sizeof(sigma));
	memcpy(in + 4, k, KEY_WORDS * sizeof(u32));
	in[12] = (u32)ctr;
	in[13] = (u32)(ctr >> 32);
	in[14] = in[15] = 0;
	memcpy(x, in, sizeof(x));
	for (int i = 0; i < CHACHA_ROUNDS; i += 2) {
		QUARTER(x[0], x[4], x[8], x[12]);
		QUARTER(x[1], x[5], x[9], x[13]);
		QUARTER(x[2], x[6], x[10], x[14]);
		QUARTER(x[3], x[7], x[11], x[15]);
		QUARTER(x[0], x[5], x[10], x[15]);
		QUARTER(x[1], x[6], x[11], x[12]);
		QUARTER(x[2], x[7], x[8], x[13]);
		QUARTER(x[3], x[4], x[9], x[14]);
	}
	for (int i = 0; i < 16; i++)
		out[i] = x[i] + in[i];
}

/* Fold the pool (and the TSC) into the key; random_lock held. */
static void stir(void)
{
	u64 tsc = rdtsc();

	for (int i = 0; i < POOL_WORDS; i++) {
		key[i % KEY_WORDS] ^= pool[i];
		pool[i] = 0;
	}
	key[0] ^= (u32)tsc;
	key[1] ^= (u32)(tsc >> 32);
}

/* Up to 32 bytes out, and a new key; random_lock held. */
static size_t next_output(u8 *buf, size_t len)
{
	u32 block[16];
	size_t n = min(len, (size_t)32);

	chacha20_block(key, counter++, block);
	memcpy(key, block, sizeof(key));
	memcpy(buf, &block[8], n);
	memset(block, 0, sizeof(block));
	return n;
}

void get_random_bytes(void *buf, size_t len)
{
	unsigned long flags;
	u8 *p = buf;

	spin_lock_irqsave(&random_lock, flags);
	stir();
	while (len) {
		size_t n = next_output(p, len);

		p += n;
		len -= n;
	}
	spin_unlock_irqrestore(&random_lock, flags);
}

void random_add_event(u64 value)
{
	unsigned long flags;

	spin_lock_irqsave(&random_lock, flags);
	pool[pool_pos % POOL_WORDS] = rotl32(pool[pool_pos % POOL_WORDS], 7) ^
				      (u32)value ^ (u32)(value >> 32);
	pool_pos++;
	spin_unlock_irqrestore(&random_lock, flags);
}

static bool rdrand32(u32 *v)
{
	for (int i = 0; i < RDRAND_TRIES; i++) {
		u8 ok;

		__asm__ __volatile__("rdrand %0; setc %1"
				     : "=r"(*v), "=qm"(ok)
				     :
				     : "cc");
		if (ok)
			return true;
	}
	return false;
}

static u8 cmos_read(u8 reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

void random_init(void)
{
	bool has_rdrand = cpuid(1).ecx & CPUID1_ECX_RDRAND;
	u32 v;

	/* The RTC's seconds..year: a different start on every boot. */
	for (u8 reg = 0; reg <= 9; reg++)
		random_add_event((u64)cmos_read(reg) << (reg * 3));
	random_add_event(rdtsc());
	random_add_event(get_jiffies_64());
	for (int i = 0; has_rdrand && i < KEY_WORDS; i++)
		if (rdrand32(&v))
			random_add_event(v);
	get_random_bytes(&v, sizeof(v)); /* folds it all into the key */
}

static long random_read(struct file *f, void *ubuf, unsigned long len)
{
	unsigned long done = 0;

	(void)f;
	while (done < len) {
		u8 buf[RANDOM_CHUNK];
		unsigned long n = min(len - done, sizeof(buf));

		/* A large read gives way to a signal, with what it has. */
		if (done && signal_pending(current))
			break;
		get_random_bytes(buf, n);
		if (copy_to_user((u8 __user *)ubuf + done, buf, n)) {
			memset(buf, 0, sizeof(buf));
			return done ? (long)done : -EFAULT;
		}
		done += n;
	}
	return (long)done;
}

/* Writes are stirred in, as Linux does with them (without credit). */
static long random_write(struct file *f, const void *ubuf, unsigned long len)
{
	unsigned long done = 0;

	(void)f;
	while (done < len) {
		u32 w = 0;
		unsigned long n = min(len - done, sizeof(w));

		if (copy_from_user(&w, (const u8 __user *)ubuf + done, n))
			return done ? (long)done : -EFAULT;
		random_add_event(w);
		done += n;
	}
	return (long)done;
}

static const struct file_operations random_fops = {
	.read = random_read,
	.write = random_write,
};

int random_open(unsigned int flags, struct file **filp)
{
	*filp = file_alloc(NULL, &random_fops, flags);
	return *filp ? 0 : -ENOMEM;
}

long sys_getrandom(long ubuf, long count, long flags)
{
	unsigned long len = (unsigned long)count;

	if (flags & ~(long)(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if (len > GETRANDOM_MAX)
		len = GETRANDOM_MAX;
	if (!access_ok((void __user *)ubuf, len))
		return -EFAULT;
	/* Seeded at boot: never blocks, so GRND_NONBLOCK changes nothing. */
	return random_read(NULL, (void *)ubuf, len);
}
