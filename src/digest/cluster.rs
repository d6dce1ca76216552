//! Average-link clustering under cannot-link constraints.
//!
//! Single-link chaining merges everything with everything on real news (A
//! resembles B, B resembles C, …). Average link joins two groups only when
//! their members resemble each other on average, counting every pair that
//! was never scored as 0, so a chain cannot form. A pair that must never
//! share a claim blocks every merge that would bring it together.

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A scored pair of items. Indices are 32-bit: a large story has millions
/// of edges, and this halves what they hold.
#[derive(Debug, Clone, Copy)]
pub enum Edge {
    Similar(u32, u32, f32),
    CannotLink(u32, u32),
}

/// The summed similarity between two groups, or [`BLOCKED`] when a pair
/// across them must never share a group. One `f32` beside a 32-bit group
/// index: a large story has millions of links, and this is what they hold.
type Link = f32;

/// A link that must never merge; it stays so whatever is added to it.
const BLOCKED: Link = f32::NEG_INFINITY;

fn is_blocked(link: Link) -> bool {
    link == BLOCKED
}

/// A group's links, sorted by the other group: eight bytes a link, where a
/// hash map cost about twice that (and its table more while it grew).
#[derive(Debug, Default)]
struct SortedLinks(Vec<(u32, Link)>);

impl SortedLinks {
    fn position(&self, other: u32) -> Result<usize, usize> {
        self.0.binary_search_by_key(&other, |&(o, _)| o)
    }

    /// Adds `link` to what the group holds towards `other` (from 0).
    fn add(&mut self, other: u32, link: Link) {
        match self.position(other) {
            Ok(i) => self.0[i].1 += link,
            Err(i) => self.0.insert(i, (other, 0.0 + link)),
        }
    }

    fn set(&mut self, other: u32, link: Link) {
        match self.position(other) {
            Ok(i) => self.0[i].1 = link,
            Err(i) => self.0.insert(i, (other, link)),
        }
    }

    fn remove(&mut self, other: u32) {
        if let Ok(i) = self.position(other) {
            self.0.remove(i);
        }
    }

    /// The links of two merged groups, summed where both hold one, without
    /// the links between the two.
    fn merged(&self, other: &SortedLinks, skip: [u32; 2]) -> SortedLinks {
        let (a, b) = (&self.0, &other.0);
        let mut out = Vec::with_capacity(a.len() + b.len());
        let (mut i, mut j) = (0, 0);
        while i < a.len() || j < b.len() {
            let next = match (a.get(i), b.get(j)) {
                (Some(&(x, u)), Some(&(y, v))) if x == y => {
                    i += 1;
                    j += 1;
                    (x, u + v)
                }
                (Some(&(x, u)), Some(&(y, _))) if x < y => {
                    i += 1;
                    (x, u)
                }
                (Some(&(x, u)), None) => {
                    i += 1;
                    (x, u)
                }
                (_, Some(&(y, v))) => {
                    j += 1;
                    // Added to nothing, as the hash map's default did.
                    (y, 0.0 + v)
                }
                (None, None) => break,
            };
            if !skip.contains(&next.0) {
                out.push(next);
            }
        }
        out.shrink_to_fit();
        SortedLinks(out)
    }
}

#[derive(Debug)]
struct Group {
    /// Items in the group; the items themselves are found at the end, by
    /// following `Links::merged_into`.
    size: u32,
    links: SortedLinks,
    version: u32,
}

#[derive(Debug, PartialEq)]
struct Candidate {
    average: f32,
    a: usize,
    b: usize,
    version_a: u32,
    version_b: u32,
}

impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        // Highest average first; ties go to the earliest pair, so the result
        // does not depend on hash order.
        self.average
            .total_cmp(&other.average)
            .then_with(|| other.a.cmp(&self.a))
            .then_with(|| other.b.cmp(&self.b))
    }
}

/// Groups `n` items. Returns the groups, each sorted, in order of their
/// first member.
#[cfg(test)]
pub fn average_link(n: usize, edges: Vec<Edge>, threshold: f32) -> Vec<Vec<usize>> {
    let mut links = Links::new(n);
    links.add(edges);
    links.cluster(threshold)
}

/// Items and the summed links between them, filled a batch of edges at a
/// time: a large story has millions of edges, and reading them in as they
/// are scored means they are never all held at once beside the links.
#[derive(Debug)]
pub struct Links {
    groups: Vec<Option<Group>>,
}

impl Links {
    pub fn new(n: usize) -> Links {
        Links {
            groups: (0..n)
                .map(|_| {
                    Some(Group {
                        size: 1,
                        links: SortedLinks::default(),
                        version: 0,
                    })
                })
                .collect(),
        }
    }

    /// Reads edges into the links. Each pair is expected once (as scoring
    /// gives them), so the order of batches does not change a sum.
    pub fn add(&mut self, edges: impl IntoIterator<Item = Edge>) {
        let n = self.groups.len();
        let directed: Vec<(u32, u32, Link)> = edges
            .into_iter()
            .filter_map(|edge| {
                let (a, b, link) = match edge {
                    Edge::Similar(a, b, s) => (a, b, s),
                    Edge::CannotLink(a, b) => (a, b, BLOCKED),
                };
                (a != b && (a as usize) < n && (b as usize) < n).then_some((a, b, link))
            })
            .collect();
        // Each group's list grows by exactly what this batch brings, not by
        // doubling: the slack of doubling was a third of what links held.
        let mut more = vec![0u32; n];
        for &(a, b, _) in &directed {
            more[a as usize] += 1;
            more[b as usize] += 1;
        }
        for (x, &count) in more.iter().enumerate().filter(|(_, c)| **c > 0) {
            if let Some(g) = self.groups[x].as_mut() {
                g.links.0.reserve_exact(count as usize);
            }
        }
        drop(more);
        for (a, b, link) in directed {
            for (x, y) in [(a, b), (b, a)] {
                if let Some(g) = self.groups[x as usize].as_mut() {
                    g.links.add(y, link);
                }
            }
        }
    }

    /// Merges groups, best average link first, until none reaches
    /// `threshold`. Returns the groups, each sorted, in order of their
    /// first member.
    pub fn cluster(self, threshold: f32) -> Vec<Vec<usize>> {
        let mut groups = self.groups;
        // The group each absorbed group went into: members are found by
        // following it, so no group keeps a list of its items.
        let mut merged_into: Vec<u32> = (0..groups.len() as u32).collect();
        let mut heap = BinaryHeap::new();
        for (a, group) in groups.iter().enumerate() {
            if let Some(g) = group {
                for &(b, link) in &g.links.0 {
                    let b = b as usize;
                    if a < b && !is_blocked(link) && link >= threshold {
                        heap.push(Candidate {
                            average: link,
                            a,
                            b,
                            version_a: 0,
                            version_b: 0,
                        });
                    }
                }
            }
        }

        while let Some(c) = heap.pop() {
            if c.average < threshold {
                break;
            }
            let current = |i: usize, v: u32| groups[i].as_ref().is_some_and(|g| g.version == v);
            if !current(c.a, c.version_a) || !current(c.b, c.version_b) {
                continue;
            }
            let Some(absorbed) = groups[c.b].take() else {
                continue;
            };
            merged_into[c.b] = c.a as u32;
            let (a, b) = (c.a as u32, c.b as u32);
            let (kept_size, kept_version) = {
                let Some(keep) = groups[c.a].as_mut() else {
                    continue;
                };
                keep.links = keep.links.merged(&absorbed.links, [a, b]);
                keep.size += absorbed.size;
                keep.version += 1;
                (keep.size, keep.version)
            };
            drop(absorbed);
            // Every group linked to either of the two now links to the
            // merged group alone.
            let kept_links = match groups[c.a].as_mut() {
                Some(g) => std::mem::take(&mut g.links),
                None => continue,
            };
            for &(other, link) in &kept_links.0 {
                let other = other as usize;
                let Some(g) = groups[other].as_mut() else {
                    continue;
                };
                g.links.remove(b);
                g.links.set(a, link);
                if is_blocked(link) {
                    continue;
                }
                let average = link / (kept_size as usize * g.size as usize) as f32;
                if average >= threshold {
                    let (x, y, vx, vy) = if c.a < other {
                        (c.a, other, kept_version, g.version)
                    } else {
                        (other, c.a, g.version, kept_version)
                    };
                    heap.push(Candidate {
                        average,
                        a: x,
                        b: y,
                        version_a: vx,
                        version_b: vy,
                    });
                }
            }
            if let Some(g) = groups[c.a].as_mut() {
                g.links = kept_links;
            }
        }
        drop(heap);

        // Each item to the group that holds it: the end of its chain.
        let mut out: Vec<Vec<usize>> = Vec::new();
        let mut slot: Vec<u32> = vec![u32::MAX; groups.len()];
        for item in 0..groups.len() {
            let mut root = item;
            while merged_into[root] as usize != root {
                root = merged_into[root] as usize;
            }
            // Shortens the chain for the items after this one.
            merged_into[item] = root as u32;
            if slot[root] == u32::MAX {
                slot[root] = out.len() as u32;
                out.push(Vec::new());
            }
            out[slot[root] as usize].push(item);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chain_does_not_merge_end_to_end() {
        // 0-1 and 1-2 are similar, 0-2 not at all: average link keeps 2 out.
        let edges = [Edge::Similar(0, 1, 0.9), Edge::Similar(1, 2, 0.5)];
        assert_eq!(
            average_link(3, edges.to_vec(), 0.4),
            vec![vec![0, 1], vec![2]]
        );
    }

    #[test]
    fn cannot_link_blocks_a_merge() {
        let edges = [
            Edge::Similar(0, 1, 0.9),
            Edge::Similar(1, 2, 0.9),
            Edge::Similar(0, 2, 0.9),
            Edge::CannotLink(0, 2),
        ];
        let groups = average_link(3, edges.to_vec(), 0.4);
        assert!(groups.iter().all(|g| !(g.contains(&0) && g.contains(&2))));
    }

    #[test]
    fn a_tight_group_merges() {
        let edges = [
            Edge::Similar(0, 1, 0.8),
            Edge::Similar(1, 2, 0.7),
            Edge::Similar(0, 2, 0.6),
        ];
        assert_eq!(
            average_link(4, edges.to_vec(), 0.5),
            vec![vec![0, 1, 2], vec![3]]
        );
    }

    #[test]
    fn an_item_follows_its_group_through_two_merges() {
        // 3 joins 2, then {2, 3} joins 0: 3 reaches 0 through 2.
        let edges = [
            Edge::Similar(2, 3, 0.95),
            Edge::Similar(0, 2, 0.9),
            Edge::Similar(0, 3, 0.9),
        ];
        assert_eq!(
            average_link(4, edges.to_vec(), 0.5),
            vec![vec![0, 2, 3], vec![1]]
        );
    }

    #[test]
    fn batches_add_up_and_a_block_stays() {
        // One pair read in two batches sums to its whole: 0.3 + 0.3 merges
        // at 0.5, neither alone would. A block read before a score stays.
        let mut links = Links::new(4);
        links.add([Edge::Similar(0, 1, 0.3), Edge::CannotLink(2, 3)]);
        links.add([Edge::Similar(1, 0, 0.3), Edge::Similar(2, 3, 0.9)]);
        assert_eq!(links.cluster(0.5), vec![vec![0, 1], vec![2], vec![3]]);
    }

    #[test]
    fn merged_links_sum_shared_others_and_drop_the_pair() {
        let a = SortedLinks(vec![(1, 0.5), (3, 0.25), (5, BLOCKED)]);
        let b = SortedLinks(vec![(0, 0.5), (3, 0.5), (4, 0.125), (5, 0.5)]);
        assert_eq!(
            a.merged(&b, [0, 1]).0,
            vec![(3, 0.75), (4, 0.125), (5, BLOCKED)]
        );
    }
}
