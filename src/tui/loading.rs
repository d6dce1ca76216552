//! The screen shown while a folder loads and the digest is built, from the
//! first frame: which step is under way, files read, articles split, and
//! the time so far. The quit keys work throughout; the work itself runs on
//! another thread.

use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context as _, Result};
use newsdigest::corpus::LoadProgress;
use newsdigest::digest::transformer::EmbeddingProgress;
use ratatui::Frame;
use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::crossterm::event::Event;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::Paragraph;

use super::EventSource;
use super::action::{Action, Context};
use super::keymap::{KeyPress, Keymap, Lookup};
use super::terminal_text::visible;
use super::theme::Theme;

/// The steps between launch and the first screen of the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Step {
    ReadingFiles = 0,
    BuildingDigest = 1,
    FindingDisagreements = 2,
    PreparingScreens = 3,
}

impl Step {
    fn from_u8(n: u8) -> Step {
        match n {
            0 => Step::ReadingFiles,
            1 => Step::BuildingDigest,
            2 => Step::FindingDisagreements,
            _ => Step::PreparingScreens,
        }
    }

    fn describe(self) -> &'static str {
        match self {
            Step::ReadingFiles => "Reading and splitting the articles",
            Step::BuildingDigest => "Grouping passages into claims",
            Step::FindingDisagreements => "Finding disputes and discrepancies",
            Step::PreparingScreens => "Preparing the screens",
        }
    }
}

/// Shared between the loading thread, which moves it on, and the screen,
/// which reads it.
#[derive(Debug, Default)]
pub struct Loading {
    pub files: LoadProgress,
    /// Sentences read by the transformer: most of a cold start's time.
    pub embedding: Arc<EmbeddingProgress>,
    step: AtomicU8,
}

impl Loading {
    pub fn enter(&self, step: Step) {
        self.step.store(step as u8, Ordering::Relaxed);
    }

    pub fn step(&self) -> Step {
        Step::from_u8(self.step.load(Ordering::Relaxed))
    }
}

/// What the screen shows: a pure function of the folder's name, the
/// progress so far and the time taken.
pub fn render(
    frame: &mut Frame,
    folder: &str,
    loading: &Loading,
    elapsed: Duration,
    theme: &Theme,
) {
    let area = frame.area();
    let files = &loading.files;
    let found = files.files_found.load(Ordering::Relaxed);
    let read = files.files_read.load(Ordering::Relaxed);
    let parsed = files.articles_parsed.load(Ordering::Relaxed);
    let megabytes = files.bytes_read.load(Ordering::Relaxed) as f64 / 1_048_576.0;
    let step = loading.step();
    let mut lines = vec![
        Line::styled(format!("newsdigest · {}", visible(folder)), theme.title),
        Line::raw(""),
        Line::raw(format!(
            "{}…  {:.1} s",
            step.describe(),
            elapsed.as_secs_f64()
        )),
    ];
    if found > 0 {
        lines.push(Line::styled(
            format!(
                "{read} of {found} files read ({megabytes:.1} MB) · {parsed} split into passages"
            ),
            theme.dim,
        ));
    }
    let embedded = loading.embedding.embedded.load(Ordering::Relaxed);
    let cached = loading.embedding.cached.load(Ordering::Relaxed);
    if embedded + cached > 0 {
        lines.push(Line::styled(
            format!("{embedded} sentences read by the language model · {cached} from its cache"),
            theme.dim,
        ));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled("q or ctrl-c quits", theme.dim));
    let height = (lines.len() as u16).min(area.height);
    let top = area.y + area.height.saturating_sub(height) / 2;
    let rect = Rect::new(area.x, top, area.width, height);
    frame.render_widget(
        Paragraph::new(lines).alignment(ratatui::layout::Alignment::Center),
        rect,
    );
}

/// Whether an event asks to quit while loading: ctrl-c, or a key bound to
/// `quit` everywhere.
fn asks_to_quit(event: &Event, keymap: &Keymap) -> bool {
    let Event::Key(key) = event else {
        return false;
    };
    let press = KeyPress::from_event(key);
    press.is_ctrl_c() || keymap.lookup_in(Context::Global, &[press]) == Lookup::Action(Action::Quit)
}

/// How often the screen is redrawn while loading.
const TICK: Duration = Duration::from_millis(100);
/// How long one wait for input lasts before the work is looked at again.
const WAIT: Duration = Duration::from_millis(5);

/// Runs `work` on its own thread and shows its progress until it is done.
/// `None` when the user quit (or `stop` was raised) before it finished;
/// the thread is then left to end with the process.
pub fn wait_for<B, E, T>(
    terminal: &mut Terminal<B>,
    events: &mut E,
    stop: &std::sync::atomic::AtomicBool,
    setup: (&str, &Keymap, &Theme, Arc<Loading>),
    work: impl FnOnce(&Loading) -> T + Send + 'static,
) -> Result<Option<T>>
where
    B: Backend,
    B::Error: Send + Sync + 'static,
    E: EventSource,
    T: Send + 'static,
{
    let (folder, keymap, theme, loading) = setup;
    let started = Instant::now();
    let (done, result) = mpsc::channel();
    let shared = Arc::clone(&loading);
    std::thread::Builder::new()
        .name("loading".to_string())
        .spawn(move || {
            // The receiver is gone only when the user quit first.
            let _ = done.send(work(&shared));
        })
        .context("starting the loading thread")?;
    let mut drawn: Option<Instant> = None;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(None);
        }
        match result.try_recv() {
            Ok(value) => return Ok(Some(value)),
            Err(mpsc::TryRecvError::Disconnected) => {
                anyhow::bail!("loading stopped without a result")
            }
            Err(mpsc::TryRecvError::Empty) => {}
        }
        // Drawn only after the work was looked at: when it panicked, the
        // panic hook has already given the terminal back.
        if drawn.is_none_or(|at| at.elapsed() >= TICK) {
            terminal
                .draw(|frame| render(frame, folder, &loading, started.elapsed(), theme))
                .context("drawing the screen")?;
            drawn = Some(Instant::now());
        }
        if events.finished() {
            // Scripted input ran out: wait for the work.
            return Ok(result.recv().ok());
        }
        // Input is read while waiting, so the quit keys act at once; the
        // wait is short, so the story shows as soon as it is ready.
        if let Some(event) = events.next_event(WAIT)?
            && asks_to_quit(&event, keymap)
        {
            return Ok(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::atomic::AtomicBool;

    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    use super::*;

    /// Events handed out one by one, each after a pause, then none.
    struct Slow(VecDeque<Event>);

    impl EventSource for Slow {
        fn next_event(&mut self, timeout: Duration) -> Result<Option<Event>> {
            std::thread::sleep(timeout);
            Ok(self.0.pop_front())
        }
    }

    fn key(c: char) -> Event {
        Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    fn setup(keymap: &Keymap) -> (&str, &Keymap, &Theme, Arc<Loading>) {
        static THEME: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
        let theme = THEME.get_or_init(Theme::no_color);
        ("articles", keymap, theme, Arc::new(Loading::default()))
    }

    #[test]
    fn progress_shows_from_the_first_frame_and_q_quits_while_loading() {
        let keymap = Keymap::defaults().expect("default keymap");
        let mut terminal = Terminal::new(TestBackend::new(60, 10)).expect("terminal");
        let stop = AtomicBool::new(false);
        let mut events = Slow(VecDeque::from([key('x'), key('q')]));
        let started = Instant::now();
        let outcome = wait_for(
            &mut terminal,
            &mut events,
            &stop,
            setup(&keymap),
            |loading| {
                loading.enter(Step::BuildingDigest);
                // Far longer than the test: only quitting ends the wait.
                std::thread::sleep(Duration::from_secs(30));
            },
        )
        .expect("the screen runs");
        assert!(outcome.is_none(), "q quit while loading");
        assert!(started.elapsed() < Duration::from_secs(20));
        let screen: String = terminal
            .backend()
            .buffer()
            .content
            .iter()
            .map(|c| c.symbol())
            .collect();
        assert!(screen.contains("newsdigest · articles"), "{screen}");
        assert!(screen.contains("q or ctrl-c quits"), "{screen}");
    }

    #[test]
    fn the_work_is_handed_back_when_done() {
        let keymap = Keymap::defaults().expect("default keymap");
        let mut terminal = Terminal::new(TestBackend::new(60, 10)).expect("terminal");
        let stop = AtomicBool::new(false);
        let mut events = Slow(VecDeque::new());
        let outcome = wait_for(&mut terminal, &mut events, &stop, setup(&keymap), |_| 42)
            .expect("the screen runs");
        assert_eq!(outcome, Some(42));
    }
}
