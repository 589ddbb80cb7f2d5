//! Print the node tree of a thinc model file: `cargo run --release --example dump_model FILE`.
fn main() {
    let path = std::env::args().nth(1).expect("usage: dump_model FILE");
    let bytes = std::fs::read(&path).expect("read");
    let m = parley_nlp::msgpack::ThincModel::from_bytes(&bytes, &path).expect("parse");
    for (i, n) in m.nodes.iter().enumerate() {
        let mut p: Vec<_> = n
            .params
            .iter()
            .map(|(k, a)| format!("{k}{:?}", a.shape))
            .collect();
        p.sort();
        let name: String = n.name.chars().take(60).collect();
        println!("{i:3} {name} {:?} {} {:?}", n.dims, p.join(" "), n.attrs);
    }
}
