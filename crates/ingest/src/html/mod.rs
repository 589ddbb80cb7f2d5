//! HTML pages → main text and metadata.
//!
//! [`extract`] decodes the bytes ([`crate::charset`]), parses them with html5ever (via
//! `scraper`), walks the DOM once into text blocks ([`blocks`]), picks the article's blocks
//! ([`content`]) and resolves title, authors, site, canonical URL, language and the publication
//! date with its provenance ([`metadata`], [`authors`], [`published`]). Paragraphs in the body
//! are separated by a blank line.

mod authors;
mod blocks;
mod boilerplate;
mod content;
mod cues;
pub mod date;
mod jsonld;
mod lists;
mod metadata;
mod published;
mod signals;

use chrono::NaiveDate;
use parley_core::{article_id, Article, DateSource};
use scraper::Html;
use std::io::Read;
use thiserror::Error;

/// Pages larger than this are refused rather than parsed (a real article page is < 5 MB).
pub const MAX_PAGE_BYTES: usize = 64 * 1024 * 1024;

/// Why a page gave no article.
#[derive(Debug, Error)]
pub enum HtmlError {
    #[error("the page is empty")]
    Empty,
    #[error("the page is {0} bytes, more than the {MAX_PAGE_BYTES}-byte limit")]
    TooLarge(usize),
    #[error("no main text found in the page (it may be an index, a form or a script-only page)")]
    NoMainText,
    #[error("could not read {path}: {source}")]
    Io {
        path: String,
        source: std::io::Error,
    },
    #[error("could not decompress the gzip page: {0}")]
    Gzip(#[source] std::io::Error),
}

/// What was extracted from one page.
#[derive(Debug, Clone, PartialEq)]
pub struct ExtractedPage {
    pub title: Option<String>,
    pub authors: Vec<String>,
    pub site_name: Option<String>,
    /// Canonical URL from the page, else the URL it was fetched from.
    pub url: Option<String>,
    /// ISO 639-1 (or 639-3) code.
    pub language: Option<String>,
    pub published: Option<NaiveDate>,
    pub published_from: DateSource,
    /// Main text, paragraphs separated by "\n\n".
    pub body: String,
}

impl ExtractedPage {
    /// The page as a parley article (id = hash of the body).
    pub fn into_article(self) -> Article {
        Article {
            id: article_id(&self.body),
            url: self.url,
            outlet: self.site_name,
            title: self.title.unwrap_or_default(),
            published: self.published,
            published_from: self.published_from,
            language: self.language,
            body: self.body,
        }
    }
}

/// Options beyond the page bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// Where the page was fetched from (used for URL dates and the host name).
    pub url: Option<&'a str>,
    /// Charset label from the HTTP `Content-Type` header.
    pub http_charset: Option<&'a str>,
    /// Latest acceptable publication day (a WARC record's date); defaults to tomorrow.
    pub not_after: Option<NaiveDate>,
}

/// Extracts the main text and metadata of an HTML page.
pub fn extract(
    html_bytes: &[u8],
    url: Option<&str>,
    http_charset: Option<&str>,
) -> Result<ExtractedPage, HtmlError> {
    extract_with(
        html_bytes,
        &Options {
            url,
            http_charset,
            not_after: None,
        },
    )
}

/// [`extract`] with all options.
pub fn extract_with(html_bytes: &[u8], opts: &Options<'_>) -> Result<ExtractedPage, HtmlError> {
    let page = extract_page(html_bytes, opts)?;
    if page.body.trim().is_empty() {
        return Err(HtmlError::NoMainText);
    }
    Ok(page)
}

/// Like [`extract_with`], but a page without main text (a script-rendered page, an image
/// page) still gives its metadata, with an empty body: for callers that want a page's date
/// or title even when its text cannot be read.
pub fn extract_page(html_bytes: &[u8], opts: &Options<'_>) -> Result<ExtractedPage, HtmlError> {
    if html_bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(HtmlError::Empty);
    }
    if html_bytes.len() > MAX_PAGE_BYTES {
        return Err(HtmlError::TooLarge(html_bytes.len()));
    }
    let decoded = crate::charset::decode(html_bytes, opts.http_charset);
    let doc = Html::parse_document(&decoded.text);
    Ok(from_document(&doc, opts))
}

fn from_document(doc: &Html, opts: &Options<'_>) -> ExtractedPage {
    let sig = signals::collect(doc);
    let ld = jsonld::read(sig.jsonld.iter().map(String::as_str));
    let url = opts.url;
    let host = url.and_then(metadata::host_of);
    let site_name = metadata::site_name(&sig, &ld);
    let title = metadata::title(&sig, &ld, site_name.as_deref(), host.as_deref());
    let canonical = metadata::canonical(&sig, &ld, url);
    let language = metadata::language(&sig, &ld);
    let not_after = opts
        .not_after
        .unwrap_or_else(|| chrono::Utc::now().date_naive() + chrono::Days::new(1));
    let date_url = url.or(canonical.as_deref());
    let all = blocks::collect(doc);
    let chosen = content::select(doc, &all);
    let near = near_title(&all, &chosen);
    let published = published::resolve(&sig, &ld, date_url, &near, not_after);
    let labelled = labelled_names(&all);
    let short: Vec<&str> = all
        .iter()
        .filter(|b| b.chars <= LABELLED_NAME_CHARS)
        .map(|b| b.text.as_str())
        .collect();
    let authors = authors::authors(
        &sig,
        &ld,
        site_name.as_deref(),
        url,
        &near,
        &labelled,
        &short,
    );
    let body = join_body(&all, &chosen, title.as_deref());
    ExtractedPage {
        title,
        authors,
        site_name,
        url: canonical,
        language,
        published: published.map(|p| p.date),
        published_from: published.map(|p| p.from).unwrap_or(DateSource::None),
        body,
    }
}

/// Blocks before the main text that could hold a dateline or byline.
const NEAR_TITLE_BEFORE: usize = 8;
/// …and blocks at the start of the main text.
const NEAR_TITLE_AFTER: usize = 3;
/// Longest block read as a dateline.
const DATELINE_CHARS: usize = 120;

/// Short blocks around the start of the main text (where bylines and datelines sit).
fn near_title<'a>(all: &'a [blocks::Block], chosen: &[usize]) -> Vec<&'a str> {
    let Some(&first) = chosen.first() else {
        return Vec::new();
    };
    let from = first.saturating_sub(NEAR_TITLE_BEFORE);
    let to = (first + NEAR_TITLE_AFTER).min(all.len());
    all[from..to]
        .iter()
        .filter(|b| b.chars <= DATELINE_CHARS)
        .map(|b| b.text.as_str())
        .collect()
}

/// Longest block read as the name after a byline label.
const LABELLED_NAME_CHARS: usize = 80;

/// Blocks that follow a lone byline label ("Written by", "Author:"): author boxes that put the
/// label and the name in separate elements.
fn labelled_names(all: &[blocks::Block]) -> Vec<&str> {
    all.windows(2)
        .filter(|w| authors::is_byline_label(&w[0].text) && w[1].chars <= LABELLED_NAME_CHARS)
        .map(|w| w[1].text.as_str())
        .collect()
}

fn same_text(a: &str, b: &str) -> bool {
    let n = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    n(a) == n(b)
}

/// Joins the chosen blocks; a leading heading that repeats the title is not body text.
fn join_body(all: &[blocks::Block], chosen: &[usize], title: Option<&str>) -> String {
    let mut out = String::new();
    for (n, &i) in chosen.iter().enumerate() {
        let b = &all[i];
        if n < 3
            && matches!(b.kind, blocks::BlockKind::Heading(_))
            && title.is_some_and(|t| same_text(t, &b.text))
        {
            continue;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&b.text);
    }
    out
}

/// The text of an HTML fragment (a feed entry's content), paragraphs separated by "\n\n".
///
/// A fragment is already the article, so no block selection runs: every block outside
/// furniture-named elements and scripts is kept.
pub fn fragment_text(fragment: &str) -> String {
    let doc = Html::parse_fragment(fragment);
    let all = blocks::collect(&doc);
    let kept: Vec<usize> = (0..all.len())
        .filter(|&i| all[i].unlikely.is_empty())
        .collect();
    join_body(&all, &kept, None)
}

/// True when the bytes look like an HTML page (after an optional BOM and whitespace).
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(1024)];
    let head = head.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(head);
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let start = lower
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(lower.len());
    let t = &lower[start..];
    t.starts_with(b"<!doctype html")
        || t.starts_with(b"<html")
        || t.starts_with(b"<head")
        || t.starts_with(b"<body")
        || (t.starts_with(b"<")
            && (contains(t, b"<html")
                || contains(t, b"<body")
                || contains(t, b"<div")
                || contains(t, b"<p>")))
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// True when the bytes start with the gzip magic number.
pub fn is_gzip(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0x1f, 0x8b])
}

/// Decompresses a gzip file (all members) or returns the bytes as they are.
pub fn maybe_gunzip(bytes: &[u8]) -> Result<std::borrow::Cow<'_, [u8]>, HtmlError> {
    if !is_gzip(bytes) {
        return Ok(std::borrow::Cow::Borrowed(bytes));
    }
    let mut out = Vec::new();
    flate2::read::MultiGzDecoder::new(bytes)
        .take(MAX_PAGE_BYTES as u64 + 1)
        .read_to_end(&mut out)
        .map_err(HtmlError::Gzip)?;
    Ok(std::borrow::Cow::Owned(out))
}

/// Reads an `.html` or `.html.gz` file and extracts it.
pub fn extract_file(path: &std::path::Path, url: Option<&str>) -> Result<ExtractedPage, HtmlError> {
    let bytes = std::fs::read(path).map_err(|source| HtmlError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let bytes = maybe_gunzip(&bytes)?;
    extract(&bytes, url, None)
}

#[cfg(test)]
mod tests;

/// One line per text block with its selection state (for tuning the extractor; not stable).
#[doc(hidden)]
pub fn debug_blocks(html_bytes: &[u8]) -> String {
    let decoded = crate::charset::decode(html_bytes, None);
    let doc = Html::parse_document(&decoded.text);
    let all = blocks::collect(&doc);
    let chosen: std::collections::HashSet<usize> =
        content::select(&doc, &all).into_iter().collect();
    let mut out = String::new();
    for (i, b) in all.iter().enumerate() {
        let preview: String = b
            .text
            .chars()
            .take(90)
            .collect::<String>()
            .replace('\n', " ");
        let furniture: Vec<String> = b
            .unlikely
            .iter()
            .filter_map(|u| match doc.tree.get(*u).map(|n| n.value()) {
                Some(scraper::Node::Element(el)) => Some(boilerplate::class_and_id(el)),
                _ => None,
            })
            .collect();
        out.push_str(&format!(
            "{} {:>4} {:?} u{:?} {:>5} ld{:.2} {}\n",
            if chosen.contains(&i) { "+" } else { "-" },
            i,
            b.kind,
            furniture,
            b.chars,
            b.link_density(),
            preview
        ));
    }
    out
}
