// The few ICU services HezaMatch calls, behind plain C types.
//
// Swift imports this header, never ICU's: its signatures use only `int32_t` and
// `uint16_t`, so that no ICU type can meet Foundation's private copy of ICU in a
// Swift module. The names carry no ICU version suffix (ICU renames `unorm2_normalize`
// to `unorm2_normalize_72` through macros, which Swift does not import).
#ifndef HEZAMATCH_CICUBRIDGE_H
#define HEZAMATCH_CICUBRIDGE_H

#include <stdint.h>

/// The normalisation forms of `hz_normalize`.
enum hz_norm_form {
    HZ_NFC = 0,
    HZ_NFD = 1,
    /// NFKC with Unicode case folding (ICU's "nfkc_cf").
    HZ_NFKC_CASEFOLD = 2
};

/// Normalises `src` (UTF-16, `srcLength` units) into `dst` (capacity `dstCapacity`
/// units) and returns the length of the result. When that length exceeds
/// `dstCapacity`, nothing usable was written: call again with a larger buffer.
/// Returns -1 on any other error.
int32_t hz_normalize(int32_t form, const uint16_t *src, int32_t srcLength,
                     uint16_t *dst, int32_t dstCapacity);

/// The words of `text` (UTF-16) by ICU's word-break rules for the root locale,
/// which segment scripts written without spaces (Chinese, Japanese, Thai) by
/// dictionary. Writes [start, end) UTF-16 offsets of up to `boundsCapacity` words
/// into `bounds` (2 × `boundsCapacity` integers) and returns how many words there
/// are (more than `boundsCapacity`: call again with more room), or -1 on error.
/// Spaces and punctuation are not words.
int32_t hz_word_bounds(const uint16_t *text, int32_t length,
                       int32_t *bounds, int32_t boundsCapacity);

/// Compares `a` and `b` (UTF-16) in Vietnamese alphabetical order (ICU's collation for
/// the locale "vi": a ă â b c d đ e ê … o ô ơ … u ư …, tones after the letters): -1, 0
/// or 1. The collator is opened once and shared (ICU collators compare thread-safely).
/// Returns -2 when ICU cannot open it.
int32_t hz_collate_vietnamese(const uint16_t *a, int32_t aLength, const uint16_t *b, int32_t bLength);

#endif
