//! SimHash fingerprints of texts over word shingles.

/// Words per shingle.
const SHINGLE: usize = 3;

/// The 64-bit SimHash of `text`: each run of 3 consecutive words (lowercased, letters and
/// digits only) votes on every bit with its hash. Texts that share most shingles get
/// fingerprints a few bits apart. Texts of fewer than 3 words hash their words together.
pub fn simhash(text: &str) -> u64 {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect();
    if words.is_empty() {
        return 0;
    }
    let mut votes = [0i32; 64];
    let shingles: Vec<&[String]> = if words.len() < SHINGLE {
        vec![&words[..]]
    } else {
        words.windows(SHINGLE).collect()
    };
    for shingle in shingles {
        let h = hash_words(shingle);
        for (bit, vote) in votes.iter_mut().enumerate() {
            if h >> bit & 1 == 1 {
                *vote += 1;
            } else {
                *vote -= 1;
            }
        }
    }
    votes
        .iter()
        .enumerate()
        .filter(|(_, &v)| v > 0)
        .fold(0u64, |fp, (bit, _)| fp | 1 << bit)
}

/// FNV-1a over the words (separated by a space), finished with the splitmix64 mixer so every
/// bit depends on every byte.
fn hash_words(words: &[String]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            h = (h ^ u64::from(b' ')).wrapping_mul(0x0100_0000_01b3);
        }
        for b in w.bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// Bits in which two fingerprints differ.
pub fn hamming(a: u64, b: u64) -> u32 {
    (a ^ b).count_ones()
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str =
        "Russian Deputy Foreign Minister Sergei Ryabkov said on Monday that the talks \
        with the United States in Geneva were difficult but professional. He said Moscow had \
        made clear that NATO must not expand further east and that Russia had no plans to \
        attack Ukraine. US Deputy Secretary of State Wendy Sherman said Washington had pushed \
        back on security proposals that were simply non-starters. The two delegations met for \
        almost eight hours at the US mission. Further talks between Russia and NATO are due in \
        Brussels on Wednesday, followed by a meeting of the OSCE in Vienna on Thursday.";

    #[test]
    fn a_copy_with_a_credit_line_and_new_wrapping_stays_within_a_few_bits() {
        let copy = format!(
            "GENEVA (Reuters) - {}\n\nReporting by the Geneva bureau.",
            STORY.replace(". ", ".\n\n")
        );
        let d = hamming(simhash(STORY), simhash(&copy));
        assert!(d <= 8, "distance {d}");
    }

    #[test]
    fn case_and_punctuation_do_not_change_the_fingerprint() {
        assert_eq!(
            simhash(STORY),
            simhash(&STORY.to_uppercase().replace(',', " ,"))
        );
    }

    #[test]
    fn different_stories_are_far_apart() {
        let other = "The central bank raised interest rates by half a point on Thursday, its \
            largest increase in two decades, and signalled further rises as inflation reached \
            a forty-year high. Markets fell sharply after the announcement, with technology \
            shares leading the decline, while the dollar strengthened against the euro.";
        let d = hamming(simhash(STORY), simhash(other));
        assert!(d >= 16, "distance {d}");
    }

    #[test]
    fn empty_and_tiny_texts_do_not_panic() {
        assert_eq!(simhash(""), 0);
        assert_eq!(simhash(" ... "), 0);
        assert_eq!(simhash("Talks"), simhash("talks!"));
    }
}
