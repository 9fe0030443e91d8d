#!/usr/bin/env bash
# Install (Debian) and start a local PostgreSQL server for the test suite, with
# a role and database the tests use: postgresql://doithoai:doithoai@127.0.0.1:5432/doithoai_test
set -euo pipefail
if ! command -v pg_ctlcluster >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq postgresql >/dev/null
fi
ver=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
if ! pg_lsclusters -h | grep -q "^$ver main"; then
  pg_createcluster "$ver" main >/dev/null
fi
pg_ctlcluster "$ver" main start 2>/dev/null || true
for i in $(seq 1 30); do
  su postgres -c "pg_isready -q -h 127.0.0.1" && break
  sleep 1
done
su postgres -c "psql -q -tc \"SELECT 1 FROM pg_roles WHERE rolname='doithoai'\"" | grep -q 1 \
  || su postgres -c "psql -q -c \"CREATE ROLE doithoai LOGIN PASSWORD 'doithoai' CREATEDB\""
# CREATEROLE: the row-level security tests (tests/test_offices_pg.py) create a
# login role per office's staff with `doithoai admin pg-user`, and drop them after.
su postgres -c "psql -q -c \"ALTER ROLE doithoai CREATEROLE\""
for db in doithoai_test doithoai_test2; do
  su postgres -c "psql -q -tc \"SELECT 1 FROM pg_database WHERE datname='$db'\"" | grep -q 1 \
    || su postgres -c "psql -q -c \"CREATE DATABASE $db OWNER doithoai\""
done
# Substring search uses pg_trgm. Since PostgreSQL 13 it is a trusted extension,
# so the app's migration creates it as the database's owner; installing it in
# template1 as well gives it to every database created later, on any version.
su postgres -c "psql -q -d template1 -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'"
for db in doithoai_test doithoai_test2; do
  su postgres -c "psql -q -d $db -c 'CREATE EXTENSION IF NOT EXISTS pg_trgm'"
done
echo "PostgreSQL $ver sẵn sàng: postgresql://doithoai:doithoai@127.0.0.1:5432/doithoai_test"
