//! Behaviour tests of the actor stage on sentences written for each case.

use super::*;
use chrono::NaiveDate;

fn d(y: i32, m: u32, dd: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, dd)
}

/// (text, actor name, country, sector, found_by) of one mention.
type Row = (String, String, Option<String>, Option<String>, String);

/// A row for every mention.
fn run(body: &str, date: Option<NaiveDate>) -> Vec<Row> {
    let stage = ActorStage::new();
    stage
        .mentions(body, &[], date)
        .into_iter()
        .map(|m| {
            let a = m.actor.unwrap();
            (m.span.text, a.name, a.country, a.sector, m.found_by)
        })
        .collect()
}

fn find<'a>(ms: &'a [Row], text: &str) -> &'a Row {
    ms.iter()
        .find(|m| m.0 == text)
        .unwrap_or_else(|| panic!("no mention {text:?} in {ms:#?}"))
}

#[test]
fn titles_give_unknown_people_country_and_sector() {
    let ms = run(
        "Ukraine's Deputy Foreign Minister Oleksandr Kovalenko met reporters.",
        d(2022, 3, 1),
    );
    let m = find(&ms, "Oleksandr Kovalenko");
    assert_eq!(m.2.as_deref(), Some("UKR"));
    assert_eq!(m.3.as_deref(), Some("GOV"));
    assert_eq!(m.4, "pattern");
}

#[test]
fn kremlin_spokesman_and_kb_people() {
    let ms = run(
        "Kremlin spokesman Dmitry Peskov told reporters the talks were useful.",
        d(2022, 1, 11),
    );
    let m = find(&ms, "Dmitry Peskov");
    assert_eq!(
        (m.2.as_deref(), m.3.as_deref(), m.4.as_str()),
        (Some("RUS"), Some("GOV"), "kb")
    );
    let k = find(&ms, "Kremlin");
    assert_eq!(k.2.as_deref(), Some("RUS"));
}

#[test]
fn officials_beyond_the_great_powers_get_their_own_country() {
    let ms = run(
        "PARIS (Reuters) - President Ilham Aliyev said on Tuesday the talks had failed. Aliyev left Paris.",
        d(2025, 6, 1),
    );
    for text in ["Ilham Aliyev", "Aliyev"] {
        let m = find(&ms, text);
        assert_eq!(
            (m.1.as_str(), m.2.as_deref()),
            ("Ilham Aliyev", Some("AZE"))
        );
    }
    let ms = run(
        "Tajik President Emomali Rahmon met Egyptian President Abdel Fattah al-Sisi.",
        d(2024, 3, 1),
    );
    assert_eq!(find(&ms, "Emomali Rahmon").2.as_deref(), Some("TJK"));
    assert_eq!(find(&ms, "Abdel Fattah al-Sisi").2.as_deref(), Some("EGY"));
}

#[test]
fn wider_offices_follow_the_article_date() {
    let ms = run(
        "The Israeli defence minister visited the north.",
        d(2024, 6, 1),
    );
    assert_eq!(find(&ms, "Israeli defence minister").1, "Yoav Gallant");
    let ms = run(
        "The Israeli defence minister visited the north.",
        d(2025, 6, 1),
    );
    assert_eq!(find(&ms, "Israeli defence minister").1, "Israel Katz");
    let ms = run("Ahmed al-Sharaa met envoys in Damascus.", d(2024, 6, 1));
    assert_eq!(find(&ms, "Ahmed al-Sharaa").3.as_deref(), Some("UAF"));
    let ms = run("Ahmed al-Sharaa met envoys in Damascus.", d(2025, 6, 1));
    assert_eq!(find(&ms, "Ahmed al-Sharaa").3.as_deref(), Some("GOV"));
}

#[test]
fn appositives_describe_the_person_before_them() {
    let ms = run(
        "Talks were led by Ilona Vatsenko, who heads the Moldovan delegation, and by Pavel Dorn, one of Belarus's deputy foreign ministers.",
        d(2023, 5, 2),
    );
    let m = find(&ms, "Ilona Vatsenko");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("MDA"), Some("GOV")));
    let m = find(&ms, "Pavel Dorn");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("BLR"), Some("GOV")));
}

#[test]
fn surnames_and_pronouns_resolve_to_the_full_name() {
    let body = "Deputy Foreign Minister Sergei Ryabkov spoke after the meeting. Ryabkov said the talks were hard. He added that Moscow would wait.";
    let ms = run(body, d(2022, 1, 10));
    let m = find(&ms, "Ryabkov");
    assert_eq!((m.1.as_str(), m.4.as_str()), ("Sergei Ryabkov", "kb"));
    let m = find(&ms, "He");
    assert_eq!((m.1.as_str(), m.4.as_str()), ("Sergei Ryabkov", "coref"));
    let m = find(&ms, "Moscow");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("RUS"), Some("GOV")));
}

#[test]
fn surname_of_an_unknown_person_resolves_too() {
    let body = "Estonian diplomat Mart Kulla arrived on Monday. Kulla said he expected little. Later, she disagreed.";
    let ms = run(body, d(2022, 1, 10));
    let m = find(&ms, "Kulla");
    assert_eq!(
        (m.1.as_str(), m.2.as_deref(), m.4.as_str()),
        ("Mart Kulla", Some("EST"), "coref")
    );
    let m = find(&ms, "he");
    assert_eq!(m.1, "Mart Kulla");
    // "Mart" is not a known given name, so "she" may take him; the gendered name below may not.
    let ms = run(
        "Wendy Sherman met Sergei Ryabkov. Later, she said no progress was made.",
        d(2022, 1, 10),
    );
    assert_eq!(find(&ms, "she").1, "Wendy Sherman");
}

#[test]
fn title_with_surname_finds_the_kb_person() {
    let ms = run(
        "Blinken's spokesman Price rejected the claim.",
        d(2021, 12, 22),
    );
    let m = find(&ms, "Price");
    assert_eq!((m.1.as_str(), m.2.as_deref()), ("Ned Price", Some("USA")));
    let ms = run(
        "Mr. Price rejected the claim after Ned Price had spoken.",
        d(2021, 12, 22),
    );
    assert!(ms.iter().filter(|m| m.1 == "Ned Price").count() >= 1);
}

#[test]
fn definite_descriptions_take_the_holder_on_the_date() {
    let ms = run(
        "The Russian foreign minister rejected the offer.",
        d(2022, 1, 10),
    );
    let m = find(&ms, "Russian foreign minister");
    assert_eq!((m.1.as_str(), m.4.as_str()), ("Sergey Lavrov", "coref"));
    let ms = run(
        "The British foreign secretary flew to Kyiv.",
        d(2022, 2, 10),
    );
    assert_eq!(find(&ms, "British foreign secretary").1, "Liz Truss");
    let ms = run(
        "The British foreign secretary flew to Kyiv.",
        d(2023, 2, 10),
    );
    assert_eq!(find(&ms, "British foreign secretary").1, "James Cleverly");
    let ms = run("The NATO secretary-general warned Moscow.", d(2025, 2, 10));
    assert_eq!(find(&ms, "NATO secretary-general").1, "Mark Rutte");
}

#[test]
fn a_persons_role_depends_on_the_article_date() {
    let ms = run("Marco Rubio criticised the plan.", d(2022, 1, 10));
    assert_eq!(find(&ms, "Marco Rubio").3.as_deref(), Some("LEG"));
    let ms = run("Marco Rubio criticised the plan.", d(2025, 6, 1));
    assert_eq!(find(&ms, "Marco Rubio").3.as_deref(), Some("GOV"));
    let ms = run("Sergei Shoigu visited the front.", d(2025, 6, 1));
    assert_eq!(find(&ms, "Sergei Shoigu").2.as_deref(), Some("RUS"));
}

#[test]
fn groups_and_institutions_get_their_owner() {
    let ms = run(
        "Russian officials and US troops met at Russia's embassy in Washington.",
        d(2022, 1, 10),
    );
    let m = find(&ms, "Russian officials");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("RUS"), Some("GOV")));
    let m = find(&ms, "US troops");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("USA"), Some("MIL")));
    let m = find(&ms, "Russia's embassy");
    assert_eq!(m.2.as_deref(), Some("RUS"));
    let m = find(&ms, "Washington");
    assert_eq!(m.1, "Washington"); // a place after "in"
    let ms = run("Russia's US embassy responded.", d(2022, 1, 10));
    assert_eq!(find(&ms, "Russia's US embassy").2.as_deref(), Some("RUS"));
}

#[test]
fn capitals_are_governments_unless_they_are_places() {
    let ms = run(
        "Moscow rejected the demand. Talks in Geneva and Moscow followed. Washington said no.",
        d(2022, 1, 10),
    );
    let moscow: Vec<_> = ms.iter().filter(|m| m.0 == "Moscow").collect();
    assert_eq!(moscow[0].3.as_deref(), Some("GOV"));
    assert_eq!(find(&ms, "Washington").3.as_deref(), Some("GOV"));
    assert_eq!(find(&ms, "Geneva").2.as_deref(), Some("CHE"));
}

#[test]
fn ambiguous_names_follow_their_cues() {
    let ms = run("Georgia and Moldova want to join the EU.", d(2022, 1, 10));
    assert_eq!(find(&ms, "Georgia").2.as_deref(), Some("GEO"));
    let ms = run(
        "Republicans won the Senate race in Georgia last night.",
        d(2022, 1, 10),
    );
    assert_eq!(find(&ms, "Georgia").1, "Georgia (U.S. state)");
    let ms = run(
        "Brussels urged NATO allies to send more air defence.",
        d(2022, 1, 10),
    );
    assert_eq!(find(&ms, "Brussels").1, "NATO");
    let ms = run(
        "Brussels and the European Commission agreed new sanctions.",
        d(2022, 1, 10),
    );
    assert_eq!(find(&ms, "Brussels").1, "European Union");
}

#[test]
fn names_that_contain_country_names_are_people() {
    let ms = run(
        "Michael Jordan met fans. Jordan Bardella spoke in Paris.",
        d(2022, 1, 10),
    );
    assert!(ms.iter().all(|m| m.1 != "Jordan"), "{ms:#?}");
    assert_eq!(find(&ms, "Michael Jordan").1, "Michael Jordan");
    let ms = run("Chad Smith met Jordan Meloni.", d(2023, 1, 10));
    assert!(
        ms.iter()
            .all(|m| m.2.as_deref() != Some("GEO") && m.2.as_deref() != Some("TCD")),
        "{ms:#?}"
    );
}

#[test]
fn lowercase_words_are_not_countries() {
    let ms = run(
        "Tell us about the turkey you cooked, said the chad.",
        d(2022, 1, 10),
    );
    assert!(ms.is_empty(), "{ms:#?}");
    let ms = run(
        "Russia today rejected it. RT and Russia Today reported.",
        d(2022, 1, 10),
    );
    assert_eq!(ms.iter().filter(|m| m.1 == "RT").count(), 2, "{ms:#?}");
}

#[test]
fn demonyms_adjectives_and_international_bodies() {
    let ms = run("Putin spoke to his German and French counterparts about the OSCE and the UN Security Council.", d(2021, 12, 20));
    for (t, c) in [
        ("German", "DEU"),
        ("French", "FRA"),
        ("OSCE", "IGO"),
        ("UN Security Council", "UNO"),
    ] {
        assert_eq!(find(&ms, t).2.as_deref(), Some(c), "{t}");
    }
}

#[test]
fn nato_officials_are_igo_with_nato_sector() {
    let ms = run(
        "NATO Secretary-General Jens Stoltenberg said allies were united.",
        d(2022, 1, 12),
    );
    let m = find(&ms, "Jens Stoltenberg");
    assert_eq!(
        (m.2.as_deref(), m.3.as_deref()),
        (Some("IGO"), Some("NATO"))
    );
}

#[test]
fn spans_point_into_the_body() {
    let body =
        "On Tuesday, the Kremlin’s spokesman — Dmitry Peskov — said “no”. Élysée officials agreed.";
    let stage = ActorStage::new();
    for m in stage.mentions(body, &[], d(2022, 1, 11)) {
        assert_eq!(&body[m.span.start..m.span.end], m.span.text);
    }
    let ms = run(body, d(2022, 1, 11));
    assert_eq!(find(&ms, "Élysée officials").2.as_deref(), Some("FRA"));
}

#[test]
fn odd_input_does_not_panic() {
    let stage = ActorStage::new();
    for body in [
        "",
        " ",
        "’",
        "He",
        "Mr.",
        "Mr. ",
        "A B C D E F G",
        "…Russia…",
        "\u{0}\u{fffd}ü",
        "Sergei",
        "the the the",
    ] {
        let _ = stage.mentions(body, &[], None);
        let _ = stage.mentions(body, &[Span::new(0, body.len())], d(2022, 1, 1));
    }
}

#[test]
fn seeds_find_every_gold_actor() {
    // Runs only where the shared evaluation data sits beside the repository.
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let gold = root.join("eval/seeds");
    let Ok(dir) = std::fs::read_dir(&gold) else {
        return;
    };
    let stage = ActorStage::new();
    for e in dir.flatten() {
        let p = e.path();
        if !p.to_string_lossy().ends_with(".gold.json") {
            continue;
        }
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let text =
            std::fs::read_to_string(root.join("seeds").join(g["doc"].as_str().unwrap())).unwrap();
        let body = text.split_once('\n').map_or("", |x| x.1).trim_start();
        let date = g["assume_published"]
            .as_str()
            .and_then(|s| NaiveDate::parse_from_str(s, "%Y-%m-%d").ok());
        let names: Vec<String> = stage
            .mentions(body, &[], date)
            .into_iter()
            .map(|m| m.actor.unwrap().name.to_lowercase().replace('’', "'"))
            .collect();
        for a in g["actors"].as_array().unwrap() {
            let mut acc = vec![a["name"].as_str().unwrap().to_lowercase()];
            for x in a["aliases"].as_array().into_iter().flatten() {
                acc.push(x.as_str().unwrap().to_lowercase().replace('’', "'"));
            }
            let hit = names.iter().any(|n| {
                acc.iter().any(|a| {
                    a == n || a.contains(n.as_str()) && n.len() > 3 || n.contains(a.as_str()) || {
                        let (x, y) = (
                            a.rsplit(' ').next().unwrap_or(""),
                            n.rsplit(' ').next().unwrap_or(""),
                        );
                        x == y && x.len() > 3
                    }
                })
            });
            assert!(hit, "{}: gold actor {} not found", g["doc"], acc[0]);
        }
    }
}

/// Precision and recall of unknown-person detection on `people_cases.txt` (the cases the
/// detector was developed on) and `people_heldout.txt` (written afterwards, not tuned on).
#[test]
fn unknown_people_precision_and_recall() {
    let dev = people_scores("development", include_str!("people_cases.txt"));
    assert!(dev.0 >= 100);
    assert!(dev.1 >= 0.85 && dev.2 >= 0.80 && dev.3 >= 0.80, "{dev:?}");
    let held = people_scores("held-out", include_str!("people_heldout.txt"));
    assert!(held.1 >= 0.7 && held.2 >= 0.6, "{held:?}");
}

/// (sentences, precision, recall, attribute accuracy)
fn people_scores(label: &str, cases: &str) -> (usize, f64, f64, f64) {
    let stage = ActorStage::new();
    let (mut tp, mut fp, mut fneg) = (0usize, 0usize, 0usize);
    let (mut attr_ok, mut attr_n) = (0usize, 0usize);
    let mut in_kb = 0usize;
    let mut report = Vec::new();
    let mut n = 0;
    for l in cases.lines() {
        let l = l.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        n += 1;
        let (sentence, expected) = l.rsplit_once('|').unwrap();
        let gold: Vec<(String, String, String)> = expected
            .split(';')
            .map(str::trim)
            .filter(|x| !x.is_empty() && *x != "-")
            .map(|x| {
                let (name, cs) = x.split_once('=').unwrap();
                let (c, s) = cs.split_once('/').unwrap();
                (name.to_string(), c.to_string(), s.to_string())
            })
            .collect();
        let mut pred: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        let mut known: Vec<(String, Option<String>, Option<String>)> = Vec::new();
        for m in stage.mentions(sentence.trim(), &[], d(2023, 6, 1)) {
            let a = m.actor.unwrap();
            if a.kind != "person" || pred.iter().any(|p| p.0 == a.name) {
                continue;
            }
            if a.id.starts_with("local:") {
                pred.push((a.name, a.country, a.sector));
            } else {
                known.push((a.name, a.country, a.sector));
            }
        }
        // A case whose person has since been added to people.txt is found by the knowledge
        // base, not by detection: it leaves the measure and is counted apart.
        let before = gold.len();
        let gold: Vec<_> = gold
            .into_iter()
            .filter(|g| match known.iter().find(|k| k.0 == g.0) {
                Some(k) => {
                    report.push(format!(
                        "in people.txt {}: {}/{} got {:?}/{:?}",
                        g.0, g.1, g.2, k.1, k.2
                    ));
                    false
                }
                None => true,
            })
            .collect();
        in_kb += before - gold.len();
        for p in &pred {
            match gold.iter().find(|g| g.0 == p.0) {
                Some(g) => {
                    tp += 1;
                    for (want, got) in [(&g.1, &p.1), (&g.2, &p.2)] {
                        if want != "?" {
                            attr_n += 1;
                            if got.as_deref() == Some(want.as_str()) {
                                attr_ok += 1;
                            } else {
                                report.push(format!("attr {}: {want} got {got:?}", p.0));
                            }
                        }
                    }
                }
                None => {
                    fp += 1;
                    report.push(format!("false positive {:?} in {sentence:?}", p.0));
                }
            }
        }
        for g in &gold {
            if !pred.iter().any(|p| p.0 == g.0) {
                fneg += 1;
                report.push(format!("missed {:?} in {sentence:?}", g.0));
            }
        }
    }
    let p = tp as f64 / (tp + fp).max(1) as f64;
    let r = tp as f64 / (tp + fneg).max(1) as f64;
    let a = attr_ok as f64 / attr_n.max(1) as f64;
    println!(
        "unknown people ({label}): {n} sentences, precision {:.1} %, recall {:.1} % (tp {tp}, fp {fp}, fn {fneg}); country/sector {:.1} % ({attr_ok}/{attr_n}); {in_kb} people now in people.txt",
        100.0 * p,
        100.0 * r,
        100.0 * a
    );
    for x in &report {
        println!("  {x}");
    }
    (n, p, r, a)
}

#[test]
fn document_actors_merge_mentions_of_one_actor() {
    let stage = ActorStage::new();
    let body = "Sergei Ryabkov met Wendy Sherman. Ryabkov said he was candid. Both sides and NATO allies agreed.";
    let ms = stage.mentions(body, &[], d(2022, 1, 10));
    let actors = document_actors(&ms);
    let r = actors
        .iter()
        .find(|a| a.actor.name == "Sergei Ryabkov")
        .unwrap();
    assert_eq!(r.mentions, 3);
    assert_eq!(r.first, 0);
    assert!(actors
        .iter()
        .any(|a| a.actor.name == "both sides" && a.actor.kind == "group"));
    let allies = actors
        .iter()
        .find(|a| a.actor.kind == "group" && a.actor.sector.as_deref() == Some("NATO"));
    assert!(allies.is_some(), "{actors:#?}");
}

#[test]
fn role_descriptions_refer_back_to_the_person_named_earlier() {
    let body = "Sergey Lavrov met his Chinese counterpart. Later the foreign minister flew home.";
    let ms = run(body, d(2022, 1, 10));
    assert_eq!(find(&ms, "foreign minister").1, "Sergey Lavrov");
    assert_eq!(find(&ms, "his").1, "Sergey Lavrov");
}

#[test]
fn a_country_name_can_be_a_persons_surname() {
    let body = "Representative Jim Jordan questioned the envoy. Jordan said the deal was weak. Jordan's king stayed silent.";
    let ms = run(body, d(2023, 3, 1));
    let jordans: Vec<_> = ms.iter().filter(|m| m.0 == "Jordan").collect();
    // the surname alone is the person; the owner of a king is the country
    assert_eq!(jordans[0].1, "Jim Jordan", "{ms:#?}");
    assert_eq!(find(&ms, "Jordan's king").2.as_deref(), Some("JOR"));
}

/// Pronouns and surnames in the seed articles that refer to gold actors, with their expected
/// resolution (byte offsets into the body, which starts after the headline line).
#[test]
fn seed_pronouns_and_surnames_resolve_to_their_actor() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds");
    type Expect<'a> = (&'a str, &'a str, &'a [(usize, &'a str, &'a str)]);
    let expected: [Expect; 2] = [
        (
            "000_197f8570244cbea7.txt",
            "2021-12-23",
            &[
                (225, "His", "Sergey Lavrov"),
                (275, "Blinken", "Antony Blinken"),
                (393, "he", "Antony Blinken"),
                (479, "He", "Antony Blinken"),
                (965, "he", "Antony Blinken"),
                (1544, "Lavrov", "Sergey Lavrov"),
                (1748, "his", "Vladimir Putin"),
                (2272, "Lavrov", "Sergey Lavrov"),
                (2866, "He", "Vladimir Putin"),
                (3011, "Blinken", "Antony Blinken"),
                (3033, "Price", "Ned Price"),
                (3650, "Putin", "Vladimir Putin"),
            ],
        ),
        (
            "004_e56052e710ab54df.txt",
            "2022-01-13",
            &[
                (161, "Biden", "Joe Biden"),
                (189, "Putin", "Vladimir Putin"),
                (712, "he", "Sergei Ryabkov"),
            ],
        ),
    ];
    let stage = ActorStage::new();
    for (doc, date, cases) in expected {
        let Ok(text) = std::fs::read_to_string(root.join(doc)) else {
            return;
        };
        let body = text.split_once('\n').map_or("", |x| x.1).trim_start();
        let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok();
        let ms = stage.mentions(body, &[], date);
        for (at, text, name) in cases {
            let m = ms
                .iter()
                .find(|m| m.span.start == *at)
                .unwrap_or_else(|| panic!("{doc}: nothing at {at} ({text})"));
            assert_eq!(m.span.text, *text, "{doc} at {at}");
            assert_eq!(m.actor.as_ref().unwrap().name, *name, "{doc} at {at}");
        }
        // "(T)he world" holds no pronoun.
        assert!(ms
            .iter()
            .all(|m| m.span.text != "he" || !body[..m.span.start].ends_with(')')));
    }
}

#[test]
fn ner_names_are_resolved_like_pattern_names() {
    let stage = ActorStage::new();
    let body = "Negotiator Zhou Hanmin met Sergei Ryabkov. Zhou said little.";
    let at = body.find("Zhou Hanmin").unwrap();
    let ms = stage.mentions_with(
        body,
        &[],
        d(2022, 1, 10),
        &[Span::new(at, at + "Zhou Hanmin".len())],
    );
    let z: Vec<_> = ms
        .iter()
        .filter(|m| m.actor.as_ref().unwrap().name == "Zhou Hanmin")
        .collect();
    assert_eq!(z.len(), 2, "{ms:#?}");
    assert_eq!(z[0].found_by, "ner");
    assert_eq!(z[0].actor.as_ref().unwrap().sector.as_deref(), Some("GOV"));
    // A span over a knowledge-base name keeps the knowledge-base reading.
    let at = body.find("Sergei Ryabkov").unwrap();
    let ms = stage.mentions_with(body, &[], d(2022, 1, 10), &[Span::new(at, at + 14)]);
    assert!(ms
        .iter()
        .any(|m| m.actor.as_ref().unwrap().id == "sergei-ryabkov"));
}

#[test]
fn pronouns_prefer_the_subject_and_skip_relative_clauses() {
    let ms = run(
        "Vladimir Putin met Emmanuel Macron in Moscow. He said the talks were useful.",
        d(2022, 2, 8),
    );
    assert_eq!(find(&ms, "He").1, "Vladimir Putin");
    let ms = run(
        "Secretary of State Marco Rubio, who met Hakan Fidan and Rustem Umerov earlier, said he expected no breakthrough.",
        d(2025, 5, 16),
    );
    assert_eq!(find(&ms, "he").1, "Marco Rubio");
}

#[test]
fn a_possessive_owner_reaches_over_adjectives() {
    let ms = run(
        "Gen. Alexus Grynkewich, NATO's supreme allied commander, briefed lawmakers.",
        d(2025, 10, 1),
    );
    let m = find(&ms, "Alexus Grynkewich");
    assert_eq!(
        (m.2.as_deref(), m.3.as_deref()),
        (Some("IGO"), Some("NATO"))
    );
}

/// Pseudo-random text made of pieces that exercise every rule: no input may panic, and every
/// span must be body text.
#[test]
fn random_text_does_not_panic() {
    let pieces = [
        "Russia",
        "’s",
        " ",
        "  ",
        "\n",
        ",",
        ".",
        "“",
        "”",
        "(",
        ")",
        "Mr.",
        "Sergei",
        "Ryabkov",
        "he",
        "He",
        "his",
        "Deputy Foreign Minister",
        "spokesman",
        "officials",
        "Élysée",
        "Kyiv",
        "Georgia",
        "Jordan",
        "in",
        "the",
        "Monday",
        "Dec.",
        "21",
        "2022",
        "last",
        "week",
        "a day after",
        "…",
        "—",
        "ü",
        "日本",
        "Brussels",
        "NATO",
        "’",
        "'",
        "Price",
        "who",
        "led",
        "US",
        "delegation",
        "JustPatriots.com",
        "of",
        "Li",
        "Hui",
        "é",
        "\u{200b}",
        "Jan",
        "10-12",
        "mid-",
        "for",
        "three",
        "days",
    ];
    let stage = ActorStage::new();
    let mut x: u64 = 0x9e3779b97f4a7c15;
    for _ in 0..1500 {
        let mut body = String::new();
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let n = ((x >> 40) % 40) as usize;
        for _ in 0..n {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            body.push_str(pieces[(x >> 33) as usize % pieces.len()]);
            if x & 1 == 0 {
                body.push(' ');
            }
        }
        for m in stage.mentions(&body, &[], d(2022, 1, 13)) {
            assert_eq!(&body[m.span.start..m.span.end], m.span.text);
        }
        for t in crate::time::time_expressions(&body, d(2022, 1, 13)) {
            assert_eq!(&body[t.span.start..t.span.end], t.span.text);
        }
    }
}

#[test]
fn the_stage_can_be_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<ActorStage>();
}

#[test]
fn sides_and_allies_are_groups() {
    let ms = run(
        "The Russian side said the allies had ignored its demands.",
        d(2022, 1, 13),
    );
    let m = find(&ms, "Russian side");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("RUS"), Some("GOV")));
    assert_eq!(find(&ms, "the allies").1, "the allies");
}

#[test]
fn a_users_copy_of_the_knowledge_base_is_read_and_checked() {
    let dir = std::env::temp_dir().join(format!("parley-kb-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let people = format!(
        "{}\nzoltan-example | Zoltan Example | Example | HUN | GOV | FM | Foreign Minister of Hungary | 2030-01-01 |\n",
        kb::KbSources::builtin().people
    );
    std::fs::write(dir.join("people.txt"), people).unwrap();
    let stage = ActorStage::from_dir(&dir).unwrap();
    let ms = stage.mentions("Example said no.", &[], d(2031, 1, 1));
    assert_eq!(ms[0].actor.as_ref().unwrap().name, "Zoltan Example");
    // A user's own organisations without one that the built-in descriptions.txt names: the
    // built-in descriptions are left out, not an error.
    let orgs: String = kb::KbSources::builtin()
        .organizations
        .lines()
        .filter(|l| !l.starts_with("ECOWAS |"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.join("organizations.txt"), orgs).unwrap();
    assert!(ActorStage::from_dir(&dir).is_ok());
    // A broken line is reported with its file and line number.
    std::fs::write(dir.join("roles.txt"), "envoy | ENVOY | GOV\n").unwrap();
    let e = ActorStage::from_dir(&dir).unwrap_err();
    assert!(e.to_string().starts_with("roles.txt:1:"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// (text, id, country) of the mentions whose actor id ends in `sector`.
fn agents(body: &str, sector: &str) -> Vec<(String, String, Option<String>)> {
    ActorStage::new()
        .mentions(body, &[], d(2024, 5, 1))
        .into_iter()
        .filter_map(|m| {
            let a = m.actor?;
            (a.kind == "group" && a.sector.as_deref() == Some(sector))
                .then(|| (m.span.text, a.id, a.country))
        })
        .collect()
}

#[test]
fn agent_nouns_without_an_owner_are_countryless_groups() {
    let ms = agents("Rebels attacked the town before the police arrived.", "REB");
    assert_eq!(ms, vec![("Rebels".into(), "---REB".into(), None)]);
    let ms = agents("Rebels attacked the town before the police arrived.", "COP");
    assert_eq!(ms, vec![("police".into(), "---COP".into(), None)]);
    // a head noun that is no agent takes the agent noun before it: "rebel leaders"
    let ms = agents("The rebel leaders met in the jungle.", "REB");
    assert_eq!(ms[0].0, "rebel leaders");
    // general role words are no party on their own
    assert!(ActorStage::new()
        .mentions("Officials and experts said people were afraid.", &[], None)
        .is_empty());
}

#[test]
fn agent_nouns_take_the_country_an_owner_or_a_preposition_names() {
    let rows = |body: &str, sector: &str| -> Vec<(String, Option<String>)> {
        agents(body, sector)
            .into_iter()
            .map(|(t, _, c)| (t, c))
            .collect()
    };
    let syr = Some("SYR".to_string());
    assert_eq!(
        rows("Syria's rebels fled.", "REB"),
        vec![("Syria's rebels".into(), syr.clone())]
    );
    assert_eq!(
        rows("Syrian rebels fled.", "REB"),
        vec![("Syrian rebels".into(), syr.clone())]
    );
    // adjectives between a demonym and the agent noun, but no verb
    assert_eq!(
        rows("Irish nationalist guerrillas wounded two men.", "REB"),
        vec![("Irish nationalist guerrillas".into(), Some("IRL".into()))]
    );
    assert_eq!(
        rows("Syria said rebels fled.", "REB"),
        vec![("rebels".into(), None)]
    );
    assert_eq!(
        rows("The US helped dissidents from war-torn Syria.", "OPP"),
        vec![("dissidents".into(), syr.clone())]
    );
    assert_eq!(
        rows("Protesters in Cairo blocked a road.", "OPP"),
        vec![("Protesters".into(), Some("EGY".into()))]
    );
    assert_eq!(
        rows("Troops loyal to Assad shelled the town.", "MIL"),
        vec![("Troops".into(), syr.clone())]
    );
    // troops "in" a country are as often foreign troops
    assert_eq!(
        rows("Troops in Syria fired.", "MIL"),
        vec![("Troops".into(), None)]
    );
}

#[test]
fn agent_nouns_before_a_noun_or_inside_a_word_are_no_party() {
    for body in [
        "The US offered military support to the region.",
        "Insurgents shelled a government-held district.",
        "The Islamic State militant group seized the town.",
        "A bomb exploded near a police station.",
        "The rebel Revolutionary United Front returned weapons.",
        "Anti-government marches went on.",
    ] {
        let ms = ActorStage::new().mentions(body, &[], None);
        let parties: Vec<&str> = ms
            .iter()
            .filter(|m| m.actor.as_ref().is_some_and(|a| a.id.starts_with("---")))
            .map(|m| m.span.text.as_str())
            .filter(|t| !t.eq_ignore_ascii_case("insurgents"))
            .collect();
        assert!(parties.is_empty(), "{body}: {parties:?}");
    }
    // the subject's own forces: after a verb of moving forces or a possessive pronoun
    for body in [
        "Poland is willing to send troops to help Ukraine.",
        "Russia refused to commit to pulling back 3,000 more troops.",
        "The country said its soldiers would stay.",
    ] {
        assert!(agents(body, "MIL").is_empty(), "{body}");
    }
    // the same words as heads of their noun phrase are parties
    assert_eq!(
        agents("The military said it would withdraw.", "MIL").len(),
        1
    );
    assert_eq!(
        agents("The government, in a statement, denied it.", "GOV").len(),
        1
    );
}

#[test]
fn a_possessive_or_demonym_country_owns_a_generic_institution() {
    let ms = run("Mexico's Congress rejected the plan.", d(2024, 5, 1));
    let m = find(&ms, "Mexico's Congress");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("MEX"), Some("LEG")));
    let ms = run("The Rwandan senate approved it.", d(2024, 5, 1));
    let m = find(&ms, "Rwandan senate");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("RWA"), Some("LEG")));
    // alone, the one-word name is still the knowledge base's institution
    let ms = run("Congress approved the aid.", d(2024, 5, 1));
    assert_eq!(find(&ms, "Congress").2.as_deref(), Some("USA"));
}

#[test]
fn a_lowercase_name_after_a_title_is_a_known_person_only() {
    let ms = run(
        "president obama called prime minister netanyahu.",
        d(2012, 5, 1),
    );
    assert_eq!(find(&ms, "obama").1, "Barack Obama");
    assert_eq!(find(&ms, "netanyahu").2.as_deref(), Some("ISR"));
    // an unknown word after a title is no name
    let ms = run(
        "The president himself said the minister agreed.",
        d(2012, 5, 1),
    );
    assert!(
        ms.iter()
            .all(|m| m.4 != "pattern" || m.0.contains("president")),
        "{ms:?}"
    );
    assert!(ms.iter().all(|m| m.0 != "himself"), "{ms:?}");
}

#[test]
fn a_legislature_named_by_a_lower_case_word_is_a_countryless_agent() {
    let ms = agents("The bill was blocked by congress and parliament.", "LEG");
    let ids: Vec<&str> = ms.iter().map(|m| m.1.as_str()).collect();
    assert_eq!(ids, vec!["---LEG", "---LEG"]);
    assert!(agents("Crowds gathered at the parliament building.", "LEG").is_empty());
    // the capitalised one-word name is the knowledge base's
    assert_eq!(
        find(&run("Congress voted.", None), "Congress").2.as_deref(),
        Some("USA")
    );
}

#[test]
fn an_office_title_after_a_country_is_that_countrys_office() {
    // No date: no one is known to hold the office, so the office itself is the actor.
    let ms = run("The US Secretary of state wants to help Israel.", None);
    let m = find(&ms, "US Secretary of state");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("USA"), Some("GOV")));
    let ms = run("The Israeli ambassador met Japan's envoy on Monday.", None);
    assert_eq!(find(&ms, "Israeli ambassador").2.as_deref(), Some("ISR"));
    assert_eq!(find(&ms, "Japan's envoy").2.as_deref(), Some("JPN"));
    let ms = run("NATO's secretary general spoke.", None);
    let m = find(&ms, "NATO's secretary general");
    assert_eq!(
        (m.2.as_deref(), m.3.as_deref()),
        (Some("IGO"), Some("NATO"))
    );
}

#[test]
fn an_office_with_a_known_holder_is_that_person() {
    let ms = run("The Russian foreign minister said so.", d(2022, 1, 11));
    let m = find(&ms, "Russian foreign minister");
    assert_eq!(m.1, "Sergey Lavrov");
}

#[test]
fn an_indefinite_title_names_no_office() {
    let ms = run("A French minister threatened Germany.", None);
    assert!(ms.iter().all(|m| m.0 != "French minister"), "{ms:#?}");
    // a person's title is left to coreference
    let ms = run("Putin's spokesman said so.", None);
    assert!(ms.iter().all(|m| m.0 != "Putin's spokesman"), "{ms:#?}");
}

#[test]
fn a_titled_person_of_a_country_is_that_countrys() {
    let ms = run(
        "President Jacques Chirac of France met Prime Minister Ahmed Nazif of Egypt in Paris.",
        None,
    );
    let m = find(&ms, "Jacques Chirac");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("FRA"), Some("GOV")));
    assert_eq!(find(&ms, "Ahmed Nazif").2.as_deref(), Some("EGY"));
    // without a title, "of" may be anything ("the memoirs of Smith of Lebanon")
    let ms = run("Jacques Chirac of France spoke.", None);
    assert_eq!(find(&ms, "Jacques Chirac").2, None);
}

#[test]
fn un_agencies_are_known_by_their_names() {
    let ms = run(
        "The International Labor Office (ILO) reiterated its demand that Israel ease curbs.",
        None,
    );
    assert_eq!(
        find(&ms, "International Labor Office").2.as_deref(),
        Some("UNO")
    );
    assert_eq!(find(&ms, "ILO").1, "International Labour Organization");
}

#[test]
fn a_title_before_a_second_name_is_that_names_title() {
    let ms = run("President Chirac met King Abdullah.", None);
    assert_eq!(find(&ms, "Abdullah").1, "Abdullah", "{ms:#?}");
    assert!(ms.iter().all(|m| m.0 != "King"), "{ms:#?}");
}

#[test]
fn a_portfolio_between_owner_and_title_keeps_the_owner() {
    let ms = run(
        "Dutch Trade Minister Pieter Maes said the rules were unfair. \
         China's Commerce Ministry condemned the decision.",
        d(2024, 10, 9),
    );
    assert_eq!(find(&ms, "Pieter Maes").2.as_deref(), Some("NLD"));
    assert_eq!(
        find(&ms, "China's Commerce Ministry").2.as_deref(),
        Some("CHN")
    );
}

#[test]
fn the_minister_is_the_last_named_minister_of_any_portfolio() {
    let ms = run(
        "Kenyan President Amani Otieno met Ugandan Foreign Minister Joseph Okello. \
         The minister said Kampala would reopen the border.",
        d(2024, 5, 1),
    );
    let m = find(&ms, "minister");
    assert_eq!(
        (m.1.as_str(), m.2.as_deref()),
        ("Joseph Okello", Some("UGA"))
    );
}

#[test]
fn a_counterpart_is_a_title_with_the_country_before_it() {
    let ms = run(
        "Armenia's foreign minister said he would meet his Azerbaijani counterpart \
         Rauf Mammadov next week.",
        d(2024, 5, 14),
    );
    assert_eq!(find(&ms, "Rauf Mammadov").2.as_deref(), Some("AZE"));
}

#[test]
fn us_executive_departments_are_american() {
    let ms = run(
        "The Commerce Department added the firms to its list, and the Justice Department \
         charged two executives.",
        d(2024, 10, 9),
    );
    assert_eq!(find(&ms, "Commerce Department").2.as_deref(), Some("USA"));
    assert_eq!(find(&ms, "Justice Department").2.as_deref(), Some("USA"));
}

#[test]
fn a_firm_or_outlet_named_after_a_place_keeps_its_country_with_its_sector() {
    let ms = run(
        "Qatar Airways ordered ten jets. The Kyiv Post reported the strike. \
         Air India cancelled flights to Toronto.",
        d(2024, 5, 1),
    );
    let qatar = find(&ms, "Qatar Airways");
    assert_eq!(
        (qatar.2.as_deref(), qatar.3.as_deref()),
        (Some("QAT"), Some("BUS"))
    );
    let post = find(&ms, "Kyiv Post");
    assert_eq!(
        (post.2.as_deref(), post.3.as_deref()),
        (Some("UKR"), Some("MED"))
    );
    let air = find(&ms, "Air India");
    assert_eq!(
        (air.2.as_deref(), air.3.as_deref()),
        (Some("IND"), Some("BUS"))
    );
}

#[test]
fn a_place_in_an_events_name_is_no_party() {
    let ms = run(
        "The Georgia Technology Summit will take place in April. \
         She won the Australian Open twice.",
        d(2024, 5, 1),
    );
    assert!(
        ms.iter().all(|m| m.0 != "Georgia" && m.0 != "Australian"),
        "{ms:#?}"
    );
}

#[test]
fn a_state_body_ending_in_another_word_stays_the_state() {
    let ms = run(
        "The Russian Energy Ministry said gas exports rose. Georgia signed the accord. \
         Officials of the United Arab Emirates met the Emirates airline's chief.",
        d(2024, 5, 1),
    );
    let russian = find(&ms, "Russian");
    assert_eq!(russian.2.as_deref(), Some("RUS"));
    assert_ne!(russian.3.as_deref(), Some("BUS"));
    assert_eq!(find(&ms, "Georgia").2.as_deref(), Some("GEO"));
    assert_eq!(find(&ms, "United Arab Emirates").2.as_deref(), Some("ARE"));
    assert!(ms.iter().all(|m| m.0 != "Emirates"), "{ms:#?}");
}

#[test]
fn he_or_she_opening_an_appositive_name_after_a_title_is_a_surname() {
    let ms = run(
        "Beijing protested on Monday. A Chinese foreign ministry spokeswoman, He Yongqian, said the visit was a provocation.",
        d(2023, 3, 1),
    );
    let m = find(&ms, "He Yongqian");
    assert_eq!(m.2.as_deref(), Some("CHN"));
    assert!(!ms.iter().any(|m| m.0 == "He"), "{ms:#?}");
    // A pronoun after a title and a comma is followed by a verb, and stays a pronoun.
    let ms = run(
        "Sergei Ryabkov met the Chinese ambassador. Asked about the ambassador, He said little.",
        d(2023, 3, 1),
    );
    assert!(!ms.iter().any(|m| m.0.starts_with("He ")), "{ms:#?}");
}

#[test]
fn congo_is_the_democratic_republic_unless_the_article_names_brazzaville() {
    let country = |body: &str, text: &str| {
        run(body, d(2025, 2, 1))
            .iter()
            .find(|m| m.0 == text)
            .and_then(|m| m.2.clone())
    };
    let drc = "Congo accused Rwanda of arming the rebels. Congolese troops withdrew from the town.";
    assert_eq!(country(drc, "Congo").as_deref(), Some("COD"));
    assert_eq!(country(drc, "Congolese").as_deref(), Some("COD"));
    // The Republic of Congo named anywhere in the article, or its capital.
    let cog = "The Republic of Congo held an election on Sunday. Congo's president was re-elected.";
    assert_eq!(country(cog, "Congo").as_deref(), Some("COG"));
    let cog = "Officials in Brazzaville met the envoy. A Congolese minister called for calm.";
    assert_eq!(country(cog, "Congolese").as_deref(), Some("COG"));
    // "Republic of Congo" inside "Democratic Republic of Congo" is no cue for Brazzaville.
    let drc = "The Democratic Republic of Congo signed the deal. Congo will receive aid.";
    assert_eq!(country(drc, "Congo").as_deref(), Some("COD"));
}

#[test]
fn a_one_word_organisation_name_after_name_words_is_a_surname() {
    let ms = run(
        "Foreign Minister Therese Kayikwamba Wagner criticised the deal.",
        d(2025, 2, 1),
    );
    assert_eq!(
        find(&ms, "Therese Kayikwamba Wagner").1,
        "Therese Kayikwamba Wagner"
    );
    assert!(ms.iter().all(|m| m.1 != "Wagner Group"), "{ms:#?}");
    // Alone, or before a noun, the name is still the organisation.
    let ms = run("Wagner fighters entered the town.", d(2023, 1, 10));
    assert_eq!(find(&ms, "Wagner").1, "Wagner Group");
}

#[test]
fn un_missions_are_un_bodies() {
    let ms = run(
        "MONUSCO said its patrols were attacked. UNIFIL reported shelling near its base.",
        d(2024, 5, 1),
    );
    assert_eq!(find(&ms, "MONUSCO").2.as_deref(), Some("UNO"));
    assert_eq!(find(&ms, "UNIFIL").2.as_deref(), Some("UNO"));
}

#[test]
fn brussels_is_the_eu_in_an_article_that_names_the_eu() {
    let body = "The European Union opened an inquiry into Chinese steel. \
                Beijing urged Brussels to drop the case.";
    assert_eq!(
        find(&run(body, d(2024, 5, 1)), "Brussels").1,
        "European Union"
    );
    // with no cue in the article, the Belgian government
    let body = "Beijing urged Brussels to release the Chinese journalist.";
    assert_eq!(
        find(&run(body, d(2024, 5, 1)), "Brussels").2.as_deref(),
        Some("BEL")
    );
}

#[test]
fn regional_groups_named_by_their_members_are_the_organisation() {
    let ms = run(
        "West African leaders met in Abuja. Gulf states and Southeast Asian nations condemned the coup.",
        d(2023, 8, 1),
    );
    assert_eq!(find(&ms, "West African leaders").1, "ECOWAS");
    assert_eq!(find(&ms, "Gulf states").1, "Gulf Cooperation Council");
    assert_eq!(find(&ms, "Southeast Asian nations").1, "ASEAN");
    // not "the West": the longer description wins
    let ms = run(
        "The West African bloc imposed sanctions on Mali.",
        d(2023, 8, 1),
    );
    assert_eq!(find(&ms, "The West African bloc").1, "ECOWAS");
}

#[test]
fn the_two_delegations_are_both_sides() {
    let ms = run("The two delegations met in Doha.", d(2023, 8, 1));
    assert_eq!(find(&ms, "The two delegations").1, "both sides");
}

#[test]
fn a_level_of_government_stands_between_owner_and_institution() {
    let ms = run(
        "The Texas state government and Canada's provincial government met the German federal government.",
        d(2022, 1, 10),
    );
    for (text, country) in [
        ("Texas state government", "USA"),
        ("Canada's provincial government", "CAN"),
        ("German federal government", "DEU"),
    ] {
        let m = find(&ms, text);
        assert_eq!(
            (m.2.as_deref(), m.3.as_deref()),
            (Some(country), Some("GOV"))
        );
    }
}

#[test]
fn regional_adjectives_give_their_country() {
    let ms = run(
        "Bavarian police and the Flemish government answered the Scottish ministers and Quebecois officials.",
        d(2022, 1, 10),
    );
    for (text, country, sector) in [
        ("Bavarian police", "DEU", "COP"),
        ("Flemish government", "BEL", "GOV"),
        ("Quebecois officials", "CAN", "GOV"),
    ] {
        let m = find(&ms, text);
        assert_eq!(
            (m.2.as_deref(), m.3.as_deref()),
            (Some(country), Some(sector))
        );
    }
}

#[test]
fn us_agencies_are_known_by_their_acronyms() {
    let ms = run(
        "ICE agents, USAID and USCIS answered the Coast Guard and the Drug Enforcement Administration.",
        d(2022, 1, 10),
    );
    for (text, sector) in [
        ("ICE", "COP"),
        ("USAID", "GOV"),
        ("USCIS", "GOV"),
        ("Drug Enforcement Administration", "COP"),
    ] {
        let m = find(&ms, text);
        assert_eq!(
            (m.2.as_deref(), m.3.as_deref()),
            (Some("USA"), Some(sector)),
            "{text}"
        );
    }
}

#[test]
fn domestic_regulators_are_no_actors() {
    // "FDA warns", "CDC sources": everyday acts of domestic regulators are no political events
    let ms = run(
        "The FDA warned that CDC data and EPA rules were late.",
        d(2022, 1, 10),
    );
    for text in ["FDA", "CDC", "EPA"] {
        assert!(ms.iter().all(|m| m.0 != text), "{text} is a mention");
    }
}

#[test]
fn another_countrys_foreign_office_and_high_court_are_its_own() {
    let ms = run(
        "Pakistan's Foreign Office summoned the envoy after the Kenyan High Court ruled. The Foreign Office said nothing.",
        d(2022, 1, 10),
    );
    let m = find(&ms, "Pakistan's Foreign Office");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("PAK"), Some("GOV")));
    let m = find(&ms, "Kenyan High Court");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("KEN"), Some("JUD")));
    assert_eq!(find(&ms, "Foreign Office").2.as_deref(), Some("GBR"));
}

#[test]
fn governors_mayors_and_ranks_before_a_name_give_its_country() {
    let ms = run(
        "Ohio Gov. Mike DeWine met the Colombian Sergeant Pablo Moncayo and Russian Lt. Gen. Oleg Sidorov.",
        d(2022, 1, 10),
    );
    for (text, country, sector) in [
        ("Mike DeWine", "USA", "GOV"),
        ("Pablo Moncayo", "COL", "MIL"),
        ("Oleg Sidorov", "RUS", "MIL"),
    ] {
        let m = find(&ms, text);
        assert_eq!(
            (m.2.as_deref(), m.3.as_deref()),
            (Some(country), Some(sector)),
            "{text}"
        );
    }
    let ms = run(
        "The Kabul mayor and Nigerian governors spoke.",
        d(2022, 1, 10),
    );
    let m = find(&ms, "Nigerian governors");
    assert_eq!((m.2.as_deref(), m.3.as_deref()), (Some("NGA"), Some("GOV")));
}
