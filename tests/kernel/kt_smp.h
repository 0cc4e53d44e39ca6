/* SPDX-License-Identifier: MIT */
/*
 * Helpers for in-kernel tests that need a given CPU, or every CPU:
 *
 *     kt_run_on_cpu(t, 0, body, arg);   body(t, arg) in a thread pinned
 *                                       to CPU 0, waited for
 *     kt_run_on_each_cpu(t, body, arg); the same on every online CPU at
 *                                       once, each thread pinned to one
 *
 * The KT_EXPECT and KT_ASSERT macros work inside @body as in a test.
 */
#ifndef TESTS_KERNEL_KT_SMP_H
#define TESTS_KERNEL_KT_SMP_H

#include "kernel/sched.h"
#include "kernel/smp.h"
#include "tests/kernel/ktest.h"

typedef void (*kt_cpu_fn)(struct ktest_ctx *t, void *arg);

struct kt_on_cpu {
	struct ktest_ctx *t;
	kt_cpu_fn fn;
	void *arg;
	unsigned int cpu;
};

static int kt_on_cpu_thread(void *p)
{
	struct kt_on_cpu *c = p;

	c->fn(c->t, c->arg);
	return smp_processor_id() == c->cpu ? 0 : 1;
}

/* Start @body on @cpu; NULL if there is no memory for the thread. */
static inline struct task_struct *kt_start_on_cpu(struct kt_on_cpu *c)
{
	struct task_struct *task = kthread_create(kt_on_cpu_thread, c, "kt_cpu");

	if (task) {
		kthread_bind(task, c->cpu);
		wake_up_new_task(task);
	}
	return task;
}

/* Run @body(t, arg) on CPU @cpu; false (and a skip) without a thread. */
static inline bool kt_run_on_cpu(struct ktest_ctx *t, unsigned int cpu,
				 kt_cpu_fn body, void *arg)
{
	struct kt_on_cpu c = { t, body, arg, cpu };
	struct task_struct *task = kt_start_on_cpu(&c);

	if (!task) {
		ktest_skip(t, "no memory for a thread on CPU %u", cpu);
		return false;
	}
	KT_EXPECT_EQ(t, kthread_join(task), 0); /* it ran where it was bound */
	return true;
}

/* Run @body(t, arg) on every online CPU at once. Return: the CPUs. */
static inline unsigned int kt_run_on_each_cpu(struct ktest_ctx *t,
					      kt_cpu_fn body, void *arg)
{
	struct kt_on_cpu c[NR_CPUS];
	struct task_struct *task[NR_CPUS] = { NULL };
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu) {
		c[cpu] = (struct kt_on_cpu){ t, body, arg, cpu };
		task[cpu] = kt_start_on_cpu(&c[cpu]);
		KT_EXPECT_NOT_NULL(t, task[cpu]);
	}
	for_each_online_cpu(cpu)
		if (task[cpu]) {
			KT_EXPECT_EQ(t, kthread_join(task[cpu]), 0);
			n++;
		}
	return n;
}

#endif /* TESTS_KERNEL_KT_SMP_H */
