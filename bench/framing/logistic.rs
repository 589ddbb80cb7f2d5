//! Logistic regression for the evaluation runner: dense (standardised features, batch
//! gradient descent, L2) and sparse binary (bag of words, SGD).

pub struct Logistic {
    mean: Vec<f64>,
    sd: Vec<f64>,
    w: Vec<f64>,
    b: f64,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// Column means and standard deviations of `xs` (1 where a column is constant), and `xs`
/// standardised by them.
pub fn standardise(xs: &[Vec<f64>]) -> (Vec<f64>, Vec<f64>, Vec<Vec<f64>>) {
    let d = xs.first().map(Vec::len).unwrap_or(0);
    let n = xs.len().max(1) as f64;
    let mut mean = vec![0.0; d];
    let mut sd = vec![0.0; d];
    for x in xs {
        for j in 0..d {
            mean[j] += x[j] / n;
        }
    }
    for x in xs {
        for j in 0..d {
            sd[j] += (x[j] - mean[j]).powi(2) / n;
        }
    }
    let sd: Vec<f64> = sd
        .iter()
        .map(|v| if *v > 0.0 { v.sqrt() } else { 1.0 })
        .collect();
    let zs: Vec<Vec<f64>> = xs
        .iter()
        .map(|x| (0..d).map(|j| (x[j] - mean[j]) / sd[j]).collect())
        .collect();
    (mean, sd, zs)
}

/// The largest eigenvalue of `zs`ᵀ`zs` / n (power iteration from a fixed start).
fn top_eigenvalue(zs: &[Vec<f64>]) -> f64 {
    let d = zs.first().map(Vec::len).unwrap_or(0);
    let n = zs.len().max(1) as f64;
    let mut v: Vec<f64> = (0..d).map(|j| 1.0 + (j % 7) as f64 * 0.1).collect();
    let mut lambda = 0.0;
    for _ in 0..30 {
        let norm = v.iter().map(|x| x * x).sum::<f64>().sqrt().max(1e-12);
        v.iter_mut().for_each(|x| *x /= norm);
        let mut next = vec![0.0; d];
        for z in zs {
            let u: f64 = z.iter().zip(&v).map(|(a, b)| a * b).sum();
            for j in 0..d {
                next[j] += u * z[j] / n;
            }
        }
        lambda = next.iter().map(|x| x * x).sum::<f64>().sqrt();
        v = next;
    }
    lambda
}

impl Logistic {
    /// Fits by Nesterov-accelerated gradient descent with step 1/L, L the loss's smoothness
    /// bound (a fixed step of 0.5 oscillated once correlated inputs were added).
    pub fn train(xs: &[Vec<f64>], ys: &[bool], l2: f64, epochs: usize) -> Self {
        let d = xs.first().map(Vec::len).unwrap_or(0);
        let n = xs.len().max(1) as f64;
        let (mean, sd, zs) = standardise(xs);
        let lr = 1.0 / ((top_eigenvalue(&zs) + 1.0) / 4.0 + l2);
        let (mut w, mut b) = (vec![0.0; d], 0.0);
        let (mut prev_w, mut prev_b) = (w.clone(), b);
        for k in 0..epochs {
            // Look-ahead point.
            let beta = k as f64 / (k as f64 + 3.0);
            let yw: Vec<f64> = (0..d).map(|j| w[j] + beta * (w[j] - prev_w[j])).collect();
            let yb = b + beta * (b - prev_b);
            let mut gw = vec![0.0; d];
            let mut gb = 0.0;
            for (z, y) in zs.iter().zip(ys) {
                let p = sigmoid(yb + yw.iter().zip(z).map(|(a, c)| a * c).sum::<f64>());
                let e = p - if *y { 1.0 } else { 0.0 };
                for j in 0..d {
                    gw[j] += e * z[j] / n;
                }
                gb += e / n;
            }
            prev_w = std::mem::replace(
                &mut w,
                (0..d).map(|j| yw[j] - lr * (gw[j] + l2 * yw[j])).collect(),
            );
            prev_b = std::mem::replace(&mut b, yb - lr * gb);
        }
        Logistic { mean, sd, w, b }
    }

    pub fn predict(&self, x: &[f64]) -> f64 {
        let z: f64 = self.b
            + (0..self.w.len())
                .map(|j| self.w[j] * (x[j] - self.mean[j]) / self.sd[j])
                .sum::<f64>();
        sigmoid(z)
    }

    /// Weights on the raw (unstandardised) features.
    pub fn raw_weights(&self) -> Vec<f64> {
        (0..self.w.len()).map(|j| self.w[j] / self.sd[j]).collect()
    }

    pub fn raw_intercept(&self) -> f64 {
        self.b
            - (0..self.w.len())
                .map(|j| self.w[j] * self.mean[j] / self.sd[j])
                .sum::<f64>()
    }
}

pub struct SparseLogistic {
    w: Vec<f64>,
    b: f64,
}

impl SparseLogistic {
    pub fn train(xs: &[Vec<usize>], ys: &[bool], d: usize, l2: f64, epochs: usize) -> Self {
        let (mut w, mut b) = (vec![0.0; d], 0.0);
        let mut order: Vec<usize> = (0..xs.len()).collect();
        let mut seed: u64 = 42;
        for epoch in 0..epochs {
            // Fisher-Yates with a fixed LCG, so runs are repeatable.
            for i in (1..order.len()).rev() {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                order.swap(i, (seed >> 33) as usize % (i + 1));
            }
            let lr = 0.1 / (1.0 + epoch as f64 * 0.2);
            for &i in &order {
                let p = sigmoid(b + xs[i].iter().map(|&j| w[j]).sum::<f64>());
                let e = p - if ys[i] { 1.0 } else { 0.0 };
                for &j in &xs[i] {
                    w[j] -= lr * (e + l2 * w[j]);
                }
                b -= lr * e;
            }
        }
        SparseLogistic { w, b }
    }

    pub fn predict(&self, x: &[usize]) -> f64 {
        sigmoid(self.b + x.iter().map(|&j| self.w[j]).sum::<f64>())
    }

    // read by the embeddings runner (embed_bias.rs) only
    #[cfg_attr(not(feature = "embeddings"), allow(dead_code))]
    pub fn weights(&self) -> &[f64] {
        &self.w
    }

    #[cfg_attr(not(feature = "embeddings"), allow(dead_code))]
    pub fn intercept(&self) -> f64 {
        self.b
    }
}
