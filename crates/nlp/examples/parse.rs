//! What `parley parse` does, as an example: `parse [--format conllu] FILE...` prints one JSON
//! line per file (or CoNLL-U). The model is found with `Pipeline::default_model_dir()`.
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let conllu = args
        .windows(2)
        .any(|w| w[0] == "--format" && w[1] == "conllu");
    let files: Vec<&String> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !(a.starts_with("--") || *i > 0 && args[i - 1] == "--format"))
        .map(|(_, a)| a)
        .collect();
    let Some(dir) = parley_nlp::Pipeline::default_model_dir() else {
        eprintln!("no model found: run scripts/fetch-model.sh or set PARLEY_NLP_MODEL");
        std::process::exit(1);
    };
    let nlp = parley_nlp::Pipeline::load(&dir).unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    for f in files {
        let text = match std::fs::read_to_string(f) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{f}: {e}");
                continue;
            }
        };
        let parsed = nlp.analyze(&text);
        if conllu {
            print!("# source_file = {f}\n{}", parsed.to_conllu(&text));
        } else {
            println!("{}", parsed.to_json(f, &text));
        }
    }
}
