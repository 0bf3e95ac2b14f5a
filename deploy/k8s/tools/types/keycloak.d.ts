// The Keycloak operator's custom resources (k8s.keycloak.org/v2alpha1, operator 26.x), kept by hand:
// no package of a registry this project can reach ships the operator's CRDs. Written from the
// operator's documentation (https://www.keycloak.org/operator/advanced-configuration and
// /operator/realm-import); every field the manifests may use is listed, and the validator rejects
// anything else, so a field added here must be checked against the CRD of the operator version in use.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";
import type { IAffinity } from "kubernetes-models/v1/Affinity";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { ITopologySpreadConstraint } from "kubernetes-models/v1/TopologySpreadConstraint";
import type { IPodTemplateSpec } from "kubernetes-models/v1/PodTemplateSpec";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { INetworkPolicyPeer } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicyPeer";

interface SecretKeyRef {
  name: string;
  key: string;
  optional?: boolean;
}

export interface IKeycloak {
  apiVersion: "k8s.keycloak.org/v2alpha1";
  kind: "Keycloak";
  metadata?: IObjectMeta;
  spec: {
    instances?: number;
    image?: string;
    imagePullSecrets?: Array<{ name: string }>;
    startOptimized?: boolean;
    additionalOptions?: Array<{ name: string; value?: string; secret?: SecretKeyRef }>;
    bootstrapAdmin?: { user?: { secret: string }; service?: { secret: string } };
    db?: {
      vendor: "postgres" | "mysql" | "mariadb" | "mssql" | "oracle" | "dev-file";
      host?: string;
      port?: number;
      database?: string;
      schema?: string;
      url?: string;
      usernameSecret?: SecretKeyRef;
      passwordSecret?: SecretKeyRef;
      poolInitialSize?: number;
      poolMinSize?: number;
      poolMaxSize?: number;
    };
    env?: Array<IEnvVar>;
    features?: { enabled?: Array<string>; disabled?: Array<string> };
    hostname?: { hostname?: string; admin?: string; strict?: boolean; backchannelDynamic?: boolean };
    http?: {
      httpEnabled?: boolean;
      httpPort?: number;
      httpsPort?: number;
      tlsSecret?: string;
      annotations?: { [key: string]: string };
      labels?: { [key: string]: string };
    };
    httpManagement?: { port?: number };
    ingress?: {
      enabled?: boolean;
      className?: string;
      tlsSecret?: string;
      annotations?: { [key: string]: string };
      labels?: { [key: string]: string };
    };
    networkPolicy?: {
      enabled?: boolean;
      http?: Array<INetworkPolicyPeer>;
      https?: Array<INetworkPolicyPeer>;
      management?: Array<INetworkPolicyPeer>;
    };
    proxy?: { headers?: "forwarded" | "xforwarded" };
    resources?: IResourceRequirements;
    scheduling?: {
      affinity?: IAffinity;
      tolerations?: Array<IToleration>;
      topologySpreadConstraints?: Array<ITopologySpreadConstraint>;
      priorityClassName?: string;
    };
    transaction?: { xaEnabled?: boolean };
    truststores?: { [name: string]: { name?: string; secret?: { name: string } } };
    unsupported?: { podTemplate?: IPodTemplateSpec };
    update?: { strategy?: "Auto" | "Explicit" | "Recreate" | "RollingUpdate"; revision?: string };
  };
}

/** spec.realm is a Keycloak RealmRepresentation; the validator checks what the platform needs of it. */
export interface IKeycloakRealmImport {
  apiVersion: "k8s.keycloak.org/v2alpha1";
  kind: "KeycloakRealmImport";
  metadata?: IObjectMeta;
  spec: {
    keycloakCRName: string;
    realm: { realm: string; [field: string]: unknown };
    placeholders?: { [name: string]: { secret: { name: string; key: string } } };
    resources?: IResourceRequirements;
  };
}
