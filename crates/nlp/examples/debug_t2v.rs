fn main() {
    let nlp = parley_nlp::Pipeline::load(".models/en_core_web_sm-3.8.0").unwrap();
    let text = "Russian Deputy Foreign Minister met U.S. officials.";
    let toks = nlp.tokenize(text);
    let (f, _) = nlp.features(text, &toks);
    for x in &f[..3] {
        println!("{:?}", x);
    }
    let t = nlp.tensor(text);
    println!("{:?}", &t[..5]);
}
