; SPDX-License-Identifier: MIT
; void switch_to(unsigned long *prev_esp, unsigned long next_esp)
;
; Save the callee-saved registers of the running thread on its stack,
; store its stack pointer in *prev_esp, load next_esp and pop the next
; thread's registers. The `ret` returns into the next thread wherever it
; called switch_to (in schedule), or, for a new thread, into
; kthread_entry (kernel/sched.c prepares that stack).

global switch_to
section .text
switch_to:
	mov eax, [esp + 4]
	mov edx, [esp + 8]
	push ebp
	push ebx
	push esi
	push edi
	mov [eax], esp
	mov esp, edx
	pop edi
	pop esi
	pop ebx
	pop ebp
	ret
