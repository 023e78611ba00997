// What the tests, the fuzzer and the benchmark share: the Deployment and Service most CLI tests start
// from, and a seeded random generator. A plain ES module (fixtures.d.mts gives its types), so that
// scripts/fuzz.mjs and scripts/bench-data.mjs import it under node as the TypeScript tests do.

/**
 * The Deployment `web`, as `helm template` writes one: in namespace `shop` (in none with `namespace: null`),
 * one container `app` on `image`, compact sequences, plain scalars. It ends with that container's image
 * line, so that a test may append containers or keys of its own.
 */
export function webDeployment({ namespace = 'shop', image = 'acme/web:1' } = {}) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${namespace === null ? '' : `  namespace: ${namespace}\n`}spec:
  template:
    spec:
      containers:
      - name: app
        image: ${image}
`;
}

/** The Service `web` in namespace `shop` beside it, port 80. */
export const WEB_SERVICE = `apiVersion: v1
kind: Service
metadata:
  name: web
  namespace: shop
spec:
  ports:
  - port: 80
`;

/**
 * A small seeded random generator (mulberry32): the same numbers for the same seed on every machine, so that
 * generated inputs can be replayed. `next()` is in [0, 1); `int(n)` in [0, n).
 */
export function seededRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  return { next, int, pick: (items) => items[int(items.length)], chance: (p) => next() < p };
}
