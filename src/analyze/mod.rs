//! What each passage says and who says it, read once for every later stage:
//! the digest, disputes, discrepancies, exports and the interface read these
//! readings instead of parsing passages again.

pub mod attribution;
pub mod sources;
pub mod voices;

pub use attribution::{Attribution, Stance};
pub use sources::Sources;
pub use voices::{Voice, Voices};
