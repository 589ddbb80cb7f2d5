//! The rules that find and normalise time expressions, over folded-text tokens.

use crate::actors::text::Tok;
use crate::actors::words::{files, pairs, words, WordMap, WordSet};
use chrono::{Datelike, Duration, NaiveDate, Weekday};
use std::sync::{LazyLock, OnceLock};

/// A time expression in folded coordinates.
#[derive(Debug, Clone)]
pub struct Found {
    pub start: usize,
    pub end: usize,
    pub value: Option<String>,
    pub date: Option<NaiveDate>,
    pub rule: &'static str,
    pub anchor: Option<NaiveDate>,
    day: Option<NaiveDate>,
}

/// A normalised value.
#[derive(Debug, Clone, PartialEq)]
enum Val {
    Day(NaiveDate),
    Week(NaiveDate),
    Month(i32, u32),
    Year(i32),
    Range(NaiveDate, NaiveDate),
    Duration(String),
    /// A season: year and TIMEX3 code (SP, SU, FA, WI); winter belongs to the year it starts in.
    Season(i32, &'static str),
    /// A quarter of a year (1 to 4).
    Quarter(i32, u32),
    /// Found, but it needs a publication date that is not known.
    Unknown,
}

impl Val {
    fn iso(&self) -> Option<String> {
        Some(match self {
            Val::Day(d) => d.format("%Y-%m-%d").to_string(),
            Val::Week(d) => {
                let w = d.iso_week();
                format!("{}-W{:02}", w.year(), w.week())
            }
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Range(a, b) => format!("{}/{}", a.format("%Y-%m-%d"), b.format("%Y-%m-%d")),
            Val::Duration(s) => s.clone(),
            Val::Season(y, c) => format!("{y:04}-{c}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Unknown => return None,
        })
    }

    fn first_day(&self) -> Option<NaiveDate> {
        match self {
            Val::Day(d) => Some(*d),
            Val::Week(d) => {
                let back = d.weekday().num_days_from_monday() as i64;
                d.checked_sub_signed(Duration::days(back))
            }
            Val::Month(y, m) => NaiveDate::from_ymd_opt(*y, *m, 1),
            Val::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            Val::Range(a, _) => Some(*a),
            Val::Season(y, c) => NaiveDate::from_ymd_opt(*y, season_start(c), 1),
            Val::Quarter(y, q) => NaiveDate::from_ymd_opt(*y, (q - 1) * 3 + 1, 1),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Past,
    Future,
}

/// Month names, lower case (also read by the event coder: a number beside one is a date).
pub(crate) static MONTHS: LazyLock<Vec<&str>> = LazyLock::new(|| words(files::MONTHS));
static MONTH_ABBR: LazyLock<Vec<(&str, u32)>> = LazyLock::new(|| pairs(files::MONTH_ABBR));
static WEEKDAYS: LazyLock<Vec<(&str, Weekday)>> = LazyLock::new(|| {
    let names = words(files::WEEKDAYS);
    let days = names
        .iter()
        .map(|n| n.parse().expect("data/time/weekdays.txt: a weekday name"));
    names.iter().copied().zip(days).collect()
});
static NUMBERS: LazyLock<Vec<(&str, i64)>> = LazyLock::new(|| pairs(files::NUMBERS));
/// NUMBERS as a map: the number words are looked up at most common words ("a", "the", "in").
static NUMBER_VALUES: LazyLock<WordMap<i64>> = LazyLock::new(|| NUMBERS.iter().copied().collect());
/// Words before a bare month or year that make it a time expression ("in January").
static MONTH_TRIGGERS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::MONTH_TRIGGERS));
static FUTURE_CUES: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::FUTURE_CUES));
/// Words that mark the future when "to" follows: "is expected to", "plans to".
static FUTURE_TO: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::FUTURE_TO));
static PAST_IRREGULAR: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::PAST_IRREGULAR));

struct Ctx<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The text with its ASCII letters lowered (same offsets): an ASCII token's lower case.
    ascii_lower: String,
    /// The lower case of each token with other characters (see [`OtherLower`]).
    other_lower: OtherLower,
    sents: &'a [(usize, usize)],
    publ: Option<NaiveDate>,
}

impl Ctx<'_> {
    fn w(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }
    fn l(&self, i: usize) -> &str {
        let Some(t) = self.toks.get(i) else {
            return "";
        };
        match self.other_lower.of(i) {
            Some(lower) => lower,
            None => self.ascii_lower.get(t.start..t.end).unwrap_or(""),
        }
    }
    fn cap(&self, i: usize) -> bool {
        self.w(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// The tokens `i` and `i + 1` are separated by at most one space.
    fn tight(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => b.start <= a.end + 1,
            _ => false,
        }
    }

    fn month(&self, i: usize) -> Option<(u32, usize)> {
        if !self.cap(i) {
            return None;
        }
        let l = self.l(i);
        if let Some(m) = MONTHS.iter().position(|m| *m == l) {
            return Some((m as u32 + 1, i + 1));
        }
        let (_, m) = MONTH_ABBR.iter().find(|(a, _)| *a == l)?;
        // An abbreviation needs its full stop or a number after it: "Dec. 21", "Dec 21".
        if self.w(i + 1) == "." && self.tight(i) {
            return Some((*m, i + 2));
        }
        if (self.day(i + 1).is_some() || self.year(i + 1).is_some()) && l != "may" && l != "mar" {
            return Some((*m, i + 1));
        }
        None
    }

    fn weekday(&self, i: usize) -> Option<Weekday> {
        if !self.cap(i) {
            return None;
        }
        WEEKDAYS.iter().find(|(n, _)| *n == self.l(i)).map(|x| x.1)
    }

    fn day(&self, i: usize) -> Option<u32> {
        let l = self.l(i);
        let digits = l.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &l[digits.len()..];
        if !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
            || digits.is_empty()
            || digits.len() > 2
        {
            return None;
        }
        let d: u32 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    fn year(&self, i: usize) -> Option<i32> {
        let l = self.l(i);
        if l.len() != 4 || !l.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let y: i32 = l.parse().ok()?;
        (1900..=2100).contains(&y).then_some(y)
    }

    fn number(&self, i: usize) -> Option<i64> {
        let l = self.l(i);
        if let Some(&n) = NUMBER_VALUES.get(l) {
            return (n > 0).then_some(n);
        }
        l.parse::<i64>().ok().filter(|n| (1..=1000).contains(n))
    }

    /// The tense that governs token `i`: the nearest tense cue in its sentence.
    fn tense(&self, i: usize) -> Option<Tense> {
        let at = self.toks.get(i)?.start;
        let (s, e) = self
            .sents
            .iter()
            .copied()
            .find(|&(s, e)| s <= at && at < e)
            .unwrap_or((0, self.text.len()));
        let mut best: Option<(usize, Tense)> = None;
        let first = self.toks.partition_point(|t| t.start < s);
        for k in first..self.toks.len() {
            let t = self.toks[k];
            if t.start >= e {
                break;
            }
            if !t.word {
                continue;
            }
            let l = self.l(k);
            let fut = FUTURE_CUES.contains(l)
                || l.ends_with("'ll")
                || (FUTURE_TO.contains(l) && matches!(self.l(k + 1), "to" | "for"))
                || (l == "due" && matches!(self.l(k + 1), "in" | "on" | "at" | "back"));
            // "will be held": a participle after "be" takes its tense from the auxiliary.
            let after_be = matches!(self.l(k.wrapping_sub(1)), "be" | "is" | "are");
            let past = !fut
                && !after_be
                && (PAST_IRREGULAR.contains(l) || (l.len() > 4 && l.ends_with("ed")));
            let tense = if fut {
                Tense::Future
            } else if past {
                Tense::Past
            } else {
                continue;
            };
            let dist = k.abs_diff(i);
            if best.is_none_or(|(d, _)| dist < d) {
                best = Some((dist, tense));
            }
        }
        best.map(|b| b.1)
    }
}

fn season_code(l: &str) -> Option<&'static str> {
    Some(match l {
        "spring" => "SP",
        "summer" => "SU",
        "autumn" | "fall" => "FA",
        "winter" => "WI",
        _ => return None,
    })
}

fn season_start(code: &str) -> u32 {
    match code {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

/// The season `code` relative to `p`: shift -1 ("last summer") = the latest one that has ended,
/// +1 ("next summer") = the next to start, 0 ("this summer", "in the summer") = the one holding
/// `p`, else the next to start when the tense is future, else the latest.
fn season_value(p: NaiveDate, code: &'static str, shift: i32, tense: Option<Tense>) -> Val {
    let start = season_start(code);
    // The occurrence that started most recently on or before p.
    let mut y = p.year();
    let began = |y: i32| NaiveDate::from_ymd_opt(y, start, 1).unwrap_or(p);
    if began(y) > p {
        y -= 1;
    }
    // Whether p lies in that occurrence (a season is taken as three months).
    let within = p < days(began(y), 91);
    let y = match shift {
        n if n < 0 => {
            if within {
                y - 1
            } else {
                y
            }
        }
        n if n > 0 => y + 1,
        _ if !within && tense == Some(Tense::Future) => y + 1,
        _ => y,
    };
    Val::Season(y, code)
}

fn days(d: NaiveDate, n: i64) -> NaiveDate {
    d.checked_add_signed(Duration::days(n)).unwrap_or(d)
}

fn weekday_diff(from: Weekday, to: Weekday) -> i64 {
    (to.num_days_from_monday() as i64 - from.num_days_from_monday() as i64 + 7) % 7
}

/// The weekday `wd` relative to `p`: past = on or before, future = after.
fn weekday_value(p: NaiveDate, wd: Weekday, tense: Tense, strict: bool) -> NaiveDate {
    match tense {
        Tense::Past => {
            let mut back = weekday_diff(wd, p.weekday());
            if strict && back == 0 {
                back = 7;
            }
            days(p, -back)
        }
        Tense::Future => {
            let mut fwd = weekday_diff(p.weekday(), wd);
            if fwd == 0 && strict {
                fwd = 7;
            }
            days(p, fwd)
        }
    }
}

fn month_value(p: NaiveDate, m: u32, tense: Option<Tense>) -> (i32, u32) {
    let (y, pm) = (p.year(), p.month());
    match tense {
        Some(Tense::Past) => (if m <= pm { y } else { y - 1 }, m),
        Some(Tense::Future) => (if m >= pm { y } else { y + 1 }, m),
        None => {
            // the nearest
            let here = y * 12 + pm as i32;
            let best = [y - 1, y, y + 1]
                .into_iter()
                .min_by_key(|c| {
                    ((c * 12 + m as i32) - here).abs() * 2 + i32::from(c * 12 + m as i32 > here)
                })
                .unwrap_or(y);
            (best, m)
        }
    }
}

fn day_month_value(p: NaiveDate, m: u32, d: u32, tense: Option<Tense>) -> Option<NaiveDate> {
    let cands: Vec<NaiveDate> = [p.year() - 1, p.year(), p.year() + 1]
        .into_iter()
        .filter_map(|y| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    match tense {
        Some(Tense::Past) => cands.into_iter().filter(|c| *c <= p).max(),
        Some(Tense::Future) => cands.into_iter().filter(|c| *c >= p).min(),
        None => cands
            .into_iter()
            .min_by_key(|c| ((*c - p).num_days().abs(), *c > p)),
    }
}

fn add_months(y: i32, m: u32, n: i32) -> (i32, u32) {
    let k = y * 12 + (m as i32 - 1) + n;
    (k.div_euclid(12), (k.rem_euclid(12) + 1) as u32)
}

/// The lower case of every token that is not plain ASCII (none for an ASCII text, the usual
/// case after folding), found by token index in one step.
struct OtherLower {
    /// For each token, its index in `lower`, or `NONE` (empty for an ASCII text).
    at: Vec<u32>,
    lower: Vec<String>,
}

impl OtherLower {
    const NONE: u32 = u32::MAX;

    fn new(text: &str, toks: &[Tok]) -> Self {
        let mut other = OtherLower {
            at: Vec::new(),
            lower: Vec::new(),
        };
        if text.is_ascii() {
            return other;
        }
        other.at = toks
            .iter()
            .map(|t| {
                let word = text.get(t.start..t.end).unwrap_or("");
                if word.is_ascii() {
                    return Self::NONE;
                }
                other.lower.push(word.to_lowercase());
                (other.lower.len() - 1) as u32
            })
            .collect();
        other
    }

    fn of(&self, i: usize) -> Option<&str> {
        let k = *self.at.get(i)?;
        (k != Self::NONE).then(|| self.lower[k as usize].as_str())
    }
}

/// Finds every time expression in the tokens.
pub fn find(
    text: &str,
    toks: &[Tok],
    sents: &[(usize, usize)],
    publ: Option<NaiveDate>,
) -> Vec<Found> {
    let cx = Ctx {
        text,
        toks,
        ascii_lower: text.to_ascii_lowercase(),
        other_lower: OtherLower::new(text, toks),
        sents,
        publ,
    };
    let mut out: Vec<Found> = Vec::new();
    let mut last_day: Option<NaiveDate> = None;
    let starting = StartingWords::get();
    let mut i = 0;
    while i < toks.len() {
        if !toks[i].word || !may_start_expression(starting, cx.l(i)) {
            i += 1;
            continue;
        }
        // A preposition before a bare month or year is not part of the expression.
        let (first, hit) = match rule_at(&cx, i, last_day) {
            Some(h) => (i, Some(h)),
            None => (i + 1, bare_month_or_year(&cx, i)),
        };
        let Some((end, val, rule, anchor)) = hit else {
            i += 1;
            continue;
        };
        let end = end.max(first + 1).min(toks.len());
        if let Val::Day(d) = val {
            last_day = Some(d);
        }
        out.push(Found {
            start: toks[first].start,
            end: toks[end - 1].end,
            value: val.iso(),
            date: val.first_day(),
            rule,
            anchor,
            day: match val {
                Val::Day(d) => Some(d),
                _ => None,
            },
        });
        i = end;
    }
    merge_ranges(text, out)
}

/// The words (lower case) that can start an expression, besides numbers: what the first token
/// of some rule in [`rule_at`] or [`bare_month_or_year`] has to be.
struct StartingWords {
    words: WordSet,
    /// For each first byte, a bit for each word length that occurs with it: most words are
    /// ruled out by this look-up alone, before any hashing.
    shapes: [u32; 256],
}

impl StartingWords {
    fn get() -> &'static StartingWords {
        static WORDS: OnceLock<StartingWords> = OnceLock::new();
        WORDS.get_or_init(|| {
            let mut words: Vec<&'static str> = Vec::new();
            words.extend(MONTHS.iter().copied());
            words.extend(MONTH_ABBR.iter().map(|m| m.0));
            words.extend(WEEKDAYS.iter().map(|w| w.0));
            words.extend(NUMBERS.iter().map(|n| n.0));
            words.extend(crate::actors::words::words(files::MONTH_TRIGGERS));
            words.extend([
                // modified, relative_word, anaphoric, duration, bare_month_or_year
                "earlier",
                "later",
                "this",
                "last",
                "next",
                "past",
                "coming",
                "previous",
                "the",
                "today",
                "tonight",
                "yesterday",
                "tomorrow",
                "for",
                "end",
                "beginning",
                "start",
            ]);
            let words = WordSet::from_words(words);
            let mut shapes = [0u32; 256];
            for w in words.iter() {
                shapes[usize::from(w.as_bytes()[0])] |= 1 << w.len().min(31);
            }
            StartingWords { words, shapes }
        })
    }

    fn contains(&self, l: &str) -> bool {
        let shape = self.shapes[usize::from(l.as_bytes()[0])];
        shape & (1 << l.len().min(31)) != 0 && self.words.contains(l)
    }
}

/// Whether a rule may match at a token (lower case): a starting word, a number ("10", "+3"), a
/// hyphenated word ("mid-January", "eight-week"), or a word in another script (rare: left to
/// the rules). Most words are none of these and are passed over without trying every rule.
fn may_start_expression(starting: &StartingWords, l: &str) -> bool {
    let Some(&first) = l.as_bytes().first() else {
        return false;
    };
    if first.is_ascii_digit() || first == b'+' || l.bytes().any(|b| b == b'-' || b >= 0x80) {
        return true;
    }
    starting.contains(l)
}

/// "from Monday to Wednesday", "Jan. 10 through Jan. 12": two days joined into a range.
fn merge_ranges(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out: Vec<Found> = Vec::new();
    for f in found {
        if let Some(prev) = out.last_mut() {
            let gap = text
                .get(prev.end..f.start)
                .unwrap_or("")
                .trim()
                .to_lowercase();
            if let (Some(a), Some(b)) = (prev.day, f.day) {
                if matches!(
                    gap.as_str(),
                    "to" | "through" | "until" | "till" | "-" | "and"
                ) && a < b
                    && (b - a).num_days() <= 62
                {
                    prev.end = f.end;
                    prev.value = Val::Range(a, b).iso();
                    prev.rule = "range";
                    prev.day = None;
                    continue;
                }
            }
        }
        out.push(f);
    }
    out
}

type Hit = (usize, Val, &'static str, Option<NaiveDate>);

fn rule_at(cx: &Ctx, i: usize, last_day: Option<NaiveDate>) -> Option<Hit> {
    iso_date(cx, i)
        .or_else(|| month_first(cx, i))
        .or_else(|| day_first(cx, i))
        .or_else(|| modified(cx, i))
        .or_else(|| weekday(cx, i))
        .or_else(|| relative_word(cx, i))
        .or_else(|| ago(cx, i))
        .or_else(|| anaphoric(cx, i, last_day))
        .or_else(|| duration(cx, i))
        .or_else(|| attributive_year(cx, i))
}

/// Counted nouns after which a four-digit number is a quantity, not a year.
static QUANTITY_NOUNS: LazyLock<WordSet> = LazyLock::new(|| WordSet::parse(files::QUANTITY_NOUNS));

/// "the 2014 annexation", "2022's invasion": a year on its own.
fn attributive_year(cx: &Ctx, i: usize) -> Option<Hit> {
    let y = cx.year(i)?;
    if !(1945..=2035).contains(&y) {
        return None;
    }
    let prev = i.checked_sub(1).map(|k| cx.w(k)).unwrap_or("");
    if matches!(prev, "$" | "€" | "£" | "#" | "No" | "no") || QUANTITY_NOUNS.contains(cx.l(i + 1))
    {
        return None;
    }
    Some((i + 1, Val::Year(y), "year", None))
}

fn with_pub(cx: &Ctx, f: impl FnOnce(NaiveDate) -> Option<Val>) -> Val {
    cx.publ.and_then(f).unwrap_or(Val::Unknown)
}

/// 2022-01-10
fn iso_date(cx: &Ctx, i: usize) -> Option<Hit> {
    let l = cx.l(i);
    // Parsing is slow; most tokens do not even start with a digit.
    if !l.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let d = NaiveDate::parse_from_str(l, "%Y-%m-%d").ok()?;
    Some((i + 1, Val::Day(d), "iso-date", None))
}

/// "January 10, 2022", "Dec. 21", "Jan. 10-12", "June of 2021", "January 2022", "mid-January".
fn month_first(cx: &Ctx, i: usize) -> Option<Hit> {
    let l = cx.l(i);
    if let Some(rest) = l.strip_prefix("mid-") {
        if let Some(m) = MONTHS.iter().position(|x| *x == rest) {
            let m = m as u32 + 1;
            // "mid-January 2022"
            if let Some(y) = cx.year(i + 1) {
                return Some((i + 2, Val::Month(y, m), "month-year", None));
            }
            let v = with_pub(cx, |p| {
                Some(Val::Month(month_value(p, m, cx.tense(i)).0, m))
            });
            return Some((i + 1, v, "month-part", cx.publ));
        }
        if let Ok(y) = rest.parse::<i32>() {
            if (1900..=2100).contains(&y) {
                return Some((i + 1, Val::Year(y), "year", None));
            }
        }
    }
    let (m, j) = cx.month(i)?;
    // Month Day[-Day] [, Year]
    if let Some(d) = cx.day(j) {
        let mut k = j + 1;
        let mut end_day = None;
        if matches!(cx.l(k), "to" | "through" | "and" | "-") {
            if let Some(d2) = cx.day(k + 1) {
                end_day = Some(d2);
                k += 2;
            }
        }
        let comma = cx.w(k) == ",";
        let year = cx.year(if comma { k + 1 } else { k });
        if year.is_some() {
            k = if comma { k + 2 } else { k + 1 };
        }
        let day_of = |y: i32, dd: u32| NaiveDate::from_ymd_opt(y, m, dd);
        let (val, rule, anchor) = match year {
            Some(y) => {
                let a = day_of(y, d)?;
                match end_day {
                    Some(d2) => (Val::Range(a, day_of(y, d2)?), "month-day-range", None),
                    None => (Val::Day(a), "month-day-year", None),
                }
            }
            None => {
                let tense = cx.tense(i);
                let v = with_pub(cx, |p| {
                    let a = day_month_value(p, m, d, tense)?;
                    Some(match end_day {
                        Some(d2) => Val::Range(a, NaiveDate::from_ymd_opt(a.year(), m, d2)?),
                        None => Val::Day(a),
                    })
                });
                (
                    v,
                    if end_day.is_some() {
                        "month-day-range"
                    } else {
                        "month-day"
                    },
                    cx.publ,
                )
            }
        };
        // "Jan. 10-12" is one token "10-12": handled below.
        return Some((k, val, rule, anchor));
    }
    // "Jan. 10-12": a day range in one token
    if let Some((a, b)) = cx.l(j).split_once('-') {
        if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
            let mut k = j + 1;
            let comma = cx.w(k) == ",";
            let year = cx.year(if comma { k + 1 } else { k });
            if year.is_some() {
                k = if comma { k + 2 } else { k + 1 };
            }
            let tense = cx.tense(i);
            let v = match year {
                Some(y) => Val::Range(
                    NaiveDate::from_ymd_opt(y, m, a)?,
                    NaiveDate::from_ymd_opt(y, m, b)?,
                ),
                None => with_pub(cx, |p| {
                    let s = day_month_value(p, m, a, tense)?;
                    Some(Val::Range(s, NaiveDate::from_ymd_opt(s.year(), m, b)?))
                }),
            };
            return Some((
                k,
                v,
                "month-day-range",
                year.is_none().then_some(()).and(cx.publ),
            ));
        }
    }
    // Month [of] Year
    let of = cx.l(j) == "of";
    if let Some(y) = cx.year(if of { j + 1 } else { j }) {
        return Some((
            if of { j + 2 } else { j + 1 },
            Val::Month(y, m),
            "month-year",
            None,
        ));
    }
    None
}

/// "10 January 2022", "the 10th of January".
fn day_first(cx: &Ctx, i: usize) -> Option<Hit> {
    let d = cx.day(i)?;
    let of = cx.l(i + 1) == "of";
    let mi = if of { i + 2 } else { i + 1 };
    let (m, j) = cx.month(mi)?;
    if let Some(y) = cx.year(j) {
        let date = NaiveDate::from_ymd_opt(y, m, d)?;
        return Some((j + 1, Val::Day(date), "day-month-year", None));
    }
    let tense = cx.tense(i);
    let v = with_pub(cx, |p| day_month_value(p, m, d, tense).map(Val::Day));
    Some((j, v, "day-month", cx.publ))
}

/// "last week", "next month", "this year", "earlier this week", "last Monday", "next January",
/// "the past week", "this weekend", "last night".
fn modified(cx: &Ctx, i: usize) -> Option<Hit> {
    let mut k = i;
    let early = matches!(cx.l(k), "earlier" | "later");
    if early {
        k += 1;
    }
    // "this coming Tuesday", "this past weekend"
    if cx.l(k) == "this" && matches!(cx.l(k + 1), "coming" | "past") {
        k += 1;
    }
    let m = cx.l(k);
    if !matches!(m, "last" | "next" | "this" | "past" | "coming" | "previous") {
        return None;
    }
    if early && !matches!(cx.l(i + 1), "this") {
        return None;
    }
    let u = k + 1;
    let unit = cx.l(u);
    let p = cx.publ;
    let shift = |n: i64| -> i64 {
        match m {
            "last" | "previous" => -n,
            "next" | "coming" => n,
            _ => 0,
        }
    };
    let (val, rule) = match unit {
        "week" => (
            with_pub(cx, |p| {
                Some(if m == "past" {
                    Val::Range(days(p, -7), p)
                } else {
                    Val::Week(days(p, 7 * shift(1)))
                })
            }),
            "week-relative",
        ),
        "month" => (
            with_pub(cx, |p| {
                if m == "past" {
                    return Some(Val::Range(days(p, -30), p));
                }
                let (y, mm) = add_months(p.year(), p.month(), shift(1) as i32);
                Some(Val::Month(y, mm))
            }),
            "month-relative",
        ),
        "year" => (
            with_pub(cx, |p| {
                if m == "past" {
                    return Some(Val::Range(days(p, -365), p));
                }
                Some(Val::Year(p.year() + shift(1) as i32))
            }),
            "year-relative",
        ),
        "weekend" => (
            with_pub(cx, |p| {
                let future = matches!(m, "next" | "coming")
                    || (m == "this" && cx.tense(i) == Some(Tense::Future));
                let monday = days(p, -(p.weekday().num_days_from_monday() as i64));
                let sat = if future {
                    weekday_value(p, Weekday::Sat, Tense::Future, false)
                } else if matches!(m, "last" | "past" | "previous") {
                    // the weekend before this week
                    days(monday, -2)
                } else {
                    // the most recent Saturday whose Sunday is on or before publication
                    let s = weekday_value(p, Weekday::Sat, Tense::Past, false);
                    if days(s, 1) > p {
                        days(s, -7)
                    } else {
                        s
                    }
                };
                Some(Val::Range(sat, days(sat, 1)))
            }),
            "weekend",
        ),
        "night" if m == "last" => (with_pub(cx, |p| Some(Val::Day(days(p, -1)))), "last-night"),
        "spring" | "summer" | "autumn" | "fall" | "winter" => {
            let code = season_code(unit)?;
            let tense = cx.tense(i);
            (
                with_pub(cx, |p| Some(season_value(p, code, shift(1) as i32, tense))),
                "season",
            )
        }
        "morning" | "afternoon" | "evening" if m == "this" => {
            (with_pub(cx, |p| Some(Val::Day(p))), "today")
        }
        _ => {
            if let Some(wd) = cx.weekday(u) {
                let v = with_pub(cx, |p| {
                    Some(Val::Day(match m {
                        "last" | "past" | "previous" => weekday_value(p, wd, Tense::Past, true),
                        "next" | "coming" => weekday_value(p, wd, Tense::Future, true),
                        _ => weekday_value(p, wd, cx.tense(i).unwrap_or(Tense::Past), false),
                    }))
                });
                return Some((u + 1 + day_part(cx, u + 1), v, "weekday-modified", p));
            }
            if let Some((mo, j)) = cx.month(u) {
                let v = with_pub(cx, |p| {
                    let (y, pm) = (p.year(), p.month());
                    Some(match m {
                        "last" | "past" | "previous" => {
                            Val::Month(if mo < pm { y } else { y - 1 }, mo)
                        }
                        "next" | "coming" => Val::Month(if mo > pm { y } else { y + 1 }, mo),
                        _ => Val::Month(month_value(p, mo, cx.tense(i)).0, mo),
                    })
                });
                return Some((j, v, "month-modified", p));
            }
            return None;
        }
    };
    Some((u + 1, val, rule, p))
}

/// "morning", "night" after a weekday: part of the expression.
fn day_part(cx: &Ctx, i: usize) -> usize {
    usize::from(matches!(
        cx.l(i),
        "morning" | "afternoon" | "evening" | "night"
    ))
}

/// "on Monday", "Monday's talks", "Tuesday night".
fn weekday(cx: &Ctx, i: usize) -> Option<Hit> {
    let wd = cx.weekday(i)?;
    let tense = cx.tense(i);
    let (rule, t) = match tense {
        Some(Tense::Future) => ("weekday-future", Tense::Future),
        _ => ("weekday-past", Tense::Past),
    };
    let v = with_pub(cx, |p| {
        Some(Val::Day(weekday_value(p, wd, t, t == Tense::Future)))
    });
    Some((i + 1 + day_part(cx, i + 1), v, rule, cx.publ))
}

/// today, tonight, yesterday, tomorrow, "the day before yesterday", "earlier today".
fn relative_word(cx: &Ctx, i: usize) -> Option<Hit> {
    let mut k = i;
    if matches!(cx.l(k), "earlier" | "later") && cx.l(k + 1) == "today" {
        k += 1;
    }
    if cx.l(k) == "the" && cx.l(k + 1) == "day" && matches!(cx.l(k + 2), "before" | "after") {
        let (n, w) = match (cx.l(k + 2), cx.l(k + 3)) {
            ("before", "yesterday") => (-2, "day-before-yesterday"),
            ("after", "tomorrow") => (2, "day-after-tomorrow"),
            _ => return None,
        };
        return Some((
            k + 4,
            with_pub(cx, |p| Some(Val::Day(days(p, n)))),
            w,
            cx.publ,
        ));
    }
    // "over the weekend", "at the weekend"
    if cx.l(k) == "the" && cx.l(k + 1) == "weekend" {
        let future = cx.tense(k) == Some(Tense::Future);
        let v = with_pub(cx, |p| {
            let sat = if future {
                weekday_value(p, Weekday::Sat, Tense::Future, false)
            } else {
                let s = weekday_value(p, Weekday::Sat, Tense::Past, false);
                if days(s, 1) > p {
                    days(s, -7)
                } else {
                    s
                }
            };
            Some(Val::Range(sat, days(sat, 1)))
        });
        return Some((k + 2, v, "weekend", cx.publ));
    }
    let (n, rule) = match cx.l(k) {
        "today" | "tonight" => (0, "today"),
        "yesterday" => (-1, "yesterday"),
        "tomorrow" => (1, "tomorrow"),
        _ => return None,
    };
    Some((
        k + 1 + day_part(cx, k + 1),
        with_pub(cx, |p| Some(Val::Day(days(p, n)))),
        rule,
        cx.publ,
    ))
}

fn unit_of(l: &str) -> Option<&'static str> {
    Some(match l {
        "day" | "days" => "D",
        "week" | "weeks" => "W",
        "month" | "months" => "M",
        "year" | "years" => "Y",
        _ => return None,
    })
}

/// "two days ago", "a week ago", "three years ago".
fn ago(cx: &Ctx, i: usize) -> Option<Hit> {
    let n = cx.number(i)?;
    let u = unit_of(cx.l(i + 1))?;
    if cx.l(i + 2) != "ago" {
        return None;
    }
    let v = with_pub(cx, |p| {
        Some(match u {
            "D" => Val::Day(days(p, -n)),
            "W" => Val::Week(days(p, -7 * n)),
            "M" => {
                let (y, m) = add_months(p.year(), p.month(), -(n as i32));
                Val::Month(y, m)
            }
            _ => Val::Year(p.year() - n as i32),
        })
    });
    Some((i + 3, v, "ago", cx.publ))
}

/// "a day after", "two days later", "the next day", "the following day", "the day before".
/// Counted from the previous day named in the text (else publication). When a clause follows
/// ("came a day after Blinken accused ..."), the expression dates that clause's event, which
/// lies before the anchor; otherwise it dates the sentence's own event, after the anchor.
fn anaphoric(cx: &Ctx, i: usize, last_day: Option<NaiveDate>) -> Option<Hit> {
    let anchor = last_day.or(cx.publ);
    // the next day / the following day / the previous day / the day before|after
    if cx.l(i) == "the" {
        let (n, end) = match (cx.l(i + 1), cx.l(i + 2), cx.l(i + 3)) {
            ("next" | "following", "day", _) => (1, i + 3),
            ("previous" | "preceding", "day", _) => (-1, i + 3),
            ("day", "before", next)
                if !matches!(next, "yesterday") && !cx.toks.get(i + 3).is_some_and(|t| t.word) =>
            {
                (-1, i + 3)
            }
            ("day", "after", next)
                if !matches!(next, "tomorrow") && !cx.toks.get(i + 3).is_some_and(|t| t.word) =>
            {
                (1, i + 3)
            }
            _ => return None,
        };
        let v = anchor.map_or(Val::Unknown, |a| Val::Day(days(a, n)));
        return Some((end, v, "relative-day", anchor));
    }
    let n = cx.number(i)?;
    let u = unit_of(cx.l(i + 1))?;
    if u != "D" {
        return None;
    }
    let dir = cx.l(i + 2);
    let sign = match dir {
        "after" | "later" => 1,
        "before" | "earlier" => -1,
        _ => return None,
    };
    // A clause follows "after"/"before": the expression dates the clause's event.
    let clause = matches!(dir, "after" | "before") && cx.toks.get(i + 3).is_some_and(|t| t.word);
    let sign = if clause { -sign } else { sign };
    let v = anchor.map_or(Val::Unknown, |a| Val::Day(days(a, sign * n)));
    Some((
        i + 3,
        v,
        if clause {
            "relative-day-clause"
        } else {
            "relative-day"
        },
        anchor,
    ))
}

/// "in January", "since 2014", "in the new year", "by the end of January".
fn bare_month_or_year(cx: &Ctx, i: usize) -> Option<Hit> {
    let trig = cx.l(i);
    if !MONTH_TRIGGERS.contains(trig) && !matches!(trig, "end" | "beginning" | "start" | "the") {
        return None;
    }
    // "in the new year"
    if trig == "in" && cx.l(i + 1) == "the" && cx.l(i + 2) == "new" && cx.l(i + 3) == "year" {
        let v = with_pub(cx, |p| {
            Some(Val::Year(if p.month() >= 10 {
                p.year() + 1
            } else {
                p.year()
            }))
        });
        return Some((i + 4, v, "new-year", cx.publ));
    }
    let mut j = i + 1;
    // "in early January", "by the end of January", "at the start of 2022"
    if matches!(cx.l(j), "early" | "late" | "mid") {
        j += 1;
    }
    if cx.l(j) == "the"
        && matches!(cx.l(j + 1), "end" | "beginning" | "start" | "middle")
        && cx.l(j + 2) == "of"
    {
        j += 3;
    }
    if matches!(trig, "end" | "beginning" | "start" | "the") {
        return None;
    }
    if let Some(y) = cx.year(j) {
        return Some((j + 1, Val::Year(y), "year", None));
    }
    // "in the first quarter (of 2023)"
    if cx.l(j) == "the" && cx.l(j + 2) == "quarter" {
        let q = match cx.l(j + 1) {
            "first" => 1,
            "second" => 2,
            "third" => 3,
            "fourth" | "last" | "final" => 4,
            _ => 0,
        };
        if q > 0 {
            if cx.l(j + 3) == "of" {
                if let Some(y) = cx.year(j + 4) {
                    return Some((j + 5, Val::Quarter(y, q), "quarter", None));
                }
            }
            let tense = cx.tense(j);
            let v = with_pub(cx, |p| {
                let cur = (p.month() - 1) / 3 + 1;
                let y = match tense {
                    Some(Tense::Future) if q < cur => p.year() + 1,
                    Some(Tense::Past) | None if q > cur => p.year() - 1,
                    _ => p.year(),
                };
                Some(Val::Quarter(y, q))
            });
            return Some((j + 3, v, "quarter", cx.publ));
        }
    }
    // "in the spring", "over the summer"
    if cx.l(j) == "the" {
        if let Some(code) = season_code(cx.l(j + 1)) {
            let tense = cx.tense(j);
            let v = with_pub(cx, |p| Some(season_value(p, code, 0, tense)));
            return Some((j + 2, v, "season", cx.publ));
        }
    }
    // "in June 2021", "from March 1 to 3": the full date rule reads it at the month.
    if month_first(cx, j).is_some() {
        return None;
    }
    let (m, k) = cx.month(j)?;
    let tense = cx.tense(j);
    let v = with_pub(cx, |p| Some(Val::Month(month_value(p, m, tense).0, m)));
    let rule = match tense {
        Some(Tense::Future) => "month-future",
        Some(Tense::Past) => "month-past",
        None => "month-nearest",
    };
    // The span starts after the preposition: "early January", "the end of January".
    Some((k, v, rule, cx.publ)).map(|h| (h.0, h.1, h.2, h.3))
}

/// "for three days", "for two weeks"; a bare count of a unit, "after 8 weeks", "over two
/// decades", "15 hours of battery life"; a unit adjective, "an eight-week course", "a 20-year
/// period" (not an age: "a five-year-old").
fn duration(cx: &Ctx, i: usize) -> Option<Hit> {
    if cx.l(i) == "for" {
        let n = cx.number(i + 1)?;
        let u = unit_of(cx.l(i + 2))?;
        return Some((i + 3, Val::Duration(format!("P{n}{u}")), "duration", None));
    }
    if let Some((count, unit)) = cx.l(i).split_once('-') {
        let n = count_of(count)?;
        let value = duration_value(n, unit)?;
        return Some((i + 1, Val::Duration(value), "duration-adjective", None));
    }
    // "a month", "a year" are mostly rates ("$40,000 a year"): only counted units here.
    let n = count_of(cx.l(i))?;
    let value = duration_value(n, cx.l(i + 1))?;
    // "five years old" is an age; "two days later" is dated from another day.
    if matches!(
        cx.l(i + 2),
        "old" | "later" | "earlier" | "before" | "after" | "ago"
    ) {
        return None;
    }
    Some((i + 2, Val::Duration(value), "duration-count", None))
}

/// A count written in digits or as a word from two up ("a"/"an"/"one" excluded: "a year" is
/// mostly a rate, "one day" a vague day).
fn count_of(word: &str) -> Option<i64> {
    let n = match NUMBER_VALUES.get(word) {
        Some(&n) => n,
        None => word.parse::<i64>().ok()?,
    };
    (2..=1000).contains(&n).then_some(n)
}

/// The ISO 8601 duration of `n` units: P8W, P20Y (two decades), PT5H, PT30M.
fn duration_value(n: i64, unit: &str) -> Option<String> {
    Some(match unit {
        "minute" | "minutes" => format!("PT{n}M"),
        "hour" | "hours" => format!("PT{n}H"),
        "decade" | "decades" => format!("P{}Y", n * 10),
        _ => format!("P{n}{}", unit_of(unit)?),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_words_and_numbers_that_open_a_rule_are_tried() {
        for l in [
            "january",
            "dec",
            "monday",
            "last",
            "the",
            "yesterday",
            "two",
            "for",
            "in",
            "10",
            "2022-01-10",
            "10th",
            "+3",
            "mid-january",
            "eight-week",
        ] {
            assert!(may_start_expression(StartingWords::get(), l), "{l}");
        }
    }

    #[test]
    fn other_words_are_passed_over() {
        for l in ["talks", "said", "russia", "weeks", "ago", "of-"] {
            let tried = may_start_expression(StartingWords::get(), l);
            assert_eq!(tried, l.contains('-'), "{l}");
        }
    }

    #[test]
    fn expressions_are_found_at_their_opening_words() {
        let text = "Talks held on Monday ended two days later, officials said in January.";
        let toks = crate::actors::text::tokenize(text);
        let publ = NaiveDate::from_ymd_opt(2022, 1, 13);
        let found = find(text, &toks, &[], publ);
        let starts: Vec<&str> = found.iter().map(|f| &text[f.start..f.end]).collect();
        assert_eq!(starts, vec!["Monday", "two days later", "January"]);
    }
}
