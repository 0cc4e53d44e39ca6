// SPDX-License-Identifier: MIT
/*
 * exitcode N: exits with status N (0-255), and does nothing else. The
 * smallest program there is: the broken copies in /bad/ are made from it.
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
	char *end;
	long code;

	if (argc != 2) {
		fprintf(stderr, "usage: exitcode N\n");
		return 2;
	}
	code = strtol(argv[1], &end, 10);
	if (*end != '\0' || code < 0 || code > 255) {
		fprintf(stderr, "exitcode: '%s' is not 0-255\n", argv[1]);
		return 2;
	}
	return (int)code;
}
