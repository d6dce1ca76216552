//! Prints a saved page's article with one of the candidate crates, as
//! `newsdigest extract` would (a front matter title, then the text), for
//! `scripts/score-extraction.py --command`.
//!
//! Usage: extractor-candidates dom_smoothie|readability|llm_readability FILE

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(which), Some(path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: extractor-candidates dom_smoothie|readability|llm_readability FILE");
        return ExitCode::from(2);
    };
    let html = match std::fs::read(path) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    match extract(which, &html) {
        Ok((title, text)) => {
            println!("---\ntitle: {}\n---\n{text}", title.replace('\n', " "));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn extract(which: &str, html: &str) -> Result<(String, String), String> {
    let url = url::Url::parse("https://example.com/article").map_err(|e| e.to_string())?;
    match which {
        "dom_smoothie" => {
            let mut r = dom_smoothie::Readability::new(html, Some(url.as_str()), None)
                .map_err(|e| e.to_string())?;
            let a = r.parse().map_err(|e| e.to_string())?;
            Ok((a.title.to_string(), a.text_content.to_string()))
        }
        "readability" => {
            let mut input = std::io::Cursor::new(html.as_bytes());
            let p = readability::extractor::extract(&mut input, &url).map_err(|e| e.to_string())?;
            Ok((p.title, p.text))
        }
        "llm_readability" => {
            let mut input = std::io::Cursor::new(html.as_bytes());
            // This crate gives no title.
            let p = llm_readability::extractor::extract(&mut input, &url)
                .map_err(|e| e.to_string())?;
            Ok((String::new(), p.text))
        }
        other => Err(format!("unknown candidate {other}")),
    }
}
