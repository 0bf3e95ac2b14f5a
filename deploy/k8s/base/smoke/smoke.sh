#!/usr/bin/env bash
# Post-deploy smoke test of the petition platform: health of intake-service, a token from Keycloak, one
# petition registered, followed on its public timeline until a unit has it (routing-service assigned it
# or told the petitioner of another channel), then withdrawn, so that nobody works on it.
#
# Environment:
#   PETITION_INTAKE_URL             intake-service's API, e.g. http://intake-service.petition.svc:8080
#   PETITION_INTAKE_HEALTH_URL      optional: its readiness endpoint too (the management port; in Kubernetes only
#                                   the monitoring namespace reaches it, so the Job checks the API alone)
#   PETITION_TOKEN_URL              Keycloak's token endpoint of the petition realm
#   PETITION_SMOKE_CLIENT_ID        a confidential client whose service account holds the role clerk and
#                                   whose tokens name a locality (the clerk's area, claim "locality")
#   PETITION_SMOKE_CLIENT_SECRET
#   PETITION_SMOKE_LOCALITY         where the test petition arises (default 511703; choose a unit that expects it)
#   PETITION_SMOKE_TIMEOUT_SECONDS  how long to wait for the assignment (default 120)
# Exit status 0: every step passed. Each step prints one line; nothing personal is printed.
set -euo pipefail

: "${PETITION_INTAKE_URL:?set PETITION_INTAKE_URL}"
: "${PETITION_TOKEN_URL:?set PETITION_TOKEN_URL}"
: "${PETITION_SMOKE_CLIENT_ID:?set PETITION_SMOKE_CLIENT_ID}"
: "${PETITION_SMOKE_CLIENT_SECRET:?set PETITION_SMOKE_CLIENT_SECRET}"
locality="${PETITION_SMOKE_LOCALITY:-511703}"
timeout="${PETITION_SMOKE_TIMEOUT_SECONDS:-120}"
intake="${PETITION_INTAKE_URL%/}"

step() { printf 'smoke: %s\n' "$*"; }
fail() { printf 'smoke: FAILED: %s\n' "$*" >&2; exit 1; }
# the value of a string field of a one-line JSON document
field() { sed -n "s/.*\"$1\" *: *\"\\([^\"]*\\)\".*/\\1/p" | head -1; }

if [ -n "${PETITION_INTAKE_HEALTH_URL:-}" ]; then
  status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$PETITION_INTAKE_HEALTH_URL") || status=000
  [ "$status" = 200 ] || fail "intake-service is not ready ($PETITION_INTAKE_HEALTH_URL answered $status)"
fi
status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$intake/api/subject-categories") || status=000
[ "$status" = 200 ] || fail "intake-service does not answer ($intake/api/subject-categories: $status)"
step "intake-service answers"

token=$(curl -sf --max-time 10 "$PETITION_TOKEN_URL" -d grant_type=client_credentials \
  --data-urlencode "client_id=$PETITION_SMOKE_CLIENT_ID" --data-urlencode "client_secret=$PETITION_SMOKE_CLIENT_SECRET" \
  | field access_token) || true
[ -n "$token" ] || fail "no token from $PETITION_TOKEN_URL for the client $PETITION_SMOKE_CLIENT_ID"
step "a token for $PETITION_SMOKE_CLIENT_ID"

run="smoke-$(date -u +%Y%m%dT%H%M%SZ)-$$"
response=$(curl -s --max-time 20 -w '\n%{http_code}' -X POST "$intake/api/petitions" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -H "Idempotency-Key: $run" -d @- <<JSON
{"channel": "LETTER", "kind": "ENQUIRY", "subjectCategory": "URBAN_HOUSING", "localityCode": "$locality",
 "title": "平台部署自检，请忽略（$run）",
 "content": "这是平台部署后的自动自检信件，用于确认登记和转送正常，随后即由自检程序撤回，无需办理。",
 "petitioners": [{"name": "部署自检"}], "notifyBy": []}
JSON
) || response=$'\n000'
status="${response##*$'\n'}"
receipt="${response%$'\n'*}"
[ "$status" = 201 ] || fail "intake-service did not register the test petition (HTTP $status: $(printf '%s' "$receipt" | tr -d '\n' | field detail))"
code=$(printf '%s' "$receipt" | field trackingCode)
secret=$(printf '%s' "$receipt" | field querySecret)
[ -n "$code" ] && [ -n "$secret" ] || fail "the receipt has no tracking code or query secret"
step "registered $code"

track() {
  curl -sf --max-time 10 -X POST "$intake/api/tracking" -H 'Content-Type: application/json' \
    -d "{\"trackingCode\": \"$code\", \"querySecret\": \"$secret\"}"
}
deadline=$(( $(date +%s) + timeout ))
until track | grep -Eq '"status" *: *"(ASSIGNED|DIVERTED)"'; do
  [ "$(date +%s)" -lt "$deadline" ] || fail "$code was not assigned within ${timeout}s (routing-service, Kafka)"
  sleep 2
done
step "$code reached a unit"

curl -sf --max-time 10 -o /dev/null -X POST "$intake/api/tracking/actions" -H 'Content-Type: application/json' \
  -d "{\"trackingCode\": \"$code\", \"querySecret\": \"$secret\", \"action\": \"WITHDRAW\"}" \
  || fail "$code could not be withdrawn: withdraw it by hand"
step "$code withdrawn; the platform works"
