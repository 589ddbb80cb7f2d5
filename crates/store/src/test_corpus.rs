//! The vocabulary of the synthetic articles the store's tests and benchmarks write
//! (`tests/common`, `examples/store_bench.rs`), shared with the server's load test so its
//! queries hit what the synthetic store holds. Not part of the store's API.

/// Words the synthetic bodies are drawn from.
pub const WORDS: &[&str] = &[
    "talks",
    "Geneva",
    "security",
    "guarantees",
    "NATO",
    "sanctions",
    "troops",
    "border",
    "agreement",
    "proposal",
    "ceasefire",
    "summit",
    "meeting",
    "rejected",
    "demanded",
    "warned",
];
