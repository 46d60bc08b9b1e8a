//! The hash maps and sets of the matcher, the roster and the rules: `foldhash`'s fast hasher, seeded per process,
//! in place of the standard SipHash, which cost about 3% of extraction in lookups of short keys.

/// A `HashMap` with `foldhash`'s fast hasher; make one with `HashMap::default()`.
pub(crate) type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;

/// A `HashSet` with `foldhash`'s fast hasher; make one with `HashSet::default()`.
pub(crate) type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
