//! Load test of `parley serve` over loopback: for each route, a few keep-alive connections send
//! requests back to back for a fixed time; prints requests/s and p50/p99/max latency.
//!
//!     cargo run --release -p parley-serve --example load -- STORE_OR_URL [SECONDS_PER_ROUTE] [CONNECTIONS] [ROUTES]
//!
//! STORE_OR_URL is a SQLite file or postgres:// URL (served in this process on an ephemeral
//! loopback port, on runtime threads of its own) or the `http://127.0.0.1:PORT` of a running
//! `parley serve`. Defaults: 5 s per route, 4 connections, every route; ROUTES is a
//! comma-separated list of route names (e.g. `search,story,story page`). Requests are drawn
//! from a fixed pseudo-random sequence per connection, so runs are comparable:
//!
//! - `search`: `/api/search?q=...` with one or two words or a phrase (default limit 20);
//! - `article`: `/api/articles/{id}` for ids sampled over the whole index;
//! - `article page`: `/articles/{id}` (the highlighted HTML page);
//! - `index`: `/api/articles?offset=...&limit=20` at offsets spread over the whole store;
//! - `story`: `/api/stories/{id}` (story, members, first timeline page) and `story page`:
//!   `/stories/{id}`, for the 100 most recent stories, when the store has stories
//!   (`parley link`); `story deep`: `/api/stories/{id}?offset=...` at offsets anywhere in the
//!   story's timeline (deep pages of big stories, down to the last).
//!
//! Any answer other than 200 is counted as an error and the first few are printed.

use axum::body::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper::Request;
use hyper_util::rt::TokioIo;
// The words of the store benchmark's documents (`store_bench`): every query matches.
use parley_store::test_corpus::WORDS;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// What one connection asks for.
#[derive(Clone)]
enum Route {
    Search,
    Article(Arc<Vec<String>>),
    ArticlePage(Arc<Vec<String>>),
    Index(u64),
    Story(Arc<Vec<(i64, u64)>>),
    StoryPage(Arc<Vec<(i64, u64)>>),
    StoryDeep(Arc<Vec<(i64, u64)>>),
}

impl Route {
    fn name(&self) -> &'static str {
        match self {
            Route::Search => "search",
            Route::Article(_) => "article",
            Route::ArticlePage(_) => "article page",
            Route::Index(_) => "index",
            Route::Story(_) => "story",
            Route::StoryPage(_) => "story page",
            Route::StoryDeep(_) => "story deep",
        }
    }

    /// The path of request number `r` (a pseudo-random number).
    fn path(&self, r: u64) -> String {
        match self {
            Route::Search => {
                let w = |k: u64| WORDS[((r >> (8 * k)) % WORDS.len() as u64) as usize];
                match r % 3 {
                    0 => format!("/api/search?q={}", w(1)),
                    1 => format!("/api/search?q={}+{}", w(1), w(2)),
                    _ => format!("/api/search?q=%22{}+{}%22", w(1), w(2)),
                }
            }
            Route::Article(ids) => {
                format!("/api/articles/{}", ids[(r % ids.len() as u64) as usize])
            }
            Route::ArticlePage(ids) => {
                format!("/articles/{}", ids[(r % ids.len() as u64) as usize])
            }
            Route::Index(total) => format!("/api/articles?offset={}&limit=20", r % total.max(&1)),
            Route::Story(stories) => format!("/api/stories/{}", pick(stories, r).0),
            Route::StoryPage(stories) => format!("/stories/{}", pick(stories, r).0),
            Route::StoryDeep(stories) => {
                let (id, entries) = pick(stories, r);
                format!(
                    "/api/stories/{id}?offset={}&limit=20",
                    (r >> 16) % entries.max(1)
                )
            }
        }
    }
}

/// Story `r` of `stories` (id, timeline length).
fn pick(stories: &[(i64, u64)], r: u64) -> (i64, u64) {
    stories[(r % stories.len() as u64) as usize]
}

/// What one connection saw.
#[derive(Default)]
struct Tally {
    latencies: Vec<Duration>,
    errors: Vec<String>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(target) = args.first() else {
        eprintln!("usage: load STORE_OR_URL [SECONDS_PER_ROUTE] [CONNECTIONS]");
        std::process::exit(2);
    };
    let seconds: u64 = args.get(1).and_then(|a| a.parse().ok()).unwrap_or(5);
    let connections: u64 = args.get(2).and_then(|a| a.parse().ok()).unwrap_or(4);
    let only: Option<Vec<String>> = args
        .get(3)
        .map(|a| a.split(',').map(|r| r.trim().to_string()).collect());
    let addr = match target.strip_prefix("http://") {
        Some(rest) => rest
            .trim_end_matches('/')
            .parse::<SocketAddr>()
            .unwrap_or_else(|e| fail(&format!("{target}: not http://IP:PORT: {e}"))),
        None => serve_in_process(target),
    };

    let client = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("client runtime");
    client.block_on(async move {
        let (total, ids) = sample_ids(addr).await;
        let stories = story_ids(addr).await;
        println!(
            "load test: http://{addr}, {total} articles, {seconds} s per route, {connections} connections, {} sampled ids, {} stories",
            ids.len(),
            stories.len()
        );
        println!(
            "{:<13} {:>9} {:>7} {:>8} {:>8} {:>8} {:>8}",
            "route", "requests", "errors", "req/s", "p50 ms", "p99 ms", "max ms"
        );
        let ids = Arc::new(ids);
        let mut routes = vec![
            Route::Search,
            Route::Article(ids.clone()),
            Route::ArticlePage(ids.clone()),
            Route::Index(total),
        ];
        if !stories.is_empty() {
            let stories = Arc::new(stories);
            routes.push(Route::Story(stories.clone()));
            routes.push(Route::StoryPage(stories.clone()));
            routes.push(Route::StoryDeep(stories));
        }
        if let Some(only) = &only {
            routes.retain(|r| only.iter().any(|name| name == r.name()));
        }
        for route in routes {
            let started = Instant::now();
            let deadline = started + Duration::from_secs(seconds);
            let tasks: Vec<_> = (0..connections)
                .map(|c| tokio::spawn(run_connection(addr, route.clone(), c, deadline)))
                .collect();
            let mut all = Tally::default();
            for t in tasks {
                let tally = t.await.expect("connection task");
                all.latencies.extend(tally.latencies);
                all.errors.extend(tally.errors);
            }
            report(route.name(), &mut all, started.elapsed());
        }
    });
}

/// Serves the store at `location` as `parley serve` does (4 store connections) on an ephemeral
/// loopback port, on two runtime threads of its own; returns the address.
fn serve_in_process(location: &str) -> SocketAddr {
    let open =
        || parley_store::open(location).unwrap_or_else(|e| fail(&format!("{location}: {e}")));
    let state = parley_serve::AppState::pool((0..4).map(|_| open()).collect());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("server runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("bind a loopback port");
            tx.send(listener.local_addr().expect("bound address"))
                .expect("main thread waits");
            parley_serve::serve(listener, parley_serve::router(state))
                .await
                .expect("serve");
        });
    });
    rx.recv().expect("the server thread binds")
}

/// Sends requests on one keep-alive connection until `deadline`.
async fn run_connection(addr: SocketAddr, route: Route, seed: u64, deadline: Instant) -> Tally {
    let mut tally = Tally::default();
    let mut sender = connect(addr).await;
    let mut x = 0x9E37_79B9_7F4A_7C15u64 ^ (seed + 1).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    while Instant::now() < deadline {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let path = route.path(x);
        let started = Instant::now();
        match get(&mut sender, addr, &path).await {
            Ok(200) => tally.latencies.push(started.elapsed()),
            Ok(status) => tally.errors.push(format!("{status} {path}")),
            Err(e) => {
                tally.errors.push(format!("{e} {path}"));
                sender = connect(addr).await;
            }
        }
    }
    tally
}

type Sender = hyper::client::conn::http1::SendRequest<Empty<Bytes>>;

async fn connect(addr: SocketAddr) -> Sender {
    let stream = tokio::net::TcpStream::connect(addr)
        .await
        .unwrap_or_else(|e| fail(&format!("cannot connect to {addr}: {e}")));
    let (sender, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream))
        .await
        .unwrap_or_else(|e| fail(&format!("HTTP handshake with {addr}: {e}")));
    tokio::spawn(conn);
    sender
}

/// GETs `path` and reads the whole body; returns the status.
async fn get(sender: &mut Sender, addr: SocketAddr, path: &str) -> Result<u16, String> {
    let req = Request::get(path)
        .header(hyper::header::HOST, addr.to_string())
        .body(Empty::new())
        .map_err(|e| e.to_string())?;
    sender.ready().await.map_err(|e| e.to_string())?;
    let resp = sender.send_request(req).await.map_err(|e| e.to_string())?;
    let status = resp.status().as_u16();
    resp.into_body()
        .collect()
        .await
        .map_err(|e| e.to_string())?;
    Ok(status)
}

/// The number of stored articles and up to 400 ids sampled across the index.
async fn sample_ids(addr: SocketAddr) -> (u64, Vec<String>) {
    let mut sender = connect(addr).await;
    let first = get_json(&mut sender, addr, "/api/articles?limit=1").await;
    let total = first["total"].as_u64().unwrap_or(0);
    if total == 0 {
        fail("the store holds no articles");
    }
    let mut ids = Vec::new();
    for k in 0..20u64 {
        let offset = total * k / 20;
        let page = get_json(
            &mut sender,
            addr,
            &format!("/api/articles?offset={offset}&limit=20"),
        )
        .await;
        for a in page["articles"].as_array().into_iter().flatten() {
            if let Some(id) = a["id"].as_str() {
                ids.push(id.to_string());
            }
        }
    }
    (total, ids)
}

/// The ids and timeline lengths of the (up to) 100 most recent stories.
async fn story_ids(addr: SocketAddr) -> Vec<(i64, u64)> {
    let mut sender = connect(addr).await;
    let v = get_json(&mut sender, addr, "/api/stories?limit=100").await;
    let ids: Vec<i64> = v["stories"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|s| s["id"].as_i64())
        .collect();
    let mut stories = Vec::with_capacity(ids.len());
    for id in ids {
        let path = format!("/api/stories/{id}?limit=1");
        let story = get_json(&mut sender, addr, &path).await;
        stories.push((id, story["timeline_total"].as_u64().unwrap_or(0)));
    }
    stories
}

async fn get_json(sender: &mut Sender, addr: SocketAddr, path: &str) -> serde_json::Value {
    let req = Request::get(path)
        .header(hyper::header::HOST, addr.to_string())
        .body(Empty::new())
        .expect("request");
    let resp = sender
        .send_request(req)
        .await
        .unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    let body = resp
        .into_body()
        .collect()
        .await
        .unwrap_or_else(|e| fail(&format!("{path}: {e}")))
        .to_bytes();
    serde_json::from_slice(&body).unwrap_or_else(|e| fail(&format!("{path}: not JSON: {e}")))
}

fn report(name: &str, tally: &mut Tally, elapsed: Duration) {
    tally.latencies.sort_unstable();
    let ms = |q: f64| {
        let l = &tally.latencies;
        if l.is_empty() {
            return f64::NAN;
        }
        let i = ((l.len() as f64 - 1.0) * q).round() as usize;
        l[i].as_secs_f64() * 1000.0
    };
    let done = tally.latencies.len() + tally.errors.len();
    println!(
        "{:<13} {:>9} {:>7} {:>8.1} {:>8.2} {:>8.2} {:>8.2}",
        name,
        done,
        tally.errors.len(),
        done as f64 / elapsed.as_secs_f64(),
        ms(0.5),
        ms(0.99),
        ms(1.0)
    );
    for e in tally.errors.iter().take(3) {
        println!("    error: {e}");
    }
}

fn fail(msg: &str) -> ! {
    eprintln!("load: {msg}");
    std::process::exit(1)
}
