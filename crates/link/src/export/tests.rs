use super::*;
use crate::test_store::analysed_store;
use parley_analyze::events::export::GDELT_COLUMNS;
use parley_core::{Document, EventStatus, Report};

/// The export, its summary, and the documents as stored (their JSON is what an export writes;
/// floats may differ from the analysed documents in the last bit after a store round trip).
fn exported(format: ExportFormat, selection: &Selection) -> (String, ExportSummary, Vec<Document>) {
    let (_d, mut store, docs) = analysed_store();
    let mut out = Vec::new();
    let summary = export(store.as_mut(), format, selection, &mut out).unwrap();
    let stored = docs
        .iter()
        .map(|d| store.get(&d.id).unwrap().unwrap().document)
        .collect();
    (String::from_utf8(out).unwrap(), summary, stored)
}

/// Each document's JSON.
fn json_of(docs: &[Document]) -> Vec<String> {
    docs.iter()
        .map(|d| serde_json::to_string(d).unwrap())
        .collect()
}

#[test]
fn json_reads_back_as_the_report_of_every_article() {
    let (text, summary, docs) = exported(ExportFormat::Json, &Selection::All);
    let report: Report = serde_json::from_str(&text).unwrap();
    let ids: Vec<&str> = report.documents.iter().map(|d| d.id.as_str()).collect();
    let expected: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, expected);
    assert_eq!(
        text,
        format!("{{\"documents\": [\n{}\n]}}\n", json_of(&docs).join(",\n"))
    );
    assert_eq!((summary.articles, summary.records), (4, 4));
}

#[test]
fn jsonl_reads_back_line_by_line() {
    let (text, summary, docs) = exported(ExportFormat::Jsonl, &Selection::All);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines, json_of(&docs));
    for (line, doc) in lines.iter().zip(&docs) {
        let back: Document = serde_json::from_str(line).unwrap();
        assert_eq!(
            (&back.id, &back.text, back.published),
            (&doc.id, &doc.text, doc.published)
        );
    }
    assert_eq!(summary.records, 4);
}

#[test]
fn csv_reads_back_with_the_csv_crate_one_row_per_annotation() {
    let (text, summary, docs) = exported(ExportFormat::Csv, &Selection::All);
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, CSV_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let expected: usize = docs
        .iter()
        .map(|d| {
            parley_store::rows::annotation_rows(&d.analysis)
                .unwrap()
                .len()
        })
        .sum();
    assert_eq!((records.len(), summary.records), (expected, expected));
    // A quote row: its offsets point at its text in the article's body, commas and quotes
    // inside the text survive.
    let quote = records.iter().find(|r| &r[5] == "quotes").unwrap();
    let doc = docs.iter().find(|d| d.id == quote[0]).unwrap();
    let (start, end): (usize, usize) = (quote[7].parse().unwrap(), quote[8].parse().unwrap());
    assert_eq!(&doc.text[start..end], &quote[9]);
    assert_eq!(&quote[1], doc.outlet.as_deref().unwrap());
    let data: serde_json::Value = serde_json::from_str(&quote[18]).unwrap();
    assert!(data.get("kind").is_some(), "{data}");
}

#[test]
fn gdelt_rows_have_the_61_columns_of_the_event_table() {
    let (text, summary, docs) = exported(ExportFormat::Gdelt, &Selection::All);
    let lines: Vec<&str> = text.lines().collect();
    let occurred = docs
        .iter()
        .flat_map(|d| &d.analysis.events)
        .filter(|e| e.status == EventStatus::Occurred && e.source.is_some())
        .count();
    assert!(occurred > 0);
    assert_eq!((lines.len(), summary.records), (occurred, occurred));
    for (i, line) in lines.iter().enumerate() {
        let cols: Vec<&str> = line.split('\t').collect();
        assert_eq!(cols.len(), GDELT_COLUMNS.len(), "{line}");
        assert_eq!(
            cols[0],
            (i + 1).to_string(),
            "GLOBALEVENTIDs run on across articles"
        );
        assert_eq!(
            cols[59].len(),
            14,
            "DATEADDED is YYYYMMDDHHMMSS: {}",
            cols[59]
        );
        assert!(cols[60].starts_with("https://"), "SOURCEURL: {}", cols[60]);
        assert!(cols[1].starts_with("2022011"), "SQLDATE: {}", cols[1]);
    }
}

#[test]
fn plover_records_carry_the_required_fields() {
    let (text, summary, _) = exported(ExportFormat::Plover, &Selection::All);
    assert!(summary.records > 0);
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        for field in [
            "id",
            "date",
            "event_type",
            "mode",
            "actor",
            "recipient",
            "text",
        ] {
            assert!(v.get(field).is_some(), "{field} missing: {line}");
        }
        assert!(v["event_type"].as_str().is_some_and(|t| !t.is_empty()));
        assert!(v["actor"].is_array() && v["recipient"].is_array());
    }
}

#[test]
fn citron_objects_carry_the_body_and_its_quotes() {
    let (text, summary, docs) = exported(ExportFormat::Citron, &Selection::All);
    assert_eq!(summary.records, 4);
    for (line, doc) in text.lines().zip(&docs) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert_eq!(v["text"], doc.text.as_str());
        assert_eq!(v["id"], doc.id.as_str());
        let quotes = v["quotes"].as_array().unwrap();
        assert_eq!(
            quotes.len(),
            doc.analysis.quotes.iter().filter(|q| !q.scare).count()
        );
        for q in quotes {
            assert!(
                q["contents"].as_array().is_some_and(|c| !c.is_empty()),
                "{q}"
            );
        }
    }
}

#[test]
fn a_selection_exports_its_articles_in_order_and_names_the_missing() {
    let (_d, mut store, _) = analysed_store();
    let docs: Vec<Document> = crate::test_store::analysed_documents()
        .iter()
        .map(|d| store.get(&d.id).unwrap().unwrap().document)
        .collect();
    let ids = vec![
        docs[2].id.clone(),
        "0000000000000000".into(),
        docs[0].id.clone(),
    ];
    let mut out = Vec::new();
    let summary = export(
        store.as_mut(),
        ExportFormat::Jsonl,
        &Selection::Articles(ids),
        &mut out,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines, json_of(&[docs[2].clone(), docs[0].clone()]));
    assert_eq!(summary.missing, vec!["0000000000000000"]);
}
