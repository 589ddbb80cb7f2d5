//! thinc layers used at inference: HashEmbed, Maxout, LayerNorm, Linear (with row-major
//! matrices and `matrixmultiply`'s sgemm).

use crate::error::{Error, Result};
use crate::hash::murmurhash3_u64;
use crate::msgpack::Node;

/// `C = A · Bᵀ` for row-major `A` (m×k) and `B` (n×k); `C` is m×n, overwritten.
pub fn matmul_bt(a: &[f32], b: &[f32], c: &mut [f32], m: usize, k: usize, n: usize) {
    debug_assert!(a.len() >= m * k && b.len() >= n * k && c.len() >= m * n);
    if m == 0 || n == 0 {
        return;
    }
    // SAFETY: the slices are at least as long as the strides below reach (checked above in
    // debug builds and guaranteed by every caller, which sizes them from the same m, k, n).
    unsafe {
        matrixmultiply::sgemm(
            m,
            k,
            n,
            1.0,
            a.as_ptr(),
            k as isize,
            1,
            b.as_ptr(),
            1,
            k as isize,
            0.0,
            c.as_mut_ptr(),
            n as isize,
            1,
        );
    }
}

fn usize_attr(node: &Node, name: &str) -> Result<usize> {
    node.attrs
        .get(name)
        .and_then(|v| v.as_u64())
        .map(|v| v as usize)
        .ok_or_else(|| {
            Error::model(format!(
                "layer '{}' has no integer attr '{name}'",
                node.name
            ))
        })
}

fn dim(node: &Node, name: &str) -> Result<usize> {
    node.dims
        .get(name)
        .copied()
        .filter(|&d| d > 0)
        .map(|d| d as usize)
        .ok_or_else(|| Error::model(format!("layer '{}' has no dimension '{name}'", node.name)))
}

/// thinc `HashEmbed`: each key is hashed four times into a table; the rows are summed.
pub struct HashEmbed {
    table: Vec<f32>,
    rows: usize,
    pub width: usize,
    seed: u32,
    pub column: usize,
}

impl HashEmbed {
    pub fn from_node(node: &mut Node) -> Result<HashEmbed> {
        let rows = dim(node, "nV")?;
        let width = dim(node, "nO")?;
        let table = node.take_param("E", &[rows, width])?;
        Ok(HashEmbed {
            table,
            rows,
            width,
            seed: usize_attr(node, "seed")? as u32,
            column: usize_attr(node, "column")?,
        })
    }

    /// Add the embedding of `key` to `out` (length `width`).
    pub fn embed_into(&self, key: u64, out: &mut [f32]) {
        let h = murmurhash3_u64(key, self.seed);
        out.fill(0.0);
        for part in h {
            let row = (part as usize) % self.rows;
            let src = &self.table[row * self.width..(row + 1) * self.width];
            for (o, s) in out.iter_mut().zip(src) {
                *o += s;
            }
        }
    }
}

/// thinc `Maxout`: `max_p (x · W[o,p] + b[o,p])`.
pub struct Maxout {
    w: Vec<f32>,
    b: Vec<f32>,
    pub n_out: usize,
    pub n_pieces: usize,
    pub n_in: usize,
}

impl Maxout {
    pub fn from_node(node: &mut Node) -> Result<Maxout> {
        let n_out = dim(node, "nO")?;
        let n_pieces = dim(node, "nP")?;
        let n_in = dim(node, "nI")?;
        Ok(Maxout {
            w: node.take_param("W", &[n_out, n_pieces, n_in])?,
            b: node.take_param("b", &[n_out, n_pieces])?,
            n_out,
            n_pieces,
            n_in,
        })
    }

    /// `x` is n×n_in; `scratch` is resized to n×(n_out·n_pieces); `out` gets n×n_out.
    pub fn forward(&self, x: &[f32], n: usize, scratch: &mut Vec<f32>, out: &mut Vec<f32>) {
        let wide = self.n_out * self.n_pieces;
        scratch.resize(n * wide, 0.0);
        matmul_bt(x, &self.w, scratch, n, self.n_in, wide);
        out.resize(n * self.n_out, 0.0);
        let np = self.n_pieces;
        for (row, out_row) in scratch[..n * wide]
            .chunks_exact(wide)
            .zip(out.chunks_exact_mut(self.n_out))
        {
            for (o, (ys, bs)) in out_row
                .iter_mut()
                .zip(row.chunks_exact(np).zip(self.b.chunks_exact(np)))
            {
                let mut best = ys[0] + bs[0];
                for p in 1..np {
                    let v = ys[p] + bs[p];
                    if v > best {
                        best = v;
                    }
                }
                *o = best;
            }
        }
    }
}

/// thinc `LayerNorm`: `(x - mean) / sqrt(var + 1e-8) * G + b` over each row.
pub struct LayerNorm {
    g: Vec<f32>,
    b: Vec<f32>,
}

impl LayerNorm {
    pub fn from_node(node: &mut Node) -> Result<LayerNorm> {
        let n = dim(node, "nO")?;
        Ok(LayerNorm {
            g: node.take_param("G", &[n])?,
            b: node.take_param("b", &[n])?,
        })
    }

    pub fn forward_inplace(&self, x: &mut [f32]) {
        let width = self.g.len();
        for row in x.chunks_exact_mut(width) {
            let mean = row.iter().map(|&v| v as f64).sum::<f64>() / width as f64;
            let var = row.iter().map(|&v| (v as f64 - mean).powi(2)).sum::<f64>() / width as f64;
            let mean = mean as f32;
            let inv = ((var as f32) + 1e-8).powf(-0.5);
            for ((v, g), b) in row.iter_mut().zip(&self.g).zip(&self.b) {
                *v = (*v - mean) * inv * g + b;
            }
        }
    }
}

/// thinc `Linear`: `x · Wᵀ + b`.
pub struct Linear {
    pub w: Vec<f32>,
    pub b: Vec<f32>,
    pub n_out: usize,
    pub n_in: usize,
}

impl Linear {
    pub fn from_node(node: &mut Node) -> Result<Linear> {
        let n_out = dim(node, "nO")?;
        let n_in = dim(node, "nI")?;
        Ok(Linear {
            w: node.take_param("W", &[n_out, n_in])?,
            b: node.take_param("b", &[n_out])?,
            n_out,
            n_in,
        })
    }

    /// `x` is n×n_in; `out` gets n×n_out.
    pub fn forward(&self, x: &[f32], n: usize, out: &mut Vec<f32>) {
        out.resize(n * self.n_out, 0.0);
        if n == 1 {
            // one row (a parser state): plain dot products beat packing for sgemm
            for (o, (w, b)) in out
                .iter_mut()
                .zip(self.w.chunks_exact(self.n_in).zip(&self.b))
            {
                *o = dot(w, &x[..self.n_in]) + b;
            }
            return;
        }
        matmul_bt(x, &self.w, out, n, self.n_in, self.n_out);
        for row in out.chunks_exact_mut(self.n_out) {
            for (v, b) in row.iter_mut().zip(&self.b) {
                *v += b;
            }
        }
    }
}

/// Dot product in 8 lanes (vectorises; the order of additions differs from BLAS only in the
/// last bits).
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (&a[..n], &b[..n]);
    let mut acc = [0f32; 8];
    let mut ca = a.chunks_exact(8);
    let mut cb = b.chunks_exact(8);
    for (x, y) in (&mut ca).zip(&mut cb) {
        for l in 0..8 {
            acc[l] += x[l] * y[l];
        }
    }
    let mut sum = 0f32;
    for (x, y) in ca.remainder().iter().zip(cb.remainder()) {
        sum += x * y;
    }
    sum + acc.iter().sum::<f32>()
}
