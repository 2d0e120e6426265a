// Small C kernels of the search engine: where the hardware has an instruction for the job, and a hot loop
// that Swift would check at every value (a real number turned into an integer).
#ifndef CSEARCHKERNELS_H
#define CSEARCHKERNELS_H

#include <stddef.h>
#include <stdint.h>

/// CRC-32C (Castagnoli) of `count` bytes, continuing from `crc` (0 to start).
/// Uses the SSE 4.2 `crc32` instruction when the processor has it (about 8 bytes a
/// cycle), else slicing-by-8 tables.
uint32_t hz_crc32c(uint32_t crc, const void *bytes, size_t count);

/// Adds a run of one term's postings (one text field) into a window of ranked OR: for each
/// document `docs[i]`, `i` from `index` while `i < count` and `docs[i] <= end`, the posting's
/// BM25 score in fixed point (units of 2^-32) is added to `scores[docs[i] - start]`, which is
/// marked in `marks` (bit `slot & 63` of word `slot >> 6`) and set instead when it was not. With
/// `only_marked`, unmarked documents are passed over without scoring. The score is
/// `weight * saturated[tf * 256 + norm]` for `tf < 16`, else the saturation of
/// `min(tf, 65535) * factors[norm]` (`weight * (k1 + 1) * x / (k1 + x)`), clamped to [0, 10^6]
/// (NaN to 0) and truncated: the same operations in the same order as the Swift scorer, so the
/// same sums. Returns the index of the first posting not added.
long hz_add_postings(const uint32_t *docs, const uint32_t *frequencies, long index, long count, uint32_t end,
                     uint32_t start, const uint8_t *norms, const double *saturated, const double *factors,
                     double weight, double k1, uint64_t *marks, uint64_t *scores, int only_marked);

/// Lists, in document order, the marked slots of a window of ranked OR (`words` words of `marks`) whose
/// fixed-point score, read as a signed integer, is above `hopeless`, as documents (`start` + slot) into
/// `candidates`; unmarks the others. Returns how many it listed. Without a branch on the score, which is
/// above or not as a coin falls.
long hz_keep_candidates(uint64_t *marks, const uint64_t *scores, long words, uint32_t start, int64_t hopeless,
                        uint32_t *candidates);

/// `hz_add_postings` for the one clause that brings a window's documents: each posting's score is set (the
/// window holds no other), and the document is marked and appended to `candidates` at `*listed` only when the
/// score, read as a signed integer, is above `hopeless` (without a branch on it); `*listed` is moved on. The
/// window's marks must be clear. Returns the index of the first posting not scored.
long hz_list_postings(const uint32_t *docs, const uint32_t *frequencies, long index, long count, uint32_t end,
                      uint32_t start, const uint8_t *norms, const double *saturated, const double *factors,
                      double weight, double k1, int64_t hopeless, uint64_t *marks, uint64_t *scores,
                      uint32_t *candidates, long *listed);

/// The running sums, from `start`, of a run of 128 document deltas packed at `width` bits in four interleaved
/// lanes (``BitPacking/packInterleaved``: row `r` holds word `r` of each lane, value `4k + l` is value `k` of lane
/// `l`), each `plus` more than packed, with exceptions patched in (`exception_count` (index, high bits) byte pairs:
/// value `index` gains `high << width`; an index past 127 is left out), into `output` (wrapping at 32 bits).
/// Returns `start` plus the deltas in 64 bits, for checking against the block's last document; `UINT64_MAX` for a
/// width above 32. Unpacks and sums four values at a time with 16-byte vectors; reads `4 × width` words.
uint64_t hz_interleaved_sums(const uint32_t *words, int width, uint32_t plus, const uint8_t *pairs, long exception_count,
                             uint32_t start, uint32_t *output);

#endif
