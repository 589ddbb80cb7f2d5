use super::*;
use crate::test_store::analysed_store;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

#[test]
fn the_shipped_table_parses_and_covers_every_cameo_root() {
    let kinds = PositionKinds::shipped().unwrap();
    for root in 1..=20 {
        let code = format!("{root:02}0");
        assert!(kinds.kind_of(&code).is_some(), "root {root:02} has no kind");
    }
    assert_eq!(kinds.kind_of("100"), Some("demanded"));
    assert_eq!(kinds.kind_of("1246"), Some("rejected"));
    assert_eq!(kinds.kind_of("138"), Some("threatened"));
    assert_eq!(
        kinds.kind_of("0571"),
        Some("agreed"),
        "the longest prefix wins"
    );
    assert_eq!(kinds.kind_of("051"), Some("endorsed"));
    assert_eq!(kinds.kind_of("99"), None);
}

#[test]
fn a_bad_table_line_is_an_error_naming_file_and_line() {
    let err = PositionKinds::parse("t.tsv", "# c\n10\tdemanded\n1x\tbad\n")
        .unwrap_err()
        .to_string();
    assert!(err.contains("t.tsv: line 3"), "{err}");
    assert!(PositionKinds::parse("t.tsv", "10 demanded").is_err());
    assert!(PositionKinds::parse("t.tsv", "10\tDemanded").is_err());
}

#[test]
fn an_actor_resolves_by_id_or_name_and_gathers_its_positions_over_time() {
    let (_d, mut store, _) = analysed_store();
    let kinds = PositionKinds::shipped().unwrap();
    let lavrov = resolve_actor(store.as_mut(), "Lavrov").unwrap();
    assert_eq!(lavrov.actor_id.as_deref(), Some("sergey-lavrov"));
    assert_eq!(
        resolve_actor(store.as_mut(), "SERGEY-LAVROV").unwrap(),
        lavrov
    );
    let p = positions(store.as_mut(), &lavrov, DateRange::default(), &kinds).unwrap();
    let kinds_seen: Vec<(&str, Option<NaiveDate>, &str)> = p
        .positions
        .iter()
        .filter(|p| p.from == PositionSource::Event)
        .map(|p| {
            (
                p.kind.as_str(),
                p.date,
                p.article.outlet.as_deref().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        kinds_seen,
        vec![
            ("demanded", Some(day("2022-01-10")), "Reuters"),
            ("demanded", Some(day("2022-01-11")), "TASS"),
        ]
    );
    let quotes = p
        .positions
        .iter()
        .filter(|p| p.from == PositionSource::Quote)
        .count();
    assert_eq!(quotes, 4, "{:#?}", p.positions);
    assert!(p.positions.iter().any(|p| p.from == PositionSource::Claim));
    // Dates ascend; every position's text is its article's words at its offsets.
    assert!(p.positions.windows(2).all(|w| w[0].date <= w[1].date));
    for pos in &p.positions {
        let body = store.get(&pos.article.id).unwrap().unwrap().document.text;
        assert_eq!(&body[pos.start..pos.end], pos.text);
    }
    let later = DateRange {
        since: Some(day("2022-01-11")),
        until: None,
    };
    let p = positions(store.as_mut(), &lavrov, later, &kinds).unwrap();
    assert!(p
        .positions
        .iter()
        .all(|p| p.article.outlet.as_deref() == Some("TASS")));
}

#[test]
fn russia_rejects_and_its_denied_invasion_keeps_its_status() {
    let (_d, mut store, _) = analysed_store();
    let kinds = PositionKinds::shipped().unwrap();
    let russia = resolve_actor(store.as_mut(), "rus").unwrap();
    assert_eq!(russia.actor_id.as_deref(), Some("RUS"));
    let p = positions(store.as_mut(), &russia, DateRange::default(), &kinds).unwrap();
    let rejected = p.positions.iter().find(|p| p.kind == "rejected").unwrap();
    assert_eq!(rejected.target.as_deref(), Some("NATO"));
    assert_eq!(rejected.code.as_deref(), Some("120"));
    assert!(p
        .positions
        .iter()
        .any(|p| p.status.as_deref() == Some("denied")));
}

#[test]
fn unknown_and_ambiguous_actors_are_errors_that_list_candidates() {
    let (_d, mut store, _) = analysed_store();
    let err = resolve_actor(store.as_mut(), "Macron")
        .unwrap_err()
        .to_string();
    assert!(err.contains("no stored actor matches \"Macron\""), "{err}");
    // "r" is in Russia, Ukraine, Sergey Lavrov, ...
    let err = resolve_actor(store.as_mut(), "r").unwrap_err();
    let AggregateError::AmbiguousActor { candidates, .. } = &err else {
        panic!("{err}")
    };
    assert!(candidates.len() > 1);
    let text = err.to_string();
    assert!(
        text.contains("sergey-lavrov") && text.contains("RUS"),
        "{text}"
    );
}

#[test]
fn date_ranges_are_inclusive_and_undated_positions_only_pass_without_bounds() {
    let r = DateRange {
        since: Some(day("2022-01-10")),
        until: Some(day("2022-01-11")),
    };
    assert!(r.contains(Some(day("2022-01-10"))) && r.contains(Some(day("2022-01-11"))));
    assert!(!r.contains(Some(day("2022-01-12"))) && !r.contains(None));
    assert!(DateRange::default().contains(None));
}
