//! Character set detection and decoding for web pages.
//!
//! Order of evidence, strongest first: a byte-order mark, the HTTP `Content-Type` charset, a
//! `<meta charset>` / `<meta http-equiv="Content-Type">` declaration in the first 4 KB. A declared
//! charset is checked against the bytes: a page declared as UTF-8 that is not valid UTF-8 is read
//! as windows-1252, and a page declared as a single-byte charset whose bytes are valid, non-ASCII
//! UTF-8 is read as UTF-8 (a mislabelled page; legacy bytes are almost never valid multi-byte UTF-8).
//! With no declaration, valid UTF-8 is UTF-8 and anything else windows-1252 (the web's default).

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};
use regex::bytes::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// How many leading bytes are searched for a `<meta>` charset declaration.
const PRESCAN_BYTES: usize = 4096;

static META_CHARSET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"(?i-u)<meta[^>]{0,512}?charset\s*=\s*["']?\s*([a-z0-9_:.\-]{1,40})"#).unwrap()
});

/// A decoded page and the encoding that was used.
#[derive(Debug)]
pub struct Decoded<'a> {
    pub text: Cow<'a, str>,
    pub encoding: &'static Encoding,
}

/// The charset label in an HTTP `Content-Type` value (`text/html; charset=ISO-8859-1`).
pub fn charset_from_content_type(content_type: &str) -> Option<&str> {
    let lower = content_type.to_ascii_lowercase();
    let at = lower.find("charset=")? + "charset=".len();
    let rest = content_type[at..].trim_start_matches(['"', '\'', ' ']);
    let end = rest
        .find(|c: char| c == ';' || c == '"' || c == '\'' || c.is_whitespace())
        .unwrap_or(rest.len());
    let label = &rest[..end];
    (!label.is_empty()).then_some(label)
}

/// The encoding declared in a `<meta>` tag near the start of the page, if any.
pub fn declared_in_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(PRESCAN_BYTES)];
    let caps = META_CHARSET.captures(head)?;
    let enc = Encoding::for_label(caps.get(1)?.as_bytes())?;
    // A page cannot really declare UTF-16 in ASCII-compatible bytes (HTML spec: treat as UTF-8).
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE {
        return Some(UTF_8);
    }
    Some(enc)
}

/// Picks the encoding of `bytes`, given the HTTP charset label when known.
pub fn detect(bytes: &[u8], http_charset: Option<&str>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    let declared = http_charset
        .and_then(|l| Encoding::for_label(l.trim().as_bytes()))
        .map(|e| e.output_encoding())
        .or_else(|| declared_in_meta(bytes));
    let utf8_ok = std::str::from_utf8(bytes).is_ok();
    match declared {
        Some(enc) if enc == UTF_8 => {
            if utf8_ok || mostly_utf8(bytes) {
                UTF_8
            } else {
                WINDOWS_1252
            }
        }
        Some(enc) => {
            if enc.is_single_byte() && utf8_ok && !bytes.is_ascii() {
                UTF_8
            } else {
                enc
            }
        }
        None if utf8_ok || mostly_utf8(bytes) => UTF_8,
        None => WINDOWS_1252,
    }
}

/// True when invalid sequences are rare next to valid multi-byte ones: a UTF-8 page with a few
/// stray bytes (a truncated character, one pasted legacy byte) should stay UTF-8.
fn mostly_utf8(bytes: &[u8]) -> bool {
    let mut valid_multibyte = 0usize;
    let mut invalid = 0usize;
    for chunk in bytes.utf8_chunks() {
        valid_multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        if !chunk.invalid().is_empty() {
            invalid += 1;
        }
    }
    valid_multibyte >= 8 && invalid * 20 <= valid_multibyte
}

/// Decodes `bytes` to text, replacing malformed sequences; never fails.
pub fn decode<'a>(bytes: &'a [u8], http_charset: Option<&str>) -> Decoded<'a> {
    let encoding = detect(bytes, http_charset);
    let (text, _, _) = encoding.decode(bytes);
    Decoded { text, encoding }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_without_declaration_is_utf8() {
        let d = decode("<p>Genève</p>".as_bytes(), None);
        assert_eq!(d.encoding, UTF_8);
        assert!(d.text.contains("Genève"));
    }

    #[test]
    fn meta_charset_is_honoured() {
        let mut page = b"<html><head><meta charset=\"iso-8859-1\"></head><body>Gen".to_vec();
        page.push(0xE8);
        page.extend_from_slice(b"ve</body></html>");
        let d = decode(&page, None);
        assert!(d.text.contains("Genève"), "{}", d.text);
    }

    #[test]
    fn http_equiv_content_type_is_honoured() {
        let mut page =
            b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1251\"><p>"
                .to_vec();
        page.extend_from_slice(&[0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0]);
        assert!(decode(&page, None).text.contains("Москва"));
    }

    #[test]
    fn http_header_beats_meta() {
        let mut page = b"<meta charset=\"utf-8\"><p>".to_vec();
        page.extend_from_slice(&[0xCC, 0xEE, 0xF1, 0xEA, 0xE2, 0xE0]);
        assert!(decode(&page, Some("windows-1251")).text.contains("Москва"));
    }

    #[test]
    fn declared_utf8_that_is_not_utf8_falls_back_to_windows_1252() {
        let mut page = b"<meta charset=\"utf-8\"><p>caf".to_vec();
        page.push(0xE9);
        page.extend_from_slice(b" au lait</p>");
        assert!(decode(&page, None).text.contains("café au lait"));
    }

    #[test]
    fn declared_latin1_that_is_valid_utf8_is_read_as_utf8() {
        let page = "<meta charset=\"iso-8859-1\"><p>Genève, Zürich</p>".as_bytes();
        assert!(decode(page, None).text.contains("Genève, Zürich"));
    }

    #[test]
    fn bom_wins() {
        let mut page = vec![0xEF, 0xBB, 0xBF];
        page.extend_from_slice("<meta charset=\"iso-8859-1\"><p>Genève</p>".as_bytes());
        assert_eq!(detect(&page, Some("iso-8859-1")), UTF_8);
    }

    #[test]
    fn content_type_charset_is_parsed() {
        assert_eq!(
            charset_from_content_type("text/html; charset=\"UTF-8\""),
            Some("UTF-8")
        );
        assert_eq!(
            charset_from_content_type("text/html;charset=iso-8859-1; x=y"),
            Some("iso-8859-1")
        );
        assert_eq!(charset_from_content_type("text/html"), None);
    }
}
