/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks: mutual exclusion between CPUs for short critical sections
 * that never sleep. Underneath is a fair ticket lock (asm/spinlock.h);
 * around it, the rules of the kernel:
 *
 *   - preemption is off while a spinlock is held, so the holder stays on
 *     its CPU and no other thread of that CPU can spin on it forever;
 *   - the _irqsave forms also turn this CPU's interrupts off, for data
 *     that interrupt handlers touch too (a handler spinning on a lock
 *     its own CPU holds would never return);
 *   - each lock records the CPU holding it, which costs one store and
 *     lets every build catch a CPU taking a lock it holds (which would
 *     spin forever) and an unlock by a CPU that does not hold it.
 *
 * lock_debug (kernel/debug/lock_debug.c, on in DEBUG=1 builds) adds the
 * holder's thread and stack, a bound on how long a CPU may wait, the
 * check that no thread sleeps holding one, and the order check between
 * lock classes (all locks of one name form a class).
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include "kernel/debug/panic.h"
#include "kernel/preempt.h"
#include "kernel/smp.h"
#include <asm/irqflags.h>
#include <asm/spinlock.h>

#define LOCK_TRACE_DEPTH 6

struct task_struct;

typedef struct spinlock {
	arch_spinlock_t raw;
	s16 owner_cpu;		    /* the holder's CPU; -1 while free */
	u16 class_id;		    /* lock_debug: its class, 0 until used */
	const char *name;	    /* named in every report */
	/* lock_debug only: who took it, when, from where. */
	struct task_struct *owner;
	u64 since;		    /* TSC at acquire */
	unsigned long trace[LOCK_TRACE_DEPTH];
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(n) \
	{ .raw = __ARCH_SPIN_LOCK_UNLOCKED, .owner_cpu = -1, .name = #n }
#define DEFINE_SPINLOCK(n) spinlock_t n = __SPIN_LOCK_UNLOCKED(n)

/* True when lock_debug is on (kernel/debug/lock_debug.c). */
extern bool lock_debug;

/**
 * spin_lock_init - make @lock an unlocked spinlock
 * @lock: the lock
 * @name: named in reports; locks of one name are one class for the
 *        lock order check
 *
 * For locks inside structures; static ones use DEFINE_SPINLOCK.
 * Context: any, before the lock is used.
 */
void spin_lock_init(spinlock_t *lock, const char *name);

/**
 * spin_lock_slowpath - wait for @ticket to be served
 * @lock: the lock
 * @ticket: the ticket this CPU took
 *
 * Panics if this CPU holds @lock already (it would wait forever); with
 * lock_debug, also if the wait exceeds lock_debug.timeout_ms, naming
 * the holder and where it took the lock.
 * Context: spin_lock's contended case; preemption off.
 */
void spin_lock_slowpath(spinlock_t *lock, u16 ticket);

/**
 * spin_wait_relax - one round of a spin-wait loop
 *
 * cpu_relax(), and with interrupts off the lock-free cross-CPU calls
 * (TLB shootdowns) queued for this CPU, which another CPU, perhaps the
 * lock holder, may be waiting for. Every loop that spins with
 * interrupts off calls it.
 * Context: any.
 */
void spin_wait_relax(void);

/**
 * spin_bad_unlock - report an unlock by a CPU that does not hold @lock
 * @lock: the lock
 *
 * Context: spin_unlock's check failed; panics.
 */
__noreturn void spin_bad_unlock(spinlock_t *lock);

/**
 * lock_debug_acquired - lock_debug's bookkeeping after @lock is taken
 * @lock: the lock, just taken
 *
 * Records the holder and its stack, pushes @lock on this CPU's held
 * locks and checks the order against the locks held already.
 * Context: spin_lock and friends, with lock_debug on.
 */
void lock_debug_acquired(spinlock_t *lock);

/**
 * lock_debug_released - lock_debug's bookkeeping before @lock is freed
 * @lock: the lock, about to be released
 *
 * Context: spin_unlock and friends, with lock_debug on.
 */
void lock_debug_released(spinlock_t *lock);

static __always_inline void __spin_acquire(spinlock_t *lock)
{
	u16 ticket = arch_spin_ticket(&lock->raw);

	if (unlikely(!arch_spin_served(&lock->raw, ticket)))
		spin_lock_slowpath(lock, ticket);
	lock->owner_cpu = (s16)smp_processor_id();
	if (unlikely(lock_debug))
		lock_debug_acquired(lock);
}

static __always_inline bool __spin_tryacquire(spinlock_t *lock)
{
	if (!arch_spin_trylock(&lock->raw))
		return false;
	lock->owner_cpu = (s16)smp_processor_id();
	if (unlikely(lock_debug))
		lock_debug_acquired(lock);
	return true;
}

static __always_inline void __spin_release(spinlock_t *lock)
{
	if (unlikely(lock->owner_cpu != (s16)smp_processor_id()))
		spin_bad_unlock(lock);
	if (unlikely(lock_debug))
		lock_debug_released(lock);
	lock->owner_cpu = -1;
	arch_spin_unlock(&lock->raw);
}

/**
 * spin_lock - take @lock, with preemption off until spin_unlock
 * @lock: the lock
 *
 * Not safe against this CPU's interrupt handlers: data they touch needs
 * spin_lock_irqsave.
 * Context: thread or IRQ; never sleeps. Do not sleep while holding it.
 */
static __always_inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	__spin_acquire(lock);
}

/**
 * spin_trylock - take @lock if nobody holds or waits for it
 * @lock: the lock
 *
 * Context: any; never spins. Return: true if taken (then spin_unlock).
 */
static __always_inline bool spin_trylock(spinlock_t *lock)
{
	preempt_disable();
	if (__spin_tryacquire(lock))
		return true;
	preempt_enable();
	return false;
}

/**
 * spin_unlock - release @lock taken with spin_lock
 * @lock: the lock; panics if this CPU does not hold it
 *
 * Context: the holder; may switch threads at the preempt_enable() if a
 * switch fell due meanwhile.
 */
static __always_inline void spin_unlock(spinlock_t *lock)
{
	__spin_release(lock);
	preempt_enable();
}

/* Context: any; also keeps this CPU's interrupt handlers out. */
#define spin_lock_irqsave(lock, flags)  \
	do {                            \
		local_irq_save(flags);  \
		preempt_disable();      \
		__spin_acquire(lock);   \
	} while (0)

/**
 * spin_unlock_irqrestore - release @lock taken with spin_lock_irqsave
 * @lock: the lock; panics if this CPU does not hold it
 * @flags: what spin_lock_irqsave stored
 *
 * Interrupts come back on only if they were on at the lock; they do so
 * before preemption does, so that a switch that fell due meanwhile
 * happens here and not at some later preemption point.
 * Context: the holder, any context.
 */
static __always_inline void spin_unlock_irqrestore(spinlock_t *lock,
						   unsigned long flags)
{
	__spin_release(lock);
	local_irq_restore(flags);
	preempt_enable();
}

/**
 * spin_lock_irq - take @lock with this CPU's interrupts off
 * @lock: the lock
 *
 * For code that knows interrupts are on: spin_unlock_irq turns them on
 * unconditionally.
 * Context: thread, interrupts on.
 */
static __always_inline void spin_lock_irq(spinlock_t *lock)
{
	local_irq_disable();
	preempt_disable();
	__spin_acquire(lock);
}

/**
 * spin_unlock_irq - release @lock taken with spin_lock_irq
 * @lock: the lock
 *
 * Context: the holder; interrupts come back on.
 */
static __always_inline void spin_unlock_irq(spinlock_t *lock)
{
	__spin_release(lock);
	local_irq_enable();
	preempt_enable();
}

/**
 * spin_is_locked - is @lock held by anyone?
 * @lock: the lock
 *
 * For assertions and reports.
 * Context: any. Return: true if held (a snapshot).
 */
static inline bool spin_is_locked(const spinlock_t *lock)
{
	return arch_spin_is_locked(&lock->raw);
}

/**
 * spin_is_held_here - does this CPU hold @lock?
 * @lock: the lock
 *
 * For lockdep_assert_held-style checks: true is exact, whoever asks.
 * Context: any. Return: true if this CPU is the holder.
 */
static inline bool spin_is_held_here(const spinlock_t *lock)
{
	return READ_ONCE(lock->owner_cpu) == (s16)smp_processor_id();
}

#endif /* KERNEL_SPINLOCK_H */
