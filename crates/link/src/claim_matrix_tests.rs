use super::*;
use crate::test_store::analysed_store;

fn row<'m>(m: &'m ClaimMatrix, actors: &[&str], polarity: i8) -> &'m ClaimRow {
    m.rows
        .iter()
        .find(|r| r.key.actors == actors && r.key.polarity == polarity)
        .unwrap_or_else(|| panic!("no row {actors:?} {polarity}: {m:#?}"))
}

fn cell(r: &ClaimRow, outlet: &str) -> Option<Cell> {
    r.cells.iter().find(|c| c.outlet == outlet).map(|c| c.cell)
}

#[test]
fn outlets_that_carry_a_claim_get_their_stance_and_those_naming_its_actors_omit_it() {
    let (_d, mut store, _) = analysed_store();
    let all = MatrixOptions {
        min_outlets: 1,
        window_days: 3,
    };
    let m = claim_matrix(store.as_mut(), all).unwrap();
    assert_eq!(m.outlets, vec!["AP", "BBC", "Reuters", "TASS"]);
    // "Russia had plans to invade Ukraine" (AP, attributed to US officials, and its own
    // sentence on troops) and BBC's own sentence share the key (russia, ukraine, +).
    let invade = row(&m, &["russia", "ukraine"], 1);
    assert_eq!((invade.outlets, invade.articles), (2, 2));
    assert_eq!(cell(invade, "AP"), Some(Cell::Asserts));
    assert_eq!(cell(invade, "BBC"), Some(Cell::Asserts));
    // Reuters and TASS name Russia and Ukraine within three days but not this claim.
    assert_eq!(cell(invade, "Reuters"), Some(Cell::Omitted));
    assert_eq!(cell(invade, "TASS"), Some(Cell::Omitted));
    // TASS reports Lavrov's "Russia would not invade Ukraine": the negated key.
    let not_invade = row(&m, &["russia", "ukraine"], -1);
    assert_eq!(cell(not_invade, "TASS"), Some(Cell::Reports));
    let tass = not_invade
        .cells
        .iter()
        .find(|c| c.outlet == "TASS")
        .unwrap();
    assert_eq!(tass.stances.get("source:asserts"), Some(&1));
    assert!(m.claims_without_key > 0 && m.claims_read > m.claims_without_key);
}

#[test]
fn the_window_and_min_outlets_narrow_the_matrix() {
    let (_d, mut store, _) = analysed_store();
    let m = claim_matrix(store.as_mut(), MatrixOptions::default()).unwrap();
    assert!(m.rows.iter().all(|r| r.outlets >= 2), "{m:#?}");
    assert_eq!(m.rows.len(), 1);
    let no_window = MatrixOptions {
        min_outlets: 2,
        window_days: -10,
    };
    let m = claim_matrix(store.as_mut(), no_window).unwrap();
    assert!(m.rows[0].cells.iter().all(|c| c.cell != Cell::Omitted));
}

#[test]
fn keys_are_normalised_and_a_key_without_names_fits_no_row() {
    let key = |actors: &[&str], polarity| ClaimKey {
        actors: actors.iter().map(|a| a.to_string()).collect(),
        event_code: None,
        polarity,
    };
    assert_eq!(
        MatrixKey::of(&key(&["Ukraine", "russia", "ukraine"], 1)),
        MatrixKey::of(&key(&["russia", "ukraine"], 1))
    );
    assert_ne!(
        MatrixKey::of(&key(&["russia"], 1)),
        MatrixKey::of(&key(&["russia"], -1))
    );
    assert_eq!(MatrixKey::of(&key(&[], 1)), None);
    assert_eq!(
        MatrixKey::of(&key(&["russia", "nato"], -1))
            .unwrap()
            .label(),
        "nato, russia (not)"
    );
}

#[test]
fn the_most_frequent_cell_wins_and_ties_go_to_disputes_first() {
    let cells = |pairs: &[(Cell, usize)]| pairs.iter().copied().collect::<BTreeMap<_, _>>();
    assert_eq!(
        winner(&cells(&[(Cell::Asserts, 2), (Cell::Disputes, 1)])),
        Cell::Asserts
    );
    assert_eq!(
        winner(&cells(&[(Cell::Reports, 1), (Cell::Disputes, 1)])),
        Cell::Disputes
    );
}
