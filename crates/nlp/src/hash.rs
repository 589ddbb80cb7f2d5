//! The hash functions spaCy and thinc use: MurmurHash64A for string ids (spaCy's
//! `hash_string`, seed 1) and thinc's MurmurHash3 variant for hashed embeddings.

use std::collections::HashMap;
use std::sync::OnceLock;

/// MurmurHash64A (Austin Appleby), as in the `murmurhash` package's `hash64`.
pub fn murmurhash64a(key: &[u8], seed: u64) -> u64 {
    const M: u64 = 0xc6a4a7935bd1e995;
    const R: u32 = 47;
    let len = key.len();
    let mut h: u64 = seed ^ (len as u64).wrapping_mul(M);
    let mut chunks = key.chunks_exact(8);
    for c in &mut chunks {
        let mut k = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h ^= k;
        h = h.wrapping_mul(M);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        for (i, &b) in rest.iter().enumerate().rev() {
            h ^= (b as u64) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> R;
    h = h.wrapping_mul(M);
    h ^= h >> R;
    h
}

/// thinc's `MurmurHash3_x86_128_uint64`: four 32-bit hashes of one 64-bit key.
pub fn murmurhash3_u64(val: u64, seed: u32) -> [u32; 4] {
    let mut h1: u64 = val;
    h1 = h1.wrapping_mul(0x87c37b91114253d5);
    h1 = h1.rotate_left(31);
    h1 = h1.wrapping_mul(0x4cf5ad432745937f);
    h1 ^= seed as u64;
    h1 ^= 8;
    let mut h2: u64 = seed as u64;
    h2 ^= 8;
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    h1 = fmix64(h1);
    h2 = fmix64(h2);
    h1 = h1.wrapping_add(h2);
    h2 = h2.wrapping_add(h1);
    [h1 as u32, (h1 >> 32) as u32, h2 as u32, (h2 >> 32) as u32]
}

fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xff51afd7ed558ccd);
    k ^= k >> 33;
    k = k.wrapping_mul(0xc4ceb9fe1a85ec53);
    k ^= k >> 33;
    k
}

fn symbols() -> &'static HashMap<&'static str, u64> {
    static SYMBOLS: OnceLock<HashMap<&'static str, u64>> = OnceLock::new();
    SYMBOLS.get_or_init(|| {
        include_str!("symbols.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let (id, name) = l.split_once('\t')?;
                Some((name, id.parse().ok()?))
            })
            .collect()
    })
}

/// spaCy's string id: 0 for "", the symbol id for reserved names ("X", "nsubj", ...),
/// otherwise MurmurHash64A of the UTF-8 bytes with seed 1.
pub fn string_id(s: &str) -> u64 {
    if s.is_empty() {
        return 0;
    }
    if let Some(&id) = symbols().get(s) {
        return id;
    }
    murmurhash64a(s.as_bytes(), 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn string_id_matches_spacy_for_apple() {
        assert_eq!(string_id("apple"), 8566208034543834098);
    }

    #[test]
    fn string_id_uses_symbol_table() {
        assert_eq!(string_id("X"), 101);
        assert_eq!(string_id(""), 0);
    }
}
