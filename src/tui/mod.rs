//! The terminal interface: app state ([`app::App`]), a closed set of
//! actions, one `update` that changes the state, and drawing that only
//! reads it. The loop is generic over ratatui's `Backend` and over where
//! events come from, so tests drive it with `TestBackend` and scripted keys.

pub mod action;
pub mod app;
pub mod keymap;
pub mod layout;
pub mod terminal;
pub mod terminal_text;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::{self, Event};

pub use app::App;

/// Where the loop gets its events.
pub trait EventSource {
    /// The next event, or `None` when none came within the timeout.
    /// `Err` ends the loop.
    fn next_event(&mut self, timeout: Duration) -> Result<Option<Event>>;
    /// Whether the source is exhausted (scripted input ran out).
    fn finished(&self) -> bool {
        false
    }
}

/// Events from the real terminal.
pub struct TerminalEvents;

impl EventSource for TerminalEvents {
    fn next_event(&mut self, timeout: Duration) -> Result<Option<Event>> {
        if event::poll(timeout).context("waiting for terminal input")? {
            Ok(Some(event::read().context("reading terminal input")?))
        } else {
            Ok(None)
        }
    }
}

/// How long the loop waits before looking at signals again.
const POLL: Duration = Duration::from_millis(200);
/// Events handled before a redraw at most, so a flood of input still shows.
const BATCH: usize = 256;

/// Runs until the app quits, the source ends, or `stop` is raised (by a
/// signal). Input that is already waiting is handled before the next
/// search and redraw, so typing never waits on matching.
pub fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
    stop: &AtomicBool,
) -> Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    loop {
        app.refresh_search();
        terminal
            .draw(|frame| view::render(app, frame))
            .context("drawing the screen")?;
        if app.quit || stop.load(Ordering::Relaxed) || events.finished() {
            return Ok(());
        }
        let Some(first) = events.next_event(POLL)? else {
            continue;
        };
        app.handle_event(&first);
        for _ in 0..BATCH {
            if app.quit {
                break;
            }
            match events.next_event(Duration::ZERO)? {
                Some(event) => app.handle_event(&event),
                None => break,
            }
        }
    }
}

/// Opens the interface on the real terminal and runs it. The terminal is
/// restored when this returns, on error, on panic and on SIGTERM/SIGHUP.
pub fn run(app: &mut App) -> Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("listening for termination signals")?;
    }
    let mut guard = terminal::TerminalGuard::enter()?;
    let size = guard
        .terminal()
        .size()
        .context("reading the terminal size")?;
    app.update(action::Action::Resize {
        width: size.width,
        height: size.height,
    });
    run_loop(guard.terminal(), app, &mut TerminalEvents, &stop)
}
