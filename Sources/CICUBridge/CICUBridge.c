#include <pthread.h>
#include "CICUBridge.h"
// The same headers as the `CICU` system-library module's shim.h; that target
// supplies the compiler and linker flags from pkg-config (icu-uc, icu-i18n).
#include <unicode/utypes.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/ucol.h>

int32_t hz_normalize(int32_t form, const uint16_t *src, int32_t srcLength,
                     uint16_t *dst, int32_t dstCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2 *normalizer;
    switch (form) {
        case HZ_NFC: normalizer = unorm2_getNFCInstance(&status); break;
        case HZ_NFD: normalizer = unorm2_getNFDInstance(&status); break;
        default: normalizer = unorm2_getNFKCCasefoldInstance(&status); break;
    }
    if (U_FAILURE(status)) return -1;
    int32_t length = unorm2_normalize(normalizer, (const UChar *)src, srcLength,
                                      (UChar *)dst, dstCapacity, &status);
    if (status == U_BUFFER_OVERFLOW_ERROR) return length;
    if (U_FAILURE(status)) return -1;
    return length;
}

int32_t hz_word_bounds(const uint16_t *text, int32_t length,
                       int32_t *bounds, int32_t boundsCapacity) {
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *iterator = ubrk_open(UBRK_WORD, "", (const UChar *)text, length, &status);
    if (U_FAILURE(status)) return -1;
    int32_t count = 0;
    int32_t start = ubrk_first(iterator);
    for (int32_t end = ubrk_next(iterator); end != UBRK_DONE; start = end, end = ubrk_next(iterator)) {
        if (ubrk_getRuleStatus(iterator) == UBRK_WORD_NONE) continue;
        if (count < boundsCapacity) {
            bounds[2 * count] = start;
            bounds[2 * count + 1] = end;
        }
        count += 1;
    }
    ubrk_close(iterator);
    return count;
}

static UCollator *vietnameseCollator = NULL;
static pthread_once_t vietnameseCollatorOnce = PTHREAD_ONCE_INIT;

static void openVietnameseCollator(void) {
    UErrorCode status = U_ZERO_ERROR;
    UCollator *collator = ucol_open("vi", &status);
    if (U_SUCCESS(status)) vietnameseCollator = collator;
}

int32_t hz_collate_vietnamese(const uint16_t *a, int32_t aLength, const uint16_t *b, int32_t bLength) {
    pthread_once(&vietnameseCollatorOnce, openVietnameseCollator);
    if (vietnameseCollator == NULL) return -2;
    switch (ucol_strcoll(vietnameseCollator, (const UChar *)a, aLength, (const UChar *)b, bLength)) {
    case UCOL_LESS: return -1;
    case UCOL_GREATER: return 1;
    default: return 0;
    }
}
