//! WARC files (Common Crawl CC-NEWS) → articles, streaming.
//!
//! [`read`] takes any reader of a `.warc` or `.warc.gz` file (gzip detected by its magic
//! number; CC-NEWS compresses each record as its own gzip member). Only `response` records are
//! read: their HTTP status line and headers are parsed, and 200 responses with an HTML body
//! (by `Content-Type`, else by sniffing) go through [`html::extract_with`] with the record's
//! `WARC-Target-URI` as URL, the `Content-Type` charset, and the `WARC-Date` as the latest
//! acceptable publication date. Other records are skipped and counted in [`WarcStats`]. A
//! corrupt record or gzip member is one error item; reading resumes at the next record.

use crate::html;
use chrono::NaiveDate;
use flate2::bufread::GzDecoder;
use parley_core::Article;
use std::io::{BufRead, BufReader, Read};
use thiserror::Error;

/// A record larger than this is refused (CC-NEWS records are well under 10 MB).
pub const MAX_RECORD_BYTES: u64 = 64 * 1024 * 1024;

/// Why one record gave no article.
#[derive(Debug, Error)]
pub enum WarcError {
    #[error("I/O error while reading the WARC file: {0}")]
    Io(#[from] std::io::Error),
    #[error("corrupt gzip member at byte {offset} of the compressed file: {source}")]
    Gzip { offset: u64, source: std::io::Error },
    #[error("corrupt WARC record (record {index}): {reason}")]
    Corrupt { index: u64, reason: String },
    #[error("record {record_id} ({url}): {source}")]
    Html {
        record_id: String,
        url: String,
        source: html::HtmlError,
    },
}

/// One article read from a response record.
#[derive(Debug, Clone, PartialEq)]
pub struct WarcArticle {
    /// `WARC-Record-ID`.
    pub record_id: String,
    /// `WARC-Target-URI`.
    pub url: Option<String>,
    /// Day of `WARC-Date` (the fetch time; the publication date cannot be later).
    pub fetched: Option<NaiveDate>,
    pub authors: Vec<String>,
    pub article: Article,
}

/// What was seen while reading.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WarcStats {
    pub records: u64,
    pub responses: u64,
    pub articles: u64,
    /// `request`, `metadata`, `warcinfo`… records.
    pub skipped_not_response: u64,
    pub skipped_status: u64,
    pub skipped_not_html: u64,
    pub errors: u64,
}

/// True when the bytes start like a WARC file, plain or gzip-compressed.
pub fn looks_like_warc(bytes: &[u8]) -> bool {
    if html::is_gzip(bytes) {
        let mut head = [0u8; 16];
        let n = GzDecoder::new(bytes).read(&mut head).unwrap_or(0);
        return head[..n].starts_with(b"WARC/");
    }
    bytes.starts_with(b"WARC/")
}

enum Source<R: BufRead> {
    Plain(R),
    Gzip(R, u64),
}

/// Streaming reader; iterate it for articles, then look at [`WarcReader::stats`].
pub struct WarcReader<R: BufRead> {
    src: Source<R>,
    /// Records decompressed from the current gzip member, not yet returned.
    pending: std::collections::VecDeque<RawRecord>,
    stats: WarcStats,
    done: bool,
}

/// Starts reading a WARC file (gzip detected by magic number).
pub fn read<R: Read>(reader: R) -> WarcReader<BufReader<R>> {
    let mut r = BufReader::with_capacity(1 << 16, reader);
    let gz = r.fill_buf().map(html::is_gzip).unwrap_or(false);
    WarcReader {
        src: if gz {
            Source::Gzip(r, 0)
        } else {
            Source::Plain(r)
        },
        pending: Default::default(),
        stats: WarcStats::default(),
        done: false,
    }
}

impl<R: BufRead> WarcReader<R> {
    pub fn stats(&self) -> WarcStats {
        self.stats
    }
}

#[derive(Debug)]
struct RawRecord {
    headers: Vec<(String, String)>,
    block: Vec<u8>,
}

impl RawRecord {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(k, _)| k.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn read_line_lossy<R: BufRead>(r: &mut R, buf: &mut Vec<u8>) -> std::io::Result<usize> {
    buf.clear();
    r.take(64 * 1024).read_until(b'\n', buf)
}

/// Reads the next record of a plain WARC stream; `Ok(None)` at the end. Junk before a
/// `WARC/` version line is skipped (resynchronisation after a corrupt record).
fn next_record<R: BufRead>(r: &mut R, index: u64) -> Result<Option<RawRecord>, WarcError> {
    let mut line = Vec::new();
    let mut skipped_junk = false;
    loop {
        if read_line_lossy(r, &mut line)? == 0 {
            return if skipped_junk {
                Err(WarcError::Corrupt {
                    index,
                    reason: "data after the last record is not a record".into(),
                })
            } else {
                Ok(None)
            };
        }
        if line.starts_with(b"WARC/") {
            break;
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            skipped_junk = true;
        }
    }
    let mut headers = Vec::new();
    loop {
        if read_line_lossy(r, &mut line)? == 0 {
            return Err(WarcError::Corrupt {
                index,
                reason: "file ends inside the record header".into(),
            });
        }
        let l = String::from_utf8_lossy(&line);
        let l = l.trim_end_matches(['\r', '\n']);
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            headers.push((k.trim().to_string(), v.trim().to_string()));
        }
    }
    let rec = RawRecord {
        headers,
        block: Vec::new(),
    };
    let len: u64 = rec
        .header("Content-Length")
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| WarcError::Corrupt {
            index,
            reason: "missing or invalid Content-Length".into(),
        })?;
    if len > MAX_RECORD_BYTES {
        return Err(WarcError::Corrupt {
            index,
            reason: format!("record of {len} bytes exceeds the limit"),
        });
    }
    let mut block = Vec::with_capacity(len as usize);
    r.take(len).read_to_end(&mut block)?;
    if (block.len() as u64) < len {
        return Err(WarcError::Corrupt {
            index,
            reason: format!("truncated: {} of {len} bytes", block.len()),
        });
    }
    Ok(Some(RawRecord { block, ..rec }))
}

/// Skips to the next gzip magic number; returns the number of bytes skipped.
fn resync_gzip<R: BufRead>(r: &mut R) -> std::io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        if let Some(i) = buf.windows(3).position(|w| w == [0x1f, 0x8b, 0x08]) {
            r.consume(i);
            return Ok(skipped + i as u64);
        }
        let keep = buf.len().saturating_sub(2).max(1).min(buf.len());
        r.consume(keep);
        skipped += keep as u64;
    }
}

/// Counts bytes consumed from a BufRead.
struct Counting<'a, R> {
    inner: &'a mut R,
    count: u64,
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count += n as u64;
        Ok(n)
    }
}

impl<R: BufRead> BufRead for Counting<'_, R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        self.inner.fill_buf()
    }
    fn consume(&mut self, amt: usize) {
        self.count += amt as u64;
        self.inner.consume(amt)
    }
}

impl<R: BufRead> WarcReader<R> {
    fn next_raw(&mut self) -> Option<Result<RawRecord, WarcError>> {
        loop {
            if let Some(r) = self.pending.pop_front() {
                return Some(Ok(r));
            }
            if self.done {
                return None;
            }
            let index = self.stats.records;
            match &mut self.src {
                Source::Plain(r) => {
                    return match next_record(r, index) {
                        Ok(Some(rec)) => Some(Ok(rec)),
                        Ok(None) => {
                            self.done = true;
                            None
                        }
                        Err(e @ WarcError::Io(_)) => {
                            self.done = true;
                            Some(Err(e))
                        }
                        Err(e) => Some(Err(e)),
                    }
                }
                Source::Gzip(r, offset) => {
                    if r.fill_buf().map(|b| b.is_empty()).unwrap_or(true) {
                        self.done = true;
                        return None;
                    }
                    let start = *offset;
                    let mut counting = Counting { inner: r, count: 0 };
                    let mut member = Vec::new();
                    let res = GzDecoder::new(&mut counting)
                        .take(MAX_RECORD_BYTES + 64 * 1024)
                        .read_to_end(&mut member);
                    let consumed = counting.count;
                    *offset += consumed;
                    if let Err(source) = res {
                        if consumed == 0 {
                            r.consume(1);
                            *offset += 1;
                        }
                        *offset += resync_gzip(r).unwrap_or(0);
                        if r.fill_buf().map(|b| b.is_empty()).unwrap_or(true) {
                            self.done = true;
                        }
                        return Some(Err(WarcError::Gzip {
                            offset: start,
                            source,
                        }));
                    }
                    let mut cursor = std::io::Cursor::new(member);
                    let mut i = index;
                    loop {
                        match next_record(&mut cursor, i) {
                            Ok(Some(rec)) => self.pending.push_back(rec),
                            Ok(None) => break,
                            Err(e) => {
                                if self.pending.is_empty() {
                                    return Some(Err(e));
                                }
                                break;
                            }
                        }
                        i += 1;
                    }
                }
            }
        }
    }
}

/// The parts of a response record's HTTP message that ingest reads.
struct HttpResponse<'a> {
    status: u16,
    content_type: Option<String>,
    /// Content-Encoding, lower-cased ("gzip").
    encoding: Option<String>,
    body: &'a [u8],
}

/// Splits a response record's block into its HTTP status line, headers and body.
fn split_http(block: &[u8]) -> Option<HttpResponse<'_>> {
    let end = block
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map(|i| (i, i + 4))
        .or_else(|| {
            block
                .windows(2)
                .position(|w| w == b"\n\n")
                .map(|i| (i, i + 2))
        })?;
    let head = String::from_utf8_lossy(&block[..end.0]);
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = None;
    let mut encoding = None;
    for l in lines {
        if let Some((k, v)) = l.split_once(':') {
            if k.trim().eq_ignore_ascii_case("content-type") {
                content_type = Some(v.trim().to_string());
            } else if k.trim().eq_ignore_ascii_case("content-encoding") {
                encoding = Some(v.trim().to_ascii_lowercase());
            }
        }
    }
    Some(HttpResponse {
        status,
        content_type,
        encoding,
        body: &block[end.1..],
    })
}

fn warc_day(v: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()
}

impl<R: BufRead> Iterator for WarcReader<R> {
    type Item = Result<WarcArticle, WarcError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let rec = match self.next_raw()? {
                Ok(rec) => rec,
                Err(e) => {
                    self.stats.errors += 1;
                    return Some(Err(e));
                }
            };
            self.stats.records += 1;
            if !rec
                .header("WARC-Type")
                .is_some_and(|t| t.eq_ignore_ascii_case("response"))
            {
                self.stats.skipped_not_response += 1;
                continue;
            }
            self.stats.responses += 1;
            let record_id = rec
                .header("WARC-Record-ID")
                .unwrap_or("")
                .trim_matches(['<', '>'])
                .to_string();
            let url = rec
                .header("WARC-Target-URI")
                .map(|u| u.trim_matches(['<', '>']).to_string());
            let fetched = rec.header("WARC-Date").and_then(warc_day);
            let Some(HttpResponse {
                status,
                content_type,
                encoding,
                body,
            }) = split_http(&rec.block)
            else {
                self.stats.errors += 1;
                return Some(Err(WarcError::Corrupt {
                    index: self.stats.records - 1,
                    reason: format!("response {record_id} has no HTTP header"),
                }));
            };
            if status != 200 {
                self.stats.skipped_status += 1;
                continue;
            }
            let is_html = match content_type.as_deref() {
                Some(ct) => {
                    let ct = ct.to_ascii_lowercase();
                    ct.contains("html")
                        || (ct.starts_with("text/plain") && html::looks_like_html(body))
                }
                None => html::looks_like_html(body),
            };
            if !is_html {
                self.stats.skipped_not_html += 1;
                continue;
            }
            let body =
                if encoding.as_deref().is_some_and(|e| e.contains("gzip")) && html::is_gzip(body) {
                    match html::maybe_gunzip(body) {
                        Ok(b) => b.into_owned(),
                        Err(source) => {
                            self.stats.errors += 1;
                            return Some(Err(WarcError::Html {
                                record_id,
                                url: url.unwrap_or_default(),
                                source,
                            }));
                        }
                    }
                } else {
                    body.to_vec()
                };
            let charset = content_type
                .as_deref()
                .and_then(crate::charset::charset_from_content_type);
            let opts = html::Options {
                url: url.as_deref(),
                http_charset: charset,
                not_after: fetched,
            };
            return Some(match html::extract_with(&body, &opts) {
                Ok(page) => {
                    self.stats.articles += 1;
                    let authors = page.authors.clone();
                    Ok(WarcArticle {
                        record_id,
                        url,
                        fetched,
                        authors,
                        article: page.into_article(),
                    })
                }
                Err(source) => {
                    self.stats.errors += 1;
                    Err(WarcError::Html {
                        record_id,
                        url: url.unwrap_or_default(),
                        source,
                    })
                }
            });
        }
    }
}

#[cfg(test)]
mod tests;
