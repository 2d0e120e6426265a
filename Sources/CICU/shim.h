// The ICU C headers HezaMatch uses, for the `CICU` system-library module.
//
// Only `CICUBridge` (C) includes this. No Swift module imports it: Foundation on
// Linux carries its own ICU headers (`_FoundationICU`), whose types (`UErrorCode`,
// `UProperty`, …) clash with these in any Swift module that sees both.
#ifndef HEZAMATCH_CICU_SHIM_H
#define HEZAMATCH_CICU_SHIM_H

#include <unicode/utypes.h>
#include <unicode/unorm2.h>
#include <unicode/ubrk.h>
#include <unicode/ucol.h>

#endif
