//! `parley analyze`: read articles, analyse them, write the JSON report.

use crate::run::{analyze_inputs, RunSummary};
use crate::writer::ReportWriter;
use anyhow::{Context as _, Result};
use chrono::NaiveDate;
use parley_analyze::Pipeline;
use parley_ingest::{inputs_from_args, Format, ReadOptions};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (read recursively) to analyse; `-` reads standard input
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<String>,
    /// Write the report to FILE instead of standard output
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// Publication date (YYYY-MM-DD) for articles whose input gives none
    #[arg(long, value_name = "DATE", value_parser = parse_day)]
    pub published: Option<NaiveDate>,
    /// Input format: auto (detect per file), text, jsonl, html, feed or warc
    #[arg(long, default_value = "auto")]
    pub format: Format,
    /// Indent the JSON of each document
    #[arg(long)]
    pub pretty: bool,
    /// Write JSON (the default and only report format; kept for scripts that pass it)
    #[arg(long)]
    pub json: bool,
}

pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("{s:?} is not a date: use YYYY-MM-DD"))
}

pub fn run(args: Args) -> Result<ExitCode> {
    let (inputs, discover_errors) = inputs_from_args(&args.paths);
    for e in &discover_errors {
        eprintln!("parley: skipped {e}");
    }
    let (notes_tx, notes) = std::sync::mpsc::channel();
    let options = ReadOptions {
        format: args.format,
        default_published: args.published,
        notes: Some(notes_tx),
    };
    let pipeline = Pipeline::standard();

    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut writer = ReportWriter::start(sink, args.pretty)?;
    let progress = crate::run::progress_bar(inputs.len());
    let summary = analyze_inputs(
        &inputs,
        &options,
        &pipeline,
        |doc| writer.write(&doc),
        |e| progress.suspend(|| eprintln!("parley: skipped {e}")),
        |item, warning| progress.suspend(|| eprintln!("parley: warning: {item}: {warning}")),
        |articles| {
            progress.inc(1);
            for note in notes.try_iter() {
                progress.suspend(|| eprintln!("parley: {note}"));
            }
            progress.set_message(format!("{articles} articles"));
        },
    )
    .context("cannot write the report")?;
    writer.finish().context("cannot write the report")?;
    progress.finish_and_clear();

    let summary = RunSummary {
        failures: summary.failures + discover_errors.len(),
        ..summary
    };
    eprintln!(
        "parley: analysed {} article(s) from {} input(s); {} item(s) failed",
        summary.articles,
        inputs.len(),
        summary.failures
    );
    Ok(if summary.failures > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
