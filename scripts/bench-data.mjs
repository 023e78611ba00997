// Helm-like manifest streams for `npm run bench`: the same bytes for the same size, on every machine
// (a seeded generator: the streams must not depend on Math.random).
import { seededRandom } from '../test/fixtures.mjs';

/** The sidecar image every Deployment uses: the one the image workloads change. */
export const SIDECAR_IMAGE = 'envoyproxy/envoy';
export const SIDECAR_TAG = 'v1.30.2';
/** The tag the benchmark's configs (and the build's code-cache training run) set the sidecar to. */
export const NEW_TAG = 'v1.31.0';

/** A config with images and patches on every document: an SMP on each Deployment, a JSON patch on each Service. */
export const IMAGES_AND_PATCHES = `images:
  - name: ${SIDECAR_IMAGE}
    newTag: ${NEW_TAG}
patches:
  - target:
      kind: Deployment
    patch: |
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: any
      spec:
        template:
          spec:
            containers:
              - name: app
                resources:
                  limits:
                    memory: 1Gi
                env:
                  - name: REGION
                    value: us-east-2
  - target:
      kind: Service
    patch: |
      - op: add
        path: /metadata/labels/tier
        value: backend
`;

const ENV_NAMES = ['LOG_LEVEL', 'REGION', 'WORKERS'];
const ENV_VALUES = ['info', 'eu-west-1', '"4"'];
const CPUS = ['100m', '250m', '500m', '1'];
const MEMORIES = ['128Mi', '256Mi', '512Mi', '1Gi'];

/**
 * A stream of `count` documents as `helm template` writes it (about 700 bytes a document): per service a
 * Deployment (an init container, the app and a proxy sidecar, env, probes, resources) and a Service, each
 * after a `# Source:` comment.
 */
export function helmStream(count, seed = 42) {
  const { next, pick } = seededRandom(seed);
  const parts = [];
  for (let i = 0; parts.length < count; i++) {
    const name = `svc-${String(i).padStart(5, '0')}`;
    const team = `team-${i % 37}`;
    const version = `1.${Math.floor(next() * 30)}.${Math.floor(next() * 10)}`;
    parts.push(deployment({ name, team, version, next, pick }));
    if (parts.length < count) parts.push(service({ name, team, next }));
  }
  return parts.join('');
}

function deployment({ name, team, version, next, pick }) {
  const env = ENV_NAMES.slice(0, 1 + Math.floor(next() * 3))
    .map((key, k) => `            - name: ${key}\n              value: ${ENV_VALUES[k]}\n`)
    .join('');
  return `---
# Source: shop/templates/deployment.yaml
apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${team}
  labels:
    app: ${name}
    chart: shop-0.4.1
spec:
  replicas: ${1 + Math.floor(next() * 5)}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      initContainers:
        - name: migrate
          image: registry.example.com/shop/migrate:${version}
          args: ["--wait"]
      containers:
        - name: app
          image: "registry.example.com/shop/${name}:${version}"
          ports:
            - containerPort: 8080
          env:
${env}          livenessProbe:
            httpGet:
              path: /healthz
              port: 8080
          readinessProbe:
            httpGet:
              path: /ready
              port: 8080
          resources:
            limits:
              memory: ${pick(MEMORIES)}
            requests:
              cpu: ${pick(CPUS)}
        - name: proxy
          image: ${SIDECAR_IMAGE}:${SIDECAR_TAG}
          resources:
            limits:
              memory: 128Mi
`;
}

function service({ name, team, next }) {
  return `---
# Source: shop/templates/service.yaml
apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${team}
  labels:
    app: ${name}
    chart: shop-0.4.1
spec:
  type: ${next() < 0.8 ? 'ClusterIP' : 'NodePort'}
  ports:
    - port: 80
      targetPort: 8080
      protocol: TCP
      name: http
  selector:
    app: ${name}
`;
}
