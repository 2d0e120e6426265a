// Small C kernels of the search engine, where the hardware has an instruction for the job.
#ifndef CSEARCHKERNELS_H
#define CSEARCHKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli) of `count` bytes, continuing from `crc` (0 to start).
/// Uses the SSE 4.2 `crc32` instruction when the processor has it (about 8 bytes a
/// cycle), else slicing-by-8 tables.
uint32_t hz_crc32c(uint32_t crc, const void *bytes, size_t count);

#endif
