// The validator must reject what an API server or an operator would reject, and what the platform
// would miss. Each test breaks one thing in a rendered overlay and expects the validator to name it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { readFileSync } from "node:fs";
import { K8S_DIR, productionRealm, demoRealm, PORTAL_WEB_SECRET } from "../realm.mjs";
import { render, validateSchemas, checkPlatform, platformFromSources, parseDocuments, realmHardeningErrors, portalWebClientErrors, checkGuide, badHost, REPO_DIR } from "../validate.mjs";
import { versionErrors, versionTable, applicationErrors } from "../versions.mjs";

let single, production, demo, staging, platform;

before(() => {
  single = render(path.join(K8S_DIR, "overlays/single-node"));
  production = render(path.join(K8S_DIR, "overlays/production"));
  demo = render(path.join(K8S_DIR, "overlays/demo"));
  staging = render(path.join(K8S_DIR, "overlays/staging"));
  platform = platformFromSources();
});

const find = (docs, kind, name) => docs.find((d) => d.kind === kind && d.metadata.name === name);
const copy = (docs) => structuredClone(docs);

async function schemaErrors(doc) {
  return validateSchemas([doc], "test");
}

function expectError(errors, pattern) {
  assert.ok(errors.some((e) => pattern.test(e)), `expected an error matching ${pattern}, got:\n${errors.join("\n") || "(none)"}`);
}

test("the committed overlays are complete (their schemas: npm run validate)", () => {
  for (const [name, docs] of [["single-node", single], ["production", production], ["demo", demo], ["staging", staging]]) {
    assert.deepEqual(checkPlatform(docs, name, platform), []);
  }
});

test("a wrong field type is rejected (Deployment replicas as a string)", async () => {
  const d = structuredClone(find(production, "Deployment", "intake-service"));
  d.spec.replicas = "2";
  expectError(await schemaErrors(d), /Deployment\/intake-service.*(must be integer|not assignable to type 'number')/);
});

test("an unknown field is rejected, deep in a core object (a misspelt probe field)", async () => {
  const d = structuredClone(find(single, "Deployment", "routing-service"));
  d.spec.template.spec.containers[0].readinessProbe.httpGet.paht = "/q/health/ready";
  expectError(await schemaErrors(d), /Deployment\/routing-service.*'"?paht"?' does not exist/);
});

test("an unknown field is rejected in a CRD (KafkaTopic spec.partition)", async () => {
  const t = structuredClone(find(single, "KafkaTopic", "case.assigned.v1"));
  t.spec.partition = 3;
  expectError(await schemaErrors(t), /KafkaTopic\/case\.assigned\.v1.*'"?partition"?' does not exist/);
});

test("a value outside an enum is rejected in a CRD (KafkaUser operation)", async () => {
  const u = structuredClone(find(single, "KafkaUser", "routing-service"));
  u.spec.authorization.acls[0].operations = ["Reed"];
  expectError(await schemaErrors(u), /KafkaUser\/routing-service/);
});

test("a missing required field is rejected (a Kafka listener without tls)", async () => {
  const k = structuredClone(find(single, "Kafka", "petition-kafka"));
  delete k.spec.kafka.listeners[0].tls;
  expectError(await schemaErrors(k), /Kafka\/petition-kafka.*tls/);
});

test("an unknown field is rejected in a CloudNativePG Cluster and in the hand-kept Keycloak types", async () => {
  const c = structuredClone(find(production, "Cluster", "intake-db"));
  c.spec.bootstrap.initdb.localeCtype = "C.UTF-8";
  expectError(await schemaErrors(c), /Cluster\/intake-db.*localeCtype/);
  const kc = structuredClone(find(single, "Keycloak", "petition-keycloak"));
  kc.spec.hostname.hostnameStrict = false;
  expectError(await schemaErrors(kc), /Keycloak\/petition-keycloak.*hostnameStrict/);
});

test("a kind without a schema is rejected", async () => {
  expectError(await schemaErrors({ apiVersion: "example.org/v1", kind: "Widget", metadata: { name: "w" } }), /no schema/);
});

test("broken YAML is rejected", () => {
  assert.throws(() => parseDocuments("a: [1, 2\nb: c"), /YAML/);
});

test("a missing topic, a missing dead-letter topic and a missing database fail the platform check", () => {
  const docs = copy(production).filter((d) => !(d.kind === "KafkaTopic" && ["case.deadline.v1", "petition.action.v1.supervision-service.dlq"].includes(d.metadata.name))
    && !(d.kind === "Cluster" && d.metadata.name === "routing-db"));
  const errors = checkPlatform(docs, "production", platform);
  expectError(errors, /no KafkaTopic for case\.deadline\.v1/);
  expectError(errors, /no KafkaTopic for petition\.action\.v1\.supervision-service\.dlq/);
  expectError(errors, /no CloudNativePG Cluster routing-db/);
});

test("ACLs must be exactly what a service's configuration needs", () => {
  const docs = copy(single);
  const u = find(docs, "KafkaUser", "notification-service");
  u.spec.authorization.acls = u.spec.authorization.acls.filter((a) => a.resource.type !== "group");
  u.spec.authorization.acls.push({ resource: { type: "topic", name: "petition.submitted.v1", patternType: "literal" }, operations: ["Read"] });
  const errors = checkPlatform(docs, "single-node", platform);
  expectError(errors, /KafkaUser\/notification-service lacks the ACL group literal notification-service Read/);
  expectError(errors, /KafkaUser\/notification-service has an ACL .* petition\.submitted\.v1 Read/);
});

test("a departmental system may read its own feed only", () => {
  const docs = copy(single);
  const u = find(docs, "KafkaUser", "department-example");
  u.spec.authorization.acls.push(
    { resource: { type: "topic", name: "case.assigned.v1", patternType: "literal" }, operations: ["Read"] },
    { resource: { type: "topic", name: "dept.", patternType: "prefix" }, operations: ["Read"] });
  const errors = checkPlatform(docs, "single-node", platform);
  expectError(errors, /departmental system.*case\.assigned\.v1/);
  expectError(errors, /departmental system.*topic prefix dept\. Read/);
});

test("the services that write the departmental feeds may write and create dept.* topics", () => {
  const docs = copy(single);
  const u = find(docs, "KafkaUser", "routing-service");
  u.spec.authorization.acls = u.spec.authorization.acls.filter((a) => a.resource.name !== "dept.");
  expectError(checkPlatform(docs, "single-node", platform), /KafkaUser\/routing-service lacks the ACL topic prefix dept\. Create/);
});

test("production needs replicas, anti-affinity, three instances and backups", () => {
  const docs = copy(production);
  const d = find(docs, "Deployment", "supervision-service");
  find(docs, "ScaledObject", "supervision-service").spec.minReplicaCount = 1;
  delete d.spec.template.spec.affinity;
  find(docs, "Cluster", "notification-db").spec.instances = 1;
  const errors = checkPlatform(docs.filter((x) => !(x.kind === "ScheduledBackup" && x.spec.cluster.name === "intake-db")), "production", platform);
  expectError(errors, /ScaledObject\/supervision-service: production needs at least 2 replicas/);
  expectError(errors, /Deployment\/supervision-service: production needs pod anti-affinity/);
  expectError(errors, /Cluster\/notification-db: production needs 3 instances/);
  expectError(errors, /Cluster\/intake-db: production needs a ScheduledBackup/);
  // the single-node overlay is not held to them
  assert.deepEqual(checkPlatform(single, "single-node", platform), []);
});

test("demo users and demo clients fail every overlay but demo", () => {
  const realm = find(demo, "KeycloakRealmImport", "petition-realm");
  assert.ok(realm.spec.realm.users.length > 0, "the demo overlay imports the demo users");
  const docs = copy(production).map((x) => (x.kind === "KeycloakRealmImport" ? structuredClone(realm) : x));
  const errors = checkPlatform(docs, "production", platform);
  expectError(errors, /the realm imports users/);
  expectError(errors, /demo clients/);
});

test("a probe on the wrong path, a service on another's database and an unknown secret fail", () => {
  const docs = copy(single);
  const d = find(docs, "Deployment", "intake-service");
  d.spec.template.spec.containers[0].livenessProbe.httpGet.path = "/health";
  d.spec.template.spec.containers[0].env.find((e) => e.name === "QUARKUS_DATASOURCE_PASSWORD").valueFrom.secretKeyRef.name = "intake-db-secret";
  find(docs, "ConfigMap", "intake-service-config").data.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://routing-db-rw:5432/routing";
  const errors = checkPlatform(docs, "single-node", platform);
  expectError(errors, /livenessProbe must check \/q\/health\/live/);
  expectError(errors, /JDBC URL must point at intake-db-rw/);
  expectError(errors, /secret intake-db-secret, which nothing creates/);
});

test("the topics and groups are read from the services' sources", () => {
  assert.deepEqual(platform.services["routing-service"].consumes, ["petition.submitted.v1"]);
  assert.deepEqual([...platform.services["routing-service"].produces].sort(),
    ["case.assigned.v1", "case.diverted.v1", "case.returned.v1"]);
  assert.ok(platform.services["supervision-service"].produces.includes("case.deadline.v1"));
  assert.ok(platform.services["intake-service"].dlqs.includes("case.lifecycle.v1.intake-service.dlq"));
});

test("health, metrics and OpenAPI must be on the management port, reachable only from the monitoring namespace", () => {
  const docs = copy(single);
  const d = find(docs, "Deployment", "routing-service");
  d.spec.template.spec.containers[0].readinessProbe.httpGet.port = "http";
  find(docs, "ServiceMonitor", "intake-service").spec.endpoints[0].port = "http";
  // the ingress controller's namespace let in on every port (a rule without ports)
  const np = find(docs, "NetworkPolicy", "supervision-service");
  np.spec.ingress.push({ from: [{ namespaceSelector: { matchLabels: { "openpetition.org/access": "ingress" } } }] });
  // and notification's management port open to anyone
  find(docs, "NetworkPolicy", "notification-service").spec.ingress.find((r) => r.ports?.some((p) => p.port === "management")).from = undefined;
  const errors = checkPlatform(docs, "single-node", platform);
  expectError(errors, /Deployment\/routing-service: readinessProbe must use the management port/);
  expectError(errors, /ServiceMonitor\/intake-service: must scrape the management port/);
  expectError(errors, /NetworkPolicy\/supervision-service admits .*ingress.* to the management port/);
  expectError(errors, /NetworkPolicy\/notification-service admits everyone to the management port/);
});

test("a service without its management port or with the interface on loopback fails", () => {
  const docs = copy(production);
  const c = find(docs, "Deployment", "intake-service").spec.template.spec.containers[0];
  c.ports = c.ports.filter((p) => p.name !== "management");
  delete find(docs, "ConfigMap", "petition-platform").data.QUARKUS_MANAGEMENT_HOST;
  const errors = checkPlatform(docs, "production", platform);
  expectError(errors, /Deployment\/intake-service: no container port named management/);
  expectError(errors, /Deployment\/routing-service: QUARKUS_MANAGEMENT_HOST must be 0\.0\.0\.0/);
});

test("the production realm must be hardened: brute force, password policy, staff OTP, PKCE, no password grant", () => {
  const realm = () => structuredClone(find(production, "KeycloakRealmImport", "petition-realm").spec.realm);
  assert.deepEqual(realmHardeningErrors(realm()), []);

  const weak = realm();
  weak.bruteForceProtected = false;
  weak.permanentLockout = true;
  weak.passwordPolicy = "length(8) and digits(1)";
  const errors = realmHardeningErrors(weak);
  expectError(errors, /brute-force protection is off/);
  expectError(errors, /permanentLockout must be false/);
  expectError(errors, /needs length\(12\)/);
  for (const rule of ["upperCase", "lowerCase", "notUsername", "passwordHistory"]) expectError(errors, new RegExp(`lacks ${rule}`));

  const portal = realm();
  const p = portal.clients.find((c) => c.clientId === "petition-portal");
  p.directAccessGrantsEnabled = true;
  p.implicitFlowEnabled = true;
  delete p.attributes["pkce.code.challenge.method"];
  p.redirectUris = ["https://petition.example/*"];
  p.webOrigins = ["*"];
  const portalErrors = realmHardeningErrors(portal);
  expectError(portalErrors, /petition-portal: the password grant must be off/);
  expectError(portalErrors, /petition-portal: the implicit flow must be off/);
  expectError(portalErrors, /petition-portal: PKCE must be required with S256/);
  expectError(portalErrors, /redirect URI https:\/\/petition\.example\/\* must be an exact/);
  expectError(portalErrors, /web origin \* must be an exact/);

  // OTP: without the browser flow nobody gets one; a dropped role's sub-flow leaves that role without
  const noFlow = realm();
  delete noFlow.browserFlow;
  expectError(realmHardeningErrors(noFlow), /does not ask a clerk for a one-time code/);
  const dropped = realm();
  const forms = dropped.authenticationFlows.find((f) => f.alias === "browser with staff OTP forms");
  forms.authenticationExecutions = forms.authenticationExecutions.filter((e) => e.flowAlias !== "browser with staff OTP auditor");
  const droppedErrors = realmHardeningErrors(dropped);
  expectError(droppedErrors, /does not ask a auditor for a one-time code/);
  assert.ok(!droppedErrors.some((e) => /ask a clerk/.test(e)), droppedErrors.join("\n"));
  const disabledOtp = realm();
  for (const f of disabledOtp.authenticationFlows) for (const e of f.authenticationExecutions) if (e.authenticator === "auth-otp-form") e.requirement = "DISABLED";
  expectError(realmHardeningErrors(disabledOtp), /does not ask a handler for a one-time code/);

  // the check runs on the rendered overlays too, and not on the demo overlay's realm (password grant for the trial)
  const docs = copy(production);
  find(docs, "KeycloakRealmImport", "petition-realm").spec.realm.clients.find((c) => c.clientId === "petition-portal").directAccessGrantsEnabled = true;
  expectError(checkPlatform(docs, "production", platform), /petition-portal: the password grant must be off/);
  assert.deepEqual(checkPlatform(demo, "demo", platform), []);
});

// ---------------------------------------------------------------------------------------------
// The portal

const envOf = (docs, name) => find(docs, "Deployment", name).spec.template.spec.containers[0].env;
const portalConfig = (docs) => find(docs, "ConfigMap", "portal-config").data;

test("the portal is checked like the services: objects, image, probes, management port, pod security", () => {
  const docs = copy(production).filter((x) => !(x.kind === "ServiceMonitor" && x.metadata.name === "portal"));
  const pod = find(docs, "Deployment", "portal").spec.template.spec;
  const c = pod.containers[0];
  c.image = "openpetition/portal";
  c.startupProbe.httpGet.path = "/q/health";
  c.livenessProbe.httpGet.port = "http";
  c.securityContext.readOnlyRootFilesystem = false;
  pod.securityContext.runAsNonRoot = false;
  c.securityContext.runAsNonRoot = false;
  c.volumeMounts = [];
  const errors = checkPlatform(docs, "production", platform);
  expectError(errors, /no ServiceMonitor portal/);
  expectError(errors, /Deployment\/portal: image openpetition\/portal is not openpetition\/portal:<tag>/);
  expectError(errors, /Deployment\/portal: startupProbe must check \/q\/health\/started/);
  expectError(errors, /Deployment\/portal: livenessProbe must use the management port/);
  expectError(errors, /Deployment\/portal: the root filesystem must be read-only/);
  expectError(errors, /Deployment\/portal: must run as non-root/);
  expectError(errors, /Deployment\/portal: needs an emptyDir on \/tmp/);
});

test("the portal's production replicas, its database cluster and its backups are required", () => {
  const docs = copy(production).filter((x) => !(x.kind === "ScheduledBackup" && x.spec.cluster.name === "portal-db"));
  find(docs, "HorizontalPodAutoscaler", "portal").spec.minReplicas = 1;
  let errors = checkPlatform(docs, "production", platform);
  expectError(errors, /HorizontalPodAutoscaler\/portal: production needs at least 2 replicas/);
  expectError(errors, /Cluster\/portal-db: production needs a ScheduledBackup/);
  errors = checkPlatform(copy(single).filter((x) => !(x.kind === "Cluster" && x.metadata.name === "portal-db")), "single-node", platform);
  expectError(errors, /no CloudNativePG Cluster portal-db for portal/);
});

test("the portal's configuration: the services' URLs, its database, its client, https behind the ingress", () => {
  const docs = copy(single);
  const cfg = portalConfig(docs);
  cfg.PORTAL_ROUTING_URL = "http://routing-service:9000";
  delete cfg.PORTAL_NOTIFICATION_URL;
  cfg.QUARKUS_DATASOURCE_REACTIVE_URL = "postgresql://intake-db-rw:5432/intake";
  cfg.QUARKUS_OIDC_CLIENT_ID = "petition-portal";
  cfg.QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME = "false";
  cfg.QUARKUS_OIDC_AUTH_SERVER_URL = "https://auth.petition.example/realms/petition";
  const env = envOf(docs, "portal");
  env.find((e) => e.name === "QUARKUS_DATASOURCE_PASSWORD").valueFrom.secretKeyRef.name = "intake-db-app";
  const secret = env.find((e) => e.name === "QUARKUS_OIDC_CREDENTIALS_SECRET");
  delete secret.valueFrom;
  secret.value = "s3cret";
  const errors = checkPlatform(docs, "single-node", platform);
  expectError(errors, /PORTAL_ROUTING_URL must be http:\/\/routing-service:8080/);
  expectError(errors, /Deployment\/portal: no PORTAL_NOTIFICATION_URL/);
  expectError(errors, /Deployment\/portal: the reactive URL must point at portal-db-rw:5432\/portal/);
  expectError(errors, /Deployment\/portal: QUARKUS_DATASOURCE_PASSWORD must come from portal-db-app/);
  expectError(errors, /QUARKUS_OIDC_CLIENT_ID must be petition-portal-web/);
  expectError(errors, /QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME must be true/);
  expectError(errors, /QUARKUS_OIDC_AUTH_SERVER_URL must be the realm URL the services use/);
  expectError(errors, /QUARKUS_OIDC_CREDENTIALS_SECRET must come from a Secret/);
});

test("the portal's address: PORTAL_PUBLIC_URL, the Ingress host with TLS and the realm client agree", () => {
  const docs = copy(production);
  portalConfig(docs).PORTAL_PUBLIC_URL = "https://xinfang.example.gov.cn";
  const errors = checkPlatform(docs, "production", platform);
  expectError(errors, /Ingress\/portal: no rule for the portal's host xinfang\.example\.gov\.cn/);
  expectError(errors, /client petition-portal-web: https:\/\/xinfang\.petition\.internal\/\* is not on the portal's address https:\/\/xinfang\.example\.gov\.cn/);

  const plain = copy(single);
  portalConfig(plain).PORTAL_PUBLIC_URL = "http://petition.example";
  delete find(plain, "Ingress", "portal").spec.tls;
  const plainErrors = checkPlatform(plain, "single-node", platform);
  expectError(plainErrors, /PORTAL_PUBLIC_URL must be an https URL/);
  expectError(plainErrors, /Ingress\/portal: no TLS for petition\.example/);

  const noIngress = copy(single).filter((x) => x.kind !== "Ingress");
  expectError(checkPlatform(noIngress, "single-node", platform), /no Ingress portal/);
});

test("the network: every service admits the portal on its API port, the portal reaches the services, Keycloak and its database only", () => {
  const docs = copy(single);
  const np = find(docs, "NetworkPolicy", "supervision-service");
  np.spec.ingress[0].from = np.spec.ingress[0].from.filter((f) => !f.podSelector);
  const portal = find(docs, "NetworkPolicy", "portal");
  portal.spec.egress[1].to = portal.spec.egress[1].to.filter((t) => t.podSelector.matchLabels["app.kubernetes.io/name"] !== "intake-service");
  portal.spec.egress.push({ to: [{ podSelector: { matchLabels: { "cnpg.io/cluster": "intake-db" } } }], ports: [{ port: 5432, protocol: "TCP" }] });
  portal.spec.ingress[0].from = [{ namespaceSelector: { matchLabels: { "openpetition.org/access": "monitoring" } } }];
  const errors = checkPlatform(docs, "single-node", platform);
  expectError(errors, /NetworkPolicy\/supervision-service does not admit the portal's pods to its http port/);
  expectError(errors, /NetworkPolicy\/portal does not let it reach intake-service's API \(port 8080\)/);
  expectError(errors, /NetworkPolicy\/portal lets it reach intake-service's database/);
  expectError(errors, /NetworkPolicy\/portal does not admit the ingress controller/);
  assert.ok(!errors.some((e) => /routing-service's API/.test(e)), errors.join("\n"));

  // the portal on a service's management port is refused like any other peer
  const mgmt = copy(single);
  find(mgmt, "NetworkPolicy", "routing-service").spec.ingress[1].from.push({ podSelector: { matchLabels: { "app.kubernetes.io/name": "portal" } } });
  expectError(checkPlatform(mgmt, "single-node", platform), /NetworkPolicy\/routing-service admits .*portal.* to the management port/);
});

test("the portal's client secret: a placeholder in the realm, filled from the Secret the Deployment reads", () => {
  const docs = copy(production);
  const imp = find(docs, "KeycloakRealmImport", "petition-realm");
  imp.spec.placeholders.PORTAL_WEB_CLIENT_SECRET.secret.name = "another-secret";
  let errors = checkPlatform(docs, "production", platform);
  expectError(errors, /QUARKUS_OIDC_CREDENTIALS_SECRET comes from portal-oidc-client\/client-secret, the realm's petition-portal-web from another-secret\/client-secret/);
  expectError(errors, /KeycloakRealmImport\/petition-realm refers to the secret another-secret, which nothing creates/);

  const literal = copy(production);
  find(literal, "KeycloakRealmImport", "petition-realm").spec.realm.clients.find((c) => c.clientId === "petition-portal-web").secret = "petition-portal-web-secret";
  expectError(checkPlatform(literal, "production", platform), /petition-portal-web: its secret must be a placeholder/);

  const tls = copy(single);
  find(tls, "Ingress", "portal").spec.tls[0].secretName = "portal-certificate";
  expectError(checkPlatform(tls, "single-node", platform), /Ingress\/portal refers to the secret portal-certificate, which nothing creates/);

  const missing = copy(demo);
  const realm = find(missing, "KeycloakRealmImport", "petition-realm").spec.realm;
  realm.clients = realm.clients.filter((c) => c.clientId !== "petition-portal-web");
  expectError(checkPlatform(missing, "demo", platform), /the realm has no client petition-portal-web/);
});

test("petition-portal-web must be confidential, code flow only, PKCE S256, https on the portal's host, with the portal's claims", () => {
  const realm = structuredClone(find(production, "KeycloakRealmImport", "petition-realm").spec.realm);
  const portal = realm.clients.find((c) => c.clientId === "petition-portal");
  const good = realm.clients.find((c) => c.clientId === "petition-portal-web");
  assert.deepEqual(portalWebClientErrors(good, portal), []);

  const c = structuredClone(good);
  c.publicClient = true;
  c.directAccessGrantsEnabled = true;
  c.implicitFlowEnabled = true;
  c.serviceAccountsEnabled = true;
  c.attributes["pkce.code.challenge.method"] = "plain";
  c.redirectUris = ["http://petition.example/*", "https://*.example/", "https://petition.example/a*b"];
  c.webOrigins = ["+"];
  c.protocolMappers = c.protocolMappers.filter((m) => m.name !== "leader_id");
  const errors = portalWebClientErrors(c, portal);
  expectError(errors, /must be confidential/);
  expectError(errors, /the password grant must be off/);
  expectError(errors, /the implicit flow must be off/);
  expectError(errors, /must not have a service account/);
  expectError(errors, /PKCE must be required with S256/);
  expectError(errors, /redirect URI http:\/\/petition\.example\/\* must be https/);
  expectError(errors, /redirect URI https:\/\/\*\.example\/ must be https on the portal's host/);
  expectError(errors, /redirect URI https:\/\/petition\.example\/a\*b must be https/);
  expectError(errors, /web origin \+ must be an exact https address/);
  expectError(errors, /lacks the claim leader_id/);

  const twoHosts = structuredClone(good);
  twoHosts.redirectUris.push("https://evil.example/*");
  expectError(portalWebClientErrors(twoHosts, portal), /must all be the portal's one host/);

  // the check runs on the production realm, not on the demo overlay's
  const docs = copy(production);
  find(docs, "KeycloakRealmImport", "petition-realm").spec.realm.clients.find((x) => x.clientId === "petition-portal-web").attributes["pkce.code.challenge.method"] = "plain";
  expectError(checkPlatform(docs, "production", platform), /petition-portal-web: PKCE must be required with S256/);
});

test("citizens may register, but registering never gives a platform role; brute-force protection stays", () => {
  const realm = () => structuredClone(find(production, "KeycloakRealmImport", "petition-realm").spec.realm);
  const open = realm();
  assert.equal(open.registrationAllowed, true);
  assert.deepEqual(realmHardeningErrors(open), []);
  open.defaultRole = { name: "default-roles-petition", composite: true, composites: { realm: ["offline_access", "clerk"] } };
  open.groups = [{ name: "citizens", path: "/citizens", realmRoles: ["citizen"] }];
  open.defaultGroups = ["/citizens"];
  open.bruteForceProtected = false;
  const errors = realmHardeningErrors(open);
  expectError(errors, /registration is open, yet the default roles give every new account the role clerk/);
  expectError(errors, /registration is open, yet the default group \/citizens gives every new account the role citizen/);
  expectError(errors, /brute-force protection is off/);
  const closed = realm();
  closed.registrationAllowed = false;
  closed.defaultRole = open.defaultRole;
  assert.ok(!realmHardeningErrors(closed).some((e) => /registration/.test(e)));
});

test("the generator: petition-portal-web with a placeholder secret and petition-portal's mappers, whatever the realm file says", () => {
  const source = {
    realm: "petition",
    clients: [
      { clientId: "petition-portal", publicClient: true, redirectUris: ["http://localhost:*"], protocolMappers: [{ name: "department", config: { "claim.name": "department" } }] },
      { clientId: "petition-portal-web", publicClient: false, secret: "local-dev-secret", directAccessGrantsEnabled: true, redirectUris: ["http://localhost:8090/*"] },
      { clientId: "open311-demo", secret: "open311-demo-secret" },
    ],
  };
  for (const realm of [productionRealm(source), demoRealm(source)]) {
    const web = realm.clients.filter((c) => c.clientId === "petition-portal-web");
    assert.equal(web.length, 1);
    assert.equal(realm.clients[1].clientId, "petition-portal-web", "right after petition-portal (overlays patch it by index)");
    assert.equal(web[0].secret, "${PORTAL_WEB_CLIENT_SECRET}");
    assert.ok(!JSON.stringify(realm).includes("local-dev-secret"));
    assert.equal(web[0].directAccessGrantsEnabled, false);
    assert.deepEqual(web[0].redirectUris, ["https://petition.example/*"]);
    assert.deepEqual(web[0].protocolMappers, source.clients[0].protocolMappers);
  }
  assert.equal(productionRealm(source).registrationAllowed, true);
  const imports = [find(production, "KeycloakRealmImport", "petition-realm"), find(demo, "KeycloakRealmImport", "petition-realm")];
  for (const imp of imports) assert.deepEqual(imp.spec.placeholders.PORTAL_WEB_CLIENT_SECRET.secret, PORTAL_WEB_SECRET);
});

test("the guide tells how to create every secret the operations team creates, the portal's among them", () => {
  assert.deepEqual(checkGuide(), []);
  const guide = "kubectl -n petition create secret generic intake-personal-data\nkubectl -n petition create secret tls portal-tls";
  const errors = checkGuide(guide);
  expectError(errors, /create the secret portal-oidc-client/);
  expectError(errors, /create the secret notification-smtp/);
  assert.ok(!errors.some((e) => /portal-tls|intake-personal-data/.test(e)), errors.join("\n"));
});

// ---------------------------------------------------------------------------------------------
// Operations: the version matrix, the network as the operators make it, pod security, autoscaling, connections,
// the production site, backups, rollouts

const errorsOf = (docs, overlay = "production") => checkPlatform(docs, overlay, platform);

test("the realm import Job (app=keycloak-realm-import) must reach keycloak-db: a policy admitting app=keycloak only blocks it", () => {
  const docs = copy(production);
  const np = find(docs, "NetworkPolicy", "keycloak-db");
  np.spec.ingress[0].from = np.spec.ingress[0].from.filter((f) => f.podSelector?.matchLabels?.app !== "keycloak-realm-import");
  const errors = errorsOf(docs);
  expectError(errors, /network: the realm import Job \(app=keycloak-realm-import\) → keycloak-db .* is blocked: no ingress rule of .*NetworkPolicy\/keycloak-db \(spec\.ingress\) admits it/);
  // and its own egress: without petition-keycloak-realm-import it cannot leave its pod under default-deny
  const out = copy(single).filter((d) => !(d.kind === "NetworkPolicy" && d.metadata.name === "petition-keycloak-realm-import"));
  expectError(errorsOf(out, "single-node"), /realm import Job .* is blocked: no egress rule of .*NetworkPolicy\/default-deny/);
});

test("the network: a connection the platform makes and one it must not make", () => {
  const docs = copy(single);
  // notification loses its SMS gateway; the portal is let out to Kafka
  const sms = find(docs, "NetworkPolicy", "egress-sms-gateway");
  sms.spec.egress[0].ports[0].port = 8443;
  find(docs, "NetworkPolicy", "portal").spec.egress.push({ to: [{ podSelector: { matchLabels: { "strimzi.io/cluster": "petition-kafka" } } }], ports: [{ port: 9093, protocol: "TCP" }] });
  const errors = errorsOf(docs, "single-node");
  expectError(errors, /network: notification-service → the SMS gateway .* is blocked: no egress rule/);
  expectError(errors, /network: the portal → Kafka \(it uses none\) .* is allowed, and must not be/);
  // the Keycloak operator's policy: without the platform's pods among spec.networkPolicy.http, the services lose Keycloak
  const kc = copy(single);
  find(kc, "Keycloak", "petition-keycloak").spec.networkPolicy.http.splice(1, 1);
  expectError(errorsOf(kc, "single-node"), /network: routing-service → Keycloak .* is blocked: no ingress rule of .*NetworkPolicy\/petition-keycloak-network-policy/);
  // Strimzi's: without the autoscaler namespace among the listener's peers, KEDA cannot read the lag
  const keda = copy(single);
  const listener = find(keda, "Kafka", "petition-kafka").spec.kafka.listeners[0];
  listener.networkPolicyPeers = listener.networkPolicyPeers.filter((p) => p.namespaceSelector?.matchLabels?.["openpetition.org/access"] !== "autoscaler");
  expectError(errorsOf(keda, "single-node"), /network: KEDA → the Kafka brokers .* is blocked: no ingress rule of .*NetworkPolicy\/petition-kafka-network-policy-kafka/);
});

test("an unsupported Kafka version is rejected against the version matrix", () => {
  const docs = copy(production);
  find(docs, "Kafka", "petition-kafka").spec.kafka.version = "4.1.1";
  expectError(errorsOf(docs), /Kafka\/petition-kafka: spec\.kafka\.version 4\.1\.1 is not supported by Strimzi 1\.2\.0/);
  assert.deepEqual(versionErrors(production), []);
  const meta = copy(production);
  find(meta, "Kafka", "petition-kafka").spec.kafka.metadataVersion = "4.1-IV1";
  expectError(versionErrors(meta), /spec\.kafka\.metadataVersion 4\.1-IV1 is not 4\.2-IV1/);
  const pg = copy(single);
  find(pg, "Cluster", "intake-db").spec.imageName = "ghcr.io/cloudnative-pg/postgresql:12.22";
  expectError(versionErrors(pg), /Cluster\/intake-db: spec\.imageName .*12\.22 is not a PostgreSQL major CloudNativePG 1\.29\.0 supports/);
  expectError(versionErrors([{ apiVersion: "kafka.strimzi.io/v1beta2", kind: "KafkaTopic", metadata: { name: "t" } }]), /KafkaTopic\/t: apiVersion kafka\.strimzi\.io\/v1beta2 is served by no operator/);
});

test("the guide's compatibility table is the matrix's, verbatim", () => {
  assert.ok(readFileSync(path.join(REPO_DIR, "docs/kubernetes.md"), "utf8").includes(versionTable()));
  const stale = versionTable().replace("| 1.2.0 |", "| 0.49.0 |");
  expectError(checkGuide(`kubectl create secret generic x\n${stale}`), /docs\/kubernetes\.md: the compatibility table differs from tools\/versions\.mjs/);
});

test("a pod violating Pod Security restricted is rejected, the operators' pod templates included", () => {
  const docs = copy(single);
  const c = find(docs, "Deployment", "routing-service").spec.template.spec.containers[0];
  delete c.securityContext.capabilities;
  c.securityContext.allowPrivilegeEscalation = true;
  delete find(docs, "Job", "petition-smoke").spec.template.spec.securityContext.seccompProfile;
  delete find(docs, "Keycloak", "petition-keycloak").spec.unsupported;
  find(docs, "Namespace", "petition").metadata.labels["pod-security.kubernetes.io/enforce"] = "baseline";
  const errors = errorsOf(docs, "single-node");
  expectError(errors, /Deployment\/routing-service container routing-service securityContext\.capabilities\.drop must include ALL/);
  expectError(errors, /Deployment\/routing-service container routing-service securityContext\.allowPrivilegeEscalation must be false/);
  expectError(errors, /Job\/petition-smoke container smoke securityContext\.seccompProfile\.type .* must be RuntimeDefault/);
  expectError(errors, /Keycloak\/petition-keycloak spec\.unsupported\.podTemplate: no pod template/);
  expectError(errors, /Namespace\/petition: metadata\.labels pod-security\.kubernetes\.io\/enforce must be restricted/);
});

test("an autoscaler above the partitions of a topic its service consumes is rejected (HPA and KEDA)", () => {
  const docs = copy(production);
  find(docs, "ScaledObject", "notification-service").spec.maxReplicaCount = 8;
  find(docs, "HorizontalPodAutoscaler", "intake-service").spec.maxReplicas = 7;
  const errors = errorsOf(docs);
  expectError(errors, /ScaledObject\/notification-service: spec\.maxReplicaCount 8 exceeds the 6 partitions of petitioner\.contact\.v1/);
  expectError(errors, /HorizontalPodAutoscaler\/intake-service: spec\.maxReplicas 7 exceeds the 6 partitions of case\.assigned\.v1/);
  // and a fixed replica count beside an autoscaler
  const fixed = copy(single);
  find(fixed, "Deployment", "portal").spec.replicas = 2;
  expectError(errorsOf(fixed, "single-node"), /Deployment\/portal: spec\.replicas is set, but HorizontalPodAutoscaler\/portal owns the count/);
  assert.deepEqual(platform.services["routing-service"].consumes, ["petition.submitted.v1"]);
});

test("pools over max_connections are rejected per database cluster", () => {
  const docs = copy(production);
  find(docs, "ConfigMap", "routing-service-config").data.QUARKUS_DATASOURCE_REACTIVE_MAX_SIZE = "20";
  find(docs, "Keycloak", "petition-keycloak").spec.db.poolMaxSize = 60;
  const errors = errorsOf(docs);
  expectError(errors, /Cluster\/routing-db: spec\.postgresql\.parameters\.max_connections 100 is less than the connections its clients may open: Deployment\/routing-service: 7 pods × 24 \+ 13 reserved = 181/);
  expectError(errors, /Cluster\/keycloak-db: spec\.postgresql\.parameters\.max_connections 100 is less than .*Keycloak\/petition-keycloak: 2 × 60/);
});

test("a loopback or .example default in production is rejected", () => {
  const docs = copy(production);
  find(docs, "ConfigMap", "notification-service-config").data.PETITION_SMS_URL = "http://127.0.0.1:13090/sms";
  find(docs, "ConfigMap", "notification-service-config").data.QUARKUS_MAILER_HOST = "smtp.petition.example";
  find(docs, "Keycloak", "petition-keycloak").spec.hostname.hostname = "https://auth.petition.local";
  find(docs, "ConfigMap", "intake-service-config").data.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES = "localhost";
  find(docs, "NetworkPolicy", "egress-smtp").spec.egress[0].to[0].ipBlock.cidr = "0.0.0.0/0";
  const errors = errorsOf(docs);
  expectError(errors, /ConfigMap\/notification-service-config: data\.PETITION_SMS_URL names 127\.0\.0\.1, a loopback address/);
  expectError(errors, /ConfigMap\/notification-service-config: data\.QUARKUS_MAILER_HOST names smtp\.petition\.example, a placeholder name/);
  expectError(errors, /Keycloak\/petition-keycloak: spec\.hostname\.hostname names auth\.petition\.local, a placeholder name/);
  expectError(errors, /ConfigMap\/intake-service-config: data\.QUARKUS_HTTP_PROXY_TRUSTED_PROXIES names localhost, a loopback address/);
  expectError(errors, /NetworkPolicy\/egress-smtp: spec\.egress ipBlock 0\.0\.0\.0\/0 opens every address/);
  for (const h of ["::1", "[::1]", "127.1.2.3", "localhost", "a.invalid", "x.example"]) assert.ok(badHost(h), h);
  for (const h of ["xinfang.petition.internal", "smtp.gov.cn", "10.0.0.1"]) assert.equal(badHost(h), null, h);
  // the single-node overlay keeps the base's placeholders
  assert.ok(!errorsOf(single, "single-node").some((e) => /placeholder name/.test(e)));
});

test("a SNAPSHOT or undigested image in production is rejected", () => {
  const docs = copy(production);
  find(docs, "Deployment", "intake-service").spec.template.spec.containers[0].image = "registry.petition.internal/openpetition/intake-service:0.1.0-SNAPSHOT";
  find(docs, "CronJob", "restore-drill").spec.jobTemplate.spec.template.spec.containers[0].image = "docker.io/alpine/k8s:1.33.4";
  const errors = errorsOf(docs);
  expectError(errors, /Deployment\/intake-service: container intake-service image .*0\.1\.0-SNAPSHOT is a SNAPSHOT build/);
  expectError(errors, /Deployment\/intake-service: container intake-service image .* has no digest/);
  expectError(errors, /CronJob\/restore-drill: container drill image docker\.io\/alpine\/k8s:1\.33\.4 has no digest/);
});

test("the services are given every setting that has no default in production: SMS, mailer, tracking link, keys, proxies, TLS", () => {
  const docs = copy(production);
  delete find(docs, "ConfigMap", "notification-service-config").data.PETITION_SMS_URL;
  const env = envOf(docs, "intake-service");
  env.splice(env.findIndex((e) => e.name === "PETITION_PERSONAL_DATA_ENCRYPTION_KEY_ID"), 1);
  env.find((e) => e.name === "PETITION_PERSONAL_DATA_MATCHING_KEY").value = "c2VjcmV0";
  delete env.find((e) => e.name === "PETITION_PERSONAL_DATA_MATCHING_KEY").valueFrom;
  const cfg = find(docs, "ConfigMap", "intake-service-config").data;
  cfg.QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED = "false";
  cfg.QUARKUS_DATASOURCE_JDBC_URL = "jdbc:postgresql://intake-db-rw:5432/intake";
  delete cfg.QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM;
  find(docs, "ConfigMap", "notification-service-config").data.PETITION_NOTIFY_TRACKING_URL = "https://elsewhere.petition.internal/track";
  find(docs, "ConfigMap", "portal-config").data.KAFKA_BOOTSTRAP_SERVERS = "petition-kafka-kafka-bootstrap:9093";
  const errors = errorsOf(docs);
  expectError(errors, /Deployment\/notification-service: no PETITION_SMS_URL/);
  expectError(errors, /Deployment\/intake-service: no PETITION_PERSONAL_DATA_ENCRYPTION_KEY_ID/);
  expectError(errors, /Deployment\/intake-service: PETITION_PERSONAL_DATA_MATCHING_KEY must come from a Secret/);
  expectError(errors, /QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED must be true/);
  expectError(errors, /Deployment\/intake-service: QUARKUS_DATASOURCE_JDBC_URL must carry sslmode=verify-full&sslrootcert=\/etc\/petition\/db-ca\/ca\.crt/);
  expectError(errors, /Deployment\/intake-service: QUARKUS_DATASOURCE_REACTIVE_HOSTNAME_VERIFICATION_ALGORITHM must be HTTPS/);
  expectError(errors, /PETITION_NOTIFY_TRACKING_URL must be the portal's https:\/\/xinfang\.petition\.internal\/track/);
  expectError(errors, /Deployment\/portal: KAFKA_BOOTSTRAP_SERVERS is set, but the portal uses no Kafka/);
});

test("backups: the plugin, encrypted, outside Beijing's office hours; production: synchronous, zones, the drill", () => {
  const docs = copy(production);
  find(docs, "ScheduledBackup", "intake-db-daily").spec.schedule = "0 0 2 * * *";
  delete find(docs, "ObjectStore", "petition-backups").spec.configuration.data.encryption;
  const c = find(docs, "Cluster", "routing-db");
  delete c.spec.postgresql.synchronous;
  c.spec.topologySpreadConstraints = [];
  delete find(docs, "Kafka", "petition-kafka").spec.kafka.rack;
  find(docs, "Cluster", "portal-db").spec.plugins = [];
  const errors = errorsOf(docs.filter((d) => d.kind !== "CronJob"));
  expectError(errors, /ScheduledBackup\/intake-db-daily: spec\.schedule 0 0 2 \* \* \* starts at 2:00 UTC, in Beijing's office hours/);
  expectError(errors, /ObjectStore\/petition-backups: spec\.configuration\.data\.encryption and \.wal\.encryption must be set/);
  expectError(errors, /Cluster\/routing-db: production needs synchronous replication/);
  expectError(errors, /Cluster\/routing-db: production spreads the instances over zones/);
  expectError(errors, /Kafka\/petition-kafka: production needs rack awareness on zones/);
  expectError(errors, /Cluster\/portal-db: production needs a backup target: the Barman Cloud plugin/);
  expectError(errors, /production needs the restore drill/);
});

test("rollouts, monitors and sync waves: preStop, grace periods, the release label, the waves' order", () => {
  const docs = copy(single);
  const intake = find(docs, "Deployment", "intake-service").spec.template.spec;
  intake.terminationGracePeriodSeconds = 30;
  delete find(docs, "Deployment", "portal").spec.template.spec.containers[0].lifecycle;
  delete find(docs, "ServiceMonitor", "portal").metadata.labels.release;
  find(docs, "KeycloakRealmImport", "petition-realm").metadata.annotations["argocd.argoproj.io/sync-wave"] = "1";
  const smoke = find(docs, "Job", "petition-smoke");
  delete smoke.metadata.annotations["argocd.argoproj.io/hook"];
  smoke.spec.backoffLimit = 6;
  const errors = errorsOf(docs, "single-node");
  expectError(errors, /Deployment\/intake-service: spec\.template\.spec\.terminationGracePeriodSeconds must be 90, is 30/);
  expectError(errors, /Deployment\/portal: the container needs a preStop sleep/);
  expectError(errors, /ServiceMonitor\/portal: metadata\.labels\.release must be kube-prometheus-stack/);
  expectError(errors, /KeycloakRealmImport\/petition-realm: metadata\.annotations argocd\.argoproj\.io\/sync-wave is 1, must be 4/);
  expectError(errors, /Job\/petition-smoke: metadata\.annotations argocd\.argoproj\.io\/hook must be PostSync/);
  expectError(errors, /Job\/petition-smoke: spec\.backoffLimit must be small/);
});

test("the realm generator keeps the smoke test's client confidential, with its secret from smoke-client", () => {
  const source = {
    realm: "petition",
    clients: [{ clientId: "petition-portal" }, { clientId: "petition-smoke", secret: "local-smoke-secret", publicClient: true, directAccessGrantsEnabled: true, serviceAccountsEnabled: true }],
    users: [{ username: "clerk" }, { username: "service-account-petition-smoke", serviceAccountClientId: "petition-smoke", realmRoles: ["clerk"] }],
  };
  const realm = productionRealm(source);
  const smoke = realm.clients.find((c) => c.clientId === "petition-smoke");
  assert.equal(smoke.secret, "${SMOKE_CLIENT_SECRET}");
  assert.equal(smoke.publicClient, false);
  assert.equal(smoke.directAccessGrantsEnabled, false);
  assert.equal(smoke.standardFlowEnabled, false);
  assert.deepEqual(realm.users.map((u) => u.username), ["service-account-petition-smoke"]);
  assert.ok(!JSON.stringify(realm).includes("local-smoke-secret"));
  assert.deepEqual(realmHardeningErrors(realm).filter((e) => /petition-smoke/.test(e)), []);
});

test("Argo CD installs the pinned operators in wave -1", () => {
  const apps = render(path.join(K8S_DIR, "argocd"));
  assert.deepEqual(applicationErrors(apps), []);
  find(apps, "Application", "petition-operators-strimzi").spec.source.targetRevision = "0.49.0";
  expectError(applicationErrors(apps), /Application\/petition-operators-strimzi: spec\.source\.targetRevision 0\.49\.0 is not the pinned 1\.2\.0/);
});
