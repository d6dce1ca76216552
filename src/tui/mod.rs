//! The terminal interface: what was read at start-up ([`story::Story`]),
//! app state ([`app::App`]), a closed set of actions, one `update` that
//! changes the state, rows computed from data ([`rows`]) that update
//! measures and drawing shows, and drawing ([`view`]) that only reads the
//! state. The loop is generic over ratatui's `Backend` and over where
//! events come from, so tests drive it with `TestBackend` and scripted keys.

pub mod action;
pub mod app;
pub mod effect;
pub mod keymap;
pub mod layout;
pub mod loading;
pub mod rows;
pub mod search_worker;
pub mod story;
pub mod terminal;
pub mod terminal_text;
pub mod theme;
pub mod view;

#[cfg(test)]
mod tests;

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use std::io::{Stdout, Write};

use anyhow::{Context as _, Result};
use ratatui::Terminal;
use ratatui::backend::{Backend, CrosstermBackend};
use ratatui::crossterm::event::{self, Event};

pub use app::App;
use effect::Effect;
use search_worker::SearchWorker;

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
/// How long the loop waits for input while a search is under way, so its
/// results show soon after they are ready.
const SEARCH_POLL: Duration = Duration::from_millis(10);
/// How long the loop goes on handling waiting input before it redraws, so
/// a flood of input still shows. Handling one event is cheap (matching
/// and highlighting wait for the redraw), so a quit key behind thousands
/// of queued keys still acts within one frame.
const FRAME: Duration = Duration::from_millis(33);

/// Runs until the app quits, the source ends, or `stop` is raised (by a
/// signal). Matching runs on a worker thread: the loop hands over the
/// query once all waiting input is handled, and keeps reading keys and
/// drawing while the worker ranks, so typing never waits on matching.
/// Carries out an [`Effect`] on the terminal; `Ok(Some(message))` is shown
/// in the status bar. A failure is shown too, never fatal.
pub type Perform<'a, B> = dyn FnMut(&mut Terminal<B>, Effect) -> Result<Option<String>> + 'a;

pub fn run_loop<B, E>(
    terminal: &mut Terminal<B>,
    app: &mut App,
    events: &mut E,
    stop: &AtomicBool,
    perform: &mut Perform<'_, B>,
) -> Result<()>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
{
    let worker = SearchWorker::spawn(Arc::clone(&app.search_index));
    loop {
        for effect in app.take_effects() {
            match perform(terminal, effect) {
                Ok(Some(message)) => app.message = Some(message),
                Ok(None) => {}
                Err(error) => app.message = Some(format!("{error:#}")),
            }
        }
        if let Some(query) = app.take_search_request() {
            worker.request(query);
        }
        for (query, hits) in worker.ready() {
            app.receive_search(&query, hits);
        }
        terminal
            .draw(|frame| view::render(app, frame))
            .context("drawing the screen")?;
        if app.quit || stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        if events.finished() {
            // Scripted input ran out: show the last search's results.
            if app.search_waiting()
                && let Some((query, hits)) = worker.wait(Duration::from_secs(10))
            {
                app.receive_search(&query, hits);
                continue;
            }
            return Ok(());
        }
        let timeout = if app.search_waiting() {
            SEARCH_POLL
        } else {
            POLL
        };
        let Some(first) = events.next_event(timeout)? else {
            continue;
        };
        app.handle_event(&first);
        let frame_started = std::time::Instant::now();
        while !app.quit && frame_started.elapsed() < FRAME {
            match events.next_event(Duration::ZERO)? {
                Some(event) => app.handle_event(&event),
                None => break,
            }
        }
    }
}

/// How long the loop has to notice a termination signal before the
/// process leaves without it.
const SIGNAL_GRACE: Duration = Duration::from_secs(1);

/// On SIGTERM, SIGHUP or SIGINT, asks the loop to stop; it notices within
/// one poll and restores the terminal on its way out. When the terminal
/// has gone away (SIGHUP), the input reader may never return, so after a
/// grace period the watcher restores what it can and exits by itself.
fn watch_signals(stop: Arc<AtomicBool>) -> Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])
        .context("listening for termination signals")?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::SeqCst);
            std::thread::sleep(SIGNAL_GRACE);
            terminal::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// Opens the interface on the real terminal: shows progress from the
/// first frame while `load` builds the app on another thread, then runs
/// the app. `Ok(None)` when the user quit while loading. The terminal is
/// restored when this returns, on error, on panic and on SIGTERM/SIGHUP.
pub fn run<T>(
    folder: &str,
    keymap: &keymap::Keymap,
    theme: &theme::Theme,
    load: impl FnOnce(&loading::Loading) -> Result<(App, T)> + Send + 'static,
    exit_after_first_frame: bool,
) -> Result<Option<T>>
where
    T: Send + 'static,
{
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    let mut guard = terminal::TerminalGuard::enter()?;
    let setup = (folder, keymap, theme, Arc::new(loading::Loading::default()));
    let loaded = loading::wait_for(guard.terminal(), &mut TerminalEvents, &stop, setup, load)?;
    let Some(loaded) = loaded else {
        return Ok(None);
    };
    let (mut app, extra) = loaded?;
    let size = guard
        .terminal()
        .size()
        .context("reading the terminal size")?;
    app.update(action::Action::Resize {
        width: size.width,
        height: size.height,
    });
    if std::env::var_os(PANIC_AFTER_FIRST_FRAME).is_some() {
        guard
            .terminal()
            .draw(|frame| view::render(&app, frame))
            .context("drawing the screen")?;
        panic!("{PANIC_AFTER_FIRST_FRAME} is set: panicking after the first frame, as asked");
    }
    // The loop draws before it looks at `quit`: one frame, then it returns.
    app.quit = exit_after_first_frame;
    run_loop(
        guard.terminal(),
        &mut app,
        &mut TerminalEvents,
        &stop,
        &mut perform_on_terminal,
    )?;
    Ok(Some(extra))
}

/// Effects on the real terminal: OSC 52 written straight to it; the pager
/// or editor run with the terminal handed back to the shell meanwhile,
/// then the interface redrawn whole.
fn perform_on_terminal(
    terminal: &mut Terminal<CrosstermBackend<Stdout>>,
    effect: Effect,
) -> Result<Option<String>> {
    match effect {
        Effect::Copy(text) => {
            let backend = terminal.backend_mut();
            backend
                .write_all(effect::osc52(&text).as_bytes())
                .and_then(|()| Write::flush(backend))
                .context("writing to the clipboard")?;
            Ok(None)
        }
        Effect::Open { path, line } => {
            let viewer = effect::viewer();
            let Some((program, args)) = viewer.split_first() else {
                return Ok(None);
            };
            terminal::suspend();
            let status = std::process::Command::new(program)
                .args(args)
                .arg(format!("+{line}"))
                .arg(&path)
                .status();
            let resumed = terminal::resume();
            terminal.clear().context("redrawing the screen")?;
            resumed?;
            let shown = newsdigest::text::escape_controls(program);
            match status {
                Ok(s) if s.success() => Ok(None),
                Ok(s) => Ok(Some(format!("{shown} exited with {s}"))),
                Err(e) => Ok(Some(format!("could not run {shown}: {e}"))),
            }
        }
    }
}

/// A hidden switch for the end-to-end test of the panic path: the program
/// draws one frame and then panics, so the test can see that the panic hook
/// and the guard leave raw mode and the alternate screen.
const PANIC_AFTER_FIRST_FRAME: &str = "NEWSDIGEST_DEBUG_PANIC_AFTER_FIRST_FRAME";
