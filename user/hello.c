// SPDX-License-Identifier: MIT
/*
 * hello: the first program to try on a new kernel. It prints its
 * arguments and exits with their number minus one, or with $HELLO_EXIT
 * when that is set, so that a test sees from the exit status alone that
 * argv and envp arrived.
 *
 *   hello a b            prints 3 argv lines, exits with 2
 *   HELLO_EXIT=7 hello   exits with 7
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	const char *code = getenv("HELLO_EXIT");

	/* stdio, on purpose: printf is what most programs start with. */
	printf("hello from user space: argc=%d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("argv[%d]=%s\n", i, argv[i]);
	if (code)
		return atoi(code);
	return argc - 1;
}
