//! Reading thinc's msgpack model files: the node list and the parameter arrays.
//!
//! thinc's `Model.to_bytes()` writes `{"nodes": [{"index", "name", "dims", "refs"}],
//! "attrs": [...], "params": [{name: array}], "shims": [...]}`, one entry per node in
//! breadth-first order; arrays are msgpack-numpy maps `{nd, type, kind, shape, data}`.

use crate::error::{Error, Result};
use rmpv::{Value, ValueRef};
use std::collections::HashMap;

/// A dense float32 array in C order.
#[derive(Debug, Clone)]
pub struct Array {
    pub shape: Vec<usize>,
    pub data: Vec<f32>,
}

/// One thinc node with its parameters.
#[derive(Debug, Clone)]
pub struct Node {
    pub name: String,
    pub dims: HashMap<String, i64>,
    pub params: HashMap<String, Array>,
    /// Node attributes (thinc stores each one msgpack-encoded; decoded here).
    pub attrs: HashMap<String, Value>,
}

/// A thinc model as stored: nodes in breadth-first order.
#[derive(Debug, Clone)]
pub struct ThincModel {
    pub nodes: Vec<Node>,
}

impl ThincModel {
    /// Parse the bytes written by thinc's `Model.to_bytes()`.
    pub fn from_bytes(bytes: &[u8], what: &str) -> Result<ThincModel> {
        let value = decode_ref(bytes, what)?;
        let nodes = get_ref(&value, "nodes")
            .and_then(ValueRef::as_array)
            .ok_or_else(|| {
                Error::model(format!(
                    "{what}: no 'nodes' list; is this a thinc model file?"
                ))
            })?;
        let params = get_ref(&value, "params")
            .and_then(ValueRef::as_array)
            .ok_or_else(|| Error::model(format!("{what}: no 'params' list")))?;
        let attrs = get_ref(&value, "attrs").and_then(ValueRef::as_array);
        let mut out = Vec::with_capacity(nodes.len());
        for (i, node) in nodes.iter().enumerate() {
            let name = get_ref(node, "name")
                .and_then(ref_str)
                .unwrap_or_default()
                .to_string();
            let mut dims = HashMap::new();
            if let Some(ValueRef::Map(entries)) = get_ref(node, "dims") {
                for (k, v) in entries {
                    if let (Some(k), ValueRef::Integer(v)) = (ref_str(k), v) {
                        if let Some(v) = v.as_i64() {
                            dims.insert(k.to_string(), v);
                        }
                    }
                }
            }
            let mut node_params = HashMap::new();
            if let Some(ValueRef::Map(entries)) = params.get(i) {
                for (k, v) in entries {
                    let Some(k) = ref_str(k) else { continue };
                    if matches!(v, ValueRef::Nil) {
                        continue;
                    }
                    let arr = decode_array(v).map_err(|e| {
                        Error::model(format!("{what}: node {i} ({name}) param {k}: {e}"))
                    })?;
                    node_params.insert(k.to_string(), arr);
                }
            }
            let mut node_attrs = HashMap::new();
            if let Some(ValueRef::Map(entries)) = attrs.and_then(|a| a.get(i)) {
                for (k, v) in entries {
                    let Some(k) = ref_str(k) else { continue };
                    let decoded = match v {
                        ValueRef::Binary(b) => {
                            rmpv::decode::read_value(&mut &b[..]).unwrap_or(Value::Nil)
                        }
                        other => other.to_owned(),
                    };
                    node_attrs.insert(k.to_string(), decoded);
                }
            }
            out.push(Node {
                name,
                dims,
                params: node_params,
                attrs: node_attrs,
            });
        }
        Ok(ThincModel { nodes: out })
    }

    /// Nodes whose name is exactly `name`, in stored (breadth-first) order.
    pub fn nodes_named<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Node> + 'a {
        self.nodes.iter().filter(move |n| n.name == name)
    }

    /// `nodes_named`, mutable: layers take their weights out of the nodes instead of copying.
    pub fn nodes_named_mut<'a>(
        &'a mut self,
        name: &'a str,
    ) -> impl Iterator<Item = &'a mut Node> + 'a {
        self.nodes.iter_mut().filter(move |n| n.name == name)
    }
}

impl Node {
    /// The parameter `name`, checked against the expected shape.
    pub fn param(&self, name: &str, shape: &[usize]) -> Result<&Array> {
        let a = self.params.get(name).ok_or_else(|| {
            Error::model(format!("layer '{}' has no parameter '{name}'", self.name))
        })?;
        if a.shape != shape {
            return Err(Error::model(format!(
                "layer '{}' parameter '{name}' has shape {:?}, expected {:?}",
                self.name, a.shape, shape
            )));
        }
        Ok(a)
    }

    /// Move the parameter `name` out of the node (checked as `param` checks it); the node
    /// keeps an empty array in its place.
    pub fn take_param(&mut self, name: &str, shape: &[usize]) -> Result<Vec<f32>> {
        self.param(name, shape)?;
        Ok(self
            .params
            .get_mut(name)
            .map(|a| std::mem::take(&mut a.data))
            .unwrap_or_default())
    }
}

/// Decode msgpack without copying: strings and byte arrays borrow from `bytes`, so a large
/// table costs no allocation per string and a weight array is copied once (into `f32`s).
pub fn decode_ref<'a>(bytes: &'a [u8], what: &str) -> Result<ValueRef<'a>> {
    rmpv::decode::read_value_ref(&mut &bytes[..])
        .map_err(|e| Error::model(format!("{what}: not msgpack: {e}")))
}

/// `get` for a borrowed value.
pub fn get_ref<'v, 'a>(value: &'v ValueRef<'a>, key: &str) -> Option<&'v ValueRef<'a>> {
    match value {
        ValueRef::Map(entries) => entries
            .iter()
            .find(|(k, _)| ref_str(k) == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// `value_str` for a borrowed value.
pub fn ref_str<'v>(value: &'v ValueRef<'_>) -> Option<&'v str> {
    match value {
        ValueRef::String(s) => s.as_str(),
        ValueRef::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

/// Look up `key` in a msgpack map whose keys are strings or byte strings.
pub fn get<'a>(value: &'a Value, key: &str) -> Option<&'a Value> {
    match value {
        Value::Map(entries) => entries
            .iter()
            .find(|(k, _)| value_str(k) == Some(key))
            .map(|(_, v)| v),
        _ => None,
    }
}

/// A msgpack string or byte string as `&str`.
pub fn value_str(value: &Value) -> Option<&str> {
    match value {
        Value::String(s) => s.as_str(),
        Value::Binary(b) => std::str::from_utf8(b).ok(),
        _ => None,
    }
}

fn decode_array(v: &ValueRef<'_>) -> std::result::Result<Array, String> {
    let ty = get_ref(v, "type")
        .and_then(ref_str)
        .ok_or("not a numpy array")?;
    if ty != "<f4" {
        return Err(format!("dtype {ty}, expected <f4"));
    }
    let shape: Vec<usize> = get_ref(v, "shape")
        .and_then(ValueRef::as_array)
        .ok_or("no shape")?
        .iter()
        .map(|d| d.as_u64().map(|d| d as usize).ok_or("bad shape"))
        .collect::<std::result::Result<_, _>>()?;
    let data = match get_ref(v, "data") {
        Some(ValueRef::Binary(b)) => *b,
        _ => return Err("no data".into()),
    };
    let n: usize = shape.iter().product();
    if data.len() != n * 4 {
        return Err(format!("{} bytes of data for shape {shape:?}", data.len()));
    }
    let data = data
        .chunks_exact(4)
        .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
        .collect();
    Ok(Array { shape, data })
}
