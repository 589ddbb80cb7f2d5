//! The wire dateline that opens a news story: "MANILA, March 14 (Reuters) - ", "WASHINGTON (AP)
//! — ", "KYIV — ", "BEIJING/WASHINGTON, Oct 9 (AP) — ". One reading for every stage: ingest
//! uses it to tell a lede from a headline, the event coder to keep the dateline's city and
//! agency out of the sentence's sides and to find the story's home country.

use std::ops::Range;

/// A dateline at the start of a text, as byte offsets into that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// The first place named ("BEIJING" of "BEIJING/WASHINGTON").
    pub place: Range<usize>,
    /// Just after the dash that closes the dateline.
    pub end: usize,
}

/// How long the place may be, in bytes ("UNITED NATIONS", "PORT-AU-PRINCE").
const MAX_PLACE_BYTES: usize = 40;
/// How long the part between the place and the dash may be, in bytes (", Jan 5 (Reuters) ").
const MAX_GAP_BYTES: usize = 60;

/// The dashes that close a dateline, longest first so " -- " is not read as " - ".
const DASHES: &[&str] = &[" -- ", " - ", "\u{2014}", "\u{2013}"];

/// The dateline opening `text`, if any: a place in capitals, ended by a comma, an opening
/// bracket or a dash; then, before the dash, only a date, a bracketed agency or capitalised
/// words ("BEIRUT, Lebanon (AP) —"). A place followed directly by a dash needs a long dash
/// ("KYIV — "), so a sentence such as "NATO - Russia talks …" is no dateline, nor is "NATO,
/// the alliance — …" (a lower-case word before the dash).
pub fn wire_dateline(text: &str) -> Option<Dateline> {
    let lead = text.len() - text.trim_start().len();
    let rest = &text[lead..];
    let place_end = rest
        .find([',', '(', '\u{2014}', '\u{2013}', '-'])
        .and_then(|i| {
            // a hyphen inside a name ("PORT-AU-PRINCE") does not end the place
            let hyphen_in_name = rest[i..].starts_with('-') && !rest[..i].ends_with(' ');
            if hyphen_in_name {
                place_end_after_hyphens(rest)
            } else {
                Some(i)
            }
        })?;
    let place_text = rest[..place_end].trim_end();
    if !is_place(place_text) {
        return None;
    }
    let first_place = place_text
        .split('/')
        .next()
        .unwrap_or(place_text)
        .trim_end();
    // from the end of the place's name, so the space before a spaced dash is kept
    let after_place = place_text.len();
    let (dash_at, dash) = first_dash(&rest[after_place..])?;
    let gap = &rest[after_place..after_place + dash_at];
    if !gap_is_date_or_agency(gap, dash) {
        return None;
    }
    Some(Dateline {
        place: lead..lead + first_place.len(),
        end: lead + after_place + dash_at + dash.trim_end().len(),
    })
}

/// Where the place ends when its name holds hyphens: at the first comma, bracket or long dash,
/// or at a spaced hyphen.
fn place_end_after_hyphens(rest: &str) -> Option<usize> {
    let hard = rest.find([',', '(', '\u{2014}', '\u{2013}']);
    let spaced = rest.find(" -");
    match (hard, spaced) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// Capitals, spaces and the marks place names carry, with three letters or more.
fn is_place(place: &str) -> bool {
    let letters = place.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 3
        && place.len() <= MAX_PLACE_BYTES
        && place
            .chars()
            .all(|c| c.is_uppercase() || " ./-'\u{2019}".contains(c))
}

/// The first dash within reach, with its offset.
fn first_dash(after_place: &str) -> Option<(usize, &'static str)> {
    DASHES
        .iter()
        .filter_map(|d| after_place.find(d).map(|at| (at, *d)))
        .filter(|(at, _)| *at <= MAX_GAP_BYTES)
        .min_by_key(|(at, d)| (*at, std::cmp::Reverse(d.len())))
}

/// Whether what stands between the place and the dash is a dateline's: nothing (before a long
/// dash only), or a date, an agency in brackets and capitalised names, with no lower-case word
/// outside the brackets.
fn gap_is_date_or_agency(gap: &str, dash: &str) -> bool {
    if gap.trim().is_empty() {
        return dash.trim() != "-";
    }
    let mut depth = 0usize;
    let mut outside = String::new();
    for c in gap.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty())
        .all(|w| !w.starts_with(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<&str> {
        wire_dateline(text).map(|d| &text[d.place])
    }

    fn after(text: &str) -> Option<&str> {
        wire_dateline(text).map(|d| text[d.end..].trim_start())
    }

    #[test]
    fn a_reuters_dateline_with_date_and_agency_is_read() {
        let text = "MANILA, March 14 (Reuters) - The Philippines protested.";
        assert_eq!(place(text), Some("MANILA"));
        assert_eq!(after(text), Some("The Philippines protested."));
    }

    #[test]
    fn an_agency_dateline_without_a_date_is_read() {
        let text = "WASHINGTON (AP) \u{2014} The Senate voted.";
        assert_eq!(place(text), Some("WASHINGTON"));
        assert_eq!(after(text), Some("The Senate voted."));
    }

    #[test]
    fn a_bare_city_before_a_long_dash_is_read() {
        assert_eq!(place("KYIV \u{2014} Ukraine said"), Some("KYIV"));
        assert_eq!(place("KYIV\u{2013}Ukraine said"), Some("KYIV"));
        assert_eq!(after("KYIV -- Ukraine said"), Some("Ukraine said"));
    }

    #[test]
    fn the_first_of_joined_places_and_multiword_places_are_read() {
        assert_eq!(
            place("BEIJING/WASHINGTON, Oct 9 (AP) \u{2014} Talks"),
            Some("BEIJING")
        );
        assert_eq!(
            place("UNITED NATIONS, Nov 18 (Reuters) - Russia vetoed"),
            Some("UNITED NATIONS")
        );
        assert_eq!(
            place("PORT-AU-PRINCE, Haiti (AP) \u{2014} Gangs"),
            Some("PORT-AU-PRINCE")
        );
        assert_eq!(
            place("BEIRUT, Lebanon (AP) \u{2014} Israel"),
            Some("BEIRUT")
        );
    }

    #[test]
    fn leading_whitespace_is_skipped_and_offsets_stay_in_the_text() {
        let text = "\n  DOHA, Jan 5 (Reuters) - Qatar said";
        let d = wire_dateline(text).unwrap();
        assert_eq!(&text[d.place], "DOHA");
        assert_eq!(&text[d.end..], " Qatar said");
    }

    #[test]
    fn sentences_that_only_look_like_datelines_are_not() {
        assert_eq!(
            wire_dateline("NATO - Russia talks resumed on Monday."),
            None
        );
        assert_eq!(
            wire_dateline("NATO, the Western alliance \u{2014} formed in 1949 \u{2014} said"),
            None
        );
        assert_eq!(wire_dateline("Russia, China - and Iran"), None);
        assert_eq!(wire_dateline("US \u{2014} China talks"), None);
        assert_eq!(wire_dateline("The talks ended - without a deal."), None);
        assert_eq!(
            wire_dateline("MANILA, March 14 (Reuters) no dash here"),
            None
        );
        assert_eq!(wire_dateline(""), None);
    }

    #[test]
    fn a_dash_far_beyond_the_place_is_no_dateline() {
        let text = format!("PARIS, {} - x", "X".repeat(80));
        assert_eq!(wire_dateline(&text), None);
    }
}
