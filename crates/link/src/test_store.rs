//! Stores for the tests: a few short articles from three outlets about the same talks, run
//! through the standard analysis pipeline and stored in a SQLite file.

use chrono::NaiveDate;
use parley_analyze::Pipeline;
use parley_core::{Article, DateSource, Document};
use parley_store::Store;

/// (outlet, published, title, body)
pub const ARTICLES: [(&str, &str, &str, &str); 4] = [
    (
        "Reuters",
        "2022-01-10",
        "Lavrov rejects NATO offer",
        "Russian Foreign Minister Sergei Lavrov rejected the NATO proposal on Monday in Geneva. \
         \"We demand legally binding security guarantees,\" Lavrov said. \
         Russia denied that it had plans to invade Ukraine.",
    ),
    (
        "TASS",
        "2022-01-11",
        "Lavrov demands guarantees",
        "Sergei Lavrov demanded that NATO withdraw its forces from Eastern Europe. \
         Lavrov said Russia would not invade Ukraine. \
         Russia had no plans to invade Ukraine, Lavrov said.",
    ),
    (
        "AP",
        "2022-01-11",
        "US warns Moscow",
        "Secretary of State Antony Blinken warned Russia of severe sanctions. \
         US officials said Russia had plans to invade Ukraine. \
         Russia has massed troops near Ukraine.",
    ),
    (
        "BBC",
        "2022-01-12",
        "Troops near the border",
        "Russia has moved tanks toward Ukraine this week. \
         Residents of Kharkiv say they are calm.",
    ),
];

/// The articles analysed by the standard pipeline.
pub fn analysed_documents() -> Vec<Document> {
    let pipeline = Pipeline::standard();
    ARTICLES
        .iter()
        .map(|(outlet, published, title, body)| {
            let date: NaiveDate = published.parse().unwrap();
            let mut article =
                Article::new(*title, *body).with_published(date, DateSource::Metadata);
            article.outlet = Some(outlet.to_string());
            article.url = Some(format!(
                "https://{}.example/{}",
                outlet.to_lowercase(),
                published
            ));
            let analysis = pipeline.analyze(&article);
            Document::new(format!("{outlet}.txt"), article, analysis)
        })
        .collect()
}

/// A new SQLite store in a temporary folder holding [`analysed_documents`].
pub fn analysed_store() -> (tempfile::TempDir, Box<dyn Store + Send>, Vec<Document>) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.sqlite");
    let mut store = parley_store::open(path.to_str().unwrap()).unwrap();
    let docs = analysed_documents();
    store.put_batch(&docs).unwrap();
    (dir, store, docs)
}
