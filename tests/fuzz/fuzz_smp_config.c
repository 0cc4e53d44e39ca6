// SPDX-License-Identifier: MIT
/*
 * libFuzzer harness for the firmware table parsers (the ACPI MADT and
 * the MP table): any bytes, with any claimed lengths, are either refused
 * with a reason or give a configuration that makes sense. ASan catches
 * a read past the buffer.
 */
#include "fuzz.h"
#include <asm/smp_config.h>

#include <stdint.h>
#include <string.h>

/* Every CPU came from an entry of at least 8 bytes of the table. */
static void check_config(const struct smp_config *cfg, size_t size)
{
	CHECK(cfg->source != NULL && strcmp(cfg->source, "none") != 0);
	CHECK((cfg->nr_cpus + cfg->nr_disabled) * 8 <= size);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct smp_config cfg;
	char err[96];
	uint8_t *copy;

	/* An exact-size copy: ASan sees a read past the end. */
	copy = malloc(size ? size : 1);
	memcpy(copy, data, size);
	if (size >= 4) {
		/* Let the fuzzer reach both parsers whatever the signature. */
		memcpy(copy, (data[0] & 1) ? "APIC" : "PCMP", 4);
	}
	err[0] = '\0';
	if (madt_parse(copy, size, &cfg, err, sizeof(err)) == 0)
		check_config(&cfg, size);
	else
		CHECK(err[0] != '\0');
	err[0] = '\0';
	if (mp_config_parse(copy, size, &cfg, err, sizeof(err)) == 0)
		check_config(&cfg, size);
	else
		CHECK(err[0] != '\0');
	free(copy);
	return 0;
}
