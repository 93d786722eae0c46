//! A ZIP archive with stored (uncompressed) entries: local headers, the central directory and
//! its end record (PKWARE APPNOTE 6.3, §4.3). Names are ASCII here, so no UTF-8 flag; every
//! entry carries the same fixed time (1 January 1980, the first the format can hold), so the
//! same document always gives the same bytes.

use crc::{CRC_32_ISO_HDLC, Crc};

const LOCAL_HEADER: u32 = 0x0403_4b50;
const CENTRAL_HEADER: u32 = 0x0201_4b50;
const END_OF_DIRECTORY: u32 = 0x0605_4b50;
/// Version 2.0: what a stored entry needs.
const VERSION: u16 = 20;
/// 00:00:00 on 1980-01-01 in MS-DOS time and date.
const DOS_TIME: u16 = 0;
const DOS_DATE: u16 = (1 << 5) | 1;

const CRC32: Crc<u32> = Crc::<u32>::new(&CRC_32_ISO_HDLC);

struct Entry {
    name: String,
    name_len: u16,
    crc: u32,
    size: u32,
    offset: u32,
}

/// An archive being written; entries keep the order they are added in.
pub struct Package {
    bytes: Vec<u8>,
    entries: Vec<Entry>,
}

fn u16_le(out: &mut Vec<u8>, value: u16) {
    out.extend_from_slice(&value.to_le_bytes());
}

fn u32_le(out: &mut Vec<u8>, value: u32) {
    out.extend_from_slice(&value.to_le_bytes());
}

/// The archive would pass a limit of the format without ZIP64 (4 GB, 65,535 entries, a name of
/// 65,535 bytes), which this writer does not write. Documents written here are a few kilobytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("the document is too large for a ZIP archive without ZIP64")]
pub struct TooLarge;

/// A size, offset or count as the format's field of that width.
fn field<T: TryFrom<usize>>(value: usize) -> Result<T, TooLarge> {
    T::try_from(value).map_err(|_| TooLarge)
}

impl Package {
    pub fn new() -> Self {
        Package {
            bytes: Vec::new(),
            entries: Vec::new(),
        }
    }

    /// Adds an entry stored as it is.
    pub fn add(&mut self, name: &str, data: &[u8]) -> Result<(), TooLarge> {
        let entry = Entry {
            name: name.to_owned(),
            name_len: field(name.len())?,
            crc: CRC32.checksum(data),
            size: field(data.len())?,
            offset: field(self.bytes.len())?,
        };
        let out = &mut self.bytes;
        u32_le(out, LOCAL_HEADER);
        Self::common(out, &entry);
        out.extend_from_slice(entry.name.as_bytes());
        out.extend_from_slice(data);
        self.entries.push(entry);
        Ok(())
    }

    /// The fields a local header and a central-directory header share, from "version needed"
    /// to the extra field's length.
    fn common(out: &mut Vec<u8>, entry: &Entry) {
        u16_le(out, VERSION); // version needed to extract
        u16_le(out, 0); // general purpose flags
        u16_le(out, 0); // method: stored
        u16_le(out, DOS_TIME);
        u16_le(out, DOS_DATE);
        u32_le(out, entry.crc);
        u32_le(out, entry.size); // compressed size
        u32_le(out, entry.size); // uncompressed size
        u16_le(out, entry.name_len);
        u16_le(out, 0); // extra field length
    }

    /// The archive with its central directory.
    pub fn finish(mut self) -> Result<Vec<u8>, TooLarge> {
        let directory_offset: u32 = field(self.bytes.len())?;
        let count: u16 = field(self.entries.len())?;
        let out = &mut self.bytes;
        for entry in &self.entries {
            u32_le(out, CENTRAL_HEADER);
            u16_le(out, VERSION); // version made by
            Self::common(out, entry);
            u16_le(out, 0); // comment length
            u16_le(out, 0); // disk number start
            u16_le(out, 0); // internal attributes
            u32_le(out, 0); // external attributes
            u32_le(out, entry.offset);
            out.extend_from_slice(entry.name.as_bytes());
        }
        let directory_size = field::<u32>(out.len())? - directory_offset;
        u32_le(out, END_OF_DIRECTORY);
        u16_le(out, 0); // this disk
        u16_le(out, 0); // disk with the directory
        u16_le(out, count);
        u16_le(out, count);
        u32_le(out, directory_size);
        u32_le(out, directory_offset);
        u16_le(out, 0); // comment length
        Ok(self.bytes)
    }
}
