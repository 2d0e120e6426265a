// Runs libFuzzer from a target's own entry point (SwiftPM names an executable's entry point
// `<Target>_main`, so libFuzzer's `main` is not the one that runs).
#ifndef CFUZZDRIVER_H
#define CFUZZDRIVER_H
#include <stddef.h>
#include <stdint.h>

typedef int (*hz_fuzz_callback)(const uint8_t *data, size_t size);

/// Runs libFuzzer's driver with the command line and the callback.
int hz_fuzz_main(int argc, char **argv, hz_fuzz_callback callback);

#endif
