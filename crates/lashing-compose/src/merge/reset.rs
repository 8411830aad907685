//! `!reset` / `!override` where there is nothing to reset (compose-go `loader/reset.go`):
//! in a first or standalone file, in a value an override file adds, or in an item
//! appended to a list. A `!reset` node is dropped with the entry or item holding it;
//! an `!override` node is kept as written.

use crate::tree::{Node, Tag, Value};

/// Removes `!reset` nodes from `root` and the `!override` tags, at every depth.
///
/// A mapping entry whose value is `!reset` disappears, as does a sequence item tagged
/// `!reset`; `!override` just loses its tag. A `!reset` on `root` itself leaves a null
/// at its place (there is no parent to remove it from).
pub fn strip_tags(root: &mut Node) {
    if root.tag == Some(Tag::Reset) {
        let mut null = Node::null(root.span);
        null.via = root.via;
        *root = null;
    }
    root.tag = None;
    // An explicit stack: trees can be deep, the call stack is not.
    let mut stack = vec![root];
    while let Some(node) = stack.pop() {
        match &mut node.value {
            Value::Scalar(_) => {}
            Value::Sequence(items) => {
                items.retain(|item| item.tag != Some(Tag::Reset));
                for item in items.iter_mut() {
                    item.tag = None;
                    stack.push(item);
                }
            }
            Value::Mapping(entries) => {
                entries.retain(|entry| entry.value.tag != Some(Tag::Reset));
                for entry in entries.iter_mut() {
                    entry.value.tag = None;
                    stack.push(&mut entry.value);
                }
            }
        }
    }
}

/// Drops the `!reset` items of a sequence of a later file: they reset nothing in the
/// earlier file's list ("dropped only from its own file"). Other tags go too.
pub(super) fn strip_sequence(node: &mut Node) {
    if matches!(node.value, Value::Sequence(_)) {
        strip_tags(node);
    }
}
