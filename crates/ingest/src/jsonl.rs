//! JSON Lines: one article object per line.
//!
//! Fields: `title`, `body` (required; `text` or `content` also accepted), and optionally `id`,
//! `url`, `outlet` (or `site_name`, `source`), `published` (or `date`: `YYYY-MM-DD` or an
//! RFC 3339 time), `published_from`, `language`. The output of `parley extract` reads back as is.

use crate::{decode_utf8, IngestError, ReadResult, SourcedArticle};
use chrono::NaiveDate;
use parley_core::{Article, DateSource};
use serde::Deserialize;
use std::io::BufRead;

#[derive(Debug, Deserialize)]
struct Record {
    id: Option<serde_json::Value>,
    url: Option<String>,
    #[serde(alias = "site_name", alias = "source")]
    outlet: Option<String>,
    #[serde(alias = "date")]
    published: Option<String>,
    published_from: Option<DateSource>,
    language: Option<String>,
    #[serde(default, alias = "headline")]
    title: Option<String>,
    #[serde(alias = "text", alias = "content")]
    body: Option<String>,
}

/// Reads every line of a JSON Lines input held in memory; see [`read_lines`].
pub fn read(name: &str, bytes: &[u8]) -> Vec<ReadResult> {
    read_lines(name.to_string(), bytes).collect()
}

/// Streams the articles of a JSON Lines input, one line at a time. A bad line (malformed
/// JSON, invalid UTF-8, no body) is an error naming `file:LINE`; the next lines still come.
pub fn read_lines(name: String, reader: impl BufRead) -> impl Iterator<Item = ReadResult> {
    let mut any_line = false;
    let mut lines = reader.split(b'\n').enumerate();
    let mut finished = false;
    std::iter::from_fn(move || loop {
        if finished {
            return None;
        }
        let Some((i, line)) = lines.next() else {
            finished = true;
            return (!any_line)
                .then(|| Err(IngestError::new(&name, "empty file: no JSON lines in it")));
        };
        let item = format!("{name}:{}", i + 1);
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                finished = true;
                return Some(Err(IngestError::new(item, format!("cannot read: {e}"))));
            }
        };
        if line.trim_ascii().is_empty() {
            continue;
        }
        any_line = true;
        return Some(
            decode_utf8(&line)
                .map_err(|r| IngestError::new(&item, r))
                .and_then(|l| read_line(&item, l)),
        );
    })
}

fn read_line(source: &str, line: &str) -> ReadResult {
    let record: Record = serde_json::from_str(line.trim())
        .map_err(|e| IngestError::new(source, format!("malformed JSON line: {e}")))?;
    let body = record.body.as_deref().map(str::trim).unwrap_or("");
    if body.is_empty() {
        return Err(IngestError::new(
            source,
            "record has no \"body\" (the article text)",
        ));
    }
    let mut article = Article::new(record.title.unwrap_or_default().trim(), body);
    article.url = record.url.filter(|u| !u.is_empty());
    article.outlet = record.outlet.filter(|o| !o.is_empty());
    article.language = record.language.filter(|l| !l.is_empty());
    let mut warnings = Vec::new();
    if let Some(raw) = record.published.as_deref().filter(|p| !p.trim().is_empty()) {
        match parse_date(raw) {
            Some(date) => {
                article.published = Some(date);
                article.published_from = record.published_from.unwrap_or(DateSource::Metadata);
            }
            None => warnings.push(format!("\"published\" {raw:?} is not a day (YYYY-MM-DD or RFC 3339); kept the article without a date")),
        }
    }
    let source_id = record.id.map(|v| match v {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    Ok(SourcedArticle {
        source_id,
        warnings,
        ..SourcedArticle::new(source, article)
    })
}

/// A calendar date from `YYYY-MM-DD` or from a date-time (RFC 3339, or without a zone).
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    let raw = raw.trim();
    if let Ok(d) = NaiveDate::parse_from_str(raw, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(dt) = chrono::DateTime::parse_from_rfc3339(raw) {
        return Some(dt.date_naive());
    }
    let date_part = raw.get(..10)?;
    let rest = &raw[10..];
    if rest.starts_with('T') || rest.starts_with(' ') {
        return NaiveDate::parse_from_str(date_part, "%Y-%m-%d").ok();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(r: &ReadResult) -> &SourcedArticle {
        r.as_ref().unwrap()
    }

    #[test]
    fn reads_each_line_with_its_fields() {
        let input = "{\"id\": 7, \"url\": \"https://x.org/a\", \"outlet\": \"X\", \"published\": \"2022-01-10\", \"title\": \"T\", \"body\": \"Talks began.\"}\n\n{\"title\": \"U\", \"text\": \"More talks.\"}\n";
        let out = read("in.jsonl", input.as_bytes());
        assert_eq!(out.len(), 2);
        let a = ok(&out[0]);
        assert_eq!(a.source, "in.jsonl:1");
        assert_eq!(a.source_id.as_deref(), Some("7"));
        assert_eq!(a.article.outlet.as_deref(), Some("X"));
        assert_eq!(a.article.published, NaiveDate::from_ymd_opt(2022, 1, 10));
        assert_eq!(a.article.published_from, DateSource::Metadata);
        assert_eq!(ok(&out[1]).source, "in.jsonl:3");
        assert_eq!(ok(&out[1]).article.body, "More talks.");
    }

    #[test]
    fn malformed_line_is_an_error_and_the_next_lines_still_come() {
        let input = "{\"title\": \"A\", \"body\": \"a\"}\n{\"title\": \"B\", \"body\": \n{\"title\": \"C\", \"body\": \"c\"}\n";
        let out = read("in.jsonl", input.as_bytes());
        assert_eq!(out.len(), 3);
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.item, "in.jsonl:2");
        assert!(err.reason.starts_with("malformed JSON line"), "{err}");
        assert_eq!(ok(&out[2]).article.title, "C");
    }

    #[test]
    fn record_without_body_is_an_error() {
        let out = read("in.jsonl", b"{\"title\": \"A\"}");
        assert!(out[0].as_ref().unwrap_err().reason.contains("no \"body\""));
    }

    #[test]
    fn unreadable_date_keeps_the_article_with_a_warning_naming_the_value() {
        let out = read(
            "in.jsonl",
            b"{\"title\": \"A\", \"body\": \"b\", \"published\": \"2003-11\"}",
        );
        let a = ok(&out[0]);
        assert_eq!(a.article.published, None);
        assert!(
            a.warnings[0].contains("\"2003-11\" is not a day"),
            "{:?}",
            a.warnings
        );
    }

    #[test]
    fn dates_parse_in_common_forms() {
        let d = NaiveDate::from_ymd_opt(2022, 1, 13);
        assert_eq!(parse_date("2022-01-13"), d);
        assert_eq!(parse_date("2022-01-13T22:10:00+03:00"), d);
        assert_eq!(parse_date("2022-01-13 08:00:00"), d);
        assert_eq!(parse_date("Jan 13"), None);
    }

    #[test]
    fn invalid_utf8_on_one_line_fails_only_that_line() {
        let out = read(
            "in.jsonl",
            b"{\"title\": \"A\", \"body\": \"a\xff\"}\n{\"title\": \"B\", \"body\": \"b\"}\n",
        );
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .contains("not valid UTF-8"));
        assert_eq!(ok(&out[1]).article.title, "B");
    }

    #[test]
    fn empty_input_is_an_error() {
        let out = read("in.jsonl", b"\n \n");
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .reason
            .starts_with("empty file"));
    }
}
