#!/usr/bin/env bash
# The restore drill (components/backups/restore-drill.yaml): for each database, restore its latest backup into the
# scratch namespace, count the rows of its main tables, delete the restored cluster. Exit 1 when any restore fails.
set -uo pipefail
ns="${DRILL_NAMESPACE:?}"
declare -A tables=(
  [intake]="petition petitioner attachment"
  [routing]="routing_decision department division"
  [supervision]="supervised_case case_step deadline_alert"
  [notification]="notification delivery_attempt"
  [portal]=""
  [keycloak]="realm user_entity"
)
status=0
for db in ${DRILL_DATABASES:?}; do
  name="${db}-drill"
  echo "restore drill: ${db}-db -> ${ns}/${name}"
  kubectl -n "$ns" apply -f - <<YAML
apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: ${name}
  labels:
    openpetition.org/restore-drill: "true"
spec:
  instances: 1
  imageName: ${DRILL_POSTGRES_IMAGE:?}
  enableSuperuserAccess: false
  storage:
    size: ${DRILL_STORAGE:?}
  bootstrap:
    recovery:
      source: origin
      database: ${db}
      owner: ${db}
  externalClusters:
    - name: origin
      plugin:
        name: barman-cloud.cloudnative-pg.io
        parameters:
          barmanObjectName: petition-backups
          serverName: ${db}-db
YAML
  if kubectl -n "$ns" wait "cluster/${name}" --for=condition=Ready --timeout="${DRILL_TIMEOUT:?}"; then
    for table in ${tables[$db]:-}; do
      if rows=$(kubectl -n "$ns" exec "${name}-1" -c postgres -- psql -d "$db" -Atc "select count(*) from ${table}"); then
        echo "restore drill: ${db}.${table} ${rows} rows"
      else
        echo "restore drill: ${db}.${table} cannot be read" >&2
        status=1
      fi
    done
  else
    echo "restore drill: ${db}-db did not restore within ${DRILL_TIMEOUT}" >&2
    status=1
  fi
  kubectl -n "$ns" delete "cluster/${name}" --wait=true --timeout=10m || status=1
done
exit "$status"
