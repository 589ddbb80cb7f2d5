//! The move inventory of a transition system, read from the component's `moves` file and
//! ordered exactly as spaCy's `TransitionSystem.initialize_actions` orders it (the model's
//! output classes follow that order).

use crate::error::{Error, Result};
use crate::msgpack::{get, value_str};

/// A move: an action id (system-specific) and a label ("" for none).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub action: u8,
    pub label: String,
}

/// Read the `moves` msgpack file and return the moves in class order. `skip` says which
/// (action, label) pairs the system refuses to add (NER: MISSING, OUT with a label).
pub fn load_moves(bytes: &[u8], skip: impl Fn(u8, &str) -> bool) -> Result<Vec<Move>> {
    let value = rmpv::decode::read_value(&mut &bytes[..])
        .map_err(|e| Error::model(format!("moves: not msgpack: {e}")))?;
    let json = get(&value, "moves")
        .and_then(value_str)
        .ok_or_else(|| Error::model("moves: no 'moves' entry"))?;
    let parsed: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(json).map_err(|e| Error::model(format!("moves: not JSON: {e}")))?;
    let mut actions: Vec<(&String, &serde_json::Value)> = parsed.iter().collect();
    actions.sort_by(|a, b| a.0.cmp(b.0));
    let mut out: Vec<Move> = Vec::new();
    let mut deferred: Vec<(i64, String, u8)> = Vec::new();
    let add = |out: &mut Vec<Move>, action: u8, label: &str| {
        if skip(action, label) {
            return;
        }
        if out.iter().any(|m| m.action == action && m.label == label) {
            return;
        }
        out.push(Move {
            action,
            label: label.to_string(),
        });
    };
    for (action, freqs) in actions {
        let action: u8 = action
            .parse()
            .map_err(|_| Error::model(format!("moves: bad action id {action:?}")))?;
        let mut labels: Vec<(i64, &str)> = freqs
            .as_object()
            .map(|m| {
                m.iter()
                    .map(|(l, f)| (f.as_i64().unwrap_or(0), l.as_str()))
                    .collect()
            })
            .unwrap_or_default();
        // Python: sort (freq, label) ascending, then reverse
        labels.sort();
        labels.reverse();
        for (freq, label) in labels {
            if freq < 0 {
                deferred.push((freq, label.to_string(), action));
            } else {
                add(&mut out, action, label);
            }
        }
    }
    // added_labels.sort(reverse=True); each label is added for every action it came with
    let mut order: Vec<(i64, String)> = deferred.iter().map(|(f, l, _)| (*f, l.clone())).collect();
    order.sort();
    order.reverse();
    for (_, label) in order {
        for (_, l, action) in deferred.iter().filter(|(_, l, _)| *l == label) {
            add(&mut out, *action, l);
        }
    }
    Ok(out)
}
