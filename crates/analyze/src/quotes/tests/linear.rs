//! Odd and large inputs: never a panic, and work that grows linearly with the input.
//!
//! Growth is measured by counting, not timing: the stage's output size and the number of
//! tokens it visits cannot be observed from outside, so each sweep runs the stage on inputs
//! of size n, 2n, 4n, 8n and checks that the time ratio between the largest and smallest
//! stays near 8 with a generous margin (a quadratic stage would show 64). The ratio of
//! counts (quotes found) is checked to be exactly linear where the input repeats a unit.

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

/// The fastest of three runs of the stage alone, in seconds, and the number of quotes.
fn measure(body: &str) -> (f64, usize) {
    let layer = TextLayer::new(body);
    let stage = QuoteStage::new();
    let mut best = f64::MAX;
    let mut count = 0;
    for _ in 0..3 {
        let t = Instant::now();
        let quotes = stage.quotes(body, &layer, &[]);
        best = best.min(t.elapsed().as_secs_f64());
        count = quotes.len();
    }
    (best.max(1e-6), count)
}

/// Runs sizes n, 2n, 4n, 8n; checks that 8× the input costs well under 64× (quadratic).
fn sweep(name: &str, make: impl Fn(usize) -> String, n: usize, counts_linear: bool) {
    let mut rows = Vec::new();
    for k in [1, 2, 4, 8] {
        let body = make(n * k);
        let (secs, count) = measure(&body);
        rows.push((body.len(), secs, count));
    }
    let (len0, t0, c0) = rows[0];
    let (len3, t3, c3) = rows[3];
    let size_ratio = len3 as f64 / len0 as f64;
    let time_ratio = t3 / t0;
    // Linear growth gives ~8; allow noise and cache effects up to 3× that; quadratic is 64.
    assert!(
        time_ratio < size_ratio * 3.0,
        "{name}: 8× input took {time_ratio:.1}× the time: {rows:?}"
    );
    if counts_linear && c0 > 0 {
        let count_ratio = c3 as f64 / c0 as f64;
        assert!(
            (count_ratio - size_ratio).abs() / size_ratio < 0.1,
            "{name}: quotes grew {count_ratio:.2}× for {size_ratio:.2}× input: {rows:?}"
        );
    }
}

#[test]
fn random_bytes_grow_linearly() {
    sweep("random bytes", random_text, 80_000, false);
}

#[test]
fn ten_thousand_quotation_marks_grow_linearly() {
    // The largest size holds 10 000 marks.
    sweep("quotation marks", quote_marks, 1_250, false);
}

#[test]
fn a_five_megabyte_paragraph_grows_linearly() {
    // The largest size is 5 MB in one paragraph.
    sweep("one paragraph", one_paragraph, 640_000, true);
}

#[test]
fn one_endless_sentence_grows_linearly() {
    sweep("one sentence", one_sentence, 60_000, false);
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
