// The validator must reject what an API server or an operator would reject, and what the platform
// would miss. Each test breaks one thing in a rendered overlay and expects the validator to name it.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { K8S_DIR, productionRealm, demoRealm, PORTAL_WEB_SECRET } from "../realm.mjs";
import { render, validateSchemas, checkPlatform, platformFromSources, parseDocuments, realmHardeningErrors, portalWebClientErrors, checkGuide } from "../validate.mjs";

let single, production, demo, platform;

before(() => {
  single = render(path.join(K8S_DIR, "overlays/single-node"));
  production = render(path.join(K8S_DIR, "overlays/production"));
  demo = render(path.join(K8S_DIR, "overlays/demo"));
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
  for (const [name, docs] of [["single-node", single], ["production", production], ["demo", demo]]) {
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
  d.spec.replicas = 1;
  delete d.spec.template.spec.affinity;
  find(docs, "Cluster", "notification-db").spec.instances = 1;
  const errors = checkPlatform(docs.filter((x) => !(x.kind === "ScheduledBackup" && x.spec.cluster.name === "intake-db")), "production", platform);
  expectError(errors, /Deployment\/supervision-service: production needs at least 2 replicas/);
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
  find(docs, "Deployment", "portal").spec.replicas = 1;
  let errors = checkPlatform(docs, "production", platform);
  expectError(errors, /Deployment\/portal: production needs at least 2 replicas/);
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
  expectError(errors, /client petition-portal-web: https:\/\/petition\.example\/\* is not on the portal's address https:\/\/xinfang\.example\.gov\.cn/);

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
