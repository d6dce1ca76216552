//! Entering and leaving the terminal's interactive mode. Leaving happens in
//! `Drop` and in the panic hook, so every exit path restores raw mode, the
//! main screen, mouse reporting, bracketed paste and the cursor.

use std::io::{self, Stdout};
use std::sync::Once;

use anyhow::{Context, Result};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};

/// The terminal in raw mode on the alternate screen; restored on drop.
pub struct TerminalGuard {
    terminal: Terminal<CrosstermBackend<Stdout>>,
}

/// Puts the terminal back as the shell expects it. Safe to call twice.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        ratatui::crossterm::cursor::Show
    );
}

/// Hands the terminal to another program (a pager): the shell's modes
/// back, as on exit.
pub fn suspend() {
    restore();
}

/// Takes the terminal back after [`suspend`]: the modes [`TerminalGuard::enter`] sets.
pub fn resume() -> Result<()> {
    enable_raw_mode().context("switching the terminal to raw mode")?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        EnableBracketedPaste,
        ratatui::crossterm::cursor::Hide
    )
    .context("switching to the alternate screen")
}

static PANIC_HOOK: Once = Once::new();

/// Restores the terminal before the default hook prints the panic, so the
/// message lands on a usable screen.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| run_before_panic_report(restore));
}

/// Chains `first` in front of the current panic hook.
fn run_before_panic_report(first: fn()) {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        first();
        previous(info);
    }));
}

impl TerminalGuard {
    pub fn enter() -> Result<TerminalGuard> {
        install_panic_hook();
        let entered = (|| -> Result<TerminalGuard> {
            enable_raw_mode().context("switching the terminal to raw mode")?;
            // Bracketed paste: a paste arrives as one event, one edit,
            // rather than as thousands of keys that each redraw.
            execute!(
                io::stdout(),
                EnterAlternateScreen,
                EnableMouseCapture,
                EnableBracketedPaste
            )
            .context("switching to the alternate screen")?;
            let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))
                .context("opening the terminal")?;
            terminal.hide_cursor().context("hiding the cursor")?;
            terminal.clear().context("clearing the screen")?;
            Ok(TerminalGuard { terminal })
        })();
        if entered.is_err() {
            restore();
        }
        entered
    }

    pub fn terminal(&mut self) -> &mut Terminal<CrosstermBackend<Stdout>> {
        &mut self.terminal
    }
}

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::run_before_panic_report;

    static RAN: AtomicBool = AtomicBool::new(false);

    fn mark() {
        RAN.store(true, Ordering::SeqCst);
    }

    #[test]
    fn a_panic_runs_the_restore_hook_first() {
        run_before_panic_report(mark);
        let outcome = std::thread::spawn(|| panic!("a panic in the interface")).join();
        assert!(outcome.is_err());
        assert!(RAN.load(Ordering::SeqCst));
    }
}
