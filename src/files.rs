//! Reading a file given by a user without being held up or overwhelmed by
//! it: only regular files (or links to them) are read, opening never waits
//! on a pipe or a device, and no more than a size limit is read.

use std::fs::{self, File};
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// The largest file read by default: far above any article, keymap or
/// labelled sample, far below what would exhaust memory.
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// The environment variable that raises (or lowers) the size limit, in
/// megabytes (MiB).
pub const MAX_FILE_MB_VAR: &str = "NEWSDIGEST_MAX_FILE_MB";

/// Why a file was not read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    /// A pipe, a device, a socket or a folder: reading it could block
    /// forever or never end.
    #[error("is {kind}, not a regular file")]
    NotRegular { kind: &'static str },
    #[error(
        "is {} MiB, over the limit of {} MiB (set {MAX_FILE_MB_VAR} to raise it)",
        mib_rounded_up(*.size),
        mib_rounded_up(*.limit)
    )]
    TooLarge { size: u64, limit: u64 },
    #[error("{}", describe_io_error(.0))]
    Io(#[from] io::Error),
}

/// Megabytes for messages, rounded up so a file just over the limit does
/// not read as equal to it.
fn mib_rounded_up(bytes: u64) -> u64 {
    bytes.div_ceil(1024 * 1024)
}

/// An I/O error in plain words.
pub fn describe_io_error(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        io::ErrorKind::NotFound => "does not exist (a broken or looping link?)".to_string(),
        _ => {
            // ELOOP has no stable ErrorKind; say it plainly.
            if e.raw_os_error() == Some(40) {
                "symbolic link loop".to_string()
            } else {
                e.to_string()
            }
        }
    }
}

/// The size limit from `NEWSDIGEST_MAX_FILE_MB`, or the default when it is
/// not set. A value that is not a whole number of megabytes above zero is
/// an error that says what was found.
pub fn max_file_bytes_from_env() -> Result<u64, String> {
    match std::env::var_os(MAX_FILE_MB_VAR) {
        None => Ok(DEFAULT_MAX_FILE_BYTES),
        Some(value) => {
            let text = value.to_string_lossy();
            match text.trim().parse::<u64>() {
                Ok(mb) if mb > 0 => Ok(mb.saturating_mul(1024 * 1024)),
                _ => Err(format!(
                    "{MAX_FILE_MB_VAR}={}: expected a whole number of megabytes above 0",
                    crate::text::escape_controls(&text)
                )),
            }
        }
    }
}

/// What kind of thing a non-regular file is, in words.
fn kind_of(meta: &fs::Metadata) -> &'static str {
    let kind = meta.file_type();
    if kind.is_dir() {
        return "a folder";
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    "not a regular file"
}

/// Opens a file for reading without waiting: on Unix with `O_NONBLOCK`, so
/// a file swapped for a pipe after its metadata was read still cannot
/// block the open.
fn open_without_waiting(path: &Path) -> io::Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// Reads a regular file (or a link to one) of at most `limit` bytes.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    // Looked at before opening: opening a FIFO for reading blocks until a
    // writer comes, and a device may never end.
    let meta = fs::metadata(path)?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(&meta),
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            size: meta.len(),
            limit,
        });
    }
    let file = open_without_waiting(path)?;
    // Looked at again through the open file, in case the path changed
    // between the two looks.
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Err(ReadError::NotRegular {
            kind: kind_of(&meta),
        });
    }
    read_capped(file, meta.len(), limit)
}

/// Reads at most `limit` bytes from any reader (standard input, say); more
/// is an error rather than a slow exhaustion of memory.
pub fn read_stream_limited(reader: impl Read, limit: u64) -> Result<Vec<u8>, ReadError> {
    read_capped(reader, 0, limit)
}

fn read_capped(reader: impl Read, expected: u64, limit: u64) -> Result<Vec<u8>, ReadError> {
    let capacity = usize::try_from(expected.min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    // One byte past the limit tells a file that grew past it while read.
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    let size = bytes.len() as u64;
    if size > limit {
        return Err(ReadError::TooLarge { size, limit });
    }
    Ok(bytes)
}

/// Reads a regular file as UTF-8 text of at most `limit` bytes, for the
/// command-line flags that name a file (`--keymap`, `--pairs`, `eval`'s
/// gold). The message names the file in printable form.
pub fn read_text_limited(path: &Path, limit: u64) -> Result<String, FileError> {
    let bytes = read_limited(path, limit).map_err(|e| FileError::new(path, e.to_string()))?;
    text_of(bytes).map_err(|reason| FileError::new(path, reason))
}

/// Bytes as UTF-8 text, or why they are not: UTF-16 is named as such.
pub fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    if let Some(encoding) = utf16_bom(&bytes) {
        return Err(format!(
            "is {encoding} text (it starts with a byte-order mark); save it as UTF-8"
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "is not valid UTF-8 (invalid byte at offset {})",
            e.utf8_error().valid_up_to()
        )
    })
}

/// "UTF-16LE" or "UTF-16BE" when the bytes open with that byte-order mark.
pub fn utf16_bom(bytes: &[u8]) -> Option<&'static str> {
    match bytes {
        [0xFF, 0xFE, ..] => Some("UTF-16LE"),
        [0xFE, 0xFF, ..] => Some("UTF-16BE"),
        _ => None,
    }
}

/// A file that could not be read, and why; shown as "PATH: reason" with
/// the path's control characters escaped.
#[derive(Debug, thiserror::Error)]
#[error("{}: {reason}", crate::text::printable_path(path))]
pub struct FileError {
    pub path: PathBuf,
    pub reason: String,
}

impl FileError {
    pub fn new(path: &Path, reason: String) -> FileError {
        FileError {
            path: path.to_path_buf(),
            reason,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("newsdigest-files-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch folder");
        dir
    }

    #[test]
    fn reads_a_regular_file_within_the_limit() {
        let dir = scratch("regular");
        let path = dir.join("a.txt");
        fs::write(&path, "twelve bytes").expect("write");
        assert_eq!(
            read_limited(&path, 12).expect("read"),
            b"twelve bytes".to_vec()
        );
        let err = read_limited(&path, 11).expect_err("over the limit");
        assert!(matches!(
            err,
            ReadError::TooLarge {
                size: 12,
                limit: 11
            }
        ));
        assert!(err.to_string().contains(MAX_FILE_MB_VAR), "{err}");
    }

    #[test]
    fn refuses_folders_and_devices_by_name() {
        let dir = scratch("kinds");
        let err = read_limited(&dir, 100).expect_err("a folder");
        assert_eq!(err.to_string(), "is a folder, not a regular file");
        #[cfg(unix)]
        {
            let err = read_limited(Path::new("/dev/zero"), 100).expect_err("a device");
            assert_eq!(err.to_string(), "is a character device, not a regular file");
        }
    }

    #[test]
    fn a_stream_is_cut_at_the_limit() {
        let endless = io::repeat(b'x');
        let err = read_stream_limited(endless, 1000).expect_err("endless");
        assert!(matches!(err, ReadError::TooLarge { size: 1001, .. }));
        assert_eq!(
            read_stream_limited(&b"short"[..], 1000).expect("short"),
            b"short".to_vec()
        );
    }

    #[test]
    fn names_utf16_text() {
        let reason = text_of(vec![0xFF, 0xFE, b'a', 0]).expect_err("UTF-16");
        assert!(reason.contains("UTF-16LE"), "{reason}");
        assert_eq!(text_of(b"plain".to_vec()).as_deref(), Ok("plain"));
    }

    #[test]
    fn names_the_file_printably() {
        let err = FileError::new(Path::new("d/a\u{1b}]52;c;x\u{7}.txt"), "why".to_string());
        let shown = err.to_string();
        assert!(!shown.contains('\u{1b}'), "{shown}");
        assert!(shown.ends_with(": why"), "{shown}");
    }
}
