#!/usr/bin/env bash
# Runs the whole petition platform on this machine, everything on 127.0.0.1:
# PostgreSQL, a Kafka broker, Keycloak (realm "petition" with demo users), an SMTP server, and the
# four services. Prints the URLs, the demo users and an example once all are healthy.
#
#   deploy/local/run.sh          start (in the foreground; Ctrl-C stops everything)
#   deploy/local/run.sh stop     stop a platform started from another terminal
#
# Needs a JDK 17+ and Maven (any 3.x, used once by ./mvnw to fetch the pinned Maven). The first
# run builds the project and fetches the dependencies, the Keycloak distribution and the Kafka
# broker from the Maven repository. Each run starts with empty databases and topics. The services run
# in the profiles prod,demo (devinfra's ServiceProcess.PROFILE): routing-service loads its demo directory.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work="$root/.local"
pid_file="$work/platform.pid"

case "${1:-start}" in
  stop)
    if [ ! -f "$pid_file" ] || ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
      echo "The platform is not running."
      exit 0
    fi
    pid=$(cat "$pid_file")
    kill -TERM "$pid"
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || { echo "Stopped."; exit 0; }; sleep 0.5; done
    echo "The platform (pid $pid) did not stop within 60 s." >&2
    exit 1
    ;;
  start) ;;
  *) echo "usage: $0 [start|stop]" >&2; exit 2 ;;
esac

if [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  echo "The platform is already running (pid $(cat "$pid_file")); stop it with: $0 stop" >&2
  exit 1
fi

# Build when a packaged service is missing or any source is newer than the last build.
stamp="$work/build.stamp"
mkdir -p "$work"
if [ ! -f "$stamp" ] || [ ! -f "$root/devinfra/target/classpath.txt" ] \
   || [ -n "$(find "$root" -path "$root/.local" -prune -o \( -path '*/src/*' -o -name pom.xml \) -newer "$stamp" -print -quit)" ] \
   || ! ls "$root"/*-service/target/quarkus-app/quarkus-run.jar >/dev/null 2>&1; then
  echo "Building the platform (./mvnw package -DskipTests) ..."
  (cd "$root" && ./mvnw -B -q -DskipTests package)
  touch "$stamp"
fi

java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$java_cmd" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$root/devinfra/target/classes:$(cat "$root/devinfra/target/classpath.txt")" \
  org.openpetition.devinfra.LocalPlatform "$root" "$work" "$root/target/dist"
