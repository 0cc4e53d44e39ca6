/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks. On one CPU a spinlock reduces to its side effects: no
 * preemption while it is held, and (for the _irqsave forms) no local
 * interrupts. The lock word is still kept, so that taking a lock twice
 * is caught at once instead of deadlocking silently on SMP later.
 */
#ifndef KERNEL_SPINLOCK_H
#define KERNEL_SPINLOCK_H

#include "kernel/debug/panic.h"
#include "kernel/preempt.h"
#include <asm/irqflags.h>

typedef struct {
	volatile unsigned int locked;
	const char *name;
} spinlock_t;

#define __SPIN_LOCK_UNLOCKED(n) { 0, #n }
#define DEFINE_SPINLOCK(n) spinlock_t n = __SPIN_LOCK_UNLOCKED(n)

/**
 * spin_lock_init - make @lock an unlocked spinlock
 * @lock: the lock
 * @name: named in the panic if the lock is misused
 *
 * For locks inside structures; static ones use DEFINE_SPINLOCK.
 * Context: any, before the lock is used.
 */
static inline void spin_lock_init(spinlock_t *lock, const char *name)
{
	lock->locked = 0;
	lock->name = name;
}

static inline void __spin_acquire(spinlock_t *lock)
{
	if (unlikely(lock->locked))
		panic("spinlock %s: already held (recursive locking or a "
		      "missing unlock)", lock->name);
	lock->locked = 1;
}

static inline void __spin_release(spinlock_t *lock)
{
	if (unlikely(!lock->locked))
		panic("spinlock %s: unlocked while not held", lock->name);
	lock->locked = 0;
}

/**
 * spin_lock - take @lock, with preemption off until spin_unlock
 * @lock: the lock; panics if already held (it would never be released)
 *
 * Not safe against this CPU's interrupt handlers: data they touch needs
 * spin_lock_irqsave.
 * Context: thread or IRQ; never sleeps. Do not sleep while holding it.
 */
static inline void spin_lock(spinlock_t *lock)
{
	preempt_disable();
	__spin_acquire(lock);
}

/**
 * spin_unlock - release @lock taken with spin_lock
 * @lock: the lock; panics if it is not held
 *
 * Context: the holder; may switch threads at the preempt_enable() if a
 * switch fell due meanwhile.
 */
static inline void spin_unlock(spinlock_t *lock)
{
	__spin_release(lock);
	preempt_enable();
}

/* Context: any; also keeps this CPU's interrupt handlers out. */
#define spin_lock_irqsave(lock, flags)          \
	do {                                    \
		local_irq_save(flags);          \
		preempt_disable();              \
		__spin_acquire(lock);           \
	} while (0)

/**
 * spin_unlock_irqrestore - release @lock taken with spin_lock_irqsave
 * @lock: the lock; panics if it is not held
 * @flags: what spin_lock_irqsave stored
 *
 * Interrupts come back on only if they were on at the lock.
 * Context: the holder, any context.
 */
static inline void spin_unlock_irqrestore(spinlock_t *lock,
					  unsigned long flags)
{
	__spin_release(lock);
	preempt_enable();
	local_irq_restore(flags);
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
	return lock->locked;
}

#endif /* KERNEL_SPINLOCK_H */
