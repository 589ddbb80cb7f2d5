//! Short lines that announce the end of an article's text: "Related articles", "Read more",
//! "Lesen Sie auch", "À lire aussi"… in the languages the news pages use most. A block that is
//! only such a cue marks the start of furniture when it comes after most of the article's text.

/// Cue phrases, lowercase; a block matches when its text (lowercased, trailing punctuation and
/// whitespace removed) equals one or starts with one followed by a space or a colon.
const CUES: &[&str] = &[
    // English
    "related",
    "related articles",
    "related stories",
    "related coverage",
    "related content",
    "related posts",
    "related news",
    "related topics",
    "read more",
    "read next",
    "read also",
    "see also",
    "more from",
    "more stories",
    "more on this story",
    "more on this topic",
    "you may also like",
    "you might also like",
    "recommended",
    "recommended for you",
    "most read",
    "most popular",
    "trending",
    "also read",
    "don't miss",
    "share this article",
    "share this",
    "about the author",
    "comments",
    "leave a comment",
    "leave a reply",
    "sign up for",
    "subscribe to",
    "follow us",
    "latest news",
    "top stories",
    // German
    "lesen sie auch",
    "lesen sie mehr",
    "mehr zum thema",
    "weitere artikel",
    "weitere beiträge",
    "ähnliche beiträge",
    "ähnliche artikel",
    "verwandte artikel",
    "auch interessant",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "das könnte dich auch interessieren",
    "mehr themen",
    "weiterlesen",
    "aktuellste beiträge",
    "neueste beiträge",
    "empfohlene beiträge",
    "über den autor",
    "über die autorin",
    "kommentare",
    "artikel teilen",
    "seite teilen",
    "beitrag teilen",
    "teilen sie diesen artikel",
    "zum thema",
    "weitere informationen",
    "mehr dazu",
    "auch lesenswert",
    "meistgelesen",
    "top-artikel",
    // French
    "à lire aussi",
    "a lire aussi",
    "lire aussi",
    "voir aussi",
    "sur le même sujet",
    "articles similaires",
    "articles liés",
    "nos articles",
    "commentaires",
    "partager cet article",
    "à voir aussi",
    // Spanish / Portuguese / Italian
    "artículos relacionados",
    "noticias relacionadas",
    "te puede interesar",
    "lee también",
    "leer más",
    "comentarios",
    "leia também",
    "veja também",
    "notícias relacionadas",
    "leggi anche",
    "articoli correlati",
    "potrebbe interessarti",
    "commenti",
    // Dutch / Polish
    "lees ook",
    "gerelateerde artikelen",
    "zobacz też",
    "zobacz także",
    "czytaj także",
    "czytaj też",
    "komentarze",
];

/// True when `text` is only a "related / read more / share / comments" cue.
pub fn is_end_cue(text: &str) -> bool {
    if text.chars().count() > 60 {
        return false;
    }
    let t = text
        .trim()
        .trim_end_matches(|c: char| {
            c == ':' || c == '.' || c == '!' || c == '…' || c.is_whitespace()
        })
        .to_lowercase();
    CUES.iter().any(|c| {
        t == *c
            || (t.starts_with(c)
                && t[c.len()..].starts_with([' ', ':'])
                && t.chars().count() <= c.chars().count() + 30)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn related_headings_are_cues() {
        assert!(is_end_cue("Related Coverage"));
        assert!(is_end_cue("Lesen Sie auch:"));
        assert!(is_end_cue("À lire aussi"));
        assert!(is_end_cue("More from The Atlantic"));
    }

    #[test]
    fn sentences_are_not_cues() {
        assert!(!is_end_cue(
            "Related talks were held in Vienna on Thursday, officials said."
        ));
        assert!(!is_end_cue("Comments by the minister drew criticism"));
    }
}
