//! The folded body and its word tokens, built once per article and shared by the actor and
//! time stages.
//!
//! Both stages match on the folded text (accents, quotes and dashes made plain) with the same
//! tokens. The pipeline hands each stage only the article and its text layer, so the two
//! stages meet here: the last body folded on this thread is kept, and a stage asking for the
//! same body text gets it back instead of folding and tokenising it again. The key is the body
//! text itself, so a different article (or the same one edited) is always folded afresh.

use super::fold::Folded;
use super::text::{tokenize, Tok};
use std::cell::RefCell;
use std::rc::Rc;

/// A body folded for matching, with its tokens (folded coordinates).
#[derive(Debug)]
pub struct FoldedBody {
    /// The body it was built from (the cache key).
    body: String,
    pub folded: Folded,
    pub toks: Vec<Tok>,
}

impl FoldedBody {
    /// Folds and tokenises `body`.
    pub fn new(body: &str) -> Self {
        let folded = Folded::new(body);
        let toks = tokenize(&folded.text);
        FoldedBody {
            body: body.to_string(),
            folded,
            toks,
        }
    }

    /// The folded body of `body`: the one built last on this thread when it was built from
    /// the same text, else a new one (which then becomes the one kept).
    pub fn shared(body: &str) -> Rc<FoldedBody> {
        thread_local! {
            static LAST: RefCell<Option<Rc<FoldedBody>>> = const { RefCell::new(None) };
        }
        LAST.with(|last| {
            if let Some(kept) = last.borrow().as_ref() {
                if kept.body == body {
                    return Rc::clone(kept);
                }
            }
            let made = Rc::new(FoldedBody::new(body));
            *last.borrow_mut() = Some(Rc::clone(&made));
            made
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_body_is_folded_once() {
        let a = FoldedBody::shared("Lavrov met Blinken in Geneva.");
        let b = FoldedBody::shared("Lavrov met Blinken in Geneva.");
        assert!(Rc::ptr_eq(&a, &b));
    }

    #[test]
    fn a_different_body_is_folded_afresh() {
        let a = FoldedBody::shared("Lavrov met Blinken.");
        let b = FoldedBody::shared("Lavrov met Blinken in Geneva.");
        assert!(!Rc::ptr_eq(&a, &b));
        assert_eq!(b.folded.text, "Lavrov met Blinken in Geneva.");
        assert_eq!(b.toks.len(), 6);
    }
}
