//! Sentences of our own through the standard pipeline (actors stage, no parse): the context
//! completes sides the sentence leaves implicit.

use crate::pipeline::Pipeline;
use parley_core::Article;

/// (source country, code, target country) of every event of `body`.
fn triples(body: &str) -> Vec<(String, String, String)> {
    let pipeline = Pipeline::standard();
    let analysis = pipeline.analyze(&Article::new("", body));
    let c = |a: &Option<parley_core::EventActor>| {
        a.as_ref()
            .and_then(|a| a.country.clone())
            .unwrap_or_else(|| "-".into())
    };
    analysis
        .events
        .iter()
        .map(|e| (c(&e.source), e.code.clone(), c(&e.target)))
        .collect()
}

fn has(t: &[(String, String, String)], src: &str, root: &str, tgt: &str) -> bool {
    t.iter()
        .any(|(s, c, g)| s == src && c.starts_with(root) && g == tgt)
}

#[test]
fn a_condemnation_after_an_accusation_is_aimed_at_the_accuser() {
    let body = "Lithuania accused Belarus on Monday of pushing migrants across the border. \
                The government in Minsk rejected the charge and condemned the new fence.";
    let t = triples(body);
    assert!(has(&t, "LTU", "11", "BLR"), "{t:?}");
    assert!(has(&t, "BLR", "11", "LTU"), "{t:?}");
}

#[test]
fn a_warning_takes_the_counterpart_of_the_sentence_before() {
    let body = "Turkey accused Greece of militarising islands in the Aegean. \
                Ankara warned that it would respond to any violation.";
    let t = triples(body);
    assert!(has(&t, "TUR", "13", "GRC"), "{t:?}");
}

#[test]
fn an_appeal_to_both_sides_is_one_event_per_side() {
    let body = "Ethiopian troops shelled Eritrean positions near Badme on Sunday. \
                Kenya called on both sides to return to talks.";
    let t = triples(body);
    assert!(has(&t, "KEN", "", "ETH"), "{t:?}");
    assert!(has(&t, "KEN", "", "ERI"), "{t:?}");
    assert!(!t.iter().any(|(s, _, g)| s == "KEN" && g == "-"), "{t:?}");
}

#[test]
fn no_counterpart_leaves_the_event_untargeted() {
    let body = "Norway condemned the attack on the embassy.";
    let t = triples(body);
    assert!(t.iter().all(|(_, _, g)| g == "-"), "{t:?}");
}

#[test]
fn a_counterpart_named_three_sentences_earlier_is_too_far() {
    let body = "Peru accused Chile of spying. The weather was fine. Markets rose. \
                Prices fell. Lima condemned the decision.";
    let t = triples(body);
    assert!(has(&t, "PER", "112", "CHL"), "{t:?}");
    assert!(has(&t, "PER", "111", "-"), "{t:?}");
}

#[test]
fn troops_exchanging_fire_fight_each_other() {
    let body = "Title\n\nIndian and Pakistani troops exchanged artillery fire along the Line of \
                Control on Sunday.";
    let t = triples(body);
    assert!(has(&t, "IND", "19", "PAK"), "{t:?}");
    assert!(has(&t, "PAK", "19", "IND"), "{t:?}");
}

#[test]
fn an_untargeted_act_beside_a_dyad_of_its_own_sentence_stays_untargeted() {
    let body = "Sudan thanked Russia for its support and rejected the draft resolution.";
    let t = triples(body);
    assert!(has(&t, "SDN", "05", "RUS"), "{t:?}");
    assert!(has(&t, "SDN", "12", "-"), "{t:?}");
}

#[test]
fn them_after_the_verb_is_every_party_of_the_compound_target_before() {
    let body = "Title\n\nKenya's president spoke by telephone with Ethiopian Prime Minister Abiy \
                Ahmed and Eritrean President Isaias Afwerki on Monday and pressed them to end \
                the fighting.";
    let t = triples(body);
    assert!(has(&t, "KEN", "10", "ETH"), "{t:?}");
    assert!(has(&t, "KEN", "10", "ERI"), "{t:?}");
    assert!(!has(&t, "KEN", "10", "-"), "{t:?}");
}

#[test]
fn him_after_the_verb_is_the_target_of_the_sentence_before() {
    let body = "Title\n\nEgypt accused Sudan of hosting rebels. Cairo later warned him to stop.";
    let t = triples(body);
    assert!(has(&t, "EGY", "13", "SDN"), "{t:?}");
}

#[test]
fn both_sides_acting_with_no_target_act_on_each_other() {
    let body = "Title\n\nPeru accused Chile of spying on Monday. \
                The two governments later signed an agreement to share border data.";
    let t = triples(body);
    assert!(has(&t, "PER", "05", "CHL"), "{t:?}");
    assert!(has(&t, "CHL", "05", "PER"), "{t:?}");
}

#[test]
fn an_unqualified_office_belongs_to_the_dateline_country() {
    let body = "MINSK, May 3 (Reuters) - Police detained dozens of protesters in Minsk on Sunday. \
                Prime Minister Roman Golovchenko accused the opposition of planning riots. \
                Belarus said the protests were illegal.";
    let t = triples(body);
    assert!(has(&t, "BLR", "17", "BLR"), "{t:?}");
    assert!(has(&t, "BLR", "11", "BLR"), "{t:?}");
}

#[test]
fn a_dateline_abroad_gives_no_home_country() {
    // filed from Vienna, about Iran: the police are not Austrian
    let body = "VIENNA, Sept 16 (Reuters) - Police in Iran detained dozens of protesters, \
                Iran's envoy in Vienna said. Tehran accused Washington of stoking the unrest.";
    let t = triples(body);
    assert!(!t.iter().any(|(s, _, g)| s == "AUT" || g == "AUT"), "{t:?}");
}

#[test]
fn no_dateline_gives_no_home_country() {
    let body = "Police detained dozens of protesters in Minsk on Sunday.";
    let t = triples(body);
    assert!(!t.iter().any(|(s, _, g)| s == "BLR" && g == "BLR"), "{t:?}");
}

#[test]
fn a_state_news_agency_denounces_the_counterpart_not_its_own_state() {
    let body = "Japan condemned North Korea's missile launch on Monday. \
                North Korea's state news agency KCNA denounced the statement and warned that \
                Pyongyang would bolster its deterrent.";
    let t = triples(body);
    assert!(has(&t, "PRK", "11", "JPN"), "{t:?}");
    assert!(
        !t.iter()
            .any(|(s, c, g)| s == "PRK" && g == "PRK" && c < &"15".to_string()),
        "{t:?}"
    );
}

#[test]
fn an_opposition_criticising_its_own_leader_stays_domestic() {
    let body = "Japan condemned North Korea's missile launch on Monday. \
                Opposition lawmakers in Seoul criticised President Yoon Suk Yeol for the summit.";
    let t = triples(body);
    assert!(has(&t, "KOR", "11", "KOR"), "{t:?}");
}

#[test]
fn a_denial_of_the_accusation_is_aimed_at_the_accuser() {
    let body = "Lithuania accused Belarus on Monday of pushing migrants across the border. \
                Belarus denied the accusation and condemned the new fence.";
    let t = triples(body);
    assert!(has(&t, "BLR", "016", "LTU"), "{t:?}");
    assert!(has(&t, "BLR", "11", "LTU"), "{t:?}");
}

#[test]
fn a_denial_with_no_accuser_in_the_article_stays_a_statement() {
    let t = triples("Iran denied the accusation.");
    assert!(has(&t, "IRN", "016", "-"), "{t:?}");
}

#[test]
fn an_organisation_branch_chief_speaks_for_the_organisation() {
    let t = triples("U.N. aid chief Tom Fletcher urged Israel to lift the restrictions.");
    assert!(has(&t, "IGOUNO", "10", "ISR"), "{t:?}");
}

#[test]
fn a_third_partys_call_for_restraint_is_addressed_to_both_disputants() {
    let body = "India accused Pakistan of shelling border villages on Sunday. \
                Pakistan denied the charge and accused India of provoking the clash. \
                China called for restraint.";
    let t = triples(body);
    assert!(has(&t, "CHN", "", "IND"), "{t:?}");
    assert!(has(&t, "CHN", "", "PAK"), "{t:?}");
}

#[test]
fn a_disputants_own_demand_is_not_split_between_the_pair() {
    let body = "India accused Pakistan of shelling border villages on Sunday. \
                Pakistan demanded an apology.";
    let t = triples(body);
    assert!(
        !t.iter()
            .any(|(s, c, g)| s == "PAK" && c.starts_with("10") && g == "PAK"),
        "{t:?}"
    );
}

#[test]
fn a_countryless_home_force_acting_alone_takes_the_home_country() {
    // a countryless agent is a party of dyadic events only: as a home group it acts alone too
    let body = "TBILISI, Dec 2 (Reuters) - Georgia said the protests were illegal. \
                Riot police raided the offices of a television station in Tbilisi.";
    let t = triples(body);
    assert!(
        t.iter().any(|(s, c, _)| s == "GEO" && c.starts_with("19")),
        "{t:?}"
    );
    // with no home country the countryless agent still acts in no one-sided event
    let t = triples("Riot police raided the offices of a television station.");
    assert!(t.is_empty(), "{t:?}");
}

#[test]
fn a_compound_side_accusing_each_other_accuses_each_other() {
    let body = "Title\n\nPakistan and Afghanistan accused each other of violating the ceasefire.";
    let t = triples(body);
    assert!(has(&t, "PAK", "11", "AFG"), "{t:?}");
    assert!(has(&t, "AFG", "11", "PAK"), "{t:?}");
    assert!(!t.iter().any(|(_, _, g)| g == "-"), "{t:?}");
}

#[test]
fn each_other_replaces_a_later_object_of_the_clause() {
    let body = "Title\n\nEthiopia and Eritrea accused one another of backing rebels.";
    let t = triples(body);
    assert!(has(&t, "ETH", "11", "ERI"), "{t:?}");
    assert!(has(&t, "ERI", "11", "ETH"), "{t:?}");
}

#[test]
fn two_countries_clashing_fight_each_other() {
    let body = "Title\n\nKyrgyzstan and Tajikistan clashed along their disputed border.";
    let t = triples(body);
    assert!(has(&t, "KGZ", "19", "TJK"), "{t:?}");
    assert!(has(&t, "TJK", "19", "KGZ"), "{t:?}");
}

#[test]
fn allies_launching_strikes_do_not_strike_each_other() {
    let body = "Title\n\nIsrael and the United States launched strikes on Monday.";
    let t = triples(body);
    assert!(
        !has(&t, "ISR", "", "USA") && !has(&t, "USA", "", "ISR"),
        "{t:?}"
    );
}

#[test]
fn the_two_neighbours_after_a_clash_are_its_two_sides() {
    let body = "Title\n\nPakistan and Afghanistan clashed on the border on Monday. \
                The two neighbours later agreed to reopen the crossing.";
    let t = triples(body);
    assert!(has(&t, "PAK", "03", "AFG"), "{t:?}");
    assert!(has(&t, "AFG", "03", "PAK"), "{t:?}");
}

#[test]
fn the_two_delegations_are_the_pair_the_story_names_most() {
    let body = "Title\n\nPeru accused Chile of spying on Monday. Brazil and Argentina held \
                talks in Brasilia on Tuesday. The two delegations met again on Wednesday.";
    let t = triples(body);
    assert!(has(&t, "BRA", "04", "ARG"), "{t:?}");
    assert!(has(&t, "ARG", "04", "BRA"), "{t:?}");
    let last: Vec<_> = t.iter().filter(|(_, c, _)| c == "040").collect();
    assert!(
        last.iter().all(|(s, _, g)| s != "PER" && g != "PER"),
        "{t:?}"
    );
}

#[test]
fn each_other_with_no_pair_named_stays_untargeted() {
    let body = "Title\n\nThe two sides accused each other of lying.";
    let t = triples(body);
    assert!(t.iter().all(|(s, _, g)| s == "-" || g == "-"), "{t:?}");
}

#[test]
fn the_mutual_verb_list_is_lower_case_without_duplicates() {
    let words: Vec<&str> = super::word_list(super::MUTUAL_VERBS).collect();
    assert!(words.len() >= 20 && words.contains(&"clashed"), "{words:?}");
    let mut seen = std::collections::HashSet::new();
    for w in &words {
        assert!(seen.insert(*w), "{w} twice");
        assert_eq!(*w, w.to_lowercase(), "{w} is not lower case");
        assert!(!w.contains(' '), "{w} is not one word");
    }
}

#[test]
fn a_reaction_to_an_act_named_by_its_object_is_aimed_at_the_acts_author() {
    // the author of "the complaint" is the complainant, not a party named after the verb or
    // the counterpart of the sentence before
    let body = "Egypt filed a complaint with the Security Council over the dam. \
                Ethiopia rejected the complaint, saying it had acted lawfully.";
    let t = triples(body);
    assert!(has(&t, "ETH", "12", "EGY"), "{t:?}");
    let body = "Germany accused Russia of hacking the Bundestag. Sweden backed Germany. \
                Russia rejected the accusations and criticised Sweden.";
    let t = triples(body);
    assert!(has(&t, "RUS", "", "DEU"), "{t:?}");
    // the visit's visitor, not its host
    let body = "Hungary's prime minister visited China on Monday. \
                Lithuania criticised the visit.";
    let t = triples(body);
    assert!(has(&t, "LTU", "11", "HUN"), "{t:?}");
    assert!(!has(&t, "LTU", "11", "CHN"), "{t:?}");
    // the noun of a support verb's object; not an act named in another act's complement
    let t = triples("Russia launched a missile attack on Kyiv. Poland condemned the attack.");
    assert!(has(&t, "POL", "11", "RUS"), "{t:?}");
    let t = triples("Ukraine accused Russia of attacking Kyiv. Poland condemned the attack.");
    assert!(!has(&t, "POL", "11", "UKR"), "{t:?}");
}

#[test]
fn an_object_that_names_no_earlier_act_keeps_its_target() {
    // nothing earlier is a visit: the context's counterpart stays
    let body = "Turkey accused Greece of militarising islands in the Aegean. \
                Ankara criticised the decision.";
    let t = triples(body);
    assert!(has(&t, "TUR", "11", "GRC"), "{t:?}");
    // a named object is the coder's: "the Chinese proposal" is not read back
    let body = "Japan accused Russia of violating its airspace. \
                Japan rejected the Chinese proposal.";
    let t = triples(body);
    assert!(!has(&t, "JPN", "12", "RUS"), "{t:?}");
}

#[test]
fn each_side_blaming_the_other_is_one_event_each_way() {
    let body = "Armenia accused Azerbaijan of shelling border villages. \
                The ceasefire collapsed on Friday, with each side blaming the other for the failure.";
    let t = triples(body);
    assert!(
        has(&t, "ARM", "11", "AZE") && has(&t, "AZE", "11", "ARM"),
        "{t:?}"
    );
    assert!(!t.iter().any(|(s, _, _)| s == "BEL"), "{t:?}");
}

#[test]
fn both_sides_with_no_pair_in_the_article_is_no_source() {
    let body = "Slide the plates onto each side of the barbell to prevent them from moving.";
    let t = triples(body);
    assert!(t.iter().all(|(s, _, _)| s != "-"), "{t:?}");
}

#[test]
fn two_countries_failing_to_reach_a_deal_fail_each_other() {
    let body = "Title\n\nChile and Peru failed to reach an agreement on fishing quotas.";
    let t = triples(body);
    assert!(has(&t, "CHL", "12", "PER"), "{t:?}");
    assert!(has(&t, "PER", "12", "CHL"), "{t:?}");
}

#[test]
fn two_countries_failing_at_something_else_do_not_fail_each_other() {
    let body = "Title\n\nChile and Peru failed to pay their debts.";
    let t = triples(body);
    assert!(
        !has(&t, "CHL", "", "PER") && !has(&t, "PER", "", "CHL"),
        "{t:?}"
    );
}

#[test]
fn the_mutual_complement_list_is_lower_case_phrases_after_to() {
    for p in super::word_list(super::MUTUAL_COMPLEMENTS) {
        assert_eq!(p, p.to_lowercase(), "{p} is not lower case");
        assert!(
            p.starts_with("to "),
            "{p} does not follow a trigger as an infinitive"
        );
    }
}

#[test]
fn a_pointing_object_names_its_head_noun() {
    use super::pointing_noun;
    assert_eq!(pointing_noun("the sale."), Some("sale".into()));
    assert_eq!(
        pointing_noun("the new sanctions as illegal"),
        Some("sanctions".into())
    );
    assert_eq!(
        pointing_noun("what she called a sham trial."),
        Some("trial".into())
    );
    assert_eq!(
        pointing_noun("what it described as a provocation, saying"),
        Some("provocation".into())
    );
    assert_eq!(pointing_noun("the sale of weapons to Armenia"), None);
    assert_eq!(pointing_noun("Russia's proposal"), None);
}

#[test]
fn a_reaction_to_a_sale_is_aimed_at_the_seller_named_before() {
    let body = "France agreed to sell 24 Rafale jets to Armenia, officials said on Monday. \
                Azerbaijan criticised the sale, the foreign ministry said.";
    let t = triples(body);
    assert!(has(&t, "AZE", "11", "FRA"), "{t:?}");
}

#[test]
fn it_after_a_reaction_is_the_act_of_the_sentence_before() {
    let body = "Israel proposed a truce on Monday, officials said. \
                Hamas rejected it on Tuesday, a spokesman said.";
    let t = triples(body);
    assert!(has(&t, "PSE", "12", "ISR"), "{t:?}");
}
