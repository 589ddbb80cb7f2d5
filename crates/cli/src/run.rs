//! Runs the pipeline over inputs: reads them in order, analyses batches of articles in
//! parallel (rayon), and hands the documents on in input order.

use parley_analyze::parse::Parser;
use parley_analyze::Pipeline;
use parley_core::Document;
use parley_ingest::{read_input, IngestError, Input, ReadOptions, SourcedArticle};
use rayon::prelude::*;
use std::process::ExitCode;

/// Articles analysed together; big enough to keep both cores busy, small enough to stream.
const BATCH_ARTICLES: usize = 64;

/// What a run did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct RunSummary {
    pub articles: usize,
    pub failures: usize,
}

/// Analyses every article of `inputs`, calling `on_document` in input order and `on_error`
/// for each item that could not be read. An error from `on_document` (a full disk) stops the run.
/// The process's exit code after a batch: failure when any item failed (the rest still ran).
pub fn exit_code(failures: usize) -> ExitCode {
    if failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

pub fn analyze_inputs(
    inputs: &[Input],
    options: &ReadOptions,
    pipeline: &Pipeline,
    mut on_document: impl FnMut(Document) -> std::io::Result<()>,
    mut on_error: impl FnMut(&IngestError),
    mut on_warning: impl FnMut(&str, &str),
    mut on_input_done: impl FnMut(usize),
) -> std::io::Result<RunSummary> {
    let mut summary = RunSummary::default();
    let mut batch: Vec<SourcedArticle> = Vec::with_capacity(BATCH_ARTICLES);
    for input in inputs {
        for result in read_input(input, options) {
            match result {
                Ok(article) => {
                    for warning in &article.warnings {
                        on_warning(&article.source, warning);
                    }
                    batch.push(article)
                }
                Err(e) => {
                    summary.failures += 1;
                    on_error(&e);
                }
            }
            if batch.len() >= BATCH_ARTICLES {
                summary.articles += flush(&mut batch, pipeline, &mut on_document)?;
            }
        }
        on_input_done(summary.articles + batch.len());
    }
    summary.articles += flush(&mut batch, pipeline, &mut on_document)?;
    Ok(summary)
}

/// Analyses a batch in parallel and emits it in order.
fn flush(
    batch: &mut Vec<SourcedArticle>,
    pipeline: &Pipeline,
    on_document: &mut impl FnMut(Document) -> std::io::Result<()>,
) -> std::io::Result<usize> {
    let documents: Vec<Document> = batch
        .par_drain(..)
        .map(|sourced| analyze_one(sourced, pipeline))
        .collect();
    let n = documents.len();
    for doc in documents {
        on_document(doc)?;
    }
    Ok(n)
}

/// The command-line flag that turns the linguistic layer off, shared by the commands that
/// analyse.
#[derive(clap::Args, Debug, Clone, Copy, Default)]
pub struct ParseFlag {
    /// Skip the dependency parse and named entities (faster; stages use their patterns alone)
    #[arg(long)]
    pub no_parse: bool,
}

/// `pipeline` with the linguistic layer, unless `--no-parse`. Without a usable model the
/// analysis goes on with patterns alone, after one warning that names the fix.
pub fn with_parse(pipeline: Pipeline, flag: ParseFlag) -> Pipeline {
    if flag.no_parse {
        return pipeline;
    }
    match Parser::load_default() {
        Ok(parser) => pipeline.with_parser(parser),
        Err(e) => {
            eprintln!("parley: warning: {e}; analysing with patterns only (--no-parse hides this warning)");
            pipeline
        }
    }
}

/// Analyses one article into its report document.
pub fn analyze_one(sourced: SourcedArticle, pipeline: &Pipeline) -> Document {
    let analysis = pipeline.analyze(&sourced.article);
    let mut doc = Document::new(sourced.source, sourced.article, analysis);
    doc.source_id = sourced.source_id;
    doc
}

/// A progress bar over inputs, drawn only when standard error is a terminal.
pub fn progress_bar(inputs: usize) -> indicatif::ProgressBar {
    let bar = indicatif::ProgressBar::new(inputs as u64);
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:30} {pos}/{len} inputs, {msg} [{elapsed}]")
    {
        bar.set_style(style);
    }
    bar
}
