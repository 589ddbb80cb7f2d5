//! Date strings → calendar days, and the date found in a URL.
//!
//! Accepts the forms pages use in metadata and bylines: ISO 8601 (`2022-01-10T12:00:00Z`),
//! `2022/01/10`, compact `20220110`, RFC 2822 (`Mon, 10 Jan 2022 …`), month names in English,
//! German, French, Spanish, Italian, Dutch and Portuguese (`January 10, 2022`, `10. Januar 2022`),
//! and day-first numeric dates (`10.01.2022`, `10/01/2022` is ambiguous and only read when one
//! part is > 12). Every date is checked against a plausible range; nothing is guessed.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Earliest publication date accepted (the web's news archives start in the mid-1990s).
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1995, 1, 1).unwrap()
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])((?:19|20)\d{2})[-/.](\d{1,2})[-/.](\d{1,2})(?:$|[^\d])").unwrap()
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[T\s]|\d{4,6})").unwrap());
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})(?:$|[^\d])").unwrap()
});
static NAMED_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b([a-zäéèûôç]{3,10})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")
        .unwrap()
});
static NAMED_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?([a-zäéèûôç]{3,10})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b").unwrap()
});

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    const MONTHS: [&[&str]; 12] = [
        &[
            "jan", "january", "januar", "janvier", "enero", "gennaio", "januari", "janeiro",
            "jänner", "ene", "gen", "janv",
        ],
        &[
            "feb",
            "february",
            "februar",
            "février",
            "fevrier",
            "febrero",
            "febbraio",
            "februari",
            "fevereiro",
            "févr",
            "fev",
            "fév",
        ],
        &[
            "mar", "march", "märz", "maerz", "mars", "marzo", "maart", "março", "marco", "mär",
            "mrz",
        ],
        &["apr", "april", "avril", "abril", "aprile", "abr", "avr"],
        &["may", "mai", "mayo", "maggio", "mei", "maio", "mag"],
        &[
            "jun", "june", "juni", "juin", "junio", "giugno", "junho", "giu",
        ],
        &[
            "jul", "july", "juli", "juillet", "julio", "luglio", "julho", "juil", "lug",
        ],
        &["aug", "august", "août", "aout", "agosto", "augustus", "ago"],
        &[
            "sep",
            "sept",
            "september",
            "septembre",
            "septiembre",
            "settembre",
            "setembro",
            "set",
        ],
        &[
            "oct", "october", "oktober", "octobre", "octubre", "ottobre", "outubro", "okt", "ott",
            "out",
        ],
        &["nov", "november", "novembre", "noviembre", "novembro"],
        &[
            "dec",
            "december",
            "dezember",
            "décembre",
            "decembre",
            "diciembre",
            "dicembre",
            "dezembro",
            "dez",
            "déc",
            "dic",
        ],
    ];
    MONTHS
        .iter()
        .position(|names| names.contains(&n))
        .map(|i| i as u32 + 1)
}

fn ymd(y: &str, m: &str, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A date at the start of a machine-readable value (meta content, `datetime`, JSON-LD).
pub fn parse_machine(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(c) = COMPACT.captures(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    // Unix timestamps in seconds or milliseconds.
    if s.len() >= 9 && s.len() <= 13 && s.bytes().all(|b| b.is_ascii_digit()) {
        let mut secs: i64 = s.parse().ok()?;
        if s.len() == 13 {
            secs /= 1000;
        }
        return chrono::DateTime::from_timestamp(secs, 0).map(|d| d.date_naive());
    }
    parse_text(s)
}

fn prefix(s: &str, max_bytes: usize) -> &str {
    if s.len() <= max_bytes {
        return s;
    }
    let mut end = max_bytes;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The first date written in free text (a byline, a dateline).
pub fn parse_text(s: &str) -> Option<NaiveDate> {
    let s = prefix(s, 400);
    if let Some(c) = ISO.captures(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    if let Some(c) = NAMED_MDY.captures(s) {
        if let Some(m) = month_number(&c[1]) {
            if let Some(d) = ymd(&c[3], &m.to_string(), &c[2]) {
                return Some(d);
            }
        }
    }
    if let Some(c) = NAMED_DMY.captures(s) {
        if let Some(m) = month_number(&c[2]) {
            if let Some(d) = ymd(&c[3], &m.to_string(), &c[1]) {
                return Some(d);
            }
        }
    }
    if let Some(c) = DMY.captures(s) {
        let (a, b): (u32, u32) = (c[1].parse().ok()?, c[2].parse().ok()?);
        let sep_is_dot = s[c.get(1)?.end()..].starts_with('.');
        // Dotted dates are day-first (German, Russian…); slashed ones only when unambiguous.
        if sep_is_dot || a > 12 {
            return ymd(&c[3], &b.to_string(), &a.to_string());
        }
        if b > 12 {
            return ymd(&c[3], &a.to_string(), &b.to_string());
        }
    }
    None
}

static URL_YMD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[/_-])((?:19|20)\d{2})[/_-]?([01]\d)[/_-]?([0-3]\d)(?:$|[/_.-])").unwrap()
});
static URL_YMD_LOOSE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"/((?:19|20)\d{2})/([01]?\d)/([0-3]?\d)/").unwrap());

/// A full date (year, month and day) in a URL's path.
pub fn from_url(url: &str) -> Option<NaiveDate> {
    let path = url.split_once("://").map(|(_, r)| r).unwrap_or(url);
    let path = path.find('/').map(|i| &path[i..]).unwrap_or("");
    let path = path.split(['?', '#']).next().unwrap_or("");
    for re in [&*URL_YMD_LOOSE, &*URL_YMD] {
        for c in re.captures_iter(path) {
            if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
                return Some(d);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn machine_forms_parse() {
        assert_eq!(parse_machine("2022-01-10T12:00:00+03:00"), d(2022, 1, 10));
        assert_eq!(parse_machine("20220110"), d(2022, 1, 10));
        assert_eq!(
            parse_machine("Mon, 10 Jan 2022 08:00:00 GMT"),
            d(2022, 1, 10)
        );
        assert_eq!(parse_machine("2022/01/10 08:00"), d(2022, 1, 10));
    }

    #[test]
    fn written_dates_parse_in_several_languages() {
        assert_eq!(
            parse_text("Published January 10, 2022 at 5pm"),
            d(2022, 1, 10)
        );
        assert_eq!(parse_text("10. Januar 2022"), d(2022, 1, 10));
        assert_eq!(parse_text("le 10 janvier 2022"), d(2022, 1, 10));
        assert_eq!(parse_text("Stand: 10.01.2022, 12:00 Uhr"), d(2022, 1, 10));
        assert_eq!(parse_text("Sept. 3rd, 2021"), d(2021, 9, 3));
    }

    #[test]
    fn ambiguous_slashed_dates_are_not_guessed() {
        assert_eq!(parse_text("03/04/2021"), None);
        assert_eq!(parse_text("13/04/2021"), d(2021, 4, 13));
    }

    #[test]
    fn url_dates_need_a_full_day() {
        assert_eq!(
            from_url("https://x.com/2022/01/10/talks-begin"),
            d(2022, 1, 10)
        );
        assert_eq!(
            from_url("https://x.com/news/2022-01-10-talks"),
            d(2022, 1, 10)
        );
        assert_eq!(from_url("https://x.com/2022/01/talks"), None);
        assert_eq!(from_url("https://x.com/article/12345678901"), None);
    }

    #[test]
    fn impossible_dates_are_rejected() {
        assert_eq!(parse_text("2022-02-30"), None);
    }
}
