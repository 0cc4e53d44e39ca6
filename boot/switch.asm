; SPDX-License-Identifier: MIT
; struct task_struct *switch_to(unsigned long *prev_esp,
;                               unsigned long next_esp,
;                               struct task_struct *prev)
;
; Save the callee-saved registers of the running thread on its stack,
; store its stack pointer in *prev_esp, load next_esp and pop the next
; thread's registers. The `ret` returns into the next thread wherever it
; called switch_to (in __schedule), or, for a new thread, into
; ret_from_kthread (kernel/sched.c prepares that stack). Either way EAX
; holds @prev, the thread that ran before on this CPU: the next thread
; needs it to finish the switch (finish_task_switch).

extern kthread_start
global switch_to
global ret_from_kthread

section .text
switch_to:
	mov ecx, [esp + 4]
	mov edx, [esp + 8]
	mov eax, [esp + 12]
	push ebp
	push ebx
	push esi
	push edi
	mov [ecx], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret

; A new thread's first instructions: EAX is the thread switched away
; from. kthread_start(prev) finishes the switch and never returns.
ret_from_kthread:
	push eax
	call kthread_start
	ud2
