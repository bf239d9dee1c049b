#!/bin/bash
# Runs once, when the PostgreSQL data volume is empty (docker-entrypoint-initdb.d): one login role
# and one database per PSI service, and one for Keycloak. Passwords come from the environment
# (.env); nothing secret is in this file.
set -euo pipefail

create() { # role database password
  psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
    -v role="$1" -v db="$2" -v pw="$3" <<'SQL'
CREATE ROLE :"role" LOGIN PASSWORD :'pw';
CREATE DATABASE :"db" OWNER :"role";
SQL
}

create enrollment enrollment "$PSI_DB_ENROLLMENT_PASSWORD"
create contribution contribution "$PSI_DB_CONTRIBUTION_PASSWORD"
create transfer transfer "$PSI_DB_TRANSFER_PASSWORD"
create keycloak keycloak "$PSI_DB_KEYCLOAK_PASSWORD"
