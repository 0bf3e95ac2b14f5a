// The realm the Keycloak operator imports (KeycloakRealmImport), generated from the one realm file of
// the project, deploy/keycloak/petition-realm.json, which the local run and the tests use as it is.
//   production (base/keycloak/realm-import.yaml): no users (demo users have the password "demo"), no
//     demo clients (their secrets are in the repository), TLS required for external requests, and
//     hardened (productionHardening below): brute-force protection, a password policy, OTP for every
//     staff role, the portal on the authorization code flow with PKCE (S256) and an exact redirect URI
//     on the public address (set yours in an overlay), no password grant on any client, self-registration
//     for citizens;
//   demo (components/demo-realm/realm-import.yaml): the file as it is, for a trial cluster only.
// Both carry the portal web application's confidential client petition-portal-web as generated here
// (portalWebClient): its secret is a placeholder the Keycloak operator fills from the Secret
// portal-oidc-client, the one the portal's Deployment reads, so no secret is in the repository.
// `node tools/realm.mjs --write` rewrites both; the validator fails when either is out of date.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";
import YAML from "yaml";

export const K8S_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const REALM_FILE = path.resolve(K8S_DIR, "../keycloak/petition-realm.json");
export const PRODUCTION_FILE = path.join(K8S_DIR, "base/keycloak/realm-import.yaml");
export const DEMO_FILE = path.join(K8S_DIR, "components/demo-realm/realm-import.yaml");
export const PUBLIC_URL = "https://petition.example";

export function isDemoClient(client) {
  return /-demo$/.test(client.clientId);
}

/** The roles of officials (everyone but the petitioner and client systems): they sign in with a one-time code. */
export const STAFF_ROLES = ["clerk", "dispatcher", "handler", "supervisor", "leader", "admin", "auditor"];
export const PORTAL_CLIENT = "petition-portal";
/** The portal web application (module portal/): a confidential client on the code flow, its secret in a Secret. */
export const PORTAL_WEB_CLIENT = "petition-portal-web";
/** Where the portal's client secret lives: the realm import's placeholder and the portal's QUARKUS_OIDC_CREDENTIALS_SECRET. */
export const PORTAL_WEB_SECRET = { name: "portal-oidc-client", key: "client-secret" };
export const PORTAL_WEB_SECRET_PLACEHOLDER = "PORTAL_WEB_CLIENT_SECRET";
export const BROWSER_FLOW = "browser with staff OTP";
/** The post-deploy smoke test's client (base/smoke): confidential, client credentials only, its service account a clerk. */
export const SMOKE_CLIENT = "petition-smoke";
export const SMOKE_SECRET = { name: "smoke-client", key: "client-secret" };
export const SMOKE_SECRET_PLACEHOLDER = "SMOKE_CLIENT_SECRET";
/** The area the smoke client registers in (its tokens' locality claim): key locality of the same Secret. */
export const SMOKE_LOCALITY = { name: "smoke-client", key: "locality" };
export const SMOKE_LOCALITY_PLACEHOLDER = "SMOKE_LOCALITY";
/** A client's service account is a user of the realm named service-account-<clientId>: not a person, kept in production. */
export const isServiceAccountUser = (u) => typeof u.serviceAccountClientId === "string" || /^service-account-/.test(String(u.username ?? ""));

/**
 * What a real deployment's realm adds to the local one (docs/kubernetes.md, "The realm"):
 * - brute-force protection: 5 failures lock an account temporarily (1 minute, doubling up to 15), never for
 *   good, so that nobody can lock an official out for good by guessing;
 * - a password policy: 12 characters or more, a digit, an upper- and a lower-case letter, not the
 *   username, none of the last 5;
 * - OTP for staff: the browser flow asks every user holding a staff role for a one-time code (TOTP) after the
 *   password, and makes one who has none set it up first; citizens sign in with the password alone;
 * - the portal on the authorization code flow with PKCE (S256), an exact redirect URI and web origin;
 *   no client may use the password grant (direct access grants), nor the implicit flow.
 */
export function productionHardening(realm) {
  const r = structuredClone(realm);
  Object.assign(r, {
    bruteForceProtected: true,
    permanentLockout: false,
    failureFactor: 5,
    waitIncrementSeconds: 60,
    maxFailureWaitSeconds: 900,
    minimumQuickLoginWaitSeconds: 60,
    quickLoginCheckMilliSeconds: 1000,
    maxDeltaTimeSeconds: 43200,
    passwordPolicy: "length(12) and digits(1) and upperCase(1) and lowerCase(1) and notUsername and passwordHistory(5)",
    otpPolicyType: "totp",
    otpPolicyAlgorithm: "HmacSHA1",
    otpPolicyDigits: 6,
    otpPolicyPeriod: 30,
    // citizens create their own accounts on the portal; such an account has the default roles only and
    // becomes a petitioner through the portal's client (platform-common's SelfRegisteredPetitioners)
    registrationAllowed: true,
  });
  r.clients = (r.clients ?? []).map((c) => {
    const hardened = { ...c, directAccessGrantsEnabled: false, implicitFlowEnabled: false };
    if (c.clientId !== PORTAL_CLIENT) return hardened;
    return {
      ...hardened,
      standardFlowEnabled: true,
      redirectUris: [`${PUBLIC_URL}/`],
      webOrigins: [PUBLIC_URL],
      attributes: { ...(c.attributes ?? {}), "pkce.code.challenge.method": "S256", "post.logout.redirect.uris": `${PUBLIC_URL}/` },
    };
  });
  Object.assign(r, staffOtpBrowserFlow());
  return r;
}

/**
 * The portal web application's client: confidential (its secret a placeholder that the Keycloak operator fills
 * from the Secret portal-oidc-client when it imports the realm), the authorization code flow only, with PKCE
 * (S256), redirect URIs, web origin and post-logout redirect on the portal's https address alone, and the
 * protocol mappers (department, locality, leader_id) of petition-portal. The Quarkus web application returns a
 * user to the page that asked for the sign-in, so its redirect URIs are every path of that one host.
 * A definition of the client in the realm file (the local run's) gives its name and attributes; the rest is
 * set here.
 */
export function portalWebClient(realm) {
  const local = (realm.clients ?? []).find((c) => c.clientId === PORTAL_WEB_CLIENT) ?? {};
  const portal = (realm.clients ?? []).find((c) => c.clientId === PORTAL_CLIENT) ?? {};
  return {
    clientId: PORTAL_WEB_CLIENT,
    name: local.name ?? "Portal web application: the public site and the staff workbench (confidential)",
    enabled: true,
    publicClient: false,
    bearerOnly: false,
    clientAuthenticatorType: "client-secret",
    secret: `\${${PORTAL_WEB_SECRET_PLACEHOLDER}}`,
    standardFlowEnabled: true,
    directAccessGrantsEnabled: false,
    implicitFlowEnabled: false,
    serviceAccountsEnabled: false,
    redirectUris: [`${PUBLIC_URL}/*`],
    webOrigins: [PUBLIC_URL],
    attributes: {
      ...(local.attributes ?? {}),
      "pkce.code.challenge.method": "S256",
      "post.logout.redirect.uris": `${PUBLIC_URL}/*`,
    },
    protocolMappers: structuredClone(portal.protocolMappers ?? local.protocolMappers ?? []),
  };
}

/** The realm's clients with petition-portal-web as generated, right after petition-portal (index 1 in production). */
function withPortalWebClient(realm) {
  const r = structuredClone(realm);
  const web = portalWebClient(r);
  const clients = (r.clients ?? []).filter((c) => c.clientId !== PORTAL_WEB_CLIENT);
  const at = clients.findIndex((c) => c.clientId === PORTAL_CLIENT) + 1;
  clients.splice(at, 0, web);
  r.clients = clients;
  return r;
}

/**
 * The browser flow: cookie, or an identity provider, or the login form followed by one conditional sub-flow
 * per staff role that asks for the one-time code (auth-otp-form). Keycloak's role condition takes one role, and
 * the conditions of a sub-flow must all hold, so the sub-flow of the n-th role also requires that the user
 * holds none of the roles before it: exactly one sub-flow runs for a user with several staff roles, and the code
 * is asked once.
 */
function staffOtpBrowserFlow() {
  const exec = (authenticator, requirement, priority, config) => ({
    authenticator, ...(config ? { authenticatorConfig: config } : {}), authenticatorFlow: false, autheticatorFlow: false,
    requirement, priority, userSetupAllowed: false,
  });
  const subflow = (flowAlias, requirement, priority) => ({
    authenticatorFlow: true, autheticatorFlow: true, flowAlias, requirement, priority, userSetupAllowed: false,
  });
  const flow = (alias, description, topLevel, authenticationExecutions) => ({
    alias, description, providerId: "basic-flow", topLevel, builtIn: false, authenticationExecutions,
  });
  const forms = `${BROWSER_FLOW} forms`;
  const configs = [];
  const roleFlows = STAFF_ROLES.map((role, i) => {
    const conditions = [[role, false], ...STAFF_ROLES.slice(0, i).map((before) => [before, true])].map(([r, negate], k) => {
      const alias = `staff OTP ${role}: ${negate ? "not " : ""}${r}`;
      configs.push({ alias, config: { condUserRole: r, negate: String(negate) } });
      return exec("conditional-user-role", "REQUIRED", 10 + k, alias);
    });
    return flow(`${BROWSER_FLOW} ${role}`, `a one-time code for a ${role}`, false,
      [...conditions, exec("auth-otp-form", "REQUIRED", 100)]);
  });
  return {
    browserFlow: BROWSER_FLOW,
    authenticationFlows: [
      flow(BROWSER_FLOW, "Browser login; every staff role also gives a one-time code (TOTP)", true, [
        exec("auth-cookie", "ALTERNATIVE", 10),
        exec("identity-provider-redirector", "ALTERNATIVE", 25),
        subflow(forms, "ALTERNATIVE", 30),
      ]),
      flow(forms, "Username and password, then a one-time code for staff", false, [
        exec("auth-username-password-form", "REQUIRED", 10),
        ...STAFF_ROLES.map((role, i) => subflow(`${BROWSER_FLOW} ${role}`, "CONDITIONAL", 20 + i)),
      ]),
      ...roleFlows,
    ],
    authenticatorConfig: configs,
  };
}

/**
 * The smoke test's client petition-smoke, when the realm file has it: confidential, its secret a placeholder the
 * Keycloak operator fills from the Secret smoke-client (the one the smoke Job reads), as is the area its tokens
 * name (claim locality, the Secret's key locality), client credentials only (no
 * browser flow, no password grant), whatever the local realm file says of its secret.
 */
export function withSmokeClient(realm) {
  const r = structuredClone(realm);
  r.clients = (r.clients ?? []).map((c) => (c.clientId !== SMOKE_CLIENT ? c : {
    ...c, enabled: true, publicClient: false, bearerOnly: false, clientAuthenticatorType: "client-secret",
    secret: `\${${SMOKE_SECRET_PLACEHOLDER}}`, serviceAccountsEnabled: true, standardFlowEnabled: false,
    directAccessGrantsEnabled: false, implicitFlowEnabled: false, redirectUris: [], webOrigins: [],
    // the clerk's area its tokens name: the deployment's, from the Secret, not the local realm file's demo county
    protocolMappers: (c.protocolMappers ?? []).map((m) => (m.name !== "locality" ? m
      : { ...m, config: { ...m.config, "claim.value": `\${${SMOKE_LOCALITY_PLACEHOLDER}}` } })),
  }));
  return r;
}

export function productionRealm(realm) {
  const r = structuredClone(withSmokeClient(realm));
  delete r.users;
  r.clients = (r.clients ?? []).filter((c) => !isDemoClient(c));
  // the service accounts of the clients that stay (petition-smoke's holds the role clerk); none of a demo client
  const kept = new Set(r.clients.map((c) => c.clientId));
  const accounts = (realm.users ?? []).filter((u) => isServiceAccountUser(u)
    && kept.has(u.serviceAccountClientId ?? String(u.username).replace(/^service-account-/, "")));
  if (accounts.length) r.users = structuredClone(accounts);
  r.clients = (r.clients ?? []).filter((c) => !isDemoClient(c));
  r.sslRequired = "external";
  return productionHardening(withPortalWebClient(r));
}

export function demoRealm(realm) {
  return withPortalWebClient(withSmokeClient(realm));
}

function realmImport(realm, comment) {
  const doc = {
    apiVersion: "k8s.keycloak.org/v2alpha1",
    kind: "KeycloakRealmImport",
    metadata: { name: "petition-realm" },
    spec: {
      keycloakCRName: "petition-keycloak",
      // the operator sets these from the Secrets for the import, which replaces ${NAME} in the realm
      placeholders: {
        [PORTAL_WEB_SECRET_PLACEHOLDER]: { secret: { ...PORTAL_WEB_SECRET } },
        ...((realm.clients ?? []).some((c) => c.clientId === SMOKE_CLIENT) ? {
          [SMOKE_SECRET_PLACEHOLDER]: { secret: { ...SMOKE_SECRET } },
          [SMOKE_LOCALITY_PLACEHOLDER]: { secret: { ...SMOKE_LOCALITY } },
        } : {}),
      },
      realm,
    },
  };
  return `# ${comment}\n# Generated by \`npm run realm\` in deploy/k8s from deploy/keycloak/petition-realm.json: do not edit.\n`
    + YAML.stringify(doc, { lineWidth: 0 });
}

export function expectedFiles() {
  const realm = JSON.parse(readFileSync(REALM_FILE, "utf8"));
  return {
    [PRODUCTION_FILE]: realmImport(productionRealm(realm),
      "The petition realm for a real deployment: no users, no demo clients (docs/kubernetes.md)."),
    [DEMO_FILE]: realmImport(demoRealm(realm),
      "The demo realm (users with the password demo, demo clients with known secrets): trial clusters only."),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [file, text] of Object.entries(expectedFiles())) {
    if (process.argv.includes("--write")) {
      writeFileSync(file, text);
      console.log(`wrote ${path.relative(K8S_DIR, file)}`);
    }
  }
}
