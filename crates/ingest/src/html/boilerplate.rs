//! Rules that say which elements are never part of an article's main text.
//!
//! Three kinds of evidence, all general (no site-specific rules): the tag (scripts, navigation,
//! forms controls…), the ARIA role and hidden markers, and words in `class`/`id` that name page
//! furniture (share bars, related links, comments, cookie banners…). A class/id that also names
//! content ("article", "content", "body"…) is not removed on its class alone.

use regex::Regex;
use scraper::node::Element;
use std::sync::LazyLock;

/// What the DOM walk should do with an element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Descend and collect its text.
    Keep,
    /// Skip it and everything inside.
    Drop,
    /// Its class or id names page furniture: collect its text but mark it, so that the content
    /// scorer can drop it unless it turns out to hold most of the page's prose (a misnamed
    /// wrapper such as `class="lte-banner-w1564"` around the whole page).
    Unlikely,
}

/// Tags whose content is never article text.
fn dropped_tag(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "map"
            | "button"
            | "select"
            | "option"
            | "input"
            | "textarea"
            | "label"
            | "dialog"
            | "menu"
            | "head"
            | "title"
            | "link"
            | "meta"
            | "figcaption"
    )
}

fn dropped_role(role: &str) -> bool {
    matches!(
        role.trim().to_ascii_lowercase().as_str(),
        "navigation"
            | "banner"
            | "contentinfo"
            | "complementary"
            | "menu"
            | "menubar"
            | "search"
            | "dialog"
            | "alertdialog"
            | "tablist"
    )
}

static UNLIKELY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(^|[\s_-])(nav|navbar|navigation|menu|breadcrumbs?|footer|foot|sidebar|side-bar|share|sharing|social|socials|sns|related|recommended|recommendations|more-stories|most-popular|popular|trending|comments?|comment-list|disqus|respond|replies|newsletter|subscribe|subscription|paywall|signup|sign-up|cookies?|consent|gdpr|banner|promo|promotion|sponsor|sponsored|advert|advertisement|ads?|ad-slot|adslot|dfp|outbrain|taboola|popup|modal|overlay|masthead|topbar|toolbar|pagination|pager|print|skip|skiplink|tags|tag-list|tagcloud|author-bio|authorbox|about-author|byline|dateline|meta-data|post-meta|entry-meta|article-meta|caption|credits?|read-more|readmore|also-read|sr-only|visually-hidden|screen-reader-text|login|search|rating|feedback|table-of-contents|carousel|slider|gallery|lightbox|inline-related|rail|further-reading|next-article|prev-next|post-navigation|nav-links|shoutbox|combx|community|remark|disclaimer|copyright|legal|contact)($|[\s_-])",
    )
    .unwrap()
});

static CONTENT_HINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(article|content|main|body|story|entry|post-text|text|column)").unwrap()
});

/// Class and id of an element, joined with a space.
pub fn class_and_id(el: &Element) -> String {
    let mut s = String::new();
    if let Some(c) = el.attr("class") {
        s.push_str(c);
    }
    if let Some(i) = el.attr("id") {
        s.push(' ');
        s.push_str(i);
    }
    s
}

/// Class tokens with more parts than this are slugs of headings or titles
/// (`id="how-popular-are-meditation-and-mindfulness"`), not furniture names.
const MAX_NAME_PARTS: usize = 4;

/// A name that says the element is *not* furniture (`non-paywall`, `no-ads`) or only that it
/// holds some (`o-section--has-ads`, `has-sidebar`, `with-comments`).
fn is_negated(token: &str) -> bool {
    let t = token.to_ascii_lowercase();
    let parts: Vec<&str> = t.split(['-', '_']).filter(|p| !p.is_empty()).collect();
    matches!(parts.first(), Some(&("non" | "no" | "not")))
        || parts[..parts.len().saturating_sub(1)]
            .iter()
            .any(|p| matches!(*p, "has" | "with"))
}

/// True when `class`/`id` words name page furniture and nothing names content.
pub fn unlikely_by_name(class_id: &str) -> bool {
    if class_id.is_empty() || CONTENT_HINT.is_match(class_id) {
        return false;
    }
    class_id
        .split_whitespace()
        .filter(|token| token.split(['-', '_']).filter(|p| !p.is_empty()).count() <= MAX_NAME_PARTS)
        .any(|token| UNLIKELY.is_match(token) && !is_negated(token))
}

fn hidden(el: &Element) -> bool {
    if el.attr("hidden").is_some() {
        return true;
    }
    if el
        .attr("aria-hidden")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return true;
    }
    if let Some(style) = el.attr("style") {
        let s: String = style
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_lowercase();
        if s.contains("display:none") || s.contains("visibility:hidden") {
            return true;
        }
    }
    false
}

/// The walk's decision for one element.
pub fn verdict(el: &Element) -> Verdict {
    let name = el.name();
    if dropped_tag(name) {
        return Verdict::Drop;
    }
    // Page regions: furniture unless broken markup put the whole page inside one.
    if matches!(name, "nav" | "footer" | "aside" | "header") {
        return Verdict::Unlikely;
    }
    if matches!(name, "html" | "body" | "main" | "article") {
        return Verdict::Keep;
    }
    if el.attr("role").is_some_and(dropped_role) {
        return Verdict::Drop;
    }
    // Hidden content is usually furniture (menus, modals), but streaming renderers park the
    // whole article in `<div hidden>` until a script moves it: treat it like a furniture name.
    if hidden(el) {
        return Verdict::Unlikely;
    }
    // Inline formatting keeps its text whatever its class says (a `<span class="share-word">`
    // inside a sentence is still part of the sentence).
    if matches!(
        name,
        "a" | "b"
            | "strong"
            | "em"
            | "i"
            | "u"
            | "span"
            | "sup"
            | "sub"
            | "small"
            | "mark"
            | "abbr"
            | "q"
            | "cite"
            | "code"
            | "time"
            | "font"
    ) {
        return Verdict::Keep;
    }
    if unlikely_by_name(&class_and_id(el)) {
        return Verdict::Unlikely;
    }
    Verdict::Keep
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_names_are_unlikely() {
        assert!(unlikely_by_name("share-buttons"));
        assert!(unlikely_by_name("related_posts"));
        assert!(unlikely_by_name("site-footer"));
        assert!(unlikely_by_name("cookie-banner"));
    }

    #[test]
    fn negated_furniture_names_are_not_furniture() {
        assert!(!unlikely_by_name("row non-paywall"));
        assert!(!unlikely_by_name("no-ads"));
        assert!(!unlikely_by_name("o-section o-section--has-ads"));
        assert!(!unlikely_by_name("page has-sidebar"));
        assert!(unlikely_by_name("row paywall"));
    }

    #[test]
    fn content_names_are_kept_even_with_furniture_words() {
        assert!(!unlikely_by_name("article-body"));
        assert!(!unlikely_by_name("main-content sidebar-left"));
        assert!(!unlikely_by_name("story"));
    }

    #[test]
    fn heading_slugs_are_not_furniture() {
        assert!(!unlikely_by_name(
            "how-popular-are-meditation-and-mindfulness"
        ));
        assert!(unlikely_by_name("x popular-posts"));
    }

    #[test]
    fn words_inside_other_words_do_not_match() {
        assert!(!unlikely_by_name("shadow"));
        assert!(!unlikely_by_name("leading"));
        assert!(!unlikely_by_name("roads"));
    }
}
