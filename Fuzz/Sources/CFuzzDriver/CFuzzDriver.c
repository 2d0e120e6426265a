#include "CFuzzDriver.h"

int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

int hz_fuzz_main(int argc, char **argv, hz_fuzz_callback callback) {
    return LLVMFuzzerRunDriver(&argc, &argv, callback);
}
