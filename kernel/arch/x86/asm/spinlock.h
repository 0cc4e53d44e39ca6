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


/* Take a ticket: the number to wait for. */
static inline u16 arch_spin_ticket(arch_spinlock_t *lock)
{
	return __atomic_fetch_add(&lock->next, 1, __ATOMIC_ACQUIRE);
}

/* Is @ticket being served? Acquire: the critical section stays after. */
static inline bool arch_spin_served(const arch_spinlock_t *lock, u16 ticket)
{
	return __atomic_load_n(&lock->owner, __ATOMIC_ACQUIRE) == ticket;
}

/* Serve the next ticket. Only the holder writes @owner: no lock prefix. */
static inline void arch_spin_unlock(arch_spinlock_t *lock)
{
	__atomic_store_n(&lock->owner, (u16)(lock->owner + 1),
			 __ATOMIC_RELEASE);
}

/* Take the lock only if nobody holds or waits for it. */
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

static inline bool arch_spin_is_locked(const arch_spinlock_t *lock)
{
	arch_spinlock_t v;

	v.word = READ_ONCE(lock->word);
	return v.owner != v.next;
}

#endif /* ASM_SPINLOCK_H */
