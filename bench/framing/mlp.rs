//! A one-hidden-layer perceptron (tanh, sigmoid output) for the embedding experiment: inputs
//! standardised, mini-batch Adam with L2, a fixed seed so runs repeat.

pub struct Mlp {
    mean: Vec<f64>,
    sd: Vec<f64>,
    /// Hidden weights, `hidden` rows of `d` inputs, and hidden biases.
    w1: Vec<Vec<f64>>,
    b1: Vec<f64>,
    w2: Vec<f64>,
    b2: f64,
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

/// A repeatable pseudo-random stream (an LCG), uniform in [-1, 1).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> f64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 11) as f64 / (1u64 << 53) as f64) * 2.0 - 1.0
    }
}

/// Adam state for one parameter vector.
struct Adam {
    m: Vec<f64>,
    v: Vec<f64>,
}

impl Adam {
    fn new(n: usize) -> Self {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }
    fn step(&mut self, p: &mut [f64], g: &[f64], lr: f64, t: i32) {
        let (b1, b2) = (0.9, 0.999);
        for i in 0..p.len() {
            self.m[i] = b1 * self.m[i] + (1.0 - b1) * g[i];
            self.v[i] = b2 * self.v[i] + (1.0 - b2) * g[i] * g[i];
            let mh = self.m[i] / (1.0 - b1.powi(t));
            let vh = self.v[i] / (1.0 - b2.powi(t));
            p[i] -= lr * mh / (vh.sqrt() + 1e-8);
        }
    }
}

impl Mlp {
    pub fn train(xs: &[Vec<f64>], ys: &[bool], hidden: usize, l2: f64, epochs: usize) -> Self {
        let d = xs.first().map(Vec::len).unwrap_or(0);
        let (mean, sd, zs) = super::logistic::standardise(xs);
        let mut rng = Lcg(42);
        let scale = (1.0 / d as f64).sqrt();
        let mut m = Mlp {
            mean,
            sd,
            w1: (0..hidden)
                .map(|_| (0..d).map(|_| rng.next() * scale).collect())
                .collect(),
            b1: vec![0.0; hidden],
            w2: (0..hidden)
                .map(|_| rng.next() / (hidden as f64).sqrt())
                .collect(),
            b2: 0.0,
        };
        let mut adam1: Vec<Adam> = (0..hidden).map(|_| Adam::new(d)).collect();
        let mut adam_b1 = Adam::new(hidden);
        let mut adam2 = Adam::new(hidden + 1);
        let mut order: Vec<usize> = (0..zs.len()).collect();
        let (batch, lr) = (32, 0.001);
        let mut t = 0;
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                let k = ((rng.next() + 1.0) / 2.0 * (i + 1) as f64) as usize;
                order.swap(i, k.min(i));
            }
            for chunk in order.chunks(batch) {
                let mut g1 = vec![vec![0.0; d]; hidden];
                let mut gb1 = vec![0.0; hidden];
                let mut g2 = vec![0.0; hidden + 1];
                let bn = chunk.len() as f64;
                for &i in chunk {
                    let h = m.hidden(&zs[i]);
                    let p = sigmoid(m.b2 + h.iter().zip(&m.w2).map(|(a, b)| a * b).sum::<f64>());
                    let e = (p - if ys[i] { 1.0 } else { 0.0 }) / bn;
                    for k in 0..hidden {
                        g2[k] += e * h[k];
                        let eh = e * m.w2[k] * (1.0 - h[k] * h[k]);
                        gb1[k] += eh;
                        for j in 0..d {
                            g1[k][j] += eh * zs[i][j];
                        }
                    }
                    g2[hidden] += e;
                }
                t += 1;
                for k in 0..hidden {
                    for j in 0..d {
                        g1[k][j] += l2 * m.w1[k][j];
                    }
                    adam1[k].step(&mut m.w1[k], &g1[k], lr, t);
                    g2[k] += l2 * m.w2[k];
                }
                adam_b1.step(&mut m.b1, &gb1, lr, t);
                let mut out: Vec<f64> = m.w2.clone();
                out.push(m.b2);
                adam2.step(&mut out, &g2, lr, t);
                m.b2 = out.pop().unwrap_or(0.0);
                m.w2 = out;
            }
        }
        m
    }

    fn hidden(&self, z: &[f64]) -> Vec<f64> {
        self.w1
            .iter()
            .zip(&self.b1)
            .map(|(w, b)| (b + w.iter().zip(z).map(|(a, c)| a * c).sum::<f64>()).tanh())
            .collect()
    }

    pub fn predict(&self, x: &[f64]) -> f64 {
        let z: Vec<f64> = (0..x.len())
            .map(|j| (x[j] - self.mean[j]) / self.sd[j])
            .collect();
        let h = self.hidden(&z);
        sigmoid(self.b2 + h.iter().zip(&self.w2).map(|(a, b)| a * b).sum::<f64>())
    }
}
