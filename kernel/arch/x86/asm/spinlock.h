/* SPDX-License-Identifier: MIT */
/*
 * The ticket lock: the bare mutual exclusion under spinlock_t
 * (kernel/spinlock.h). A CPU takes a ticket (one lock xadd on @next)
 * and waits until @owner, the ticket being served, reaches it; unlock
 * serves the next ticket. CPUs get the lock in the order they asked, so
 * none starves, and a waiter only reads the lock's cache line while it
 * spins.
 */
#ifndef ASM_SPINLOCK_H
#define ASM_SPINLOCK_H

#include "kernel/lib/compiler.h"
#include <asm/barrier.h>
#include <asm/cpu.h>

typedef union {
	u32 word;
	struct {
		u16 owner; /* the ticket being served */
		u16 next;  /* the next ticket to hand out */
	};
} arch_spinlock_t;

#define __ARCH_SPIN_LOCK_UNLOCKED { 0 }


/**
 * arch_spin_ticket - take a ticket: the number to wait for
 * @lock: the lock
 *
 * Context: any; interrupts as the caller needs them.
 * Return: the ticket; the lock is ours when arch_spin_served() says so.
 */
static inline u16 arch_spin_ticket(arch_spinlock_t *lock)
{
	return __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);
}

/**
 * arch_spin_served - is @ticket being served?
 * @lock: the lock
 * @ticket: from arch_spin_ticket()
 *
 * An acquire load: the critical section cannot move before it.
 * Context: any. Return: true once the lock is the caller's.
 */
static inline bool arch_spin_served(const arch_spinlock_t *lock, u16 ticket)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) == ticket;
}

/**
 * arch_spin_unlock - serve the next ticket
 * @lock: the lock, held by the caller
 *
 * Only the holder writes @owner, so a plain release store does: no lock
 * prefix. Context: the holder.
 */
static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1),
			 __ATOMIC_RELEASE);
}

/**
 * arch_spin_trylock - take @lock only if nobody holds or waits for it
 * @lock: the lock
 *
 * Context: any; never spins. Return: true if taken.
 */
static inline bool arch_spin_trylock(arch_spinlock_t *lock)
{
	arch_spinlock_t old, new;

	old.word = READ_ONCE(lock->word);
	if (old.owner != old.next)
		return false;
	new = old;
	new.next++;
	return __atomic_compare_exchange_n(&lock->word, &old.word, new.word,
					   false, __ATOMIC_ACQUIRE,
					   __ATOMIC_RELAXED);
}

/**
 * arch_spin_is_locked - is @lock held (or waited for)?
 * @lock: the lock
 *
 * Context: any. Return: true if so (a snapshot).
 */
static inline bool arch_spin_is_locked(const arch_spinlock_t *lock)
{
	arch_spinlock_t v;

	v.word = READ_ONCE(lock->word);
	return v.owner != v.next;
}

#endif /* ASM_SPINLOCK_H */
