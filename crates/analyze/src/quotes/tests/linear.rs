//! Odd and large inputs: never a panic, and work that grows linearly with the input.
//!
//! Each sweep runs the stage on inputs of size n, 4n and 16n and checks, from the smallest to
//! the largest:
//! - the tokens the stage visits (a test-only counter, `quotes::work`, kept in every loop
//!   that walks tokens) grow at most 1.25× as fast as the text layer's token count: exact
//!   numbers, the same on any machine, however loaded; a loop that rescans the sentence per
//!   cue would show 16× more;
//! - the bytes of quote text the stage returns grow at most 1.25× as fast as the input
//!   (where the smallest size returns less than two bytes per input byte, its output counts
//!   as two bytes per byte), so output cannot blow up either;
//! - the time, the fastest of three runs, grows less than 64× for 16× the input: linear is
//!   16×, quadratic 256×, and 64 sits a factor 4 from each. The smallest sizes are chosen so
//!   that the working set already exceeds the L2 cache (2 MB a core here): a sweep that
//!   starts inside the cache and ends outside it was seen at 50–100× on this shared machine
//!   with code whose instruction count grows exactly linearly (callgrind).
//!
//! The number of quotes is checked to be exactly linear where the input repeats a unit.

use crate::quotes::QuoteStage;
use parley_core::text::TextLayer;
use std::time::Instant;

/// A small deterministic generator (xorshift), so the sweep needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn random_text(bytes: usize) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let raw: Vec<u8> = (0..bytes).map(|_| (rng.next() >> 24) as u8).collect();
    String::from_utf8_lossy(&raw).into_owned()
}

fn quote_marks(count: usize) -> String {
    const MARKS: [&str; 8] = ["“", "”", "\"", "'", "«", "»", "‘", "’"];
    let mut rng = Rng(42);
    let mut s = String::new();
    for i in 0..count {
        s.push_str(MARKS[(rng.next() % 8) as usize]);
        s.push_str(if i % 3 == 0 { "word said " } else { "x" });
        if i % 97 == 0 {
            s.push_str("\n\n");
        }
    }
    s
}

/// One paragraph of repeated news prose: quotes, cues, pronouns, no paragraph break.
fn one_paragraph(bytes: usize) -> String {
    const UNIT: &str = "Lavrov said “we are ready,” and he added that the talks were useful, according to the Kremlin, while officials said: “Nothing changed.” ";
    UNIT.repeat(bytes / UNIT.len() + 1)
}

/// One sentence without any full stop: "he said that he said that …".
fn one_sentence(bytes: usize) -> String {
    "he said that Russia told reporters, ".repeat(bytes / 36 + 1)
}

/// One run's figures: the fastest of three runs of the stage alone, in seconds; quotes; bytes
/// of quote text; tokens visited (of one run); the text layer's tokens.
#[derive(Debug, Clone, Copy)]
struct Row {
    bytes: usize,
    secs: f64,
    quotes: usize,
    out: usize,
    visited: u64,
    tokens: usize,
}

fn measure(body: &str) -> Row {
    let layer = TextLayer::new(body);
    let stage = QuoteStage::new();
    let mut row = Row {
        bytes: body.len(),
        secs: f64::MAX,
        quotes: 0,
        out: 0,
        visited: 0,
        tokens: layer.tokens.len(),
    };
    for _ in 0..3 {
        crate::quotes::work::take();
        let t = Instant::now();
        let quotes = stage.quotes(body, &layer, &[]);
        row.secs = row.secs.min(t.elapsed().as_secs_f64());
        row.visited = crate::quotes::work::take();
        row.quotes = quotes.len();
        row.out = quotes
            .iter()
            .map(|q| {
                q.span.text.len()
                    + q.speaker_span.as_ref().map_or(0, |s| s.text.len())
                    + q.cue.as_ref().map_or(0, |c| c.span.text.len())
                    + q.insertions.iter().map(|i| i.text.len()).sum::<usize>()
            })
            .sum();
    }
    row.secs = row.secs.max(1e-6);
    row
}

/// Runs sizes n, 4n, 16n; see the module comment for what is checked.
fn sweep(name: &str, make: impl Fn(usize) -> String, n: usize, counts_linear: bool) {
    let rows: Vec<Row> = [1, 4, 16].iter().map(|&k| measure(&make(n * k))).collect();
    eprintln!("{name}: {rows:?}");
    let (first, last) = (rows[0], rows[rows.len() - 1]);
    let size_ratio = last.bytes as f64 / first.bytes as f64;
    let token_ratio = last.tokens as f64 / first.tokens.max(1) as f64;
    // Deterministic: tokens visited per token of the text.
    let visited_ratio = last.visited as f64 / first.visited.max(1) as f64;
    assert!(
        visited_ratio <= token_ratio * 1.25,
        "{name}: tokens visited grew {visited_ratio:.2}× for {token_ratio:.2}× the tokens: {rows:?}"
    );
    // Deterministic: output bytes. Direct quotes never overlap, so they hold at most the
    // input; indirect content, capped per cue, may cover them again. Where the smallest size
    // returns less than that, its input times two stands in for its output.
    let out_ratio = last.out as f64 / first.out.max(2 * first.bytes) as f64;
    assert!(
        out_ratio <= size_ratio * 1.25,
        "{name}: quote text grew {out_ratio:.2}× for {size_ratio:.2}× input: {rows:?}"
    );
    // Timing, with a margin a quadratic step would break. A busy machine can stall one run, so
    // a failing ratio is measured twice more and the fastest run of each size counts.
    let mut time_ratio = last.secs / first.secs;
    for _ in 0..2 {
        if time_ratio < size_ratio * 4.0 {
            break;
        }
        let small = measure(&make(n)).secs.min(first.secs);
        let large = measure(&make(n * 16)).secs.min(last.secs);
        time_ratio = time_ratio.min(large / small);
    }
    assert!(
        time_ratio < size_ratio * 4.0,
        "{name}: {size_ratio:.0}× input took {time_ratio:.1}× the time: {rows:?}"
    );
    if counts_linear && first.quotes > 0 {
        let count_ratio = last.quotes as f64 / first.quotes as f64;
        assert!(
            (count_ratio - size_ratio).abs() / size_ratio < 0.1,
            "{name}: quotes grew {count_ratio:.2}× for {size_ratio:.2}× input: {rows:?}"
        );
    }
}

/// The sweeps' figures, for the record: `cargo test --release -p parley-analyze
/// linear::print_sweeps -- --ignored --nocapture`.
#[test]
#[ignore]
fn print_sweeps() {
    for k in [1, 2, 4, 8, 16, 32] {
        let body = one_sentence(60_000 * k);
        let t = Instant::now();
        let layer = TextLayer::new(&body);
        let layer_secs = t.elapsed().as_secs_f64();
        drop(layer);
        eprintln!("one sentence: layer {layer_secs:.4}s {:?}", measure(&body));
    }
}

#[test]
fn random_bytes_grow_linearly() {
    sweep("random bytes", random_text, 80_000, false);
}

#[test]
fn ten_thousand_quotation_marks_grow_linearly() {
    // The largest size holds 10 000 marks.
    sweep("quotation marks", quote_marks, 625, false);
}

#[test]
fn a_five_megabyte_paragraph_grows_linearly() {
    // The largest size is 5 MB in one paragraph.
    sweep("one paragraph", one_paragraph, 320_000, true);
}

#[test]
fn one_endless_sentence_grows_linearly() {
    // From 240 kB: the smallest size's working set (tokens, cues, 8 MB of quote text) then
    // no longer fits the L2 cache, so the time ratio measures the code, not the cache.
    sweep("one sentence", one_sentence, 240_000, false);
}

#[test]
fn odd_inputs_do_not_panic() {
    for body in [
        "",
        " ",
        "“",
        "”",
        "\"",
        "'",
        "«»",
        "(",
        ")",
        ":",
        "said",
        "“said”",
        "\n\n“\n\n”",
        "he",
        "According to",
        "according to ,",
        "X, , said",
        "— said —",
    ] {
        let layer = TextLayer::new(body);
        let _ = QuoteStage::new().quotes(body, &layer, &[]);
    }
}

/// Random mixtures of the pieces that matter (marks, cues, names, pronouns, punctuation,
/// paragraph breaks): no panic, and every span the stage returns reads back from the body.
#[test]
fn random_token_soup_never_panics_and_every_span_holds() {
    const PIECES: [&str; 32] = [
        "“",
        "”",
        "\"",
        "'",
        "‘",
        "’",
        "«",
        "»",
        "„",
        "(",
        ")",
        "(sic)",
        ":",
        ",",
        ".",
        " — ",
        "\n\n",
        " said ",
        " told reporters ",
        " according to ",
        " he ",
        " it ",
        " Lavrov ",
        " the Kremlin ",
        " Russia’s embassy ",
        " that ",
        " did not deny ",
        " adding",
        " We ",
        " are ready",
        "é",
        " ",
    ];
    let mut rng = Rng(7);
    let stage = QuoteStage::new();
    for _ in 0..3000 {
        let len = (rng.next() % 40) as usize;
        let body: String = (0..len)
            .map(|_| PIECES[(rng.next() % 32) as usize])
            .collect();
        let layer = TextLayer::new(&body);
        for q in stage.quotes(&body, &layer, &[]) {
            let spans = std::iter::once(&q.span)
                .chain(q.speaker_span.iter())
                .chain(q.cue.iter().map(|c| &c.span))
                .chain(q.insertions.iter());
            for s in spans {
                assert!(s.check(&body).is_ok(), "{body:?}: {s:?}");
            }
        }
    }
}
