//! Streams the report `{"documents": [...]}` one document at a time, so memory stays flat on
//! large batches.

use parley_core::Document;
use std::io::{self, Write};

pub struct ReportWriter<W: Write> {
    out: W,
    pretty: bool,
    written: usize,
}

impl<W: Write> ReportWriter<W> {
    pub fn start(mut out: W, pretty: bool) -> io::Result<Self> {
        out.write_all(b"{\"documents\": [")?;
        Ok(ReportWriter {
            out,
            pretty,
            written: 0,
        })
    }

    pub fn write(&mut self, doc: &Document) -> io::Result<()> {
        if self.written > 0 {
            self.out.write_all(b",")?;
        }
        self.out.write_all(b"\n")?;
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, doc)?;
        } else {
            serde_json::to_writer(&mut self.out, doc)?;
        }
        self.written += 1;
        Ok(())
    }

    pub fn finish(mut self) -> io::Result<W> {
        self.out.write_all(b"\n]}\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parley_core::{Analysis, Article, Report};

    fn doc(body: &str) -> Document {
        Document::new("a.txt".into(), Article::new("T", body), Analysis::default())
    }

    #[test]
    fn streamed_report_parses_as_a_report() {
        for pretty in [false, true] {
            let mut w = ReportWriter::start(Vec::new(), pretty).unwrap();
            w.write(&doc("One.")).unwrap();
            w.write(&doc("Two.")).unwrap();
            let bytes = w.finish().unwrap();
            let report: Report = serde_json::from_slice(&bytes).unwrap();
            assert_eq!(report.documents.len(), 2);
            assert_eq!(report.documents[1].text, "Two.");
        }
    }

    #[test]
    fn empty_report_is_valid_json() {
        let bytes = ReportWriter::start(Vec::new(), false)
            .unwrap()
            .finish()
            .unwrap();
        let report: Report = serde_json::from_slice(&bytes).unwrap();
        assert!(report.documents.is_empty());
    }
}
