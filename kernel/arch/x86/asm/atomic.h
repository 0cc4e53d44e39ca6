/* SPDX-License-Identifier: MIT */
/*
 * Atomic operations: read-modify-write instructions that no other CPU
 * can split. On x86 each is one instruction with the lock prefix (lock
 * xadd, lock cmpxchg, lock bts...), which also orders memory like
 * smp_mb(). GCC's __atomic builtins emit exactly those; using them
 * keeps the same header good for the host tests (x86-64).
 *
 * Plain loads and stores of an aligned int are atomic already: what the
 * lock prefix adds is that nothing happens between the read and the
 * write. Counters only one CPU writes (per-CPU data) need none of this.
 */
#ifndef ASM_ATOMIC_H
#define ASM_ATOMIC_H

#include "kernel/lib/compiler.h"

typedef struct {
	int counter;
} atomic_t;

#define ATOMIC_INIT(i) { (i) }

/**
 * atomic_read - the value of @v
 * @v: the atomic variable
 *
 * Context: any. Return: the value (a snapshot).
 */
static inline int atomic_read(const atomic_t *v)
{
	return READ_ONCE(v->counter);
}

/**
 * atomic_set - set @v to @i
 * @v: the atomic variable
 * @i: the new value
 *
 * Context: any.
 */
static inline void atomic_set(atomic_t *v, int i)
{
	WRITE_ONCE(v->counter, i);
}

/**
 * atomic_add_return - add @i to @v
 * @i: the amount
 * @v: the atomic variable
 *
 * Context: any. Return: the new value.
 */
static inline int atomic_add_return(int i, atomic_t *v)
{
	return __atomic_add_fetch(&v->counter, i, __ATOMIC_SEQ_CST);
}

/**
 * atomic_fetch_add - add @i to @v
 * @i: the amount
 * @v: the atomic variable
 *
 * Context: any. Return: the value before the addition (lock xadd).
 */
static inline int atomic_fetch_add(int i, atomic_t *v)
{
	return __atomic_fetch_add(&v->counter, i, __ATOMIC_SEQ_CST);
}

/**
 * atomic_add - add @i to @v
 * @i: the amount
 * @v: the atomic variable
 *
 * Context: any.
 */
static inline void atomic_add(int i, atomic_t *v)
{
	(void)atomic_add_return(i, v);
}

/**
 * atomic_sub - subtract @i from @v
 * @i: the amount
 * @v: the atomic variable
 *
 * Context: any.
 */
static inline void atomic_sub(int i, atomic_t *v)
{
	(void)atomic_add_return(-i, v);
}

/**
 * atomic_inc - add 1 to @v
 * @v: the atomic variable
 *
 * Context: any.
 */
static inline void atomic_inc(atomic_t *v)
{
	atomic_add(1, v);
}

/**
 * atomic_dec - subtract 1 from @v
 * @v: the atomic variable
 *
 * Context: any.
 */
static inline void atomic_dec(atomic_t *v)
{
	atomic_sub(1, v);
}

/**
 * atomic_inc_return - add 1 to @v
 * @v: the atomic variable
 *
 * Context: any. Return: the new value.
 */
static inline int atomic_inc_return(atomic_t *v)
{
	return atomic_add_return(1, v);
}

/**
 * atomic_dec_return - subtract 1 from @v
 * @v: the atomic variable
 *
 * Context: any. Return: the new value.
 */
static inline int atomic_dec_return(atomic_t *v)
{
	return atomic_add_return(-1, v);
}

/**
 * atomic_dec_and_test - decrement @v; did it reach zero?
 * @v: the atomic variable
 *
 * The last of several holders to drop a reference sees true, exactly
 * once. Context: any. Return: true if the new value is 0.
 */
static inline bool atomic_dec_and_test(atomic_t *v)
{
	return atomic_dec_return(v) == 0;
}

/**
 * atomic_cmpxchg - set @v to @new if it is @old
 * @v: the atomic variable
 * @old: the value expected
 * @new: the value to store
 *
 * Context: any. Return: the value @v had (@old if the store happened).
 */
static inline int atomic_cmpxchg(atomic_t *v, int old, int new)
{
	__atomic_compare_exchange_n(&v->counter, &old, new, false,
				    __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}

/**
 * atomic_xchg - set @v to @new
 * @v: the atomic variable
 * @new: the value to store
 *
 * Context: any. Return: the value @v had.
 */
static inline int atomic_xchg(atomic_t *v, int new)
{
	return __atomic_exchange_n(&v->counter, new, __ATOMIC_SEQ_CST);
}

/* The same on any word: *ptr = new if it was old; returns what it was. */
#define cmpxchg(ptr, old, new)                                             \
	({                                                                 \
		__typeof__(*(ptr)) __old = (old);                          \
		__atomic_compare_exchange_n((ptr), &__old, (new), false,   \
					    __ATOMIC_SEQ_CST,              \
					    __ATOMIC_SEQ_CST);             \
		__old;                                                     \
	})
#define xchg(ptr, new) __atomic_exchange_n((ptr), (new), __ATOMIC_SEQ_CST)

/*
 * Bit operations on a word: set_bit and friends are atomic (lock bts,
 * lock btr, lock or...); the __ forms are plain read-modify-writes for
 * words only their owner touches.
 */
#define BITS_PER_LONG (8 * (int)sizeof(unsigned long))
#define BIT_WORD(nr) ((nr) / BITS_PER_LONG)
#define BIT_MASK(nr) (1ul << ((nr) % BITS_PER_LONG))

/**
 * set_bit - set bit @nr of @addr atomically (lock or)
 * @nr: the bit
 * @addr: the bitmap
 *
 * Context: any.
 */
static inline void set_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr), __ATOMIC_SEQ_CST);
}

/**
 * clear_bit - clear bit @nr of @addr atomically (lock and)
 * @nr: the bit
 * @addr: the bitmap
 *
 * Context: any.
 */
static inline void clear_bit(unsigned int nr, volatile unsigned long *addr)
{
	__atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr),
			   __ATOMIC_SEQ_CST);
}

/**
 * test_and_set_bit - set bit @nr of @addr atomically
 * @nr: the bit
 * @addr: the bitmap
 *
 * Of several CPUs setting the same bit, exactly one sees false.
 * Context: any. Return: the bit's old value.
 */
static inline bool test_and_set_bit(unsigned int nr,
				    volatile unsigned long *addr)
{
	return __atomic_fetch_or(&addr[BIT_WORD(nr)], BIT_MASK(nr),
				 __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

/**
 * test_and_clear_bit - clear bit @nr of @addr atomically
 * @nr: the bit
 * @addr: the bitmap
 *
 * Context: any. Return: the bit's old value.
 */
static inline bool test_and_clear_bit(unsigned int nr,
				      volatile unsigned long *addr)
{
	return __atomic_fetch_and(&addr[BIT_WORD(nr)], ~BIT_MASK(nr),
				  __ATOMIC_SEQ_CST) & BIT_MASK(nr);
}

/**
 * test_bit - read bit @nr of @addr
 * @nr: the bit
 * @addr: the bitmap
 *
 * Context: any. Return: the bit (a snapshot).
 */
static inline bool test_bit(unsigned int nr,
			    const volatile unsigned long *addr)
{
	return addr[BIT_WORD(nr)] & BIT_MASK(nr);
}

/**
 * __set_bit - set bit @nr of @addr, not atomically
 * @nr: the bit
 * @addr: a bitmap only the caller changes
 *
 * Context: any.
 */
static inline void __set_bit(unsigned int nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] |= BIT_MASK(nr);
}

/**
 * __clear_bit - clear bit @nr of @addr, not atomically
 * @nr: the bit
 * @addr: a bitmap only the caller changes
 *
 * Context: any.
 */
static inline void __clear_bit(unsigned int nr, unsigned long *addr)
{
	addr[BIT_WORD(nr)] &= ~BIT_MASK(nr);
}

#endif /* ASM_ATOMIC_H */
