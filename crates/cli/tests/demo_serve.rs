//! `parley demo` end to end: it stores the examples, serves them on loopback and prints the
//! URL to open; the pages answer there.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// Kills the demo server when the test ends, passing or not.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn http_get(addr: &str, path: &str) -> String {
    let mut conn = TcpStream::connect(addr).expect("connect to the demo server");
    write!(
        conn,
        "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut answer = String::new();
    conn.read_to_string(&mut answer).unwrap();
    answer
}

#[test]
fn demo_serves_the_examples_and_prints_the_url() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.sqlite");
    let child = Command::new(env!("CARGO_BIN_EXE_parley"))
        .args([
            "demo",
            "--addr",
            "127.0.0.1:0",
            "--db",
            db.to_str().unwrap(),
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start parley demo");
    let mut server = Server(child);
    let stdout = server.0.stdout.take().unwrap();
    let url = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .find_map(|l| {
            l.strip_prefix("Open http://")
                .and_then(|rest| rest.split_once('/'))
                .map(|(addr, _)| addr.to_string())
        })
        .expect("the demo prints the URL to open");
    assert!(url.starts_with("127.0.0.1:"), "{url}");
    let index = http_get(&url, "/");
    assert!(index.starts_with("HTTP/1.1 200"), "{index}");
    assert!(index.contains("Upcoming Russia/US Security"), "{index}");
    let search = http_get(&url, "/api/search?q=Ryabkov");
    assert!(search.contains("Putin Regime Backstabs Putin"), "{search}");
}
