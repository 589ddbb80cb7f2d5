//! The fixed split of each gold set into a development part and a held-out part, and the
//! figures of each. Held out: every third record by its position in the file (0-based index
//! % 3 == 2). Held-out records are scored but never printed, nor bucketed, so that dictionary
//! and mechanism changes are chosen on the development part only.

use std::collections::BTreeMap;

pub fn held_out(index: usize) -> bool {
    index % 3 == 2
}

/// Hits over totals, per part.
#[derive(Default, Clone, Copy)]
pub struct Score {
    pub dev: (usize, usize),
    pub held: (usize, usize),
}

impl Score {
    pub fn add(&mut self, index: usize, hits: usize, total: usize) {
        let part = if held_out(index) {
            &mut self.held
        } else {
            &mut self.dev
        };
        part.0 += hits;
        part.1 += total;
    }

    /// "all 59.0 % (190/322) · dev 60.1 % (129/215) · held-out 57.0 % (61/107)"
    pub fn show(&self) -> String {
        let (h, n) = (self.dev.0 + self.held.0, self.dev.1 + self.held.1);
        format!(
            "{:5.1} % ({h}/{n})  dev {:5.1} % ({}/{})  held-out {:5.1} % ({}/{})",
            crate::pct(h, n),
            crate::pct(self.dev.0, self.dev.1),
            self.dev.0,
            self.dev.1,
            crate::pct(self.held.0, self.held.1),
            self.held.0,
            self.held.1
        )
    }
}

/// Why development records were missed, by count.
#[derive(Default)]
pub struct Buckets(BTreeMap<String, usize>);

impl Buckets {
    pub fn add(&mut self, why: &str) {
        *self.0.entry(why.to_string()).or_default() += 1;
    }

    pub fn print(&self, title: &str) {
        let mut v: Vec<_> = self.0.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1));
        println!("  {title} (development records only):");
        for (why, n) in v {
            println!("    {n:4}  {why}");
        }
    }
}
