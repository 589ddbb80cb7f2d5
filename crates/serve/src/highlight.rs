//! Cutting an article body into segments for highlighting: every annotation (entity, quote,
//! event, loaded-language signal) becomes an [`Annotation`] with a short id (`e1`, `q3`, `v2`,
//! `s1`), and the body is split at every annotation boundary so that overlapping and nested
//! annotations can all be marked without crossing HTML elements.
//!
//! Only plain data comes out; the page escapes every piece of text when it renders it.

use parley_core::Document;

/// What kind of annotation a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Entity,
    Quote,
    Event,
    Signal,
    /// A span named by the URL (`?span=START-END`), e.g. a timeline entry or a position.
    Selected,
}

impl Kind {
    /// The CSS class and id prefix.
    pub fn class(self) -> &'static str {
        match self {
            Kind::Entity => "entity",
            Kind::Quote => "quote",
            Kind::Event => "event",
            Kind::Signal => "signal",
            Kind::Selected => "selected",
        }
    }

    fn prefix(self) -> char {
        match self {
            Kind::Entity => 'e',
            Kind::Quote => 'q',
            Kind::Event => 'v',
            Kind::Signal => 's',
            Kind::Selected => 'h',
        }
    }
}

/// One highlighted span of the body.
#[derive(Debug, Clone, PartialEq)]
pub struct Annotation {
    /// Short id, unique in the page: `e1`, `q3`, `v2`, `s1` (numbered from 1 per kind).
    pub id: String,
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// A one-line description for the side list (article-derived: escape it).
    pub label: String,
}

/// A run of body text and the annotations that cover all of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Segment<'a> {
    pub text: &'a str,
    /// Indexes into the annotation list of those covering this segment.
    pub covering: Vec<usize>,
    /// Indexes of the annotations that start at this segment.
    pub starting: Vec<usize>,
}

/// Every annotation of `doc` whose span lies on character boundaries inside the body, in the
/// order entities, quotes, events, signals. Returns them and how many were left out.
pub fn annotations(doc: &Document) -> (Vec<Annotation>, usize) {
    let body = doc.text.as_str();
    let a = &doc.analysis;
    let mut raw: Vec<(Kind, usize, usize, String)> = Vec::new();
    for e in &a.entities {
        let label = match &e.actor {
            Some(actor) => format!("{} ({})", actor.name, actor.kind),
            None => format!("{} (unresolved)", e.span.text),
        };
        raw.push((Kind::Entity, e.span.start, e.span.end, label));
    }
    for q in &a.quotes {
        let speaker = q
            .speaker
            .as_ref()
            .map(|s| s.name.as_str())
            .unwrap_or("unknown speaker");
        let kind = serde_json::to_value(q.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        raw.push((
            Kind::Quote,
            q.span.start,
            q.span.end,
            format!("{speaker} ({kind})"),
        ));
    }
    for v in &a.events {
        let name = |x: &Option<parley_core::EventActor>| {
            x.as_ref()
                .map(|x| x.name.clone())
                .unwrap_or_else(|| "?".to_string())
        };
        raw.push((
            Kind::Event,
            v.evidence.start,
            v.evidence.end,
            format!(
                "CAMEO {}: {} → {}",
                v.code,
                name(&v.source),
                name(&v.target)
            ),
        ));
    }
    for s in &a.framing.signals {
        raw.push((
            Kind::Signal,
            s.span.start,
            s.span.end,
            format!("{} ({}, {})", s.term, s.technique, s.voice),
        ));
    }

    let mut out = Vec::new();
    let mut skipped = 0;
    let mut numbers = [0usize; 5];
    for (kind, start, end, label) in raw {
        let n = &mut numbers[kind as usize];
        *n += 1;
        if !span_ok(body, start, end) {
            skipped += 1;
            continue;
        }
        out.push(Annotation {
            id: format!("{}{}", kind.prefix(), n),
            kind,
            start,
            end,
            label,
        });
    }
    (out, skipped)
}

/// The article page's rules that light up an annotation's whole span when the URL's fragment
/// names it (`/articles/ID#q3`): the fragment targets the annotation's anchor, which precedes
/// every segment of its span among the same siblings, and each segment carries `a-q3`. Pure
/// CSS (`:target` and `~`), so it works without JavaScript. Ids are our own (`q3`), never
/// article text.
pub fn target_css(annotations: &[Annotation]) -> String {
    let mut css = String::new();
    for a in annotations {
        debug_assert!(a.id.chars().all(|c| c.is_ascii_alphanumeric()));
        css.push_str(&format!(
            "#{id}:target~mark.a-{id}{{background:#ffd54f;outline:2px solid #e0b000}}\n",
            id = a.id
        ));
    }
    css
}

/// The span `start..end` of `body` as the annotation `h1`, when it is a non-empty range on
/// character boundaries inside the body; `None` otherwise.
pub fn selected(body: &str, start: usize, end: usize) -> Option<Annotation> {
    span_ok(body, start, end).then(|| Annotation {
        id: format!("{}1", Kind::Selected.prefix()),
        kind: Kind::Selected,
        start,
        end,
        label: "the span you followed".to_string(),
    })
}

/// True when `start..end` is a non-empty range on character boundaries inside `body`.
fn span_ok(body: &str, start: usize, end: usize) -> bool {
    start < end && end <= body.len() && body.is_char_boundary(start) && body.is_char_boundary(end)
}

/// Splits `body` at every annotation boundary. The segments cover the whole body in order.
pub fn segments<'a>(body: &'a str, annotations: &[Annotation]) -> Vec<Segment<'a>> {
    let mut cuts: Vec<usize> = vec![0, body.len()];
    for a in annotations {
        cuts.push(a.start);
        cuts.push(a.end);
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for pair in cuts.windows(2) {
        let (from, to) = (pair[0], pair[1]);
        // Annotations were checked to lie on boundaries, so every cut does too.
        let Some(text) = body.get(from..to) else {
            continue;
        };
        let covering = (0..annotations.len())
            .filter(|&i| annotations[i].start <= from && to <= annotations[i].end)
            .collect();
        let starting = (0..annotations.len())
            .filter(|&i| annotations[i].start == from)
            .collect();
        out.push(Segment {
            text,
            covering,
            starting,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ann(id: &str, start: usize, end: usize) -> Annotation {
        Annotation {
            id: id.into(),
            kind: Kind::Quote,
            start,
            end,
            label: String::new(),
        }
    }

    #[test]
    fn segments_cover_the_whole_body_in_order() {
        let body = "Lavrov said talks will go on.";
        let anns = [ann("e1", 0, 6), ann("q1", 0, 29), ann("v1", 12, 17)];
        let segs = segments(body, &anns);
        let joined: String = segs.iter().map(|s| s.text).collect();
        assert_eq!(joined, body);
        assert_eq!(segs[0].text, "Lavrov");
        assert_eq!(segs[0].covering, vec![0, 1]);
        assert_eq!(segs[0].starting, vec![0, 1]);
        let talks = segs.iter().find(|s| s.text == "talks").unwrap();
        assert_eq!(talks.covering, vec![1, 2]);
    }

    #[test]
    fn crossing_annotations_split_into_three_segments() {
        let segs = segments("abcdef", &[ann("a", 0, 4), ann("b", 2, 6)]);
        let texts: Vec<&str> = segs.iter().map(|s| s.text).collect();
        assert_eq!(texts, ["ab", "cd", "ef"]);
        assert_eq!(segs[1].covering, vec![0, 1]);
    }

    #[test]
    fn target_css_lights_up_every_segment_of_the_targeted_annotation() {
        let css = target_css(&[ann("q1", 0, 4), ann("v12", 2, 6)]);
        assert_eq!(
            css,
            "#q1:target~mark.a-q1{background:#ffd54f;outline:2px solid #e0b000}\n\
             #v12:target~mark.a-v12{background:#ffd54f;outline:2px solid #e0b000}\n"
        );
    }

    #[test]
    fn selected_spans_must_lie_inside_the_body() {
        let s = selected("Lavrov said", 0, 6).unwrap();
        assert_eq!(
            (s.id.as_str(), s.kind, s.start, s.end),
            ("h1", Kind::Selected, 0, 6)
        );
        assert!(selected("Lavrov said", 5, 99).is_none());
        assert!(selected("né", 0, 2).is_none());
    }

    #[test]
    fn spans_off_char_boundaries_or_past_the_end_are_rejected() {
        assert!(span_ok("né", 0, 3));
        assert!(!span_ok("né", 0, 2));
        assert!(!span_ok("abc", 1, 9));
        assert!(!span_ok("abc", 2, 2));
        assert!(!span_ok("abc", 2, 1));
    }
}
