//! Word lists compiled in from `data/ingest/*.txt`: one entry a line, `#` starts a comment
//! line, blank lines are skipped. Keeping them as text files makes them reviewable without
//! reading Rust.

/// The entries of a list file, trimmed, in file order.
pub fn entries(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

#[cfg(test)]
pub mod checks {
    /// Panics unless a list is non-empty, lowercase and free of duplicates.
    pub fn lowercase_unique(name: &str, list: &[&str]) {
        assert!(!list.is_empty(), "{name} is empty");
        let mut seen = std::collections::HashSet::new();
        for e in list {
            assert_eq!(*e, e.to_lowercase(), "{name}: {e:?} is not lowercase");
            assert!(seen.insert(*e), "{name}: {e:?} is listed twice");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_blank_lines_are_not_entries() {
        assert_eq!(entries("# note\n\n a b \nc\n"), vec!["a b", "c"]);
    }
}
