// Reachability: every connection the platform makes must be allowed by the NetworkPolicies, and connections it
// must never make must be blocked. The pods are the workloads of the manifests plus the pods the operators create,
// with the labels the operators give them (what the policies select on):
//   CloudNativePG: instance pods cnpg.io/cluster=<cluster>, cnpg.io/podRole=instance (ports 5432, 8000, 9187);
//   Strimzi: strimzi.io/cluster=<kafka>, strimzi.io/kind=Kafka, strimzi.io/name=<kafka>-kafka (brokers and
//     controllers), <kafka>-entity-operator, <kafka>-kafka-exporter;
//   Keycloak operator: the servers app=keycloak, app.kubernetes.io/instance=<keycloak>; the realm import Job's pods
//     the same labels with app=keycloak-realm-import (the operator overwrites app on the copied pod template);
//   KEDA, Argo CD: no pod in the namespace (KEDA's operator connects from its own namespace).
// The operators also write policies: Strimzi one for the Kafka pods (the listener's networkPolicyPeers; controller
// and replication ports from the cluster's own pods), the Keycloak operator one for the servers (spec.networkPolicy:
// http and management peers, every peer when none is listed; JGroups among the servers).
// Outside the namespace: namespaces are known by their openpetition.org/access label (ingress, monitoring,
// cnpg-operator, autoscaler, kafka-clients); addresses outside the cluster (SMTP relay, SMS gateway, identity
// provider, Kubernetes API, object store) are reached through ipBlock rules on their port.

const NAMESPACES = ["ingress", "monitoring", "cnpg-operator", "autoscaler", "kafka-clients"];

function matchesSelector(sel, labels) {
  if (!sel) return false;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (labels[k] !== v) return false;
  for (const e of sel.matchExpressions ?? []) {
    const has = Object.hasOwn(labels, e.key);
    if (e.operator === "Exists" && !has) return false;
    if (e.operator === "DoesNotExist" && has) return false;
    if (e.operator === "In" && !(has && e.values.includes(labels[e.key]))) return false;
    if (e.operator === "NotIn" && has && e.values.includes(labels[e.key])) return false;
  }
  return true;
}

/** The pods of the rendered documents and of the operators, and the endpoints outside. */
export function podsOf(docs, ns = "petition") {
  const pods = [];
  const ports = (c) => Object.fromEntries((c ?? []).flatMap((x) => x.ports ?? []).filter((p) => p.name).map((p) => [p.name, p.containerPort]));
  for (const d of docs) {
    const namespace = d.metadata?.namespace ?? ns;
    const template = d.kind === "CronJob" ? d.spec?.jobTemplate?.spec?.template
      : ["Deployment", "StatefulSet", "Job", "DaemonSet"].includes(d.kind) ? d.spec?.template : null;
    if (template) pods.push({ id: `${d.kind}/${d.metadata.name}`, namespace, labels: template.metadata?.labels ?? {}, ports: ports(template.spec?.containers) });
    if (d.kind === "Cluster" && d.apiVersion === "postgresql.cnpg.io/v1") {
      pods.push({ id: `Cluster/${d.metadata.name} (its instances)`, namespace, labels: { "cnpg.io/cluster": d.metadata.name, "cnpg.io/podRole": "instance" }, ports: { postgresql: 5432, status: 8000, metrics: 9187 } });
    }
    if (d.kind === "Kafka") {
      const k = d.metadata.name;
      const base = { "strimzi.io/cluster": k, "strimzi.io/kind": "Kafka" };
      pods.push({ id: `Kafka/${k} (brokers)`, namespace, labels: { ...base, "strimzi.io/name": `${k}-kafka`, "strimzi.io/broker-role": "true" }, ports: { "tcp-ctrlplane": 9090, "tcp-replication": 9091, "tcp-tls": 9093 } });
      pods.push({ id: `Kafka/${k} (entity operator)`, namespace, labels: { ...base, "strimzi.io/name": `${k}-entity-operator` }, ports: {} });
      if (d.spec?.kafkaExporter) pods.push({ id: `Kafka/${k} (Kafka Exporter)`, namespace, labels: { ...base, "strimzi.io/name": `${k}-kafka-exporter` }, ports: { "tcp-prometheus": 9404 } });
    }
    if (d.kind === "Keycloak") {
      const labels = { app: "keycloak", "app.kubernetes.io/instance": d.metadata.name, "app.kubernetes.io/managed-by": "keycloak-operator", "app.kubernetes.io/component": "server" };
      pods.push({ id: `Keycloak/${d.metadata.name} (servers)`, namespace, labels, ports: { http: d.spec?.http?.httpPort ?? 8080, management: 9000 } });
    }
    if (d.kind === "KeycloakRealmImport") {
      pods.push({ id: `KeycloakRealmImport/${d.metadata.name} (the import Job)`, namespace, labels: { app: "keycloak-realm-import", "app.kubernetes.io/instance": d.spec?.keycloakCRName, "app.kubernetes.io/managed-by": "keycloak-operator", "app.kubernetes.io/component": "server" }, ports: {} });
    }
  }
  for (const access of NAMESPACES) pods.push({ id: `the ${access} namespace`, namespace: `(${access})`, nsLabels: { "openpetition.org/access": access }, labels: { "app.kubernetes.io/name": access }, ports: {} });
  for (const ext of ["smtp relay", "sms gateway", "identity provider", "kubernetes api", "object store"]) pods.push({ id: `the ${ext}`, external: true, labels: {}, ports: {} });
  return pods;
}

/** The policies of the documents and those the operators write. */
export function policiesOf(docs, ns = "petition") {
  const nps = docs.filter((d) => d.kind === "NetworkPolicy").map((d) => ({ ...d, metadata: { ...d.metadata, namespace: d.metadata.namespace ?? ns } }));
  for (const d of docs) {
    const namespace = d.metadata?.namespace ?? ns;
    if (d.kind === "Kafka") {
      const k = d.metadata.name;
      const own = { podSelector: { matchLabels: { "strimzi.io/cluster": k, "strimzi.io/kind": "Kafka" } } };
      const ingress = [{ from: [own], ports: [{ port: 9090 }, { port: 9091 }] }];
      for (const l of d.spec?.kafka?.listeners ?? []) ingress.push({ ports: [{ port: l.port }], ...(l.networkPolicyPeers?.length ? { from: l.networkPolicyPeers } : {}) });
      nps.push({ kind: "NetworkPolicy", metadata: { name: `${k}-network-policy-kafka (Strimzi's)`, namespace }, spec: { podSelector: { matchLabels: { "strimzi.io/name": `${k}-kafka` } }, policyTypes: ["Ingress"], ingress } });
    }
    if (d.kind === "Keycloak" && d.spec?.networkPolicy?.enabled !== false) {
      const np = d.spec?.networkPolicy ?? {};
      const server = { app: "keycloak", "app.kubernetes.io/instance": d.metadata.name };
      const rule = (port, peers) => ({ ports: [{ port }], ...(peers?.length ? { from: peers } : {}) });
      nps.push({ kind: "NetworkPolicy", metadata: { name: `${d.metadata.name}-network-policy (the Keycloak operator's, from spec.networkPolicy)`, namespace }, spec: {
        podSelector: { matchLabels: server }, policyTypes: ["Ingress"],
        ingress: [rule(d.spec?.http?.httpPort ?? 8080, np.http), rule(9000, np.management), { ports: [{ port: 7800 }, { port: 57800 }], from: [{ podSelector: { matchLabels: server } }] }],
      } });
    }
  }
  return nps;
}

const types = (np) => np.spec.policyTypes ?? ["Ingress", ...(np.spec.egress ? ["Egress"] : [])];

function peerMatches(peer, pod, policyNamespace) {
  if (peer.ipBlock) return Boolean(pod.external);
  if (pod.external) return false;
  if (peer.namespaceSelector) {
    const nsLabels = pod.nsLabels ?? { "kubernetes.io/metadata.name": pod.namespace };
    if (!matchesSelector(peer.namespaceSelector, nsLabels)) return false;
    return !peer.podSelector || matchesSelector(peer.podSelector, pod.labels);
  }
  return pod.namespace === policyNamespace && !pod.nsLabels && matchesSelector(peer.podSelector, pod.labels);
}

function portMatches(rule, port, dst) {
  const ports = rule.ports ?? [];
  return !ports.length || ports.some((p) => p.port === undefined || p.port === port || (typeof p.port === "string" && dst.ports[p.port] === port));
}

/** Whether src may open a connection to dst on port; null if allowed, else why not. */
export function blockedBy(nps, src, dst, port) {
  const selecting = (pod, type) => pod.external || pod.nsLabels ? [] : nps.filter((np) => np.metadata.namespace === pod.namespace && types(np).includes(type) && matchesSelector(np.spec.podSelector, pod.labels));
  const out = selecting(src, "Egress");
  if (out.length && !out.some((np) => (np.spec.egress ?? []).some((r) => portMatches(r, port, dst) && (!r.to?.length || r.to.some((p) => peerMatches(p, dst, np.metadata.namespace)))))) {
    return `no egress rule of ${out.map((n) => `NetworkPolicy/${n.metadata.name}`).join(", ")} (spec.egress) lets it out`;
  }
  const inp = selecting(dst, "Ingress");
  if (inp.length && !inp.some((np) => (np.spec.ingress ?? []).some((r) => portMatches(r, port, dst) && (!r.from?.length || r.from.some((p) => peerMatches(p, src, np.metadata.namespace)))))) {
    return `no ingress rule of ${inp.map((n) => `NetworkPolicy/${n.metadata.name}`).join(", ")} (spec.ingress) admits it`;
  }
  return null;
}

/**
 * The connections the platform makes (must be allowed) and a set it must never make (must be blocked), from the
 * documents: [{ from, to, port, why }] with from/to predicates on the pods.
 */
export function connectionsOf(docs, services, portal = "portal") {
  const app = (name) => (p) => p.labels["app.kubernetes.io/name"] === name && !p.nsLabels;
  const db = (name) => (p) => p.labels["cnpg.io/cluster"] === name && !p.nsLabels;
  const ns = (access) => (p) => p.nsLabels?.["openpetition.org/access"] === access;
  const ext = (what) => (p) => p.id === `the ${what}`;
  const brokers = (p) => p.labels["strimzi.io/broker-role"] === "true";
  const kcServer = (p) => p.labels.app === "keycloak" && p.labels["app.kubernetes.io/component"] === "server";
  const kcImport = (p) => p.labels.app === "keycloak-realm-import";
  const exporter = (p) => /-kafka-exporter$/.test(p.labels["strimzi.io/name"] ?? "");
  const dbName = (s) => `${s.replace(/-service$/, "")}-db`;
  const must = [], never = [];
  const clusters = docs.filter((d) => d.kind === "Cluster" && d.apiVersion === "postgresql.cnpg.io/v1").map((d) => d.metadata.name);
  const has = (kind) => docs.some((d) => d.kind === kind);
  for (const s of services) {
    must.push({ from: app(s), to: db(dbName(s)), port: 5432, why: `${s} → its database ${dbName(s)}` });
    must.push({ from: app(s), to: brokers, port: 9093, why: `${s} → the Kafka brokers` });
    must.push({ from: app(s), to: kcServer, port: 8080, why: `${s} → Keycloak (the realm's keys)` });
    must.push({ from: app(portal), to: app(s), port: 8080, why: `the portal → ${s}'s API` });
    must.push({ from: ns("monitoring"), to: app(s), port: 9000, why: `Prometheus → ${s}'s management port` });
    never.push({ from: ns("ingress"), to: app(s), port: 9000, why: `the ingress controller → ${s}'s management port` });
    never.push({ from: app(s), to: db("keycloak-db"), port: 5432, why: `${s} → Keycloak's database` });
    for (const other of [...services, portal].filter((o) => o !== s)) never.push({ from: app(s), to: db(dbName(other)), port: 5432, why: `${s} → ${other}'s database` });
    if (s !== "notification-service") never.push({ from: app(s), to: ext("smtp relay"), port: 587, why: `${s} → the SMTP relay` });
  }
  must.push({ from: app(portal), to: db(dbName(portal)), port: 5432, why: "the portal → portal-db" });
  must.push({ from: app(portal), to: kcServer, port: 8080, why: "the portal → Keycloak" });
  must.push({ from: ns("ingress"), to: app(portal), port: 8080, why: "the ingress controller → the portal" });
  must.push({ from: ns("monitoring"), to: app(portal), port: 9000, why: "Prometheus → the portal's management port" });
  never.push({ from: app(portal), to: brokers, port: 9093, why: "the portal → Kafka (it uses none)" });
  never.push({ from: app(portal), to: ext("smtp relay"), port: 587, why: "the portal → the SMTP relay" });
  for (const s of services) never.push({ from: app(portal), to: db(dbName(s)), port: 5432, why: `the portal → ${s}'s database` });
  must.push({ from: kcServer, to: db("keycloak-db"), port: 5432, why: "Keycloak → keycloak-db" });
  must.push({ from: kcImport, to: db("keycloak-db"), port: 5432, why: "the realm import Job (app=keycloak-realm-import) → keycloak-db" });
  never.push({ from: kcImport, to: brokers, port: 9093, why: "the realm import Job → Kafka" });
  must.push({ from: ns("ingress"), to: kcServer, port: 8080, why: "the ingress controller → Keycloak" });
  must.push({ from: ns("monitoring"), to: kcServer, port: 9000, why: "Prometheus → Keycloak's management port" });
  must.push({ from: app("notification-service"), to: ext("smtp relay"), port: 587, why: "notification-service → the SMTP relay" });
  must.push({ from: app("notification-service"), to: ext("sms gateway"), port: 443, why: "notification-service → the SMS gateway" });
  must.push({ from: kcServer, to: ext("identity provider"), port: 443, why: "Keycloak → the identity provider" });
  for (const c of clusters) {
    must.push({ from: db(c), to: db(c), port: 5432, why: `${c}'s instances → each other (replication)` });
    must.push({ from: ns("cnpg-operator"), to: db(c), port: 8000, why: `the CNPG operator → ${c}'s instance manager` });
    must.push({ from: ns("monitoring"), to: db(c), port: 9187, why: `Prometheus → ${c}'s exporter` });
    must.push({ from: db(c), to: ext("kubernetes api"), port: 6443, why: `${c}'s instance manager → the Kubernetes API` });
    if (has("ObjectStore")) must.push({ from: db(c), to: ext("object store"), port: 443, why: `${c} → the object store (WAL, backups)` });
    never.push({ from: ns("ingress"), to: db(c), port: 5432, why: `the ingress controller → ${c}` });
    never.push({ from: ns("kafka-clients"), to: db(c), port: 5432, why: `a departmental system → ${c}` });
  }
  if (has("Kafka")) {
    must.push({ from: ns("monitoring"), to: exporter, port: 9404, why: "Prometheus → the Kafka Exporter" });
    must.push({ from: ns("kafka-clients"), to: brokers, port: 9093, why: "a departmental system → the Kafka brokers" });
    must.push({ from: exporter, to: brokers, port: 9091, why: "the Kafka Exporter → the brokers" });
    never.push({ from: ns("ingress"), to: brokers, port: 9093, why: "the ingress controller → Kafka" });
  }
  if (has("ScaledObject")) must.push({ from: ns("autoscaler"), to: brokers, port: 9093, why: "KEDA → the Kafka brokers (consumer lag)" });
  if (docs.some((d) => d.kind === "Job" && d.metadata.name === "petition-smoke")) {
    must.push({ from: app("petition-smoke"), to: app("intake-service"), port: 8080, why: "the smoke test → intake's API" });
    must.push({ from: app("petition-smoke"), to: kcServer, port: 8080, why: "the smoke test → Keycloak" });
    never.push({ from: app("petition-smoke"), to: app("routing-service"), port: 8080, why: "the smoke test → routing-service" });
    never.push({ from: app("petition-smoke"), to: db("intake-db"), port: 5432, why: "the smoke test → intake-db" });
  }
  if (docs.some((d) => d.kind === "CronJob" && d.metadata.name === "restore-drill")) {
    must.push({ from: app("restore-drill"), to: ext("kubernetes api"), port: 6443, why: "the restore drill → the Kubernetes API" });
    never.push({ from: app("restore-drill"), to: db("intake-db"), port: 5432, why: "the restore drill → intake-db" });
  }
  return { must, never };
}

/** The reachability errors of the documents. */
export function reachabilityErrors(docs, services, portal = "portal") {
  const pods = podsOf(docs);
  const nps = policiesOf(docs);
  const errors = [];
  const { must, never } = connectionsOf(docs, services, portal);
  for (const c of must) {
    const srcs = pods.filter(c.from), dsts = pods.filter(c.to);
    if (!srcs.length || !dsts.length) continue; // the component is not in this overlay
    for (const s of srcs) for (const d of dsts) {
      const why = blockedBy(nps, s, d, c.port);
      if (why) errors.push(`network: ${c.why} (${s.id} → ${d.id}:${c.port}) is blocked: ${why}`);
    }
  }
  for (const c of never) {
    for (const s of pods.filter(c.from)) for (const d of pods.filter(c.to)) {
      if (s === d) continue;
      if (!blockedBy(nps, s, d, c.port)) errors.push(`network: ${c.why} (${s.id} → ${d.id}:${c.port}) is allowed, and must not be`);
    }
  }
  return errors;
}
