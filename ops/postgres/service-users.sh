#!/bin/sh
# One PostgreSQL login per service, owning its own database and able to connect to no other service's.
# Run as a superuser (psql's usual PGHOST, PGPORT, PGUSER, PGPASSWORD apply); safe to run again.
# Each service's password comes from <SERVICE>_DB_PASSWORD (e.g. INTAKE_DB_PASSWORD); a service without one is
# skipped. docs/data-at-rest.md explains how each service then signs in.
#   INTAKE_DB_PASSWORD=... WORKFLOW_DB_PASSWORD=... ops/postgres/service-users.sh
# PROLO_DB_PREFIX (default prolo_) names roles and databases <prefix><service>.
# docker-compose.yml runs it as an init script of the postgres image, on the first start of an empty data volume.
set -eu
prefix="${PROLO_DB_PREFIX:-prolo_}"
for service in identity workflow intake imaging scheduling notification timeline; do
  password=$(printenv "$(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD" || true)
  if [ -z "$password" ]; then
    echo "skipping $service: no $(echo "$service" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD" >&2
    continue
  fi
  name="$prefix$service"
  psql -v ON_ERROR_STOP=1 -q -d postgres -v name="$name" -v password="$password" <<'SQL'
SELECT format('CREATE ROLE %I', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name') \gexec
ALTER ROLE :"name" WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name') \gexec
ALTER DATABASE :"name" OWNER TO :"name";
-- Without this every role may connect to every database (PUBLIC's default CONNECT).
REVOKE ALL ON DATABASE :"name" FROM PUBLIC;
\connect :"name"
-- A database created earlier by the superuser: the service's tables, sequences and views become its own.
ALTER SCHEMA public OWNER TO :"name";
SELECT format('ALTER TABLE public.%I OWNER TO %I', c.relname, :'name')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
    AND pg_get_userbyid(c.relowner) <> :'name' \gexec
SELECT format('ALTER SEQUENCE public.%I OWNER TO %I', c.relname, :'name')
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_depend d ON d.objid = c.oid AND d.deptype IN ('a', 'i')
  WHERE n.nspname = 'public' AND c.relkind = 'S' AND d.objid IS NULL
    AND pg_get_userbyid(c.relowner) <> :'name' \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
  echo "$name: role and database ready"
done
