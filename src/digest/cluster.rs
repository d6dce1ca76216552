//! Average-link clustering under cannot-link constraints.
//!
//! Single-link chaining merges everything with everything on real news (A
//! resembles B, B resembles C, …). Average link joins two groups only when
//! their members resemble each other on average, counting every pair that
//! was never scored as 0, so a chain cannot form. A pair that must never
//! share a claim blocks every merge that would bring it together.

use std::cmp::Ordering;
use std::collections::{BinaryHeap, HashMap};

/// A scored pair of items. Indices are 32-bit: a large story has millions
/// of edges, and this halves what they hold.
#[derive(Debug, Clone, Copy)]
pub enum Edge {
    Similar(u32, u32, f32),
    CannotLink(u32, u32),
}

/// The summed similarity between two groups, or [`BLOCKED`] when a pair
/// across them must never share a group. One `f32` keyed by a 32-bit group
/// index: a large story has millions of links, and this is what they hold.
type Link = f32;

/// A link that must never merge; it stays so whatever is added to it.
const BLOCKED: Link = f32::NEG_INFINITY;

fn is_blocked(link: Link) -> bool {
    link == BLOCKED
}

#[derive(Debug)]
struct Group {
    members: Vec<usize>,
    links: HashMap<u32, Link>,
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
                .map(|i| {
                    Some(Group {
                        members: vec![i],
                        links: HashMap::new(),
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
        for edge in edges {
            let (a, b, link) = match edge {
                Edge::Similar(a, b, s) => (a, b, s),
                Edge::CannotLink(a, b) => (a, b, BLOCKED),
            };
            if a == b || a as usize >= n || b as usize >= n {
                continue;
            }
            for (x, y) in [(a, b), (b, a)] {
                if let Some(g) = self.groups[x as usize].as_mut() {
                    *g.links.entry(y).or_default() += link;
                }
            }
        }
    }

    /// Merges groups, best average link first, until none reaches
    /// `threshold`. Returns the groups, each sorted, in order of their
    /// first member.
    pub fn cluster(self, threshold: f32) -> Vec<Vec<usize>> {
        let mut groups = self.groups;
        let mut heap = BinaryHeap::new();
        for (a, group) in groups.iter().enumerate() {
            if let Some(g) = group {
                for (&b, &link) in &g.links {
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
            let mut links_changed = Vec::new();
            {
                let Some(keep) = groups[c.a].as_mut() else {
                    continue;
                };
                keep.members.extend(absorbed.members);
                keep.version += 1;
                keep.links.remove(&(c.b as u32));
                for (other, link) in absorbed.links {
                    if other as usize == c.a {
                        continue;
                    }
                    *keep.links.entry(other).or_default() += link;
                    links_changed.push(other);
                }
                links_changed.extend(keep.links.keys().copied());
            }
            links_changed.sort_unstable();
            links_changed.dedup();
            let (kept_links, kept_size, kept_version) = match groups[c.a].as_ref() {
                Some(g) => (g.links.clone(), g.members.len(), g.version),
                None => continue,
            };
            for other in links_changed {
                let Some(link) = kept_links.get(&other).copied() else {
                    continue;
                };
                let other = other as usize;
                let Some(g) = groups[other].as_mut() else {
                    continue;
                };
                g.links.remove(&(c.b as u32));
                g.links.insert(c.a as u32, link);
                if is_blocked(link) {
                    continue;
                }
                let average = link / (kept_size * g.members.len()) as f32;
                if average >= threshold {
                    let (a, b, va, vb) = if c.a < other {
                        (c.a, other, kept_version, g.version)
                    } else {
                        (other, c.a, g.version, kept_version)
                    };
                    heap.push(Candidate {
                        average,
                        a,
                        b,
                        version_a: va,
                        version_b: vb,
                    });
                }
            }
        }

        let mut out: Vec<Vec<usize>> = groups
            .into_iter()
            .flatten()
            .map(|mut g| {
                g.members.sort_unstable();
                g.members
            })
            .collect();
        out.sort_by_key(|m| m[0]);
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
}
