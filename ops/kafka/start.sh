#!/bin/bash
# The compose broker: Apache Kafka's own start (/etc/kafka/docker/run, configured by the KAFKA_* variables), then, once
# it answers on its internal listener, each service's SCRAM user with the password from .env and the ACLs of acls.txt.
# The health check passes only after that, so no service connects before its user and rights exist.
set -euo pipefail

ready=/tmp/prolo-kafka-ready
rm -f "$ready"
/etc/kafka/docker/run &
broker=$!

admin=/tmp/prolo-admin.properties
umask 077
cat > "$admin" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${PROLO_KAFKA_ADMIN_PASSWORD}";
PROPERTIES
bin=/opt/kafka/bin
internal=localhost:9094

until "$bin/kafka-broker-api-versions.sh" --bootstrap-server "$internal" --command-config "$admin" > /dev/null 2>&1; do
  kill -0 "$broker" 2> /dev/null || exit 1
  sleep 2
done

for user in $(grep -v '^#' /opt/prolo/kafka/acls.txt | cut -d' ' -f1 | sort -u); do
  variable="${user^^}_KAFKA_PASSWORD"
  password="${!variable:?set $variable in .env (see .env.example)}"
  "$bin/kafka-configs.sh" --bootstrap-server "$internal" --command-config "$admin" --alter \
    --add-config "SCRAM-SHA-512=[iterations=8192,password=${password}]" --entity-type users --entity-name "$user" > /dev/null
done

grep -v '^#' /opt/prolo/kafka/acls.txt | while read -r principal operations type name; do
  args=()
  for operation in ${operations//,/ }; do args+=(--operation "$operation"); done
  "$bin/kafka-acls.sh" --bootstrap-server "$internal" --command-config "$admin" --add \
    --allow-principal "User:$principal" "${args[@]}" "--$type" "$name" > /dev/null
done

touch "$ready"
echo "prolo: Kafka users and ACLs in place"
wait "$broker"
