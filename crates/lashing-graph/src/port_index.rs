//! "Which services have port P": a hash lookup for single ports, a scan of the few
//! services with port ranges. Used for both listening and published ports, so no
//! rule scans every service per reference.

use std::collections::HashMap;

use lashing_compose::ports::PortRange;

use crate::graph::ServiceId;

#[derive(Debug, Default)]
pub(crate) struct PortIndex {
    single: HashMap<u16, Vec<ServiceId>>,
    /// Services with at least one range, with their ranges.
    ranges: Vec<(ServiceId, Vec<PortRange>)>,
}

impl PortIndex {
    /// Builds the index from each service's ports, given in service order.
    pub fn build<'a>(ports: impl Iterator<Item = (ServiceId, &'a [PortRange])>) -> PortIndex {
        let mut index = PortIndex::default();
        for (id, list) in ports {
            let mut ranges = Vec::new();
            for range in list {
                if range.is_single() {
                    let ids = index.single.entry(range.start).or_default();
                    if ids.last() != Some(&id) {
                        ids.push(id);
                    }
                } else {
                    ranges.push(*range);
                }
            }
            if !ranges.is_empty() {
                index.ranges.push((id, ranges));
            }
        }
        index
    }

    /// The services with `port`, in service order, each once.
    pub fn get(&self, port: u16) -> Vec<ServiceId> {
        let mut ids: Vec<ServiceId> = self.single.get(&port).cloned().unwrap_or_default();
        ids.extend(
            self.ranges
                .iter()
                .filter(|(_, ranges)| ranges.iter().any(|r| r.contains(port)))
                .map(|(id, _)| *id),
        );
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}
