//! Reads news inputs into parley [`Article`]s.
//!
//! Inputs are files, directories (walked recursively) or standard input. Each input is read
//! in the format its name or content says: plain text (first non-empty line = headline, the
//! rest = body) or JSON Lines (one article per line). A bad input never stops a batch: every
//! failure comes back as an [`IngestError`] that names the item and the reason, and the other
//! articles still come out.

pub mod charset;
pub mod discover;
pub mod feed;
pub mod format;
pub mod html;
pub mod jsonl;
pub mod text;
pub mod warc;
pub mod web;

use chrono::NaiveDate;
use parley_core::{Article, DateSource};
use std::io::{BufRead, BufReader, Read};
use std::path::PathBuf;

pub use discover::{discover, Input};
pub use format::Format;

/// An article and the place it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct SourcedArticle {
    /// The file (or `-` for stdin), with `:LINE` for a JSON Lines record.
    pub source: String,
    /// The id the input itself gave the record, if any (a JSON Lines `id`).
    pub source_id: Option<String>,
    pub article: Article,
    /// Things read past without losing the article (an unreadable date), for the user to see.
    pub warnings: Vec<String>,
    /// Authors, when the input names them (HTML, feeds, WARC).
    pub authors: Vec<String>,
}

impl SourcedArticle {
    /// An article read from `source`, with nothing else known about it.
    pub fn new(source: impl Into<String>, article: Article) -> Self {
        SourcedArticle {
            source: source.into(),
            source_id: None,
            article,
            warnings: Vec::new(),
            authors: Vec::new(),
        }
    }
}

/// Why one item (a file, a line of a file) could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{item}: {reason}")]
pub struct IngestError {
    /// The item: a path, `path:LINE`, or `-`.
    pub item: String,
    pub reason: String,
}

impl IngestError {
    pub fn new(item: impl Into<String>, reason: impl Into<String>) -> Self {
        IngestError {
            item: item.into(),
            reason: reason.into(),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Force one format instead of detecting it per file.
    pub format: Format,
    /// Publication date for articles whose input gives none (`--published`).
    pub default_published: Option<NaiveDate>,
    /// Where per-file notes go (a WARC file's record counts), when someone listens.
    pub notes: Option<std::sync::mpsc::Sender<String>>,
}

/// One result per article or per failure, in input order.
pub type ReadResult = Result<SourcedArticle, IngestError>;

/// Bytes looked at to detect a format; JSON Lines is then read line by line, so a large
/// file never sits in memory whole.
const SNIFF_BYTES: usize = 64 * 1024;

/// Reads every article of one input, streaming where the format allows.
pub fn read_input(input: &Input, options: &ReadOptions) -> Box<dyn Iterator<Item = ReadResult>> {
    let name = input.name();
    let mut reader = match open(input) {
        Ok(r) => r,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    let format = match options.format {
        Format::Auto => match reader.fill_buf() {
            Ok(head) => format::detect(&name, head),
            Err(e) => return Box::new(std::iter::once(Err(IngestError::new(name, io_reason(&e))))),
        },
        forced => forced,
    };
    let articles: Box<dyn Iterator<Item = ReadResult>> = match format {
        Format::Jsonl => Box::new(jsonl::read_lines(name, reader)),
        Format::Warc => Box::new(web::read_warc(name, reader, options.notes.clone())),
        Format::Feed => match read_all(&name, reader) {
            Ok(bytes) => Box::new(web::read_feed(&name, &bytes).into_iter()),
            Err(e) => Box::new(std::iter::once(Err(e))),
        },
        Format::Html => Box::new(std::iter::once(
            read_all(&name, reader).and_then(|b| web::read_html(&name, &b)),
        )),
        Format::Text | Format::Auto => Box::new(std::iter::once(
            read_all(&name, reader).and_then(|b| text::read(&name, &b)),
        )),
    };
    match options.default_published {
        Some(date) => Box::new(articles.map(move |mut r| {
            if let Ok(a) = &mut r {
                apply_default_date(&mut a.article, date);
            }
            r
        })),
        None => articles,
    }
}

/// Opens an input for buffered reading, with an error that names it.
fn open(input: &Input) -> Result<Box<dyn BufRead + Send>, IngestError> {
    match input {
        Input::Stdin => Ok(Box::new(BufReader::with_capacity(
            SNIFF_BYTES,
            std::io::stdin(),
        ))),
        Input::File(path) => std::fs::File::open(path)
            .map(|f| Box::new(BufReader::with_capacity(SNIFF_BYTES, f)) as Box<dyn BufRead + Send>)
            .map_err(|e| IngestError::new(path.display().to_string(), io_reason(&e))),
    }
}

fn read_all(name: &str, mut reader: Box<dyn BufRead + Send>) -> Result<Vec<u8>, IngestError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|e| IngestError::new(name, io_reason(&e)))?;
    Ok(bytes)
}

/// Sets the date of an article that has none; a date from the input itself wins.
fn apply_default_date(article: &mut Article, date: NaiveDate) {
    if article.published.is_none() {
        article.published = Some(date);
        article.published_from = DateSource::User;
    }
}

/// A short reason for an I/O failure, with a hint where one helps.
pub(crate) fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => format!("cannot read: {e}"),
    }
}

/// Decodes input bytes as UTF-8 (a leading BOM is dropped), or says where and why it fails.
pub(crate) fn decode_utf8(bytes: &[u8]) -> Result<&str, String> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Some(pos) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(format!(
            "looks like a binary file (NUL byte at offset {pos}), not text"
        ));
    }
    std::str::from_utf8(bytes).map_err(|e| {
        format!(
            "not valid UTF-8 (bad byte at offset {}); convert the file to UTF-8, e.g. with iconv",
            e.valid_up_to()
        )
    })
}

/// Inputs named on the command line, with `-` meaning standard input.
pub fn inputs_from_args(args: &[String]) -> (Vec<Input>, Vec<IngestError>) {
    let mut inputs = Vec::new();
    let mut errors = Vec::new();
    for arg in args {
        if arg == "-" {
            inputs.push(Input::Stdin);
        } else {
            let (found, errs) = discover(&[PathBuf::from(arg)]);
            inputs.extend(found);
            errors.extend(errs);
        }
    }
    (inputs, errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decode_rejects_binary_with_a_reason() {
        let err = decode_utf8(b"\x7fELF\x02\x01\x00\x00").unwrap_err();
        assert!(err.contains("binary"), "{err}");
    }

    #[test]
    fn decode_rejects_invalid_utf8_naming_the_offset() {
        let err = decode_utf8(b"Talks \xff begin").unwrap_err();
        assert!(
            err.contains("not valid UTF-8") && err.contains("offset 6"),
            "{err}"
        );
    }

    #[test]
    fn decode_drops_a_byte_order_mark() {
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFHeadline").unwrap(), "Headline");
    }

    #[test]
    fn default_date_fills_only_missing_dates() {
        let d1 = NaiveDate::from_ymd_opt(2022, 1, 13).unwrap();
        let d2 = NaiveDate::from_ymd_opt(2021, 12, 23).unwrap();
        let mut a = Article::new("T", "B");
        apply_default_date(&mut a, d1);
        assert_eq!(
            (a.published, a.published_from),
            (Some(d1), DateSource::User)
        );
        let mut b = Article::new("T", "B").with_published(d2, DateSource::Metadata);
        apply_default_date(&mut b, d1);
        assert_eq!(
            (b.published, b.published_from),
            (Some(d2), DateSource::Metadata)
        );
    }
}
