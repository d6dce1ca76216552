//! Writes a synthetic corpus to a folder, to read it with the other commands.
//! Run: `cargo run --release --example write_synthetic -- COUNT DIR [SEED]`

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(count), Some(dir)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("usage: write_synthetic COUNT DIR [SEED]");
        std::process::exit(2);
    };
    let seed = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    let corpus = newsdigest::synthetic::generate(count, seed);
    std::fs::create_dir_all(dir)?;
    for (id, text) in &corpus.articles {
        std::fs::write(std::path::Path::new(dir).join(format!("{id}.txt")), text)?;
    }
    Ok(())
}
