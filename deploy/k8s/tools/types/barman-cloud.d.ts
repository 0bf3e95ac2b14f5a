// The Barman Cloud plugin's ObjectStore (barmancloud.cnpg.io/v1, plugin v0.14.0: tools/versions.mjs), kept by
// hand from the plugin's API (api/v1/objectstore_types.go of github.com/cloudnative-pg/plugin-barman-cloud): no
// package of a registry this project can reach ships its CRD. spec.configuration is barman-cloud's
// BarmanObjectStoreConfiguration, the type CloudNativePG's own schema package declares (the in-tree
// barmanObjectStore), without serverName, which the plugin forbids here (it is a parameter of the Cluster's
// plugin entry). Anything not declared fails the validator.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import type { IResourceRequirements } from "kubernetes-models/v1/ResourceRequirements";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IComGithubCloudnativePgBarmanCloudPkgApiBarmanObjectStoreConfiguration as IBarmanObjectStoreConfiguration } from "@kubernetes-models/cloudnative-pg/github.com/cloudnative-pg/barman-cloud/pkg/api/BarmanObjectStoreConfiguration";

export interface IObjectStore {
  apiVersion: "barmancloud.cnpg.io/v1";
  kind: "ObjectStore";
  metadata: IObjectMeta;
  spec: {
    configuration: Omit<IBarmanObjectStoreConfiguration, "serverName">;
    /** e.g. 30d: XXu, u one of d, w, m */
    retentionPolicy?: string;
    instanceSidecarConfiguration?: {
      env?: Array<IEnvVar>;
      retentionPolicyIntervalSeconds?: number;
      resources?: IResourceRequirements;
      additionalContainerArgs?: Array<string>;
      logLevel?: "error" | "warning" | "info" | "debug" | "trace";
    };
  };
}
