//! Time each part of model loading: `load_time MODEL_DIR`.
use std::time::Instant;
fn main() {
    let dir =
        std::path::PathBuf::from(std::env::args().nth(1).expect("usage: load_time MODEL_DIR"));
    let t = Instant::now();
    let bytes = std::fs::read(dir.join("tokenizer")).unwrap();
    let _tok = parley_nlp::tokenizer::Tokenizer::from_bytes(&bytes).unwrap();
    println!("tokenizer {:?}", t.elapsed());
    for c in ["tok2vec", "tagger", "parser", "ner"] {
        let t = Instant::now();
        let b = std::fs::read(dir.join(c).join("model")).unwrap();
        let _m = parley_nlp::msgpack::ThincModel::from_bytes(&b, c).unwrap();
        println!("{c} {:?}", t.elapsed());
    }
    let t = Instant::now();
    let _p = parley_nlp::Pipeline::load(&dir).unwrap();
    println!("pipeline {:?}", t.elapsed());
}
