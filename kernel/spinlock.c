// SPDX-License-Identifier: MIT
/*
 * The out-of-line parts of spinlocks (kernel/spinlock.h): the contended
 * wait and the reports of misuse every build makes. lock_debug's
 * bookkeeping is in kernel/debug/lock_debug.c.
 */
#include "kernel/spinlock.h"
#include "kernel/debug/lock_debug.h"

void spin_lock_init(spinlock_t *lock, const char *name)
{
	*lock = (spinlock_t){ .raw = __ARCH_SPIN_LOCK_UNLOCKED,
			      .owner_cpu = -1,
			      .name = name };
}

void spin_wait_relax(void)
{
	/*
	 * The holder may be waiting for this CPU to flush its TLB, which
	 * needs an interrupt this CPU cannot take now: do the flush here.
	 */
	if (irqs_disabled())
		smp_poll_lockfree_calls();
	cpu_relax();
}

void spin_lock_slowpath(spinlock_t *lock, u16 ticket)
{
	/*
	 * owner_cpu is this CPU only if this CPU holds the lock: a holder
	 * clears it before it releases, and no one else writes our number.
	 */
	if (READ_ONCE(lock->owner_cpu) == (s16)smp_processor_id())
		panic("spinlock %s: CPU %u takes it again while holding it "
		      "(recursive locking, or an unlock missing)", lock->name,
		      smp_processor_id());
	if (lock_debug) {
		lock_debug_wait(lock, ticket);
		return;
	}
	while (!arch_spin_served(&lock->raw, ticket))
		spin_wait_relax();
}

void spin_bad_unlock(spinlock_t *lock)
{
	s16 holder = READ_ONCE(lock->owner_cpu);

	if (!spin_is_locked(lock) || holder < 0)
		panic("spinlock %s: unlocked on CPU %u while not held",
		      lock->name, smp_processor_id());
	lock_debug_show_holder(lock);
	panic("spinlock %s: unlocked on CPU %u, but CPU %d holds it",
	      lock->name, smp_processor_id(), holder);
}
