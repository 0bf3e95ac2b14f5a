// The supported version matrix: the operators the platform runs on, pinned, and the Kafka and PostgreSQL
// versions they support together. One source for three readers:
//   - the validator (checkVersions): every overlay must use a Kafka version the pinned Strimzi supports, a
//     PostgreSQL major the pinned CloudNativePG supports, the Keycloak version of the pinned operator, and
//     only the API versions the pinned operators serve;
//   - the guide: docs/kubernetes.md carries the table that versionTable() renders, verbatim (the validator
//     fails when they differ; `node tools/versions.mjs` prints it);
//   - the schema packages in package.json: each operator names the package and upstream release its CRD
//     schema was generated from (a newer operator of the same API is validated against that schema).
import { fileURLToPath } from "node:url";

/** Kafka: the version of the cluster and its KRaft metadata version (Strimzi's kafka-versions.yaml). */
export const KAFKA = { version: "4.2.1", metadataVersion: "4.2-IV1" };

/** Keycloak: the operator's version is Keycloak's version (the project's keycloak.version in pom.xml). */
export const KEYCLOAK = { version: "26.7.3" };

/** PostgreSQL: the image the clusters run (CloudNativePG's operand images). */
export const POSTGRESQL = { image: "ghcr.io/cloudnative-pg/postgresql:17.6", major: 17 };

export const OPERATORS = [
  {
    id: "strimzi", name: "Strimzi", version: "1.2.0",
    apis: ["kafka.strimzi.io/v1"],
    // Strimzi 1.2.0's kafka-versions.yaml: supported true
    supports: { kafka: ["4.2.0", "4.2.1", "4.3.0", "4.3.1"] },
    schema: "@kubernetes-models/strimzi-kafka-operator 1.0.1 (Strimzi 1.0.0 CRDs; the v1 API of 1.2.0)",
    install: "Helm chart `strimzi-kafka-operator` 1.2.0, watching `petition`, with `STRIMZI_POD_SECURITY_PROVIDER_CLASS=restricted`",
  },
  {
    id: "cnpg", name: "CloudNativePG", version: "1.29.0",
    apis: ["postgresql.cnpg.io/v1"],
    supports: { postgresql: [14, 15, 16, 17, 18] },
    schema: "@kubernetes-models/cloudnative-pg 2.0.0 (CloudNativePG 1.29.0)",
    install: "release manifest or Helm chart `cloudnative-pg`, in `cnpg-system`",
  },
  {
    id: "barman-cloud", name: "Barman Cloud plugin (CloudNativePG)", version: "0.14.0",
    apis: ["barmancloud.cnpg.io/v1"],
    requires: "CloudNativePG 1.26 or later, cert-manager",
    schema: "tools/types/barman-cloud.d.ts, kept by hand from the plugin's ObjectStore API (v0.14.0)",
    install: "the plugin's release manifest, in `cnpg-system` (needs cert-manager)",
  },
  {
    id: "keycloak", name: "Keycloak operator", version: KEYCLOAK.version,
    apis: ["k8s.keycloak.org/v2alpha1"],
    supports: { keycloak: [KEYCLOAK.version] },
    schema: "tools/types/keycloak.d.ts, kept by hand from the operator's documentation (26.x)",
    install: "the operator's CRDs and deployment manifest of the same version, in `petition`",
  },
  {
    id: "prometheus-operator", name: "Prometheus Operator (kube-prometheus-stack)", version: "0.91.0",
    chart: "kube-prometheus-stack 86.3.2",
    apis: ["monitoring.coreos.com/v1"],
    schema: "@kubernetes-models/prometheus-operator 6.0.0 (prometheus-operator 0.91.0)",
    install: "Helm chart `kube-prometheus-stack` 86.3.2, release name `kube-prometheus-stack`",
  },
  {
    id: "keda", name: "KEDA", version: "2.19.0",
    apis: ["keda.sh/v1alpha1"],
    schema: "@kubernetes-models/keda 2.0.0 (KEDA 2.19.0)",
    install: "Helm chart `keda` 2.19.0, in `keda`",
  },
  {
    id: "external-secrets", name: "External Secrets Operator", version: "0.16.2",
    apis: ["external-secrets.io/v1"],
    schema: "@kubernetes-models/external-secrets 2.0.0 (External Secrets 0.16.2)",
    install: "Helm chart `external-secrets` 0.16.2, with a ClusterSecretStore of your secret store",
  },
  {
    id: "argo-cd", name: "Argo CD", version: "3.3.9",
    apis: ["argoproj.io/v1alpha1"],
    schema: "@kubernetes-models/argo-cd 4.0.0 (Argo CD 3.3.9)",
    install: "its release manifest or Helm chart `argo-cd`, in `argocd`",
  },
];

/** The cluster itself. */
export const KUBERNETES = { minimum: "1.30", why: "restricted Pod Security, sidecar containers (the Barman Cloud plugin), autoscaling/v2, policy/v1" };

export const operator = (id) => OPERATORS.find((o) => o.id === id);

/** The API groups/versions the pinned operators serve, and the built-in ones. */
export function servedApis() {
  return new Set(OPERATORS.flatMap((o) => o.apis));
}

/**
 * The documents' versions against the matrix: the Kafka cluster's version and metadata version, the PostgreSQL
 * clusters' images, the Keycloak image if one is set, and every custom resource's apiVersion.
 */
export function versionErrors(docs) {
  const errors = [];
  const strimzi = operator("strimzi");
  const cnpg = operator("cnpg");
  const served = servedApis();
  for (const d of docs) {
    const name = `${d.kind}/${d.metadata?.name}`;
    const group = String(d.apiVersion ?? "").includes("/") ? d.apiVersion.split("/")[0] : "";
    if (group.includes(".") && !group.endsWith(".k8s.io") && !served.has(d.apiVersion)) {
      errors.push(`${name}: apiVersion ${d.apiVersion} is served by no operator of the supported matrix (tools/versions.mjs)`);
    }
    if (d.kind === "Kafka") {
      const v = d.spec?.kafka?.version;
      if (!strimzi.supports.kafka.includes(v)) {
        errors.push(`${name}: spec.kafka.version ${v ?? "(unset)"} is not supported by Strimzi ${strimzi.version} (supported: ${strimzi.supports.kafka.join(", ")}; tools/versions.mjs)`);
      } else if (v !== KAFKA.version) {
        errors.push(`${name}: spec.kafka.version ${v} is not the matrix's Kafka ${KAFKA.version} (tools/versions.mjs)`);
      }
      const m = d.spec?.kafka?.metadataVersion;
      if (m !== undefined && m !== KAFKA.metadataVersion) errors.push(`${name}: spec.kafka.metadataVersion ${m} is not ${KAFKA.metadataVersion}, the metadata version of Kafka ${KAFKA.version}`);
    }
    if (d.kind === "Cluster" && d.apiVersion === "postgresql.cnpg.io/v1") {
      const image = d.spec?.imageName;
      const major = Number(/:(\d+)(?:\.|$|-)/.exec(String(image ?? ""))?.[1]);
      if (!cnpg.supports.postgresql.includes(major)) errors.push(`${name}: spec.imageName ${image} is not a PostgreSQL major CloudNativePG ${cnpg.version} supports (${cnpg.supports.postgresql.join(", ")})`);
      else if (image !== POSTGRESQL.image) errors.push(`${name}: spec.imageName ${image} is not the matrix's ${POSTGRESQL.image} (tools/versions.mjs)`);
    }
    if (d.kind === "Keycloak" && d.spec?.image) {
      const tag = /:([^:/@]+)(?:@|$)/.exec(d.spec.image)?.[1];
      if (tag !== KEYCLOAK.version) errors.push(`${name}: spec.image ${d.spec.image} is not Keycloak ${KEYCLOAK.version}, the version of the pinned operator`);
    }
  }
  return errors;
}

/** Argo CD's Applications of the operators (deploy/k8s/argocd) install the pinned versions. */
export function applicationErrors(docs) {
  const errors = [];
  const want = {
    strimzi: operator("strimzi").version, keda: operator("keda").version, "external-secrets": operator("external-secrets").version,
    keycloak: operator("keycloak").version, "barman-cloud": operator("barman-cloud").version,
    "kube-prometheus-stack": operator("prometheus-operator").chart.split(" ")[1],
  };
  for (const a of docs.filter((d) => d.kind === "Application")) {
    const id = a.metadata.name.replace(/^petition-operators-/, "");
    if (want[id] && String(a.spec?.source?.targetRevision).replace(/^v/, "") !== want[id]) {
      errors.push(`Application/${a.metadata.name}: spec.source.targetRevision ${a.spec?.source?.targetRevision} is not the pinned ${want[id]} (tools/versions.mjs)`);
    }
    if (a.metadata.name.startsWith("petition-operators-") && a.metadata.annotations?.["argocd.argoproj.io/sync-wave"] !== "-1") errors.push(`Application/${a.metadata.name}: the operators sync in wave -1`);
  }
  return errors;
}

/** The compatibility table of docs/kubernetes.md (markdown), rendered from the matrix. */
export function versionTable() {
  const rows = [
    "| component | version | serves / supports | validated against |",
    "|---|---|---|---|",
    `| Kubernetes | ${KUBERNETES.minimum} or later | ${KUBERNETES.why} | npm \`kubernetes-models\` |`,
  ];
  for (const o of OPERATORS) {
    const supports = [
      `\`${o.apis.join("`, `")}\``,
      o.supports?.kafka ? `Kafka ${o.supports.kafka.join(", ")}` : null,
      o.supports?.postgresql ? `PostgreSQL ${o.supports.postgresql.join(", ")}` : null,
      o.supports?.keycloak ? `Keycloak ${o.supports.keycloak.join(", ")}` : null,
      o.requires ? `needs ${o.requires}` : null,
    ].filter(Boolean).join("; ");
    rows.push(`| ${o.name} | ${o.version}${o.chart ? ` (chart ${o.chart})` : ""} | ${supports} | ${o.schema} |`);
  }
  rows.push(`| Kafka (Strimzi's \`spec.kafka.version\`) | ${KAFKA.version} (metadata ${KAFKA.metadataVersion}) | the platform's brokers | the validator: a version the pinned Strimzi supports |`);
  rows.push(`| PostgreSQL (CloudNativePG's \`imageName\`) | ${POSTGRESQL.image.split(":")[1]} (\`${POSTGRESQL.image}\`) | every database cluster | the validator: a major the pinned CloudNativePG supports |`);
  rows.push(`| Keycloak | ${KEYCLOAK.version} | the operator's own version | the project's \`keycloak.version\` |`);
  return rows.join("\n");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(versionTable());
