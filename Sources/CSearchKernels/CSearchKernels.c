#include "CSearchKernels.h"
#include <string.h>

static uint32_t table[8][256];
static int table_ready = 0;

static void make_table(void) {
    for (uint32_t byte = 0; byte < 256; byte++) {
        uint32_t crc = byte;
        for (int bit = 0; bit < 8; bit++) crc = (crc & 1) ? 0x82F63B78u ^ (crc >> 1) : crc >> 1;
        table[0][byte] = crc;
    }
    for (uint32_t byte = 0; byte < 256; byte++) {
        for (int slice = 1; slice < 8; slice++) {
            uint32_t previous = table[slice - 1][byte];
            table[slice][byte] = (previous >> 8) ^ table[0][previous & 0xFF];
        }
    }
    __atomic_store_n(&table_ready, 1, __ATOMIC_RELEASE);
}

static uint32_t crc32c_software(uint32_t crc, const uint8_t *p, size_t n) {
    if (!__atomic_load_n(&table_ready, __ATOMIC_ACQUIRE)) make_table();
    while (n >= 8) {
        uint32_t low;
        memcpy(&low, p, 4);
        low ^= crc;
        crc = table[7][low & 0xFF] ^ table[6][(low >> 8) & 0xFF] ^ table[5][(low >> 16) & 0xFF] ^ table[4][low >> 24]
            ^ table[3][p[4]] ^ table[2][p[5]] ^ table[1][p[6]] ^ table[0][p[7]];
        p += 8;
        n -= 8;
    }
    while (n--) crc = table[0][(crc ^ *p++) & 0xFF] ^ (crc >> 8);
    return crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2")))
static uint32_t crc32c_hardware(uint32_t crc, const uint8_t *p, size_t n) {
    uint64_t c = crc;
    while (n >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        c = __builtin_ia32_crc32di(c, word);
        p += 8;
        n -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (n--) c32 = __builtin_ia32_crc32qi(c32, *p++);
    return c32;
}
#endif

uint32_t hz_crc32c(uint32_t crc, const void *bytes, size_t count) {
    const uint8_t *p = (const uint8_t *)bytes;
    crc = ~crc;
#if defined(__x86_64__)
    if (__builtin_cpu_supports("sse4.2")) return ~crc32c_hardware(crc, p, count);
#endif
    return ~crc32c_software(crc, p, count);
}

#pragma STDC FP_CONTRACT OFF

static inline uint64_t fixed_point(double real) {
    double clamped = real >= 0 ? real : 0;  /* NaN to 0, as Swift's max(0, real) */
    clamped = 1e6 < clamped ? 1e6 : clamped;
    return (uint64_t)(int64_t)(clamped * 4294967296.0);
}

static inline double posting_score(uint32_t tf, uint8_t norm, const double *saturated, const double *factors,
                                   double weight, double k1) {
    if (tf < 16) return weight * saturated[(size_t)tf * 256 + norm];
    double x = (double)(tf < 65535 ? tf : 65535) * factors[norm];
    return weight * (k1 + 1) * x / (k1 + x);
}

long hz_add_postings(const uint32_t *docs, const uint32_t *frequencies, long index, long count, uint32_t end,
                     uint32_t start, const uint8_t *norms, const double *saturated, const double *factors,
                     double weight, double k1, uint64_t *marks, uint64_t *scores, int only_marked) {
    long i = index;
    if (only_marked) {
        for (; i < count; i++) {
            uint32_t d = docs[i];
            if (d > end) break;
            uint32_t slot = d - start;
            if (!(marks[slot >> 6] & ((uint64_t)1 << (slot & 63)))) continue;
            scores[slot] += fixed_point(posting_score(frequencies[i], norms[d], saturated, factors, weight, k1));
        }
        return i;
    }
    for (; i < count; i++) {
        uint32_t d = docs[i];
        if (d > end) break;
        uint32_t slot = d - start;
        uint64_t bit = (uint64_t)1 << (slot & 63);
        uint64_t score = fixed_point(posting_score(frequencies[i], norms[d], saturated, factors, weight, k1));
        uint64_t word = marks[slot >> 6];
        scores[slot] = (word & bit) ? scores[slot] + score : score;
        marks[slot >> 6] = word | bit;
    }
    return i;
}

long hz_keep_candidates(uint64_t *marks, const uint64_t *scores, long words, uint32_t start, int64_t hopeless,
                        uint32_t *candidates) {
    long live = 0;
    for (long w = 0; w < words; w++) {
        uint64_t bits = marks[w], kept = 0;
        while (bits) {
            uint64_t bit = bits & (0 - bits);
            long slot = (w << 6) | __builtin_ctzll(bits);
            bits &= bits - 1;
            uint64_t keep = (int64_t)scores[slot] > hopeless;
            candidates[live] = start + (uint32_t)slot;  /* written always, kept only when counted */
            live += (long)keep;
            kept |= bit & (0 - keep);
        }
        marks[w] = kept;
    }
    return live;
}

long hz_list_postings(const uint32_t *docs, const uint32_t *frequencies, long index, long count, uint32_t end,
                      uint32_t start, const uint8_t *norms, const double *saturated, const double *factors,
                      double weight, double k1, int64_t hopeless, uint64_t *marks, uint64_t *scores,
                      uint32_t *candidates, long *listed) {
    long i = index, n = *listed;
    for (; i < count; i++) {
        uint32_t d = docs[i];
        if (d > end) break;
        uint32_t slot = d - start;
        uint64_t score = fixed_point(posting_score(frequencies[i], norms[d], saturated, factors, weight, k1));
        uint64_t keep = (int64_t)score > hopeless;
        scores[slot] = score;
        candidates[n] = d;  /* written always, kept only when counted */
        n += (long)keep;
        marks[slot >> 6] |= ((uint64_t)1 << (slot & 63)) & (0 - keep);
    }
    *listed = n;
    return i;
}

typedef uint32_t hz_v4u32 __attribute__((vector_size(16)));
typedef uint64_t hz_v2u64 __attribute__((vector_size(16)));

static inline hz_v4u32 load4(const uint32_t *p) {
    hz_v4u32 v;
    memcpy(&v, p, 16);
    return v;
}

/* The 128 values of an interleaved run of `width` bits (a constant where inlined): row r holds word r of each of
   the four lanes, and value 4k + l is value k of lane l, so four consecutive values come out of one shift and one
   mask of a row (two rows where they straddle). */
static inline __attribute__((always_inline)) void unpack_interleaved(const uint32_t *words, const int width, uint32_t *output) {
    const uint32_t m = width == 32 ? 0xFFFFFFFFu : ((1u << width) - 1);
    const hz_v4u32 mask = {m, m, m, m};
#pragma clang loop unroll(full)
    for (int k = 0; k < 32; k++) {
        const int bit = k * width, row = bit >> 5, shift = bit & 31;
        hz_v4u32 v = load4(words + 4 * row) >> shift;
        if (shift + width > 32) v |= load4(words + 4 * (row + 1)) << (32 - shift);
        v &= mask;
        memcpy(output + 4 * k, &v, 16);
    }
}

#define HZ_UNPACK_CASE(w) case w: unpack_interleaved(words, w, output); break;

uint64_t hz_interleaved_sums(const uint32_t *words, int width, uint32_t plus, const uint8_t *pairs, long exception_count,
                             uint32_t start, uint32_t *output) {
    switch (width) {
        case 0: memset(output, 0, 128 * sizeof(uint32_t)); break;
        HZ_UNPACK_CASE(1) HZ_UNPACK_CASE(2) HZ_UNPACK_CASE(3) HZ_UNPACK_CASE(4) HZ_UNPACK_CASE(5) HZ_UNPACK_CASE(6)
        HZ_UNPACK_CASE(7) HZ_UNPACK_CASE(8) HZ_UNPACK_CASE(9) HZ_UNPACK_CASE(10) HZ_UNPACK_CASE(11) HZ_UNPACK_CASE(12)
        HZ_UNPACK_CASE(13) HZ_UNPACK_CASE(14) HZ_UNPACK_CASE(15) HZ_UNPACK_CASE(16) HZ_UNPACK_CASE(17) HZ_UNPACK_CASE(18)
        HZ_UNPACK_CASE(19) HZ_UNPACK_CASE(20) HZ_UNPACK_CASE(21) HZ_UNPACK_CASE(22) HZ_UNPACK_CASE(23) HZ_UNPACK_CASE(24)
        HZ_UNPACK_CASE(25) HZ_UNPACK_CASE(26) HZ_UNPACK_CASE(27) HZ_UNPACK_CASE(28) HZ_UNPACK_CASE(29) HZ_UNPACK_CASE(30)
        HZ_UNPACK_CASE(31) HZ_UNPACK_CASE(32)
        default: return UINT64_MAX;  /* no such width: damaged */
    }
    for (long pair = 0; pair < exception_count; pair++) {
        uint8_t index = pairs[2 * pair];
        if (index < 128 && width < 32) output[index] += (uint32_t)((uint64_t)pairs[2 * pair + 1] << width);
    }
    /* Running sums four at a time: within a vector by two shifted additions, then the carry of the vectors before;
       and the deltas' total in 64 bits, for the caller's check against the block's last document. (Summing in the
       unpacking loop instead, where there are no exceptions, measured within 1%.) */
    const hz_v4u32 zero = {0, 0, 0, 0}, more = {plus, plus, plus, plus};
    hz_v4u32 carry = {start, start, start, start};
    hz_v2u64 total = {start, 0};
    for (int k = 0; k < 32; k++) {
        hz_v4u32 v = load4(output + 4 * k) + more;
        total += __builtin_convertvector(__builtin_shufflevector(v, v, 0, 1), hz_v2u64)
               + __builtin_convertvector(__builtin_shufflevector(v, v, 2, 3), hz_v2u64);
        v += __builtin_shufflevector(zero, v, 0, 4, 5, 6);
        v += __builtin_shufflevector(zero, v, 0, 1, 4, 5);
        v += carry;
        memcpy(output + 4 * k, &v, 16);
        carry = __builtin_shufflevector(v, v, 3, 3, 3, 3);
    }
    return total[0] + total[1];
}
