//! Vietnamese syllables: whether a word can be one.
//!
//! A Vietnamese name is made of syllables, and a syllable is an onset (none, "b", "ch", "ngh", "qu", …), a vowel
//! nucleus ("a", "oa", "uye", "ieu", …) and a final (none, "c", "ch", "m", "n", "ng", "nh", "p", "t"). In text
//! written in capitals, where every word looks like a name, this is what tells "HOANG TRUNG HAI" from the "HAS
//! BEEN NAMED" after it: English words rarely fit the shape. Chinese names, which the same articles hold, are read
//! in pinyin ("Dong Jun").

/// Onsets, longest first so that "ngh" is tried before "ng" and "n".
const ONSETS: &[&str] = &[
    "ngh", "ch", "gh", "gi", "kh", "ng", "nh", "ph", "qu", "th", "tr", "b", "c", "d", "g", "h",
    "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

/// Vowel nuclei without diacritics, semivowel finals included ("ai", "ao", "uoi").
const NUCLEI: &[&str] = &[
    "a", "ai", "ao", "au", "ay", "e", "eo", "eu", "i", "ia", "ie", "ieu", "iu", "o", "oa", "oai",
    "oao", "oay", "oe", "oeo", "oi", "oo", "u", "ua", "uai", "uay", "ue", "ui", "uo", "uoi", "uou",
    "uu", "uy", "uya", "uye", "uyu", "y", "ye", "yeu",
];

/// Finals, the empty one included.
const FINALS: &[&str] = &["", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

/// Whether `word`, folded (lower case, no diacritics: "nguyen"), can be a Vietnamese syllable.
pub(crate) fn is_syllable(word: &str) -> bool {
    if word.is_empty() || word.len() > 7 || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return false;
    }
    ONSETS
        .iter()
        .filter_map(|o| word.strip_prefix(o))
        .any(|rest| {
            FINALS
                .iter()
                .filter_map(|f| rest.strip_suffix(f))
                .any(|nucleus| NUCLEI.contains(&nucleus))
        })
}

/// Pinyin initials, longest first.
const PINYIN_INITIALS: &[&str] = &[
    "zh", "ch", "sh", "b", "p", "m", "f", "d", "t", "n", "l", "g", "k", "h", "j", "q", "x", "r",
    "z", "c", "s", "y", "w", "",
];

/// Pinyin finals without tone marks (ü written u or v).
const PINYIN_FINALS: &[&str] = &[
    "a", "o", "e", "ai", "ei", "ao", "ou", "an", "en", "ang", "eng", "ong", "er", "i", "ia", "ie",
    "iao", "iu", "ian", "in", "iang", "ing", "iong", "u", "ua", "uo", "uai", "ui", "uan", "un",
    "uang", "ueng", "ue", "v", "ve", "van", "vn",
];

/// Whether `word`, folded, can be a syllable of a Chinese name in pinyin ("dong jun", "xi jinping" has two).
pub(crate) fn is_pinyin(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= 6
        && PINYIN_INITIALS
            .iter()
            .filter_map(|i| word.strip_prefix(i))
            .any(|f| PINYIN_FINALS.contains(&f))
}

/// Whether `word`, folded, can be a syllable of a name of the region: Vietnamese, or Chinese in pinyin.
pub(crate) fn is_name_syllable(word: &str) -> bool {
    is_syllable(word) || is_pinyin(word)
}

#[cfg(test)]
mod tests {
    use super::{is_name_syllable, is_syllable};

    #[test]
    fn vietnamese_syllables_fit() {
        for w in [
            "nguyen", "huynh", "nghia", "quyet", "khuong", "truong", "gia", "giap", "hoang",
            "oanh", "anh", "yen", "uyen", "thieu", "xuan", "doan", "a", "o", "tien", "dung",
            "ngoc", "thuy", "phuoc", "luu", "chinh",
        ] {
            assert!(is_syllable(w), "{w}");
        }
    }

    #[test]
    fn pinyin_syllables_are_name_syllables() {
        for w in [
            "jun", "zhao", "wei", "xi", "qiang", "zhang", "shen", "cai", "jin", "ping",
        ] {
            assert!(is_name_syllable(w), "{w}");
        }
        for w in ["september", "culture", "lunar", "has", "been", "meets"] {
            assert!(!is_name_syllable(w), "{w}");
        }
    }

    #[test]
    fn most_english_words_do_not() {
        for w in [
            "has",
            "been",
            "named",
            "and",
            "mr",
            "of",
            "for",
            "as",
            "voters",
            "meets",
            "development",
            "quickly",
            "elect",
            "presented",
            "congratulates",
            "culture",
            "",
            "Nguyen",
            "x1",
        ] {
            assert!(!is_syllable(w), "{w}");
        }
    }
}
