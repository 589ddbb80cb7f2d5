//! Character classes the text layer shares: spaces, quote marks, dashes, apostrophes.

/// Whitespace for layout purposes: Unicode whitespace (incl. no-break space) plus the
/// invisible characters that web text carries around (byte-order mark, zero-width space).
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

/// Which kind of quotation a mark belongs to; nesting alternates between the two.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum QuoteFamily {
    Double,
    Single,
}

/// The family of a quotation-mark character, or `None` for any other character.
pub(crate) fn quote_family(c: char) -> Option<QuoteFamily> {
    match c {
        '"' | '“' | '”' | '„' | '‟' | '«' | '»' => Some(QuoteFamily::Double),
        '\'' | '‘' | '’' | '‚' | '‛' | '‹' | '›' => Some(QuoteFamily::Single),
        _ => None,
    }
}

/// Characters that write an apostrophe (straight, curly right, modifier letter).
pub(crate) fn is_apostrophe_char(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | '′')
}

/// Em dash, en dash, horizontal bar, figure dash, minus sign used as a dash.
pub(crate) fn is_dash_char(c: char) -> bool {
    matches!(c, '—' | '–' | '―' | '‒' | '⸺' | '⸻')
}

/// Hyphens that join the parts of a compound word.
pub(crate) fn is_hyphen_char(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Letters, digits and combining marks: what a word is made of.
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Common combining-mark blocks (std has no general-category table).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A
        | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// The character that starts at byte `i` of `s`, if `i` is a char boundary inside `s`.
pub(crate) fn char_at(s: &str, i: usize) -> Option<char> {
    s.get(i..)?.chars().next()
}

/// The character that ends at byte `i` of `s`, if any.
pub(crate) fn char_before(s: &str, i: usize) -> Option<char> {
    s.get(..i)?.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_break_space_and_bom_are_spaces() {
        assert!(is_space('\u{a0}'));
        assert!(is_space('\u{feff}'));
        assert!(!is_space('a'));
    }

    #[test]
    fn every_quote_mark_has_a_family() {
        for c in ['"', '“', '”', '„', '«', '»'] {
            assert_eq!(quote_family(c), Some(QuoteFamily::Double), "{c}");
        }
        for c in ['\'', '‘', '’', '‹', '›', '‚'] {
            assert_eq!(quote_family(c), Some(QuoteFamily::Single), "{c}");
        }
        assert_eq!(quote_family('a'), None);
    }

    #[test]
    fn char_helpers_refuse_non_boundaries() {
        let s = "a’b";
        assert_eq!(char_at(s, 1), Some('’'));
        assert_eq!(char_at(s, 2), None);
        assert_eq!(char_before(s, 4), Some('’'));
        assert_eq!(char_before(s, 0), None);
        assert_eq!(char_at(s, 99), None);
    }
}
