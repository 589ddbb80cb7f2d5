//! Resolves title, authors, site name, canonical URL and language from a page's [`Signals`].
//!
//! Structured sources first (JSON-LD, OpenGraph, `<meta>`), then the page itself (`<h1>`,
//! `<title>`, byline elements). Titles lose a trailing or leading " | Site" part when that part
//! is the site's name; authors that are organisations or the site itself are dropped.

use super::jsonld::JsonLd;
use super::signals::Signals;

const SEPARATORS: &[&str] = &[
    " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " « ", " » ", " / ", " ~ ", " : ",
];

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(|c| c.to_lowercase())
        .collect()
}

fn clean(s: &str) -> Option<String> {
    let t = s.split_whitespace().collect::<Vec<_>>().join(" ");
    let t = decode_leftover_entities(&t);
    (!t.is_empty()).then_some(t)
}

/// Some pages double-escape entities in meta values (`&amp;quot;`): undo the common ones.
fn decode_leftover_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        let end = tail[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&tail[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &tail[e + 1..];
            }
            None => {
                out.push('&');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of an entity name (`amp`, `#8211`, `#x2014`).
fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| !c.is_control() || c.is_whitespace());
    }
    Some(match name {
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        "lt" => '<',
        "gt" => '>',
        "nbsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        _ => return None,
    })
}

/// The host of a URL without `www.`.
pub fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let host = rest.split(['/', '?', '#', ':']).next()?;
    let host = host
        .strip_prefix("www.")
        .unwrap_or(host)
        .to_ascii_lowercase();
    (!host.is_empty()).then_some(host)
}

fn is_site_like(part: &str, site: Option<&str>, host: Option<&str>) -> bool {
    let p = norm(part);
    if p.is_empty() {
        return true;
    }
    if let Some(s) = site.map(norm).filter(|s| !s.is_empty()) {
        if p == s
            || (p.len() >= 3 && s.contains(&p))
            || (s.len() >= 3 && p.contains(&s) && p.len() <= s.len() + 12)
        {
            return true;
        }
    }
    if let Some(h) = host {
        let hn = norm(h.split('.').next().unwrap_or(h));
        let full = norm(h);
        if p == full
            || (hn.len() >= 3 && (p == hn || p.starts_with(&hn) && p.len() <= hn.len() + 8))
        {
            return true;
        }
    }
    false
}

/// Drops a leading or trailing part of `title` that names the site.
pub fn strip_site(title: &str, site: Option<&str>, host: Option<&str>) -> String {
    let mut t = title.trim().to_string();
    for _ in 0..2 {
        let mut changed = false;
        for sep in SEPARATORS {
            if let Some(i) = t.rfind(sep) {
                let (head, tail) = (&t[..i], &t[i + sep.len()..]);
                if !head.trim().is_empty() && is_site_like(tail, site, host) {
                    t = head.trim().to_string();
                    changed = true;
                    break;
                }
            }
            if let Some(i) = t.find(sep) {
                let (head, tail) = (&t[..i], &t[i + sep.len()..]);
                if !tail.trim().is_empty() && is_site_like(head, site, host) {
                    t = tail.trim().to_string();
                    changed = true;
                    break;
                }
            }
        }
        if !changed {
            break;
        }
    }
    t
}

/// The site's name: OpenGraph, JSON-LD publisher or WebSite, `application-name`.
pub fn site_name(sig: &Signals, ld: &JsonLd) -> Option<String> {
    sig.first_meta(&["og:site_name"])
        .map(str::to_string)
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.site_name.clone())
        .or_else(|| {
            sig.first_meta(&[
                "application-name",
                "apple-mobile-web-app-title",
                "publisher",
                "dc.publisher",
            ])
            .map(str::to_string)
        })
        .and_then(|s| clean(&s))
}

/// Guesses the site name from `<title>` vs the headline: `<title>` = headline + sep + site.
fn site_from_title(title: &str, headline: &str) -> Option<String> {
    let (t, h) = (title.trim(), headline.trim());
    if t.len() <= h.len() + 3 {
        return None;
    }
    for sep in SEPARATORS {
        if let Some(rest) = t.strip_prefix(h).and_then(|r| r.strip_prefix(sep)) {
            return clean(rest);
        }
        if let Some(rest) = t.strip_suffix(h).and_then(|r| r.strip_suffix(sep)) {
            return clean(rest);
        }
    }
    None
}

/// Share of the `<h1>`'s words that a structured title must contain for the `<h1>` to be used.
const H1_AGREEMENT: f32 = 0.5;

/// Share of the words of `a` that also occur in `b` (case-insensitive).
fn word_overlap(a: &str, b: &str) -> f32 {
    let words = |s: &str| {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect::<Vec<_>>()
    };
    let (wa, wb) = (words(a), words(b));
    if wa.is_empty() {
        return 0.0;
    }
    wa.iter().filter(|w| wb.contains(w)).count() as f32 / wa.len() as f32
}

/// The article's title.
pub fn title(sig: &Signals, ld: &JsonLd, site: Option<&str>, host: Option<&str>) -> Option<String> {
    let og = sig
        .first_meta(&[
            "og:title",
            "twitter:title",
            "dc.title",
            "citation_title",
            "headline",
        ])
        .and_then(clean);
    let html_title = sig.title.as_deref().and_then(clean);
    let h1 = if sig.h1.len() == 1 {
        sig.h1.first().and_then(|h| clean(h))
    } else {
        None
    };
    let ld_title = ld
        .headline
        .clone()
        .or_else(|| ld.name.clone())
        .and_then(|t| clean(&t));
    // Site name from `<title>` when the page does not state it.
    let derived_site = site.map(str::to_string).or_else(|| {
        [&h1, &og, &ld_title]
            .into_iter()
            .flatten()
            .find_map(|h| html_title.as_deref().and_then(|t| site_from_title(t, h)))
    });
    let site = derived_site.as_deref();
    // Candidates, best first; an h1 that agrees with a structured title is the cleanest form.
    let structured = ld_title.clone().or(og.clone());
    // The visible headline is what readers (and citations) use; it is trusted when it shares
    // most of its words with a structured title or `<title>` (a lone `<h1>` can be a logo).
    let agrees = |h: &str| {
        [&structured, &html_title]
            .into_iter()
            .flatten()
            .any(|t| word_overlap(h, t) >= H1_AGREEMENT)
    };
    let best_h1 = sig
        .h1
        .iter()
        .filter_map(|h| clean(h))
        .filter(|h| h.chars().count() <= 300 && agrees(h))
        .max_by(|a, b| {
            let score = |h: &str| {
                [&structured, &html_title]
                    .into_iter()
                    .flatten()
                    .map(|t| word_overlap(h, t) + word_overlap(t, h))
                    .fold(0.0, f32::max)
            };
            score(a).total_cmp(&score(b))
        });
    let pick = match (best_h1, structured, h1) {
        (Some(h), _, _) => Some(h),
        (None, Some(s), _) => Some(s),
        (None, None, Some(h)) => Some(h),
        (None, None, None) => html_title.clone(),
    }?;
    let t = strip_site(&pick, site, host);
    (!t.is_empty()).then_some(t)
}

/// The canonical URL: `<link rel=canonical>`, `og:url`, JSON-LD, else the fetch URL.
pub fn canonical(sig: &Signals, ld: &JsonLd, url: Option<&str>) -> Option<String> {
    sig.canonical
        .clone()
        .filter(|c| c.starts_with("http"))
        .or_else(|| {
            sig.first_meta(&["og:url"])
                .filter(|u| u.starts_with("http"))
                .map(str::to_string)
        })
        .or_else(|| ld.url.clone().filter(|u| u.starts_with("http")))
        .or_else(|| url.map(str::to_string))
}

/// ISO 639-1 language code: `<html lang>`, `og:locale`, `content-language`, JSON-LD.
pub fn language(sig: &Signals, ld: &JsonLd) -> Option<String> {
    let raw = sig
        .html_lang
        .clone()
        .or_else(|| {
            sig.first_meta(&["og:locale", "content-language", "language", "dc.language"])
                .map(str::to_string)
        })
        .or_else(|| ld.language.clone())?;
    let code: String = raw
        .trim()
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect::<String>()
        .to_ascii_lowercase();
    (code.len() == 2 || code.len() == 3).then_some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_suffix_is_stripped_when_it_is_the_site() {
        assert_eq!(
            strip_site("Talks begin | Daily News", Some("Daily News"), None),
            "Talks begin"
        );
        assert_eq!(
            strip_site("Daily News - Talks begin", Some("Daily News"), None),
            "Talks begin"
        );
        assert_eq!(
            strip_site("Talks begin - BBC News", None, Some("bbc.co.uk")),
            "Talks begin"
        );
    }

    #[test]
    fn a_title_part_that_is_not_the_site_is_kept() {
        assert_eq!(
            strip_site("Russia - US talks begin", Some("Daily News"), None),
            "Russia - US talks begin"
        );
    }

    #[test]
    fn leftover_entities_are_decoded() {
        assert_eq!(
            decode_leftover_entities("A &#8211; B &#038; C&#x2019;s &bull; &unknown; &"),
            "A – B & C’s • &unknown; &"
        );
    }

    #[test]
    fn host_drops_www() {
        assert_eq!(
            host_of("https://www.example.com/a").as_deref(),
            Some("example.com")
        );
    }
}
