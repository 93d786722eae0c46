//! What the store keeps of an attachment besides its bytes: enough to list a record's files
//! and to check a file read back against the hash taken when it came in.

use chrono::{DateTime, Utc};
use serde::Serialize;

use samenspel_domain::attachment::AttachmentOwner;

/// An attachment's metadata, as listed and as written to the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttachmentInfo {
    pub id: i64,
    pub owner: AttachmentOwner,
    pub name: String,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
    pub added_by: String,
    pub added_at: DateTime<Utc>,
}

/// An attachment read back whole.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredAttachment {
    pub info: AttachmentInfo,
    pub bytes: Vec<u8>,
}
