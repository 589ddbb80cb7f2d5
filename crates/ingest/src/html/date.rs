//! Date strings → calendar days, and the date found in a URL.
//!
//! Accepts the forms pages use in metadata and bylines: ISO 8601 (`2022-01-10T12:00:00Z`),
//! `2022/01/10`, `2022. 01. 10.`, `2022年1月10日`, compact `20220110`, RFC 2822
//! (`Mon, 10 Jan 2022 …`), `Date.toString()` (`Mon Jan 10 08:00:00 CET 2022`), month names of
//! the languages in `data/ingest/month_names.txt` (`January 10, 2022`, `10. Januar 2022`), and
//! day-first numeric dates (`10.01.2022`, `10/01/2022` is ambiguous and only read when one part
//! is > 12). Every date is checked against a plausible range; nothing is guessed.

use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// Earliest publication date accepted (the web's news archives start in the mid-1990s).
pub fn earliest() -> NaiveDate {
    NaiveDate::from_ymd_opt(1995, 1, 1).unwrap()
}

static ISO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^\d])((?:19|20)\d{2})(?:[-/]|\.\s?)(\d{1,2})(?:[-/]|\.\s?)(\d{1,2})(?:$|[^\d])",
    )
    .unwrap()
});
/// Chinese, Japanese and Korean dates: "2020年7月12日", "2020년 7월 12일".
static CJK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:19|20)\d{2})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]").unwrap()
});
static COMPACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*((?:19|20)\d{2})(\d{2})(\d{2})(?:$|[T\s]|\d{4,6})").unwrap());
static DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\d])(\d{1,2})[./-](\d{1,2})[./-]((?:19|20)\d{2})(?:$|[^\d])").unwrap()
});
static NAMED_MDY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d{2})\b")
        .unwrap()
});
static NAMED_DMY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(\d{1,2})(?:st|nd|rd|th|er|º)?\.?\s+(?:de\s+)?(\p{L}{3,12})\.?,?\s+(?:de\s+)?((?:19|20)\d{2})\b").unwrap()
});

/// Java's and JavaScript's `Date.toString()` put the time between the day and the year:
/// "Tue Jul 30 09:35:14 CEST 2019", "Tue Aug 25 2020 00:23:33 GMT+0000".
static TIME_BEFORE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\p{L}{3},?\s+)?(\p{L}{3,12})\.?\s+(\d{1,2})\s+\d{1,2}:\d{2}(?::\d{2})?\s+(?:[A-Z]{2,5}\s+)?((?:19|20)\d{2})$").unwrap()
});

/// Month names by number, from `data/ingest/month_names.txt` ("3 mar march märz …").
static MONTHS: LazyLock<Vec<(u32, Vec<&'static str>)>> = LazyLock::new(|| {
    super::lists::entries(include_str!("../../../../data/ingest/month_names.txt"))
        .into_iter()
        .filter_map(|line| {
            let mut words = line.split_whitespace();
            let number = words.next()?.parse().ok()?;
            Some((number, words.collect()))
        })
        .collect()
});

fn month_number(name: &str) -> Option<u32> {
    let n = name.to_lowercase();
    let n = n.trim_end_matches('.');
    MONTHS
        .iter()
        .find(|(_, names)| names.contains(&n))
        .map(|(number, _)| *number)
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
    if let Some(c) = TIME_BEFORE_YEAR.captures(s) {
        if let Some(d) = month_number(&c[1]).and_then(|m| ymd(&c[3], &m.to_string(), &c[2])) {
            return Some(d);
        }
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
    if let Some(c) = CJK.captures(s) {
        if let Some(d) = ymd(&c[1], &c[2], &c[3]) {
            return Some(d);
        }
    }
    // Month-name patterns also match other words ("Volume 3 2019"): try every match.
    let named = NAMED_MDY
        .captures_iter(s)
        .find_map(|c| ymd(&c[3], &month_number(&c[1])?.to_string(), &c[2]))
        .or_else(|| {
            NAMED_DMY
                .captures_iter(s)
                .find_map(|c| ymd(&c[3], &month_number(&c[2])?.to_string(), &c[1]))
        });
    if named.is_some() {
        return named;
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
    fn the_month_names_file_gives_twelve_months_of_unique_lowercase_names() {
        let numbers: Vec<u32> = MONTHS.iter().map(|(n, _)| *n).collect();
        assert_eq!(numbers, (1..=12).collect::<Vec<_>>());
        let all: Vec<&str> = MONTHS.iter().flat_map(|(_, names)| names.clone()).collect();
        crate::html::lists::checks::lowercase_unique("month_names.txt", &all);
    }

    #[test]
    fn month_names_of_more_languages_parse() {
        assert_eq!(
            parse_text("الأربعاء، 07 أكتوبر 2020 - 12:09 م"),
            d(2020, 10, 7)
        );
        assert_eq!(parse_text("7 октября 2020"), d(2020, 10, 7));
        assert_eq!(parse_text("7 października 2020"), d(2020, 10, 7));
        assert_eq!(parse_text("7 Ağustos 2020"), d(2020, 8, 7));
    }

    #[test]
    fn year_first_dates_with_spaces_or_cjk_marks_parse() {
        assert_eq!(
            parse_text("lassú kilábalás 2020. 08. 18. 21:35"),
            d(2020, 8, 18)
        );
        assert_eq!(parse_text("2020年07月12日 | 情報"), d(2020, 7, 12));
        assert_eq!(parse_text("2020년 7월 12일"), d(2020, 7, 12));
    }

    #[test]
    fn a_word_before_numbers_does_not_hide_a_later_date() {
        assert_eq!(
            parse_text("Volume 3 2019, issued March 4, 2019"),
            d(2019, 3, 4)
        );
    }

    #[test]
    fn date_to_string_forms_parse() {
        assert_eq!(
            parse_machine("Tue Jul 30 09:35:14 CEST 2019"),
            d(2019, 7, 30)
        );
        assert_eq!(
            parse_machine("Tue Aug 25 2020 00:23:33 GMT+0000 (Coordinated Universal Time)"),
            d(2020, 8, 25)
        );
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
