//! The publication date and where it came from: a priority chain that never invents a date.
//!
//! 0. None on a site's front page (its dates are those of its newest items).
//! 1. JSON-LD `datePublished` / `dateCreated` of the article, then publication `<meta>` tags
//!    (`article:published_time` and the other common names), then JSON-LD dates of other
//!    objects (an embedded video), then `<time>`/`itemprop` elements marked as the
//!    publication date — all [`DateSource::Metadata`]. Dates are read as written, in the
//!    publisher's offset, never converted to UTC; a URL day within a day of the first one is
//!    the publisher's own and wins, else a timestamp with a local offset beats a UTC one.
//! 2. A full date in the URL ([`DateSource::Url`]).
//! 3. A `<time datetime>` not marked as a modification date ([`DateSource::Metadata`]).
//! 4. A date written in an element whose class or id names a date or byline, or near the
//!    headline ([`DateSource::Text`]): a date after "Updated" only when no other is written,
//!    never a range, and not one told in a sentence around the headline.
//!
//! A candidate outside [earliest, not_after] is skipped, not clamped.

use super::date::{earliest, from_url, parse_machine, parse_text};
use super::jsonld::JsonLd;
use super::lists;
use super::signals::Signals;
use chrono::NaiveDate;
use parley_core::DateSource;
use std::sync::LazyLock;

static PUBLISHED_META: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    lists::entries(include_str!(
        "../../../../data/ingest/published_meta_names.txt"
    ))
});

/// More different dates than this in date-named elements mark a listing page.
const MAX_DISTINCT_TEXT_DATES: usize = 2;

/// Words after which a written date is a modification date ("Updated: …", "Stand: …" is not
/// one: it is how German sites date an article).
static UPDATE_WORDS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lists::entries(include_str!("../../../../data/ingest/update_words.txt")));

/// The part of a text before its first update word ("Published 3 May · Updated 5 May" →
/// "Published 3 May · ").
fn before_update_word(text: &str) -> &str {
    let lower = text.to_lowercase();
    let cut = UPDATE_WORDS
        .iter()
        .filter_map(|w| lower.find(w))
        .min()
        .unwrap_or(lower.len());
    // Lowercasing can change byte lengths: cut the original at the same char count.
    let chars = lower[..cut].chars().count();
    let end = text
        .char_indices()
        .nth(chars)
        .map(|(i, _)| i)
        .unwrap_or(text.len());
    &text[..end]
}

/// True for a short label such as "Last updated:" whose date sits in the next block.
fn is_update_label(text: &str) -> bool {
    text.chars().count() <= 30 && before_update_word(text).len() < text.len()
}

/// The publication date written in a text, if any: not a date after "Updated", and not a
/// range ("2025-12-12 – 2025-12-17" dates an event, not the page).
fn publication_date_in_text(text: &str) -> Option<NaiveDate> {
    any_single_date_in_text(before_update_word(text))
}

/// The first date written in a text unless the text gives a range.
fn any_single_date_in_text(text: &str) -> Option<NaiveDate> {
    let first = parse_text(text)?;
    for sep in [" - ", " – ", " — ", " to ", " bis ", " au "] {
        if let Some((a, b)) = text.split_once(sep) {
            let (da, db) = (parse_text(a), parse_text(b));
            if da.is_some() && db.is_some() && da != db {
                return None;
            }
        }
    }
    Some(first)
}

/// Lower-case words from which a block reads as running prose rather than a dateline.
const SENTENCE_LOWERCASE_WORDS: usize = 3;

/// True for a block that is a sentence ("We updated this article on February 2, 2026, to add
/// …."): it ends like one and has several lower-case words. A date in prose is an event the
/// text tells of, not the page's dateline ("By Ann Lee · Updated May 6, 2025" is one).
fn reads_as_sentence(text: &str) -> bool {
    let ends_like_one = text.trim_end().ends_with(['.', ':', '!', '?']);
    let lowercase_words = text
        .split_whitespace()
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .count();
    ends_like_one && lowercase_words >= SENTENCE_LOWERCASE_WORDS
}

/// A date that forms a whole " | "-separated part of a title.
fn date_part_of_title(title: &str) -> Option<NaiveDate> {
    title
        .split(['|', '–', '—', '·'])
        .map(str::trim)
        .filter(|part| part.chars().filter(|c| c.is_alphabetic()).count() <= 12)
        .find_map(parse_text)
}

/// True for the root of a site ("https://example.com/"), not for any page below it or with a
/// query ("/?p=123" is a WordPress post).
fn is_front_page(url: &str) -> bool {
    let Some((_, rest)) = url.split_once("://") else {
        return false;
    };
    let path = rest.find(['/', '?', '#']).map(|i| &rest[i..]).unwrap_or("");
    let path = path.split('#').next().unwrap_or("");
    path.is_empty() || path == "/"
}

/// The chosen date and its provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    pub from: DateSource,
}

/// True when a machine date string carries a time with a local (non-UTC) offset: its calendar
/// day is the publisher's own. A bare date is not: sites often derive it from a UTC time.
fn is_local_day(s: &str) -> bool {
    let s = s.trim();
    let Some(t) = s.find(['T', ' ']).filter(|&i| i >= 8) else {
        return false;
    };
    let time = &s[t + 1..];
    if time.ends_with('Z')
        || time.ends_with("+00:00")
        || time.ends_with("+0000")
        || time.contains("GMT")
        || time.contains("UTC")
    {
        return false;
    }
    time.contains('+') || time.contains('-')
}

/// Structured candidates (JSON-LD, meta, marked `<time>`), in priority order, as
/// (day, local-day flag).
fn structured(
    sig: &Signals,
    ld: &JsonLd,
    ok: &dyn Fn(NaiveDate) -> bool,
) -> Vec<(NaiveDate, bool)> {
    let from_machine = |s: &str| {
        parse_machine(s)
            .filter(|d| ok(*d))
            .map(|d| (d, is_local_day(s)))
    };
    // Dates of other objects (an embedded video's upload) rank below the page's own
    // publication meta tags.
    let mut out: Vec<(NaiveDate, bool)> =
        [ld.date_published.as_deref(), ld.date_created.as_deref()]
            .into_iter()
            .flatten()
            .chain(PUBLISHED_META.iter().flat_map(|k| sig.meta(k)))
            .chain(ld.other_date_published.as_deref())
            .filter_map(from_machine)
            .collect();
    for t in sig
        .times
        .iter()
        .filter(|t| t.published_hint && !t.modified_hint)
    {
        let found = t
            .machine
            .as_deref()
            .and_then(from_machine)
            .or_else(|| parse_text(&t.text).filter(|d| ok(*d)).map(|d| (d, true)));
        out.extend(found);
    }
    out
}

/// Runs the chain; `not_after` is the latest acceptable day (today, or a WARC record's date).
/// `near_title` are short text blocks around the headline (bylines, datelines).
pub fn resolve(
    sig: &Signals,
    ld: &JsonLd,
    url: Option<&str>,
    near_title: &[&str],
    not_after: NaiveDate,
) -> Option<Published> {
    // A site's front page shows its newest items: their dates are not the page's own.
    if url.is_some_and(is_front_page) {
        return None;
    }
    let ok = |d: NaiveDate| d >= earliest() && d <= not_after;
    let url_date = url.and_then(from_url).filter(|d| ok(*d));
    let cands = structured(sig, ld, &ok);
    if let Some(&(first, _)) = cands.first() {
        // A day off from the URL's date or another local date is a time-zone shift: the
        // publisher's own calendar day is the better answer.
        let close = |d: NaiveDate| (d - first).num_days().abs() <= 1;
        if let Some(u) = url_date.filter(|u| close(*u)) {
            return Some(Published {
                date: u,
                from: if u == first {
                    DateSource::Metadata
                } else {
                    DateSource::Url
                },
            });
        }
        let date = cands
            .iter()
            .find(|(d, local)| *local && close(*d))
            .map(|(d, _)| *d)
            .unwrap_or(first);
        return Some(Published {
            date,
            from: DateSource::Metadata,
        });
    }
    if let Some(d) = url_date {
        return Some(Published {
            date: d,
            from: DateSource::Url,
        });
    }
    if let Some(d) = sig.times.iter().filter(|t| !t.modified_hint).find_map(|t| {
        t.machine
            .as_deref()
            .and_then(parse_machine)
            .filter(|d| ok(*d))
    }) {
        return Some(Published {
            date: d,
            from: DateSource::Metadata,
        });
    }
    // Many different dates in date-named elements: a listing (events, archive), not one article.
    let text_dates: Vec<NaiveDate> = sig
        .date_texts
        .iter()
        .filter_map(|t| parse_text(t).filter(|d| ok(*d)))
        .collect();
    let mut distinct = text_dates.clone();
    distinct.sort();
    distinct.dedup();
    let date_texts: &[String] = if distinct.len() > MAX_DISTINCT_TEXT_DATES {
        &[]
    } else {
        &sig.date_texts
    };
    // A block right after an "Updated:" label holds the modification date.
    let after_update_label = |i: usize| i > 0 && is_update_label(near_title[i - 1]);
    let texts = || {
        date_texts
            .iter()
            .map(String::as_str)
            .chain(
                sig.times
                    .iter()
                    .filter(|t| !t.modified_hint)
                    .map(|t| t.text.as_str()),
            )
            .map(|t| (t, false))
            .chain(
                near_title
                    .iter()
                    .enumerate()
                    .filter(|(_, t)| !reads_as_sentence(t))
                    .map(move |(i, t)| (*t, after_update_label(i))),
            )
    };
    // A written publication date first; a page that only shows when it was updated gives
    // that day (the latest bound readers see) rather than nothing; last, a full date that is a
    // part of the page's title on its own ("Elephants in Guinea | DW | 23.05.2011").
    texts()
        .filter(|(_, after_label)| !after_label)
        .find_map(|(t, _)| publication_date_in_text(t).filter(|d| ok(*d)))
        .or_else(|| texts().find_map(|(t, _)| any_single_date_in_text(t).filter(|d| ok(*d))))
        .or_else(|| {
            sig.title
                .as_deref()
                .and_then(date_part_of_title)
                .filter(|d| ok(*d))
        })
        .map(|date| Published {
            date,
            from: DateSource::Text,
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::lists::checks::lowercase_unique;

    #[test]
    fn every_entry_of_published_meta_names_txt_gives_the_date() {
        lowercase_unique("published_meta_names.txt", &PUBLISHED_META);
        for k in PUBLISHED_META.iter() {
            let sig = Signals {
                metas: vec![(k.to_string(), "2022-01-10T08:00:00+01:00".into())],
                ..Default::default()
            };
            let p = resolve(&sig, &JsonLd::default(), None, &[], today());
            assert_eq!(
                p.map(|p| p.date),
                NaiveDate::from_ymd_opt(2022, 1, 10),
                "{k}"
            );
        }
    }

    #[test]
    fn a_date_after_any_entry_of_update_words_txt_is_not_a_publication_date() {
        lowercase_unique("update_words.txt", &UPDATE_WORDS);
        for w in UPDATE_WORDS.iter() {
            assert_eq!(
                publication_date_in_text(&format!("{w} 10.01.2022")),
                None,
                "{w}"
            );
        }
    }
    use crate::html::signals::DateElement;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    /// The date resolved from a JSON-LD `datePublished` and a page URL alone.
    fn from_json_ld_and_url(date_published: &str, url: &str) -> Option<Published> {
        let ld = JsonLd {
            date_published: Some(date_published.into()),
            ..Default::default()
        };
        resolve(&Signals::default(), &ld, Some(url), &[], today())
    }

    /// The date resolved from the blocks around the headline alone.
    fn from_near_title(near: &[&str]) -> Option<Published> {
        resolve(&Signals::default(), &JsonLd::default(), None, near, today())
    }

    #[test]
    fn json_ld_beats_a_distant_url_date() {
        let p = from_json_ld_and_url("2022-01-09T20:00:00Z", "https://x.com/2021/12/10/a").unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2022, 1, 9).unwrap());
        assert_eq!(p.from, DateSource::Metadata);
    }

    #[test]
    fn an_embedded_video_date_ranks_below_the_publication_meta() {
        let ld = JsonLd {
            other_date_published: Some("2020-09-28".into()),
            ..Default::default()
        };
        let sig = Signals {
            metas: vec![("datepublished".into(), "2020-09-30T02:00:07-07:00".into())],
            ..Default::default()
        };
        let p = resolve(&sig, &ld, None, &[], today()).unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2020, 9, 30).unwrap());
    }

    #[test]
    fn a_url_day_next_to_a_utc_timestamp_wins() {
        let p = from_json_ld_and_url("2022-01-11T02:00:00Z", "https://x.com/2022/01/10/a").unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2022, 1, 10).unwrap());
        assert_eq!(p.from, DateSource::Url);
    }

    #[test]
    fn a_url_day_that_agrees_with_the_metadata_is_not_replaced_by_a_next_day_time() {
        // A comment's `<time pubdate>` with a local offset, one day after the post.
        let sig = Signals {
            metas: vec![(
                "article:published_time".into(),
                "2015-12-12T05:00:37+00:00".into(),
            )],
            times: vec![DateElement {
                machine: Some("2015-12-13T01:10:03+01:00".into()),
                text: "13 Dezember, 2015 um 01:10".into(),
                published_hint: true,
                modified_hint: false,
            }],
            ..Default::default()
        };
        let url = Some("https://x.com/2015/12/12/post/");
        let p = resolve(&sig, &JsonLd::default(), url, &[], today()).unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2015, 12, 12).unwrap());
        assert_eq!(p.from, DateSource::Metadata);
    }

    #[test]
    fn a_bare_date_does_not_replace_a_utc_timestamp_but_a_local_one_does() {
        let ld = JsonLd {
            date_published: Some("2019-10-19T03:00:00.000Z".into()),
            ..Default::default()
        };
        let marked = |machine: &str| Signals {
            times: vec![DateElement {
                machine: Some(machine.into()),
                text: String::new(),
                published_hint: true,
                modified_hint: false,
            }],
            ..Default::default()
        };
        let p = resolve(&marked("2019-10-18"), &ld, None, &[], today()).unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2019, 10, 19).unwrap());
        let p = resolve(
            &marked("2019-10-18T23:00:00-04:00"),
            &ld,
            None,
            &[],
            today(),
        )
        .unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2019, 10, 18).unwrap());
    }

    #[test]
    fn a_site_front_page_has_no_publication_date() {
        let sig = Signals {
            metas: vec![(
                "article:published_time".into(),
                "2021-05-24T15:24:38+00:00".into(),
            )],
            ..Default::default()
        };
        let ld = JsonLd::default();
        assert_eq!(
            resolve(&sig, &ld, Some("https://x.com/"), &[], today()),
            None
        );
        assert_eq!(
            resolve(&sig, &ld, Some("https://x.com"), &[], today()),
            None
        );
        for page in ["https://x.com/?p=123", "https://x.com/about/"] {
            assert!(
                resolve(&sig, &ld, Some(page), &[], today()).is_some(),
                "{page}"
            );
        }
    }

    #[test]
    fn a_dateline_near_the_title_is_a_text_date() {
        let near = ["By Ann Lee, January 10, 2022"];
        let p = from_near_title(&near).unwrap();
        assert_eq!(p.from, DateSource::Text);
    }

    #[test]
    fn url_date_is_used_when_no_metadata() {
        let p = resolve(
            &Signals::default(),
            &JsonLd::default(),
            Some("https://x.com/2022/01/10/a"),
            &[],
            today(),
        )
        .unwrap();
        assert_eq!(p.from, DateSource::Url);
    }

    #[test]
    fn a_date_after_the_bound_is_rejected() {
        let ld = JsonLd {
            date_published: Some("2027-01-09".into()),
            ..Default::default()
        };
        assert_eq!(resolve(&Signals::default(), &ld, None, &[], today()), None);
    }

    #[test]
    fn a_written_update_date_is_not_the_publication_date() {
        let day = |s| publication_date_in_text(s);
        assert_eq!(day("Latest updated October 3rd, 2025"), None);
        assert!(any_single_date_in_text("Latest updated October 3rd, 2025").is_some());
        assert_eq!(
            day("Published May 3, 2024 · Updated May 5, 2024"),
            NaiveDate::from_ymd_opt(2024, 5, 3)
        );
        assert_eq!(day("Aktualisiert am 10.01.2022"), None);
    }

    #[test]
    fn a_date_told_in_a_sentence_by_the_headline_is_not_a_dateline() {
        let prose = [
            "Editor's Note: We updated this article on February 2, 2026, to add new picks.",
            "Posted on the statistics community forum on 2025-07-09:",
        ];
        for near in prose {
            assert_eq!(from_near_title(&[near]), None, "{near}");
        }
        let datelines = [
            "By Chris Lee ⋅ Founder and Editor ⋅ Updated May 6, 2025",
            "Veröffentlicht von SeglerBlog am 23. Februar 2020",
            "Published on: February 14, 2025",
            "December 18, 2025 ・ 3 min read.",
        ];
        for near in datelines {
            assert!(from_near_title(&[near]).is_some(), "{near}");
        }
    }

    #[test]
    fn a_date_range_is_not_a_publication_date() {
        assert_eq!(
            publication_date_in_text("Date: 2025-12-12 - 2025-12-17"),
            None
        );
        assert_eq!(
            publication_date_in_text("By Ann Lee - 12 March 2025"),
            NaiveDate::from_ymd_opt(2025, 3, 12)
        );
    }

    #[test]
    fn a_published_date_beats_one_after_an_updated_label() {
        let near = ["Last updated:", "Feb 4, 2025", "Published Jan 2, 2025"];
        let p = from_near_title(&near);
        assert_eq!(
            p.unwrap().date,
            NaiveDate::from_ymd_opt(2025, 1, 2).unwrap()
        );
    }

    #[test]
    fn an_update_date_is_used_when_it_is_the_only_one() {
        let near = ["Last updated:", "Feb 4, 2025"];
        let p = from_near_title(&near);
        assert_eq!(
            p.unwrap().date,
            NaiveDate::from_ymd_opt(2025, 2, 4).unwrap()
        );
    }

    #[test]
    fn a_date_that_is_a_part_of_the_title_is_a_last_resort() {
        let sig = Signals {
            title: Some("Elephants in Guinea | Environment | DW | 23.05.2011".into()),
            ..Default::default()
        };
        let p = resolve(&sig, &JsonLd::default(), None, &[], today()).unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2011, 5, 23).unwrap());
        assert_eq!(p.from, DateSource::Text);
        let sig = Signals {
            title: Some("What changed on 23.05.2011 in Guinea | DW".into()),
            ..Default::default()
        };
        assert_eq!(resolve(&sig, &JsonLd::default(), None, &[], today()), None);
    }

    #[test]
    fn nothing_gives_none() {
        assert_eq!(
            resolve(&Signals::default(), &JsonLd::default(), None, &[], today()),
            None
        );
    }
}
