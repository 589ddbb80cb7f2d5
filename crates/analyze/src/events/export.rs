//! Exports: GDELT 2.0 event table rows (TSV) and PLOVER JSON records.

use parley_core::{Event, EventActor, EventStatus};
use serde_json::{json, Value};

/// The 61 GDELT 2.0 event table columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// The header line of a GDELT event TSV.
pub fn gdelt_header() -> String {
    GDELT_COLUMNS.join("\t")
}

fn clean(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

fn actor_cols(a: Option<&EventActor>) -> [String; 10] {
    let mut cols: [String; 10] = Default::default();
    if let Some(a) = a {
        let country = a.country.clone().unwrap_or_default();
        let sector = a.sector.clone().unwrap_or_default();
        cols[0] = format!("{country}{sector}");
        cols[1] = clean(&a.name).to_uppercase();
        cols[2] = country;
        cols[7] = sector;
    }
    cols
}

/// One GDELT 2.0 event row per event that occurred (other statuses are not events in GDELT's
/// sense); `id` numbers the rows from `first_id`. Geography, tone and counts are left empty or 1.
pub fn gdelt_rows(
    events: &[Event],
    first_id: u64,
    source_url: &str,
    date_added: &str,
) -> Vec<String> {
    events
        .iter()
        .filter(|e| e.status == EventStatus::Occurred && e.source.is_some())
        .enumerate()
        .map(|(k, e)| {
            let (sqldate, monthyear, year, fraction) = match e.date {
                Some(d) => {
                    use chrono::Datelike;
                    let frac = d.year() as f64 + (d.ordinal0() as f64) / 365.0;
                    (
                        d.format("%Y%m%d").to_string(),
                        d.format("%Y%m").to_string(),
                        d.format("%Y").to_string(),
                        format!("{frac:.4}"),
                    )
                }
                None => Default::default(),
            };
            let mut row: Vec<String> = vec![
                (first_id + k as u64).to_string(),
                sqldate,
                monthyear,
                year,
                fraction,
            ];
            row.extend(actor_cols(e.source.as_ref()));
            row.extend(actor_cols(e.target.as_ref()));
            let base = e.code.get(..3).unwrap_or(&e.code).to_string();
            row.extend([
                "1".to_string(),
                e.code.clone(),
                base,
                e.root.clone(),
                e.quad_class.to_string(),
                format!("{:.1}", e.goldstein),
                "1".into(),
                "1".into(),
                "1".into(),
                String::new(),
            ]);
            row.extend(std::iter::repeat_n(String::new(), 24));
            row.push(date_added.to_string());
            row.push(clean(source_url));
            row.join("\t")
        })
        .collect()
}

fn plover_actor(a: &EventActor) -> Value {
    json!({
        "actorText": a.name,
        "code": a.country,
        "sector": a.sector,
        "actor_id": a.actor_id,
    })
}

/// PLOVER records: one per event with a PLOVER category; the per-direction records of a
/// reciprocal event collapse into one record with all parties as actors and no recipient.
pub fn plover_records(events: &[Event], doc_id: &str) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    let mut seen: Vec<(String, usize, Vec<String>)> = Vec::new();
    for e in events {
        let Some(p) = &e.plover else { continue };
        let actors: Vec<&EventActor> = if e.reciprocal {
            e.sources.iter().collect()
        } else {
            e.source.iter().collect()
        };
        let mut key_parties: Vec<String> = actors.iter().map(|a| a.name.clone()).collect();
        if !e.reciprocal {
            key_parties.extend(e.target.iter().map(|a| format!("->{}", a.name)));
        }
        key_parties.sort();
        let key = (
            e.code.clone(),
            e.trigger.as_ref().map_or(e.evidence.start, |t| t.start),
            key_parties,
        );
        if seen.contains(&key) {
            continue;
        }
        seen.push(key);
        let recipients: Vec<Value> = if e.reciprocal {
            Vec::new()
        } else {
            e.target.iter().map(plover_actor).collect()
        };
        out.push(json!({
            "id": format!("{doc_id}-{}", out.len() + 1),
            "date": e.date.map(|d| d.to_string()),
            "event_type": p.category,
            "mode": p.mode,
            "cameo": e.code,
            "actor": actors.iter().map(|a| plover_actor(a)).collect::<Vec<_>>(),
            "recipient": recipients,
            "status": e.status,
            "text": e.evidence.text,
            "evidence": {"start": e.evidence.start, "end": e.evidence.end},
            "trigger": e.trigger.as_ref().map(|t| t.text.clone()),
            "reported_by": e.reported_by,
        }));
    }
    out
}
