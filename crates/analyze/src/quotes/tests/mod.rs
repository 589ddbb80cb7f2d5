//! Table-driven tests (tests/cases.txt), the size sweep that checks growth is linear, and
//! tests of the stage's inputs and outputs.

mod linear;
mod table;

use super::QuoteStage;
use parley_core::text::TextLayer;
use parley_core::Quote;

pub(crate) fn run(body: &str) -> Vec<Quote> {
    let layer = TextLayer::new(body);
    QuoteStage::new().quotes(body, &layer, &[])
}
