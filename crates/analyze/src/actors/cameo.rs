//! CAMEO actor codes of international organisations (`data/actors/cameo-igo.txt`).
//!
//! The knowledge base gives an international organisation the PLOVER country code (`IGO`,
//! `UNO`, `EUR`) and its own id as sector. CAMEO and PETRARCH code the organisation itself
//! (NATO = `IGOWSTNAT`, the EU = `IGOEUREEC`), and so must event sources and targets: two
//! different organisations are then two parties, not one "IGO".

use super::kb::NON_STATE;
use parley_core::ActorRef;
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("../../../../data/actors/cameo-igo.txt");

/// Organisation id → CAMEO code, from the built-in table.
fn table() -> &'static HashMap<String, String> {
    static CODES: OnceLock<HashMap<String, String>> = OnceLock::new();
    CODES.get_or_init(|| parse(TABLE))
}

/// Parses `id | code | source` lines; comments, blank lines and lines without a code are
/// skipped (the tests check that every line of the built-in table has one).
fn parse(text: &str) -> HashMap<String, String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut fields = l.split('|').map(str::trim);
            let id = fields.next().filter(|s| !s.is_empty())?;
            let code = fields.next().filter(|s| !s.is_empty())?;
            Some((id.to_string(), code.to_string()))
        })
        .collect()
}

/// The CAMEO code of an international organisation, or of an official or group of one
/// (non-state country code with the organisation's id as sector); None for other actors.
pub fn igo_code(actor: &ActorRef) -> Option<&'static str> {
    let codes = table();
    if let Some(code) = codes.get(&actor.id) {
        return Some(code);
    }
    let non_state = actor
        .country
        .as_deref()
        .is_some_and(|c| NON_STATE.contains(&c));
    if !non_state {
        return None;
    }
    codes.get(actor.sector.as_deref()?).map(String::as_str)
}

/// The country and sector an event source or target carries: for an international
/// organisation its CAMEO code and no sector (the code names the organisation), otherwise the
/// actor's own.
pub fn event_country_sector(actor: &ActorRef) -> (Option<String>, Option<String>) {
    match igo_code(actor) {
        Some(code) => (Some(code.to_string()), None),
        None => (actor.country.clone(), actor.sector.clone()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actors::KnowledgeBase;

    fn actor(id: &str, kind: &str, country: &str, sector: Option<&str>) -> ActorRef {
        ActorRef {
            id: id.into(),
            name: id.into(),
            kind: kind.into(),
            country: Some(country.into()),
            sector: sector.map(String::from),
        }
    }

    #[test]
    fn every_line_has_an_organisation_of_the_knowledge_base_and_an_igo_code() {
        let kb = KnowledgeBase::builtin().unwrap();
        let lines: Vec<&str> = TABLE
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect();
        assert_eq!(
            lines.len(),
            table().len(),
            "no id listed twice, none without a code"
        );
        for (id, code) in table() {
            assert!(
                kb.orgs.iter().any(|o| &o.id == id),
                "{id} is not in organizations.txt"
            );
            assert!(code.starts_with("IGO"), "{id}: {code} is not an IGO code");
        }
    }

    #[test]
    fn organisations_carry_their_cameo_code() {
        let nato = actor("NATO", "organization", "IGO", Some("NATO"));
        assert_eq!(igo_code(&nato), Some("IGOWSTNAT"));
        let eu = actor("EU", "organization", "EUR", Some("EU"));
        assert_eq!(igo_code(&eu), Some("IGOEUREEC"));
        let un = actor("UN", "organization", "UNO", Some("UN"));
        assert_eq!(igo_code(&un), Some("IGOUNO"));
        let osce = actor("OSCE", "organization", "IGO", Some("OSCE"));
        assert_eq!(igo_code(&osce), Some("IGOEUROSC"));
    }

    #[test]
    fn officials_and_groups_of_an_organisation_carry_its_code() {
        let sg = actor("jens-stoltenberg", "person", "IGO", Some("NATO"));
        assert_eq!(event_country_sector(&sg), (Some("IGOWSTNAT".into()), None));
        let officials = actor("IGONATO", "group", "IGO", Some("NATO"));
        assert_eq!(igo_code(&officials), Some("IGOWSTNAT"));
    }

    #[test]
    fn states_keep_their_country_and_sector() {
        let kremlin = actor("RUS-KREMLIN", "organization", "RUS", Some("GOV"));
        assert_eq!(igo_code(&kremlin), None);
        assert_eq!(
            event_country_sector(&kremlin),
            (Some("RUS".into()), Some("GOV".into()))
        );
        // A state official whose sector happens to equal an organisation id is still the state's.
        let odd = actor("someone", "person", "USA", Some("NATO"));
        assert_eq!(igo_code(&odd), None);
    }

    #[test]
    fn an_organisation_without_a_listed_code_keeps_its_plover_code() {
        let csto = actor("CSTO", "organization", "IGO", Some("CSTO"));
        assert_eq!(
            event_country_sector(&csto),
            (Some("IGO".into()), Some("CSTO".into()))
        );
    }
}
