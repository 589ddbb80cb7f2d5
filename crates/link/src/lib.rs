//! Links across articles: near-duplicates, stories, timelines, positions per party, the claim ×
//! outlet matrix and outlet profiles.
//!
//! Not built yet: issue "Store, link and scale" fills this crate. It exists now so the
//! workspace shows the whole pipeline (ingest → analyze → store → link → serve).
