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
/// decides; otherwise content that opens with a JSON object (`{` then `"` or `}`) is JSON
/// Lines, and anything else plain text.
pub fn detect(name: &str, head: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Format::Jsonl;
    }
    if lower.ends_with(".txt") || lower.ends_with(".text") {
        return Format::Text;
    }
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
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
    fn format_names_parse() {
        assert_eq!("JSONL".parse::<Format>().unwrap(), Format::Jsonl);
        assert!("pdf"
            .parse::<Format>()
            .unwrap_err()
            .contains("unknown format"));
    }
}
