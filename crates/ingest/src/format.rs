//! Which format an input is in: forced by the user or detected from its name and content.

/// An input format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    /// Decide per input from the file name and the content.
    #[default]
    Auto,
    /// Plain text: first non-empty line is the headline, the rest is the body.
    Text,
    /// JSON Lines: one article object per line.
    Jsonl,
    /// An HTML page (`.html`, `.htm`, also gzip-compressed).
    Html,
    /// An RSS, Atom or JSON Feed document: one article per entry.
    Feed,
    /// A WARC web archive (CC-NEWS: a gzip member per record): one article per HTML response.
    Warc,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "auto" => Ok(Format::Auto),
            "text" | "txt" => Ok(Format::Text),
            "jsonl" | "ndjson" | "json-lines" => Ok(Format::Jsonl),
            other => Err(format!(
                "unknown format {other:?}: expected auto, text or jsonl"
            )),
        }
    }
}

/// Detects the format of one input from its name and its first bytes. A known extension
/// decides; otherwise the content: a WARC header, a feed's root element, an HTML page, a JSON
/// object (`{` then `"` or `}`) for JSON Lines, and plain text for anything else.
pub fn detect(name: &str, head: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    let lower = lower.strip_suffix(".gz").unwrap_or(&lower);
    let by_extension = [
        (&[".jsonl", ".ndjson"][..], Format::Jsonl),
        (&[".txt", ".text"][..], Format::Text),
        (&[".html", ".htm", ".xhtml"][..], Format::Html),
        (&[".rss", ".atom"][..], Format::Feed),
        (&[".warc"][..], Format::Warc),
    ];
    for (extensions, format) in by_extension {
        if extensions.iter().any(|e| lower.ends_with(e)) {
            return format;
        }
    }
    if crate::warc::looks_like_warc(head) {
        return Format::Warc;
    }
    let head = match crate::html::is_gzip(head) {
        true => return Format::Html, // a gzip file that is not a WARC: a saved page (.gz)
        false => head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head),
    };
    if crate::feed::looks_like_feed(head) {
        return Format::Feed;
    }
    if crate::html::looks_like_html(head) {
        return Format::Html;
    }
    let mut bytes = head.iter().copied().filter(|b| !b.is_ascii_whitespace());
    match (bytes.next(), bytes.next()) {
        (Some(b'{'), Some(b'"' | b'}')) => Format::Jsonl,
        _ => Format::Text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_decides_when_known() {
        assert_eq!(detect("a.jsonl", b"Headline"), Format::Jsonl);
        assert_eq!(detect("a.TXT", b"{\"title\":\"x\"}"), Format::Text);
    }

    #[test]
    fn content_with_a_json_object_line_is_jsonl() {
        assert_eq!(
            detect("-", b"\n{\"title\": \"T\", \"body\": \"B\"}\n"),
            Format::Jsonl
        );
        assert_eq!(detect("notes", b"{not json at all"), Format::Text);
        assert_eq!(
            detect("notes", b"\xEF\xBB\xBF{ \"title\": \"T\""),
            Format::Jsonl
        );
        assert_eq!(detect("notes", b"Talks resume in Geneva"), Format::Text);
    }

    #[test]
    fn web_formats_are_told_by_name_and_content() {
        assert_eq!(detect("page.html.gz", b""), Format::Html);
        assert_eq!(detect("CC-NEWS-2022.warc.gz", b""), Format::Warc);
        assert_eq!(
            detect("x", b"WARC/1.0\r\nWARC-Type: warcinfo\r\n"),
            Format::Warc
        );
        assert_eq!(
            detect(
                "x",
                b"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel>"
            ),
            Format::Feed
        );
        assert_eq!(
            detect("x", b"<!DOCTYPE html><html><body><p>Hi</p>"),
            Format::Html
        );
        assert_eq!(
            detect("x.xml", b"<feed xmlns=\"http://www.w3.org/2005/Atom\">"),
            Format::Feed
        );
    }

    #[test]
    fn format_names_parse() {
        assert_eq!("JSONL".parse::<Format>().unwrap(), Format::Jsonl);
        assert!("pdf"
            .parse::<Format>()
            .unwrap_err()
            .contains("unknown format"));
    }
}
