//! Fetching pages and feeds over HTTP(S), only when a command asks.
//!
//! One `ureq` agent with rustls: a time limit for each whole request, a size
//! limit on the (decompressed) body, a few redirects, gzip, and a User-Agent
//! that names the program. Every failure is one line that names the address.

use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ureq::ResponseExt;

use crate::text::escape_controls;

/// Limits of one fetch.
#[derive(Debug, Clone, Copy)]
pub struct FetchLimits {
    /// Time for the whole request: connecting, waiting and reading.
    pub timeout: Duration,
    /// Largest body read, after decompression.
    pub max_bytes: u64,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits {
            timeout: Duration::from_secs(20),
            // News pages with inline scripts reach 2 MB; 16 MB leaves room
            // and still keeps a runaway answer from filling memory.
            max_bytes: 16 * 1024 * 1024,
            max_redirects: 5,
        }
    }
}

/// What a fetch is for, which decides which answers are acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted {
    /// An HTML page.
    Page,
    /// An RSS, Atom or JSON feed.
    Feed,
}

/// A body fetched: the address it came from after redirects, its type and bytes.
#[derive(Debug, Clone)]
pub struct Fetched {
    pub url: String,
    pub content_type: Option<String>,
    pub bytes: Vec<u8>,
}

/// Why an address gave nothing usable. Each says the address first.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FetchError {
    #[error("{}: not an http:// or https:// address", escape_controls(url))]
    NotAWebAddress { url: String },
    #[error("{}: HTTP {status}{}", escape_controls(url), reason_suffix(*status))]
    Status { url: String, status: u16 },
    #[error("{}: no complete answer within {} s", escape_controls(url), timeout.as_secs_f32())]
    Timeout { url: String, timeout: Duration },
    #[error("{}: the answer is larger than {} MB", escape_controls(url), limit / (1024 * 1024))]
    TooLarge { url: String, limit: u64 },
    #[error("{}: more than {limit} redirects", escape_controls(url))]
    TooManyRedirects { url: String, limit: u32 },
    #[error("{}: host not found", escape_controls(url))]
    HostNotFound { url: String },
    #[error("{}: cannot connect", escape_controls(url))]
    CannotConnect { url: String },
    #[error("{}: not {} but {}", escape_controls(url), wanted_name(*wanted), escape_controls(content_type))]
    WrongType {
        url: String,
        wanted: Wanted,
        content_type: String,
    },
    #[error("{}: {}", escape_controls(url), escape_controls(message))]
    Other { url: String, message: String },
}

fn wanted_name(wanted: Wanted) -> &'static str {
    match wanted {
        Wanted::Page => "an HTML page",
        Wanted::Feed => "a feed",
    }
}

fn reason_suffix(status: u16) -> String {
    let reason = match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        410 => "Gone",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    };
    if reason.is_empty() {
        String::new()
    } else {
        format!(" {reason}")
    }
}

/// Whether a source names a web address rather than a file.
pub fn is_web_address(source: &str) -> bool {
    let head = source.get(..8).unwrap_or(source).to_ascii_lowercase();
    head.starts_with("http://") || head.starts_with("https://")
}

/// Fetches pages and feeds with one agent (connections are reused).
pub struct Fetcher {
    agent: ureq::Agent,
    limits: FetchLimits,
}

impl Fetcher {
    pub fn new(limits: FetchLimits) -> Fetcher {
        let config = ureq::Agent::config_builder()
            .timeout_global(Some(limits.timeout))
            .max_redirects(limits.max_redirects)
            .max_redirects_will_error(true)
            .http_status_as_error(false)
            .user_agent(concat!(
                "newsdigest/",
                env!("CARGO_PKG_VERSION"),
                " (article reader; +https://crates.io/crates/newsdigest)"
            ))
            .build();
        Fetcher {
            agent: config.into(),
            limits,
        }
    }

    /// Fetches one address.
    pub fn get(&self, url: &str, wanted: Wanted) -> Result<Fetched, FetchError> {
        let url = url.trim();
        if !is_web_address(url) {
            return Err(FetchError::NotAWebAddress {
                url: url.to_string(),
            });
        }
        let accept = match wanted {
            Wanted::Page => "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            Wanted::Feed => {
                "application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,*/*;q=0.5"
            }
        };
        let mut response = self
            .agent
            .get(url)
            .header("Accept", accept)
            .call()
            .map_err(|e| self.describe(url, e))?;
        let status = response.status().as_u16();
        if !(200..300).contains(&status) {
            return Err(FetchError::Status {
                url: url.to_string(),
                status,
            });
        }
        let final_url = response.get_uri().to_string();
        let content_type = response
            .headers()
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        if let Some(kind) = &content_type
            && !acceptable(kind, wanted)
        {
            return Err(FetchError::WrongType {
                url: url.to_string(),
                wanted,
                content_type: kind.split(';').next().unwrap_or(kind).trim().to_string(),
            });
        }
        let mut bytes = Vec::new();
        // One byte past the limit tells a body at the limit from a larger one.
        let read = response
            .body_mut()
            .as_reader()
            .take(self.limits.max_bytes + 1)
            .read_to_end(&mut bytes);
        if let Err(e) = read {
            return Err(self.describe_io(url, &e));
        }
        if bytes.len() as u64 > self.limits.max_bytes {
            return Err(FetchError::TooLarge {
                url: url.to_string(),
                limit: self.limits.max_bytes,
            });
        }
        Ok(Fetched {
            url: final_url,
            content_type,
            bytes,
        })
    }

    /// Fetches several addresses at once, `workers` at a time, in any order;
    /// `on_done` hears of each as it ends (for a progress line). The results
    /// are in the order of `urls`; one failure never stops the others.
    pub fn get_many(
        &self,
        urls: &[String],
        wanted: Wanted,
        workers: usize,
        on_done: &(dyn Fn(usize, &Result<Fetched, FetchError>) + Sync),
    ) -> Vec<Result<Fetched, FetchError>> {
        let next = AtomicUsize::new(0);
        let results: Mutex<Vec<Option<Result<Fetched, FetchError>>>> =
            Mutex::new(urls.iter().map(|_| None).collect());
        std::thread::scope(|scope| {
            for _ in 0..workers.clamp(1, urls.len().max(1)) {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(url) = urls.get(i) else { break };
                        let result = self.get(url, wanted);
                        on_done(i, &result);
                        if let Ok(mut slots) = results.lock() {
                            slots[i] = Some(result);
                        }
                    }
                });
            }
        });
        results
            .into_inner()
            .unwrap_or_default()
            .into_iter()
            .zip(urls)
            .map(|(slot, url)| {
                slot.unwrap_or_else(|| {
                    Err(FetchError::Other {
                        url: url.clone(),
                        message: "the fetch did not finish".to_string(),
                    })
                })
            })
            .collect()
    }

    fn describe(&self, url: &str, error: ureq::Error) -> FetchError {
        let url = url.to_string();
        match error {
            ureq::Error::StatusCode(status) => FetchError::Status { url, status },
            ureq::Error::Timeout(_) => FetchError::Timeout {
                url,
                timeout: self.limits.timeout,
            },
            ureq::Error::BodyExceedsLimit(_) => FetchError::TooLarge {
                url,
                limit: self.limits.max_bytes,
            },
            ureq::Error::TooManyRedirects => FetchError::TooManyRedirects {
                url,
                limit: self.limits.max_redirects,
            },
            ureq::Error::HostNotFound => FetchError::HostNotFound { url },
            ureq::Error::ConnectionFailed => FetchError::CannotConnect { url },
            ureq::Error::Io(e) => self.describe_io(&url, &e),
            other => FetchError::Other {
                url,
                message: other.to_string(),
            },
        }
    }

    fn describe_io(&self, url: &str, error: &std::io::Error) -> FetchError {
        let url = url.to_string();
        // ureq reports its own timeouts inside io errors while a body is read.
        let text = error.to_string();
        if matches!(
            error.kind(),
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock
        ) || text.contains("imeout")
        {
            return FetchError::Timeout {
                url,
                timeout: self.limits.timeout,
            };
        }
        if error.kind() == std::io::ErrorKind::ConnectionRefused {
            return FetchError::CannotConnect { url };
        }
        FetchError::Other { url, message: text }
    }
}

/// Whether a `Content-Type` fits what was asked for. Servers label feeds
/// loosely (`text/xml`, `text/plain`), so feeds accept any text or XML/JSON.
fn acceptable(content_type: &str, wanted: Wanted) -> bool {
    let kind = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match wanted {
        Wanted::Page => kind.is_empty() || kind.contains("html") || kind == "application/xml",
        Wanted::Feed => {
            kind.is_empty()
                || kind.starts_with("text/")
                || kind.contains("xml")
                || kind.contains("json")
                || kind.contains("rss")
                || kind.contains("atom")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_checked_for_what_was_asked() {
        assert!(acceptable("text/html; charset=utf-8", Wanted::Page));
        assert!(acceptable("application/xhtml+xml", Wanted::Page));
        assert!(!acceptable("application/pdf", Wanted::Page));
        assert!(acceptable("application/rss+xml", Wanted::Feed));
        assert!(acceptable("application/feed+json", Wanted::Feed));
        assert!(!acceptable("image/png", Wanted::Feed));
    }

    #[test]
    fn errors_name_the_address_on_one_line() {
        let e = FetchError::Status {
            url: "https://x.example/a\u{1b}[2J".to_string(),
            status: 404,
        };
        assert_eq!(
            e.to_string(),
            "https://x.example/a\\u{1b}[2J: HTTP 404 Not Found"
        );
        assert!(!is_web_address("file.html"));
        assert!(is_web_address("HTTPS://x.example"));
    }
}
