//! Fetching, offline: a small HTTP server inside this test process, bound to
//! 127.0.0.1, serves pages and feeds written for the tests (a redirect, a
//! 404, an answer slower than the timeout, a huge body, a Latin-1 page, a
//! feed with a broken item), and the real binary fetches from it.

use std::collections::HashMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use flate2::Compression;
use flate2::write::GzEncoder;

/// The requests the server saw: path and headers (names lower-cased).
type Seen = Arc<Mutex<Vec<(String, HashMap<String, String>)>>>;

struct Server {
    base: String,
    seen: Seen,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let base = format!("http://{}", listener.local_addr().unwrap());
        let seen: Seen = Arc::default();
        let log = seen.clone();
        let site = base.clone();
        thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let log = log.clone();
                let site = site.clone();
                thread::spawn(move || serve(stream, &site, &log));
            }
        });
        Server { base, seen }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    fn requests(&self) -> Vec<(String, HashMap<String, String>)> {
        self.seen.lock().unwrap().clone()
    }
}

const LATIN1_PAGE: &[u8] = b"<html><head><meta charset=\"iso-8859-1\"><title>Z\xfcrich floods</title></head><body><article>\
<p>Heavy rain flooded the old town of Z\xfcrich on Monday, and the caf\xe9s along the river closed early as the water rose.</p>\
<p>The city said the lake would stay high until the weekend, and asked people to keep away from the banks.</p>\
<p>Trams were stopped for three hours while crews cleared the tracks near the main station.</p></article></body></html>";

fn feed(base: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Test Wire</title><link>{base}/</link>
<item><title>Storm floods coastal towns</title><link>{base}/page.html</link><pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><description>Three towns flooded.</description></item>
<item><description>An item with no title, no link and a date that is no date.</description><pubDate>someday soon</pubDate></item>
<item><title>Zürich floods</title><link>{base}/latin1.html</link><pubDate>Mon, 04 Mar 2024 09:00:00 GMT</pubDate></item>
<item><title>Storm story that went missing</title><link>{base}/missing</link></item>
</channel></rss>"#
    )
}

fn serve(mut stream: TcpStream, base: &str, seen: &Seen) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let gzip_ok = headers
        .get("accept-encoding")
        .is_some_and(|v| v.contains("gzip"));
    seen.lock().unwrap().push((path.clone(), headers));

    let page = fs::read("tests/data/pages/storm-daily.html").unwrap();
    let (status, content_type, body, extra): (&str, &str, Vec<u8>, String) = match path.as_str() {
        "/page.html" => ("200 OK", "text/html; charset=utf-8", page, String::new()),
        "/old" => (
            "301 Moved Permanently",
            "text/plain",
            Vec::new(),
            format!("Location: {base}/page.html\r\n"),
        ),
        "/loop" => (
            "302 Found",
            "text/plain",
            Vec::new(),
            "Location: /loop\r\n".to_string(),
        ),
        "/latin1.html" => ("200 OK", "text/html", LATIN1_PAGE.to_vec(), String::new()),
        "/photo.png" => (
            "200 OK",
            "image/png",
            b"\x89PNG\r\n\x1a\n".to_vec(),
            String::new(),
        ),
        "/feed.xml" => (
            "200 OK",
            "application/rss+xml",
            feed(base).into_bytes(),
            String::new(),
        ),
        "/slow" => {
            thread::sleep(Duration::from_secs(4));
            ("200 OK", "text/html", page, String::new())
        }
        "/huge" => {
            // 17 MB of page, past the 16 MB limit, sent as it is written.
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nConnection: close\r\n\r\n<html><body><p>";
            let _ = stream.write_all(head.as_bytes());
            let chunk = "All work and no play makes a huge page. ".repeat(1024);
            for _ in 0..(17 * 1024 * 1024 / chunk.len() + 1) {
                if stream.write_all(chunk.as_bytes()).is_err() {
                    return;
                }
            }
            return;
        }
        _ => (
            "404 Not Found",
            "text/html",
            b"<html><body>Not here</body></html>".to_vec(),
            String::new(),
        ),
    };
    let (body, encoding) = if gzip_ok && path == "/page.html" {
        let mut encoder = GzEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(&body).unwrap();
        (encoder.finish().unwrap(), "Content-Encoding: gzip\r\n")
    } else {
        (body, "")
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n{encoding}{extra}Connection: close\r\n\r\n",
        body.len()
    );
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn newsdigest(args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_newsdigest"));
    command.args(args).env("NO_COLOR", "1");
    // The local server is reached directly, whatever proxy the machine has.
    for proxy in [
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
    ] {
        command.env_remove(proxy);
    }
    command.output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir =
        std::env::temp_dir().join(format!("newsdigest-fetching-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    dir
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn extract_follows_a_redirect_unzips_and_names_itself() {
    let server = Server::start();
    let out = newsdigest(&["extract", &server.url("/old")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(
        text.starts_with("---\ntitle: Storm floods coastal towns\n"),
        "{text}"
    );
    assert!(
        text.contains("url: https://daily.example/2024/03/05/storm-floods-coastal-towns\n"),
        "{text}"
    );
    assert!(text.contains("cut power to 40,000 homes"), "{text}");
    let requests = server.requests();
    assert_eq!(
        requests.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(),
        ["/old", "/page.html"]
    );
    let headers = &requests[1].1;
    assert!(
        headers["user-agent"].starts_with("newsdigest/"),
        "{headers:?}"
    );
    assert!(headers["accept-encoding"].contains("gzip"), "{headers:?}");
}

#[test]
fn a_latin1_page_declared_in_its_meta_tag_reads_right() {
    let server = Server::start();
    let out = newsdigest(&["extract", &server.url("/latin1.html")]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("title: Zürich floods"), "{text}");
    assert!(
        text.contains("the old town of Zürich on Monday, and the cafés"),
        "{text}"
    );
}

#[test]
fn each_failure_is_one_line_naming_the_address() {
    let server = Server::start();
    for (path, why) in [
        ("/missing", "HTTP 404 Not Found"),
        ("/slow", "no complete answer within 1 s"),
        ("/huge", "larger than 16 MB"),
        ("/loop", "redirects"),
        ("/photo.png", "not an HTML page but image/png"),
    ] {
        let url = server.url(path);
        let out = newsdigest(&["extract", &url, "--timeout", "1"]);
        assert_eq!(out.status.code(), Some(1), "{path}: {}", stdout(&out));
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{path}: {err}");
        assert!(err.contains(&url) && err.contains(why), "{path}: {err}");
    }
    // Nothing listens on port 9 of localhost: refused, not a hang.
    let out = newsdigest(&["extract", "http://127.0.0.1:9/a"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("http://127.0.0.1:9/a"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn add_saves_each_page_once_and_a_failure_never_stops_the_others() {
    let server = Server::start();
    let dir = scratch("add");
    let dir_arg = dir.to_str().unwrap();
    let (page, latin1, missing) = (
        server.url("/page.html"),
        server.url("/latin1.html"),
        server.url("/missing"),
    );
    let out = newsdigest(&["add", &page, &missing, &latin1, "--into", dir_arg]);
    assert_eq!(
        out.status.code(),
        Some(1),
        "a failed address makes the exit status 1"
    );
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(&missing) && err.contains("404"), "{err}");
    let said = stdout(&out);
    assert!(
        said.contains("saved ")
            && said.contains(
                "storm-floods-coastal-towns.md · Storm floods coastal towns · The Daily Example · "
            ),
        "{said}"
    );
    assert!(said.contains("zürich-floods.md · Zürich floods"), "{said}");
    assert_eq!(
        files_in(&dir),
        ["storm-floods-coastal-towns.md", "zürich-floods.md"]
    );
    let saved = fs::read_to_string(dir.join("storm-floods-coastal-towns.md")).unwrap();
    assert!(
        saved.starts_with("---\ntitle: Storm floods coastal towns\n"),
        "{saved}"
    );

    // Again: the page is there by its canonical address (reached through a
    // redirect this time), and the Latin-1 page by the address fetched.
    let out = newsdigest(&["add", &server.url("/old"), &latin1, "--into", dir_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert_eq!(said.matches("already there: ").count(), 2, "{said}");
    assert_eq!(
        files_in(&dir),
        ["storm-floods-coastal-towns.md", "zürich-floods.md"]
    );

    // The same file saved from another address is there already too.
    let out = newsdigest(&[
        "add",
        "tests/data/pages/storm-daily.html",
        "--into",
        dir_arg,
    ]);
    assert!(
        stdout(&out).starts_with("already there: "),
        "{}",
        stdout(&out)
    );

    // Another site's edit of the story is saved, and said to be a copy.
    let edited = fs::read_to_string("tests/data/pages/storm-daily.html")
        .unwrap()
        .replace(
            "https://daily.example/2024/03/05/storm-floods-coastal-towns",
            "https://other.example/coast",
        )
        .replace("Storm floods coastal towns", "Coast towns hit by storm")
        .replace("The Daily Example", "The Other Example")
        .replace("A storm flooded", "PORT ELLIS (Wire) — A storm flooded");
    let copy = scratch("add-copy.html");
    fs::write(&copy, edited).unwrap();
    let out = newsdigest(&["add", copy.to_str().unwrap(), "--into", dir_arg]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("coast-towns-hit-by-storm.md · Coast towns hit by storm · The Other Example")
            && said.contains("a copy of ")
            && said.ends_with("storm-floods-coastal-towns.md\n"),
        "{said}"
    );
}

#[test]
fn feeds_list_their_items_and_add_takes_the_matching_ones() {
    let server = Server::start();
    let feed = server.url("/feed.xml");
    let out = newsdigest(&["feed", &feed]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = stdout(&out);
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 4, "{listing}");
    assert_eq!(
        lines[0],
        format!(
            "2024-03-05  Test Wire  Storm floods coastal towns  {}",
            server.url("/page.html")
        )
    );
    assert_eq!(lines[1], "-  Test Wire  -  -");
    assert!(
        stderr(&out).contains("item 2 (-) has no link"),
        "{}",
        stderr(&out)
    );

    // The same feed from a file.
    let dir = scratch("feed");
    fs::create_dir_all(&dir).unwrap();
    let file = dir.join("feed.xml");
    fs::write(&file, feed_text(&server)).unwrap();
    let out = newsdigest(&["feed", file.to_str().unwrap()]);
    assert_eq!(stdout(&out), listing);

    let into = dir.join("articles");
    let out = newsdigest(&[
        "add",
        "--feed",
        &feed,
        "--match",
        "storm",
        "--into",
        into.to_str().unwrap(),
    ]);
    // "storm" matches the page and the missing one: the page is saved, the
    // 404 is reported, the Latin-1 item is not taken.
    assert_eq!(out.status.code(), Some(1), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("/missing: HTTP 404"),
        "{}",
        stderr(&out)
    );
    assert_eq!(files_in(&into), ["storm-floods-coastal-towns.md"]);

    let out = newsdigest(&["feed", &server.url("/page.html")]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/page.html"), "{}", stderr(&out));
}

fn feed_text(server: &Server) -> String {
    feed(&server.base)
}

#[test]
fn the_reader_and_export_never_fetch() {
    let server = Server::start();
    let dir = scratch("offline");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("a.md"),
        format!("---\ntitle: Offline\nurl: {}\n---\n\nThe council approved the budget on Monday by seven votes to two.\n", server.url("/page.html")),
    )
    .unwrap();
    fs::copy("tests/data/pages/storm-daily.html", dir.join("b.html")).unwrap();
    let out = newsdigest(&["export", dir.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    thread::sleep(Duration::from_millis(100));
    assert!(server.requests().is_empty(), "{:?}", server.requests());
}
