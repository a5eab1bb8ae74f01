// main.cpp — the Catch2 runner for the core suite (natively and as wasm under Node).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
