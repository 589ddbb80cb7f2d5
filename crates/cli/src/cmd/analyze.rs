//! `parley analyze`: read articles, analyse them, write the JSON report.

use crate::run::{analyze_inputs, exit_code, RunSummary};
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
    /// Leave out analysis stages (actors, times, quotes, events, framing), comma-separated
    #[arg(long, value_name = "STAGES", value_delimiter = ',')]
    pub skip: Vec<String>,
    #[command(flatten)]
    pub parse: crate::run::ParseFlag,
    /// Print the time spent in the text layer, the parse and each stage to standard error
    #[arg(long)]
    pub timings: bool,
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
    let pipeline = crate::run::with_parse(pipeline_without(&args.skip)?, args.parse);

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

    if args.timings {
        print_timings(&pipeline);
    }
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
    Ok(exit_code(summary.failures))
}

/// The standard pipeline less the stages named in `--skip`; an unknown name is an error.
fn pipeline_without(skip: &[String]) -> Result<Pipeline> {
    let pipeline = Pipeline::standard();
    let known = pipeline.stage_names();
    if let Some(bad) = skip.iter().find(|s| !known.contains(&s.as_str())) {
        anyhow::bail!(
            "--skip {bad:?}: no such stage (stages: {})",
            known.join(", ")
        );
    }
    let names: Vec<&str> = skip.iter().map(String::as_str).collect();
    Ok(pipeline.without(&names))
}

/// Time per step, summed over threads, with each step's share.
fn print_timings(pipeline: &Pipeline) {
    let timings = pipeline.timings();
    let total: f64 = timings.iter().map(|(_, t)| t.as_secs_f64()).sum();
    eprintln!("parley: time per step (summed over threads):");
    for (name, t) in timings {
        let share = if total > 0.0 {
            100.0 * t.as_secs_f64() / total
        } else {
            0.0
        };
        eprintln!("  {name:<10} {:>9.3} s  {share:>5.1} %", t.as_secs_f64());
    }
}
