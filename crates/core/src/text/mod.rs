//! The text layer: paragraphs, sentences, tokens and quotation regions with byte offsets.
//! (Being written; see the module files.)
