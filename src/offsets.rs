//! Offset maps: for each byte of a derived text (cleaned, folded), the byte offset in the text it came from.

/// One original offset per derived byte: four bytes each, or eight when the original is longer than `u32` can
/// count (4 GiB), so that offsets never wrap and ordinary texts pay half the memory.
#[derive(Debug, Clone, Default)]
pub(crate) struct OffsetMap {
    narrow: Vec<u32>,
    wide: Option<Vec<usize>>,
}

impl OffsetMap {
    /// An empty map for a text derived from an original of `original_len` bytes.
    pub(crate) fn new(original_len: usize) -> OffsetMap {
        if u32::try_from(original_len).is_ok() {
            OffsetMap {
                narrow: Vec::with_capacity(original_len),
                wide: None,
            }
        } else {
            OffsetMap {
                narrow: Vec::new(),
                wide: Some(Vec::with_capacity(original_len)),
            }
        }
    }

    /// Maps every derived byte up to `len` to original offset `at`.
    #[inline]
    pub(crate) fn fill_to(&mut self, len: usize, at: usize) {
        match &mut self.wide {
            None => self.narrow.resize(len, at as u32),
            Some(w) => w.resize(len, at),
        }
    }

    /// Maps the next derived byte to original offset `at`.
    #[inline]
    pub(crate) fn push(&mut self, at: usize) {
        match &mut self.wide {
            None => self.narrow.push(at as u32),
            Some(w) => w.push(at),
        }
    }

    /// Forgets the last derived byte.
    pub(crate) fn pop(&mut self) {
        match &mut self.wide {
            None => {
                self.narrow.pop();
            }
            Some(w) => {
                w.pop();
            }
        }
    }

    /// The number of derived bytes mapped.
    pub(crate) fn len(&self) -> usize {
        self.wide.as_ref().map_or(self.narrow.len(), Vec::len)
    }

    /// Whether no byte is mapped (the identity map, for a text that was not derived).
    pub(crate) fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The original offset of derived byte `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<usize> {
        match &self.wide {
            None => self.narrow.get(i).map(|&o| o as usize),
            Some(w) => w.get(i).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OffsetMap;

    #[test]
    fn offsets_map_back() {
        let mut m = OffsetMap::new(10);
        m.fill_to(2, 0);
        m.fill_to(3, 4);
        assert_eq!(
            (m.len(), m.get(1), m.get(2), m.get(3)),
            (3, Some(0), Some(4), None)
        );
        m.pop();
        assert_eq!(m.len(), 2);
    }
}
