//! Telling the stories of a corpus apart, so that a day of news is digested
//! story by story.
//!
//! Term weights are only meaningful within a story: the names of a story's
//! actors are rare across a day of news but stand in almost every sentence
//! of their own story, where they say nothing about which fact a sentence
//! states. Articles that name the same actors belong to one story; each
//! story gets its own term weights, and passages of different stories are
//! never compared.

use std::collections::HashMap;

use super::PassageRef;
use super::features::PassageFeatures;

/// A name in more articles than this links no stories: on a day of news,
/// the most named people appear across unrelated stories.
fn max_linking_articles(articles: usize) -> usize {
    (articles / 20).max(50)
}

/// Union-find over articles.
struct Components {
    parent: Vec<usize>,
}

impl Components {
    fn new(n: usize) -> Components {
        Components {
            parent: (0..n).collect(),
        }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            self.parent[ra.max(rb)] = ra.min(rb);
        }
    }
}

/// A folder of at most this many articles is read as one story, the
/// reader's usual case: no article is cut off from the others because it
/// happens to share no name with them.
const ONE_STORY_MAX_ARTICLES: usize = 40;

/// The story of each passage, numbered from 0 in order of first appearance.
pub fn assign(refs: &[PassageRef], features: &[&PassageFeatures], articles: usize) -> Vec<usize> {
    if articles <= ONE_STORY_MAX_ARTICLES {
        return vec![0; refs.len()];
    }
    let mut articles_naming: HashMap<&str, Vec<usize>> = HashMap::new();
    for (r, f) in refs.iter().zip(features) {
        for actor in f.actors.iter().chain(&f.places) {
            let list = articles_naming.entry(actor.as_str()).or_default();
            if list.last() != Some(&r.article) {
                list.push(r.article);
            }
        }
    }
    let mut components = Components::new(articles);
    let limit = max_linking_articles(articles);
    let mut linked = vec![false; articles];
    for list in articles_naming.values() {
        let mut list = list.clone();
        list.sort_unstable();
        list.dedup();
        if list.len() > limit || list.len() < 2 {
            continue;
        }
        for pair in list.windows(2) {
            components.union(pair[0], pair[1]);
        }
        for &a in &list {
            linked[a] = true;
        }
    }
    // Articles that share no name with any other are pooled into one story
    // rather than left alone, where none of their claims could be corroborated.
    let unlinked: Vec<usize> = (0..articles).filter(|&a| !linked[a]).collect();
    for pair in unlinked.windows(2) {
        components.union(pair[0], pair[1]);
    }
    let mut numbering: HashMap<usize, usize> = HashMap::new();
    refs.iter()
        .map(|r| {
            let root = components.find(r.article);
            let next = numbering.len();
            *numbering.entry(root).or_insert(next)
        })
        .collect()
}
