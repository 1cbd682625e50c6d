# SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# One INTERFACE target that every project target links: the C++ standard, warnings and
# Qt hygiene defines.
add_library(enrichment_common INTERFACE)
target_compile_features(enrichment_common INTERFACE cxx_std_17)
target_compile_options(enrichment_common INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang>:-Wall -Wextra -Wpedantic -Wno-missing-field-initializers>)
target_compile_definitions(enrichment_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_USE_QSTRINGBUILDER
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    ENRICHMENT_VERSION="${PROJECT_VERSION}")

# -DENRICHMENT_SANITIZE=ON: every project target with AddressSanitizer and
# UndefinedBehaviorSanitizer; any finding aborts the test that triggered it.
if(ENRICHMENT_SANITIZE)
    set(_enrichment_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    target_compile_options(enrichment_common INTERFACE ${_enrichment_sanitizers})
    target_link_options(enrichment_common INTERFACE ${_enrichment_sanitizers})
endif()

# -DENRICHMENT_FUZZ=ON (clang): coverage instrumentation for libFuzzer in every target; the
# fuzzers themselves link -fsanitize=fuzzer (tests/fuzz).
if(ENRICHMENT_FUZZ)
    target_compile_options(enrichment_common INTERFACE -fsanitize=fuzzer-no-link)
    target_link_options(enrichment_common INTERFACE -fsanitize=fuzzer-no-link)
endif()
