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

/// Detects the format of one input. The extension decides when it is a known one; otherwise
/// content that starts with a JSON object on its first line is JSON Lines, and the rest text.
pub fn detect(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Format::Jsonl;
    }
    if lower.ends_with(".txt") || lower.ends_with(".text") {
        return Format::Text;
    }
    let first_line = bytes
        .split(|&b| b == b'\n')
        .map(trim_ascii)
        .find(|l| !l.is_empty())
        .unwrap_or(b"");
    let first_line = first_line
        .strip_prefix(b"\xEF\xBB\xBF")
        .unwrap_or(first_line);
    if first_line.starts_with(b"{")
        && serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(first_line).is_ok()
    {
        return Format::Jsonl;
    }
    Format::Text
}

fn trim_ascii(line: &[u8]) -> &[u8] {
    line.trim_ascii()
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
