//! The publication date and where it came from: a priority chain that never invents a date.
//!
//! 1. JSON-LD `datePublished` / `dateCreated`; 2. publication `<meta>` tags
//! (`article:published_time` and the other common names); 3. `<time>`/`itemprop` elements marked
//! as the publication date — all [`DateSource::Metadata`]. 4. A full date in the URL
//! ([`DateSource::Url`]). 5. A `<time datetime>` not marked as a modification date
//! ([`DateSource::Metadata`]). 6. A date written in an element whose class or id names a date or
//! byline ([`DateSource::Text`]). A candidate outside [earliest, not_after] is skipped, not clamped.

use super::date::{earliest, from_url, parse_machine, parse_text};
use super::jsonld::JsonLd;
use super::signals::Signals;
use chrono::NaiveDate;
use parley_core::DateSource;

const PUBLISHED_META: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "article:published",
    "datepublished",
    "published_time",
    "publish_date",
    "publish-date",
    "publishdate",
    "pubdate",
    "pub_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "dcterms.issued",
    "dc.date.created",
    "citation_publication_date",
    "citation_date",
    "article.published",
    "date",
    "datecreated",
    "originalpublicationdate",
    "cxenseparse:recs:publishtime",
    "displaydate",
    "release_date",
    "og:pubdate",
    "pdate",
    "ptime",
    "published-date",
    "bt:pubdate",
];

/// The chosen date and its provenance.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Published {
    pub date: NaiveDate,
    pub from: DateSource,
}

/// Runs the chain; `not_after` is the latest acceptable day (today, or a WARC record's date).
pub fn resolve(
    sig: &Signals,
    ld: &JsonLd,
    url: Option<&str>,
    not_after: NaiveDate,
) -> Option<Published> {
    let ok = |d: NaiveDate| d >= earliest() && d <= not_after;
    let machine = |s: &str| parse_machine(s).filter(|d| ok(*d));
    let meta = |from| move |date| Published { date, from };

    let structured = [ld.date_published.as_deref(), ld.date_created.as_deref()]
        .into_iter()
        .flatten()
        .find_map(machine)
        .or_else(|| {
            PUBLISHED_META
                .iter()
                .flat_map(|k| sig.meta(k))
                .find_map(machine)
        })
        .or_else(|| {
            sig.times
                .iter()
                .filter(|t| t.published_hint && !t.modified_hint)
                .find_map(|t| {
                    t.machine
                        .as_deref()
                        .and_then(machine)
                        .or_else(|| parse_text(&t.text).filter(|d| ok(*d)))
                })
        });
    if let Some(d) = structured {
        return Some(meta(DateSource::Metadata)(d));
    }
    if let Some(d) = url.and_then(from_url).filter(|d| ok(*d)) {
        return Some(Published {
            date: d,
            from: DateSource::Url,
        });
    }
    if let Some(d) = sig
        .times
        .iter()
        .filter(|t| !t.modified_hint)
        .find_map(|t| t.machine.as_deref().and_then(machine))
    {
        return Some(meta(DateSource::Metadata)(d));
    }
    sig.date_texts
        .iter()
        .chain(
            sig.times
                .iter()
                .filter(|t| !t.modified_hint)
                .map(|t| &t.text),
        )
        .find_map(|t| parse_text(t).filter(|d| ok(*d)))
        .map(meta(DateSource::Text))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
    }

    #[test]
    fn json_ld_beats_url() {
        let ld = JsonLd {
            date_published: Some("2022-01-09T20:00:00Z".into()),
            ..Default::default()
        };
        let p = resolve(
            &Signals::default(),
            &ld,
            Some("https://x.com/2022/01/10/a"),
            today(),
        )
        .unwrap();
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2022, 1, 9).unwrap());
        assert_eq!(p.from, DateSource::Metadata);
    }

    #[test]
    fn url_date_is_used_when_no_metadata() {
        let p = resolve(
            &Signals::default(),
            &JsonLd::default(),
            Some("https://x.com/2022/01/10/a"),
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
        assert_eq!(resolve(&Signals::default(), &ld, None, today()), None);
    }

    #[test]
    fn nothing_gives_none() {
        assert_eq!(
            resolve(&Signals::default(), &JsonLd::default(), None, today()),
            None
        );
    }
}
