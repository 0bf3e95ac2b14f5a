// Offline validation of the platform's Kubernetes manifests. For every overlay under overlays/:
//  1. render it with `kubectl kustomize` (no API server needed);
//  2. validate every document against its schema: the Kubernetes API (npm kubernetes-models), the
//     operators' CRDs (@kubernetes-models/strimzi-kafka-operator, /cloudnative-pg,
//     /prometheus-operator) and, for Keycloak, the hand-kept types in tools/types/keycloak.d.ts;
//     the schema validators of those packages check types, required fields, enums and patterns, and
//     a TypeScript check against the same packages' declarations rejects every unknown field;
//  3. check the platform is complete and matches the services' configuration: each service and the
//     portal with its workload objects and probes, the portal wired to the services, its database, its
//     Ingress and its realm client, a KafkaTopic for every topic the services read, write or
//     dead-letter, a KafkaUser per service whose ACLs are exactly what it needs, a PostgreSQL cluster
//     per service, the realm, and per overlay its own rules (production: replicas, anti-affinity,
//     backups; no demo users outside the demo overlay).
// Exits non-zero on the first overlay with an error, after printing every error it found.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import YAML from "yaml";
import { K8S_DIR, expectedFiles, isDemoClient, isServiceAccountUser, STAFF_ROLES, PORTAL_CLIENT, PORTAL_WEB_CLIENT, PORTAL_WEB_SECRET_PLACEHOLDER } from "./realm.mjs";
import { versionErrors, versionTable, applicationErrors } from "./versions.mjs";
import { reachabilityErrors } from "./network.mjs";

export const REPO_DIR = path.resolve(K8S_DIR, "../..");
export const SERVICES = ["intake-service", "routing-service", "supervision-service", "notification-service"];
/** The portal web application (module portal/): calls the services' APIs, no Kafka, its own database for sessions. */
export const PORTAL = "portal";
/** The portal's REST client of each service: PORTAL_<NAME>_URL (portal.<name>-url), the in-cluster URL of the service's http port. */
export const portalRestClientVar = (service) => `PORTAL_${service.replace(/-service$/, "").toUpperCase()}_URL`;
const NODE_MODULES = path.join(K8S_DIR, "node_modules");

// ---------------------------------------------------------------------------------------------
// Rendering

export function overlays() {
  const dir = path.join(K8S_DIR, "overlays");
  return readdirSync(dir).filter((d) => existsSync(path.join(dir, d, "kustomization.yaml"))).sort();
}

export function render(dir) {
  let out;
  try {
    out = execFileSync("kubectl", ["kustomize", dir], { encoding: "utf8", maxBuffer: 64 << 20, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    if (e.code === "ENOENT") throw new Error("kubectl is not installed: it renders the overlays (kubectl kustomize), offline");
    throw new Error(`kubectl kustomize ${path.relative(K8S_DIR, dir)} failed:\n${e.stderr || e.message}`);
  }
  return parseDocuments(out);
}

export function parseDocuments(text) {
  const docs = [];
  for (const d of YAML.parseAllDocuments(text)) {
    if (d.errors.length) throw new Error(`YAML: ${d.errors.map((e) => e.message).join("; ")}`);
    const value = d.toJS();
    if (value != null) docs.push(value);
  }
  return docs;
}

const id = (doc) => `${doc?.kind ?? "?"}/${doc?.metadata?.name ?? "?"}`;

// ---------------------------------------------------------------------------------------------
// Schemas

const GROUP_PACKAGES = {
  "kafka.strimzi.io": "@kubernetes-models/strimzi-kafka-operator",
  "postgresql.cnpg.io": "@kubernetes-models/cloudnative-pg",
  "monitoring.coreos.com": "@kubernetes-models/prometheus-operator",
  "keda.sh": "@kubernetes-models/keda",
  "external-secrets.io": "@kubernetes-models/external-secrets",
  "argoproj.io": "@kubernetes-models/argo-cd",
};
const LOCAL_TYPES = { "k8s.keycloak.org/v2alpha1": "./types/keycloak.js", "barmancloud.cnpg.io/v1": "./types/barman-cloud.js" };

/** The module that declares the kind, as [module specifier for TypeScript, file of the JS model or null]. */
function schemaOf(doc) {
  const { apiVersion, kind } = doc;
  if (typeof apiVersion !== "string" || typeof kind !== "string" || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return null;
  if (LOCAL_TYPES[apiVersion]) return { types: LOCAL_TYPES[apiVersion], model: null };
  const slash = apiVersion.indexOf("/");
  const group = slash < 0 ? "" : apiVersion.slice(0, slash);
  const pkg = GROUP_PACKAGES[group] ?? (group === "" || !group.includes(".") || group.endsWith(".k8s.io") ? "kubernetes-models" : null);
  if (!pkg) return null;
  const spec = `${pkg}/${apiVersion}/${kind}`;
  const file = path.join(NODE_MODULES, `${spec}.js`);
  return existsSync(file) && existsSync(path.join(NODE_MODULES, `${spec}.d.ts`)) ? { types: spec, model: file } : null;
}

/** Validates documents against their schemas; returns the errors (strings), none if all are valid. */
export async function validateSchemas(docs, label = "") {
  const errors = [];
  const typed = [];
  for (const [i, doc] of docs.entries()) {
    const where = `${label}#${i} ${id(doc)}`;
    if (doc === null || typeof doc !== "object" || Array.isArray(doc)) {
      errors.push(`${where}: not an object`);
      continue;
    }
    const schema = schemaOf(doc);
    if (!schema) {
      errors.push(`${where}: no schema for apiVersion ${doc.apiVersion}, kind ${doc.kind}`);
      continue;
    }
    if (schema.model) {
      const mod = await import(pathToFileURL(schema.model).href);
      try {
        new mod[doc.kind](doc).validate();
      } catch (e) {
        errors.push(`${where}: ${e.message.replace(/\s+/g, " ")}`);
      }
    }
    typed.push({ where, doc, types: schema.types });
  }
  errors.push(...strictCheck(typed));
  return errors;
}

/**
 * Unknown fields and wrong types: each document becomes a TypeScript object literal typed with the
 * declaration of its kind, so that the compiler's excess-property check rejects any field the
 * schema does not know, at any depth.
 */
function strictCheck(typed) {
  if (!typed.length) return [];
  const file = path.join(K8S_DIR, "tools", "__manifests__.ts");
  const lines = typed.map((t, i) => `export const d${i}: import(${JSON.stringify(t.types)}).I${t.doc.kind} = ${JSON.stringify(t.doc)};`);
  const source = lines.join("\n") + "\n";
  const options = {
    noEmit: true, strict: true, skipLibCheck: true, types: [],
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) => (path.resolve(name) === file ? ts.createSourceFile(name, source, lang) : getSourceFile(name, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => path.resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host);
  const errors = [];
  for (const d of ts.getPreEmitDiagnostics(program)) {
    const message = ts.flattenDiagnosticMessageText(d.messageText, " ").replace(/\s+/g, " ");
    if (d.file && path.resolve(d.file.fileName) === file && d.start !== undefined) {
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      const t = typed[line];
      const at = pathAt(source, d.start, lines, line);
      errors.push(`${t.where}${at ? ` at ${at}` : ""}: ${message}`);
    } else {
      errors.push(`schema declarations: ${message}`);
    }
  }
  return errors;
}

/** The JSON path of the property at a position of a line of the generated source (for messages). */
function pathAt(source, pos, lines, line) {
  const start = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  const text = lines[line];
  const off = pos - start;
  const init = text.indexOf("= ") + 2;
  const stack = [];
  let key = null;
  let i = init;
  while (i < off && i < text.length) {
    const c = text[i];
    if (c === '"') {
      let j = i + 1;
      while (text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const s = JSON.parse(text.slice(i, j + 1));
      if (text[j + 1] === ":") key = s;
      i = j + 1;
      continue;
    }
    if (c === "{") { stack.push({ key, index: -1 }); key = null; }
    else if (c === "[") { stack.push({ key, index: 0 }); key = null; }
    else if (c === "}" || c === "]") { stack.pop(); key = null; }
    else if (c === "," && stack.length && stack.at(-1).index >= 0) stack.at(-1).index++;
    i++;
  }
  const parts = [];
  for (const s of stack.slice(1)) {
    if (s.key !== null) parts.push(s.key);
    if (s.index >= 0) parts.push(`[${s.index}]`);
  }
  if (stack.at(-1)?.index >= 0) {
    // keep the array index
  }
  const after = text.slice(off).match(/^"([^"]*)"/);
  if (after) parts.push(after[1]);
  return parts.join(".").replace(/\.\[/g, "[");
}

// ---------------------------------------------------------------------------------------------
// What the services need, read from their sources

/** Topics, consumer groups and dead-letter topics of each service, from application.properties and its outbox calls. */
export function platformFromSources(repo = REPO_DIR) {
  const topicsJava = readFileSync(path.join(repo, "contracts/src/main/java/org/openpetition/contracts/Topics.java"), "utf8");
  // topic names; a name ending in "." is a prefix (the departmental feeds), not a topic
  const constants = Object.fromEntries([...topicsJava.matchAll(/static final String (\w+)\s*=\s*"([^"]+)"/g)]
    .filter((m) => !m[2].endsWith(".")).map((m) => [m[1], m[2]]));
  const services = {};
  for (const s of SERVICES) {
    const props = readProperties(path.join(repo, s, "src/main/resources/application.properties"));
    const channels = {};
    for (const [k, v] of Object.entries(props)) {
      const m = k.match(/^mp\.messaging\.(incoming|outgoing)\.([^.]+)\.(.+)$/);
      if (!m) continue;
      (channels[`${m[1]} ${m[2]}`] ??= { direction: m[1], name: m[2] })[m[3]] = v;
    }
    const consumes = [], dlqs = [], groups = new Set(), produces = new Set();
    let feeds = false;
    for (const c of Object.values(channels)) {
      const topic = c.topic ?? c.name;
      if (c.direction === "outgoing") { produces.add(topic); continue; }
      consumes.push(topic);
      groups.add(c["group.id"] ?? props["quarkus.application.name"] ?? s);
      if (c["failure-strategy"] === "dead-letter-queue") dlqs.push(c["dead-letter-queue.topic"] ?? `dead-letter-topic-${c.name}`);
    }
    for (const file of javaFiles(path.join(repo, s, "src/main/java"))) {
      for (const m of readFileSync(file, "utf8").matchAll(/outbox\.(?:append|prepare)\(\s*Topics\.(\w+)/g)) {
        if (m[1] === "departmentFeed") { feeds = true; continue; } // dept.<code>.cases.v1: a prefix, created on first use
        if (!constants[m[1]]) throw new Error(`${file}: Topics.${m[1]} is not in contracts' Topics.java`);
        produces.add(constants[m[1]]);
      }
    }
    services[s] = { consumes, dlqs, groups: [...groups], produces: [...produces], feeds, props };
  }
  return { services, eventTopics: Object.values(constants) };
}

function readProperties(file) {
  const props = {};
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.trim();
    if (!line || line.startsWith("#") || line.startsWith("%")) continue;
    const i = line.search(/[=:]/);
    if (i > 0) props[line.slice(0, i).trim()] = line.slice(i + 1).trim();
  }
  return props;
}

function javaFiles(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".java"))
    .map((e) => path.join(e.parentPath ?? e.path, e.name));
}

// ---------------------------------------------------------------------------------------------
// Completeness and the platform's rules

/** Secrets that the operations team creates (docs/kubernetes.md, "Secrets"). */
export const OPERATOR_CREATED_SECRETS = ["intake-personal-data", "notification-smtp", "notification-sms", "backup-object-store", "portal-oidc-client", "portal-tls", "smoke-client", "keda-kafka"];
/** The scratch namespace of the restore drill (components/backups): the only other namespace an overlay may use. */
export const DRILL_NAMESPACE = "petition-restore-drill";

export function checkPlatform(docs, overlay, platform = platformFromSources()) {
  const errors = [];
  const err = (m) => errors.push(`${overlay}: ${m}`);
  const all = (kind) => docs.filter((d) => d.kind === kind);
  const one = (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
  const production = overlay === "production";
  const demo = overlay === "demo";

  const namespaces = new Set(docs.filter((d) => d.kind !== "Namespace").map((d) => d.metadata?.namespace).filter((n) => n !== DRILL_NAMESPACE));
  if (namespaces.size !== 1 || namespaces.has(undefined)) err(`every object belongs in one namespace (and the restore drill's ${DRILL_NAMESPACE}); found ${[...namespaces].join(", ")}`);

  // Kafka
  const kafka = all("Kafka");
  if (kafka.length !== 1) err(`expected one Kafka, found ${kafka.length}`);
  const kafkaName = kafka[0]?.metadata?.name;
  const pools = all("KafkaNodePool");
  const brokers = pools.filter((p) => p.spec.roles?.includes("broker")).reduce((n, p) => n + p.spec.replicas, 0);
  const controllers = pools.filter((p) => p.spec.roles?.includes("controller")).reduce((n, p) => n + p.spec.replicas, 0);
  if (!brokers || !controllers) err("the Kafka node pools have no broker or no controller");
  if (production && (brokers < 3 || controllers < 3)) err(`production needs 3 brokers and 3 controllers, has ${brokers} and ${controllers}`);
  if (production && Number(kafka[0]?.spec.kafka.config?.["min.insync.replicas"]) < 2) err("production needs min.insync.replicas >= 2");
  const topics = new Map(all("KafkaTopic").map((t) => [t.spec.topicName ?? t.metadata.name, t]));
  for (const t of topics.values()) {
    if (t.metadata.labels?.["strimzi.io/cluster"] !== kafkaName) err(`${id(t)}: label strimzi.io/cluster must be ${kafkaName}`);
    if (!Number.isInteger(t.spec.partitions) || t.spec.partitions < 1) err(`${id(t)}: no partitions`);
    if (!t.spec.config?.["retention.ms"]) err(`${id(t)}: no retention.ms`);
  }
  const needTopic = (topic, why) => { if (!topics.has(topic)) err(`no KafkaTopic for ${topic} (${why})`); };
  for (const t of platform.eventTopics) needTopic(t, "contracts' Topics.java");

  const users = new Map(all("KafkaUser").map((u) => [u.metadata.name, u]));
  for (const [s, p] of Object.entries(platform.services)) {
    p.consumes.forEach((t) => needTopic(t, `${s} consumes it`));
    p.dlqs.forEach((t) => needTopic(t, `${s}'s dead-letter topic`));
    p.produces.forEach((t) => needTopic(t, `${s} produces it`));
    const user = users.get(s);
    if (!user) { err(`no KafkaUser ${s}`); continue; }
    if (user.metadata.labels?.["strimzi.io/cluster"] !== kafkaName) err(`KafkaUser/${s}: label strimzi.io/cluster must be ${kafkaName}`);
    const acls = aclSet(user);
    const want = new Set();
    p.produces.forEach((t) => ["Write", "Describe"].forEach((o) => want.add(`topic literal ${t} ${o}`)));
    p.consumes.forEach((t) => ["Read", "Describe"].forEach((o) => want.add(`topic literal ${t} ${o}`)));
    p.dlqs.forEach((t) => ["Write", "Describe"].forEach((o) => want.add(`topic literal ${t} ${o}`)));
    p.groups.forEach((g) => want.add(`group literal ${g} Read`));
    // the departmental feeds: written through the outbox, each topic created before its first event
    if (p.feeds) ["Write", "Describe", "Create"].forEach((o) => want.add(`topic prefix ${FEED_PREFIX} ${o}`));
    for (const a of want) if (!acls.has(a)) err(`KafkaUser/${s} lacks the ACL ${a}`);
    for (const a of acls) if (!want.has(a)) err(`KafkaUser/${s} has an ACL its configuration does not need: ${a}`);
  }
  const operations = users.get("petition-operations");
  if (!operations) err("no KafkaUser petition-operations (reads the dead-letter topics)");
  else {
    const acls = aclSet(operations);
    for (const p of Object.values(platform.services)) {
      for (const t of p.dlqs) if (!acls.has(`topic literal ${t} Read`)) err(`KafkaUser/petition-operations cannot read the dead-letter topic ${t}`);
    }
    for (const a of acls) if (/ (Write|Create|Delete|Alter|All)$/.test(a)) err(`KafkaUser/petition-operations must not write: ${a}`);
  }
  // a departmental system reads its own department's feed and nothing else: topic and group prefix dept.<code>.
  for (const u of users.values()) {
    if (u.metadata.labels?.["openpetition.org/client"] !== "departmental-system") continue;
    const code = u.metadata.annotations?.["openpetition.org/department"];
    if (!code) { err(`KafkaUser/${u.metadata.name} (departmental system) names no department (annotation openpetition.org/department)`); continue; }
    const own = `${FEED_PREFIX}${code}.`;
    for (const a of aclSet(u)) {
      const [type, pattern, name, op] = a.split(" ");
      const ok = (type === "topic" && pattern === "prefix" && name === own && ["Read", "Describe"].includes(op))
        || (type === "group" && pattern === "prefix" && name === own && op === "Read");
      if (!ok) err(`KafkaUser/${u.metadata.name} (departmental system) may only read its own feed ${own}* with its own group prefix: ${a}`);
    }
    if (!aclSet(u).has(`topic prefix ${own} Read`)) err(`KafkaUser/${u.metadata.name} (departmental system) cannot read its feed ${own}*`);
  }

  // PostgreSQL
  const clusters = new Map(all("Cluster").map((c) => [c.metadata.name, c]));
  for (const s of [...SERVICES, PORTAL, "keycloak"]) {
    const db = s.replace(/-service$/, "");
    const c = clusters.get(`${db}-db`);
    if (!c) { err(`no CloudNativePG Cluster ${db}-db for ${s}`); continue; }
    const init = c.spec.bootstrap?.initdb;
    if (init?.database !== db || init?.owner !== db) err(`Cluster/${db}-db must create database ${db} owned by ${db}`);
    if (!/utf-?8/i.test(init?.localeCType ?? "") || !/utf-?8/i.test(init?.localeCollate ?? "")) err(`Cluster/${db}-db needs a UTF-8 locale (pg_trgm, docs/operations.md)`);
    if (production) {
      if ((c.spec.instances ?? 1) < 3) err(`Cluster/${db}-db: production needs 3 instances`);
      if (!c.spec.plugins?.some((p) => p.name === BARMAN_PLUGIN && p.isWALArchiver)) err(`Cluster/${db}-db: production needs a backup target: the Barman Cloud plugin as WAL archiver (spec.plugins)`);
      if (!all("ScheduledBackup").some((b) => b.spec.cluster?.name === `${db}-db`)) err(`Cluster/${db}-db: production needs a ScheduledBackup`);
    }
  }

  // The services
  const configMaps = new Map(all("ConfigMap").map((c) => [c.metadata.name, c]));
  const serviceOf = (s) => one("Service", s);
  const envs = {};
  for (const s of [...SERVICES, PORTAL]) {
    const db = s.replace(/-service$/, "");
    const isService = s !== PORTAL;
    const scaler = KAFKA_SCALED.includes(s) ? "ScaledObject" : "HorizontalPodAutoscaler";
    for (const kind of ["Deployment", "Service", "ServiceAccount", scaler, "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor", ...(isService ? [] : ["Ingress"])]) {
      if (!one(kind, s)) err(`no ${kind} ${s}`);
    }
    const dep = one("Deployment", s);
    if (!dep) continue;
    const pod = dep.spec.template.spec;
    const c = pod.containers[0];
    // the image of the module: openpetition/<name>:<tag> (an overlay may put a registry in front)
    if (!new RegExp(`(^|/)openpetition/${s}:[^/:@]+(@sha256:[0-9a-f]{64})?$`).test(c.image ?? "")) err(`Deployment/${s}: image ${c.image} is not openpetition/${s}:<tag>`);
    // non-root, read-only root filesystem with a writable /tmp, no privilege escalation
    if (pod.securityContext?.runAsNonRoot !== true && c.securityContext?.runAsNonRoot !== true) err(`Deployment/${s}: must run as non-root (runAsNonRoot)`);
    if (c.securityContext?.readOnlyRootFilesystem !== true) err(`Deployment/${s}: the root filesystem must be read-only (readOnlyRootFilesystem)`);
    if (c.securityContext?.allowPrivilegeEscalation !== false) err(`Deployment/${s}: allowPrivilegeEscalation must be false`);
    const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
    if (!tmp || !(pod.volumes ?? []).some((v) => v.name === tmp.name && v.emptyDir)) err(`Deployment/${s}: needs an emptyDir on /tmp (the root filesystem is read-only)`);
    const probes = { startupProbe: "/q/health/started", livenessProbe: "/q/health/live", readinessProbe: "/q/health/ready" };
    for (const [probe, p] of Object.entries(probes)) if (c[probe]?.httpGet?.path !== p) err(`Deployment/${s}: ${probe} must check ${p}`);
    // health, metrics and OpenAPI are on the management interface, its own port, never on the API's
    const management = (c.ports ?? []).find((p) => p.name === "management");
    const http = (c.ports ?? []).find((p) => p.name === "http");
    if (!management) err(`Deployment/${s}: no container port named management (health, metrics, OpenAPI)`);
    else if (management.containerPort === http?.containerPort) err(`Deployment/${s}: the management port must differ from the http port`);
    const isManagement = (port) => port === "management" || (management && port === management.containerPort);
    for (const probe of Object.keys(probes)) if (c[probe]?.httpGet && !isManagement(c[probe].httpGet.port)) err(`Deployment/${s}: ${probe} must use the management port`);
    if (!c.resources?.requests?.cpu || !c.resources?.requests?.memory || !c.resources?.limits?.memory) err(`Deployment/${s}: needs cpu and memory requests and a memory limit`);
    if (!/:[^/@]+(@sha256:[0-9a-f]{64})?$/.test(c.image)) err(`Deployment/${s}: image ${c.image} has no tag`);
    const env = {};
    for (const ref of c.envFrom ?? []) {
      const cm = configMaps.get(ref.configMapRef?.name);
      if (!cm) err(`Deployment/${s}: no ConfigMap ${ref.configMapRef?.name}`);
      else Object.assign(env, cm.data);
    }
    for (const e of c.env ?? []) env[e.name] = e.value ?? e.valueFrom;
    envs[s] = env;
    const required = isService
      ? ["QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
        "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_JAAS_CONFIG", "QUARKUS_OIDC_AUTH_SERVER_URL",
        ...(SERVICE_SETTINGS[s] ?? [])]
      : ["QUARKUS_HTTP_HOST", "QUARKUS_HTTP_PORT", "QUARKUS_DATASOURCE_REACTIVE_URL", "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
        "QUARKUS_OIDC_AUTH_SERVER_URL", "QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME",
        "PORTAL_PUBLIC_URL", ...SERVICES.map(portalRestClientVar)];
    for (const k of required) if (env[k] === undefined) err(`Deployment/${s}: no ${k}`);
    if (env.QUARKUS_HTTP_HOST !== "0.0.0.0") err(`Deployment/${s}: QUARKUS_HTTP_HOST must be 0.0.0.0`);
    if (env.QUARKUS_MANAGEMENT_HOST !== "0.0.0.0") err(`Deployment/${s}: QUARKUS_MANAGEMENT_HOST must be 0.0.0.0 (the probes and Prometheus reach the pod's address)`);
    if (management && String(env.QUARKUS_MANAGEMENT_PORT) !== String(management.containerPort)) err(`Deployment/${s}: QUARKUS_MANAGEMENT_PORT must be the management container port ${management.containerPort}`);
    const sm = one("ServiceMonitor", s);
    const smPorts = Object.fromEntries((serviceOf(s)?.spec.ports ?? []).map((p) => [p.name, p.targetPort]));
    for (const e of sm?.spec.endpoints ?? []) {
      if (e.path !== "/q/metrics") err(`ServiceMonitor/${s}: scrapes ${e.path ?? "/metrics"}, not /q/metrics`);
      if (!isManagement(smPorts[e.port] ?? e.targetPort)) err(`ServiceMonitor/${s}: must scrape the management port, not ${e.port ?? e.targetPort}`);
    }
    if (sm && !sm.spec.endpoints?.length) err(`ServiceMonitor/${s}: no endpoint`);
    if (!String(env.QUARKUS_DATASOURCE_REACTIVE_URL).split("?")[0].endsWith(`//${db}-db-rw:5432/${db}`)) err(`Deployment/${s}: the reactive URL must point at ${db}-db-rw:5432/${db}`);
    if (isService && !String(env.QUARKUS_DATASOURCE_JDBC_URL).split("?")[0].endsWith(`//${db}-db-rw:5432/${db}`)) err(`Deployment/${s}: the JDBC URL must point at ${db}-db-rw:5432/${db}`);
    databaseTlsErrors(`Deployment/${s}`, env, pod, c, db, isService).forEach(err);
    if (!isService && env.KAFKA_BOOTSTRAP_SERVERS !== undefined) err(`Deployment/${s}: KAFKA_BOOTSTRAP_SERVERS is set, but the portal uses no Kafka`);
    for (const k of ["QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD"]) {
      if (env[k]?.secretKeyRef?.name !== `${db}-db-app`) err(`Deployment/${s}: ${k} must come from ${db}-db-app`);
    }
    if (isService && env.KAFKA_SASL_JAAS_CONFIG?.secretKeyRef?.name !== s) err(`Deployment/${s}: the Kafka credentials must come from its KafkaUser ${s}`);
    for (const k of SECRET_SETTINGS[s] ?? []) if (env[k] !== undefined && !env[k]?.secretKeyRef) err(`Deployment/${s}: ${k} must come from a Secret (secretKeyRef), never a literal`);
    if (s === "intake-service" && String(env.QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING) !== "true") err("Deployment/intake-service: QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING must be true (per-address limits need the client's address)");
    if (s === "intake-service" && String(env.QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED) !== "true") err("Deployment/intake-service: QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED must be true");
    if (s === "intake-service" && !/^[0-9a-f.:]+\/\d+$/i.test(String(env.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES ?? ""))) err(`Deployment/intake-service: QUARKUS_HTTP_PROXY_TRUSTED_PROXIES must be the pod network's range (a CIDR), is ${JSON.stringify(env.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES)}`);
    if (s === "notification-service") {
      const portalUrl = configMaps.get("portal-config")?.data?.PORTAL_PUBLIC_URL;
      if (portalUrl && env.PETITION_NOTIFY_TRACKING_URL !== `${String(portalUrl).replace(/\/$/, "")}/track`) err(`Deployment/notification-service: PETITION_NOTIFY_TRACKING_URL must be the portal's ${portalUrl}/track, is ${JSON.stringify(env.PETITION_NOTIFY_TRACKING_URL)}`);
    }
    const svc = serviceOf(s);
    if (svc && !Object.entries(svc.spec.selector ?? {}).every(([k, v]) => dep.spec.template.metadata.labels?.[k] === v)) err(`Service/${s} selects no pod of its Deployment`);
    const np = one("NetworkPolicy", s);
    if (np && !(np.spec.policyTypes?.includes("Ingress") && np.spec.policyTypes?.includes("Egress"))) err(`NetworkPolicy/${s} must restrict ingress and egress`);
    // the management port: only from the monitoring namespace (the kubelet's probes need no rule); a rule
    // without ports admits every port, a rule without peers admits everyone
    let monitored = false;
    for (const rule of np?.spec.ingress ?? []) {
      const ports = rule.ports ?? [];
      if (ports.length && !ports.some((p) => isManagement(p.port))) continue;
      const peers = rule.from ?? [];
      const onlyMonitoring = peers.length > 0 && peers.every((f) => !f.ipBlock && !f.podSelector
        && f.namespaceSelector?.matchLabels?.["openpetition.org/access"] === "monitoring" && !f.namespaceSelector.matchExpressions);
      if (!onlyMonitoring) err(`NetworkPolicy/${s} admits ${peers.length ? JSON.stringify(peers) : "everyone"} to the management port: only the monitoring namespace may reach it`);
      else monitored = true;
    }
    if (np && !monitored) err(`NetworkPolicy/${s} does not let Prometheus (the monitoring namespace) reach the management port`);
    const egress = JSON.stringify(np?.spec.egress ?? []);
    for (const other of [...SERVICES, PORTAL, "keycloak"].filter((o) => o !== s)) {
      if (egress.includes(`"${other.replace(/-service$/, "")}-db"`)) err(`NetworkPolicy/${s} lets it reach ${other}'s database`);
    }
    // the portal calls every service's API: each service admits the portal's pods on its http port
    if (isService && np && !admits(np, { app: PORTAL }, httpPortOf(c))) err(`NetworkPolicy/${s} does not admit the portal's pods to its http port`);
    if (!egress.includes(`"${db}-db"`)) err(`NetworkPolicy/${s} does not let it reach its database`);
    if (production) {
      const pdb = one("PodDisruptionBudget", s);
      const min = scaler === "ScaledObject" ? one("ScaledObject", s)?.spec.minReplicaCount : one("HorizontalPodAutoscaler", s)?.spec.minReplicas;
      if ((min ?? 1) < 2) err(`${scaler}/${s}: production needs at least 2 replicas (${scaler === "ScaledObject" ? "minReplicaCount" : "minReplicas"} >= 2)`);
      if (!(pdb?.spec.minAvailable >= 1)) err(`PodDisruptionBudget/${s}: production must keep at least one pod`);
      if (!pod.affinity?.podAntiAffinity) err(`Deployment/${s}: production needs pod anti-affinity`);
    }
  }

  // The portal: wired to the services, its Ingress with TLS, its realm client
  const portalEnv = envs[PORTAL];
  if (portalEnv) {
    const E = `Deployment/${PORTAL}`;
    const platformOidc = configMaps.get("petition-platform")?.data?.QUARKUS_OIDC_AUTH_SERVER_URL;
    if (portalEnv.QUARKUS_OIDC_AUTH_SERVER_URL !== platformOidc) err(`${E}: QUARKUS_OIDC_AUTH_SERVER_URL must be the realm URL the services use (${platformOidc})`);
    if (portalEnv.QUARKUS_OIDC_CLIENT_ID !== PORTAL_WEB_CLIENT) err(`${E}: QUARKUS_OIDC_CLIENT_ID must be ${PORTAL_WEB_CLIENT}`);
    if (!portalEnv.QUARKUS_OIDC_CREDENTIALS_SECRET?.secretKeyRef) err(`${E}: QUARKUS_OIDC_CREDENTIALS_SECRET must come from a Secret, never a literal`);
    if (String(portalEnv.QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME) !== "true") err(`${E}: QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME must be true (TLS ends at the ingress)`);
    if (!/^postgresql:\/\//.test(String(portalEnv.QUARKUS_DATASOURCE_REACTIVE_URL))) err(`${E}: QUARKUS_DATASOURCE_REACTIVE_URL must be a postgresql:// URL`);
    for (const svc of SERVICES) {
      const port = serviceOf(svc)?.spec.ports?.find((p) => p.name === "http")?.port;
      const want = `http://${svc}:${port}`;
      const got = portalEnv[portalRestClientVar(svc)];
      if (got !== undefined && String(got).replace(/\/$/, "") !== want) err(`${E}: ${portalRestClientVar(svc)} must be ${want} (the Service's http port), is ${JSON.stringify(got)}`);
    }
    // the portal's public address: an https URL whose host the Ingress serves with TLS
    const ingress = one("Ingress", PORTAL);
    let publicUrl = null;
    try { publicUrl = new URL(String(portalEnv.PORTAL_PUBLIC_URL)); } catch { /* reported below */ }
    if (!publicUrl || publicUrl.protocol !== "https:") err(`${E}: PORTAL_PUBLIC_URL must be an https URL, is ${JSON.stringify(portalEnv.PORTAL_PUBLIC_URL)}`);
    if (ingress) {
      const rules = ingress.spec.rules ?? [];
      const host = publicUrl?.hostname;
      const rule = rules.find((r) => r.host === host);
      if (!rule) err(`Ingress/${PORTAL}: no rule for the portal's host ${host} (PORTAL_PUBLIC_URL)`);
      const toPortal = (p) => p.backend?.service?.name === PORTAL && (p.backend.service.port?.name === "http" || p.backend.service.port?.number === serviceOf(PORTAL)?.spec.ports?.find((x) => x.name === "http")?.port);
      if (rule && !(rule.http?.paths ?? []).some((p) => p.path === "/" && toPortal(p))) err(`Ingress/${PORTAL}: ${host}/ must go to the Service portal's http port`);
      for (const r of rules) for (const p of r.http?.paths ?? []) if (p.backend?.service?.port?.name === "management" || p.backend?.service?.port?.number === 9000) err(`Ingress/${PORTAL}: must not expose the management port`);
      for (const r of rules) if (!(ingress.spec.tls ?? []).some((t) => t.hosts?.includes(r.host) && t.secretName)) err(`Ingress/${PORTAL}: no TLS for ${r.host ?? "(any host)"}`);
    }
    const np = one("NetworkPolicy", PORTAL);
    if (np) {
      if (!admitsNamespace(np, "ingress", "http")) err(`NetworkPolicy/${PORTAL} does not admit the ingress controller (namespace openpetition.org/access=ingress) to its http port`);
      for (const svc of SERVICES) {
        const port = one("Deployment", svc)?.spec.template.spec.containers[0].ports?.find((p) => p.name === "http")?.containerPort;
        if (!egressTo(np, { "app.kubernetes.io/name": svc }, port)) err(`NetworkPolicy/${PORTAL} does not let it reach ${svc}'s API (port ${port})`);
      }
      if (!egressTo(np, { app: "keycloak" }, 8080)) err(`NetworkPolicy/${PORTAL} does not let it reach Keycloak`);
      if (!egressTo(np, { "cnpg.io/cluster": "portal-db" }, 5432)) err(`NetworkPolicy/${PORTAL} does not let it reach portal-db`);
      if (JSON.stringify(np.spec.egress ?? []).includes('"strimzi.io/cluster"')) err(`NetworkPolicy/${PORTAL} lets it reach Kafka, which it does not use`);
    }
    // its realm client: the one the realm imports, with the secret the Deployment reads
    const imported = all("KeycloakRealmImport").find((i) => i.spec.realm?.realm === "petition");
    const client = imported?.spec.realm?.clients?.find((x) => x.clientId === PORTAL_WEB_CLIENT);
    if (imported && !client) err(`the realm has no client ${PORTAL_WEB_CLIENT} (the portal's QUARKUS_OIDC_CLIENT_ID)`);
    if (client) {
      // (the other rules of the client: realmHardeningErrors, every overlay but demo)
      if (demo && (client.publicClient !== false || client.bearerOnly === true)) err(`client ${PORTAL_WEB_CLIENT}: must be confidential (publicClient: false)`);
      const placeholder = /^\$\{([A-Za-z0-9_]+)\}$/.exec(String(client.secret ?? ""))?.[1];
      if (!placeholder) {
        if (demo) err(`client ${PORTAL_WEB_CLIENT}: its secret must be a placeholder filled from a Secret (\${${PORTAL_WEB_SECRET_PLACEHOLDER}}), never in the repository`);
      } else {
        const from = imported.spec.placeholders?.[placeholder]?.secret;
        const ref = portalEnv.QUARKUS_OIDC_CREDENTIALS_SECRET?.secretKeyRef;
        if (!from) err(`KeycloakRealmImport/${imported.metadata.name}: no placeholder ${placeholder} (the secret of ${PORTAL_WEB_CLIENT})`);
        else if (ref && (from.name !== ref.name || from.key !== ref.key)) err(`${E}: QUARKUS_OIDC_CREDENTIALS_SECRET comes from ${ref.name}/${ref.key}, the realm's ${PORTAL_WEB_CLIENT} from ${from.name}/${from.key}: they must be the same`);
      }
      if (!demo && publicUrl) {
        for (const u of [...(client.redirectUris ?? []), ...(client.webOrigins ?? []), ...String(client.attributes?.["post.logout.redirect.uris"] ?? "").split("##").filter(Boolean)]) {
          if (!u.startsWith(publicUrl.origin)) err(`client ${PORTAL_WEB_CLIENT}: ${u} is not on the portal's address ${publicUrl.origin} (PORTAL_PUBLIC_URL)`);
        }
      }
    }
  }

  // Secrets: every reference must be to a secret an operator writes or one the guide tells to create
  const known = new Set([...OPERATOR_CREATED_SECRETS, ...all("Secret").map((x) => x.metadata.name)]);
  clusters.forEach((_, n) => { known.add(`${n}-app`); known.add(`${n}-ca`); });
  all("ExternalSecret").forEach((x) => known.add(x.spec.target?.name ?? x.metadata.name));
  users.forEach((_, n) => known.add(n));
  if (kafkaName) known.add(`${kafkaName}-cluster-ca-cert`);
  for (const ref of secretRefs(docs)) if (!known.has(ref.name)) err(`${ref.where} refers to the secret ${ref.name}, which nothing creates`);

  // Keycloak and the realm
  const keycloak = all("Keycloak");
  if (keycloak.length !== 1) err(`expected one Keycloak, found ${keycloak.length}`);
  if (keycloak[0] && keycloak[0].spec.db?.host !== "keycloak-db-rw" && !String(keycloak[0].spec.db?.url ?? "").startsWith("jdbc:postgresql://keycloak-db-rw:5432/keycloak")) err("Keycloak must use its own database cluster keycloak-db");
  if (keycloak[0] && !/[?&]sslmode=verify-full(&|$)/.test(String(keycloak[0].spec.db?.url ?? ""))) err(`Keycloak/${keycloak[0].metadata.name}: spec.db.url must connect with sslmode=verify-full (the cluster's CA)`);
  const imports = all("KeycloakRealmImport");
  const realm = imports.find((i) => i.spec.realm?.realm === "petition")?.spec.realm;
  if (!realm) err("no KeycloakRealmImport of the realm petition");
  else {
    if (imports.some((i) => i.spec.keycloakCRName !== keycloak[0]?.metadata?.name)) err("a KeycloakRealmImport names another Keycloak");
    if (!realm.clients?.some((c) => c.clientId === "petition-services")) err("the realm has no client petition-services");
    const people = (realm.users ?? []).filter((u) => !isServiceAccountUser(u));
    if (!demo && people.length) err(`the realm imports users (${people.map((u) => u.username).join(", ")}): demo users belong in overlays/demo only`);
    if (!demo && realm.clients?.some(isDemoClient)) err("the realm imports demo clients, whose secrets are public: overlays/demo only");
    if (production && realm.sslRequired === "none") err("production realm must require TLS");
    if (!demo) realmHardeningErrors(realm).forEach(err);
  }
  checkOperations(docs, overlay, platform).forEach((e) => errors.push(e));
  return errors;
}

/**
 * The realm of a real deployment (every overlay but demo): brute-force protection without permanent lockout, a
 * password policy, OTP for every staff role in the browser flow, the portal on the authorization code flow with
 * PKCE S256 and exact redirect URIs, the portal web application's confidential client (portalWebClientErrors), no
 * password grant or implicit flow on any client, and, if citizens may register, no platform role for a new account.
 */
export function realmHardeningErrors(realm) {
  const errors = [];
  const err = (m) => errors.push(`realm ${realm.realm}: ${m}`);
  if (realm.bruteForceProtected !== true) err("brute-force protection is off (bruteForceProtected)");
  if (realm.permanentLockout !== false) err("permanentLockout must be false: a temporary lockout, so that guessing cannot lock an official out for good");
  if (!(Number.isInteger(realm.failureFactor) && realm.failureFactor >= 1 && realm.failureFactor <= 10)) err(`failureFactor must be 1-10 failures, is ${realm.failureFactor}`);
  if (!(realm.waitIncrementSeconds >= 30)) err(`waitIncrementSeconds must be at least 30, is ${realm.waitIncrementSeconds}`);
  if (!(realm.maxFailureWaitSeconds >= realm.waitIncrementSeconds)) err("maxFailureWaitSeconds must be at least waitIncrementSeconds");

  const policy = {};
  for (const part of String(realm.passwordPolicy ?? "").split(/\s+and\s+/)) {
    const m = part.trim().match(/^([A-Za-z]+)(?:\((.*)\))?$/);
    if (m) policy[m[1]] = m[2] ?? "";
  }
  // a rule without a number takes Keycloak's default (1 for the character classes, 3 for the history)
  const count = (name) => (!(name in policy) ? 0 : policy[name] === "" || policy[name] === "undefined" ? (name === "length" ? 8 : 1) : Number(policy[name]));
  if (!(count("length") >= 12)) err(`the password policy needs length(12) or more: "${realm.passwordPolicy ?? ""}"`);
  for (const rule of ["digits", "upperCase", "lowerCase", "notUsername", "passwordHistory"]) {
    if (!(count(rule) >= 1)) err(`the password policy lacks ${rule}: "${realm.passwordPolicy ?? ""}"`);
  }

  for (const role of STAFF_ROLES) if (!staffOtpCovers(realm, role)) err(`the browser flow does not ask a ${role} for a one-time code (OTP for staff roles)`);

  for (const c of realm.clients ?? []) {
    if (c.directAccessGrantsEnabled !== false && !c.bearerOnly) err(`client ${c.clientId}: the password grant must be off (directAccessGrantsEnabled: false)`);
    if (c.implicitFlowEnabled === true) err(`client ${c.clientId}: the implicit flow must be off`);
  }
  const portal = realm.clients?.find((c) => c.clientId === PORTAL_CLIENT);
  if (!portal) err(`no client ${PORTAL_CLIENT}`);
  else {
    if (portal.standardFlowEnabled !== true) err(`client ${PORTAL_CLIENT}: the authorization code flow must be on`);
    if (portal.attributes?.["pkce.code.challenge.method"] !== "S256") err(`client ${PORTAL_CLIENT}: PKCE must be required with S256 (attribute pkce.code.challenge.method)`);
    if (!portal.redirectUris?.length) err(`client ${PORTAL_CLIENT}: no redirect URI`);
    for (const u of portal.redirectUris ?? []) if (u.includes("*") || !/^https:\/\//.test(u)) err(`client ${PORTAL_CLIENT}: redirect URI ${u} must be an exact https address (no wildcard)`);
    for (const o of portal.webOrigins ?? []) if (o.includes("*") || o === "+") err(`client ${PORTAL_CLIENT}: web origin ${o} must be an exact address`);
  }
  portalWebClientErrors(realm.clients?.find((c) => c.clientId === PORTAL_WEB_CLIENT), portal).forEach(err);

  // self-registration (citizens): a new account must get no platform role by itself, so that registering
  // never makes anyone staff (the portal's client makes such an account a petitioner, nothing more)
  if (realm.registrationAllowed === true) {
    const defaults = [
      ...(realm.defaultRole?.composites?.realm ?? []),
      ...(realm.defaultRoles ?? []),
      ...((realm.roles?.realm ?? []).find((r) => r.name === realm.defaultRole?.name || r.name === `default-roles-${realm.realm}`)?.composites?.realm ?? []),
    ];
    for (const role of defaults) if ([...STAFF_ROLES, "citizen"].includes(role)) err(`registration is open, yet the default roles give every new account the role ${role}`);
    const groups = new Map((realm.groups ?? []).map((g) => [g.path ?? `/${g.name}`, g]));
    for (const path of realm.defaultGroups ?? []) {
      const roles = groups.get(path)?.realmRoles ?? [];
      for (const role of roles) if ([...STAFF_ROLES, "citizen"].includes(role)) err(`registration is open, yet the default group ${path} gives every new account the role ${role}`);
    }
  }
  return errors;
}

/**
 * The portal web application's client petition-portal-web in a real deployment: confidential, the authorization
 * code flow only (no password grant, no implicit flow, no service account), PKCE S256, redirect URIs, web
 * origins and post-logout redirects only on one https address (a path wildcard after it is allowed: the Quarkus
 * web application returns to the page that asked for the sign-in), and the claims of petition-portal.
 */
export function portalWebClientErrors(client, portal) {
  const errors = [];
  const err = (m) => errors.push(`client ${PORTAL_WEB_CLIENT}: ${m}`);
  if (!client) return [`no client ${PORTAL_WEB_CLIENT} (the portal)`];
  if (client.publicClient !== false || client.bearerOnly === true) err("must be confidential (publicClient: false, not bearer-only)");
  if (client.clientAuthenticatorType !== undefined && client.clientAuthenticatorType !== "client-secret") err(`authenticates with ${client.clientAuthenticatorType}, not its client secret`);
  if (!/^\$\{[A-Za-z0-9_]+\}$/.test(String(client.secret ?? ""))) err("its secret must be a placeholder filled from a Secret, never a value in the repository");
  if (client.standardFlowEnabled !== true) err("the authorization code flow must be on");
  if (client.directAccessGrantsEnabled !== false) err("the password grant must be off (directAccessGrantsEnabled: false)");
  if (client.implicitFlowEnabled === true) err("the implicit flow must be off");
  if (client.serviceAccountsEnabled === true) err("must not have a service account (client credentials)");
  if (client.attributes?.["pkce.code.challenge.method"] !== "S256") err("PKCE must be required with S256 (attribute pkce.code.challenge.method)");
  const origins = new Set();
  const onHost = (what, u) => {
    const m = /^(https:\/\/[^/*?#]+)(\/[^*?#]*(\*)?)?$/.exec(u);
    if (!m || (m[3] && !m[2].endsWith("/*"))) { err(`${what} ${u} must be https on the portal's host (a trailing /* at most)`); return; }
    origins.add(m[1]);
  };
  if (!client.redirectUris?.length) err("no redirect URI");
  for (const u of client.redirectUris ?? []) onHost("redirect URI", u);
  if (!client.webOrigins?.length) err("no web origin");
  for (const o of client.webOrigins ?? []) {
    if (!/^https:\/\/[^/*?#]+$/.test(o)) err(`web origin ${o} must be an exact https address`);
    else origins.add(o);
  }
  const logout = String(client.attributes?.["post.logout.redirect.uris"] ?? "").split("##").filter(Boolean);
  if (!logout.length) err("no post-logout redirect URI (attribute post.logout.redirect.uris)");
  for (const u of logout) if (u === "+") continue; else onHost("post-logout redirect URI", u);
  if (origins.size > 1) err(`its addresses must all be the portal's one host, are ${[...origins].join(", ")}`);
  const claims = (c) => (c?.protocolMappers ?? []).map((m) => m.config?.["claim.name"]).filter(Boolean).sort();
  for (const claim of claims(portal)) if (!claims(client).includes(claim)) err(`lacks the claim ${claim} that ${PORTAL_CLIENT} has (protocol mappers)`);
  return errors;
}

/**
 * Whether every user with the role gets an OTP form in the realm's browser flow: a conditional sub-flow whose
 * conditions hold for a user holding the role (the role itself, or only the negation of other roles, which a user
 * holding just this role satisfies) and that requires auth-otp-form, reached from the browser flow through
 * required or alternative steps after a username/password form, or the OTP form required unconditionally.
 */
function staffOtpCovers(realm, role) {
  const flows = new Map((realm.authenticationFlows ?? []).map((f) => [f.alias, f]));
  const configs = new Map((realm.authenticatorConfig ?? []).map((c) => [c.alias, c.config ?? {}]));
  const isFlow = (e) => e.authenticatorFlow === true || e.autheticatorFlow === true;
  const visit = (alias, seen) => {
    const flow = flows.get(alias);
    if (!flow || seen.has(alias)) return false;
    seen.add(alias);
    const execs = (flow.authenticationExecutions ?? []).filter((e) => e.requirement !== "DISABLED");
    const conditions = execs.filter((e) => !isFlow(e) && String(e.authenticator).startsWith("conditional-"));
    const holds = conditions.every((e) => {
      if (e.authenticator !== "conditional-user-role") return false;
      const c = configs.get(e.authenticatorConfig) ?? {};
      const negate = String(c.negate) === "true";
      return negate ? c.condUserRole !== role : c.condUserRole === role;
    });
    if (!holds) return false;
    if (execs.some((e) => !isFlow(e) && e.authenticator === "auth-otp-form" && e.requirement === "REQUIRED")) return true;
    return execs.some((e) => isFlow(e) && ["REQUIRED", "CONDITIONAL", "ALTERNATIVE"].includes(e.requirement) && visit(e.flowAlias, seen));
  };
  return typeof realm.browserFlow === "string" && visit(realm.browserFlow, new Set());
}

/** The prefix of the departmental feeds (contracts' Topics.DEPARTMENT_FEED_PREFIX). */
const FEED_PREFIX = "dept.";

function aclSet(user) {
  const set = new Set();
  for (const a of user.spec.authorization?.acls ?? []) {
    for (const op of a.operations ?? []) set.add(`${a.resource.type} ${a.resource.patternType ?? "literal"} ${a.resource.name ?? "*"} ${op}`);
  }
  return set;
}

/** The container port number of the port named http (8080 if none). */
function httpPortOf(container) {
  return (container.ports ?? []).find((p) => p.name === "http")?.containerPort ?? 8080;
}

/** Whether a rule's ports cover a port (by name or number); a rule without ports covers every port. */
function coversPort(rule, name, number) {
  const ports = rule.ports ?? [];
  return !ports.length || ports.some((p) => p.port === name || (number !== undefined && p.port === number));
}

/** Whether the policy admits the pods of the named app of the same namespace on the http port. */
function admits(np, { app }, port) {
  return (np.spec.ingress ?? []).some((r) => coversPort(r, "http", port) && (r.from ?? []).some((f) => !f.namespaceSelector && !f.ipBlock
    && f.podSelector?.matchLabels?.["app.kubernetes.io/name"] === app));
}

function admitsNamespace(np, access, portName) {
  return (np.spec.ingress ?? []).some((r) => coversPort(r, portName) && (r.from ?? []).some((f) => !f.podSelector
    && f.namespaceSelector?.matchLabels?.["openpetition.org/access"] === access));
}

/** Whether the policy lets its pods connect to the pods with these labels (same namespace) on the port. */
function egressTo(np, labels, port) {
  return (np.spec.egress ?? []).some((r) => coversPort(r, undefined, port) && (r.to ?? []).some((t) => !t.namespaceSelector && !t.ipBlock
    && Object.entries(labels).every(([k, v]) => t.podSelector?.matchLabels?.[k] === v)));
}

function secretRefs(docs) {
  const refs = [];
  const walk = (v, where) => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, where));
    else if (v && typeof v === "object") {
      if (v.secretKeyRef?.name) refs.push({ name: v.secretKeyRef.name, where });
      if (v.secretRef?.name && v.secretRef.optional !== true) refs.push({ name: v.secretRef.name, where });
      if (v.secret?.secretName) refs.push({ name: v.secret.secretName, where });
      if (v.usernameSecret?.name) refs.push({ name: v.usernameSecret.name, where });
      if (v.passwordSecret?.name) refs.push({ name: v.passwordSecret.name, where });
      if (v.s3Credentials) for (const k of Object.values(v.s3Credentials)) if (k?.name) refs.push({ name: k.name, where });
      if (Array.isArray(v.secretTargetRef)) for (const r of v.secretTargetRef) if (r?.name) refs.push({ name: r.name, where });
      Object.values(v).forEach((x) => walk(x, where));
    }
  };
  docs.forEach((d) => walk(d, id(d)));
  for (const d of docs) {
    // the realm import's placeholders ({secret: {name, key}}) and an Ingress's certificates
    if (d.kind === "KeycloakRealmImport") for (const p of Object.values(d.spec?.placeholders ?? {})) if (p?.secret?.name) refs.push({ name: p.secret.name, where: id(d) });
    if (d.kind === "Ingress") for (const t of d.spec?.tls ?? []) if (t.secretName) refs.push({ name: t.secretName, where: id(d) });
  }
  return refs;
}

// ---------------------------------------------------------------------------------------------
// Operations: pod security, autoscaling, connections, rollouts, backups, the production site, the network

export const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
/** The Kafka consumers KEDA scales on consumer lag (the others, intake and the portal, on CPU). */
export const KAFKA_SCALED = ["routing-service", "supervision-service", "notification-service"];
/** What each one must be given (no default outside the dev/test/demo profiles: a missing one fails the start). */
export const SERVICE_SETTINGS = {
  "intake-service": ["PETITION_PERSONAL_DATA_ENCRYPTION_KEY", "PETITION_PERSONAL_DATA_ENCRYPTION_KEY_ID", "PETITION_PERSONAL_DATA_MATCHING_KEY",
    "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES"],
  "notification-service": ["PETITION_SMS_URL", "PETITION_SMS_API_KEY", "PETITION_NOTIFY_TRACKING_URL", "QUARKUS_MAILER_HOST", "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_FROM"],
};
export const SECRET_SETTINGS = {
  "intake-service": ["PETITION_PERSONAL_DATA_ENCRYPTION_KEY", "PETITION_PERSONAL_DATA_ENCRYPTION_KEY_ID", "PETITION_PERSONAL_DATA_RETIRED_ENCRYPTION_KEYS", "PETITION_PERSONAL_DATA_MATCHING_KEY"],
  "notification-service": ["PETITION_SMS_API_KEY", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD"],
};
/** Connections kept for PostgreSQL itself besides superuser_reserved_connections: the instance manager, the exporter, replication, backups. */
export const POSTGRES_RESERVE = 10;
/** The grace period of each workload: intake's uploads may take a minute. */
export const GRACE_SECONDS = { "intake-service": 90 };
export const DEFAULT_GRACE_SECONDS = 60;
/** Beijing office hours in UTC (08:00-18:00 CST = 00:00-10:00 UTC): no base backup starts then. */
export const OFFICE_HOURS_UTC = [0, 10];
/** The sync waves (components/sync-waves) and the kinds of each: data before identity before the services. */
export const WAVES = { Cluster: 1, Kafka: 1, KafkaNodePool: 1, ObjectStore: 1, KafkaTopic: 2, KafkaUser: 2, Keycloak: 3, KeycloakRealmImport: 4, Deployment: 5, Job: 6 };

/** TLS to the database: verify-full with the cluster's CA, mounted from <cluster>-ca (its certificate only). */
function databaseTlsErrors(E, env, pod, c, db, jdbc) {
  const errors = [];
  const err = (m) => errors.push(`${E}: ${m}`);
  const reactive = String(env.QUARKUS_DATASOURCE_REACTIVE_URL ?? "");
  if (!/[?&]sslmode=verify-full(&|$)/.test(reactive) && env.QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE !== "verify-full") err("the reactive datasource must use sslmode=verify-full (URL or QUARKUS_DATASOURCE_REACTIVE_POSTGRESQL_SSL_MODE)");
  if (env.QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM !== "HTTPS") err("QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM must be HTTPS (the server's name is checked)");
  const mount = (c.volumeMounts ?? []).find((m) => (pod.volumes ?? []).find((v) => v.name === m.name)?.secret?.secretName === `${db}-db-ca`);
  const volume = (pod.volumes ?? []).find((v) => v.secret?.secretName === `${db}-db-ca`);
  if (!mount) err(`the database's CA (Secret ${db}-db-ca) is not mounted`);
  else {
    if (volume.secret.items?.length !== 1 || volume.secret.items[0].key !== "ca.crt") err(`the volume of ${db}-db-ca must project ca.crt alone (never the CA's key)`);
    const file = `${mount.mountPath.replace(/\/$/, "")}/${volume.secret.items?.[0]?.path ?? "ca.crt"}`;
    if (env.QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM_CERTS !== file || String(env.QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM) !== "true") err(`the reactive datasource must trust ${file} (QUARKUS_DATASOURCE_REACTIVE_TRUST_CERTIFICATE_PEM and _CERTS)`);
    const url = String(env.QUARKUS_DATASOURCE_JDBC_URL ?? "");
    if (jdbc && !(/[?&]sslmode=verify-full(&|$)/.test(url) && url.includes(`sslrootcert=${file}`))) err(`QUARKUS_DATASOURCE_JDBC_URL must carry sslmode=verify-full&sslrootcert=${file}`);
  }
  return errors;
}

/** The pod templates of the documents: [where, podSpec]. */
function podTemplates(docs) {
  const out = [];
  for (const d of docs) {
    const spec = d.kind === "CronJob" ? d.spec?.jobTemplate?.spec?.template?.spec
      : ["Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet"].includes(d.kind) ? d.spec?.template?.spec
      : d.kind === "Keycloak" ? d.spec?.unsupported?.podTemplate?.spec : d.kind === "Pod" ? d.spec : null;
    if (d.kind === "Keycloak" && !spec) out.push([`${d.kind}/${d.metadata.name} spec.unsupported.podTemplate`, null]);
    else if (spec) out.push([`${d.kind}/${d.metadata.name}`, spec]);
  }
  return out;
}

/** Pod Security "restricted": non-root, no privilege escalation, every capability dropped, RuntimeDefault seccomp. */
export function restrictedErrors(where, spec) {
  if (!spec) return [`${where}: no pod template, so the operator's pods are not held to Pod Security "restricted"`];
  const errors = [];
  const pod = spec.securityContext ?? {};
  if (spec.hostNetwork || spec.hostPID || spec.hostIPC) errors.push(`${where}: host namespaces are not allowed (restricted)`);
  for (const v of spec.volumes ?? []) if (v.hostPath) errors.push(`${where}: volume ${v.name} is a hostPath (restricted)`);
  for (const c of [...(spec.initContainers ?? []), ...spec.containers ?? []]) {
    const sc = c.securityContext ?? {};
    const at = `${where} container ${c.name} securityContext`;
    if (sc.runAsNonRoot !== true && !(pod.runAsNonRoot === true && sc.runAsNonRoot !== false)) errors.push(`${at}.runAsNonRoot must be true (restricted)`);
    if (sc.runAsUser === 0 || (sc.runAsUser === undefined && pod.runAsUser === 0)) errors.push(`${at}.runAsUser must not be 0 (restricted)`);
    if (sc.allowPrivilegeEscalation !== false) errors.push(`${at}.allowPrivilegeEscalation must be false (restricted)`);
    if (sc.privileged) errors.push(`${at}.privileged must not be true (restricted)`);
    if (!(sc.capabilities?.drop ?? []).includes("ALL")) errors.push(`${at}.capabilities.drop must include ALL (restricted)`);
    for (const cap of sc.capabilities?.add ?? []) if (cap !== "NET_BIND_SERVICE") errors.push(`${at}.capabilities.add ${cap} is not allowed (restricted)`);
    const seccomp = sc.seccompProfile?.type ?? pod.seccompProfile?.type;
    if (!["RuntimeDefault", "Localhost"].includes(seccomp)) errors.push(`${at}.seccompProfile.type (or the pod's) must be RuntimeDefault (restricted)`);
  }
  return errors;
}

const IPV4_LOOPBACK = /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/;
/** A host the production overlay must not name: a placeholder (.example, .invalid, .local) or loopback. */
export function badHost(host) {
  const h = String(host).toLowerCase().replace(/^\[|\]$/g, "").replace(/\.$/, "");
  if (/(^|\.)(example|invalid|local)$/.test(h)) return "a placeholder name (.example, .invalid, .local)";
  if (h === "localhost" || h.endsWith(".localhost") || IPV4_LOOPBACK.test(h) || h === "::1" || h === "0:0:0:0:0:0:0:1") return "a loopback address";
  return null;
}

/** The hosts a string names: in URLs, e-mail addresses, JDBC URLs and bare host names. */
function hostsIn(value) {
  const s = String(value);
  const hosts = [];
  for (const m of s.matchAll(/[a-z][a-z0-9+.-]*:\/\/(\[[^\]]+\]|[^/:?#\s,"'>]+)/gi)) hosts.push(m[1]);
  for (const m of s.matchAll(/@([a-z0-9.-]+\.[a-z]{2,})/gi)) hosts.push(m[1]);
  if (/^[a-z0-9.-]+$/i.test(s) && s.includes(".") && !/^\d+(\.\d+)*$/.test(s) && !/^\d/.test(s.split(".").at(-1))) hosts.push(s);
  if (/^(127\.\d+\.\d+\.\d+|::1|localhost)(\/\d+)?$/i.test(s)) hosts.push(s.split("/")[0]);
  return hosts;
}

/** Every string of a document with its path. */
function strings(v, path = "", out = []) {
  if (typeof v === "string") out.push([path, v]);
  else if (Array.isArray(v)) v.forEach((x, i) => strings(x, `${path}[${i}]`, out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) strings(x, path ? `${path}.${k}` : k, out);
  return out;
}

export function checkOperations(docs, overlay, platform) {
  const errors = [];
  const err = (m) => errors.push(`${overlay}: ${m}`);
  const production = overlay === "production";
  const all = (kind) => docs.filter((d) => d.kind === kind);
  const one = (kind, name) => docs.find((d) => d.kind === kind && d.metadata?.name === name);
  const configMaps = new Map(all("ConfigMap").map((c) => [c.metadata.name, c]));
  const envOf = (dep) => {
    const c = dep.spec.template.spec.containers[0];
    const env = {};
    for (const ref of c.envFrom ?? []) Object.assign(env, configMaps.get(ref.configMapRef?.name)?.data ?? {});
    for (const e of c.env ?? []) env[e.name] = e.value ?? e.valueFrom;
    return env;
  };

  // the supported version matrix
  versionErrors(docs).forEach(err);

  // Pod Security "restricted" on every namespace and every pod the manifests define (the operators' included)
  for (const ns of all("Namespace")) {
    if (ns.metadata.labels?.["pod-security.kubernetes.io/enforce"] !== "restricted") err(`Namespace/${ns.metadata.name}: metadata.labels pod-security.kubernetes.io/enforce must be restricted`);
  }
  for (const [where, spec] of podTemplates(docs)) restrictedErrors(where, spec).forEach(err);

  // autoscaling: the autoscaler owns the count, and no more consumers than partitions
  const topics = new Map(all("KafkaTopic").map((t) => [t.spec.topicName ?? t.metadata.name, t.spec.partitions]));
  const scalers = [
    ...all("HorizontalPodAutoscaler").map((h) => ({ kind: "HorizontalPodAutoscaler", name: h.metadata.name, target: h.spec.scaleTargetRef?.name, max: h.spec.maxReplicas, field: "spec.maxReplicas" })),
    ...all("ScaledObject").map((o) => ({ kind: "ScaledObject", name: o.metadata.name, target: o.spec.scaleTargetRef?.name, max: o.spec.maxReplicaCount ?? 100, field: "spec.maxReplicaCount" })),
  ];
  const maxPods = {};
  for (const sc of scalers) {
    const dep = one("Deployment", sc.target);
    if (!dep) { err(`${sc.kind}/${sc.name}: scales Deployment/${sc.target}, which does not exist`); continue; }
    if (dep.spec.replicas !== undefined) err(`Deployment/${sc.target}: spec.replicas is set, but ${sc.kind}/${sc.name} owns the count (remove replicas)`);
    maxPods[sc.target] = sc.max + (dep.spec.strategy?.rollingUpdate?.maxSurge ?? 1);
    for (const topic of platform.services[sc.target]?.consumes ?? []) {
      const partitions = topics.get(topic);
      if (partitions !== undefined && sc.max > partitions) err(`${sc.kind}/${sc.name}: ${sc.field} ${sc.max} exceeds the ${partitions} partitions of ${topic}, which ${sc.target} consumes (idle consumers)`);
    }
  }
  for (const so of all("ScaledObject")) {
    const consumes = platform.services[so.spec.scaleTargetRef?.name]?.consumes ?? [];
    for (const t of so.spec.triggers ?? []) {
      if (t.type !== "kafka") continue;
      if (!(Number(t.metadata?.lagThreshold) > 0)) err(`ScaledObject/${so.metadata.name}: a kafka trigger needs metadata.lagThreshold`);
      if (t.metadata?.topic && !consumes.includes(t.metadata.topic)) err(`ScaledObject/${so.metadata.name}: triggers on ${t.metadata.topic}, which ${so.spec.scaleTargetRef?.name} does not consume`);
      if (t.metadata?.consumerGroup !== so.spec.scaleTargetRef?.name) err(`ScaledObject/${so.metadata.name}: metadata.consumerGroup must be ${so.spec.scaleTargetRef?.name}`);
    }
  }

  // connections: pods at most × pools + PostgreSQL's reserve ≤ max_connections, per database cluster
  for (const c of all("Cluster").filter((x) => x.apiVersion === "postgresql.cnpg.io/v1" && x.metadata.namespace !== DRILL_NAMESPACE)) {
    const params = c.spec.postgresql?.parameters ?? {};
    const max = Number(params.max_connections ?? 100);
    const reserve = Number(params.superuser_reserved_connections ?? 3) + Number(params.reserved_connections ?? 0) + POSTGRES_RESERVE;
    const uses = [];
    for (const dep of all("Deployment")) {
      const env = envOf(dep);
      const urls = [env.QUARKUS_DATASOURCE_REACTIVE_URL, env.QUARKUS_DATASOURCE_JDBC_URL].map(String);
      if (!urls.some((u) => u.includes(`//${c.metadata.name}-rw:`))) continue;
      const pool = Number(env.QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE ?? 20) + (env.QUARKUS_DATASOURCE_JDBC_URL ? Number(env.QUARKUS_DATASOURCE_JDBC_MAX_SIZE ?? 20) : 0);
      const pods = maxPods[dep.metadata.name] ?? (dep.spec.replicas ?? 1);
      uses.push({ what: `Deployment/${dep.metadata.name}: ${pods} pods × ${pool}`, n: pods * pool });
    }
    for (const kc of all("Keycloak")) {
      if (!String(kc.spec.db?.url ?? kc.spec.db?.host ?? "").includes(`${c.metadata.name}-rw`)) continue;
      uses.push({ what: `Keycloak/${kc.metadata.name}: ${kc.spec.instances ?? 1} × ${kc.spec.db?.poolMaxSize ?? 100}`, n: (kc.spec.instances ?? 1) * (kc.spec.db?.poolMaxSize ?? 100) });
    }
    const total = uses.reduce((n, u) => n + u.n, 0) + reserve;
    if (total > max) err(`Cluster/${c.metadata.name}: spec.postgresql.parameters.max_connections ${max} is less than the connections its clients may open: ${uses.map((u) => u.what).join(" + ")} + ${reserve} reserved = ${total}`);
  }

  // rollouts: endpoints leave before the pod stops, and a grace period that lets it finish
  for (const dep of all("Deployment").filter((d) => d.metadata.labels?.["app.kubernetes.io/component"] === "service")) {
    const spec = dep.spec.template.spec;
    const want = GRACE_SECONDS[dep.metadata.name] ?? DEFAULT_GRACE_SECONDS;
    if (spec.terminationGracePeriodSeconds !== want) err(`Deployment/${dep.metadata.name}: spec.template.spec.terminationGracePeriodSeconds must be ${want}, is ${spec.terminationGracePeriodSeconds}`);
    const pre = spec.containers[0].lifecycle?.preStop;
    const seconds = pre?.sleep?.seconds ?? Number(/sleep\s+(\d+)/.exec((pre?.exec?.command ?? []).join(" "))?.[1]);
    if (!(seconds >= 5)) err(`Deployment/${dep.metadata.name}: the container needs a preStop sleep (lifecycle.preStop.sleep.seconds, 10) so that its endpoints leave first`);
  }

  // backups: the Barman Cloud plugin, encrypted, outside office hours
  const stores = new Map(all("ObjectStore").map((o) => [`${o.metadata.namespace}/${o.metadata.name}`, o]));
  for (const o of stores.values()) {
    const cfg = o.spec.configuration ?? {};
    if (cfg.data?.encryption === undefined || cfg.wal?.encryption === undefined) err(`ObjectStore/${o.metadata.name}: spec.configuration.data.encryption and .wal.encryption must be set (server-side encryption of the backups)`);
    if (cfg.endpointURL && !String(cfg.endpointURL).startsWith("https://")) err(`ObjectStore/${o.metadata.name}: spec.configuration.endpointURL must be https`);
  }
  for (const c of all("Cluster").filter((x) => x.apiVersion === "postgresql.cnpg.io/v1")) {
    if (c.spec.backup?.barmanObjectStore) err(`Cluster/${c.metadata.name}: spec.backup.barmanObjectStore is deprecated: use the Barman Cloud plugin (spec.plugins and an ObjectStore)`);
    for (const p of c.spec.plugins ?? []) {
      if (p.name !== BARMAN_PLUGIN) continue;
      const store = `${c.metadata.namespace}/${p.parameters?.barmanObjectName}`;
      if (!stores.has(store)) err(`Cluster/${c.metadata.name}: spec.plugins names the ObjectStore ${p.parameters?.barmanObjectName}, which is not in its namespace`);
    }
  }
  for (const b of all("ScheduledBackup")) {
    if (b.spec.method !== "plugin" || b.spec.pluginConfiguration?.name !== BARMAN_PLUGIN) err(`ScheduledBackup/${b.metadata.name}: spec.method must be plugin with pluginConfiguration.name ${BARMAN_PLUGIN}`);
    const hour = Number(String(b.spec.schedule).trim().split(/\s+/)[2]);
    if (!(hour >= OFFICE_HOURS_UTC[1] || hour < OFFICE_HOURS_UTC[0])) err(`ScheduledBackup/${b.metadata.name}: spec.schedule ${b.spec.schedule} starts at ${hour}:00 UTC, in Beijing's office hours (08:00-18:00 CST): schedule it at ${OFFICE_HOURS_UTC[1]}:00 UTC or later`);
  }

  if (production) {
    // synchronous replication and zones
    for (const c of all("Cluster").filter((x) => x.apiVersion === "postgresql.cnpg.io/v1" && x.metadata.namespace !== DRILL_NAMESPACE)) {
      if (!(c.spec.postgresql?.synchronous?.number >= 1)) err(`Cluster/${c.metadata.name}: production needs synchronous replication (spec.postgresql.synchronous.number >= 1)`);
      if (!(c.spec.topologySpreadConstraints ?? []).some((t) => t.topologyKey === "topology.kubernetes.io/zone")) err(`Cluster/${c.metadata.name}: production spreads the instances over zones (spec.topologySpreadConstraints on topology.kubernetes.io/zone)`);
    }
    for (const k of all("Kafka")) if (k.spec.kafka?.rack?.topologyKey !== "topology.kubernetes.io/zone") err(`Kafka/${k.metadata.name}: production needs rack awareness on zones (spec.kafka.rack.topologyKey topology.kubernetes.io/zone)`);
    if (!all("CronJob").some((j) => j.metadata.name === "restore-drill")) err("production needs the restore drill (CronJob restore-drill, components/backups)");

    // the site: no placeholder or loopback host, no SNAPSHOT, every image by digest, no open ipBlock
    for (const d of docs) {
      for (const [path, value] of strings(d)) {
        if (path.startsWith("metadata.annotations") || path.startsWith("metadata.labels")) continue;
        for (const h of hostsIn(value)) {
          const bad = badHost(h);
          if (bad) err(`${d.kind}/${d.metadata?.name}: ${path} names ${h}, ${bad}: set the site's address (site.env)`);
        }
      }
    }
    for (const [where, spec] of podTemplates(docs)) {
      for (const c of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
        if (!c.image) continue;
        if (/SNAPSHOT/i.test(c.image)) err(`${where}: container ${c.name} image ${c.image} is a SNAPSHOT build`);
        if (!/@sha256:[0-9a-f]{64}$/.test(c.image)) err(`${where}: container ${c.name} image ${c.image} has no digest (@sha256:...): pin it in the overlay's images: (digest)`);
      }
    }
    for (const np of all("NetworkPolicy")) {
      for (const r of np.spec.egress ?? []) for (const t of r.to ?? []) {
        if (["0.0.0.0/0", "::/0"].includes(t.ipBlock?.cidr)) err(`NetworkPolicy/${np.metadata.name}: spec.egress ipBlock ${t.ipBlock.cidr} opens every address: set the site's (site.env)`);
      }
    }
  }

  // monitoring: kube-prometheus-stack's default selector
  for (const m of [...all("ServiceMonitor"), ...all("PodMonitor")]) {
    if (m.metadata.labels?.release !== "kube-prometheus-stack") err(`${m.kind}/${m.metadata.name}: metadata.labels.release must be kube-prometheus-stack (the Prometheus of kube-prometheus-stack selects its release's monitors)`);
  }

  // Argo CD's sync waves: data before identity before the services before the smoke test
  for (const d of docs) {
    const wave = d.metadata?.annotations?.["argocd.argoproj.io/sync-wave"];
    if (wave === undefined) { err(`${d.kind}/${d.metadata?.name}: no argocd.argoproj.io/sync-wave annotation (components/sync-waves)`); continue; }
    if (WAVES[d.kind] !== undefined && Number(wave) !== WAVES[d.kind]) err(`${d.kind}/${d.metadata.name}: metadata.annotations argocd.argoproj.io/sync-wave is ${wave}, must be ${WAVES[d.kind]}`);
  }
  const smoke = one("Job", "petition-smoke");
  if (smoke) {
    if (smoke.metadata.annotations?.["argocd.argoproj.io/hook"] !== "PostSync") err("Job/petition-smoke: metadata.annotations argocd.argoproj.io/hook must be PostSync");
    if (!(smoke.spec.backoffLimit <= 2)) err("Job/petition-smoke: spec.backoffLimit must be small (<= 2)");
    if (!(smoke.spec.ttlSecondsAfterFinished > 0)) err("Job/petition-smoke: spec.ttlSecondsAfterFinished must be set");
    if (smoke.spec.template.spec.containers[0].securityContext?.readOnlyRootFilesystem !== true) err("Job/petition-smoke: the container's root filesystem must be read-only");
  }

  // the network, as the operators' pods and policies make it
  reachabilityErrors(docs, SERVICES, PORTAL).forEach(err);
  return errors;
}

// ---------------------------------------------------------------------------------------------

export function checkGenerated() {
  const errors = [];
  for (const [file, text] of Object.entries(expectedFiles())) {
    if (!existsSync(file) || readFileSync(file, "utf8") !== text) {
      errors.push(`${path.relative(K8S_DIR, file)} is out of date with deploy/keycloak/petition-realm.json: run \`npm run realm\` in deploy/k8s`);
    }
  }
  return errors;
}

/** Every secret the operations team creates is in the guide (docs/kubernetes.md), with the command that creates it. */
export function checkGuide(guide = readFileSync(path.join(REPO_DIR, "docs/kubernetes.md"), "utf8")) {
  const errors = OPERATOR_CREATED_SECRETS.filter((name) => !new RegExp(`create secret \\w+ ${name}\\b`).test(guide))
    .map((name) => `docs/kubernetes.md does not tell how to create the secret ${name} (kubectl create secret ... ${name})`);
  // the compatibility table: the one tools/versions.mjs renders (`node tools/versions.mjs` prints it)
  if (!guide.includes(versionTable())) errors.push("docs/kubernetes.md: the compatibility table differs from tools/versions.mjs (paste the output of `node tools/versions.mjs`)");
  return errors;
}

async function main() {
  const started = Date.now();
  const platform = platformFromSources();
  let failed = 0, passed = 0, documents = 0;
  const report = (name, errors, detail) => {
    if (errors.length) { failed++; console.error(`FAIL ${name}`); errors.forEach((e) => console.error(`  ${e}`)); }
    else { passed++; console.log(`ok   ${name}${detail ? `: ${detail}` : ""}`); }
  };
  report("generated realm imports", checkGenerated());
  report("the secrets you create, in the guide", checkGuide());
  for (const o of overlays()) {
    let docs;
    try {
      docs = render(path.join(K8S_DIR, "overlays", o));
    } catch (e) {
      report(`overlay ${o}`, [e.message]);
      continue;
    }
    documents += docs.length;
    const kinds = {};
    docs.forEach((d) => { kinds[d.kind] = (kinds[d.kind] ?? 0) + 1; });
    report(`overlay ${o}: schemas`, await validateSchemas(docs, o), `${docs.length} documents (${Object.entries(kinds).map(([k, n]) => `${n} ${k}`).join(", ")})`);
    report(`overlay ${o}: platform`, checkPlatform(docs, o, platform));
  }
  // Argo CD's Applications: the operators at the pinned versions, then the platform
  try {
    const apps = render(path.join(K8S_DIR, "argocd"));
    documents += apps.length;
    report("argocd: schemas", await validateSchemas(apps, "argocd"), `${apps.length} Applications`);
    report("argocd: operator versions", applicationErrors(apps));
  } catch (e) {
    report("argocd", [e.message]);
  }
  console.log(`k8s manifests: ${documents} documents in ${overlays().length} overlays, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = failed ? 1 : 0;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exitCode = 1; });
}
