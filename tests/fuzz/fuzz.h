/* SPDX-License-Identifier: MIT */
/* Shared by the libFuzzer harnesses in tests/fuzz/. */
#ifndef TESTS_FUZZ_FUZZ_H
#define TESTS_FUZZ_FUZZ_H

#include <stdio.h>
#include <stdlib.h>

/* A broken invariant: say which, then abort so libFuzzer keeps the input. */
#define CHECK(cond)                                                       \
	do {                                                              \
		if (!(cond)) {                                            \
			fprintf(stderr, "%s:%d: check failed: %s\n",      \
				__FILE__, __LINE__, #cond);               \
			abort();                                          \
		}                                                         \
	} while (0)

#endif /* TESTS_FUZZ_FUZZ_H */
